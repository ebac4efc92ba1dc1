"""Why the thresholds have the defaults they have: each setting changes a real outcome."""

from __future__ import annotations

import dataclasses

from inspectcheck.api import compare_documents
from inspectcheck.load import from_text
from inspectcheck.records import Settings, Status

from .conftest import CASES

PLANTED = CASES / "strict-planted-changes"


def _statuses(a: str, b: str, settings: Settings) -> list[tuple[str, str]]:
    report = compare_documents(from_text(a, "a"), from_text(b, "b"), settings)
    return [(f.kind.value, f.status.value) for f in report.findings]


def _planted(settings: Settings):
    a = (PLANTED / "a.txt").read_text(encoding="utf-8")
    b = (PLANTED / "b.txt").read_text(encoding="utf-8")
    return compare_documents(from_text(a, "a"), from_text(b, "b"), settings)


def test_pair_differ_min_guards_every_differ():
    default = _planted(Settings())
    assert default.count(Status.DIFFER) == 2
    strict = _planted(Settings(pair_differ_min=1.01, near_value_differ_min=1.01))
    figures = [f for f in strict.findings if f.kind.value == "figure"]
    assert all(f.status is not Status.DIFFER for f in figures)


def test_about_tolerance():
    a = "Inspectors said about 300 patients were waiting for a bed at the hospital."
    b = "Inspectors said 289 patients were waiting for a bed at the hospital."
    assert _statuses(a, b, Settings()) == [("figure", "agree")]
    assert _statuses(a, b, Settings(about_tolerance=0.02)) == [("figure", "differ")]


def test_bound_tolerance():
    # "more than 50" is true of 70, and a checker told otherwise stops trusting the tool.
    # Far past the bound (80 and more, by default) the two are not taken for one figure,
    # but a value past a bound the way it points is never a difference either.
    a = "Inspectors found more than 50 patients waiting for a bed at the hospital."
    b = "Inspectors found 70 patients waiting for a bed at the hospital."
    assert _statuses(a, b, Settings()) == [("figure", "agree")]
    assert _statuses(a, b, Settings(bound_tolerance=0.25)) == [
        ("figure", "only_a"),
        ("figure", "only_b"),
    ]
    below = "Inspectors found 40 patients waiting for a bed at the hospital."
    assert _statuses(a, below, Settings()) == [("figure", "differ")]


def test_nearly_tolerance():
    a = "Nearly half of the wards were short of nurses, inspectors found."
    b = "Only 44 per cent of the wards were short of nurses, inspectors found."
    assert _statuses(a, b, Settings()) == [("figure", "differ")]
    assert _statuses(a, b, Settings(nearly_tolerance=0.15)) == [("figure", "agree")]


def test_quote_differ_min_words():
    a = 'The report said the wards were "unsafe at night".'
    b = 'The report said the wards were "unsafe by night".'
    assert _statuses(a, b, Settings()) == [("quote", "agree")]
    assert _statuses(a, b, Settings(quote_differ_min_words=3)) == [("quote", "differ")]


def test_passage_speaker_min_words():
    report = (
        "Inspection of children's social care services\n\nWe inspected the council in March.\n\n"
        "Care leavers get help from personal advisers who know them well.\n"
    )
    # Five words of the report's prose in the council leader's mouth are the report's
    # words misattributed; four ("know them well") a leader may well say in their own right.
    draft = 'The council leader, Keith Anwar, said: "Personal advisers who know them well."\n'
    assert _statuses(report, draft, Settings()) == [("quote", "differ")]
    echo = 'The council leader, Keith Anwar, said staff "know them well".\n'
    assert _statuses(report, echo, Settings()) == [("quote", "agree")]
    assert _statuses(report, draft, Settings(passage_speaker_min_words=8)) == [("quote", "agree")]


def test_near_value_differ_min_and_gap():
    # The same named thing with close values is one figure changed, even in other words;
    # far-apart values of the same thing ("60 pupils", "420 pupils") need the usual overlap.
    a = "The practice provides general medical services to 11,900 patients from its main surgery and a branch site."
    b = "Fernleigh Road Medical Practice, which has 12,500 patients, was given the lowest rating by the watchdog."
    assert _statuses(a, b, Settings()) == [("figure", "differ")]
    assert _statuses(a, b, Settings(near_value_differ_min=0.45)) == [
        ("figure", "only_a"),
        ("figure", "only_b"),
    ]
    assert _statuses(a, b, Settings(near_value_gap=0.01)) == [
        ("figure", "only_a"),
        ("figure", "only_b"),
    ]


