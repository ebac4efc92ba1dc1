"""Frozen records passed between the pipeline stages."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum
from typing import Union


class Kind(str, Enum):
    FIGURE = "figure"
    QUOTE = "quote"
    RATING = "rating"


class Status(str, Enum):
    AGREE = "agree"
    DIFFER = "differ"
    ONLY_A = "only_a"
    ONLY_B = "only_b"


class FailOn(str, Enum):
    DIFFER = "differ"
    ONLY = "only"
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable choice, with its documented default. One object flows through the stages."""

    # Context similarity is the overlap (Dice, 0-1) of the content words near each claim and
    # in the rest of its sentence; unrelated contexts score 0.
    # Similarity two claims need before they may pair when their values agree.
    pair_agree_min: float = 0.15
    # Context similarity needed to pair claims whose values differ: higher, because a wrong
    # "differ" is the worst error the tool can make.
    pair_differ_min: float = 0.45
    # Figures that name the same counted thing ("11,900 patients", "12,000 patients") and
    # whose values are within `near_value_gap` of each other (relative to the larger) may
    # differ at this lower similarity: a changed figure is often told in other words.
    near_value_differ_min: float = 0.25
    near_value_gap: float = 0.35
    # A count each source gives once, of the same named thing and the same value ("984
    # men"), agrees however little the sentences share, from this value up; smaller counts
    # ("14 men") recur too often in one story to be matched on value and noun alone.
    named_alike_min: float = 20
    # Equal figures whose counted nouns differ ("1,420 staff", "1,420 people") pair only at
    # this similarity, and figures with different nouns never pair as differ.
    noun_clash_agree_min: float = 0.45
    # The same number in another unit or over another period ("12 percentage points" and
    # "12%", "38 per cent of apprentices" and "38 apprentices", "a year" and "a month")
    # differs only at this context similarity: the sentences must all but match.
    unit_slip_differ_min: float = 0.7
    # An agreeing figure gives way to a disagreeing figure of the same named thing whose
    # sentence is this much more alike: "38% of women felt unsafe" is the draft's "A
    # quarter of women felt unsafe", not its "more than a third of women released".
    differ_outweighs_agree: float = 0.4
    # Ratings of the same subject pair at this context similarity, whatever their grades.
    rating_pair_min: float = 0.1
    # Added to the similarity of two ratings of one area that each source grades once only
    # at that time ("Well-led: Requires improvement" and "inadequate for how well it was
    # led"): the area names the pair where a report's table line shares no other word.
    lone_subject_lead: float = 0.1
    # A grade or quote in a headline pairs with the other source's body at this share of
    # its similarity, so that a body statement pairs with the body's first.
    headline_discount: float = 0.6
    # Added to the similarity of a pair that states the same value in the same unit, so
    # that "45 per cent" pairs with "45%" before "about half" or "up to 48" takes "43".
    exact_lead: float = 0.25
    # Word window on each side of a claim that forms its local context.
    context_window: int = 7
    # Candidates scored per claim after the inverted-index shortlist.
    shortlist: int = 25
    # "about", "around", "roughly", "approximately", "some": relative tolerance either side.
    about_tolerance: float = 0.05
    # "nearly", "almost", "just under": covers this far below the stated value.
    nearly_tolerance: float = 0.10
    # A share told in words ("half", "a third", "one in five", "nine out of 10") is news
    # rounding: it covers this many percentage points either side ("half" is 48 to 52).
    fraction_tolerance: float = 2.0
    # "more than", "over", "at least", "fewer than", "under", "up to": how far past the bound
    # a value may lie and still agree.
    bound_tolerance: float = 0.5
    # Quotes: share of the shorter quote's words that must align before two quotes pair.
    quote_pair_min: float = 0.6
    # A quote pairs with an unquoted passage of the other source (a report's own words)
    # when this share of its words appear there in order.
    passage_pair_min: float = 0.8
    # Quotes shorter than this many words can agree but never differ.
    quote_differ_min_words: int = 4
    # A quote found in the report's own unquoted prose is the report speaking, so naming
    # someone from outside the inspectorate as its speaker differs; only for quotes of at
    # least this many words, since a person may well repeat a short phrase of the report.
    passage_speaker_min_words: int = 5
    # Sentence alignment: similarity needed to report two sentences as corresponding.
    align_min: float = 0.3
    # Which findings make the CLI exit 1.
    fail_on: FailOn = FailOn.DIFFER


