"""Figures: every written form UK news uses, the non-figures, and the comparison rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspectcheck.api import compare_documents
from inspectcheck.compare import compatible, values_agree
from inspectcheck.figures import extract_figures
from inspectcheck.load import from_text
from inspectcheck.records import Figure, Sentence, Settings


def figures(text: str) -> list[Figure]:
    sentence = Sentence(0, 0, len(text), text, 1, 0)
    return extract_figures(text, sentence, lambda offset: 1)


def one(text: str) -> Figure:
    found = figures(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


FORMS = [
    # text, span, value, unit
    ("The force had 1,200 open cases.", "1,200", 1200, None),
    ("Response times rose by 1.5 minutes.", "1.5 minutes", 1.5, "minute"),
    ("There were 696 open incidents.", "696", 696, None),
    ("Officers found twenty-three cases.", "twenty-three", 23, None),
    ("It reviewed one hundred and twelve files.", "one hundred and twelve", 112, None),
    ("It closed a dozen wards.", "a dozen", 12, None),
    ("Only 54% were seen.", "54%", 54, "%"),
    ("Only 54 per cent were seen.", "54 per cent", 54, "%"),
    ("Only 54pc were seen.", "54pc", 54, "%"),
    ("Only 54 percent were seen.", "54 percent", 54, "%"),
    ("Only fifty-four per cent were seen.", "fifty-four per cent", 54, "%"),
    ("It fell by 3 percentage points.", "3 percentage points", 3, "percentage point"),
    ("The share fell by 11 points.", "11 points", 11, "percentage point"),
    ("A third of staff had left.", "A third", 100 / 3, "%"),
    ("Two-thirds of calls were late.", "Two-thirds", 200 / 3, "%"),
    ("Half of the wards were short.", "Half", 50, "%"),
    ("A quarter of the homes were unsafe.", "A quarter", 25, "%"),
    ("One in five patients waited.", "One in five", 20, "%"),
    ("Nine out of 10 parents agreed.", "Nine out of 10", 90, "%"),
    ("The budget was £475,000 this year.", "£475,000", 475_000, "GBP"),
    ("The budget was £1.2m this year.", "£1.2m", 1_200_000, "GBP"),
    ("The budget was £1.2 million this year.", "£1.2 million", 1_200_000, "GBP"),
    ("The budget was £3.4bn this year.", "£3.4bn", 3_400_000_000, "GBP"),
    ("It cost $2m to fix.", "$2m", 2_000_000, "USD"),
    ("It cost €5,000 to fix.", "€5,000", 5_000, "EUR"),
    ("It cost 1.2 million pounds to fix.", "1.2 million pounds", 1_200_000, "GBP"),
    ("A 16-year-old boy was attacked.", "16-year-old", 16, "age"),
    ("A boy aged 16 was attacked.", "16", 16, "age"),
    ("Calls were answered within an hour.", "an hour", 1, "hour"),
    ("Patients waited two weeks for a bed.", "two weeks", 2, "week"),
    ("Visits were half an hour or more late.", "half an hour", 0.5, "hour"),
    ("The force serves 1.1 million people.", "1.1 million", 1_100_000, None),
    ("Schools are graded on a five-point scale.", "five", 5, None),
    ("The service covers half a million people.", "half a million", 500_000, None),
    ("The force serves a million people.", "a million", 1_000_000, None),
    ("She waited a year and a half for a place.", "a year and a half", 1.5, "year"),
    ("It took nearly two and a half hours.", "two and a half hours", 2.5, "hour"),
    ("Notices were reviewed within 48 hours.", "48 hours", 48, "hour"),
    ("The inspection took place in 2021.", "2021", 2021, "date"),
    ("It was inspected in June 2021.", "June 2021", 2021, "date"),
    ("It was published on 28 September 2022.", "28 September 2022", 2022, "date"),
    ("Figures for 2025/26 are due.", "2025/26", 2025, "date"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit"), FORMS, ids=[f[1] for f in FORMS])
def test_forms(text, span, value, unit):
    figure = one(text)
    assert figure.text == span
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert text[figure.start : figure.end] == span


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("It was the force's third inspection in a row.", 3, "inspection"),
        ("It was rated inadequate for the third consecutive time.", 3, "time"),
        ("Its 4th inspection found problems.", 4, "inspection"),
    ],
)
def test_ordinals_that_are_facts(text, value, noun):
    figure = one(text)
    assert (figure.value, figure.unit, figure.noun) == (value, "ordinal", noun)


def test_share_from_part_of_whole():
    part, total = figures("Inspectors found 18 of 30 cases were inadequate.")
    assert (part.text, part.value, part.form, part.noun) == ("18 of 30", 18, "part", "case")
    assert part.share == pytest.approx(60)
    assert (total.text, total.value, total.form, total.noun) == ("30", 30, "total", "case")
    assert (total.start, total.end) == (23, 25)


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Only 41 of the 58 posts were filled.", "58"),
        ("It answered 612 out of 1,420 calls late.", "1,420"),
    ],
)
def test_the_whole_of_a_part_is_a_figure_of_its_own(text, whole):
    assert [f.form for f in figures(text)] == ["part", "total"]
    assert figures(text)[1].text == whole


def test_shares_written_as_ratios_have_no_total():
    assert [f.text for f in figures("Nine out of 10 parents agreed.")] == ["Nine out of 10"]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("It rose to between 12 and 15 per cent.", 12, 15, "%"),
        ("Between 12 and 15 staff left.", 12, 15, None),
        ("It rose to 12-15% last year.", 12, 15, "%"),
        ("Estimates ran from 12 to 15 per cent.", 12, 15, "%"),
        ("Women were locked up for between six and eight hours.", 6, 8, "hour"),
        ("They spent six to eight hours a day in cells.", 6, 8, "hour"),
        ("It took 3-4 weeks to reply.", 3, 4, "week"),
    ],
)
def test_ranges_stay_ranges(text, low, high, unit):
    figure = one(text)
    assert (figure.low, figure.high, figure.unit) == (low, high, unit)


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("More than 35 cases were late.", "more than"),
        ("Over 35 cases were late.", "over"),
        ("At least 35 cases were late.", "at least"),
        ("Almost 35 cases were late.", "almost"),
        ("Nearly 35 cases were late.", "nearly"),
        ("About 400 cases were late.", "about"),
        ("Around 400 cases were late.", "around"),
        ("Roughly 400 cases were late.", "roughly"),
        ("Just over 400 cases were late.", "just over"),
        ("Under 400 cases were late.", "under"),
        ("Fewer than 400 cases were late.", "fewer than"),
        ("Only 400 cases were late.", "only"),
        ("Up to 400 cases were late.", "up to"),
    ],
)
def test_hedges(text, hedge):
    assert one(text).hedge == hedge


def test_all_but_is_not_the_figure_meant():
    assert figures("Men were locked up for all but two hours a day.") == []


def test_time_locked_up_and_time_out_of_cell_never_differ():
    a = "At the prison, men were locked in their cells for 22 hours a day.\n"
    b = "At the prison, men spent three hours a day out of their cells.\n"
    assert [status for status, _, _ in _figure_findings(a, b)] == ["only_a", "only_b"]


@pytest.mark.parametrize(
    "text",
    [
        "He was one of the officers on duty.",
        "No one was arrested.",
        "One example given was a boy.",
        "A second report followed.",
        "It committed a great deal of resources.",
        "Fire & Rescue Services were inspected.",
        "It was the first time the force had failed.",
        "Category two calls were late.",
        "The force's 999 response was poor.",
        "1. The force must improve.",
        "I want parents to hear the other half of this report too.",
        "The two of them met the inspectors.",
        "Those three are the areas to improve.",
        "Leaders turned things round in the second half of the year.",
    ],
)
def test_not_figures(text):
    assert figures(text) == []


def test_the_phone_line_names_the_calls_counted():
    (share,) = figures("Just 54% of 999 calls were answered on time.")
    assert (share.noun, share.modifiers) == ("call", ("999",))
    a = "The force answered 54% of 999 calls on time, the inspectors found.\n"
    b = "The force answered 29% of 101 calls on time, the inspectors found.\n"
    assert [status for status, _, _ in _figure_findings(a, b)] == ["only_a", "only_b"]


def test_what_is_counted():
    assert one("There were 696 open incidents in the queue.").noun == "incident"
    assert one("There were 696 open incidents in the queue.").modifiers == ("open",)
    assert one("Only 54% of priority incidents were attended.").noun == "incident"
    assert one("It has a 4% turnover rate.").modifiers == ("turnover",)
    assert one("Callers waited five days for initial contact.").noun == "contact"
    # a list of kinds ending "and other ...": the class is what is counted
    assert one(
        "A backlog of 1,180 phones, laptops and other digital devices was waiting."
    ).noun == ("device")


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Of the callers, one in five hung up before an answer.", None),
        ("In the end, 40 waited more than a week.", None),
        ("Over the year, 12 trained officers left.", "officer"),
        ("Over the year, five staff left the force.", "staff"),
        ("The force had 41 serving officers.", "officer"),
    ],
)
def test_a_verb_after_a_number_is_not_what_it_counts(text, noun):
    assert figures(text)[0].noun == noun


@pytest.mark.parametrize(
    "text",
    [
        "Attendance fell from 86 per cent to 72 per cent.",
        "Attendance rose from 86 to 72 per cent.",
    ],
)
def test_a_change_has_an_earlier_and_a_later_value(text):
    before, after = figures(text)
    measure = "measure attendance"
    assert (before.value, before.unit, before.marks) == (86, "%", ("before", measure))
    assert (after.value, after.unit, after.marks) == (72, "%", (measure,))
    assert before.low is None and after.low is None


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        ("Uptake was 76 per cent, an improvement on 61 per cent in 2022.", "61 per cent"),
        ("Caseloads have fallen from an average of 26 children to 19.", "26"),
        ("Some 38% felt unsafe, compared with 24% at the last inspection.", "24%"),
        ("At the previous inspection the figure was 28%.", "28%"),
        ("When the force was last inspected, it recorded 94.6% of crime.", "94.6%"),
    ],
)
def test_a_figure_from_an_earlier_time(text, earlier):
    marked = [f.text for f in figures(text) if "before" in f.marks]
    assert marked == [earlier]


def test_a_comparison_with_another_place_is_not_earlier():
    assert [f.marks for f in figures("It was 40 per cent against 61 per cent nationally.")] == [
        (),
        (),
    ]


def test_down_from_marks_the_earlier_value():
    earlier = figures("It was 72 per cent, down from 86 per cent.")[1]
    assert (earlier.value, earlier.marks) == (86, ("before",))


def test_earlier_and_later_values_never_pair():
    now, then = (
        one("It is 72 per cent now."),
        figures("It fell from 72 per cent to 60 per cent.")[0],
    )
    assert not compatible(now, then)


def _pair(text_a: str, text_b: str) -> tuple[Figure, Figure]:
    return one(text_a), one(text_b)


@pytest.mark.parametrize(
    ("a", "b", "agrees"),
    [
        ("Only 54 per cent were seen.", "Only 54% were seen.", True),
        ("About 300 were seen.", "Exactly 289 were seen.", True),
        ("More than 50 were seen.", "Exactly 53 were seen.", True),
        ("Nearly half of staff were seen.", "Exactly 48% of staff were seen.", True),
        ("About 2,000 were referred.", "Exactly 1,640 were referred.", False),
        ("A fifth of staff left.", "Exactly 20% of staff left.", True),
        ("Three in ten staff left.", "Exactly 30 per cent of staff left.", True),
        (
            "Half of the women were seen in time.",
            "Only 52 per cent of the women were seen in time.",
            True,
        ),
        (
            "Half of the women were seen in time.",
            "Only 54 per cent of the women were seen in time.",
            False,
        ),
        ("A quarter of staff left.", "Exactly 31% of staff left.", False),
        ("It cost £2.5m in total.", "It cost £2.5 million in total.", True),
        ("They waited fifteen minutes for help.", "They waited 15 minutes for help.", True),
        ("It was seen within an hour.", "It was seen within 60 minutes.", True),
        ("It rose to between 12 and 15 per cent.", "It rose to 14 per cent.", True),
        ("It rose to between 12 and 15 per cent.", "It rose to 17 per cent.", False),
        ("They waited five days for a bed.", "They waited five weeks for a bed.", False),
        ("Only 72% were seen.", "Only 27% were seen.", False),
        ("Patients waited 48 hours for a bed.", "Patients waited two days for a bed.", True),
        # two hedges: one must cover the value the other states
        ("Nearly 3,000 were referred.", "Around 2,600 were referred.", False),
        ("About 300 were referred.", "Nearly 300 were referred.", True),
        ("More than 50 were seen.", "Over 50 were seen.", True),
        ("Nearly half of staff were seen.", "About 48% of staff were seen.", True),
        ("More than 50 were seen.", "About 55 were seen.", True),
        # two bounds the same way must be the same bound; a bound must hold the estimate
        ("Women waited more than four hours.", "Women waited more than six hours.", False),
        ("Some had as many as 34 children.", "Some had up to 43 children.", False),
        ("Some had as many as 34 children.", "Some had up to 34 children.", True),
        ("About 11,900 patients were listed.", "More than 12,000 patients were listed.", False),
        ("More than 50 were seen.", "Fewer than 60 were seen.", True),
        ("It serves more than 1.1 million people.", "It serves more than a million people.", True),
        ("It covers about 540,000 people.", "It covers more than half a million people.", True),
        # an approximation meets a bound when, to the last digit it gives, it can
        ("It takes more than 1.1 million calls a year.", "It takes about 1.1m calls a year.", True),
        ("More than half of staff were seen.", "Almost half of staff were seen.", False),
        # "just over" is above and close, as "just under" is below and close
        ("Just over a quarter of staff were bullied.", "31 per cent of staff were bullied.", False),
        ("Just over a quarter of staff were bullied.", "27 per cent of staff were bullied.", True),
        # "up to" is the longest: a longest wait told exactly must be the same
        (
            "The longest wait for a bed was 31 hours.",
            "Patients waited up to 37 hours for a bed.",
            False,
        ),
        (
            "The longest wait for a bed was 37 hours.",
            "Patients waited up to 37 hours for a bed.",
            True,
        ),
        (
            "One patient waited 31 hours for a bed.",
            "Patients waited up to 37 hours for a bed.",
            True,
        ),
        ("Only 81% of shifts were filled.", "Nearly one in five shifts was not staffed.", True),
        (
            "It failed to record 11,400 crimes a year.",
            "It failed to record 11,400 crimes a year.",
            True,
        ),
    ],
)
def test_values_agree(a, b, agrees):
    fa, fb = _pair(a, b)
    assert compatible(fa, fb)
    assert values_agree(fa, fb, Settings()) is agrees


@pytest.mark.parametrize(
    ("a", "b", "may"),
    [
        # the same number in another unit is a slip; close spans may be one span misreported
        ("They waited five days for a bed.", "They waited five weeks for a bed.", True),
        ("They waited 90 minutes for a bed.", "They waited two hours for a bed.", True),
        # other numbers in other units, far apart, are two spans
        ("After four days of inspection, it was judged good.", "It was judged good after a 3-year turnaround.", False),
        ("Calls took 40 seconds to answer.", "Calls took five minutes to answer.", False),
        # a count of others beside the count of all; a share told by what did not happen
        ("The trust runs seven schools.", "The trust runs Larkfield and six other schools.", False),
        ("Only 81% of shifts were filled.", "Nearly one in five shifts was not staffed.", False),
        # ... unless the numbers do not complement each other: then a slip is possible
        ("41% of apprentices had gone past their end date.", "14 per cent of apprentices had not finished by their end date.", True),
    ],
)  # fmt: skip
def test_spans_in_other_units_far_apart_never_differ(a, b, may):
    from inspectcheck.compare import may_differ

    fa, fb = _pair(a, b)
    assert may_differ(fa, fb) is may


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("It has a 4% turnover rate.", "It has a 4% absence rate."),
        ("Nine wards closed.", "Nine ambulances queued."),
        ("It was 16-year-old.", "They waited 16 days."),
        ("The budget was £5m.", "The budget was $5m."),
    ],
)
def test_different_things_are_never_compatible_as_differ(a, b):
    fa, fb = _pair(a, b)
    from inspectcheck.compare import noun_clash

    assert not compatible(fa, fb) or noun_clash(fa, fb)


@pytest.mark.parametrize(
    ("a", "b", "pair", "pairs"),
    [
        # groups of pupils schools report apart: a share of one is not a share of another
        (
            "Around a quarter of pupils speak English as an additional language.",
            "About a quarter of pupils are eligible for free school meals.",
            ("a quarter", "a quarter"),
            False,
        ),
        (
            "Almost a third of pupils (30 per cent) are eligible for free school meals.",
            "Nearly one in three is eligible for free school meals, and 30% speak English as an additional language.",
            ("30 per cent", "30%"),
            False,
        ),
        (
            "A quarter of pupils are eligible for free school meals.",
            "About 25% of pupils are eligible for free school meals.",
            ("A quarter", "25%"),
            True,
        ),
    ],
)  # fmt: skip
def test_shares_of_different_groups_of_pupils_never_pair(a, b, pair, pairs):
    from inspectcheck.api import compare_documents
    from inspectcheck.load import from_text

    report = compare_documents(from_text(a + "\n", "a"), from_text(b + "\n", "b"))
    found = {(f.a.text, f.b.text) for f in report.findings if f.a and f.b}
    assert (pair in found) is pairs


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Of those surveyed, 38 per cent of respondents said so.", "38% of staff said so.", None),
        ("It surveyed 1,420 people.", "It surveyed 1,420 staff.", None),
        ("It has a 4% turnover rate.", "It has a 4% absence rate.", False),
        ("There were 12 cases.", "There were 12 child protection cases.", True),
    ],
)
def test_generic_nouns_neither_match_nor_clash(a, b, same):
    from inspectcheck.compare import same_thing

    assert same_thing(*_pair(a, b)) is same


_WORDS = {
    1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
    9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty",
    23: "twenty-three", 40: "forty", 54: "fifty-four", 99: "ninety-nine",
}  # fmt: skip


@given(
    st.sampled_from(sorted(_WORDS)), st.sampled_from(["{} per cent", "{}%", "{}pc", "{} percent"])
)
def test_round_trip_percentages(value, style):
    for written in (str(value), _WORDS[value]):
        if not written.isdigit() and style in ("{}%", "{}pc"):
            continue  # "fifty-four%" is not written
        text = "Inspectors found " + style.format(written) + " of cases were late."
        figure = one(text)
        assert (figure.value, figure.unit) == (value, "%")


@given(st.integers(min_value=1, max_value=999_999))
def test_round_trip_counts_with_commas(value):
    figure = one(f"The trust recorded {value:,} incidents.")
    assert figure.value == value


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["m", " million", "bn"]))
def test_round_trip_money(whole, suffix):
    amount = whole / 10
    scale = 1e9 if suffix == "bn" else 1e6
    figure = one(f"It cost £{amount:g}{suffix} to run.")
    assert figure.value == pytest.approx(amount * scale)
    assert figure.unit == "GBP"


def test_digits_of_other_scripts_are_skipped():
    assert [f.text for f in figures("\U0001ccf0 and 12 cases")] == ["12"]


@settings(max_examples=300)
@given(st.text())
def test_extraction_never_raises(text):
    for figure in figures(text):
        assert text[figure.start : figure.end] == figure.text


def _figure_findings(a: str, b: str) -> list[tuple[str, str | None, str | None]]:
    from inspectcheck.api import compare_documents
    from inspectcheck.load import from_text

    report = compare_documents(from_text(a, "a"), from_text(b, "b"))
    return [
        (f.status.value, f.a and f.a.text, f.b and f.b.text)
        for f in report.findings
        if f.kind.value == "figure"
    ]


def test_part_and_whole_pair_with_their_own_counts():
    a = "The service had 41 probation officers in post against a target of 58 officers.\n"
    b = "Only 41 of the 58 probation officers were in post at the service.\n"
    assert _figure_findings(a, b) == [
        ("agree", "41", "41 of the 58"),
        ("agree", "58", "58"),
    ]


def test_an_unmatched_part_is_reported_once():
    a = "Staffing fell short on 12 of the 40 wards we visited.\n"
    b = "The trust runs a large hospital in the city.\n"
    assert _figure_findings(a, b) == [("only_a", "12 of the 40", None)]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("At our last inspection in 2022, we graded it as good.", "earlier inspection"),
        ("The school was previously rated requires improvement, in 2023.", "earlier inspection"),
        ("It had been judged good when inspectors last visited in 2019.", "earlier inspection"),
        ("It was downgraded from good, the rating it was given in 2021.", "earlier inspection"),
        (
            "HMICFRS inspected Hartsmere Fire and Rescue Service last autumn, for the first time since 2021.",
            "earlier inspection",
        ),
        ("We inspected the service in October 2024.", "inspection"),
        ("The director, appointed in 2023, has brought stability.", None),
    ],
)
def test_what_a_year_dates(text, counts):
    (year,) = [f for f in figures(text) if f.unit == "date"]
    assert (year.counts if year.noun else None) == counts


def test_the_earlier_inspection_year_differs_whatever_the_wording():
    a = "Inspectors found the service good. At our last inspection in 2022, it was graded good.\n"
    b = "The watchdog, which had previously inspected the service in 2021, praised it.\n"
    assert _figure_findings(a, b) == [("differ", "2022", "2021")]


def test_two_earlier_years_in_one_source_are_left_alone():
    a = "At our last inspection in 2022, it was good. An earlier inspection in 2019 found it poor.\n"
    b = "The watchdog, which had previously inspected the service in 2021, praised it.\n"
    assert [status for status, _, _ in _figure_findings(a, b)] == ["only_a", "only_a", "only_b"]


def test_a_year_marked_previously_does_not_pair_with_this_inspection():
    a = "We inspected the fire and rescue service in October 2024.\n"
    b = "Inspectors, who had previously inspected the fire and rescue service in 2021, returned.\n"
    assert [status for status, _, _ in _figure_findings(a, b)] == ["only_a", "only_b"]


def test_equal_counts_with_overlapping_qualifiers_agree():
    a = "Inspectors said the service carried out 410 building safety audits last year.\n"
    b = "Last year the service completed 410 fire safety audits, the report said.\n"
    assert _figure_findings(a, b) == [("agree", "410", "410")]


def test_two_changes_from_one_earlier_value_compare_their_later_values():
    a = "Suspensions have fallen sharply at the school, from 640 two years ago to 215 last year.\n"
    b = "At the academy, suspensions fell from 640 to 251 over two years, inspectors noted.\n"
    found = _figure_findings(a, b)
    assert ("agree", "640", "640") in found
    assert ("differ", "215", "251") in found


def test_shares_with_different_time_limits_are_different_measures():
    a = "The force answered 54% of emergency calls within 10 seconds last year, inspectors found.\n"
    b = "The force answered 68% of emergency calls within a minute last year, inspectors found.\n"
    assert [status for status, _, _ in _figure_findings(a, b)] == [
        "only_a",
        "only_a",
        "only_b",
        "only_b",
    ]
    same = "The force answered 54 per cent of emergency calls within ten seconds last year.\n"
    assert _figure_findings(a, same) == [
        ("agree", "54%", "54 per cent"),
        ("agree", "10 seconds", "ten seconds"),
    ]


def test_a_sentence_with_nothing_of_its_own_borrows_the_one_before():
    a = (
        "In the survey, 36 per cent of prisoners said drugs were easy to get, compared with "
        "28 per cent in 2022.\n"
    )
    b = "Some 36% of prisoners said drugs were easy to obtain.\n\nAt the previous inspection the figure was 28%.\n"
    assert ("agree", "28 per cent", "28%") in _figure_findings(a, b)


def test_a_hyphenated_count_counts_its_first_word():
    (pupils,) = [
        f for f in figures("Five inspectors visited the 1,180-pupil school.") if f.value == 1180
    ]
    assert (pupils.noun, pupils.modifiers) == ("pupil", ())


def test_a_value_past_a_bound_is_never_a_difference():
    a = "During the visit, inspectors spoke to more than 200 pupils at the school.\n"
    b = "During the visit, inspectors spoke to 1,180 pupils at the school.\n"
    assert [status for status, _, _ in _figure_findings(a, b)] == ["only_a", "only_b"]


def test_a_part_of_days_is_a_part_not_a_duration():
    part, total = figures("On 9 of the 28 days we reviewed, the rota was short.")[:2]
    assert (part.text, part.form, part.noun) == ("9 of the 28", "part", "day")
    assert (total.text, total.form) == ("28", "total")


def test_a_change_in_a_duration_keeps_its_unit():
    earlier, later = figures("Waits rose from six to eight hours.")
    assert (earlier.value, earlier.unit, "before" in earlier.marks) == (6, "hour", True)
    assert (later.value, later.unit) == (8, "hour")


def test_transposed_digits_differ_at_a_lower_overlap():
    a = "Inspectors found on-call engines were available 64% of the time last year.\n"
    b = "Ravensmoor's retained crews could staff a fire engine only 46 per cent of the time, the BBC understands.\n"
    assert _figure_findings(a, b) == [("differ", "64%", "46 per cent")]
    unrelated = b.replace("46 per cent", "20 per cent")
    assert [status for status, _, _ in _figure_findings(a, unrelated)] == ["only_a", "only_b"]


def test_a_moved_decimal_point_differs_at_a_lower_overlap():
    a = (
        "The £18m building opened in September 2023, and principal Dr Angela Whitlock says it "
        "changed the way the town thinks about the college.\n"
    )
    b = (
        "The college opened a £1.8 million engineering and digital skills centre in 2023, which "
        "Dr Whitlock said had changed how the town saw the college.\n"
    )
    assert ("differ", "£18m", "£1.8 million") in _figure_findings(a, b)
    unrelated = b.replace("£1.8 million", "£2.6 million")
    assert [s for s, x, _ in _figure_findings(a, unrelated) if x == "£18m"] == ["only_a"]


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("Training fell by 12 percentage points.", "Training fell by 12%.", True),
        ("38 per cent of apprentices were late.", "38 apprentices were late.", True),
        (
            "It failed to record 11,400 crimes a year.",
            "It failed to record 11,400 crimes a month.",
            True,
        ),
        ("It failed to record 11,400 crimes a year.", "It failed to record 11,400 crimes.", False),
        ("Training fell by 12 percentage points.", "Training fell by 14%.", False),
    ],
)
def test_the_same_number_in_another_unit_is_a_slip_never_an_agreement(a, b, slip):
    from inspectcheck.compare import unit_slip

    fa, fb = _pair(a, b)
    assert unit_slip(fa, fb) is slip
    if slip:
        assert compatible(fa, fb) and not values_agree(fa, fb, Settings())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a rate is not a count
        ("The force recorded 15,180 domestic abuse crimes.", "11 domestic abuse crimes were recorded for every 1,000 people."),
        ("The council looked after 612 children.", "The council looks after children at a rate of 78 per 10,000."),
        # calls received are not calls answered
        ("The force received 412,600 calls to its 101 line.", "Almost 290,000 calls to the 101 line were answered."),
        # the recommendations made last time are not this inspection's
        ("Inspectors made 42 recommendations.", "Of 31 recommendations made at the last inspection, nine were achieved."),
        # two sites, two spans
        ("At Calderbridge, 61 per cent of patients were seen within four hours.", "At St Aldhelm's, 72pc of patients were seen within four hours."),
        ("The force carried out 9,412 stop and searches in the year to March 2024.", "More than 25,000 stop and searches were carried out over the past three years."),
    ],
)  # fmt: skip
def test_related_figures_that_count_different_things_never_differ(a, b):
    from inspectcheck.api import compare_documents
    from inspectcheck.load import from_text

    report = compare_documents(from_text(a + "\n", "a"), from_text(b + "\n", "b"))
    assert [f for f in report.findings if f.status.value == "differ"] == []


def test_the_base_of_a_rate_is_not_a_figure():
    found = figures("11 domestic abuse crimes were recorded for every 1,000 people.")
    assert [(f.text, "rate" in f.marks) for f in found] == [("11", True)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Prison Service has spent £2.3m on scanners and repairs.", "The Prison Service has spent £1.4m on scanners and £900,000 on repairs."),
        ("The trust has spent £1.2m on a centre and £380,000 on staff.", "The trust has spent almost £1.6m on a centre and staff."),
    ],
)  # fmt: skip
def test_a_sum_of_money_told_as_parts_agrees(a, b):
    from inspectcheck.api import compare_documents
    from inspectcheck.load import from_text

    report = compare_documents(from_text(a + "\n", "a"), from_text(b + "\n", "b"))
    money = [f for f in report.findings if f.kind.value == "figure" and "£" in ((f.a or f.b).text)]
    assert [f.status.value for f in money] == ["agree"]
    assert "add up" in money[0].reason


def test_one_span_told_in_other_units_still_differs():
    from inspectcheck.api import compare_documents
    from inspectcheck.load import from_text

    a = "About a third of the 212 staff surveyed said they had been bullied in the past year.\n"
    b = "Of the 212 staff surveyed, 43 per cent said they had been bullied in the last 12 months.\n"
    report = compare_documents(from_text(a, "a"), from_text(b, "b"))
    assert [(f.a.text, f.b.text) for f in report.findings if f.status.value == "differ"] == [
        ("a third", "43 per cent")
    ]


def test_marks_say_how_a_figure_was_measured_apart_from_what_it_counts():
    found = figures("At Calderbridge, 61 per cent of 999 calls were answered in the year to March.")
    share = found[0]
    assert (share.noun, share.modifiers) == ("call", ("999",))
    assert share.marks == ("site calderbridge", "window 12 months")


def test_a_share_named_as_a_rate_before_it_counts_the_rate():
    found = figures(
        "The survey went to 290 patients and 118 responded, a response rate of 41 per cent."
    )
    assert [(f.text, f.noun, f.modifiers) for f in found][-1] == (
        "41 per cent",
        "rate",
        ("response",),
    )
    assert figures("Its vacancy rate stood at almost 12%.")[0].noun == "rate"
    assert figures("Its charge or summons rate was 7.2%.")[0].modifiers == ("charge", "summon")
    assert figures("Availability was less than 60 per cent of the time in 2024/25.")[0].marks == (
        "measure availability",
    )
    assert figures("It was 40 per cent nationally.")[0].noun is None  # an adverb, not a noun


def test_a_response_rate_is_not_a_share_of_patients():
    a = (
        "The survey went to 290 patients registered at the practice and 118 responded, "
        "a response rate of 41 per cent.\n"
    )
    b = "Only 41% of patients who took part in the survey rated the practice as good.\n"
    assert ("agree", "41 per cent", "41%") not in _figure_findings(a, b)
    same = "The survey had a response rate of 41% among the practice's 290 patients.\n"
    assert ("agree", "41 per cent", "41%") in _figure_findings(a, same)


def test_a_share_of_an_age_band_is_not_a_share_of_the_whole():
    a = (
        "In our survey, 17% of prisoners said they felt unsafe at the time of the inspection, "
        "rising to 29% among those aged under 25.\n"
    )
    b = "The report found 29 per cent of prisoners felt unsafe at the time of the inspection.\n"
    assert ("agree", "29%", "29 per cent") not in _figure_findings(a, b)
    band = "Among prisoners, 29 per cent of under-25s felt unsafe at the time of the inspection.\n"
    assert ("agree", "29%", "29 per cent") in _figure_findings(a, band)
    assert (
        figures("17% of prisoners felt unsafe, rising to 29% among those aged under 25.")[0].marks
        == ()
    )


def test_a_financial_year_is_one_figure_and_never_differs_from_a_date():
    found = figures("It had an income of £62.3m in 2023-24, and its 2025–27 plan is new.")
    assert [(f.text, f.value, f.unit) for f in found] == [
        ("£62.3m", 62_300_000, "GBP"),
        ("2023-24", 2023, "date"),
        ("2025–27", 2025, "date"),
    ]
    a = "The college is investing £4.8m in a construction centre due to open in September 2026.\n"
    b = "The college had an income of £62.3m in 2023-24 and is investing £4.8m in a construction centre.\n"
    assert [s for s, _, _ in _figure_findings(a, b) if s == "differ"] == []


def test_the_whole_a_share_is_taken_of_never_differs_from_a_part():
    a = "Inspectors found more than a quarter of its 610 apprentices had gone past their planned end date.\n"
    b = "The report said 172 apprentices, 28 per cent of the total, were past their planned end date.\n"
    assert [f.marks for f in figures(a)] == [(), ("whole",)]
    assert [f.marks for f in figures(b)] == [("part",), ()]
    found = _figure_findings(a, b)
    assert ("agree", "a quarter", "28 per cent") in found
    assert [s for s, _, _ in found if s == "differ"] == []
    other = "Inspectors found more than a quarter of its 650 apprentices had gone past their planned end date.\n"
    assert ("differ", "610", "650") in _figure_findings(a, other)


def test_what_a_place_can_hold_is_not_what_it_holds():
    found = figures("The jail, which can hold up to 420 men, had about 390 prisoners.")
    assert [(f.text, f.marks) for f in found] == [("420", ("capacity",)), ("390", ("roll",))]
    a = "Harnley Moor, a category C prison near Brackwell, held 391 adult men at the time of our inspection.\n"
    b = "The category C jail near Brackwell, which can hold up to 420 men, was inspected in the spring.\n"
    assert [s for s, _, _ in _figure_findings(a, b)] == ["only_a", "only_b"]
    same = "The category C jail near Brackwell held 391 men at the time of the inspection.\n"
    assert ("agree", "391", "391") in _figure_findings(a, same)
    found = figures("HMP Fenmoor, holding up to 420 women, held 388 and has 60 beds in its unit.")
    assert [(f.text, f.marks) for f in found] == [
        ("420", ("capacity",)),
        ("388", ("roll",)),
        ("60", ("capacity",)),
    ]
    assert [f.marks for f in figures("HMP Fenmoor holds about 390 women.")] == [("roll",)]


def test_a_share_told_the_other_way_round_is_not_the_lead_partner():
    a = (
        "In all, 312 staff responded to our survey, 28% of the workforce. Of those, 28% said "
        "they did not feel confident to challenge senior managers.\n"
    )
    b = (
        "Of the 312 staff who answered the survey – about 28 per cent of the workforce – more "
        "than a quarter said they did not feel confident challenging senior managers.\n"
    )
    assert [(f.text, "not" in f.marks) for f in figures(b)][1:] == [
        ("28 per cent", False),
        ("a quarter", True),
    ]
    found = _figure_findings(a, b)
    assert ("agree", "28%", "28 per cent") in found and ("agree", "28%", "a quarter") in found
    pairs = compare_documents(from_text(a, "a"), from_text(b, "b"), Settings()).findings
    quarter = next(f for f in pairs if f.b is not None and f.b.text == "a quarter")
    assert quarter.a is not None and "not" in quarter.a.marks


def test_officers_recruited_are_not_officers_qualified():
    a = "Of the 41 probation officers in post, 12 had qualified within the previous 12 months.\n"
    b = "The service said it had recruited 12 trainee probation officers, who will qualify next year.\n"
    assert ("agree", "12", "12") not in _figure_findings(a, b)
    same = "Of its 41 probation officers, 12 had qualified in the past year, the report said.\n"
    assert ("agree", "12", "12") in _figure_findings(a, same)


def test_people_are_not_the_crimes_they_report():
    a = "The force recorded 9,860 domestic abuse crimes in the year to March 2025, inspectors said.\n"
    b = "More than 7,000 people reported domestic abuse to the force in the year to March 2025.\n"
    assert [s for s, _, _ in _figure_findings(a, b) if s == "agree"] == ["agree"]  # the date
    assert ("agree", "9,860", "7,000") not in _figure_findings(a, b)
    falls = "Inspectors counted 63 falls at the home, and 19 people fell more than once.\n"
    people = "Some 63 people had fallen at the home, the inspectors counted.\n"
    assert ("agree", "63", "63") not in _figure_findings(falls, people)


def test_a_share_that_names_its_measure_before_it_compares_with_the_same_measure():
    found = figures("Inspectors found attendance for young people was 81 per cent.")
    assert [(f.noun, f.marks) for f in found] == [(None, ("measure attendance",))]
    assert figures("Engines were available only 64 per cent of the time.")[0].noun is None
    a = 'Inspectors said attendance among 16 to 18-year-olds was "too low" at 84%, below target.\n'
    b = "Inspectors found attendance for young people was 81 per cent, against a target.\n"
    assert ("differ", "84%", "81 per cent") in _figure_findings(a, b)
    absence = "Inspectors found absence for young people was 81 per cent, against a target.\n"
    assert [s for s, _, _ in _figure_findings(a, absence) if s != "only_a"] == ["only_b"]
    learners = "Only 84 per cent of learners attended their lessons, inspectors said.\n"
    assert ("agree", "84%", "84 per cent") in _figure_findings(a, learners)


def test_averaged_reports_a_figure_and_does_not_qualify_it():
    a = (
        "On-call fire engines were available only 64 per cent of the time, against the "
        "service target of 85 per cent.\n"
    )
    b = "Availability of on-call fire engines averaged 46%, against the service target of 85%.\n"
    assert ("differ", "64 per cent", "46%") in _figure_findings(a, b)
    mean = (
        "On-call fire engines were available an average of 46% of the time, against the "
        "service target of 85%.\n"
    )
    assert ("differ", "64 per cent", "46%") not in _figure_findings(a, mean)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Of 30 records checked, nine did not get antibiotics within an hour.", "nine"),
        (
            "Eleven of the county's 19 fire stations are crewed by on-call staff.",
            "Eleven of the county's 19",
        ),
        ("Fourteen of them had not been contacted.", "Fourteen"),
        ("Seven had not been reviewed when they should have been.", "Seven"),
        ("It employs 14 inspectors, four fewer than it needs.", "four"),
    ],
)
def test_a_spelled_out_count_as_the_subject_is_a_figure(text, written):
    assert written in [f.text for f in figures(text)]


def test_a_fronted_of_phrase_is_a_clause_of_its_own():
    text = "Of 31 recommendations made at the last inspection, only nine had been achieved."
    found = {f.text: f.marks for f in figures(text)}
    assert found == {"31": ("before", "stage made"), "nine": ("stage achieved",)}
    a = "Inspectors made 42 recommendations at this inspection of the prison.\n"
    b = "Of 31 recommendations made at the last inspection of the prison, only nine had been achieved.\n"
    assert [s for s, _, _ in _figure_findings(a, b) if s == "differ"] == []


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        ("38% of women felt unsafe, compared with 21% three years earlier.", "21%"),
        ("A quarter are agency staff, an improvement on 41% three years ago.", "41%"),
        (
            "It was 87.4 per cent, a marked improvement on 63.0 per cent in the year to September 2022.",
            "63.0 per cent",
        ),
        ("It rose to 24%, more than double the 11 per cent found last time.", "11 per cent"),
        ("Attendance was 91.3%, lower than the 92.7% recorded the previous year.", "92.7%"),
        ("Agency staff worked 21% of shifts, compared with 34% in April 2025.", "34%"),
        ("More than two-thirds now read well, up from just over half in 2023.", "half"),
        ("It was 31 per 1,000 pupils, compared with 42 per 1,000 in 2022/23.", "42"),
        ("It now answers 91% of calls, compared with 64% at that inspection.", "64%"),
        ("Domestic abuse-related crime: 85.0% recorded (2019: 80.2%)", "80.2%"),
    ],
)
def test_an_earlier_value_told_after_a_comparison(text, earlier):
    assert [f.text for f in figures(text) if "before" in f.marks] == [earlier]


def test_from_a_number_of_places_is_not_an_earlier_value():
    found = figures("It covers almost 900,000 people from 32 fire stations.")
    assert [(f.text, f.marks) for f in found] == [("900,000", ()), ("32", ())]


def test_in_every_ten_thousand_is_a_rate_and_only_the_rate_is_one():
    found = figures("The council looks after 486 children, a rate of 71 per 10,000 children.")
    assert [(f.text, f.marks) for f in found] == [("486", ()), ("71", ("rate",))]
    found = figures("That is 71 in every 10,000 children in the county.")
    assert [(f.text, f.unit, f.marks) for f in found] == [("71", None, ("rate",))]
    assert figures("One in 1,000 patients died.")[0].form == "ratio"


def test_parts_of_a_whole_named_with_a_possessive():
    assert [
        (f.text, f.form)
        for f in figures("23 of the service's 96 incident commanders were overdue.")
    ] == [
        ("23 of the service's 96", "part"),
        ("96", "total"),
    ]
    two_in_five = figures("More than two in five of the force's 3,412 officers were new.")
    assert [(f.text, f.form) for f in two_in_five] == [
        ("two in five", "ratio"),
        ("3,412", "number"),
    ]
    assert [f.text for f in figures("It was one of the trust's two hospitals.")] == ["two"]


def test_two_parts_of_one_whole_may_differ():
    a = "Inspectors found that 23 of the service's 96 incident commanders were overdue for reassessment.\n"
    b = "Inspectors found that 32 of the 96 incident commanders were overdue for reassessment.\n"
    assert ("differ", "23 of the service's 96", "32 of the 96") in _figure_findings(a, b)
    c = "Inspectors found that 32 of the 98 incident commanders were overdue for reassessment.\n"
    assert [(a, b) for s, a, b in _figure_findings(a, c) if s == "differ"] == [("96", "98")]


def test_a_fronted_whole_names_what_a_bare_count_counts():
    found = figures("Of its 24 stations, nine rely wholly on on-call firefighters.")
    assert [(f.text, f.noun) for f in found] == [("24", "station"), ("nine", "station")]


def test_the_same_share_of_two_surveys_is_two_facts():
    a = "In the inspectorate's staff survey, 64 per cent of those who responded said workloads were too high.\n"
    b = "In the inspectorate's survey of children, 64% said their worker had helped them.\n"
    assert [f.marks for f in figures(a)] == [("survey staff",)]
    assert [f.marks for f in figures(b)] == [("survey children",)]
    assert [s for s, _, _ in _figure_findings(a, b)] == ["only_a", "only_b"]
    same = "In the staff survey run by inspectors, 64% of workers said workloads were too high.\n"
    assert ("agree", "64 per cent", "64%") in _figure_findings(a, same)


def test_a_change_after_doubled_and_a_comma_is_a_change_not_a_range():
    found = figures("School attendance has more than doubled, from 41 per cent to 93 per cent.")
    assert [(f.text, "before" in f.marks, f.low) for f in found] == [
        ("41 per cent", True, None),
        ("93 per cent", False, None),
    ]


def test_two_parts_of_different_wholes_say_so():
    a = "Inspectors found that in nine of the 32 cases the plans were out of date.\n"
    b = "Inspectors found that in nine of the 23 cases the plans were out of date.\n"
    report = compare_documents(from_text(a, "a"), from_text(b, "b"), Settings())
    reasons = {f.a.text: (f.status.value, f.reason) for f in report.findings if f.a is not None}
    assert reasons["nine of the 32"] == (
        "agree",
        "nine of the 32 ~ nine of the 23: the same part, of wholes compared on their own",
    )
    assert reasons["32"] == ("differ", "32 vs 23: differ by 9")


def test_the_date_a_change_ran_from_is_not_the_date_it_ran_to():
    a = "Fire safety audits fell from 1,460 in 2022-23 to 1,042 last year, the report said.\n"
    b = "Fire safety audits dropped to 1,042 in 2024-25, from 1,460 two years earlier.\n"
    assert [f.marks for f in figures(a) if f.form == "date"] == [("earlier value",)]
    assert [f.marks for f in figures(b) if f.form == "date"] == [("later value",)]
    found = _figure_findings(a, b)
    assert ("agree", "1,460", "1,460") in found and ("agree", "1,042", "1,042") in found
    assert [s for s, _, _ in found if s == "differ"] == []
    wrong = "Fire safety audits fell from 1,460 in 2021-22 to 1,042 last year, the report said.\n"
    assert ("differ", "2022-23", "2021-22") in _figure_findings(a, wrong)
    told_after = "On-call engines were available 61 per cent of the time in 2024-25, down from 72 per cent.\n"
    told_before = "On-call engines were available 61% of the time, compared with 72% in 2022-23.\n"
    assert [f.marks for f in figures(told_after) if f.form == "date"] == [("later value",)]
    assert [s for s, _, _ in _figure_findings(told_after, told_before) if s == "differ"] == []


def test_a_count_of_fewer_or_more_names_what_it_counts():
    a = "At the inspection, the service had 61 fewer call handlers than it had planned for.\n"
    b = "Staff turnover was high, and the CQC received 61 complaints in the past year.\n"
    assert [(f.text, f.noun) for f in figures(a)] == [("61", "handler")]
    assert [(f.text, f.noun) for f in figures("It has four more inspectors.")] == [
        ("four", "inspector")
    ]
    assert [s for s, _, _ in _figure_findings(a, b)] == ["only_a", "only_b"]


def test_equal_counts_pair_with_the_same_named_thing_first():
    a = "We made five requirements and four areas for improvement.\n"
    b = "The inspectorate made four requirements and four areas for improvement.\n"
    from inspectcheck.api import compare_documents
    from inspectcheck.load import from_text

    report = compare_documents(from_text(a, "a"), from_text(b, "b"))
    paired = [(f.status.value, f.a.counts, f.b.counts) for f in report.findings if f.a and f.b]
    assert paired == [
        ("differ", "requirements", "requirements"),
        ("agree", "areas", "areas"),
    ]


def test_a_scale_written_short_counts_millions_only_before_what_it_counts():
    assert [(f.text, f.value, f.noun) for f in figures("It takes about 1.1m calls a year.")] == [
        ("1.1m", 1_100_000, "call")
    ]
    assert figures("The wall was 2m high.") == []
    assert figures("They put up a 3m fence.") == []


def test_an_average_told_with_averaged_is_the_same_measure():
    a = "Inspectors found the wards were running at an average of 108 per cent occupancy.\n"
    b = "The CQC found occupancy on these wards averaged 118%, with patients in lounges.\n"
    assert ("differ", "108 per cent", "118%") in _figure_findings(a, b)
    benchmark = "Residential placements cost an average of £6,400 a week.\n"
    most = "The most expensive residential placement costs £14,000 a week.\n"
    assert [s for s, _, _ in _figure_findings(benchmark, most)] == ["only_a", "only_b"]


def test_a_share_in_words_is_not_the_low_end_of_a_range():
    found = figures("It rose from about one in eight to 16.4 per cent.")
    assert [(f.text, f.value, f.low) for f in found] == [
        ("one in eight", 12.5, None),
        ("16.4 per cent", 16.4, None),
    ]
    assert [(f.text, f.low, f.high) for f in figures("Between 12-15% of staff left.")] == [
        ("12-15%", 12, 15)
    ]


def test_on_average_a_fortnight_is_a_duration():
    assert [(f.text, f.unit) for f in figures("Those referred waited on average a fortnight.")] == [
        ("a fortnight", "fortnight")
    ]


def test_a_count_each_source_gives_once_of_the_same_thing_agrees():
    a = "At the time of our inspection it held 984 men, close to its operational capacity of 1,010.\n"
    b = "The category C jail was holding 984 men when inspectors arrived in September.\n"
    assert ("agree", "984", "984") in _figure_findings(a, b)
    # a small count recurs too often to be matched on its value and noun alone
    small = (a.replace("984", "14"), b.replace("984", "14"))
    assert ("agree", "14", "14") not in _figure_findings(*small)


def test_a_target_never_agrees_with_a_result_told_without_one():
    report = (
        "On-call fire engine availability was 63% in the year to March 2024, against the "
        "service's own target of 80%.\n"
    )
    draft = "On-call fire engines were available only 80 per cent of the time in the year to March 2024.\n"
    assert ("differ", "63%", "80 per cent") in _figure_findings(report, draft)
    assert ("agree", "80%", "80 per cent") not in _figure_findings(report, draft)
    standard = "The service is still short of the 80 per cent standard it set itself.\n"
    assert ("agree", "80%", "80 per cent") in _figure_findings(report, standard)


def test_an_age_band_is_one_figure_never_a_count():
    found = figures("The home can look after up to four children aged 10 to 17.")
    assert [(f.text, f.unit, f.low, f.high) for f in found] == [
        ("four", None, None, None),
        ("aged 10 to 17", "age", 10, 17),
    ]
    a = "One child was missing 17 times in the six months before the inspection.\n"
    b = "The home can look after up to four children aged 10 to 17.\n"
    assert [s for s, _, _ in _figure_findings(a, b) if s in ("agree", "differ")] == []


def test_people_are_not_the_errors_made_with_them():
    a = "The home, which is registered for 48 people, had 42 residents at the time.\n"
    b = "There were 48 medication errors at the home over six months.\n"
    assert ("agree", "48", "48") not in _figure_findings(a, b)


def test_a_fraction_of_an_hour_is_a_duration():
    found = figures("Call bells went unanswered for three quarters of an hour.")
    assert [(f.text, f.value, f.unit) for f in found] == [
        ("three quarters of an hour", 0.75, "hour")
    ]
    found = figures("It took a quarter of an hour to answer.")
    assert [(f.text, f.value, f.unit) for f in found] == [("a quarter of an hour", 0.25, "hour")]


def test_in_the_previous_twelve_months_is_a_window_not_an_earlier_value():
    a = (
        "Recorded self-harm had risen sharply. There had been 1,284 incidents in the previous "
        "12 months, a 61% increase since our last inspection.\n"
    )
    b = "Inspectors found there had been more than 1,400 self-harm incidents in the 12 months before its inspection.\n"
    assert ("differ", "1,284", "1,400") in _figure_findings(a, b)
