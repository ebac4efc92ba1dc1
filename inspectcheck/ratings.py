"""Extract stage for inspection ratings: a sentence -> Rating claims with their subject.

A grade word alone ("good work", "poor lighting") is not a rating: a rating needs a
grading verb or frame ("was rated inadequate", "an 'outstanding' rating", "requires
improvement at investigating crime"). The subject is what is graded. When it cannot be
told, the subject is "?", and such a rating may agree with another but never differ.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

import regex

from .records import Rating, Sentence
from .speakers import side_of_service
from .words import content_words, normalise_noun

HOME_EXPERIENCES = "children's experiences and progress"
UNKNOWN_SUBJECT = "?"
_GRADES = {
    "outstanding": "outstanding",
    "exceptional": "exceptional",
    "excellent": "excellent",
    "very good": "very good",
    "reasonably good": "reasonably good",
    "not sufficiently good": "not sufficiently good",
    "good": "good",
    "adequate": "adequate",
    "requires improvement to be good": "requires improvement",
    "requires improvement": "requires improvement",
    "require improvement to be good": "requires improvement",
    "required improvement to be good": "requires improvement",
    "require improvement": "requires improvement",
    "required improvement": "requires improvement",
    "requiring improvement": "requires improvement",
    "needs attention": "needs attention",
    "need attention": "needs attention",
    "urgent improvement": "urgent improvement",
    "strong standard": "strong standard",
    "expected standard": "expected standard",
    "inadequate": "inadequate",
    "poor": "poor",
    "weak": "weak",
    "unsatisfactory": "unsatisfactory",
    "satisfactory": "satisfactory",
    "special measures": "special measures",
    "serious weaknesses": "serious weaknesses",
}
_CONCERNS = {"special measures", "serious weaknesses"}
_GRADE = "|".join(regex.escape(g) for g in sorted(_GRADES, key=len, reverse=True))
_Q = r"[\"“”‘’']?"
_END = r"(?=[\s,.;:)’”'\"]|$)"
_NOT_FIRST = (
    r"(?!(?:was|were|is|are|be|been|to|either|or|not|as|reasonably|sufficiently|very|how)\b)"
    rf"(?!(?:{_GRADE})\b)"  # "rated requires improvement to be good": no object, one grade
)
_NOT_LATER = r"(?!(?:was|were|is|are|be|been|or|as|reasonably|sufficiently|very)\b)"
_OBJ = rf"(?:(?P<obj>{_NOT_FIRST}[\p{{L}}’'&-]+(?:,?\s+{_NOT_LATER}[\p{{L}}’'&-]+){{0,8}}?)\s+)?"
_TRIGGER = (
    r"(?:rated|re-rated|graded|judged|assessed|evaluated|deemed|ranked|branded|labelled|classed|declared"
    r"|grading|judging|rating(?=\s+(?:it|them|the|its|their)\s)"
    r"|found|considered|given\s+an?|received\s+an?|awarded\s+an?|gave\s+(?:it|the\s+\w+)\s+an?"
    r"|(?:retained|kept|keeps|retains|achieved|achieves|earned|lost)\s+(?:its|their|the|an?))"
)
_F = regex.IGNORECASE
_FORMS = [
    # "The experiences and progress of care leavers: good", "Apprenticeships: Inadequate":
    # a report's line naming an area and its grade
    _LABEL_FORM := regex.compile(
        rf"(?:^|(?<=\n))[ \t]*(?:[•·▪◦*–-][ \t]*|\d{{1,2}}(?:\.\d{{1,2}})*\.?[ \t]+)?(?P<label>[\p{{L}}’'&,\- ]{{2,140}}?)(?:\s*:\s*|\s+[–—]\s+|(?<=[^\s.!?:;])[ \t]{{2,}}){_Q}(?P<g>{_GRADE}){_Q}(?:\.?[ \t]*$|,\s+(?=\p{{Ll}})|\s+\([^)\n]{{1,60}}\)[ \t]*$)",
        _F | regex.MULTILINE,
    ),
    # "Inadequate – that's the lowest grade, and it's what the service has been rated for
    # promoting the right values and culture": the grade first, what it grades later
    _FRONTED_FORM := regex.compile(
        rf"(?:^|(?<=\n))[ \t]*{_Q}(?P<g>{_GRADE}){_Q}\s*[–—:]\s+(?=[^\n]*?(?:\b(?:rated|judged|graded)\s+(?:for|at|in)\s|\bverdict\b))",
        _F | regex.MULTILINE,
    ),
    # "Are services safe? Inadequate": CQC's rating table, a question and its answer
    _QUESTION_FORM := regex.compile(
        rf"(?<=(?:\b(?:are\s+services|is\s+(?:the\s+)?(?:service|trust|practice|provider|home))\s+"
        rf"(?P<label>safe|effective|caring|responsive|well[- ]led)|(?P<label>\bhow\s+(?:well|good)\s+[^?\n]{{3,60}}))"
        rf"\?\s+){_Q}(?P<g>{_GRADE}){_Q}\.?[ \t]*$",
        _F | regex.MULTILINE,
    ),
    # "Inspectors gave leadership a good rating"
    regex.compile(
        rf"\bgave\s+(?P<obj>[\p{{L}}’'-]+(?:\s+[\p{{L}}’'-]+){{0,4}}?)\s+an?\s+{_Q}(?P<g>{_GRADE}){_Q}\s+(?:rating|grade){_END}",
        _F,
    ),
    # "a rating of inadequate", "the lowest possible grade of inadequate"
    regex.compile(rf"\b(?:rating|grade|judgement|score)\s+of\s+{_Q}(?P<g>{_GRADE}){_Q}{_END}", _F),
    # "given the lowest possible score, poor, for safety": the grade set off by commas
    _SET_OFF_FORM := regex.compile(
        rf"\b(?:rating|grade|judgement|score),\s+{_Q}(?P<g>{_GRADE}){_Q},(?=\s+(?:for|at|in)\s)",
        _F,
    ),
    # "was rated inadequate", "rated the home as good", "judged to be 'requires improvement'"
    _TRIGGER_FORM := regex.compile(
        rf"\b{_TRIGGER}\s+{_OBJ}(?:as\s+|to\s+be\s+(?:at\s+(?:the\s+)?)?|to\s+(?=require\s+improvement|need\s+attention))?(?:an?\s+)?(?:overall\s+)?{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
    # "We evaluated how well people's wellbeing was supported as adequate": the Care
    # Inspectorate's key question as the object
    regex.compile(
        rf"\b(?:evaluated|graded|rated|judged|assessed)\s+(?P<obj>how\s+(?:well|good)\s+[^,.;:]{{3,80}}?"
        rf"\s+(?:was|were|is|are)(?:\s+\p{{L}}+)?)\s+as\s+{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
    # "downgraded to inadequate", "told it requires improvement"
    regex.compile(
        rf"\b(?:(?:downgraded|upgraded|raised|lowered)\s+(?:(?P<obj>it|them|(?:the|its|their)\s+[\p{{L}}’'-]+(?:\s+[\p{{L}}’'-]+){{0,3}}?)\s+)?to"
        rf"|(?:dropped|fallen|fell|slipped|improved|moved|deteriorated|declined)\s+to"
        rf"|told\s+(?:that\s+)?(?P<told>it|they|we)(?:\s+(?:was|were|is|are))?)\s+{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
    # "downgraded from requires improvement": the grade it had before
    regex.compile(
        rf"\b(?:downgraded|upgraded|improved|moved|dropped|fallen|fell|slipped|declined|deteriorated)"
        rf"\s+(?:(?P<obj>(?:the|its|their)\s+[\p{{L}}’'-]+(?:\s+[\p{{L}}’'-]+){{0,3}}?)\s+)?"
        rf"from\s+{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
    # "Attendance and behaviour met the expected standard": a report card's grade
    _MET_FORM := regex.compile(
        r"\b(?:met|meets|meeting|(?:was|were|is|are)\s+at)\s+the\s+(?P<g>expected\s+standard)\b", _F
    ),
    # "Care leavers receive a good service": Ofsted's wording for an area's grade
    regex.compile(rf"\b(?:receives?|gets?)\s+an?\s+(?P<g>{_GRADE})\s+service\b", _F),
    # "an 'inadequate' rating", "its good rating"
    regex.compile(
        rf"\b(?:an?|its|their|the)\s+(?:only\s+|first\s+|sole\s+)?(?:overall\s+)?{_Q}(?P<g>{_GRADE}){_Q}\s+(?:overall\s+)?(?:rating|grade|judgement){_END}",
        _F,
    ),
    # "placed in special measures"
    regex.compile(r"\b(?:in|into|out\s+of)\s+(?P<g>special\s+measures|serious\s+weaknesses)\b", _F),
    # "improved from inadequate to requires improvement"
    # "improved from requires improvement at the force's last inspection in 2022 to good"
    regex.compile(
        rf"\bfrom\s+{_Q}(?P<was>{_GRADE}){_Q}(?:\s+(?:at|in|when)\b[^,.;:]{{1,60}}?)?\s+to\s+{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
    # "good for caring but inadequate for safety": a grade continuing a list
    regex.compile(
        rf"(?:,|\bbut|\band|\bwhile|\bwhereas|\bwith)\s+(?:was\s+|were\s+|as\s+)?{_Q}(?P<g>{_GRADE}){_Q}\s+(?=(?:for|at)\s)",
        _F,
    ),
    # "rated safety as not sufficiently good and purposeful activity as poor": the next
    # area and grade after a grading verb
    regex.compile(
        rf"(?<=\b(?:rated|graded|judged|evaluated|assessed)\b[^.;:\n]{{1,160}}?)(?:,|\band)\s+"
        rf"(?P<obj>{_NOT_FIRST}[\p{{L}}’'-]+(?:\s+{_NOT_LATER}[\p{{L}}’'-]+){{0,5}}?)\s+as\s+{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
    # "Safety was poor", "Purposeful activity was also rated poor": an area's grade
    _AREA_FORM := regex.compile(
        rf"\b(?:was|were|is|are|remains|remained|has\s+been|have\s+been)\s+(?:also\s+|still\s+|now\s+|again\s+)?(?:rated\s+|judged\s+|graded\s+|found\s+to\s+be\s+)?(?:as\s+)?{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
    # "The force requires improvement at investigating crime"
    _REQUIRES_FORM := regex.compile(
        r"\b(?P<g>requires?\s+improvement|required\s+improvement)\s+"
        r"(?=(?:at|for|in|when\s+it\s+comes\s+to)\s+\p{L}|to\s+be\s+good\b)",
        _F,
    ),
    # "rated poor, down from not sufficiently good": the earlier grade of the same subject
    # "improved to good, from requires improvement in 2021": likewise
    _DOWN_FROM_FORM := regex.compile(
        rf"(?:\b(?:down|up)\s+|(?<={_GRADE}{_Q}),\s*)from\s+{_Q}(?P<g>{_GRADE}){_Q}{_END}", _F
    ),
    # "Our rating for this service has changed to requires improvement" (CQC)
    regex.compile(
        rf"\b(?:our|its|their|the|\p{{L}}+['’]s)\s+(?:(?:last|previous|latest|current|new|overall)\s+)?rating\s+"
        rf"(?:for\s+(?:this|the)\s+\w+\s+)?(?:was|is|has\s+changed\s+to|changed\s+to|remains|has\s+been)\s+"
        rf"{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
    # "Overall effectiveness: requires improvement to be good"
    regex.compile(
        rf"\b(?:overall(?:\s+effectiveness)?|overall\s+rating|rating|grade)\s*[:–—-]\s*{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
    # "Resettlement requires improvement.", "Achievement needs attention, it said.": an
    # area or provider graded by the verb alone, at the end of a clause
    _BARE_FORM := regex.compile(
        r"\b(?P<g>(?:requires?|required)\s+improvement(?:\s+to\s+be\s+good)?|needs\s+attention)"
        r"(?=(?:\s+(?:too|also|as\s+well))?\s*(?:[,.;:]|$))",
        _F,
    ),
]
# Areas that are graded on their own, across the inspectorates' frameworks.
AREAS = frozenset(
    {
        "safe", "effective", "caring", "responsive", "well-led", "leadership", "safeguarding",
        "leadership and management", "quality of education", "behaviour and attitudes",
        "personal development", "early years", "early years provision", "sixth form",
        "sixth form provision", "preventing crime", "investigating crime",
        "responding to the public", "protecting vulnerable people", "respect",
        "purposeful activity", "preparation for release", "rehabilitation and release planning",
        "care", "help and protection", "children in care", "care leavers", "inclusion",
        "achievement", "attendance", "curriculum", "staffing", "culture", "efficiency",
        "people", "governance", "responding to fires", "prevention", "protection",
        "understanding fire and risk", "preventing fires", "protecting the public",
        "responding to major incidents", "promoting the right values and culture",
        "best use of resources", "future affordability", "managing offenders",
        "providing a service to victims", "treating the public fairly", "curriculum and teaching",
        "attendance and behaviour", "leadership and governance",
        "personal development and well-being", "personal development and wellbeing",
        "resettlement", "surgery", "activities", "preparation for removal and release",
        # Education Scotland's quality indicators and the Care Inspectorate's key questions
        "leadership of change", "learning, teaching and assessment",
        "ensuring wellbeing, equality and inclusion", "raising attainment and achievement",
        "securing children's progress", "how well do we support people's wellbeing",
        "how good is our leadership", "how good is our staff team", "how good is our setting",
        "how well is our care and support planned", "care and support", "wellbeing",
        "staff team", "setting", "care and support planning", "care, play and learning",
        # HMICFRS's PEEL areas in full
        "building, supporting and protecting the workforce", "police powers and public treatment",
        "preventing crime and anti-social behaviour", "leadership and force management",
        "building, supporting and protecting its workforce", "nursery and reception classes",
        HOME_EXPERIENCES,
        "getting the right people with the right skills", "ensuring fairness and promoting diversity",
        # Ofsted's further education provision types
        "education programmes for young people", "adult learning programmes", "apprenticeships",
        "provision for learners with high needs",
    }
)  # fmt: skip
_AREA_NAMES = "|".join(regex.escape(a) for a in sorted(AREAS, key=len, reverse=True))
# Lists of areas: "effective, caring and responsive", "safety and leadership".
_ITEM_NAMES = "|".join(
    regex.escape(a)
    for a in sorted(
        AREAS | {"safety", "being safe", "well led", "effectiveness"}, key=len, reverse=True
    )
)
_ITEM = rf"(?:being\s+|the\s+|its\s+|for\s+)?(?P<a>{_ITEM_NAMES})\b"
# Two or more areas; `_parts` checks that the last two are joined by "and".
_AREA_LIST = regex.compile(rf"{_ITEM}(?:(?P<sep>\s*,\s*|,?\s+and\s+){_ITEM})+", regex.IGNORECASE)
_AREA_NAME = regex.compile(rf"(?P<s>{_ITEM_NAMES})\b", regex.IGNORECASE)
_POSSESSOR = regex.compile(r"[\p{L}-]+(?:['’]s|s['’])\s+")
# A hospital's core services are graded apart from the hospital as a whole.
_CORE_SERVICE = regex.compile(
    r"\b(?:maternity|a&e|emergency\s+department|urgent\s+and\s+emergency\s+care|"
    r"critical\s+care|outpatients?|end\s+of\s+life\s+care|medical\s+care|"
    r"mental\s+health\s+services|children\s+and\s+young\s+people)\b",
    _F,
)
_SERVICE_NAMES = {
    "a&e": "urgent and emergency care",
    "emergency department": "urgent and emergency care",
}
_PROVIDERS = regex.compile(
    r"\b(?:trust|hospital|home|school|academy|force|constabulary|service|services|prison|council|police|"
    r"practice|surgery|unit|provider|college|nursery|institution|jail|centre|authority|pdu|"
    r"agency|charity|company|operator|organisation|yoi|partnership|region|"
    r"ward|department|it|they)\b",
    _F,
)
_SYNONYMS = {
    "safety": "safe", "being safe": "safe", "well led": "well-led", "effectiveness": "effective",
    "responsiveness": "responsive", "overall effectiveness": "overall",
    "investigations": "investigating crime", "its investigations": "investigating crime",
    "criminal investigations": "investigating crime",
    "outcomes for prisoners in safety": "safe", "the work to keep people safe": "safe",
    "keeping people safe": "safe", "early years provision": "early years",
    "sixth form provision": "sixth form", "behaviour": "behaviour and attitudes",
    "leadership and management": "leadership", "work with adults": "adult learning programmes",
    "leaders and managers": "leadership",
    "provision for students with high needs": "provision for learners with high needs",
    "apprenticeship provision": "apprenticeships", "apprenticeship": "apprenticeships",
    "helping and protecting children": "help and protection",
    "helping and protecting children and young people": "help and protection",
    "high needs provision": "provision for learners with high needs",
    "adult learning": "adult learning programmes", "provision for adults": "adult learning programmes",
    "courses for adults": "adult learning programmes", "adult courses": "adult learning programmes",
    "provision for adult learners": "adult learning programmes",
    "children who need help and protection": "help and protection",
    # Ofsted's children's homes (SCCIF) judgements
    "effectiveness of leaders and managers": "leadership",
    "how well children and young people are helped and protected": "help and protection",
    "how well children are helped and protected": "help and protection",
    "children are helped and protected": "help and protection",
    "children and young people are helped and protected": "help and protection",
    # the first of a children's home's three judgements, which news may call its overall grade
    "overall experiences and progress of children and young people": HOME_EXPERIENCES,
    "experiences and progress of children and young people": HOME_EXPERIENCES,
    "children's overall experiences and progress": HOME_EXPERIENCES,
    "overall experiences and progress": HOME_EXPERIENCES,
    "emergency response": "responding to fires", "responding to emergencies": "responding to fires",
    "999 response": "responding to the public", "response to 999 calls": "responding to the public",
    "response to the public": "responding to the public",
    "use of police powers and treatment of the public": "police powers and public treatment",
    "use of police powers and its treatment of the public": "police powers and public treatment",
    "use of powers and treatment of the public": "police powers and public treatment",
    "response to fires and other emergencies": "responding to fires", "response to fires": "responding to fires",
    "handling of major and multi-agency incidents": "responding to major incidents",
    "responding to major and multi-agency incidents": "responding to major incidents",
    "response to major and multi-agency incidents": "responding to major incidents",
    "preventing fire and risk": "preventing fires", "fire safety work": "protecting the public",
    "enforcing fire safety law": "protecting the public", "fire safety enforcement": "protecting the public",
    "enforcing fire safety": "protecting the public", "enforcing fire safety laws": "protecting the public",
    "enforcing fire safety regulations": "protecting the public",
    "culture": "promoting the right values and culture",
    "preventing crime and anti-social behaviour": "preventing crime",
    "building, supporting and protecting its workforce": "building, supporting and protecting the workforce",
    "nursery and reception classes": "early years", "nursery and reception": "early years",
    # Education Scotland's QI 3.1
    "ensuring wellbeing, equality and inclusion": "wellbeing",
    "wellbeing, equality and inclusion": "wellbeing",
}  # fmt: skip
# Ofsted's long names for the areas of a children's services inspection, and for
# leadership in its other frameworks ("the effectiveness of leaders at the home").
_LONG_NAMES = [
    (regex.compile(r"^(?:the\s+)?experiences(?:\s+and\s+progress)?\s+of\s+", _F), ""),
    (
        regex.compile(r"^(?:the\s+)?(?:impact|effectiveness)\s+of\s+leaders?(?:hip)?\b.*$", _F),
        "leadership",
    ),
]
_WORD = r"(?:[\p{L}’'&-]+|999|101|111)"
_AFTER = regex.compile(
    rf"{_Q}\s+(?:overall\s+)?(?:rating\s+|grade\s+)?(?P<prep>for|at|in|on|when\s+it\s+comes\s+to)\s+"
    rf"(?:being\s+|how\s+(?:well\s+)?(?:it\s+)?|its\s+|their\s+|the\s+)?{_Q}"
    rf"(?P<s>{_WORD}(?:\s+{_WORD}){{0,9}}?)"
    rf"{_Q}(?=\s*(?:$|[,.;:)]|\s(?:and\s+(?:{_GRADE})|but|while|whereas|with|after|when|because|since|by|following|category|domain|question|area|section|where|which|in\s+\d|at\s+its|at\s+the\s+time)\b))",
    _F,
)
# The words before a grade that name what it grades: "Preventing fires was rated",
# "Larkspur House rated", "The experiences of children in care require".
_BEFORE = regex.compile(
    rf"(?:^|[,;:]\s*|\b(?:its|their|the|and|but)\s+)(?P<s>{_WORD}(?:\s+{_WORD}){{0,15}}?)\s+"
    r"(?:area\s+|domain\s+|category\s+|section\s+|test\s+|questions?\s+)?"
    r"(?P<aux>(?:was|were|is|are|has\s+been|have\s+been|had\s+been|has|have|had|remains|remained)\s+"
    r"(?:also\s+|still\s+|now\s+|all\s+|both\s+|then\s+|again\s+|once\s+again\s+|previously\s+|last\s+|first\s+)?)?(?:(?:\p{L}+ed|found|told|given|kept|seen|met|meets|fell|fallen|rose|risen|slid|went)\s+)?"
    r"(?:from\s+(?:(?!\b(?:when|which|where|who)\b)[^.;]){1,80}?\s+to\s+|from\s+|as\s+|to\s+be\s+(?:at\s+(?:the\s+|an?\s+)?)?|to\s+|(?:receives?|gets?)\s+an?\s+|the\s+|its\s+|their\s+)?$",
    _F,
)
_BEFORE_TIME = regex.compile(
    r"\b(?:previous(?:ly)?|no\s+longer|last\s+(?:(?:standard|graded|comprehensive|routine|formal|PEEL)\s+)?inspect\w*|at\s+its\s+last|had\s+been\s+(?:rated|judged|graded)|"
    r"formerly|was\s+last|last\s+visited|last\s+rating|up\s+from|down\s+from|(?:in|since|from)\s+(?:19|20)\d\d[,;]|"
    r"having\s+been\s+(?:rated|judged|graded|found|told)|(?:years?|months?)\s+after|"
    r"(?:lost|shed|shedding)\s+(?:its|their|the)|"
    r"rating\s+(?:that\s+|which\s+)?(?:it|they)\s+(?:was\s+given|were\s+given|was\s+awarded|"
    r"had\s+been\s+given|had|held|received|achieved|earned))",
    _F,
)
_TIME_PHRASE = regex.compile(
    r"^(?:(?:this|that|previous|last|latest|first|second|third|fourth|fifth|next|most\s+recent|same)\s+)?"
    r"(?:consecutive\s+|successive\s+)?(?:inspection|visit|time)s?\b"
    r"|^(?:previous|last)\b",
    _F,
)
_THAT_AREA = regex.compile(
    rf"{_Q}\s+in\s+(?:that|this|the\s+same)\s+(?:area|domain|category|question|test|judgement)\b",
    _F,
)
_NOT_SUBJECTS = regex.compile(
    r"^(?:it|they|this|that|these|those|which|who|inspectors?|inspectorate|watchdog|regulator|"
    r"ofsted|cqc|hmicfrs|hmi\w*|we|he|she|there)$"
    r"|^(?:a\s+(?:quarter|third|half|number|few|lot|fifth)|some|many|most|all|few|none|half|"
    r"several|one|two|three|four|five|\d)\b",
    _F,
)
# A grade tied to the one named before it ("down from good"), or to the area the previous
# sentence named ("in that area"): resolved across sentences by `resolve_references`.
_SAME_AS_PREVIOUS = "@previous"
# "It had been judged good": a pronoun graded at an earlier time is the provider.
_PRONOUN_SUBJECT = "@it"
_PRONOUN = regex.compile(r"(?:it|they)$", _F)
_SAME_AREA = "@area"


_POSSESSIVE = regex.compile(
    r"^(?:(?:(?!(?:at|in|of|for|on)\b)[\p{L}-]+\s+){0,3}?[\p{L}-]+(?:'s|s')\s+)+", _F
)


@lru_cache(maxsize=4096)
def _normalise(subject: str) -> str:
    subject = " ".join(subject.lower().replace("’", "'").split())
    subject = regex.sub(
        r"^(?:when|where|while|after|as|since|but|and|yet|so|however|that)(?:\s+|$)", "", subject
    )
    subject = regex.sub(r"^providing\s+(\S+)\s+(?:services|care)$", r"\1", subject)  # CQC's GPs
    # "responding to people's needs": CQC's responsive question in its own words
    subject = regex.sub(r"^responding\s+to\s+[\p{L}'-]+\s+needs$", "responsive", subject)
    subject = subject.replace("sixth-form", "sixth form")
    # "how well it was led": CQC's well-led question in other words
    subject = regex.sub(
        r"^how\s+well\s+(?:it|the\s+\w+)\s+(?:is|was|has\s+been)\s+(?:led|run|managed)$",
        "well-led",
        subject,
    )
    subject = regex.sub(r"^leaders'\s+impact\b.*$", "leadership", subject)  # Ofsted's ILACS
    owner = _OWNED_SERVICE.match(subject)
    if owner and _known(_normalise(owner.group(1))):
        return _normalise(owner.group(1))  # "care leavers' services": the care leavers
    subject = _POSSESSIVE.sub("", subject)  # "the school's early years", "pupils' behaviour"
    subject = regex.sub(r"^(?:the|its|their|our|being|how\s+well\s+it\s+is)\s+", "", subject)
    # "the way it records crime", "how it responds to the public": HMICFRS's areas
    subject = _VERB_AREA.sub(lambda m: _gerund(m.group(1)) + " ", subject)
    subject = regex.sub(
        r"\s+(?:too|also|as\s+well|as\s+a\s+whole|that|which|who|there)$", "", subject
    )
    subject = regex.sub(
        rf"\s+from\s+{_Q}(?:{_GRADE}){_Q}$", "", subject
    )  # "downgraded X from good"
    # The Care Inspectorate's key questions, as asked and as reported
    subject = regex.sub(r"^how\s+good\s+is\s+(?:our|the|its)\s+", "", subject)
    subject = regex.sub(
        r"^how\s+well\s+(?:is\s+(?:our\s+|the\s+)?care\s+and\s+support\s+planned"
        r"|(?:our\s+|the\s+)?care\s+and\s+support\s+(?:is|was)\s+planned)$",
        "care and support planning",
        subject,
    )
    subject = regex.sub(
        r"^how\s+good\s+(?:our|the|its)\s+(.+?)\s+(?:is|was|are|were)$", r"\1", subject
    )
    if regex.search(r"\bwellbeing\b", subject) and regex.search(r"\bsupport", subject):
        subject = "wellbeing"
    # "how effective its care is", "how well led it is": the area in the question
    subject = regex.sub(r"^(?:how\s+)?(?:well\s+)?led\s+(?=it\s+is$)", "well-led ", subject)
    subject = regex.sub(
        r"^(?:how\s+(?:well\s+)?)?(\S+)\s+(?:it|its\s+\w+|the\s+\w+)\s+(?:is|are|was)$",
        r"\1",
        subject,
    )
    subject = regex.sub(r"\s+(?:key\s+)?(?:questions?|domains?|areas?)$", "", subject)
    # "the effectiveness of leaders at the home": where, not what
    subject = regex.sub(
        r"(?<=\S)\s+(?:(?:at|in)\s+(?:the|its)\s+(?:home|school|service|prison|jail|hospital|trust|"
        r"force|practice|surgery|unit|centre|academy|college|nursery|council)|on\s+(?:the|its)\s+wards?)$",
        "",
        subject,
    )
    # "overall judgement at last inspection": the time is read apart from the subject
    subject = regex.sub(
        r"\s+(?:at|in|from)\s+(?:the|its|our)?\s*(?:last|previous|latest|most\s+recent)\s+inspection$",
        "",
        subject,
    )
    subject = regex.sub(
        r"^(?:our\s+)?(?:(?:last|previous|latest|current)\s+)?(?:overall\s+)?(?:rating|grade|judge?ment)"
        r"(?:\s+for\s+(?:this|the)\s+\w+)?$",
        "overall",
        subject,
    )
    subject = regex.sub(
        r"\s+and\s+(?:for|at|in)\s+(?:being\s+|its\s+|their\s+|the\s+)?", " and ", subject
    )
    subject = regex.sub(r"^outcomes\s+(?:for\s+\w+\s+)?(?:in|for)\s+", "", subject)  # HMIP's tests
    for pattern, replacement in _LONG_NAMES:
        subject = pattern.sub(replacement, subject)
    subject = regex.sub(
        r"^provision\s+(?:in|for)\s+(?:the\s+)?(early\s+years|sixth\s+form)$", r"\1", subject
    )
    subject = regex.sub(  # "its work to prevent fires": preventing fires
        r"^(?:work|efforts?)\s+to\s+(\p{L}+)\s+", lambda m: _gerund(m.group(1) + "s") + " ", subject
    )
    worked = regex.sub(r"^work\s+(?:on\s+|in\s+)?", "", subject)  # "its work investigating crime"
    if worked != subject and _known(_SYNONYMS.get(worked, worked)):
        subject = worked
    subject = regex.sub(  # HMIP's test told of those it serves: "preparing men for release"
        r"^preparing\s+(?:men|women|prisoners|children|boys|girls|young\s+people|detainees)\s+for\s+release$",
        "preparation for release",
        subject,
    )
    quality = regex.sub(r"^(?:the\s+)?quality\s+of\s+(?:its\s+|their\s+|the\s+)?", "", subject)
    if quality != subject and _known(_SYNONYMS.get(quality, quality)):
        subject = quality  # "the quality of its apprenticeships": the apprenticeships
    served = regex.sub(r"^(?:services|support|provision)\s+for\s+", "", subject)
    if served != subject and _known(_SYNONYMS.get(served, served)):
        subject = served  # "services for children in care"
    return _SYNONYMS.get(subject, subject)


_VERB_AREA = regex.compile(
    r"^(?:(?:the\s+)?way\s+|how\s+(?:well\s+)?)(?:it|they|the\s+force|the\s+service)\s+(\p{L}+s)\s+",
    _F,
)


def _gerund(verb: str) -> str:
    """ "records" -> "recording", "investigates" -> "investigating"."""
    stem = verb[:-1]
    if stem.endswith("e") and not stem.endswith("ee"):
        stem = stem[:-1]
    return stem + "ing"


@lru_cache(maxsize=4096)
def _known(name: str) -> str | None:
    """The area a subject names, allowing a longer wording ("preventing fires and other
    risks"), or None."""
    if name in AREAS or name in _SYNONYMS.values():
        return name
    if all(part in AREAS for part in _parts(name)):
        return _listed(name)
    longer = regex.match(rf"({_AREA_NAMES})\s+(?:and|through|of|at|in|for|across)\b", name)
    return _SYNONYMS.get(longer.group(1), longer.group(1)) if longer else None


def _as_subject(phrase: str | None, mode: str) -> str | None:
    """An area name, "overall" for the provider itself, or None when it is neither.

    `mode` is "strict" (areas and providers only), "loose" (also a capitalised name, such
    as "Lunefield Hospital", for the provider) or "free" (also any other noun phrase).
    """
    if not phrase:
        return None
    phrase = _RUN_BY.split(phrase)[0]  # "acute wards run by the trust": the wards
    name = _normalise(phrase)
    if _NOT_SUBJECTS.match(name):
        return None
    head = _normalise(regex.split(r"\s+(?:at|in|of|for|across)\s+", name)[0])
    for candidate in (name, head):
        area = _known(candidate)
        if area:
            return area
    service = _CORE_SERVICE.search(name)
    if service:
        return _SERVICE_NAMES.get(service.group(0), service.group(0))
    if name == "overall" or _PROVIDER_HEAD.search(head):
        return "overall"  # "the trust", "children's services"; not "crisis services and ..."
    if mode != "strict" and _PROPER_NAME.search(phrase):
        return "overall"  # "Lunefield Hospital", "HMP Brackmoor": the provider by name
    if len(name.split()) <= 8 and (
        mode == "free" or (mode == "loose" and _SERVICE_WORD.search(head))
    ):
        return name  # "the trust's wards for older people kept their good rating": the wards
    return None


# A name after the first word, or an acronym: "Wealdshire Police", "HMP Brackmoor", "the Trust";
# not a first word in capitals before plain words, as news opens a story ("ACUTE wards").
_PROPER_NAME = regex.compile(
    r"^\S+\s+(?:.*\s)?(?:\p{Lu}\p{Ll}+|\p{Lu}{2,})\b|^\p{Lu}{2,}\b(?!\s+\p{Ll})"
)


_GRADE_WORD = regex.compile(rf"\b(?:{_GRADE})\b", _F)


def _changed_area(text: str, sentence: Sentence, m: regex.Match[str]) -> str | None:
    """The known area before "is up from X" when no grade comes before it."""
    before = text[sentence.start : m.start()]
    if m.re is not _DOWN_FROM_FORM or _GRADE_WORD.search(before):
        return None
    phrase, _ = _before(regex.sub(r"\s*(?:up|down)\s*$", " ", before))
    return _as_subject(phrase, "strict") if phrase else None


def _head(phrase: str | None) -> str | None:
    """ "acute wards" of "acute wards for adults of working age"."""
    return regex.split(r"\s+(?:for|of|at|in)\s+", phrase)[0] if phrase else None


# A part of a provider that has its own overall grade: "the acute wards", "its community
# mental health services".
_SERVICE_WORD = regex.compile(r"\b(?:wards?|services|units?|departments?|teams?)\b", _F)
_RUN_BY = regex.compile(r",?\s+(?:run|operated|managed|provided)\s+by\b", _F)
# A provider as the head of its phrase: the last word ("the fire and rescue service").
_PROVIDER_HEAD = regex.compile(_PROVIDERS.pattern + r"$", _F)
_OVERALL = regex.compile(r"\boverall\b", _F)
_OPENING_OVERALL = regex.compile(r"\s*overall(?:\s+effectiveness)?\s*[,:]", _F)
_SOME_AREAS = regex.compile(
    rf"{_Q}\s+(?:in|for|across)\s+(?!(?:that|this|the|its)\s+area\b)(?:\w+\s+){{0,4}}?(?:areas?|domains?|questions?|categories|tests?)\b",
    _F,
)


# A known area straight after a grade, whatever follows it: "exceptional for pupils'
# personal development and well-being in one of the first report cards".
_AREA_LEAD = regex.compile(
    rf"{_Q}\s+(?:overall\s+)?(?:(?:rating|grade)\s+(?:was\s+|is\s+)?)?(?P<prep>for|at|in)\s+"
    r"(?:being\s+|its\s+|their\s+|the\s+)?",
    _F,
)


# "requires improvement in how it responds to the public": the verb names the area
_HOW_IT_HEAD = rf"{_Q}\s+(?P<prep>for|at|in)\s+(?P<s>(?:the\s+way|how(?:\s+well)?)\s+(?:it|they)\s+\p{{L}}+s\s+"
_HOW_IT = regex.compile(
    _HOW_IT_HEAD + r"[^,.;:]{1,50}?)(?=\s*(?:$|[,.;:]|\s(?:and|but|while|with)\b))", _F
)
# ... and its whole clause, for an area whose name has "and" in it ("major and
# multi-agency incidents")
_HOW_IT_WHOLE = regex.compile(_HOW_IT_HEAD + r"[^,.;:]{1,70})(?=\s*(?:$|[,.;:]))", _F)


def _area_at(text: str, pos: int, stop: int) -> regex.Match[str] | None:
    """A known area's name at `pos`, perhaps after a possessor ("pupils' behaviour")."""
    found = _AREA_NAME.match(text, pos, stop)
    if found is None:
        owner = _POSSESSOR.match(text, pos, stop)
        found = owner and _AREA_NAME.match(text, owner.end(), stop)
    return found


def _after_area(text: str, end: int, stop: int) -> tuple[str, str] | None:
    lead = _AREA_LEAD.match(text, end, stop)
    area = lead and _area_at(text, lead.end(), stop)
    return (lead.group("prep").lower(), area.group("s")) if lead and area else None


def _after(text: str, end: int, stop: int) -> tuple[str, str] | None:
    """The subject named after a grade ("good for being caring"): (preposition, subject)."""
    if _THAT_AREA.match(text, end, stop):
        return "in", _SAME_AREA
    if _FOR_THAT_AREA.match(text, end, stop):
        return None  # "met the expected standard for that area": the subject is before it
    m = _HOW_IT.match(text, end, stop)
    whole = m and _HOW_IT_WHOLE.match(text, end, stop)
    if whole and _known(_normalise(whole.group("s"))):
        m = whole
    m = m or _AFTER.match(text, end, stop)
    found = (m.group("prep").lower(), m.group("s")) if m else None
    area = _after_area(text, end, stop)
    if area and (found is None or len(area[1]) > len(found[1]) or not _known(_normalise(found[1]))):
        found = area  # "for building, supporting and protecting its workforce": the known name
    if not found:
        return None
    prep, name = found[0].split()[-1], _normalise(found[1])  # "when it comes to": "to"
    if _TIME_PHRASE.match(name):
        return None  # "rated good at its last inspection": a time, not a subject
    return prep, _known(name) or name


def _subject(text: str, sentence: Sentence, m: regex.Match[str]) -> str:
    if m.group("g").lower() in _CONCERNS:
        return "concern"
    at = m.start("g")
    if (
        m.re is _DOWN_FROM_FORM
        or _DOWN_FROM_BEFORE.search(text, max(0, at - 12), at)
        or _HAVING_BEEN.search(text, max(sentence.start, at - 50), at)
    ):
        # "down from X at ...", ", having been judged X": the same subject as the grade
        # before; "Investigating crime is up from X": no grade before, so the area named
        return _changed_area(text, sentence, m) or _SAME_AS_PREVIOUS
    if m.re in (_LABEL_FORM, _QUESTION_FORM):
        return _labelled_subject(m.group("label"))
    if m.re is _SET_OFF_FORM:
        named = _after(text, m.end(), sentence.end)
        return named[1] if named else UNKNOWN_SUBJECT
    if m.re is _FRONTED_FORM:
        verb = _GRADED_FOR.search(text, m.end(), sentence.end)
        named = verb and _after(text, verb.end(), sentence.end)
        return named[1] if named else UNKNOWN_SUBJECT
    start, end = m.span("g")
    if _PART_SCOPE.match(text, end, sentence.end):
        return UNKNOWN_SUBJECT  # "caring as outstanding on these wards": a part, not the whole
    inverted = _inverted_object(text, sentence, start, end)
    if inverted:
        return inverted
    listed = _list_subject(text, sentence, start, end) or _antecedent(text, sentence, start)
    if listed:
        return listed
    strict = m.re in (_AREA_FORM, _BARE_FORM, _MET_FORM)
    phrase, passive = _before(text[sentence.start : start])
    if m.groupdict().get("told") and (phrase is None or _WE_TOLD.search(phrase)):
        return _PRONOUN_SUBJECT  # "we were told we required improvement": the provider
    in_that_area = _IN_THAT_AREA.search(text, max(sentence.start, start - 60), start)
    if phrase and (in_that_area or _same_area(phrase)):
        return _SAME_AREA  # "Its grade in that area has fallen from adequate"
    after = _after(text, end, sentence.end)
    if after and _names_subject(after, phrase, strict):
        return after[1]
    if strict and _as_subject(phrase, "strict") is None:
        return UNKNOWN_SUBJECT  # "Staff were good at listening": not a graded subject
    if _SOME_AREAS.match(text, end, sentence.end):
        return UNKNOWN_SUBJECT  # "inadequate in two of the five areas": which ones is unclear
    obj = m.groupdict().get("obj")
    if _overall(text, sentence, start):
        # "The acute wards were rated inadequate overall": that service's overall grade
        named_as = obj or phrase if passive or obj else None
        service = _as_subject(named_as, "free") or _as_subject(_head(named_as), "free")
        named = service not in (None, "overall") and _SERVICE_WORD.search(service or "")
        if service == HOME_EXPERIENCES:
            named = True  # "Children's overall experiences and progress": the judgement's name
        return service if named and service else "overall"
    if obj and _same_area(obj):
        return _SAME_AREA  # "In 2022 we graded this area as requires improvement"
    mode = "strict" if strict else "free" if obj or passive or m.re is _REQUIRES_FORM else "loose"
    subject = _as_subject(obj or phrase, mode)
    if subject:
        return subject
    if obj and not _PRONOUN.match(obj):
        return UNKNOWN_SUBJECT
    if _PRONOUN.match(obj or phrase or ""):
        # "A primary school is celebrating after inspectors rated it good": the provider
        return "overall" if obj and _lead_provider(text, sentence) else _PRONOUN_SUBJECT
    if phrase and _SERVICE_WORD.search(_normalise(phrase)):
        return UNKNOWN_SUBJECT  # "The trust's acute wards for ... were rated": not the trust
    return "overall" if _lead_provider(text, sentence) else UNKNOWN_SUBJECT


_LIST_VERB = regex.compile(
    r"\s+(?:questions\s+|areas\s+)?(?:were|are|have\s+been|had\s+been)\s+"
    r"(?:also\s+|all\s+|both\s+|each\s+)?(?:(?:rated|judged|graded|assessed)\s+|found\s+to\s+be\s+)?"
    r"(?:as\s+)?(?:to\s+be\s+)?$",
    _F,
)
_LIST_LEAD = regex.compile(rf"{_Q}\s+(?:for|at|in)\s+", _F)
_LIST_NAMED = regex.compile(r"[,:–—]\s*(?:namely\s+)?")
_NAMED_REACH = 60  # characters after "in two of the five areas" where the list may start


def _list_at(text: str, pos: int, stop: int) -> str | None:
    m = _AREA_LIST.match(text, pos, stop)
    return m.group(0) if m and _is_list(m) else None


def _is_list(m: regex.Match[str]) -> bool:
    return "and" in m.captures("sep")[-1].lower()


def _list_subject(text: str, sentence: Sentence, start: int, end: int) -> str | None:
    """A list of areas graded together: "Effective, caring and responsive were rated
    good", "good for safe, effective and caring", "inadequate in two of the five areas
    they looked at, safety and leadership"."""
    verb = _LIST_VERB.search(text, sentence.start, start)
    if verb:
        for m in _AREA_LIST.finditer(text, sentence.start, verb.start()):
            boundary = m.start() == 0 or not regex.match(r"[\p{L}-]", text[m.start() - 1])
            if m.end() == verb.start() and boundary and _is_list(m):
                return _listed(m.group(0))
    lead = _LIST_LEAD.match(text, end, sentence.end)
    found = lead and _list_at(text, lead.end(), sentence.end)
    if found:
        return _listed(found)
    some = _SOME_AREAS.match(text, end, sentence.end)
    if some:
        reach = min(sentence.end, some.end() + _NAMED_REACH)
        for mark in _LIST_NAMED.finditer(text, some.end(), reach):
            found = _list_at(text, mark.end(), sentence.end)
            if found:
                return _listed(found)
    return None


_WHICH_WAS = regex.compile(
    r",\s*(?:which\s+(?:(?:was|were|is|are|has\s+been|have\s+been)\s+"
    r"|(?:ofsted|the\s+cqc|cqc|inspectors|the\s+inspectorate|the\s+watchdog|the\s+regulator|it|they)\s+)?"
    r"|(?=(?:previously\s+|once\s+)?(?:rated|judged|graded)\s))"
    r"(?:also\s+|now\s+|still\s+|previously\s+|once\s+)?"
    r"(?:(?:rated|judged|graded|kept|retained|received|given|found\s+to\s+be)\s+)?"
    rf"(?:(?:its|their|an?|as)\s+)?{_Q}$",
    _F,
)
_ANTECEDENT_REACH = 40  # characters before ", which" where the graded area must end


def _antecedent(text: str, sentence: Sentence, start: int) -> str | None:
    """The area a ", which was rated ..." clause grades: "urgent and emergency care, which
    was rated requires improvement"."""
    which = _WHICH_WAS.search(text, sentence.start, start)
    if which is None:
        return None
    lo = max(sentence.start, which.start() - _ANTECEDENT_REACH)
    named = [m for m in _CORE_SERVICE.finditer(text, lo, which.start())]
    named += [m for m in _AREA_NAME.finditer(text, lo, which.start()) if m.end() == which.start()]
    if not named:
        return None
    last = max(named, key=lambda m: m.end())
    if not _SERVICE_TAIL.fullmatch(text, last.end(), which.start()):
        return None  # "maternity service, which was rated": the service word may follow
    return _as_subject(last.group(0), "strict")


_SERVICE_TAIL = regex.compile(r"(?:\s+(?:services?|units?|departments?|wards?))?", _F)


# A provider's own name ends with what it is: "Hollowmere School", "HMP Wyndlow" is caught
# as a name elsewhere. "Crisis services" or "the unit" may be one part of a provider.
_NAMED_PROVIDER = regex.compile(
    r"\b(?:school|academy|college|nursery|hospital|trust|prison|constabulary|police|practice|"
    r"surgery|council)$",
    _F,
)


def _labelled_subject(label: str) -> str:
    """The subject a report's grade line names: an area, a core service, the provider
    ("Overall rating for this trust"), or else the line's own words."""
    name = _normalise(label)
    if name in _LABEL_NAMES:
        return _LABEL_NAMES[name]
    subject = _as_subject(label, "strict")
    named = bool(_NAMED_PROVIDER.search(name))
    if subject is None or (subject == "overall" and not (_OVERALL.match(name) or named)):
        return name if 0 < len(name.split()) <= 12 else UNKNOWN_SUBJECT
    return subject


# Grade-line labels that name an area only as a line of a report's grades table: HMI
# Probation's standard "Staff" is its staffing, while "Staff were good" grades nothing.
_LABEL_NAMES = {"staff": "staffing"}


_SAME_AREA_PHRASE = regex.compile(
    r"same(?:\s+(?:area|domain|category|question))?$"
    r"|(?:that|this)\s+(?:key\s+)?(?:area|domain|category|question)$"
    # CQC's key-question line: "At this assessment the rating has changed to inadequate."
    r"|at\s+this\s+(?:assessment|inspection),?\s+the\s+rating$",
    _F,
)


def _same_area(phrase: str) -> bool:
    """ "that area", "this key question", "the same domain": the area just graded."""
    words = " ".join(phrase.lower().split())
    return bool(_SAME_AREA_PHRASE.match(_normalise(phrase)) or _SAME_AREA_PHRASE.match(words))


_FOR_THAT_AREA = regex.compile(rf"{_Q}\s+for\s+(?:that|this|the\s+same|the|its)\s+area\b", _F)
_IN_THAT_AREA = regex.compile(r"\bin\s+(?:that|this|the\s+same)\s+(?:area|domain|category)\b", _F)
_PART_SCOPE = regex.compile(
    rf"{_Q}\s+(?:on|in|at|for|across)\s+(?:these|this|those|that|some|one|two|three|four|the\s+other)\s+"
    r"(?:wards?|units?|sites?|services?|teams?|wings?|homes?|schools?|locations?)\b",
    _F,
)


# The end of "rated as", "judged to be", "found to be" up to where the grade begins.
_GRADED_TAIL = rf"\s+(?:to\s+be\s+|as\s+)?{_Q}$"
_DOWN_FROM_BEFORE = regex.compile(rf"(?:\b(?:down|up)\s+|(?<={_GRADE}{_Q}),\s*)from\s+{_Q}$", _F)
# "Safety was rated poor, ..., having been judged not sufficiently good": the same subject
_HAVING_BEEN = regex.compile(
    rf",\s*having\s+(?:previously\s+)?been\s+(?:rated|judged|graded|found|told){_GRADED_TAIL}",
    _F,
)
_GRADED_AS = regex.compile(rf"\b(?:graded|rated|judged|assessed)\s+as\s+{_Q}$", _F)
_OBJECT_AFTER = regex.compile(
    rf"{_Q}\s+(?P<s>(?:the|its|their)\s+[^,.;:]{{3,80}}?)(?=\s*(?:[,.;:]|$)|\s+(?:though|but|while|with|and)\b)",
    _F,
)


def _inverted_object(text: str, sentence: Sentence, start: int, end: int) -> str | None:
    """ "graded as adequate the force's work protecting vulnerable people": the grade
    before what it grades."""
    if not _GRADED_AS.search(text, max(sentence.start, start - 30), start):
        return None
    m = _OBJECT_AFTER.match(text, end, sentence.end)
    subject = _as_subject(m.group("s"), "strict") if m else None
    return subject if subject not in (None, "overall") else None


def _names_subject(after: tuple[str, str], phrase: str | None, strict: bool) -> bool:
    """Whether the words after a grade name what it grades: "good for being caring",
    "good at preventing fires". After a bare "was good" they must name a known area, or
    follow a graded subject, so that "Staff were good at listening" is not a rating."""
    prep, name = after
    if strict and side_of_service(phrase) == "staff":
        return False  # "Staff were good at responding to people's needs": praise, not a grade
    known = name == _SAME_AREA or _known(name) is not None
    if not (prep in ("for", "at", "to") or known):
        return False
    if (
        not known
        and _PROVIDERS.search(name)
        and _as_subject(phrase, "strict") not in (None, "overall")
    ):
        return False  # "Caring was rated good at the hospital": where, not what
    return not strict or known or _as_subject(phrase, "strict") is not None


def _overall(text: str, sentence: Sentence, at: int) -> bool:
    """ "overall" in the grade's own clause, or opening the sentence ("Overall, ...")."""
    start, end = _clause(text, sentence, at)
    return bool(
        _OVERALL.search(text, start, end) or _OPENING_OVERALL.match(text, sentence.start, at)
    )


_RELATIVE = regex.compile(
    r",\s*(?:(?:which|who|whose|where|including|such\s+as|notably)\b.*|[^,]{1,90}),\s*(?=(?:has|have|had|was|were|is|are|met|meets|requires?|required|needs?|needed)\b[^,]*$|$)"
    r"|\s+[-–—]\s+[^-–—]{1,60}\s+[-–—]\s+",  # "Provision in the early years - the nursery - still"
    _F,
)


def _before(clause: str) -> tuple[str | None, bool]:
    """The subject named before the grading verb, skipping a ", which ...," clause, and
    whether it is graded in the passive ("was rated"), which marks it as the subject."""
    clause = _BULLET.sub("", clause)  # "- Staffing was rated inadequate."
    only = _ONLY_ONE.search(clause)
    if only:
        return only.group("s"), True  # "Resettlement was the only area rated good"
    absolute = _WITH_ABSOLUTE.search(clause)
    if absolute:
        return absolute.group("s"), True  # "..., with its work with adults rated outstanding"
    m = _BEFORE.search(_RELATIVE.sub(" ", clause))
    if not m:
        return None, False
    phrase = _LAST_CLAUSE.split(_REPORTED.sub("", m.group("s")))[-1]
    phrase = _TRAILING_ADVERB.sub("", phrase)
    return _with_commas(clause[: m.start("s")], phrase), m.group("aux") is not None


_GRADED_FOR = regex.compile(
    r"\b(?:rated|judged|graded|verdict(?:\s+of\s+[^,.;]{1,60}?)?)(?=\s+(?:for|at|in|on)\s)", _F
)
_ONLY_ONE = regex.compile(
    r"(?:^|[,;:]\s*)(?P<s>[^,;:]{2,60}?)\s+(?:was|were|is|are)\s+the\s+only\s+"
    r"(?:area|one|domain|question|test|judgement|aspect)s?\s+(?:to\s+be\s+)?(?:rated|judged|graded)\s+(?:as\s+)?$",
    _F,
)
_OWNED_SERVICE = regex.compile(
    r"^(.+?)(?:'s|')\s+(?:services?|provision|support|experiences(?:\s+and\s+progress)?)$"
)
_WE_TOLD = regex.compile(r"^(?:we|us)\b", _F)
_BULLET = regex.compile(r"^\s*[•·▪◦*–—-]\s+")
_WITH_ABSOLUTE = regex.compile(
    r"\bwith\s+(?:its|their|the)\s+(?P<s>[^,;:]{1,60}?)\s+(?:rated|judged|graded|assessed)\s+"
    r"(?:as\s+)?$",
    _F,
)


def _with_commas(before: str, phrase: str) -> str:
    """ "Learning, teaching and assessment": an area whose name has a comma in it."""
    lead = regex.search(r"([\p{L}’' -]{1,40}),\s*$", before)
    if lead:
        whole = f"{lead.group(1).strip()}, {phrase}"
        if _normalise(whole) in AREAS:
            return whole
    return phrase


_TRAILING_ADVERB = regex.compile(
    r"(?:\s+(?:also|still|now|too|currently|both|all))+$"
    r"|\s+(?:had|has|have)\s+\p{L}+ed\s+(?:[^,;:]{1,50}\s+)?and$",  # "safety had declined and were poor"
    _F,
)
# "leadership was good but safety": only the words after an earlier grade's clause.
_LAST_CLAUSE = regex.compile(
    rf"\b(?:was|were|is|are)\s+(?:also\s+|still\s+)?(?:rated\s+|judged\s+)?{_Q}(?:{_GRADE}){_Q}"
    r"\s*,?\s+(?:but|and|while|whereas)\s+",
    _F,
)


# "Inspectors said caring was rated ...": the words up to the reporting verb are not the
# subject.
_REPORTED = regex.compile(
    r"^.*\b(?:said|says|found|find|reported|reports|noted|concluded|warned|added|showed|shows)\s+"
    r"(?:that\s+)?(?=\S)",
    _F,
)


def _lead_provider(text: str, sentence: Sentence) -> bool:
    """The sentence opens by naming the provider: "A primary school in Cresswick is ..."."""
    lead = " ".join(text[sentence.start : sentence.end].split()[:8])
    return not regex.match(r"(?:it|they|this|that|these|those)\b", lead, _F) and bool(
        _PROVIDERS.search(lead)
    )


def _parts(subject: str) -> list[str]:
    """ "safe and well-led" grades two areas; "behaviour and attitudes" is one."""
    m = _AREA_LIST.fullmatch(subject)
    if not m or not _is_list(m):
        return [subject]
    return [_SYNONYMS.get(p, p) for p in (_normalise(a) for a in m.captures("a"))]


def _listed(phrase: str) -> str:
    """A list of areas as one subject: "effective, caring and responsive"."""
    parts = _parts(_normalise(phrase))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _split_time(subject: str) -> tuple[str, str]:
    base, _, when = subject.partition(" (")
    return base, when.rstrip(")")


def subject_keys(subject: str) -> list[str]:
    """Context keys for what a rating grades, one per area ("§safe", "§leadership"), so that
    "Well-led: Requires improvement" and "inadequate for how well it was led" share a word.
    A subject of unknown or free-text name gives none."""
    base = _split_time(subject)[0]
    if base == UNKNOWN_SUBJECT:
        return []
    parts = [_SAME_AREAS.get(p, p) for p in _parts(base)]
    return [f"§{p}" for p in parts if p == "overall" or p in AREAS]


def _words(name: str) -> list[str]:
    return [normalise_noun(w) for w in content_words(name)]


# Areas that two frameworks, or news and a report, name differently: CQC's "well-led"
# is reported as "leadership".
_SAME_AREAS = {"well-led": "leadership"}


_LONG_SUBJECT = 2  # content words a subject needs to match anywhere inside a longer one


def _part_match(a: str, b: str) -> bool:
    """The same area, or one worded longer: "preventing fires" ~ "preventing fires and
    other risks". The first word must agree, so "care" is not "children in care"."""
    a, b = _SAME_AREAS.get(a, a), _SAME_AREAS.get(b, b)
    if a == b:
        return True
    wa, wb = _words(a), _words(b)
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) >= _LONG_SUBJECT and set(short) <= set(long):
        return True  # "values and culture" in "promoting the right values and culture"
    return bool(short) and short[0] == long[0] and set(short) <= set(long)


