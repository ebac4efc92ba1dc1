"""Ratings: the grading forms, the subject each grade belongs to, its time, and pairing."""

from __future__ import annotations

import pytest

from inspectcheck.api import compare_documents
from inspectcheck.extract import read_source
from inspectcheck.ratings import subjects_match
from inspectcheck.records import Document, Rating, Status


def doc(text: str, label: str = "A") -> Document:
    return Document(path=f"{label.lower()}.txt", label=label, text=text, sha256="0" * 64)


def ratings(text: str) -> list[tuple[str, str, str]]:
    """(text, grade, subject) for every rating read from `text`."""
    source = read_source(doc(text))
    return [(c.text, c.grade, c.subject) for c in source.claims if isinstance(c, Rating)]


FORMS = [
    # sentence, grade, subject
    ("The force was rated inadequate.", "inadequate", "overall"),
    ("Wealdshire Police rated inadequate over slow response", "inadequate", "overall"),
    ("Kettlewick A&E rated inadequate as patients waited", "inadequate", "urgent and emergency care"),
    ("The home was downgraded to inadequate.", "inadequate", "overall"),
    ("Preventing fires was rated requires improvement.", "requires improvement", "preventing fires"),
    ("Respect was found to be not sufficiently good.", "not sufficiently good", "respect"),
    ("Behaviour and attitudes were judged to be inadequate.", "inadequate", "behaviour and attitudes"),
    ("The service was rated as good at understanding fire and risk.", "good", "understanding fire and risk"),
    ("It is adequate at responding to fires and other emergencies.", "adequate", "responding to fires"),
    ("We rated the practice as inadequate for providing safe services.", "inadequate", "safe"),
    ("Its safe and well-led questions were rated inadequate.", "inadequate", "safe and well-led"),
    ("Care leavers receive a good service.", "good", "care leavers"),
    (
        "The experiences and progress of children in care require improvement to be good.",
        "requires improvement",
        "children in care",
    ),
    (
        "The experiences of children who need help and protection were judged inadequate.",
        "inadequate",
        "help and protection",
    ),
    ("Our rating for this service has changed to requires improvement.", "requires improvement", "overall"),
    ("Overall effectiveness: requires improvement to be good", "requires improvement", "overall"),
    ("Pupils’ personal development was judged to require improvement.", "requires improvement", "personal development"),
    ("The school was placed in special measures.", "special measures", "concern"),
    # Ofsted report cards (from November 2025)
    ("Achievement was judged to need attention.", "needs attention", "achievement"),
    ("Achievement needs attention, the report says.", "needs attention", "achievement"),
    ("Inspectors judged inclusion to be at a strong standard.", "strong standard", "inclusion"),
    (
        "The school was graded exceptional for pupils’ personal development and well-being in one of the first report cards.",
        "exceptional",
        "personal development and well-being",
    ),
    # the verb alone, at the end of a clause
    ("Resettlement of children leaving custody requires improvement, the inspectorate said.", "requires improvement", "resettlement"),
    ("The school requires improvement.", "requires improvement", "overall"),
    ("Much of this requires improvement.", "requires improvement", "?"),
    # the area a ", which was rated" clause grades, and CQC's core services
    ("Inspectors looked at urgent and emergency care, which was rated requires improvement.", "requires improvement", "urgent and emergency care"),
    ("Surgery was also rated good.", "good", "surgery"),
    ("It was told it requires improvement in how effective its care is.", "requires improvement", "effective"),
    ("It was rated good for how well led it is.", "good", "well-led"),
    # a report's lines naming an area and its grade
    ("The experiences and progress of care leavers: requires improvement to be good", "requires improvement", "care leavers"),
    ("Apprenticeships: Inadequate", "inadequate", "apprenticeships"),
    ("Services for care leavers also require improvement, the report says.", "requires improvement", "care leavers"),
    ("Preparation for removal was also judged reasonably good.", "reasonably good", "preparation for removal"),
    ("Safety had deteriorated to poor since its last inspection.", "poor", "safe"),
    # HMICFRS's areas in verbs, and a parenthesis between subject and verb
    ("The force was graded inadequate for the way it records crime.", "inadequate", "recording crime"),
    ("It was rated as requiring improvement in how it responds to the public.", "requires improvement", "responding to the public"),
    ("It was rated good at how well it investigates crime, inspectors said.", "good", "investigating crime"),
    ("Its leadership, under a new management team, was judged to be good.", "good", "leadership"),
    ("Safety was again judged to be not sufficiently good.", "not sufficiently good", "safe"),
    ("Outcomes for safety were judged not sufficiently good.", "not sufficiently good", "safe"),
    ("The agency was rated requires improvement.", "requires improvement", "overall"),
    ("At this inspection, outcomes in safety had declined and were not sufficiently good.", "not sufficiently good", "safe"),
    ("Outcomes in activities remained good.", "good", "activities"),
    ("A primary school is celebrating after Ofsted inspectors rated it good.", "good", "overall"),
    ("Provision in the early years - the nursery and Reception - still requires improvement.", "requires improvement", "early years"),
    # report grade lines and CQC's rating table
    ("Mental health crisis services and places of safety: requires improvement.", "requires improvement", "mental health crisis services and places of safety"),
    ("Hollowmere School: good", "good", "overall"),
    ("Are services safe? Inadequate", "inadequate", "safe"),
    ("Are services well-led? Requires improvement", "requires improvement", "well-led"),
    ("We rated caring as outstanding on these wards.", "outstanding", "?"),
    ("Learning, teaching and assessment was evaluated as satisfactory.", "satisfactory", "learning, teaching and assessment"),
    # the Care Inspectorate's key questions
    ("How well do we support people's wellbeing? Weak", "weak", "wellbeing"),
    ("It was graded weak for how well it supports people's wellbeing.", "weak", "wellbeing"),
    ("How good is our staff team? Adequate", "adequate", "staff team"),
    ("Ensuring wellbeing, equality and inclusion was graded good.", "good", "wellbeing"),
    # HMICFRS's full area names, and areas named a second way
    ("Inspectors gave the force an adequate grade for building, supporting and protecting its workforce.", "adequate", "building, supporting and protecting the workforce"),
    ("Police powers and public treatment was rated good.", "good", "police powers and public treatment"),
    ("Its work investigating crime also requires improvement.", "requires improvement", "investigating crime"),
    ("A primary school has been graded exceptional for its nursery and Reception classes.", "exceptional", "early years"),
    ("Leadership and force management requires improvement too, the inspectorate said.", "requires improvement", "leadership and force management"),
    ("Its only good grade was for police powers and public treatment.", "good", "police powers and public treatment"),
    ("HM Inspectorate of Prisons said outcomes in safety at Brackenmoor Immigration Removal Centre, near Keldwick, were not sufficiently good.", "not sufficiently good", "safe"),
    ("Safety was judged not sufficiently good at this inspection.", "not sufficiently good", "safe"),
    ("Inspectors also graded as adequate the force's work protecting vulnerable people, though they had concerns.", "adequate", "protecting vulnerable people"),
    ("The force's 999 response was rated inadequate.", "inadequate", "responding to the public"),
    ("Getting the right people with the right skills requires improvement, HMICFRS said.", "requires improvement", "getting the right people with the right skills"),
    ("Inspectors found its response to fires and other emergencies to be adequate.", "adequate", "responding to fires"),
    ("A fire service has been rated inadequate for its culture after staff complained.", "inadequate", "promoting the right values and culture"),
    # Ofsted's children's homes: three judgements, the first of them the home's overall grade
    ("The effectiveness of leaders and managers at the home was judged inadequate.", "inadequate", "leadership"),
    ("How well children and young people are helped and protected: inadequate", "inadequate", "help and protection"),
    ("Overall experiences and progress of children and young people: requires improvement to be good", "requires improvement", "children's experiences and progress"),
    ("Children's overall experiences and progress were found to require improvement.", "requires improvement", "children's experiences and progress"),
    ("Overall judgement at last inspection: good", "good", "overall (before)"),
    ("The report found the service requires improvement in how it responds to major and multi-agency incidents.", "requires improvement", "responding to major incidents"),
    ("Inspectors also judged the department inadequate for how well it was led.", "inadequate", "well-led"),
    ("The practice was judged good at providing effective care.", "good", "effective"),
    ("The CQC visited the hospital in March and has downgraded it to requires improvement overall.", "requires improvement", "overall"),
    # what is graded, not who runs it; news's capitalised first word is not a name
    ("ACUTE mental health wards run by Calderbrook NHS Foundation Trust have been rated inadequate.", "inadequate", "acute mental health wards"),
    ("Crisis services and health-based places of safety, where people are taken to be assessed, were also rated inadequate.", "inadequate", "crisis services and health-based places of safety"),
    ("Children's services in Pellingham were rated inadequate.", "inadequate", "overall"),
    ("The hospital as a whole remains rated requires improvement.", "requires improvement", "overall"),
    ("A secondary school that was rated inadequate has improved.", "inadequate", "overall"),
    # report cards
    ("Curriculum and teaching was judged to be at the expected standard.", "expected standard", "curriculum and teaching"),
    ("Attendance and behaviour, which the school has worked hard on, met the expected standard for that area.", "expected standard", "attendance and behaviour"),
    ("Care concerns were about children who need help and protection, which Ofsted rated inadequate.", "inadequate", "help and protection"),
    ("The experiences and progress of children in care      Requires improvement to be good", "requires improvement", "children in care"),
    # a service's own overall grade is not the provider's
    ("However, inspectors rated the acute wards for adults of working age inadequate overall.", "inadequate", "acute wards for adults of working age"),
    ("Our acute wards for adults of working age and psychiatric intensive care units were rated requires improvement overall.", "requires improvement", "acute wards"),
    ("Inspectors rated the school good overall.", "good", "overall"),
    # bullets, and the Care Inspectorate's key questions as objects
    ("• Leadership: weak", "weak", "leadership"),
    ("We evaluated how well people's wellbeing was supported as adequate, where strengths only just outweighed weaknesses.", "adequate", "wellbeing"),
    ("We evaluated how well care and support was planned as weak.", "weak", "care and support planning"),
    ("We evaluated how good our leadership is as weak.", "weak", "leadership"),
    ("• Police legitimacy – Good", "good", "police legitimacy"),
    ("- Staffing was rated inadequate.", "inadequate", "staffing"),
    ("Inadequate – that's the lowest grade inspectors can give, and it's what the service has been rated for promoting the right values and culture.", "inadequate", "promoting the right values and culture"),
    ("Responding to major and multi-agency incidents: outstanding, with inspectors praising how crews worked together.", "outstanding", "responding to major incidents"),
    ("Poor: that was the verdict of HM Inspectorate of Prisons on purposeful activity at the jail.", "poor", "purposeful activity"),
    ("Sixth-form provision: Good", "good", "sixth form"),
    ("Resettlement was the only area rated reasonably good.", "reasonably good", "resettlement"),
    ("Courses for adults were rated outstanding.", "outstanding", "adult learning programmes"),
    ("Care leavers' services were also rated requires improvement to be good.", "requires improvement", "care leavers"),
    ("1.1 Governance and leadership: Requires improvement", "requires improvement", "governance and leadership"),
    ("Overall rating: Requires improvement (score 17 out of 36)", "requires improvement", "overall"),
    ("Its response to major and multi-agency incidents was rated good too.", "good", "responding to major incidents"),
    ("Its fire safety work, which protects the public through fire regulation, was graded adequate.", "adequate", "protecting the public"),
    # lists of areas
    ("Effective, caring and responsive were rated good.", "good", "effective, caring and responsive"),
    ("It was rated good for safe, effective and caring.", "good", "safe, effective and caring"),
    (
        "Inspectors rated the home inadequate in two of the five areas they looked at, safety and leadership.",
        "inadequate",
        "safe and leadership",
    ),
    (
        "Curriculum and teaching, attendance and behaviour, and leadership and governance were all graded expected standard.",
        "expected standard",
        "curriculum and teaching, attendance and behaviour and leadership and governance",
    ),
    ("The inspection found that the impact of leaders requires improvement.", "requires improvement", "leadership"),
    ("Children's progress there was also judged good.", "good", "progress"),
    ("Care leavers' experiences were rated requires improvement.", "requires improvement", "care leavers"),
    ("It had been rated requires improvement to be good at its previous inspection in May.", "requires improvement", "overall (before)"),
    ("Leaders and managers were rated good as well.", "good", "leadership"),
    ("Its apprenticeships required improvement.", "requires improvement", "apprenticeships"),
    ("Inspectors said the quality of its apprenticeships, which are taken by 470 people, required improvement.", "requires improvement", "apprenticeships"),
    ("Ofsted judged its apprenticeship provision inadequate.", "inadequate", "apprenticeships"),
    ("Preparing men for release was judged not sufficiently good.", "not sufficiently good", "preparation for release"),
    ("Inspectors also judged the home good at helping and protecting children.", "good", "help and protection"),
    ("Provision for students with high needs was good.", "good", "provision for learners with high needs"),
    ("At our last PEEL inspection, in 2022, we graded the force as inadequate at responding to the public.", "inadequate", "responding to the public (before)"),
    ("Safety on the wards was also rated inadequate.", "inadequate", "safe"),
    ("The effectiveness of leaders at the home was rated good.", "good", "leadership"),
    ("The force is failing victims, inspectors found, after rating it inadequate for investigations.", "inadequate", "investigating crime"),
    ("The watchdog published its report, grading the service inadequate for its culture.", "inadequate", "promoting the right values and culture"),
    ("The force is adequate in its use of police powers and its treatment of the public.", "adequate", "police powers and public treatment"),
    ("In 2023 we graded its response to the public as requires improvement.", "requires improvement", "responding to the public"),
    ("The school was graded exceptional for its nursery and Reception classes in its first report card.", "exceptional", "early years"),
    ("The trust's acute wards for adults of working age and its psychiatric intensive care unit were rated inadequate.", "inadequate", "?"),
    ("But it requires improvement when it comes to enforcing fire safety law.", "requires improvement", "protecting the public"),
    ("Inspectors said the school was at the expected standard for curriculum and teaching.", "expected standard", "curriculum and teaching"),
    ("We evaluated care, play and learning as weak.", "weak", "care, play and learning"),
    ("Since then, we have rated the region as inadequate.", "inadequate", "overall"),
    ("1.2 Staff: Requires improvement", "requires improvement", "staffing"),
    ("Wellbeing, equality and inclusion was judged good.", "good", "wellbeing"),
    ("Inspectors also judged the agency good at responding to people's needs.", "good", "responsive"),
    ("The prison has been given the lowest possible score, poor, for safety.", "poor", "safe"),
    ("The jail was given the lowest score of poor for safety.", "poor", "safe"),
    ("Ridgeway Vale was given the lowest grade, urgent improvement, for attendance and behaviour.", "urgent improvement", "attendance and behaviour"),
    ("Leaders' impact on social work practice was also graded requires improvement to be good.", "requires improvement", "leadership"),
    ("The maternity service, which was rated good in 2021, now has a new head.", "good", "maternity (before)"),
]  # fmt: skip


