"""Extract stage for figures: a sentence's text -> Figure claims."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from .numbers import (
    DIGITS,
    FRACTION,
    MULTIPLIERS,
    digits_for_words,
    parse_fraction,
    parse_number,
)
from .records import Figure, Sentence
from .words import STOPWORDS, content_words, normalise_noun

_F = regex.IGNORECASE | regex.VERBOSE
_PCT = r"(?:%|\s?per\s?cent\b|\s?percent\b|pc\b)"
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_TIME_UNIT = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?)"
)
_UNIT_NAMES = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "min": "minute", "mins": "minute", "minute": "minute", "minutes": "minute",
    "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month", "year": "year", "years": "year",
}  # fmt: skip
_CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR", "pound": "GBP", "pounds": "GBP",
             "dollars": "USD", "euros": "EUR"}  # fmt: skip
_HEDGE = regex.compile(
    r"""(?:\b(?P<h>more\ than|well\ over|just\ over|over|at\ least|in\ excess\ of|almost|nearly
    |approximately|about|around|roughly|some|an\ estimated|just\ under|under|well\ under
    |fewer\ than|less\ than|below|above|up\ to|as\ many\ as|as\ much\ as|as\ high\ as|no\ more\ than
    |only|just))\s+$""",
    _F,
)
_PREVIOUS = regex.compile(
    r"\b(?P<verb>(?:up|down|rose|fell|increased|decreased|dropped|risen|fallen|"
    r"climbed|improved|declined|grown)\s+)?from\s+"
    r"(?:(?:an?\s+)?(?:average|total|peak|high|low)\s+of\s+|about\s+|around\s+|some\s+"
    r"|just\s+over\s+|just\s+under\s+|more\s+than\s+|nearly\s+|almost\s+)?$",
    regex.IGNORECASE,
)
# "people from 32 fire stations", "services from 12 sites": where from, not an earlier value.
_PLACES_FROM = regex.compile(
    r"(?:\s+[\p{L}-]+)?\s+(?:stations?|sites?|bases?|locations?|hospitals?|premises|offices|"
    r"depots?|centres?|hubs?|campuses|schools|practices|surgeries)\b",
    regex.IGNORECASE,
)
_NOT_BEFORE = regex.compile(r"(?:[\p{L}\d_/.,£$€-]|\d\.)$")
_NOT_AFTER = regex.compile(r"^(?:[\p{L}\d_]|[.,]\d|/\d|:\d|\s?(?:am|pm)\b)", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    value: float
    unit: str | None
    form: str
    priority: int
    low: float | None = None
    high: float | None = None
    share: float | None = None
    month: int | None = None
    use_noun: bool = True  # look for the counted noun after the span
    previous: bool = False  # the earlier value of a change ("rose from 12 to 15 per cent")
    total: tuple[int, int, float] | None = None  # the whole in "12 of the 40": start, end, value


def _num(m: regex.Match[str], group: str) -> float:
    value = parse_number(m.group(group))
    if value is None:  # the patterns only capture parseable numbers
        raise ValueError(m.group(group))
    return value


def _money(m: regex.Match[str]) -> _Raw | None:
    symbol = (m.group("cur") or m.group("word") or "").lower()
    scale = MULTIPLIERS.get((m.group("mult") or "").lower(), 1)
    return _Raw(m.start(), m.end(), _num(m, "n") * scale, _CURRENCY[symbol], "money", 0)


def _percent(m: regex.Match[str]) -> _Raw | None:
    value = _num(m, "n")
    unit = "percentage point" if m.group("pp") else "%"
    return _Raw(m.start(), m.end(), value, unit, "percent", 1)


_CHANGE_VERB = regex.compile(
    r"\b(?:rose|risen|rising|fell|fallen|falling|increased|decreased|dropped|climbed|grew|"
    r"grown|went|gone|moved|improved|declined|up|down|cut|reduced|raised|doubled|trebled|"
    r"tripled|halved)\s+$",
    regex.IGNORECASE,
)


def _change(m: regex.Match[str]) -> list[_Raw] | None:
    """ "rose from 12 to 15 per cent": an earlier value and a later one, not a range."""
    unit = "%" if m.group("pct") else None
    form = "percent" if unit else "number"
    if m.group("u"):
        unit, form = _UNIT_NAMES[m.group("u").lower()], "duration"  # "from six to eight hours"
    lo_end = m.end("lo_unit") if m.start("lo_unit") >= 0 else m.end("lo")
    return [
        _Raw(m.start("lo"), lo_end, _num(m, "lo"), unit, form, -1, previous=True),
        _Raw(m.start("hi"), m.end(), _num(m, "hi"), unit, form, -1),
    ]


def _range(m: regex.Match[str]) -> _Raw | None:
    if _CHANGE_VERB.search(m.string, max(0, m.start() - 20), m.start()):
        return None  # a change between two values, read by _change
    low, high = _num(m, "lo"), _num(m, "hi")
    if low >= high:
        return None
    unit = "%" if m.group("pct") else None
    time_unit = m.groupdict().get("u")
    if time_unit:
        unit = _UNIT_NAMES[time_unit.lower()]  # "between six and eight hours"
    return _Raw(
        m.start(), m.end(), low, unit, "range", 0, low=low, high=high, use_noun=not time_unit
    )


def _fraction(m: regex.Match[str]) -> _Raw | None:
    value = parse_fraction(m.group("f"))
    return None if value is None else _Raw(m.start(), m.end(), value * 100, "%", "fraction", 1)


# "one in five", "nine out of 10": a share. "612 out of 1,420": a count with its total.
_SHARE_BASES = frozenset({2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 20.0, 100.0, 1000.0})


def _ratio(m: regex.Match[str]) -> _Raw | None:
    part, whole = _num(m, "n"), _num(m, "d")
    if not 0 < part <= whole:
        return None
    if whole in (1000.0, 10000.0, 100000.0) and "every" in m.group(0).lower():
        # "71 in every 10,000 children": a rate; the count alone, read as a rate with its base
        return _Raw(m.start("n"), m.end("n"), part, None, "number", 2)
    if whole not in _SHARE_BASES:
        return _part(m, part, whole)
    return _Raw(m.start(), m.end(), part / whole * 100, "%", "ratio", 1)


def _part_of(m: regex.Match[str]) -> _Raw | None:
    part, whole = _num(m, "n"), _num(m, "d")
    if _RATIO_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "two in five of the force's 3,412": the five is not a part
    owned = "'" in m.group(0) or "’" in m.group(0)
    if owned and part == 1:
        return None  # "one of the trust's two hospitals": which one, not how many
    return _part(m, part, whole) if 0 < part < whole else None


_RATIO_BEFORE = regex.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s+(?:in|out\s+of)\s+$",
    regex.IGNORECASE,
)


def _part(m: regex.Match[str], part: float, whole: float) -> _Raw:
    """ "12 of the 40 wards": the count 12, its share (30%), and where the whole is written."""
    total = (m.start("d"), m.end("d"), whole)
    return _Raw(m.start(), m.end(), part, None, "part", 1, share=part / whole * 100, total=total)


def _age(m: regex.Match[str]) -> _Raw | None:
    return _Raw(m.start(), m.end(), _num(m, "n"), "age", "age", 0, use_noun=False)


def _age_range(m: regex.Match[str]) -> _Raw | None:
    low, high = _num(m, "lo"), _num(m, "hi")
    if low >= high:
        return None
    return _Raw(m.start(), m.end(), low, "age", "range", 0, low=low, high=high, use_noun=False)


def _duration(m: regex.Match[str]) -> _Raw | None:
    unit = _UNIT_NAMES[m.group("u").lower()]
    count = m.group("n")
    value = 1.0 if count is None or count.lower() in ("a", "an") else parse_number(count)
    if value is None:
        return None
    if m.group("half"):  # "half an hour", "three quarters of an hour"
        value = parse_fraction(m.group("half").removesuffix("of").strip()) or 0.5
    if m.groupdict().get("and_half"):
        value += 0.5  # "two and a half hours", "a year and a half"
    return _Raw(m.start(), m.end(), value, unit, "duration", 1, use_noun=False)


def _date(m: regex.Match[str]) -> _Raw | None:
    month = m.group("mon")
    number = _MONTHS.index(month.lower()) + 1 if month else None
    year = float(m.group("y"))
    return _Raw(m.start(), m.end(), year, "date", "date", 0, month=number, use_noun=False)


_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"


def _ordinal(m: regex.Match[str]) -> _Raw | None:
    """ "its third inspection": an ordinal that is a fact. "a second report" is not one."""
    word = m.group("o").lower()
    value = _ORDINALS.get(word) or int(regex.sub(r"\D", "", word))
    return _Raw(m.start(), m.end(), float(value), "ordinal", "ordinal", 0)


def _scaled_count(m: regex.Match[str]) -> _Raw | None:
    """ "1.1 million people", "a million calls", "half a million": a count with its scale."""
    lead = m.group("n").lower()
    value = {"a": 1.0, "an": 1.0, "half a": 0.5, "one": 1.0}.get(" ".join(lead.split()))
    value = value if value is not None else parse_number(m.group("n"))
    if value is None:
        return None
    scale = MULTIPLIERS[m.group("mult").lower()]
    return _Raw(m.start(), m.end(), value * scale, None, "scaled", 0)


def _count(m: regex.Match[str]) -> _Raw | None:
    text = m.group("n")
    value = parse_number(text)
    if value is None:
        return None
    return _Raw(m.start(), m.end(), value, None, "number", 3)


_ARTICLE_DURATION = regex.compile(
    rf"\b(?:(?P<half>half|(?:three|a|one)[- ]quarters?\s+of|an?\s+third\s+of)\s+)?"
    rf"(?P<n>an?)\s+(?P<u>{_TIME_UNIT})\b(?P<and_half>\s+and\s+a\s+half\b)?",
    _F,
)
# What "2m" measures when it is not two million: "2m long", "2m of fencing".
_NOT_COUNTED_SHORT = (
    r"(?:metres?|meters?|miles?|long|high|deep|wide|tall|away|of|in|on|at|from|to|and|or|"
    r"pounds|dollars|euros)\b"
)
_Builder = Callable[[regex.Match[str]], "_Raw | list[_Raw] | None"]
_PATTERNS: list[tuple[regex.Pattern[str], _Builder]] = [
    (
        regex.compile(
            rf"(?<={_CHANGE_VERB.pattern[:-4]},?\s+)from\s+(?P<lo>{DIGITS})(?P<lo_unit>{_PCT})?\s+to\s+(?P<hi>{DIGITS})"
            rf"(?:(?P<pct>{_PCT})|\s+(?P<u>{_TIME_UNIT})\b)?",
            _F,
        ),
        _change,
    ),
    (
        regex.compile(
            rf"(?P<cur>[£$€])\s?(?P<n>{DIGITS})(?:\s?(?P<mult>m|mn|bn|k|million|billion|thousand)\b)?(?P<word>)",
            _F,
        ),
        _money,
    ),
    (
        regex.compile(
            rf"(?P<cur>)(?P<n>{DIGITS})(?:\s?(?P<mult>million|billion|thousand|m|bn))?\s+(?P<word>pounds|dollars|euros)\b",
            _F,
        ),
        _money,
    ),
    (  # "aged 10 to 17": an age band, not a count of 17
        regex.compile(
            rf"\baged\s+(?:between\s+)?(?P<lo>{DIGITS})\s?(?:-|–|to|and)\s?(?P<hi>{DIGITS})\b",
            _F,
        ),
        _age_range,
    ),
    (
        regex.compile(
            rf"(?:between|from)\s+(?P<lo>{DIGITS}){_PCT}?\s+(?:and|to)\s+(?P<hi>{DIGITS})(?P<pct>{_PCT})?",
            _F,
        ),
        _range,
    ),
    (
        # not "from one in eight to 16.4 per cent": the eight belongs to "one in eight"
        regex.compile(
            rf"(?<!\d\s+(?:in|out\s+of)\s+)(?P<lo>{DIGITS})\s?(?:-|–|to)\s?(?P<hi>{DIGITS})(?P<pct>{_PCT})",
            _F,
        ),
        _range,
    ),
    (
        regex.compile(
            rf"(?:\bbetween\s+(?P<lo>{DIGITS})\s+and|(?:\bfrom\s+)?(?P<lo>{DIGITS})\s?(?:-|–|to))"
            rf"\s?(?P<hi>{DIGITS})(?P<pct>)\s+(?P<u>{_TIME_UNIT})\b",
            _F,
        ),
        _range,
    ),
    (regex.compile(rf"(?P<n>{DIGITS})(?:{_PCT}|(?P<pp>\s+percentage[- ]points?))", _F), _percent),
    (  # "down 11 points since 2022", "a fall of 5 points": a change in a share
        regex.compile(
            rf"(?<=\b(?:up|down|by|rose|fell|risen|fallen|dropped|climbed|(?:rise|fall|drop|gap)\s+of)\s+)"
            rf"(?P<n>{DIGITS})(?P<pp>\s+points?)\b",
            _F,
        ),
        _percent,
    ),
    (
        regex.compile(
            rf"(?<!\b(?:other|first|second|latter|better|bottom|top)\s+)\b(?P<f>{FRACTION})\b"
            r"(?=\s+(?:of|the|its|their|all|those|these)\b)",
            _F,
        ),
        _fraction,
    ),
    (
        regex.compile(
            rf"(?<=\b(?:nearly|almost|about|around|roughly|than|over|under|just|only)\s+)(?P<f>{FRACTION})\b",
            _F,
        ),
        _fraction,
    ),
    (
        regex.compile(
            r"\b(?P<f>(?:a|one)[- ](?:third|quarter|fifth|tenth)|(?:two|three|four)[- ](?:thirds|quarters|fifths|tenths))\b",
            _F,
        ),
        _fraction,
    ),
    (
        regex.compile(
            rf"\b(?P<n>{DIGITS})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d>{DIGITS})\b(?!\s*(?:%|per\s?cent|pc\b))",
            _F,
        ),
        _ratio,
    ),
    (
        regex.compile(
            rf"\b(?P<n>{DIGITS})\s+of\s+(?:(?:the|its|their)\s+(?:[\p{{L}}-]+['’]s?\s+)?)?(?P<d>{DIGITS})\b(?!\s*(?:%|per\s?cent|pc\b))",
            _F,
        ),
        _part_of,
    ),
    (regex.compile(rf"\b(?P<n>{DIGITS})[- ]years?[- ]olds?\b", _F), _age),
    (regex.compile(rf"(?<=\baged\s+)(?P<n>{DIGITS})\b", _F), _age),
    (_ARTICLE_DURATION, _duration),
    (
        regex.compile(
            rf"(?P<half>)\b(?P<n>{DIGITS})(?P<and_half>\s+and\s+a\s+half)?[\s-](?P<u>{_TIME_UNIT})\b",
            _F,
        ),
        _duration,
    ),
    (
        regex.compile(
            rf"(?:\b(?:\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<mon>{_MONTH})\s+(?:\d{{1,2}},?\s+)?(?P<y>(?:19|20)\d\d)\b",
            regex.VERBOSE,
        ),
        _date,
    ),
    (
        regex.compile(
            r"(?P<mon>)\b(?P<y>(?:19|20)\d\d)(?:[/–-]\d\d)?\b(?![,.]\d|%|\s?per\s?cent)", _F
        ),
        _date,
    ),
    (
        regex.compile(
            rf"(?<=\b(?:the|its|their|his|her|\p{{L}}+['’]s)\s+)(?P<o>{_ORDINAL})(?=\s+(?:consecutive\s+|successive\s+|straight\s+|full\s+)?(?:inspections?|times?|years?|visits?|reports?|reviews?|ratings?|warnings?)\b)",
            _F,
        ),
        _ordinal,
    ),
    (
        regex.compile(
            rf"\b(?P<n>{DIGITS}|half\s+an?|an?)\s+(?P<mult>million|billion)\b(?!\s+(?:pounds|dollars|euros))",
            _F,
        ),
        _scaled_count,
    ),
    (  # "1.1m calls", "2bn items": a scale written short, before what it counts
        regex.compile(
            rf"\b(?P<n>{DIGITS})(?P<mult>m|bn)\b(?=\s+(?!{_NOT_COUNTED_SHORT})"
            rf"(?:[\p{{Ll}}-]+\s+)?(?:[\p{{Ll}}-]+s|people|children|staff)\b)",
            _F,
        ),
        _scaled_count,
    ),
    (regex.compile(rf"(?P<n>{DIGITS})", _F), _count),
]
# "an hour" needs a preposition before it to be a duration ("within an hour", "in a week").
_ARTICLE_DURATION_CONTEXT = regex.compile(
    r"\b(?:within|in|for|after|than|over|under|every|per|once|twice|about|nearly|almost|just|average|"
    r"least|up\s+to|taking|took|take|waited|wait|last|past|than|of)\s+(?:half\s+)?$",
    regex.IGNORECASE,
)


# Patterns that can match without a digit: fractions, "an hour", ordinals.
_WORDS_ONLY = frozenset({_fraction, _ordinal, _scaled_count})


def _candidates(text: str, digits: str, start: int, end: int) -> Iterator[_Raw]:
    """Every reading of a number in text[start:end], with offsets into `text`.

    Patterns run over `digits`, the text with spelled-out numbers written as digits at
    the same offsets ("two-thirds" and other fractions keep their words).
    """
    has_digit = bool(_DIGIT.search(digits, start, end))
    for pattern, build in _PATTERNS:
        if not has_digit and build not in _WORDS_ONLY and pattern is not _ARTICLE_DURATION:
            continue
        for m in pattern.finditer(digits, start, end, overlapped=False, timeout=1.0):
            previous = digits[max(start, m.start() - 1) : m.start()]
            if previous and previous not in "£$€" and _NOT_BEFORE.search(previous):
                continue
            if _NOT_AFTER.search(digits[m.end() : m.end() + 4]):
                continue
            try:
                built = build(m)
            except ValueError:
                continue  # a digit from another script ("𜳰") that no number is read from
            for raw in built if isinstance(built, list) else [built]:
                if raw is not None and _plausible(raw, text, start):
                    yield raw


_ALL_BUT = regex.compile(r"\ball\s+but\s+$", regex.IGNORECASE)


def _plausible(raw: _Raw, text: str, start: int) -> bool:
    written = text[raw.start : raw.end].lower()
    before = text[max(start, raw.start - 40) : raw.start]
    if _ALL_BUT.search(before):
        return False  # "all but two hours a day": the figure meant is the rest of the day
    if raw.form == "duration" and written.split()[0] in ("a", "an"):
        return bool(_ARTICLE_DURATION_CONTEXT.search(before))
    if raw.form == "number":
        return _plausible_count(written, raw, text, start)
    if raw.form == "date":
        return not _HEDGE.search(before)
    return True


# Telephone services named by their number: "999 calls", "the 101 line".
_PHONE = regex.compile(
    r"(?:999|101|111|112|911)\s+(?:calls?|line|number|services?|operators?|handlers?|call-handl\w*|"
    r"responses?|emergenc\w+|non-emergency)\b",
    regex.IGNORECASE,
)
_LABEL_BEFORE = regex.compile(
    r"\b(?:category|level|stage|tier|phase|section|part|band|grade|year|key\s+stage|no|number|"
    r"paragraph|chapter|page|recommendation|ward|room|route|junction|platform|channel)\s+$",
    regex.IGNORECASE,
)


# "11 crimes for every 1,000 people", "a rate of 78 per 10,000": a rate, not a count.
_RATE_BASES = {100.0, 1000.0, 10000.0, 100000.0}
_PER = regex.compile(
    r"\b(?:per|for\s+every|in\s+every|out\s+of\s+every|every)\s+$", regex.IGNORECASE
)
_RATE = regex.compile(
    r"[^.;:\d]{0,60}?\b(?:per|for\s+every|in\s+every|out\s+of\s+every)\s+(?:1,?000|10,?000|100,?000|100)\b",
    regex.IGNORECASE,
)


_RATE_BEFORE = regex.compile(
    r"\b(?:per|for\s+every|in\s+every)\s+(?:1,?000|10,?000|100,?000)\b[^.;]{0,80}$",
    regex.IGNORECASE,
)


def _is_rate(text: str, raw: _Raw, sentence: Sentence, clause: tuple[int, int]) -> bool:
    """ "11 crimes for every 1,000 people", "per 100,000 children aged 10 to 17: 182"."""
    if _RATE.match(text, raw.end, sentence.end):
        return True
    return bool(_RATE_BEFORE.search(text, clause[0], raw.start))


def _plausible_count(written: str, raw: _Raw, text: str, start: int) -> bool:
    if _PHONE.match(text, raw.start, raw.start + 40):
        return False
    if _LABEL_BEFORE.search(text[max(start, raw.start - 20) : raw.start]):
        return False  # "category two calls", "ward 7": a label, not a quantity
    if raw.value in _RATE_BASES and _PER.search(text[max(start, raw.start - 20) : raw.start]):
        return False  # "for every 1,000 people": the base of a rate, not a count
    if written[0].isalpha():
        # Spelled-out counts only before a noun, or as the subject of a count ("nine of them
        # had not", "Seven had not been reviewed"); "one" alone is almost never a claim.
        if written in ("one", "a dozen") and not _HEDGE.search(text[start : raw.start]):
            return written != "one" and _noun_follows(text, raw.end)
        if _noun_follows(text, raw.end):
            return True
        pointed = _POINTED.search(text, max(start, raw.start - 12), raw.start)
        return not pointed and bool(_COUNTED_AS_SUBJECT.match(text, raw.end))
    line_start = text.rfind("\n", start, raw.start) + 1
    at_line_start = not text[max(start, line_start) : raw.start].strip()
    # "1. " or "2) " at the start of a line is a list marker, not a figure.
    return not (at_line_start and _LIST_MARK.match(text, raw.end, raw.end + 2))


# "nine of them", "Eleven of the county's 19 fire stations", "Seven had not been reviewed",
# "three were living there", "four fewer than it needs".
_COUNTED_AS_SUBJECT = regex.compile(
    r"\s+(?:of\s+(?:the|them|these|those|its|their|our|all)\b"
    r"|(?:had|have|has|were|was|did|are|is|could|would|died|fewer|more)\b)",
    regex.IGNORECASE,
)


_POINTED = regex.compile(r"\b(?:the|these|those|all|both|its|their)\s+$", regex.IGNORECASE)


def _noun_follows(text: str, end: int) -> bool:
    m = regex.match(
        r"(?:\s+(?:more\s+|further\s+|other\s+)?|-)([\p{L}][\p{L}'’-]*)", text[end : end + 40]
    )  # "five inspectors", "a five-point scale"
    return bool(m) and m.group(1).lower() not in STOPWORDS


def _choose(raws: list[_Raw]) -> list[_Raw]:
    chosen: list[_Raw] = []
    for raw in sorted(raws, key=lambda r: (r.priority, -(r.end - r.start), r.start)):
        if all(raw.end <= c.start or raw.start >= c.end for c in chosen):
            chosen.append(raw)
    # The whole in "12 of the 40 wards" is a figure of its own, inside the part's span.
    totals = [_Raw(*raw.total, None, "total", 3) for raw in chosen if raw.total]
    return sorted(chosen + totals, key=lambda r: (r.start, r.end))


_LIST_MARK = regex.compile(r"[.)]\s")
_GAP = regex.compile(r"[ \t]+")
_DIGIT = regex.compile(r"\d")
_NP_EXTRA = regex.compile(r"(?:more|fewer|further|other|extra|additional|new)\s+", regex.IGNORECASE)
_NP_WORD = regex.compile(r"(?:\s+|-(?=\p{L}))(?:of\s+(?:the\s+|all\s+|its\s+|their\s+|those\s+)?)?")
_NP_TOKEN = regex.compile(r"([\p{L}][\p{L}'’-]*)")


# Words that end the phrase naming what a number counts.
_NP_STOP = frozenset(
    """last next this each every per ago annually daily weekly monthly yearly today now
    nationally locally regionally overall respectively previously""".split()
)


_PHONE_LINE = regex.compile(r"(999|101|111|112|911)\s+(?=[\p{L}])")


def noun_phrase(text: str, end: int, limit: int) -> list[str]:
    """Content words naming what a number counts, read forward from `end`."""
    words: list[str] = []
    pos = end
    lead = _NP_WORD.match(text, pos, limit)
    if lead:
        pos = lead.end()
    extra = _NP_EXTRA.match(text, pos, limit)
    if extra:
        pos = extra.end()  # "four more inspectors": the inspectors are counted
    line = _PHONE_LINE.match(text, pos, limit)
    if line:
        words.append(line.group(1))  # "54% of 999 calls": 999 names the calls counted
        pos = line.end()
    compound = text.startswith("-", end)  # "a 1,140-pupil school" counts pupils
    while len(words) < (1 if compound else 4):
        m = _NP_TOKEN.match(text, pos, limit)
        if not m:
            break
        word = m.group(1).lower()
        if word in STOPWORDS or word in _NP_STOP:
            break
        if not words and _verb_follows(word, text, m.end(), limit):
            break  # "one in five hung up", "12 waited more than": a verb, not what is counted
        if not words and _ADVERB_AFTER.match(text, m.end(), limit):
            break  # "nine rely wholly on on-call crews": a verb and its adverb
        if words and "-" not in word and (word.endswith(("ed", "ing")) or word in _IRREGULAR_PAST):
            break  # "referrals waiting", "cases audited": the verb after the noun
        words.append(word)
        pos = m.end()
        gap = _GAP.match(text, pos, limit)
        if not gap:
            break
        pos = gap.end()
    if _DIGIT.match(text, pos, pos + 1):
        return []  # "40 of the planned 58 officers": the words belong to the next number
    kind = _AND_OTHER.match(text, pos, limit)
    if words and kind:
        # "1,180 phones, laptops and other digital devices": the devices are counted
        return [w.lower() for w in kind.group("w").split()]
    return words


# The class a list of kinds ends with: ", laptops and other digital devices".
_AND_OTHER = regex.compile(
    r"(?:,\s*[\p{L}-]+){0,4},?\s+(?:and|or)\s+other\s+(?P<w>[\p{L}-]+(?:\s+[\p{L}-]+){0,2}?)(?=[\s,.;:]|$)"
    r"(?=\s+(?:were|was|are|is|had|have|that|which|waiting|awaiting|in|at|on|to|for)\b|[,.;:]|$)"
)


# Past tenses that do not end in -ed, common in reports: "one in five hung up".
_IRREGULAR_PAST = frozenset(
    "hung left went came saw got made took gave kept felt thought knew ran fell rose sat "
    "stood spent met lost paid sent brought bought held".split()
)
_AFTER_VERB = regex.compile(r"\s+([\p{L}]+)")


_ADVERB_AFTER = regex.compile(
    r"\s+\p{L}{3,}ly\b(?!\s+(?:[\p{L}-]+\s+)?(?:people|staff|members))", regex.IGNORECASE
)


def _verb_follows(word: str, text: str, end: int, limit: int) -> bool:
    """A verb straight after a number: a past tense or -ing word that no noun follows
    ("12 trained officers" counts officers; "12 waited more than" counts nothing said)."""
    if word not in _IRREGULAR_PAST and not word.endswith(("ed", "ing")):
        return False
    after = _AFTER_VERB.match(text, end, limit)
    return after is None or after.group(1).lower() in STOPWORDS


# "a response rate of 41 per cent", "The vacancy rate stood at 12%": a share named as a
# rate before it, which is not a share of whoever the other source counts.
_NAMED_RATE = regex.compile(
    r"\b(?:(?P<alt>[\p{L}-]+)\s+or\s+)?(?P<m>[\p{L}-]+)\s+rate\s+(?:of|was|is|stood\s+at|at|(?:fell|rose|dropped)\s+to)\s+"
    r"(?:(?:more\ than|just\s+over|over|almost|nearly|about|around|roughly|just\s+under|"
    r"under|only|just)\s+)?$",
    _F,
)


def _named_rate(raw: _Raw, before: str) -> list[str]:
    if raw.unit != "%":
        return []
    m = _NAMED_RATE.search(before)
    if not m:
        return []
    words = [w.lower() for w in (m.group("alt"), m.group("m")) if w and w.lower() not in STOPWORDS]
    return [*words, "rate"]  # "charge or summons rate": both name it


def _share_noun(text: str, raw: _Raw, sentence: Sentence) -> list[str]:
    """What a number counts, read after it; "64 per cent of the time" counts no thing."""
    words = noun_phrase(text, raw.end, sentence.end)
    return [] if raw.unit == "%" and words == ["time"] else words


# What a share with no counted noun measures, named before it in its clause: "attendance
# for young people was 81 per cent", "Availability of on-call appliances averaged 46%".
_MEASURES = {
    "attendance": "attendance", "absence": "absence", "availability": "availability",
    "available": "availability", "turnover": "turnover", "vacancy": "vacancy",
    "satisfaction": "satisfaction", "satisfied": "satisfaction", "occupancy": "occupancy",
    "compliance": "compliance", "retention": "retention", "completion": "completion",
}  # fmt: skip
_MEASURE = regex.compile(r"\b(" + "|".join(_MEASURES) + r")\b", regex.IGNORECASE)


def _measure(text: str, raw: _Raw, clause: tuple[int, int]) -> list[str]:
    """ "measure attendance": what a share with no counted noun measures."""
    found = list(_MEASURE.finditer(text, clause[0], raw.start))
    return [f"measure {_MEASURES[found[-1].group(1).lower()]}"] if found else []


def _context_counts(text: str, raw: _Raw, sentence: Sentence) -> str | None:
    before = content_words(text[sentence.start : raw.start])[-3:]
    after = content_words(text[raw.end : sentence.end])[:3]
    words = before + after
    return " ".join(words) or None


_WAITED_FOR = regex.compile(r"\s+(?:for|before|until)\s+(?:(?:a|an|the|their|its|his|her)\s+)?")


def _purpose(text: str, raw: _Raw, limit: int) -> list[str]:
    """What a duration is spent waiting for: "five days for a follow-up visit" -> visit."""
    m = _WAITED_FOR.match(text, raw.end, limit)
    return noun_phrase(text, m.end(), limit)[:3] if m else []


# What a year dates: an inspection, and whether it is the one before ("our last
# inspection in 2022", "previously rated good, in 2021").
_INSPECTED = regex.compile(
    r"\b(?:inspect\w*|rated|rating|judged|graded|visit(?:ed)?)\b", regex.IGNORECASE
)
_EARLIER = regex.compile(
    r"\b(?:last|previous|previously|earlier|prior|formerly|(?:down|up)graded\s+from|"
    r"(?:down|up)\s+from|had\s+been\s+(?:rated|judged|graded|inspected)|rating\s+it\s+was\s+given)\b",
    regex.IGNORECASE,
)
_DATE_CLAUSE_BREAK = regex.compile(r"[;:()–—]|\.\s")
_DATE_REACH = 16  # words before a year that can say what it dates


def _dated_event(text: str, raw: _Raw, sentence: Sentence) -> list[str]:
    """ "inspection" or "earlier inspection", read from a year's own clause."""
    before = text[sentence.start : raw.start]
    cut = max((m.end() for m in _DATE_CLAUSE_BREAK.finditer(before)), default=0)
    words = " ".join(before[cut:].split()[-_DATE_REACH:])
    after = regex.split(r"[,;:()–—]|\.(?:\s|$)", text[raw.end : sentence.end], maxsplit=1)[0]
    clause = f"{words} {after}"
    if not _INSPECTED.search(clause):
        return []
    return ["earlier", "inspection"] if _EARLIER.search(clause) else ["inspection"]


