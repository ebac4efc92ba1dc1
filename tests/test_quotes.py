"""Quotes: marks, the multi-paragraph convention, speakers, and verification classes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspectcheck.extract import read_source
from inspectcheck.load import from_text
from inspectcheck.quotecheck import verify, word_diff, wording_match
from inspectcheck.records import Quote
from inspectcheck.speakers import INSTITUTION, speaker_key

from .conftest import SEEDS


def quotes(text: str) -> list[Quote]:
    return [c for c in read_source(from_text(text, "a")).claims if isinstance(c, Quote)]


def one(text: str) -> Quote:
    found = quotes(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def test_seed_two_paragraph_quote_is_one_quote():
    text = (SEEDS / "local-paper.txt").read_text(encoding="utf-8")
    found = [q for q in quotes(text) if q.text.startswith("The constabulary has committed")]
    assert len(found) == 1
    quote = found[0]
    assert quote.text.endswith("evident throughout our inspection.")
    assert "\n\n“There is a clear commitment" in quote.text
    assert text[quote.start : quote.end] == quote.text
    assert quote.speaker_key == INSTITUTION
    assert quote.attribution == "It states"


def test_seed_trailing_attribution_after_closing_mark():
    text = (SEEDS / "local-paper.txt").read_text(encoding="utf-8")
    quote = next(q for q in quotes(text) if q.text.startswith("During routine monitoring"))
    assert quote.text.endswith("There was a delay of five days in submitting the PPN")
    assert quote.speaker == "the report"
    assert quote.attribution == "the report adds"
    follow = next(q for q in quotes(text) if q.text.startswith("But, when it was submitted"))
    assert follow.speaker_key == INSTITUTION
    assert follow.text.endswith("potentially at risk.")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The chief said: “We will act.”", "We will act."),
        ('The chief said: "We will act."', "We will act."),
        ("Headline: ‘Closer scrutiny’ needed", "Closer scrutiny"),
        (
            "The chief said: “They called it ‘a shambles’ today.”",
            "They called it ‘a shambles’ today.",
        ),
    ],
)
def test_marks(text, words):
    assert one(text).text == words


@pytest.mark.parametrize(
    "text",
    [
        "The Constabulary’s work wasn’t good enough, the force's chief said.",
        "Reported speech without marks is not a quote, he said.",
        "The officers' rota and the nurses' union were discussed.",
    ],
)
def test_apostrophes_and_reported_speech_are_not_quotes(text):
    assert quotes(text) == []


def test_unbalanced_mark_is_read_and_noted():
    found = quotes("The report said: “Staff were stretched.\n\nThe force replied on Monday.")
    assert found[0].text == "Staff were stretched."
    assert found[0].note == "no closing mark"


@pytest.mark.parametrize(
    ("text", "speaker", "key"),
    [
        ("Ms Kowalski said: “We will act on this.”", "Ms Kowalski", "kowalski"),
        ("“We will act on this,” said Anna Kowalski.", "Anna Kowalski", "kowalski"),
        (
            "Chief Inspector Anna Kowalski added: “We will act.”",
            "Chief Inspector Anna Kowalski",
            "kowalski",
        ),
        ("Anna Kowalski told the BBC: “We will act.”", "Anna Kowalski", "kowalski"),
        ("According to Anna Kowalski, “we will act”.", "Anna Kowalski", "kowalski"),
        (
            "According to the report, placements were “the single biggest risk on our register”.",
            "the report",
            INSTITUTION,
        ),
        (
            "Paul Bartolomeo, Assistant Chief Constable, said: “We will act.”",
            "Paul Bartolomeo",
            "bartolomeo",
        ),
        ("Mr Bartolomeo, the chief constable, said: “We will act.”", "Mr Bartolomeo", "bartolomeo"),
        (
            "The Chief Inspector of Prisons, Imogen Farrance, said: “We will act.”",
            "Imogen Farrance",
            "farrance",
        ),
        ("It states: “The force has improved.”", "It", INSTITUTION),
        ("“The force has improved”, the report adds.", "the report", INSTITUTION),
        (
            "In a report statement, the watchdog said: “The force has improved.”",
            "the watchdog",
            INSTITUTION,
        ),
        ("HMICFRS said: “The force has improved.”", "HMICFRS", INSTITUTION),
        ("Inspectors said the force had “improved markedly”.", "Inspectors", INSTITUTION),
    ],
)
def test_speakers(text, speaker, key):
    quote = one(text)
    assert quote.speaker == speaker
    assert quote.speaker_key == key


def test_he_added_resolves_to_the_previous_named_speaker():
    text = (
        "Assistant Chief Constable Paul Bartolomeo said: “We take this seriously.”\n\n"
        "He added the force would “keep working with partners”."
    )
    first, second = quotes(text)
    assert second.speaker_key == first.speaker_key == "bartolomeo"


def test_he_added_skips_the_report_back_to_the_person():
    text = (
        "Chief Constable Scott Chilton said: “We accept the findings in full.”\n\n"
        "The report said: “Too many children were left at risk for too long.”\n\n"
        "He added: “We have already made changes to how we work.”\n\n"
        "It added: “Leaders know what needs to be done.”\n"
    )
    assert [q.speaker_key for q in quotes(text)] == ["chilton", INSTITUTION, "chilton", INSTITUTION]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Chief Inspector Anna Kowalski", "kowalski"),
        ("Ms Kowalski", "kowalski"),
        ("Anna Kowalski", "kowalski"),
        ("ACC Bartolomeo", "bartolomeo"),
        ("Hampshire Constabulary's Assistant Chief Constable Paul Bartolomeo", "bartolomeo"),
        ("the report", INSTITUTION),
        ("the review", INSTITUTION),
        ("inspectors", INSTITUTION),
        ("the watchdog", INSTITUTION),
        ("The Chief Inspector of Prisons", INSTITUTION),
        ("Chief Constable of Hampshire Scott Chilton", "chilton"),
        ("Ofsted", INSTITUTION),
        ("the CQC", INSTITUTION),
        ("it", INSTITUTION),
    ],
)
def test_speaker_keys(name, key):
    assert speaker_key(name) == key


ORIGINAL = "But the force recognises that it still needs to improve in some areas, and it will."


@pytest.mark.parametrize(
    ("a", "b", "match"),
    [
        (ORIGINAL, ORIGINAL, "exact"),
        (ORIGINAL, ORIGINAL.replace(",", "").upper(), "punctuation"),
        (ORIGINAL, "it still needs to improve", "partial"),
        (
            ORIGINAL,
            "the force recognises that it still needs to improve in some areas, and it will.",
            "trimmed",
        ),
        (ORIGINAL, "the force recognises … it still needs to improve in some areas", "elided"),
        (ORIGINAL, "the force recognises that it still needs to improve in [some] areas", "elided"),
        (ORIGINAL, "the force recognises that it still needs to improve in many areas", "altered"),
        (ORIGINAL, "the force accepts that it still needs to improve in some areas", "altered"),
        (
            ORIGINAL,
            "the force recognises that it still badly needs to improve in some areas",
            "altered",
        ),
        (
            "Staff were committed and caring. Records were poor and often missing. Leaders knew the risks well.",
            "Staff were committed and caring. Leaders knew the risks well.",
            "spliced",
        ),
    ],
)
def test_match_classes(a, b, match):
    assert wording_match(a, b) == match


def test_speaker_class_and_reason():
    a = one("Anna Kowalski said: “The wards were unsafe at night.”")
    b = one("Chief Constable Mark Reed said: “The wards were unsafe at night.”")
    verdict = verify(a, b, 4)
    assert (verdict.match, verdict.agrees) == ("speaker", False)
    assert "Anna Kowalski vs Chief Constable Mark Reed" in verdict.reason


def test_institution_voices_are_one_speaker():
    a = one("The report said: “The wards were unsafe at night.”")
    b = one("HMICFRS said: “The wards were unsafe at night.”")
    assert verify(a, b, 4).match == "exact"


def test_word_diff_merges_delete_and_insert():
    diff = word_diff(
        "The force has committed a great deal", "The force has fully dedicated a great deal"
    )
    assert ("replace", ("committed",), ("fully", "dedicated")) in diff
    assert all(tag in {"equal", "replace", "insert", "delete"} for tag, _, _ in diff)


def test_altered_reason_names_the_change():
    a = one("The report said: “The force has committed a great deal of resources.”")
    b = one("The report said: “The force has fully dedicated a great deal of resources.”")
    verdict = verify(a, b, 4)
    assert not verdict.agrees
    assert verdict.reason == 'wording changed: "committed" → "fully dedicated"'


_PIECES = st.sampled_from([*"“”‘’\"' ab.,:", "said", "He added", "\n", "\n\n", "the report"])


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_unbalanced_marks_never_raise(text):
    source = text + " x"
    for quote in quotes(source):
        assert 0 <= quote.start <= quote.end <= len(source)
        assert source[quote.start : quote.end] == quote.text


@settings(max_examples=200)
@given(st.text())
def test_any_text_never_raises(text):
    if text.strip():
        quotes(text)


REPORT = (
    "Wyebridge Borough Council\n\nInspection of children's social care services\n\n"
    "We inspected the council's services in March.\n\n"
    "Services for care leavers are good. Personal advisers know young people well and help "
    "them into education, employment and training.\n"
)


def _quote_findings(a: str, b: str):
    from inspectcheck.api import compare_documents

    report = compare_documents(from_text(a, "a"), from_text(b, "b"))
    return [(f.status.value, f.match) for f in report.findings if f.kind.value == "quote"]


def test_report_words_put_in_someone_elses_mouth_differ():
    draft = (
        "Director of children's services Sarah Pemberton said: \"Personal advisers know young "
        'people well and help them into education, employment and training."\n'
    )
    assert _quote_findings(REPORT, draft) == [("differ", "speaker")]


@pytest.mark.parametrize(
    "draft",
    [
        # the report's words, said to be the report's
        'The report said: "Personal advisers know young people well and help them into '
        'education, employment and training."\n',
        # a named inspector may sign the report's words
        'Lead inspector Marian Coles said: "Personal advisers know young people well and help '
        'them into education, employment and training."\n',
        # a short phrase may well be repeated by anyone
        'Sarah Pemberton, the director, said personal advisers "know young people well".\n',
    ],
    ids=["institution", "inspector", "short"],
)
def test_report_words_that_are_not_misattributed(draft):
    assert [status for status, _ in _quote_findings(REPORT, draft)] == ["agree"]


def test_a_news_article_is_not_the_report_speaking():
    article = REPORT.replace("Inspection of", "Damning inspection of").replace(
        "We inspected the council's services in March.", "Inspectors visited in March."
    )
    draft = (
        "Director of children's services Sarah Pemberton said: \"Personal advisers know young "
        'people well and help them into education, employment and training."\n'
    )
    assert [status for status, _ in _quote_findings(article, draft)] == ["agree"]


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (REPORT, True),
        (
            "Wealdshire Police\n\nWe found the force was good. We rated it good. We saw progress.\n",
            True,
        ),
        ("Damning inspection of Wealdshire Police\n\nThe force was rated inadequate.\n", False),
        ('Inspection of the force\n\nThe chief said: "We found it hard."\n', False),
        (
            "Ardenmuir Court Care Home\n\nType of inspection:\nUnannounced\n\n"
            "We evaluated leadership as weak. We observed warm care.\n",
            True,
        ),
    ],
    ids=[
        "title-and-we",
        "we-three-times",
        "news-headline",
        "we-inside-a-quote",
        "care-inspectorate",
    ],
)
def test_reads_as_report(text, report):
    from inspectcheck.voice import reads_as_report

    assert reads_as_report(read_source(from_text(text, "a"))) is report


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The centre, run by Calder Services, had too few staff, and the report said "
            'shortages were "having a direct impact on daily life".',
            INSTITUTION,
        ),
        (
            'Amelia Strickland, of the Care Quality Commission (CQC), said staff were "exhausted".',
            "strickland",
        ),
        (
            'Dr Simon Achterberg, chief executive of Greyford NHS Trust, said: "We accept it."',
            "achterberg",
        ),
    ],
)
def test_the_speaker_is_the_one_next_to_the_verb(text, key):
    assert one(text).speaker_key == key


def test_the_watchdog_and_its_chief_inspector_do_not_clash():
    a = one('Boys are locked up "with nothing to do", the watchdog said.')
    b = one(
        'Chief Inspector of Prisons Gareth Lomond said: "Children spend their day locked up '
        'with nothing to do."'
    )
    assert verify(a, b, 4).agrees


def test_a_body_quote_pairs_before_the_headline_repeating_it():
    from inspectcheck.api import compare_documents

    a = (
        "Agency 'failing the people who rely on it most'\n\n"
        "The inspectors visited in May.\n\n"
        '"Staff did their best, but the agency was failing the people who rely on it most," '
        "she added.\n"
    )
    b = 'The deputy director said the agency was "failing the people who rely on it most".\n'
    report = compare_documents(from_text(a, "a"), from_text(b, "b"))
    quotes_found = [f for f in report.findings if f.kind.value == "quote"]
    body = [f for f in quotes_found if f.a is not None and f.a.text.startswith("Staff did")]
    assert len(body) == 1 and body[0].b is not None and body[0].status.value == "agree"


@pytest.mark.parametrize(
    ("speaker_a", "speaker_b", "agrees"),
    [
        ("One detainee", "One member of staff", False),
        ("One man on probation", "One probation officer", False),
        ("One prisoner", "One inmate", True),
        ("The daughter of one man who uses the service", "The daughter of one client", True),
        ("One relative", "One resident", False),
        ("A mother", "One pupil", False),
        ("One child", "One parent", False),
        ("The trust's medical director", "the report", False),
        ("The chief inspector", "the report", True),
        ("A 15-year-old boy", "One child", True),
        ("One care leaver", "One foster carer", False),
    ],
)
def test_unnamed_speakers_on_two_sides_of_a_service(speaker_a, speaker_b, agrees):
    words = "Every day is the same and nobody tells us anything at all."
    a = one(f'{speaker_a} said: "{words}"')
    b = one(f'{speaker_b} said: "{words}"')
    assert verify(a, b, 4).agrees is agrees


def test_she_added_after_reported_speech_is_the_person_reported():
    text = (
        'Inspector Roy Pendleford said the prevention work was "among the best we have seen".\n\n'
        "Chief Fire Officer Diane Okafor said the service accepted the findings.\n\n"
        '"We have changed how we crew our engines at night," she added.\n'
    )
    assert [q.speaker_key for q in quotes(text)] == ["pendleford", "okafor"]


def test_a_two_word_quote_of_the_report_is_found_in_its_prose():
    from inspectcheck.api import compare_documents

    report = REPORT + "\nReports to councillors on performance were overly positive.\n"
    draft = 'The report said reports to councillors had been "overly positive".\n'
    found = compare_documents(from_text(report, "a"), from_text(draft, "b"))
    statuses = [f.status.value for f in found.findings if f.kind.value == "quote"]
    assert statuses == ["agree"]


def test_another_speaker_is_one_more_of_whoever_spoke_before():
    text = (
        "One member of staff told inspectors: “Some days there are just not enough of us.”\n\n"
        "Another said: “The staff are lovely but they are rushed off their feet.”\n"
    )
    assert [(q.speaker, q.speaker_key) for q in quotes(text)] == [
        ("One member of staff", "role:one member staff"),
        ("another member of staff", "role:another member staff"),
    ]
    after_a_name = "Ms Dale said: “We are recruiting.” Another said: “It is fine.”\n"
    assert [q.speaker for q in quotes(after_a_name)] == ["Ms Dale", None]


def test_words_of_someone_a_report_leaves_unnamed_given_to_a_named_person_differ():
    report = "A member of staff told us: “We are run off our feet on nights.”\n"
    draft = "Manager Fiona Drummond said: “We are run off our feet on nights.”\n"
    assert _quote_findings(report, draft) == [("differ", "speaker")]
    relative = "Another relative said: “We are run off our feet on nights.”\n"
    assert _quote_findings(report, relative) == [("differ", "speaker")]
    # a spokesperson is not someone the report left unnamed: statements are told both ways
    statement = "A spokesperson for the home said: “We are run off our feet on nights.”\n"
    assert _quote_findings(statement, draft) == [("agree", "exact")]


def test_a_person_keeps_the_role_first_named_with_them():
    text = (
        "Chief Inspector of Prisons Imogen Farrance said: “Too many men are idle.”\n\n"
        "Ms Farrance said: “The drugs problem is undermining everything.”\n"
    )
    assert [q.speaker for q in quotes(text)] == [
        "Chief Inspector of Prisons Imogen Farrance",
        "Chief Inspector of Prisons Imogen Farrance",
    ]
    report = "The Chief Inspector of Prisons said: “The drugs problem is undermining everything.”\n"
    assert _quote_findings(report, text) == [("agree", "exact"), ("only_b", None)]


def test_a_connective_dropped_where_a_sentence_is_split_agrees():
    a = "A spokesman said: “We have bought scanners and netting, and recruitment is at its highest.”\n"
    b = "A spokesperson said: “We have bought scanners and netting. Recruitment is at its highest.”\n"
    assert _quote_findings(a, b) == [("agree", "trimmed")]
    c = "A spokesperson said: “We have bought scanners netting, and recruitment is at its highest.”\n"
    assert _quote_findings(a, c) == [("differ", "altered")]


def test_a_crosshead_in_quote_marks_may_agree_but_never_differs():
    report = (
        "HM Inspector Helen Brackenbury said: “The public can be confident. But the service has "
        "let training slip for too long.”\n"
    )
    story = "Fire service criticised\n\n'Training let slip for too long'\n\nThe service was inspected.\n"
    assert [s for s, _ in _quote_findings(report, story)] == ["only_a", "only_b"]
    same = "Fire service criticised\n\n'let training slip for too long'\n\nThe service was inspected.\n"
    assert [s for s, _ in _quote_findings(report, same)] == ["agree"]


def test_a_slug_line_naming_the_inspectorate_does_not_make_a_speaker_an_inspector():
    draft = (
        "DRAFT - Wrenford children's services Ofsted - 400w - hold for embargo, 00.01 Thurs "
        "[PIC: county hall, own pic; Sarah Pemberton headshot from council]\n\n"
        "Director of children's services Sarah Pemberton said: \"Personal advisers know young "
        'people well and help them into education, employment and training."\n'
    )
    assert _quote_findings(REPORT, draft) == [("differ", "speaker")]
    signed = (
        "Sarah Pemberton, His Majesty's Inspector at Ofsted, said: \"Personal advisers know young "
        'people well and help them into education, employment and training."\n'
    )
    assert _quote_findings(REPORT, signed) == [("agree", "punctuation")]


def test_a_changed_word_at_a_quotes_edge_is_compared_with_the_report():
    report = (
        "An inspection of Caer Onnen Primary School\n\n"
        "We found that many pupils make suitable progress in their knowledge and skills from "
        "their starting points.\n"
    )
    most = 'The report said "most pupils make suitable progress in their knowledge and skills".\n'
    assert _quote_findings(report, most) == [("differ", "altered")]
    lead_in = 'The report said "but pupils make suitable progress in their knowledge and skills".\n'
    assert [s for s, _ in _quote_findings(report, lead_in)] == ["agree"]


def test_a_passage_run_whole_pairs_with_each_fragment_of_it():
    # The headline's paraphrase must not take the fragment that belongs to the passage.
    a = (
        "Boys 'too frightened to leave cells' at jail\n\n"
        'The chief inspector, Daniel Okoro, said: "This is a place where boys are too '
        "frightened to leave their cells, and where staff too often reach for force as a "
        'first resort rather than a last."\n'
    )
    b = (
        'Daniel Okoro said boys were "too scared to leave their cells".\n\n'
        'He added that staff reached for force "as a first resort rather than a last".\n'
    )
    found = [(s, m) for s, m in _quote_findings(a, b)]
    assert sorted(found, key=str) == sorted(
        [("only_a", None), ("differ", "altered"), ("agree", "partial")], key=str
    )


def test_a_headline_under_a_slug_line_shortens_a_quote_without_differing():
    report = (
        'One parent told inspectors: "I have had to battle for every single thing my son '
        'has, and I am exhausted."\n'
    )
    draft = (
        "DRAFT / SEND inspection / 470 words\n\n"
        "Families 'battling for every single thing' as services fail\n\n"
        "The council was inspected in May.\n"
    )
    assert [s for s, _ in _quote_findings(report, draft)] == ["only_a", "only_b"]


def test_a_company_keeps_its_voice_through_it_said():
    text = (
        "Ashgrove Living Ltd, which runs the home, said: “We accept the findings in full.”\n\n"
        "It said it had taken on nine care workers since the inspection, and added: “Our "
        "night staffing has "
        "increased.”\n\n"
        "The report was published on Tuesday. Inspectors found staff were kind.\n\n"
        "The home had been rated good in 2022, and the regulator said there were not enough "
        "staff on shift at night, so people waited for help. It said: “People were not "
        "always protected from avoidable harm.”\n"
    )
    keys = [q.speaker_key for q in quotes(text)]
    assert keys == ["living", "living", INSTITUTION]
    assert speaker_key("A spokesperson for Ashgrove Living") == speaker_key("Ashgrove Living Ltd")


@pytest.mark.parametrize(
    ("a", "b", "agrees"),
    [
        (
            "My son was sent to a hospital 200 miles away. We could only visit him once a month.",
            "We could only visit him once a month. It broke my heart.",
            True,
        ),
        (
            "My son was sent to a hospital 200 miles away. We could only visit him once a month.",
            "We could only visit him twice a month. It broke my heart.",
            False,
        ),
        # Two words shared are too few to say the two come from one statement.
        ("It broke my heart. Nobody called.", "Nobody called. We waited.", False),
    ],
)
def test_two_selections_from_one_statement_agree(a, b, agrees):
    verdict = verify(one(f"She said: “{a}”"), one(f"She said: “{b}”"), 4)
    assert verdict.agrees is agrees
    if agrees:
        assert verdict.match == "partial"
        assert verdict.reason.startswith("the quotes share whole sentences")


def test_he_said_after_a_person_named_issuing_a_statement():
    text = (
        "The trust's chief executive, Dr Anil Bhatt, has now issued a statement. He said: "
        "“We are sorry that patients have not always received the care they should expect.”\n"
    )
    (quote,) = quotes(text)
    assert quote.speaker_key == "bhatt"


def test_a_number_in_figures_or_in_words_is_the_same_word():
    a = one('She said: "We have already recruited 6 additional clinicians for evening shifts."')
    b = one('She said: "We have already recruited six additional clinicians for evening shifts."')
    verdict = verify(a, b, 4)
    assert (verdict.match, verdict.agrees) == ("punctuation", True)
    assert "number style" in verdict.reason
    c = one('She said: "We have already recruited seven additional clinicians for evening shifts."')
    assert verify(a, c, 4).match == "altered"