def subjects_match(a: str, b: str) -> bool:
    """Whether two ratings grade the same subject at the same time."""
    (base_a, when_a), (base_b, when_b) = _split_time(a), _split_time(b)
    if UNKNOWN_SUBJECT in (base_a, base_b):
        return True  # may agree when the sentences match closely, never differ
    if when_a != when_b:
        return False
    if base_a == base_b or {base_a, base_b} == {"overall", HOME_EXPERIENCES}:
        return True  # the second: may agree, never differ (`loosely_matched`)
    if {base_a, base_b} & {"overall", "concern"}:
        return False
    return any(_part_match(pa, pb) for pa in _parts(base_a) for pb in _parts(base_b))


def loosely_matched(a: str, b: str) -> bool:
    """Two subjects that may name one grade but may as well not: a children's home's
    "overall experiences and progress" and the home "rated inadequate" overall, which news
    often takes from its lowest judgement. They may agree; they never differ."""
    return {_split_time(a)[0], _split_time(b)[0]} == {"overall", HOME_EXPERIENCES}


def resolve_references(
    ratings: list[Rating], sentences: Sequence[Sentence] = (), reach: int = 2
) -> list[Rating]:
    """Give "down from good" the subject of the grade before it, and "good in that area"
    the area graded in the same or the previous `reach` sentences, else the area those
    sentences name ("praised for its early years provision")."""
    resolved: list[Rating] = []
    for rating in ratings:
        base, tag = _split_time(rating.subject)
        if base in (_SAME_AS_PREVIOUS, _SAME_AREA):
            subject = _referent(resolved, rating, base == _SAME_AREA, reach)
            if subject == UNKNOWN_SUBJECT and base == _SAME_AREA:
                subject = _named_area(sentences, rating.sentence, reach)
            tail = f" ({tag})" if tag and subject != UNKNOWN_SUBJECT else ""
            rating = replace(rating, subject=subject + tail)
        resolved.append(rating)
    return resolved