_LOCKED = regex.compile(r"\blocked\b|\bbehind\s+(?:their\s+|cell\s+)+doors?\b", regex.IGNORECASE)
_UNLOCKED = regex.compile(
    r"\bout\s+of\s+(?:their\s+|his\s+|her\s+)?cells?\b|\bunlocked\b", regex.IGNORECASE
)


def _cell_time(text: str, sentence: Sentence) -> list[str]:
    """Time locked up and time out of cell are two measures: "22 hours a day locked in
    their cells" is not "two hours a day out of their cells", nor "22 hours out"."""
    locked = bool(_LOCKED.search(text, sentence.start, sentence.end))
    unlocked = bool(_UNLOCKED.search(text, sentence.start, sentence.end))
    if locked == unlocked:
        return []
    return ["locked"] if locked else ["unlocked"]


# A figure from an earlier time: "compared with 28 per cent in 2022", "an improvement on 61
# per cent in 2022", "At the previous inspection the figure was 28%".
_COMPARED = regex.compile(
    r"(?:compared\s+(?:with|to)|an?\s+(?:\w+\s+)?improvement\s+on|up\s+on|down\s+on|against"
    r"|(?:lower|higher|better|worse)\s+than(?:\s+the)?"
    r"|(?:more\s+than\s+)?(?:double|twice|treble|triple)\s+the)\s+"
    r"(?:(?:about|around|some|just|only)\s+)?$",
    regex.IGNORECASE,
)
_THEN = regex.compile(
    r"(?:[^,.;]|(?<=\d)[,.](?=\d)){0,40}?\b(?:(?:in\s+(?:\p{L}+\s+)?|to\s+\p{L}+\s+)(?:19|20)\d\d"
    r"|at\s+(?:(?:the|its|our)\s+(?:last|previous)|that)\s+"
    r"(?:inspection|visit)|last\s+(?:year|time)|the\s+(?:year\s+before|previous\s+year)|previously"
    r"|(?:a|one|two|three|four|five|\d+)\s+(?:years?|months?)\s+(?:earlier|ago|before))\b",
    regex.IGNORECASE,
)
_EARLIER_OPENING = regex.compile(
    r"\W*(?:(?:at|in|during)\s+(?:the|its|our)\s+(?:last|previous)\s+(?:inspection|visit|review)\b"
    r"|when\b[^,.;]{0,80}?\b(?:last|previously)\s+(?:inspected|examined|visited|reviewed|rated)\b)",
    regex.IGNORECASE,
)


