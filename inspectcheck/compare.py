"""Comparing two figures or two ratings: may they pair, and do their values agree?"""

from __future__ import annotations

from .numbers import decimals
from .ratings import UNKNOWN_SUBJECT, loosely_matched, subjects_match
from .records import Claim, Figure, Rating, Settings

MINUTES = {
    "second": 1 / 60, "minute": 1.0, "hour": 60.0, "day": 1440.0, "week": 10080.0, "fortnight": 20160.0,
    "month": 43830.0, "year": 525960.0,
}  # fmt: skip
_ABOUT = {"about", "around", "roughly", "approximately", "some", "an estimated"}
_ABOVE = {"more than", "over", "just over", "well over", "above", "in excess of"}
_JUST_OVER = {"just over"}  # above, and close: the mirror of "just under"
_AT_LEAST = {"at least"}
_NEARLY = {"nearly", "almost", "just under"}
_BELOW = {"under", "fewer than", "less than", "below", "well under"}
_AT_MOST = {"up to", "no more than", "as many as", "as much as", "as high as"}


def dimensions(figure: Figure) -> frozenset[str]:
    """What a figure can be compared as. "18 of 30" is both a count and a share (60%)."""
    if figure.unit in MINUTES:
        return frozenset({"duration"})
    if figure.unit == "%":
        return frozenset({"share"})
    if figure.share is not None:
        return frozenset({"share", "count"})
    return frozenset({figure.unit or "count"})


def same_thing(a: Figure, b: Figure) -> bool | None:
    """Whether two figures count the same thing: True, False, or None when one does not say.

    The same head noun with no clashing qualifier is the same thing ("cases" and "child
    protection cases"); a clashing qualifier is not ("turnover rate" and "absence rate").
    """
    if _marks_clash(a, b) or _people_and_events(a, b):
        return False  # "more than 7,000 people" are not "9,860 crimes"
    if a.noun is None and b.noun is None and _tagged(a, "measure ") and _tagged(b, "measure "):
        return True  # "attendance ... was 81 per cent" and "attendance ... at 84%"
    if _measure_named(a, b) or _measure_named(b, a):
        return True  # "108 per cent occupancy" and "occupancy ... at 118%"
    if _noun(a) is None or _noun(b) is None:
        return None
    if a.noun != b.noun:
        return False
    mods_a, mods_b = set(a.modifiers), set(b.modifiers)
    return mods_a <= mods_b or mods_b <= mods_a


# Marks one figure carries and the other must too: an earlier value ("before"), a rate
# ("11 for every 1,000 people" is not a count of 11), an age band ("29% among those aged
# under 25" is not 29% of all prisoners).
_BOTH_OR_NEITHER = ("before", "rate", "age band")
# Kinds of mark that clash when each figure has one and they differ: calls received are
# not calls answered; pupils on free school meals are not pupils learning English; a staff
# survey is not a survey of children; attendance is not absence.
_ONE_OF_A_KIND = ("stage ", "cohort ", "survey ", "measure ")


def _marks_clash(a: Figure, b: Figure) -> bool:
    """Whether the two figures' marks say they were measured as different things."""
    if any((mark in a.marks) != (mark in b.marks) for mark in _BOTH_OR_NEITHER):
        return True
    if _one_each(a, b, "capacity", "roll"):
        return True  # "can hold up to 420 men" is not the 391 men it held
    if _one_each(a, b, "earlier value", "later value"):
        return True  # the date a change ran from is not the date it ran to
    return any(_marked_apart(a, b, kind) for kind in _ONE_OF_A_KIND)


def _one_each(a: Figure, b: Figure, mark: str, other: str) -> bool:
    """One figure carries `mark` and the other `other`."""
    return (mark in a.marks and other in b.marks) or (other in a.marks and mark in b.marks)


def _marked_apart(a: Figure, b: Figure, kind: str) -> bool:
    """Both figures carry marks of one kind ("site ", "stage ") and none in common."""
    marks_a, marks_b = _tagged(a, kind), _tagged(b, kind)
    return bool(marks_a) and bool(marks_b) and not marks_a & marks_b


def _tagged(figure: Figure, kind: str) -> set[str]:
    return {m for m in figure.marks if m.startswith(kind)}


def _periods(figure: Figure) -> set[str]:
    return {m for m in figure.marks if m.startswith("per ")}


_SLIP_UNITS = ({"%", "percentage point"}, {"%", None})