def test_a_second_area_and_grade_after_one_grading_verb():
    text = "Inspectors rated safety as not sufficiently good and purposeful activity as poor.\n"
    assert [(g, s) for _, g, s in ratings(text)] == [
        ("not sufficiently good", "safe"),
        ("poor", "purposeful activity"),
    ]
    earlier = (
        "4. At the last full inspection, in 2022, safety was assessed as reasonably good and "
        "purposeful activity as not sufficiently good.\n"
    )
    assert [(g, s) for _, g, s in ratings(earlier)] == [
        ("reasonably good", "safe (before)"),
        ("not sufficiently good", "purposeful activity (before)"),
    ]


def test_a_grade_after_and_or_from_keeps_the_subject_it_belongs_to():
    changed = "The service was rated inadequate in 2019, and had improved to good by 2022.\n"
    assert [(g, s) for _, g, s in ratings(changed)] == [
        ("inadequate", "overall (before)"),
        ("good", "overall"),
    ]
    downgraded = "The CQC has downgraded the department from good to requires improvement.\n"
    assert [s for _, _, s in ratings(downgraded)] == ["overall (before)", "overall"]


@pytest.mark.parametrize(("text", "grade", "subject"), FORMS, ids=[f[0][:40] for f in FORMS])
def test_grading_forms_and_their_subjects(text, grade, subject):
    found = ratings(text)
    assert [(g, s) for _, g, s in found] == [(grade, subject)]