def _from_earlier(text: str, raw: _Raw, before: str) -> bool:
    """ "down from 86 per cent", "from 640 two years ago to 215": the earlier value of a
    change; "people from 32 fire stations" is not one."""
    m = _PREVIOUS.search(before)
    return bool(m) and (m.group("verb") is not None or not _PLACES_FROM.match(text, raw.end))


def _earlier_figure(text: str, raw: _Raw, sentence: Sentence) -> bool:
    if _EARLIER_OPENING.match(text, sentence.start, sentence.end):
        return True
    if _YEAR_IN_BRACKETS.search(text, max(sentence.start, raw.start - 12), raw.start):
        return True  # "85.0% recorded (2019: 80.2%)": a table's figure for an earlier year
    compared = _COMPARED.search(text, max(sentence.start, raw.start - 40), raw.start)
    if compared and _THEN.match(text, raw.end, sentence.end):
        return True
    # "11 of the 28 recommendations made at the last inspection": the 28 were made then,
    # the 11 achieved now
    return raw.form != "part" and bool(_MADE_THEN.match(text, raw.end, sentence.end))


_MAXIMUM = regex.compile(r"\b(?:longest|maximum|highest|worst|peak|largest)\b", regex.IGNORECASE)


def _date_of_change(text: str, raw: _Raw, sentence: Sentence) -> list[str]:
    """ "fell from 1,460 in 2022-23 to 1,042 in 2024-25": the date of the earlier value and
    the date of the later one, which are never the same date told twice."""
    for mark, pattern in (("earlier value", _EARLIER_VALUE_IN), ("later value", _LATER_VALUE_IN)):
        if pattern.search(text, sentence.start, raw.start):
            return [mark]
    if _EARLIER_VALUE_AFTER.match(text, raw.end, sentence.end):
        return ["later value"]  # "61 per cent of the time in 2024-25, down from 72 per cent"
    return []