@dataclass(frozen=True, slots=True)
class Document:
    """One source as read: its text and where it came from."""

    path: str
    label: str
    text: str
    sha256: str
    pages: tuple[int, ...] = ()  # offset in `text` where each page starts (PDF input only)
    kind: str = "text"  # what the bytes were read as: text, html or pdf

    def page_of(self, offset: int) -> int | None:
        """1-based page holding `offset`, or None when the source has no pages."""
        if not self.pages:
            return None
        return bisect.bisect_right(self.pages, offset) or 1


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # character offset into Document.text
    end: int
    text: str
    line: int  # 1-based line of `start`
    paragraph: int


@dataclass(frozen=True, slots=True)
class Figure:
    text: str
    start: int
    end: int
    line: int
    sentence: int  # index of the enclosing Sentence
    value: float
    unit: str | None  # "%", "GBP", "day", "age", "date", ... or None for a plain count
    counts: str | None  # what the number counts, as a short phrase
    noun: str | None  # head noun of what is counted, normalised; None when unknown
    # Words qualifying what is counted: "turnover" in "4% turnover rate", and a share's time
    # limit, "within 10s" in "54% of calls answered within 10 seconds".
    modifiers: tuple[str, ...] = ()
    # How, where and when it was measured, compared on their own terms: "before" (an
    # earlier value), "rate", "limit", "others", "not", "age band", "whole", "part",
    # "per year", "cohort fsm", "stage answered", "site calderbridge", "window 12 months",
    # "measure attendance", "survey staff".
    marks: tuple[str, ...] = ()
    hedge: str | None = None  # "about", "more than", ...
    low: float | None = None  # a stated range, kept as a range
    high: float | None = None
    share: float | None = None  # implied proportion in per cent ("18 of 30" -> 60.0)
    month: int | None = None  # dates: the month when given
    form: str = "number"  # how it was written: number, percent, fraction, money, ...
    kind: Kind = field(default=Kind.FIGURE, init=False)


@dataclass(frozen=True, slots=True)
class Quote:
    text: str  # the quoted words exactly as in the source, marks excluded
    start: int
    end: int
    line: int
    sentence: int
    speaker: str | None  # the speaker's name or role as written
    speaker_key: str | None  # normalised speaker; "institution" for the report's own voice
    attribution: str | None  # the attributing words as written ("the report adds")
    partial: bool = False  # a short phrase quoted inside the writer's own sentence
    note: str | None = None  # what was ambiguous about the marks, if anything
    kind: Kind = field(default=Kind.QUOTE, init=False)


@dataclass(frozen=True, slots=True)
class Rating:
    text: str
    start: int
    end: int
    line: int
    sentence: int
    grade: str  # canonical grade, e.g. "requires improvement"
    subject: str  # what is graded: "overall", "safe", "leadership", ...
    kind: Kind = field(default=Kind.RATING, init=False)


Claim = Union[Figure, Quote, Rating]  # noqa: UP007 - a runtime alias, valid on 3.10


@dataclass(frozen=True, slots=True)
class Source:
    """A document after segmentation and extraction."""

    document: Document
    clean: str  # Document.text with page furniture blanked; offsets unchanged
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Pair:
    a: Claim
    b: Claim
    similarity: float  # how alike the two claims' contexts are, 0-1


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    kind: Kind
    status: Status
    reason: str
    similarity: float | None
    a: Claim | None
    b: Claim | None
    match: str | None = None  # quotes: exact, punctuation, partial, trimmed, elided, altered, ...
    diff: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] | None = None


@dataclass(frozen=True, slots=True)
class Alignment:
    a: int
    b: int
    similarity: float


@dataclass(frozen=True, slots=True)
class Report:
    a: Source
    b: Source
    alignment: tuple[Alignment, ...]
    findings: tuple[Finding, ...]
    suppressed: int = 0  # findings left out because a baseline accepts them

    def count(self, status: Status) -> int:
        return sum(1 for f in self.findings if f.status is status)