@pytest.mark.parametrize(
    "text",
    [
        "Staff were good at listening to residents.",
        "Staff were good at responding to people's needs.",
        "Staff morale was good.",
        "The lighting in the corridors was poor.",
        "It was a good example of joint working.",
        "The roof needs attention.",
        "But inspectors found children had good relationships with staff.",
        "Inspectors considered staff outstanding role models.",
        "Only 40% of pupils met the expected standard in reading.",
    ],
)
def test_grade_words_that_are_not_ratings(text):
    assert ratings(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The force has been downgraded from good to requires improvement.",
            [("good", "overall (before)"), ("requires improvement", "overall")],
        ),
        (
            "At our previous inspection in 2021, the practice was rated good.",
            [("good", "overall (before)")],
        ),
        (
            "A primary school is celebrating a good grade. It was previously rated requires improvement.",
            [("good", "overall"), ("requires improvement", "overall (before)")],
        ),
        (
            "The college has been judged good by Ofsted, with its work with adults rated outstanding.",
            [("good", "overall"), ("outstanding", "adult learning programmes")],
        ),
        (
            "The probation service has improved since it was rated inadequate, inspectors found.",
            [("inadequate", "overall (before)")],
        ),
        ("Since its last inspection the home has been rated good.", [("good", "overall")]),
        ("Our last inspection, in 2021, rated the service good.", [("good", "overall (before)")]),
        (
            "In our 2022 PEEL inspection, we graded the force as requires improvement at responding to the public. "
            "We graded it as adequate at investigating crime. We inspected again in 2025.",
            [("requires improvement", "responding to the public (before)"), ("adequate", "investigating crime (before)")],
        ),
        ("In our 2024 inspection we rated the home good.", [("good", "overall")]),
        (
            "The trust as a whole has been downgraded from good, the rating it was given in 2021, to requires improvement.",
            [("good", "overall (before)"), ("requires improvement", "overall")],
        ),
        (
            "The trust's wards for older people kept their good rating.",
            [("good", "wards for older people")],
        ),
        (
            "Its work to prevent fires has improved from requires improvement in 2022 to adequate.",
            [("requires improvement", "preventing fires (before)"), ("adequate", "preventing fires")],
        ),
        (
            "We graded preventing fire and risk as requires improvement in 2022; it is now adequate.",
            [("requires improvement", "preventing fires (before)")],
        ),
        (
            "The school was judged good overall following a two-day inspection, having been told it required improvement in 2019.",
            [("good", "overall"), ("requires improvement", "overall (before)")],
        ),
        (
            "When Ofsted last inspected us, in November 2019, we were told we required improvement.",
            [("requires improvement", "overall (before)")],
        ),
        (
            "Investigating crime has improved from requires improvement at the force's last inspection in 2022 to good.",
            [("requires improvement", "investigating crime (before)"), ("good", "investigating crime")],
        ),
        (
            "Investigating crime is up from requires improvement in 2022.",
            [("requires improvement", "investigating crime (before)")],
        ),
        (
            "Calderbrook NHS Foundation Trust is no longer rated inadequate, following an inspection.",
            [("inadequate", "overall (before)")],
        ),
        (
            "Since the last inspection in 2022, when its services were judged to be inadequate, leaders have made progress.",
            [("inadequate", "overall (before)")],
        ),
        (
            "At the last standard inspection, in March 2021, services were judged to be good.",
            [("good", "overall (before)")],
        ),
        (
            "Maternity services improved to good, from requires improvement in 2021.",
            [("good", "maternity"), ("requires improvement", "maternity (before)")],
        ),
        (
            "Safety was judged poor, down from not sufficiently good in 2022.",
            [("poor", "safe"), ("not sufficiently good", "safe (before)")],
        ),
        (
            "The service has been rated good, two years after it was told it required improvement.",
            [("good", "overall"), ("requires improvement", "overall (before)")],
        ),
        ("It had been judged good when inspectors last visited in 2019.", [("good", "overall (before)")]),
        ("It was rated good.", [("good", "?")]),
        ("The home lost its outstanding rating.", [("outstanding", "overall (before)")]),
        ("Maternity services have improved enough to shed their inadequate rating.", [("inadequate", "maternity (before)")]),
        (
            "Safety was rated poor, the lowest grade on the scale, having been judged not sufficiently good in 2021.",
            [("poor", "safe"), ("not sufficiently good", "safe (before)")],
        ),
        ("The last rating for this service was requires improvement.", [("requires improvement", "overall (before)")]),
        (
            "It was rated inadequate at responding to the public, down from 2022, when the same area was judged to require improvement.",
            [("inadequate", "responding to the public"), ("requires improvement", "responding to the public (before)")],
        ),
        (
            "Safety, judged reasonably good when inspectors last visited in March 2021, has slipped to not sufficiently good.",
            [("reasonably good", "safe (before)"), ("not sufficiently good", "safe")],
        ),
        (
            "Culture was rated inadequate, down from requires improvement at the service's previous inspection.",
            [("inadequate", "promoting the right values and culture"), ("requires improvement", "promoting the right values and culture (before)")],
        ),
        (
            "It is the first time it has had that grade; at its last inspection, in 2022, its culture was judged to require improvement.",
            [("requires improvement", "promoting the right values and culture (before)")],
        ),
        (
            "Leadership had been downgraded from requires improvement since its last inspection.",
            [("requires improvement", "leadership (before)")],
        ),
        ("The school kept its good rating.", [("good", "overall")]),
        (
            "The inspectorate downgraded the service from requires improvement.",
            [("requires improvement", "overall (before)")],
        ),
        ("Overall effectiveness at previous inspection: Good", [("good", "overall (before)")]),
        (
            "The unit has been rated inadequate, two grades below the good rating it was given in 2019.",
            [("inadequate", "overall"), ("good", "overall (before)")],
        ),
    ],
)  # fmt: skip
def test_the_time_of_a_grade(text, expected):
    assert [(g, s) for _, g, s in ratings(text)] == expected