_VALUE_IN = (
    r"\s+(?:(?:about|around|some|just|only)\s+)?[£$€]?\d[\d,.]*\s*(?:%|per\s?cent|m|bn)?"
    r"(?:\s+[\p{L}-]+){0,2}?\s+in\s+(?:\p{L}+\s+)?$"
)
_EARLIER_VALUE_IN = regex.compile(
    rf"\b(?:from|compared\s+(?:with|to)|against|up\s+on|down\s+on){_VALUE_IN}", regex.IGNORECASE
)
_LATER_VALUE_IN = regex.compile(rf"\bto{_VALUE_IN}", regex.IGNORECASE)
_EARLIER_VALUE_AFTER = regex.compile(
    r",?\s+(?:(?:down|up)\s+from|compared\s+(?:with|to))\s+(?:about\s+|around\s+)?[£$€]?\d",
    regex.IGNORECASE,
)
_YEAR_IN_BRACKETS = regex.compile(r"\(\s*(?:19|20)\d\d(?:[/-]\d\d)?\s*:\s*$")
# "31 recommendations made at the last inspection": a count from the earlier inspection.
_MADE_THEN = regex.compile(
    r"\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:(?:that\s+)?(?:we|it|they|inspectors)\s+)?"
    r"(?:made|set|given|identified|raised|found)\s+(?:[^,.;\d]{0,40}?\s+)?"
    r"(?:at|during|after|following)\s+(?:the|its|our|their)\s+(?:last|previous)\s+(?:\w+\s+)?inspection\b",
    regex.IGNORECASE,
)