def unit_slip(a: Figure, b: Figure) -> bool:
    """The same number in another unit or over another period, in closely matching
    sentences: "a fall of 12 percentage points" and "a fall of 12%", "38 per cent of
    apprentices" and "38 apprentices", "11,400 crimes a year" and "11,400 a month"."""
    if a.value != b.value or a.unit == "date" or b.unit == "date" or a.low is not None:
        return False
    if "part" in (a.form, b.form) or a.share is not None or b.share is not None:
        return False
    units = {a.unit, b.unit}
    if len(units) == 2 and units in _SLIP_UNITS:
        return True
    pa, pb = _periods(a), _periods(b)
    return a.unit == b.unit and bool(pa) and bool(pb) and pa != pb


def noun_clash(a: Figure, b: Figure) -> bool:
    """Different head nouns ("1,420 staff", "1,420 people"): maybe one thing in two words."""
    return _noun(a) is not None and _noun(b) is not None and a.noun != b.noun


# Nouns that name whoever was counted without saying who: "38 per cent of respondents"
# may be "38% of staff who responded", so they neither match nor clash.
_GENERIC_NOUNS = frozenset({"respondent", "people", "person", "individual", "those"})


# Things that happen, counted apart from the people they happen to or who report them.
_EVENT_NOUNS = frozenset(
    "crime offence incident call assault complaint investigation fall arrest error".split()
)


def _people_and_events(a: Figure, b: Figure) -> bool:
    """One figure counts people ("7,000 people", "respondents"), the other events."""
    nouns = {a.noun, b.noun}
    return bool(nouns & _GENERIC_NOUNS) and bool(nouns & _EVENT_NOUNS)


def _measure_named(named: Figure, measured: Figure) -> bool:
    """One share names its measure as its noun, the other names it before the share."""
    return (
        measured.noun is None
        and named.noun is not None
        and f"measure {named.noun}" in measured.marks
        and not named.modifiers
    )


def _noun(figure: Figure) -> str | None:
    return None if figure.noun in _GENERIC_NOUNS else figure.noun


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two claims could state the same fact at all."""
    if isinstance(a, Figure) and isinstance(b, Figure):
        if unit_slip(a, b):
            return True
        if not dimensions(a) & dimensions(b):
            return False
        if _periods(a) and _periods(b) and _periods(a) != _periods(b):
            return False  # "a year" and "a month": two rates
        return same_thing(a, b) is not False or noun_clash(a, b) or _alike_and_equal(a, b)
    if isinstance(a, Rating) and isinstance(b, Rating):
        return subjects_match(a.subject, b.subject)
    return False


def _alike_and_equal(a: Figure, b: Figure) -> bool:
    """Equal counts of one noun whose qualifiers or marks overlap: "410 building safety
    audits" and "410 fire safety audits", "36 care records reviewed" and "36 patient
    records checked". They may agree; `may_differ` keeps them from differing."""
    shared = {*a.modifiers, *a.marks} & {*b.modifiers, *b.marks} - {"before"}
    same_time = ("before" in a.marks) == ("before" in b.marks)
    same_step = not _marked_apart(a, b, "stage ")  # officers qualified are not those recruited
    return (
        bool(shared)
        and same_time
        and same_step
        and a.noun == b.noun
        and (a.value, a.unit) == (b.value, b.unit)
    )


def may_differ(a: Claim, b: Claim) -> bool:
    """Whether a value mismatch between these compatible claims may be reported as differ."""
    if isinstance(a, Rating) and isinstance(b, Rating):
        return UNKNOWN_SUBJECT not in (a.subject, b.subject) and not loosely_matched(
            a.subject, b.subject
        )
    if isinstance(a, Figure) and isinstance(b, Figure):
        # "18 of the 60" can agree as a count or a share, but which of its numbers a
        # mismatch is about is unclear, so it never differs. Nor does the time limit of a
        # share ("within 10 seconds"): another limit is another measure.
        limit = "limit" in a.marks or "limit" in b.marks
        return (
            ("part" not in (a.form, b.form) or _parts_of_one_whole(a, b))
            and not limit
            and _year_span(a) == _year_span(b)
            and {"whole", "part"} - {*a.marks, *b.marks} != set()
            and not _past_bound(a, b)
            and not _spans_apart(a, b)
            and not _told_apart(a, b)
            and not _measured_apart(a, b)
        )
    return True