def test_in_that_area_takes_the_area_graded_before():
    text = (
        "The force was rated inadequate at responding to the public.\n\n"
        "At its previous inspection, the force had been graded adequate in that area.\n"
    )
    assert [(g, s) for _, g, s in ratings(text)] == [
        ("inadequate", "responding to the public"),
        ("adequate", "responding to the public (before)"),
    ]


def test_in_that_area_takes_the_area_named_before_when_none_was_graded():
    text = (
        "The school was given the top grade for pupils' personal development and well-being.\n\n"
        "It was rated exceptional in that area.\n"
    )
    assert [(g, s) for _, g, s in ratings(text)] == [
        ("exceptional", "personal development and well-being")
    ]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("preventing fires", "preventing fires and other risks", True),
        ("well-led", "leadership", True),
        (
            "crisis services and places of safety",
            "mental health crisis services and places of safety",
            True,
        ),
        ("effective, caring and responsive", "caring", True),
        ("effective, caring and responsive", "safe", False),
        ("safe and well-led", "safe", True),
        ("safe", "well-led", False),
        ("care", "children in care", False),
        ("values and culture", "promoting the right values and culture", True),
        ("supporting its workforce", "building, supporting and protecting the workforce", True),
        ("care leavers", "children in care", False),
        ("overall", "leadership", False),
        ("overall", "overall (before)", False),
        ("safe (before)", "safe (before)", True),
        ("?", "overall", True),  # only to agree, in closely matching sentences
        ("?", "safe (before)", True),
        ("?", "?", True),
    ],
)
def test_subjects_match(a, b, same):
    assert subjects_match(a, b) is same
    assert subjects_match(b, a) is same