_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
_TIME_LIMIT = regex.compile(
    rf"\bwithin\s+(?P<n>an?|{DIGITS}|[\p{{L}}-]+)\s+(?P<u>seconds?|minutes?|hours?|days?|weeks?)\b",
    regex.IGNORECASE,
)
_LIMIT_REACH = 80  # characters after a share where its time limit may be stated
_LIMIT_OF_SHARE = regex.compile(r"(?:%|per\s?cent)[^;%]*\bwithin\s+$", regex.IGNORECASE)


def _time_limit(text: str, raw: _Raw, sentence: Sentence) -> tuple[str, ...]:
    """ "54% of calls answered within 10 seconds": the time limit is part of what a share
    measures, so that it never pairs with a share of calls answered within a minute."""
    end = min(sentence.end, raw.end + _LIMIT_REACH)
    clause = regex.split(r"[;]|\d+\s?(?:%|per\s?cent)", text[raw.end : end])[0]
    m = _TIME_LIMIT.search(clause)
    if not m:
        return ()
    count = 1.0 if m.group("n").lower() in ("a", "an") else parse_number(m.group("n"))
    unit = _UNIT_NAMES.get(m.group("u").lower())
    if count is None or unit not in _SECONDS:
        return ()
    return (f"within {count * _SECONDS[unit]:g}s",)