def _parts_of_one_whole(a: Figure, b: Figure) -> bool:
    """ "23 of the service's 96" and "32 of the 96": the whole agrees, so a mismatch is
    about the part, and may be reported."""
    if a.form != "part" or b.form != "part" or not a.share or not b.share:
        return False
    return round(a.value * 100 / a.share) == round(b.value * 100 / b.share)


def _year_span(figure: Figure) -> bool:
    """A financial or school year ("2023-24", "2025/26"): a span, not a date to set
    against "September 2026"."""
    return figure.unit == "date" and any(mark in figure.text for mark in "/–-")


def _measured_apart(a: Figure, b: Figure) -> bool:
    """Measured at two sites ("At Calderbridge, 61 per cent" and "At St Aldhelm's, 72pc") or
    over two spans ("in the year to March" and "over the past three years"): two figures,
    so never a difference. They may still agree: the tags are read from the clause alone,
    and a wrong one must not turn an agreement into a gap."""
    return _marked_apart(a, b, "site ") or _marked_apart(a, b, "window ")


def _told_apart(a: Figure, b: Figure) -> bool:
    """One figure a count of others ("six other schools" beside "seven schools"), or a share
    told by what did not happen that complements the other ("one in five was not staffed"
    beside "81% were filled"): a different number for the same fact, so never a
    difference."""
    if ("others" in a.marks) != ("others" in b.marks):
        return True
    return complements(a, b)


def complements(a: Figure, b: Figure) -> bool:
    """Two shares of one whole, one told by what did not happen: "81% of shifts were
    filled" and "nearly one in five was not staffed"."""
    if ("not" in a.marks) == ("not" in b.marks):
        return False
    pa, pb = _percent(a), _percent(b)
    return pa is not None and pb is not None and abs(pa + pb - 100) <= _COMPLEMENT_SLACK


_COMPLEMENT_SLACK = 3.0  # percentage points two shares may miss 100 by and still complement


def _percent(figure: Figure) -> float | None:
    return figure.value if figure.unit == "%" else figure.share


def _spans_apart(a: Figure, b: Figure) -> bool:
    """Two lengths of time in other units and other numbers, far apart ("four days of
    inspection" and "a 3-year turnaround"): two spans, not one misreported. The same number
    in another unit ("five days", "five weeks") is a slip worth reporting, and so are close
    spans ("90 minutes", "two hours")."""
    if a.unit == b.unit or a.unit not in MINUTES or b.unit not in MINUTES or a.value == b.value:
        return False
    low, high = sorted((a.value * MINUTES[a.unit], b.value * MINUTES[b.unit]))
    return low <= 0 or high / low > _SPAN_RATIO


_SPAN_RATIO = 2.0  # how far apart, as a ratio, two spans in other units are two spans


def _past_bound(a: Figure, b: Figure) -> bool:
    """A value beyond a bound, the way the bound points ("more than 200" and 1,180), is
    true of the bound: too far past it to agree, but never a difference."""
    for bound, other in ((a, b), (b, a)):
        way = _direction(bound)
        if way and other.hedge is None and (other.value - bound.value) * way > 0:
            return True
    return False


def _scalar(figure: Figure, other: Figure) -> float:
    """The figure's value on a scale shared with `other` (minutes, per cent, or as written)."""
    if figure.unit in MINUTES:
        return figure.value * MINUTES[figure.unit]
    if figure.share is not None and other.unit == "%":
        return figure.share
    return figure.value


def same_value(a: Figure, b: Figure) -> bool:
    """Whether two figures state one value on a shared scale ("two weeks" and "14 days")."""
    return abs(_scalar(a, b) - _scalar(b, a)) < 1e-9


def interval(figure: Figure, other: Figure, settings: Settings) -> tuple[float, float]:
    """The values a figure allows, after its hedge, its range and its written precision."""
    value = _scalar(figure, other)
    scale = value / figure.value if figure.value else 1.0
    if figure.low is not None and figure.high is not None:
        return figure.low * scale, figure.high * scale
    hedge = figure.hedge or ""
    if hedge in _ABOUT:
        spread = max(abs(value) * settings.about_tolerance, _precision(figure, settings) * scale)
        return value - spread, value + spread
    if hedge in _JUST_OVER:
        return value + 1e-9, value * (1 + settings.nearly_tolerance) + _precision(figure, settings)
    if hedge in _ABOVE:
        return value + 1e-9, value * (1 + settings.bound_tolerance)
    if hedge in _AT_LEAST:
        return value, value * (1 + settings.bound_tolerance)
    if hedge in _NEARLY:
        return value * (1 - settings.nearly_tolerance), value
    if hedge in _BELOW:
        return value * (1 - settings.bound_tolerance), value - 1e-9
    if hedge in _AT_MOST and "maximum" in other.marks:
        # "up to 37 hours" is the longest wait, so "the longest wait was 31 hours" is not it
        return value - _precision(figure, settings) * scale, value
    if hedge in _AT_MOST:
        return value * (1 - settings.bound_tolerance), value
    spread = _precision(figure, settings) * scale
    return value - spread, value + spread