def _diff(a: str, b: str):
    report = compare_documents(doc(a), doc(b, "B"))
    return [(f.status, f.a and f.a.grade, f.b and f.b.grade) for f in report.findings
            if f.kind.value == "rating"]  # fmt: skip


def test_same_area_in_other_words_differs():
    a = "Inspectors rated the service good at preventing fires and other risks.\n"
    b = "Preventing fires was rated requires improvement by the inspectorate.\n"
    assert _diff(a, b) == [(Status.DIFFER, "good", "requires improvement")]


def test_a_current_grade_never_pairs_with_an_earlier_one():
    a = "The home was rated good at its previous inspection.\n"
    b = "The home has now been rated inadequate.\n"
    assert [s for s, _, _ in _diff(a, b)] == [Status.ONLY_A, Status.ONLY_B]


def test_different_areas_never_pair():
    a = "The prison was rated poor for safety.\n"
    b = "Respect at the prison was judged poor.\n"
    assert [s for s, _, _ in _diff(a, b)] == [Status.ONLY_A, Status.ONLY_B]


def test_an_area_in_a_list_differs_from_the_same_area_alone():
    a = "Inspectors said effective, caring and responsive were rated good at the hospital.\n"
    b = "Inspectors said caring was rated requires improvement at the hospital.\n"
    assert _diff(a, b) == [(Status.DIFFER, "good", "requires improvement")]