# Groups of pupils that schools report apart: a share of one is never a share of another.
_COHORTS = {
    "cohort fsm": regex.compile(
        r"\bfree\s+school\s+meals\b|\bFSM\b|\bpupil\s+premium\b|\bdisadvantaged\b", regex.IGNORECASE
    ),
    "cohort eal": regex.compile(
        r"\benglish\s+as\s+an?\s+additional\s+language\b|\bEAL\b", regex.IGNORECASE
    ),
    "cohort send": regex.compile(
        r"\bspecial\s+educational\s+needs\b|\bSEND?\b|\bEHC\s*plans?\b", regex.IGNORECASE
    ),
}


# "Of its 24 stations, nine rely ...": the nine are stations.
_FRONTED_WHOLE = regex.compile(
    r"\s*(?:[-•*–—]\s*)?Of\s+(?:(?:the|its|their)\s+(?:[\p{L}-]+['’]s?\s+)?)?[\d,]+(?=\s+\p{L})",
    regex.IGNORECASE,
)


def _fronted_noun(text: str, raw: _Raw, sentence: Sentence) -> list[str]:
    """What a count with no noun of its own counts, named by a fronted "Of its 24 stations,"."""
    if raw.unit is not None or raw.form != "number":
        return []
    fronted = _FRONTED_OF.match(text, sentence.start, sentence.end)
    whole = _FRONTED_WHOLE.match(text, sentence.start, sentence.end)
    if not fronted or not whole or raw.start < fronted.end():
        return []
    return noun_phrase(text, whole.end(), fronted.end() - 1)


_FRONTED_OF = regex.compile(r"\s*(?:[-•*–—]\s*)?Of\s+[^,;]{3,80},", regex.IGNORECASE)
_CLAUSE_JOIN = regex.compile(
    r";|,\s+(?:and|but|while|whereas)\b|\s+(?:while|whereas)\s+", regex.IGNORECASE
)


def _clause_span(text: str, raw: _Raw, sentence: Sentence) -> tuple[int, int]:
    """Where the clause holding a figure starts and ends: "; ", ", and", ", while" part it
    from the rest of its sentence, and so does the comma after a fronted "Of 31
    recommendations made at the last inspection, only nine had been achieved"."""
    start = max((m.end() for m in _CLAUSE_JOIN.finditer(text, sentence.start, raw.start)),
                default=sentence.start)  # fmt: skip
    after = _CLAUSE_JOIN.search(text, raw.end, sentence.end)
    end = after.start() if after else sentence.end
    fronted = _FRONTED_OF.match(text, sentence.start, sentence.end)
    if fronted and fronted.end() <= raw.start:
        start = max(start, fronted.end())
    elif fronted and raw.end <= fronted.end():
        end = min(end, fronted.end() - 1)
    return start, end


def _cohorts(text: str, clause: tuple[int, int]) -> tuple[str, ...]:
    """ "cohort fsm", "cohort eal", "cohort send": the groups of pupils a figure's clause names ("one in
    three is eligible for free school meals, and 30% speak English as an additional
    language" gives each figure its own)."""
    start, end = clause
    return tuple(tag for tag, pattern in _COHORTS.items() if pattern.search(text, start, end))


# "six other schools", "12 more officers": a count of some, beside a count of all;
# "one in five shifts was not staffed": the share that did not, beside the share that did.
_OTHERS = regex.compile(r"\s+(?:other|more|further|additional|extra|new)\b", regex.IGNORECASE)
_NEGATED = regex.compile(
    r"\b(?:not|never|no\s+longer|without|failed\s+to|unable\s+to)\b|n't\b", regex.IGNORECASE
)


_ASIDE_END = regex.compile(r",|\s[–—-]\s")