def test_headline_discount():
    # The body's grade pairs with the other body's, even when the headline's words are closer.
    a = (
        "Brackwater school rated good by Ofsted inspectors\n\n"
        "The school in the town, which has 900 pupils, was rated good after a visit in May.\n"
    )
    b = "The town's Brackwater school has been rated good by Ofsted inspectors after a May visit.\n"

    def paired_sentence(settings: Settings) -> int:
        report = compare_documents(from_text(a, "a"), from_text(b, "b"), settings)
        (agree,) = [f for f in report.findings if f.status is Status.AGREE]
        assert agree.a is not None
        return agree.a.sentence

    assert paired_sentence(Settings()) == 1
    assert paired_sentence(Settings(headline_discount=1.0)) == 0


def test_exact_lead():
    # "up to 48" is true of 43, but the other source's own "up to 48" is the same figure.
    a = "Inspectors found up to 48 children were waiting for a placement in the county.\n"
    b = (
        "Inspectors found 43 children were waiting for a placement in the county.\n\n"
        "Up to 48 children were waiting for a placement, the inspectors found.\n"
    )

    def partner(settings: Settings) -> str:
        report = compare_documents(from_text(a, "a"), from_text(b, "b"), settings)
        (agree,) = [f for f in report.findings if f.status is Status.AGREE]
        assert agree.b is not None
        return agree.b.text

    assert partner(Settings()) == "48"
    assert partner(Settings(exact_lead=0.0)) == "43"


def test_lone_subject_lead():
    # A report's table line shares no word with the draft's sentence; the area, graded once
    # on each side, is what pairs them.
    a = "Safe: Inadequate\n\nWell-led: Requires improvement\n"
    b = "Inspectors also judged the department inadequate for how well it was led.\n"

    def statuses(settings: Settings) -> list[str]:
        report = compare_documents(from_text(a, "a"), from_text(b, "b"), settings)
        return sorted(f.status.value for f in report.findings if f.kind.value == "rating")

    assert statuses(Settings()) == ["differ", "only_a"]
    assert statuses(Settings(lone_subject_lead=0.0)) == ["only_a", "only_a", "only_b"]


def test_unit_slip_differ_min():
    # The same number in another unit, in all but the same sentence: a slip to report.
    a = "Staff training completion fell by 12 percentage points in a year at the home.\n"
    b = "Staff training completion fell by 12% in a year at the home.\n"

    def statuses(settings: Settings) -> list[str]:
        report = compare_documents(from_text(a, "a"), from_text(b, "b"), settings)
        return sorted(f.status.value for f in report.findings if f.a and "12" in f.a.text)

    assert statuses(Settings()) == ["differ"]
    assert statuses(Settings(unit_slip_differ_min=1.01)) == ["only_a"]


def test_settings_are_frozen():
    settings = Settings()
    assert dataclasses.replace(settings, pair_agree_min=0.3).pair_agree_min == 0.3
    try:
        settings.pair_agree_min = 0.9  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        return
    raise AssertionError("Settings must be immutable")


def test_fraction_tolerance():
    # "Barely half" for 52 per cent is how news rounds; calling it wrong would cost trust.
    a = "Barely half of women arriving at triage were seen within 15 minutes, inspectors said."
    b = "Only 52 per cent of women arriving at triage were seen within 15 minutes, inspectors said."
    report = compare_documents(from_text(a, "a"), from_text(b, "b"), Settings())
    assert [(f.status.value, f.reason) for f in report.findings if f.kind.value == "figure"] == [
        ("agree", "half ~ 52 per cent: within rounding"),
        ("agree", "15 minutes = 15 minutes"),
    ]
    assert ("figure", "differ") in _statuses(a, b, Settings(fraction_tolerance=1.0))


def test_differ_outweighs_agree():
    # The report's 38% is the draft's "A quarter" of women who felt unsafe, told in an all
    # but matching sentence; "more than a third" of women released only happens to hold 38.
    a = "In our survey, 38% of women said they felt unsafe at the time of the inspection.\n"
    b = (
        "A quarter of women told the survey they felt unsafe at the time of the inspection.\n\n"
        "More than a third of women released went to temporary housing.\n"
    )

    def figures(settings: Settings) -> list[tuple[str, str]]:
        report = compare_documents(from_text(a, "a"), from_text(b, "b"), settings)
        return [(f.status.value, f.b.text if f.b else "-") for f in report.findings]

    assert ("differ", "A quarter") in figures(Settings())
    assert ("agree", "a third") in figures(Settings(differ_outweighs_agree=2.0))


def test_named_alike_min():
    a = "At the time of our inspection it held 984 men, close to its operational capacity of 1,010.\n"
    b = "The category C jail was holding 984 men when inspectors arrived in September.\n"
    assert ("figure", "agree") in _statuses(a, b, Settings())
    assert ("figure", "agree") not in _statuses(a, b, Settings(named_alike_min=1000))