def test_well_led_and_leadership_are_one_area():
    a = "We rated the practice as inadequate for providing well-led services.\n"
    b = "Leadership at the practice was also rated inadequate by inspectors.\n"
    assert _diff(a, b) == [(Status.AGREE, "inadequate", "inadequate")]


def test_a_grade_of_unknown_subject_agrees_but_never_differs():
    unknown = "It was rated good by Ofsted inspectors after the March visit.\n"
    agreeing = "The school was rated good by Ofsted inspectors after the March visit.\n"
    assert _diff(unknown, agreeing) == [(Status.AGREE, "good", "good")]
    differing = "The school was rated inadequate by Ofsted inspectors after the March visit.\n"
    assert [status for status, _, _ in _diff(unknown, differing)] == [
        Status.ONLY_A,
        Status.ONLY_B,
    ]


def test_earlier_grades_differ_however_the_earlier_time_is_worded():
    a = "At our last inspection, in 2021, outcomes in safety were reasonably good.\n"
    b = "At the previous inspection in 2021, safety had been rated good.\n"
    assert _diff(a, b) == [(Status.DIFFER, "reasonably good", "good")]


def test_the_same_grade_of_the_same_subject_agrees_however_it_is_told():
    a = "Salterbeck College\n\nOverall effectiveness: Requires improvement\n"
    b = "A college in the north has been told it requires improvement by Ofsted after a visit.\n"
    assert _diff(a, b) == [(Status.AGREE, "requires improvement", "requires improvement")]