# "11,400 crimes a year": a count over a period.
_PER_PERIOD = regex.compile(
    r"\b(?:a|an|per|each|every)\s+(day|week|month|year)\b", regex.IGNORECASE
)


# Steps in handling something, each counted apart: calls received are not calls answered.
_STAGES = {
    "received": "in", "receives": "in", "took": "in", "handled": "in", "logged": "in",
    "answered": "answered", "abandoned": "abandoned", "unanswered": "abandoned",
    "reviewed": "checked", "checked": "checked", "examined": "checked", "audited": "checked",
    "sampled": "checked", "solved": "solved", "resolved": "solved", "charged": "charged",
    "referred": "referred", "achieved": "achieved", "implemented": "achieved",
    "recruited": "recruited", "hired": "recruited", "appointed": "recruited", "made": "made",
    "qualified": "qualified", "resigned": "left", "left": "left",
}  # fmt: skip
_STAGE = regex.compile(r"\b(" + "|".join(_STAGES) + r")\b", regex.IGNORECASE)


def _stages(text: str, raw: _Raw, clause: tuple[int, int]) -> list[str]:
    """ "stage in", "stage answered" ...: the steps a count's clause names."""
    if raw.unit is not None or raw.form == "date":
        return []
    start, end = clause
    steps = {_STAGES[m.group(1).lower()] for m in _STAGE.finditer(text, start, end)}
    return [f"stage {step}" for step in sorted(steps)]


# "At Calderbridge, 61 per cent ...", "Across the trust the figure was 66pc": which site.
_AT_SITE = regex.compile(
    r"\s*(?:[Aa]t|[Ii]n)\s+(?P<site>(?:St\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3})\s*,"
)
_ACROSS = regex.compile(
    r"\b(?:across|for)\s+the\s+(?:whole\s+)?(?:trust|force|service|council|county|region|prison)\b",
    regex.IGNORECASE,
)
_COMPARED_WITH = regex.compile(
    r",\s*(?:against|compared\s+(?:with|to)|versus|while|whereas)\b|\bnational\b",
    regex.IGNORECASE,
)
# "in the year to March 2024", "over the past three years": the span a count covers.
_WINDOW = regex.compile(
    r"\b(?:in|over|during|for)\s+the\s+(?:(?:past|last|previous)\s+)?(?P<n>\w+\s+)?"
    r"(?P<u>years?|months?|weeks?)\b(?=\s+(?:to|up\s+to|ending)\b|[\s,.;]|$)",
    regex.IGNORECASE,
)
_MONTHS_IN = {"year": 12.0, "month": 1.0, "week": 12 / 52}
_MONTH_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip


def _where_and_when(text: str, raw: _Raw, clause: tuple[int, int]) -> list[str]:
    """ "site calderbridge" or "site all", and "window 36 months": where and over what
    span a figure was measured, when its own clause says."""
    start, end = clause
    found: list[str] = []
    elsewhere = _COMPARED_WITH.search(text, start, raw.start)  # "..., against a national target"
    site = None if elsewhere else _AT_SITE.match(text, start, end)
    if site and site.group("site").split()[0].lower() not in _MONTH_NAMES:
        found.append(f"site {site.group('site').lower()}")
    elif not elsewhere and _ACROSS.search(text, start, end):
        found.append("site all")
    window = None if raw.form == "date" else _WINDOW.search(text, start, end)
    count = window and (parse_number(window.group("n").strip()) if window.group("n") else 1.0)
    if window and count is not None:  # in months, so that "a year" is "12 months"
        months = count * _MONTHS_IN[window.group("u").lower().rstrip("s")]
        found.append(f"window {round(months, 1):g} months")
    return found


# "29% among those aged under 25", "a third of under-25s": an age band cut from the whole.
_AGE_BAND = regex.compile(
    r"\b(?:aged\s+(?:under|over)\s+\d|(?:under|over)-\d+s?\b|(?:under|over)\s+the\s+age\s+of\b)",
    regex.IGNORECASE,
)
_AGE_BAND_REACH = 60  # characters after a figure where its age band may be named


def _age_band(text: str, raw: _Raw, sentence: Sentence) -> bool:
    """Whether a share or count is of an age band, named in the words straight after it
    (up to the next comma or figure)."""
    if raw.unit not in (None, "%") or raw.form == "date":
        return False
    stop = min(sentence.end, raw.end + _AGE_BAND_REACH)
    cut = regex.search(r"[,;:]|\d+\s?(?:%|per\s?cent)", text[raw.end : stop])
    return bool(_AGE_BAND.search(text, raw.end, raw.end + cut.start() if cut else stop))


# "a quarter of its 610 apprentices", "28% of the 610": the whole a share is taken of.
_WHOLE_OF = regex.compile(
    rf"(?:%|\bper\s?cent|\b{FRACTION}|\bin\s+(?:\d+|\p{{L}}+))\s+of\s+(?:all\s+)?(?:its|the|their|all)\s+$",
    regex.IGNORECASE,
)
# "172 apprentices, 28 per cent of the total,", "172 apprentices (28%)": a part, its share beside it.
_SHARE_BESIDE = regex.compile(
    rf"(?:\s+[\p{{L}}-]+){{0,3}}(?:,\s*|\s+\()(?:{DIGITS})\s?(?:%|per\s?cent)", regex.IGNORECASE
)


# A hedge a capacity or a roll may carry: "about 390 prisoners".
_HELD_HEDGE = r"(?:just\s+over\s+|just\s+under\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+)?"
# "which can hold up to 420 men", "an operational capacity of 1,260", "Operational
# capacity: 420": how many a place can take, not how many it has.
_CAPACITY = regex.compile(
    r"(?:\b(?:can|could|able\s+to|built\s+to|designed\s+to)\s+(?:hold|house|accommodate|take)"
    r"|\bcapacity(?:\s+(?:of|for|is|was|stood\s+at))?\s*:?)"
    rf"\s+(?:up\s+to\s+)?{_HELD_HEDGE}$",
    regex.IGNORECASE,
)


# "held 391 adult men", "had about 390 prisoners", "58 people living at the home": how
# many a place has, which is not how many it can take.
_ROLL_BEFORE = regex.compile(
    r"\b(?:held|holds|holding|housed|houses|housing|had|has|accommodated|accommodates|"
    r"accommodating|home\s+to)"
    rf"\s+(?P<up>up\s+to\s+)?{_HELD_HEDGE}$",
    regex.IGNORECASE,
)
_ROLL_AFTER = regex.compile(
    r"(?:\s+[\p{L}-]+){0,2}\s+(?:living|were\s+living|in\s+residence)\b", regex.IGNORECASE
)


_PLACES = regex.compile(
    r"(?:\s+|-)(?:[\p{L}-]+\s+)?(?:beds?|places?|rooms?|cells?|spaces?)\b", regex.IGNORECASE
)