def _referent(earlier: list[Rating], rating: Rating, area: bool, reach: int) -> str:
    for other in reversed(earlier):
        if rating.sentence - other.sentence > (reach if area else 0):
            break
        base = _split_time(other.subject)[0]
        if base in (UNKNOWN_SUBJECT, "concern") or (area and base == "overall"):
            continue
        return base
    return UNKNOWN_SUBJECT


_NAMED_AREA_LEAD = regex.compile(r"\b(?:for|in|on|at)\s+(?:its\s+|their\s+|the\s+)?", _F)


def _named_area(sentences: Sequence[Sentence], index: int, reach: int) -> str:
    """The last area named in the sentences just before `index`, or "?"."""
    for sentence in reversed(sentences[max(0, index - reach) : index]):
        text = sentence.text
        found = [_area_at(text, m.end(), len(text)) for m in _NAMED_AREA_LEAD.finditer(text)]
        named = [m for m in found if m]
        if named:
            name = _normalise(named[-1].group("s"))
            return _known(name) or name
        told = [_normalise(m.group(0)) for m in _HOW_NAMED.finditer(text)]
        areas = [_known(name) for name in told if _known(name)]
        if areas:
            return areas[-1] or UNKNOWN_SUBJECT  # "must improve how it responds to emergencies"
    return UNKNOWN_SUBJECT