def test_one_area_in_two_names_agrees_however_it_is_told():
    a = "We rated the practice as good for providing well-led services.\n"
    b = "A new management team took over last spring, and its leadership was judged to be good.\n"
    assert _diff(a, b) == [(Status.AGREE, "good", "good")]


def test_in_that_area_after_how_it_responds():
    text = (
        "The fire service must urgently improve how it responds to emergencies, inspectors said.\n\n"
        "The inspectorate judged the service inadequate in that area.\n\n"
        "Its grade in that area has fallen from adequate at its last inspection.\n"
    )
    assert [(g, s) for _, g, s in ratings(text)] == [
        ("inadequate", "responding to fires"),
        ("adequate", "responding to fires (before)"),
    ]


REPORT_TABLE = "Safe: Inadequate\n\nWell-led: Requires improvement\n\nCaring: Good\n"


def test_an_area_each_source_grades_once_pairs_however_little_else_is_shared():
    b = "Inspectors also judged the department inadequate for how well it was led.\n"
    assert (Status.DIFFER, "requires improvement", "inadequate") in _diff(REPORT_TABLE, b)


def test_an_area_graded_twice_in_one_source_needs_its_context_to_pair():
    # Two services, each with a well-led grade: which one the draft means is not known.
    a = REPORT_TABLE + "\nMaternity\n\nWell-led: Good\n"
    b = "Inspectors also judged the department inadequate for how well it was led.\n"
    statuses = [s for s, ga, gb in _diff(a, b) if "inadequate" in (gb or "")]
    assert statuses == [Status.ONLY_B]