def _direction(figure: Figure) -> int:
    """+1 for a lower bound ("more than 50"), -1 for an upper one ("up to 50"), 0 for an
    approximation ("about 50", "nearly half")."""
    if figure.hedge in _ABOVE | _AT_LEAST:
        return 1
    if figure.hedge in _BELOW | _AT_MOST:
        return -1
    return 0


def _hedges_agree(a: Figure, b: Figure, settings: Settings) -> bool:
    """Two hedged figures. Two bounds the same way must state the same bound ("more than
    four hours" is not "more than six hours"); a bound and an approximation agree when the
    approximate value is inside the bound ("about 11,900" is not "more than 12,000"); two
    approximations when one covers the value the other states ("nearly 3,000" is not
    "around 2,600")."""
    low_a, high_a = interval(a, b, settings)
    low_b, high_b = interval(b, a, settings)
    point_a, point_b = _scalar(a, b), _scalar(b, a)
    way_a, way_b = _direction(a), _direction(b)
    spread_a = _precision(a, settings) * point_a / a.value if a.value else 0.0
    spread_b = _precision(b, settings) * point_b / b.value if b.value else 0.0
    if way_a and way_a == way_b:
        return abs(point_a - point_b) <= max(spread_a, spread_b, 1e-9)
    if way_a and way_b:
        return low_a < high_b and low_b < high_a
    # An approximation, to the last digit it gives, must meet the bound: "about 1.1m"
    # meets "more than 1.1 million"; "about 11,900" does not meet "more than 12,000".
    if way_a:
        return low_a < min(point_b + spread_b, high_b) and max(point_b - spread_b, low_b) < high_a
    if way_b:
        return low_b < min(point_a + spread_a, high_a) and max(point_a - spread_a, low_a) < high_b
    return point_a == point_b or low_a <= point_b <= high_a or low_b <= point_a <= high_b


def _hedged(figure: Figure) -> bool:
    """A bound or an approximation, not a range and not "only"."""
    return figure.hedge not in (None, "only", "just") and figure.low is None


def _precision(figure: Figure, settings: Settings) -> float:
    """Half a unit of the last digit written: "£1.2m" covers £1.15m to £1.25m."""
    if figure.form in ("fraction", "ratio"):
        return settings.fraction_tolerance  # "half" for 52 per cent is news rounding
    if figure.form == "date":
        return 0.0
    if figure.form == "scaled" and not any(ch.isdigit() for ch in figure.text):
        return 0.1 * figure.value  # "half a million", "a million": a round figure
    places = decimals(figure.text)
    written = figure.value
    for suffix, scale in (("bn", 1e9), ("billion", 1e9), ("m", 1e6), ("million", 1e6)):
        if figure.text.lower().rstrip(". ").endswith(suffix):
            return 0.5 * 10**-places * scale
    return 0.5 * 10**-places if written != int(written) or places else 0.5


def _part_as_count(a: Figure, b: Figure) -> bool:
    """A part-of-whole figure compared with a plain count, not with a share."""
    return (a.form == "part") != (b.form == "part") and "%" not in (a.unit, b.unit)


def values_agree(a: Claim, b: Claim, settings: Settings) -> bool:
    if isinstance(a, Figure) and isinstance(b, Figure):
        if _part_as_count(a, b):
            # "12 of the 40 wards" as a count is 12; the 40 is a figure of its own.
            return a.value == b.value
        if a.unit == "date" and b.unit == "date":
            same_month = a.month is None or b.month is None or a.month == b.month
            return a.value == b.value and same_month
        if unit_slip(a, b):
            return False
        if complements(a, b):
            return True
        if _hedged(a) and _hedged(b):
            return _hedges_agree(a, b, settings)
        low_a, high_a = interval(a, b, settings)
        low_b, high_b = interval(b, a, settings)
        return low_a < high_b and low_b < high_a
    if isinstance(a, Rating) and isinstance(b, Rating):
        return a.grade == b.grade
    return False