_HOW_NAMED = regex.compile(
    r"\bhow\s+(?:well\s+)?(?:it|they)\s+\p{L}+s\s+[^,.;:]{1,40}?(?=[,.;:]|$)", _F
)


_CLAUSE_BREAK = regex.compile(r"[,;:]\s+|\s+(?:but|while|whereas)\s+")
_TIME_CLAUSE = regex.compile(r"\s*(?:when|where|at\s+which|in\s+which)\b", _F)
_OPENING_TIME = regex.compile(
    r"\s*(?:at|in|during|when|following|since|before|(?:our|the|its|their)\s+(?:last|previous)\s+"
    r"(?:\w+\s+)?inspection\b)\b",
    _F,
)


def _breaks(text: str, sentence: Sentence) -> list[int]:
    return [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)]


def _clause(
    text: str, sentence: Sentence, at: int, breaks: list[int] | None = None
) -> tuple[int, int]:
    """The clause around offset `at`: from the break before it to the break after it."""
    breaks = _breaks(text, sentence) if breaks is None else breaks
    start = max((b for b in breaks if b <= at), default=sentence.start)
    end = min((b for b in breaks if b > at), default=sentence.end)
    return start, end


def _in_scope(text: str, sentence: Sentence, at: int, markers: list[int]) -> bool:
    """Whether a time marker ("previously", "at its last inspection") governs the grade at
    `at`: it must sit in the grade's clause, in the clause before one opening "when", or in
    an opening phrase of time ("At our previous inspection, ...")."""
    if not markers:
        return False
    breaks = _breaks(text, sentence)
    start, end = _clause(text, sentence, at, breaks)
    if _TIME_CLAUSE.match(text, start, end):
        start = max((b for b in breaks if b < start), default=sentence.start)
    # The time phrase opening the sentence, or the part after a semicolon, scopes it all:
    # "...in any area; at its last inspection, in 2022, its culture required improvement".
    semicolons = [m.end() for m in regex.finditer(r";\s*", text[sentence.start : at])]
    opening = sentence.start + (semicolons[-1] if semicolons else 0)
    numbered = _LIST_NUMBER.match(text, opening, at)
    opening = numbered.end() if numbered else opening  # "4. At the last inspection, ..."
    first_end = min((b for b in breaks if b > opening), default=sentence.end)
    if _YEAR_ASIDE.match(text, first_end, sentence.end):  # "At the last inspection, in 2022,"
        first_end = min((b for b in breaks if b > first_end), default=sentence.end)
    if _OPENING_TIME.match(text, opening, first_end) and any(
        opening <= marker < first_end for marker in markers
    ):
        return True
    return any(start <= marker < end for marker in markers)