def test_a_homes_experiences_judgement_may_agree_with_its_overall_grade_but_never_differs():
    table = "Overall experiences and progress of children and young people: requires improvement to be good\n"
    agrees = "Overall, the home requires improvement to be good, and experiences and progress of children and young people require improvement.\n"
    assert [
        s for s, _, _ in _diff(table, "Children's home rated inadequate after girl went missing\n")
    ] == [
        Status.ONLY_A,
        Status.ONLY_B,
    ]
    assert Status.DIFFER not in [s for s, _, _ in _diff(table, agrees)]


def test_cqc_key_question_lines_grade_the_area_above_them():
    text = (
        "Safe: Inadequate\n\n"
        "At our last inspection we rated this key question good. At this assessment the "
        "rating has changed to inadequate.\n"
    )
    assert [(g, s) for _, g, s in ratings(text)] == [
        ("inadequate", "safe"),
        ("good", "safe (before)"),
        ("inadequate", "safe"),
    ]


def test_fell_and_rose_from_one_grade_to_another_keep_the_subject():
    assert [
        (g, s)
        for _, g, s in ratings("Respect fell from reasonably good to not sufficiently good.\n")
    ] == [
        ("reasonably good", "respect (before)"),
        ("not sufficiently good", "respect"),
    ]
    text = (
        "The service was rated inadequate at responding to fires and other emergencies. "
        "Its grade in that area has fallen from adequate at its last inspection in 2022.\n"
    )
    assert [s for _, _, s in ratings(text)] == [
        "responding to fires",
        "responding to fires (before)",
    ]


def test_in_an_earlier_year_we_graded_is_an_earlier_grade():
    text = (
        "Responding to the public: Requires improvement\n\n"
        "In 2023 we graded the force as inadequate at responding to the public. This report "
        "was published in 2025.\n"
    )
    assert [s for _, _, s in ratings(text)] == [
        "responding to the public",
        "responding to the public (before)",
    ]


def test_a_headline_grade_the_body_repeats_leaves_the_difference_to_the_body():
    from inspectcheck.api import compare_documents
    from inspectcheck.load import from_text

    a = (
        "Ashworth Vale youth justice service rated inadequate\n\n"
        "A youth justice service has been rated inadequate by inspectors, who found the risks "
        "posed by some children, and to them, were not properly understood.\n"
    )
    b = (
        "ASHWORTH Vale's youth justice service has been rated as requiring improvement by HM "
        "Inspectorate of Probation, having been graded good at its previous inspection.\n"
    )
    report = compare_documents(from_text(a, "a"), from_text(b, "b"))
    differ = [f for f in report.findings if f.status.value == "differ"]
    assert [(f.a.line, f.b.line) for f in differ] == [(3, 1)]