# Whose survey a share comes from: "the inspectorate's staff survey", "its survey of
# children". The same share of two groups is two facts.
_SURVEY_GROUPS = {
    "staff": "staff", "workforce": "staff", "employee": "staff", "officer": "staff",
    "firefighter": "staff", "nurse": "staff", "teacher": "staff", "worker": "staff",
    "child": "children", "children": "children", "pupil": "children", "student": "children",
    "learner": "children", "young": "children", "parent": "parents", "carer": "parents",
    "patient": "users", "resident": "users", "prisoner": "users", "victim": "users",
    "women": "users", "men": "users", "user": "users", "public": "public",
}  # fmt: skip
_SURVEY = regex.compile(
    r"\b(?P<g>[\p{L}-]+?)s?\s+survey\b|\bsurvey\s+of\s+(?:\w+\s+)?(?P<g>[\p{L}-]+?)s?\b",
    regex.IGNORECASE,
)


def _survey_group(text: str, clause: tuple[int, int]) -> list[str]:
    """ "survey staff", "survey children": which group a share's survey asked."""
    for m in _SURVEY.finditer(text, *clause, overlapped=True):
        group = _SURVEY_GROUPS.get(m.group("g").lower())
        if group:
            return [f"survey {group}"]
    return []


def _capacity_or_roll(text: str, raw: _Raw, sentence: Sentence) -> list[str]:
    """ "capacity" for what a place can take ("can hold up to 420", "holding up to 420"),
    "roll" for what it has ("held 391 men", "holds about 390 women")."""
    if _CAPACITY.search(text, max(sentence.start, raw.start - 60), raw.start):
        return ["capacity"]
    if _PLACES.match(text, raw.end, sentence.end):
        return ["capacity"]  # "60 beds", "a 48-place home", "840 places"
    held = _ROLL_BEFORE.search(text, max(sentence.start, raw.start - 40), raw.start)
    if held:
        return ["capacity" if held.group("up") else "roll"]
    return ["roll"] if _ROLL_AFTER.match(text, raw.end, sentence.end) else []


def _whole_or_part(text: str, raw: _Raw, sentence: Sentence) -> list[str]:
    """ "whole" for a count a share is taken of, "part" for a count told with its own share."""
    if raw.unit is not None or raw.form != "number":
        return []
    if _WHOLE_OF.search(text, max(sentence.start, raw.start - 40), raw.start):
        return ["whole"]
    if _SHARE_BESIDE.match(text, raw.end, sentence.end):
        return ["part"]
    return []


def _clause_marks(
    text: str, raw: _Raw, sentence: Sentence, clause: tuple[int, int]
) -> tuple[str, ...]:
    """Marks read from the words around a figure in its clause: "others" ("six other
    schools"), "age band", "whole" or "part", "capacity" or "roll", "rate", the step
    ("stage answered"), the site and span, "per year" ("11,400 crimes a year") and "not"
    (a share told by what did not happen)."""
    found: list[str] = []
    if _OTHERS.match(text, raw.end, sentence.end):
        found.append("others")
    if _age_band(text, raw, sentence):
        found.append("age band")
    found.extend(_whole_or_part(text, raw, sentence))
    if raw.unit is None and raw.form != "date":
        found.extend(_capacity_or_roll(text, raw, sentence))
    if raw.unit is None and raw.share is None and _is_rate(text, raw, sentence, clause):
        found.append("rate")
    found.extend(_stages(text, raw, clause))
    found.extend(_where_and_when(text, raw, clause))
    if raw.unit is None and raw.share is None and raw.form != "date":
        period = _PER_PERIOD.search(text, raw.end, min(sentence.end, raw.end + 50))
        if period and not regex.search(r"\d", text[raw.end : period.start()]):
            found.append(f"per {period.group(1).lower()}")
    if raw.unit == "%" or raw.share is not None:
        stop = min(clause[1], raw.end + 100)
        aside = _ASIDE_END.search(text, raw.end, stop)  # ", " or " – ": the clause goes on
        if _NEGATED.search(text, raw.end, aside.start() if aside else stop):
            found.append("not")
    return tuple(found)


def _noun_words(text: str, raw: _Raw, sentence: Sentence, before: str) -> list[str]:
    """The words naming what a figure counts, its head noun last."""
    if raw.use_noun:
        words = _share_noun(text, raw, sentence) or _named_rate(raw, before)
        return words or _fronted_noun(text, raw, sentence)
    if raw.form == "duration":
        return _purpose(text, raw, sentence.end) or _cell_time(text, sentence)
    if raw.form == "date":
        return _dated_event(text, raw, sentence)
    return []


def _marks(
    text: str, raw: _Raw, sentence: Sentence, clause: tuple[int, int], named: bool
) -> tuple[str, ...]:
    """How, where and when a figure was measured (see `Figure.marks`)."""
    found: list[str] = []
    if raw.form == "duration" and _LIMIT_OF_SHARE.search(
        text, max(sentence.start, raw.start - 70), raw.start
    ):
        found.append("limit")  # the "10 seconds" of "54% answered within 10 seconds"
    if raw.form != "date" and (
        raw.previous
        or _from_earlier(text, raw, text[sentence.start : raw.start])
        or _earlier_figure(text, raw, sentence)
    ):
        found.append("before")
    if raw.form == "date":
        found += _date_of_change(text, raw, sentence)
    elif _MAXIMUM.search(text, clause[0], raw.start):
        found.append("maximum")  # "the longest wait ... was 31 hours"
    found += [*_cohorts(text, clause), *_clause_marks(text, raw, sentence, clause)]
    if raw.unit == "%" and not named:
        found += _measure(text, raw, clause)
    if raw.unit == "%" or raw.share is not None:
        found += _survey_group(text, clause)
    return tuple(sorted(set(found)))


def _figure(text: str, raw: _Raw, sentence: Sentence, line: int) -> Figure:
    before = text[sentence.start : raw.start]
    hedge = _HEDGE.search(before)
    clause = _clause_span(text, raw, sentence)
    noun_words = _noun_words(text, raw, sentence, before)
    modifiers = tuple(sorted({normalise_noun(w) for w in noun_words[:-1]}))
    if raw.unit == "%":
        modifiers = (*modifiers, *_time_limit(text, raw, sentence))  # part of what is measured
    marks = _marks(text, raw, sentence, clause, named=bool(noun_words))
    noun = normalise_noun(noun_words[-1]) if noun_words else None
    counts = " ".join(noun_words) if noun_words else _context_counts(text, raw, sentence)
    return Figure(
        text=text[raw.start : raw.end],
        start=raw.start,
        end=raw.end,
        line=line,
        sentence=sentence.index,
        value=raw.value,
        unit=raw.unit,
        counts=counts,
        noun=noun,
        modifiers=modifiers,
        marks=marks,
        hedge=hedge.group("h").lower() if hedge else None,
        low=raw.low,
        high=raw.high,
        share=raw.share,
        month=raw.month,
        form=raw.form,
    )


def extract_figures(
    text: str, sentence: Sentence, line_of: Callable[[int], int], digits: str | None = None
) -> list[Figure]:
    """Figures in one sentence. `text` is the whole cleaned document; offsets point into it.

    `digits` is `digits_for_words(text)`, passed in when many sentences share one text.
    """
    digits = digits if digits is not None else digits_for_words(text)
    try:
        raws = list(_candidates(text, digits, sentence.start, sentence.end))
    except TimeoutError:
        return []
    return [_figure(text, raw, sentence, line_of(raw.start)) for raw in _choose(raws)]