_YEAR_ASIDE = regex.compile(r"(?:in\s+)?(?:\p{L}+\s+)?(?:19|20)\d\d\s*,")
_LIST_NUMBER = regex.compile(r"[ \t]*(?:[•·▪◦*–-]|\d{1,2}(?:\.\d{1,2})*\.?)[ \t]+")
# "deteriorated to poor since its last inspection": a marker after "since" looks back from
# the grade before it, which is the current one.
_SINCE = regex.compile(r"\bsince\b[^,.;]*$", _F)
# "has improved since it was rated inadequate": the grade it has left behind.
_SINCE_RATED = regex.compile(
    r"\bsince\s+(?:it|they|the\s+\w+)\s+(?:was|were|had\s+been)\s+(?:last\s+)?"
    rf"(?:rated|judged|graded|found){_GRADED_TAIL}",
    _F,
)


# "In our 2022 PEEL inspection, we graded the force as ... We graded it as adequate at
# investigating crime.": the second sentence goes on in the first one's time.
_GOES_ON = regex.compile(r"\s*(?:we|it|they)\s+(?:also\s+)?(?:graded|rated|judged)\b", _F)
_EARLIER_OPENING = regex.compile(
    r"\s*(?:in|at|during)\s+(?:our|the|its)\s+(?:(?:19|20)\d\d\s+|last\s+|previous\s+)"
    r"(?:\w+\s+){0,2}?inspection\b[^.;]*,",
    _F,
)


