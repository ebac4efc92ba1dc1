"""Extract stage for quotes: the cleaned document -> Quote claims with speakers."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import regex

from .records import Quote, Sentence
from .speakers import (
    INSTITUTION,
    another_of,
    find_speaker,
    names_institution,
    organisation,
    reported_speaker,
    speaker_key,
)

_OPEN_DOUBLE = "“"
_CLOSE_DOUBLE = "”"
_PARAGRAPH_BREAK = regex.compile(r"\n(?:[ \t]*\n)+")
_WORD_CHAR = regex.compile(r"[\p{L}\d]")


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # first character inside the opening mark
    end: int  # the closing mark's offset (exclusive end of the quoted words)
    note: str | None


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _double_marks(text: str) -> list[tuple[int, str]]:
    """Positions of double marks, each read as an opener ("o") or a closer ("c")."""
    marks: list[tuple[int, str]] = []
    for m in regex.finditer(r"[“”\"]", text):
        ch, i = m.group(), m.start()
        if ch == '"':
            ch = _OPEN_DOUBLE if _is_opening_straight(text, i) else _CLOSE_DOUBLE
        marks.append((i, "o" if ch == _OPEN_DOUBLE else "c"))
    return marks


def _paragraph_breaks(text: str) -> list[int]:
    return [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]


def _count_breaks(breaks: list[int], start: int, end: int) -> int:
    return bisect.bisect_left(breaks, end) - bisect.bisect_left(breaks, start)


def double_spans(text: str) -> list[_Span]:
    """Quoted spans marked with double marks, following the British multi-paragraph rule."""
    breaks = _paragraph_breaks(text)
    spans: list[_Span] = []
    open_at: int | None = None
    cursor = 0  # the latest opening mark of the open quote
    note: str | None = None
    for i, kind in _double_marks(text):
        if open_at is None:
            if kind == "o":
                open_at, cursor, note = i + 1, i, None
            continue
        if kind == "c":
            spans.append(_Span(open_at, i, note))
            open_at = None
            continue
        # An opener while a quote is open: the next paragraph of the same quote, or a missing closer.
        if _starts_paragraph(text, i) and _count_breaks(breaks, cursor, i) == 1:
            cursor = i
            continue
        spans.append(_Span(open_at, _paragraph_end(text, breaks, cursor), "no closing mark"))
        open_at, cursor, note = i + 1, i, None
    if open_at is not None:
        spans.append(_Span(open_at, _paragraph_end(text, breaks, cursor), "no closing mark"))
    return [s for s in spans if text[s.start : s.end].strip()]


def _starts_paragraph(text: str, i: int) -> bool:
    line_start = text.rfind("\n", 0, i) + 1
    return not text[line_start:i].strip()


def _paragraph_end(text: str, breaks: list[int], start: int) -> int:
    i = bisect.bisect_left(breaks, start)
    end = breaks[i] if i < len(breaks) else len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def single_spans(text: str, inside: Sequence[_Span]) -> list[_Span]:
    """Quotes in single marks (headlines, crossheads), outside any double-quoted span."""
    spans: list[_Span] = []
    for m in regex.finditer(
        r"(?<![\p{L}\d])[‘'](?=[\p{L}\d])([^‘’'\n]{2,200}?)[’'](?![\p{L}\d])", text
    ):
        if any(s.start <= m.start() < s.end for s in inside):
            continue
        body = m.group(1)
        if len(body.split()) < 2 and not body[:1].isupper():
            continue
        spans.append(_Span(m.start() + 1, m.end() - 1, None))
    return spans


def _sentence_index(sentences: Sequence[Sentence], starts: list[int], offset: int) -> int:
    i = bisect.bisect_right(starts, offset) - 1
    return sentences[max(i, 0)].index if sentences else 0


def _is_partial(text: str, span: _Span) -> bool:
    line_start = text.rfind("\n", 0, span.start) + 1
    lead = text[line_start : span.start - 1].rstrip()
    words = text[span.start : span.end].split()
    embedded = bool(lead) and not lead.endswith((":", ",")) and bool(_WORD_CHAR.search(lead[-1:]))
    return embedded or (
        len(words) < 6 and not regex.search(r"[.!?]\W*$", text[span.start : span.end])
    )


def extract_quotes(
    text: str, sentences: Sequence[Sentence], line_of: Callable[[int], int]
) -> list[Quote]:
    """Every quoted span in a cleaned document, with its speaker where one is stated."""
    doubles = double_spans(text)
    spans = sorted([*doubles, *single_spans(text, doubles)], key=lambda s: s.start)
    quotes: list[Quote] = []
    starts = [s.start for s in sentences]
    previous_speaker: tuple[str | None, str | None, str | None] = (None, None, None)
    previous_person = previous_speaker  # "He added" skips "the report said" back to a person
    for span in spans:
        speaker, attribution = find_speaker(text, span.start - 1, span.end + 1)
        key = speaker_key(speaker)
        sentence = _sentence_index(sentences, starts, span.start)
        same_sentence = bool(quotes) and quotes[-1].sentence == sentence
        since = quotes[-1].end if quotes else 0
        if key == "(previous)" and _PERSONAL.match(speaker or ""):
            # "Ms Okafor said the service had ... 'We have changed ...,' she added."
            reported = reported_speaker(text, since, span.start - 1)
            if reported or previous_person[1]:
                speaker, key, attribution = reported or previous_person
        elif key == "(previous)" or (
            speaker is None and (same_sentence or _continues(text, span, quotes))
        ):
            speaker, key, attribution = previous_speaker
        elif key == "(another)":
            speaker, key = _another(previous_speaker[0])
        elif (speaker or "").lower() == "it":
            told = text.rfind(attribution or "", since, span.start)
            if _it_is_previous(previous_speaker, text[since : max(told, since)]):
                speaker, key = previous_speaker[0], previous_speaker[1]
        if key is not None and key != "(previous)":
            previous_speaker = (speaker, key, attribution)
            if key != INSTITUTION:
                previous_person = previous_speaker
        quotes.append(
            Quote(
                text=text[span.start : span.end],
                start=span.start,
                end=span.end,
                line=line_of(span.start),
                sentence=sentence,
                speaker=speaker,
                speaker_key=key if key != "(previous)" else None,
                attribution=attribution,
                partial=_is_partial(text, span),
                note=span.note,
            )
        )
    return _fullest_names(quotes)


def _fullest_names(quotes: list[Quote]) -> list[Quote]:
    """ "Ms Farrance said" after "Chief Inspector of Prisons Imogen Farrance said": the
    speaker as first named in full, so that her role goes with every quote of hers."""
    fullest: dict[str, str] = {}
    for quote in quotes:
        key, speaker = quote.speaker_key, quote.speaker or ""
        named = key and not key.startswith("role:") and key != INSTITUTION
        if named and len(speaker.split()) > len(fullest.get(key, "").split()):
            fullest[key] = speaker
    return [
        replace(q, speaker=fullest[q.speaker_key])
        if q.speaker_key in fullest and q.speaker != fullest[q.speaker_key]
        else q
        for q in quotes
    ]


_PERSONAL = regex.compile(r"(?:he|she)$", regex.IGNORECASE)


def _another(before: str | None) -> tuple[str | None, str | None]:
    """ "One member of staff said ... Another said": another member of staff. After a
    named person or the report, "another" says nothing of who spoke."""
    speaker = another_of(before)
    return speaker, speaker_key(speaker)


def _it_is_previous(previous: tuple[str | None, str | None, str | None], between: str) -> bool:
    """ "Ashgrove Living Ltd said: ... It said it had ...": "it" is the company when it
    spoke last and the report has not been named since; otherwise "it" is the report."""
    speaker, key, _ = previous
    return bool(speaker and key and organisation(speaker) and not names_institution(between))


def _continues(text: str, span: _Span, quotes: list[Quote]) -> bool:
    """A quote paragraph straight after another quote's paragraph continues its speaker."""
    if not quotes or not _starts_paragraph(text, span.start - 1):
        return False
    between = text[quotes[-1].end : span.start - 1]
    return not regex.search(r"[\p{L}\d]{2,}", between.replace("”", "").split("\n")[-1]) and bool(
        _PARAGRAPH_BREAK.search(between)
    )