# "In our 2022 PEEL inspection": the year of an inspection, earlier when the text names a
# later year.
_YEAR_INSPECTION = regex.compile(
    r"\b(?:in|at|during)\s+(?:our|the|its)\s+(?P<y>(?:19|20)\d\d)\s+(?:\w+\s+)?inspection\b"
    # "In 2023 we graded the force as inadequate"
    r"|\bin\s+(?P<y>(?:19|20)\d\d),?\s+(?:we|inspectors|it|they)\s+(?:graded|rated|judged)\b",
    _F,
)
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


@lru_cache(maxsize=8)
def _latest_year(text: str) -> int:
    return max((int(m.group(0)) for m in _YEAR.finditer(text)), default=0)


def _earlier_years(text: str, sentence: Sentence) -> list[int]:
    found = _YEAR_INSPECTION.finditer(text, sentence.start, sentence.end)
    return [m.start() for m in found if int(m.group("y")) < _latest_year(text)]


def _carried_time(text: str, sentence: Sentence) -> bool:
    if not _GOES_ON.match(text, sentence.start, sentence.end):
        return False
    before = text[max(0, sentence.start - 300) : sentence.start]
    stop = max(before.rfind(". ", 0, len(before) - 2), before.rfind("\n"))
    previous_start = max(0, sentence.start - 300) + (stop + 1 if stop >= 0 else 0)
    opening = _EARLIER_OPENING.match(text, previous_start, sentence.start)
    year = opening and _YEAR.search(opening.group(0))
    return bool(opening) and (not year or int(year.group(0)) < _latest_year(text))


def _since(text: str, marker: int, at: int) -> bool:
    """A marker of an earlier time that opens the time after it: "deteriorated to poor since
    its last inspection", "Since its last inspection the home has been rated good"; but not
    "Since the last inspection, when services were judged inadequate"."""
    if not _SINCE.search(text, max(0, marker - 40), marker):
        return False
    return marker > at or not regex.search(r"\bwhen\b[^,;]*$", text[marker:at], _F)


# "downgraded from requires improvement": the grade left behind is the earlier one.
_FROM = regex.compile(rf"\bfrom\s+{_Q}$", _F)


# A grade word used as an adjective: "found children had good relationships with staff".
_ADJECTIVE_USE = regex.compile(
    r"\s+(?!(?:at|for|in|on|overall|and|but|by|with|after|as|to|across|from|when|because|since|"
    r"following|last|this|again|too|during|before|under|despite|although|though|while|whereas|"
    r"or|the|a|an|rating|grade|now|once|still|both|all|either)\b)\p{Ll}",
)


def _plain_words(form: regex.Pattern[str], m: regex.Match[str]) -> bool:
    """A grade read without a grading verb, in words plain English also uses: "was good",
    "needs attention", or "found ... good" before a noun. "Requires improvement" is the
    inspectorates' own term."""
    if form in (_AREA_FORM, _MET_FORM):
        return True  # "40% of pupils met the expected standard": a test result
    weak = form is _TRIGGER_FORM and m.group(0).lower().startswith(("found", "considered"))
    if weak and m.group("obj") and _ADJECTIVE_USE.match(m.string, m.end("g")):
        return True
    return form is _BARE_FORM and m.group("g").lower().startswith("need")


def extract_ratings(text: str, sentence: Sentence, line_of: Callable[[int], int]) -> list[Rating]:
    """Graded judgements in one sentence, each with what it grades and when."""
    found: dict[int, Rating] = {}
    earlier_at = [m.start() for m in _BEFORE_TIME.finditer(text, sentence.start, sentence.end)]
    earlier_at += _earlier_years(text, sentence)
    for form in _FORMS:
        for m in form.finditer(text, sentence.start, sentence.end, timeout=1.0):
            if m.start("g") in found:
                continue
            subject = _subject(text, sentence, m)
            at = m.start("g")
            markers = [k for k in earlier_at if not _since(text, k, at)]
            if "was" in form.groupindex:  # "from X at its last inspection to Y": X's time
                markers = [k for k in markers if not m.start("was") < k < at]
            earlier = (
                _in_scope(text, sentence, at, markers)
                or _FROM.search(text, at - 12, at)
                or _SINCE_RATED.search(text, max(sentence.start, at - 60), at)
                or _carried_time(text, sentence)
                or (form is _LABEL_FORM and _BEFORE_TIME.search(m.group("label")))
            )
            when = " (before)" if earlier else ""
            if subject == _PRONOUN_SUBJECT:
                subject = "overall" if when else UNKNOWN_SUBJECT
            if (subject == UNKNOWN_SUBJECT or form is _TRIGGER_FORM) and _plain_words(form, m):
                continue  # "Staff morale was good": a grade word, not a rating
            groups = (
                [("was", " (before)"), ("g", when)] if "was" in form.groupindex else [("g", when)]
            )
            for group, tag in groups:
                if m.start(group) < 0 or m.start(group) in found:
                    continue
                start, end = m.span(group)
                grade = _GRADES[" ".join(m.group(group).lower().split())]
                found[start] = Rating(
                    text=text[start:end], start=start, end=end, line=line_of(start),
                    sentence=sentence.index, grade=grade,
                    subject=subject + (tag if subject != UNKNOWN_SUBJECT else ""),
                )  # fmt: skip
    ratings = [found[k] for k in sorted(found)]
    # "requires improvement to be good" is one grade, not two.
    return [r for r in ratings if not any(o.start <= r.start and r.end <= o.end and o is not r
                                          for o in ratings)]  # fmt: skip
