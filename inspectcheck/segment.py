"""Segment stage: Document -> furniture-free text and sentences with offsets."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from .records import Document, Sentence

# Whole lines that are page furniture, never claims.
_FURNITURE_LINE = regex.compile(
    r"""^\s*(?:
        [•·\-*]?\s*(?:Published|Updated)\b.{0,60}
      | .{0,80}Image\ source,.*
      | Image\ caption,?
      | Related\ (?:internet\ links|Topics|Links|Articles)
      | The\ BBC\ is\ not\ responsible\ for\ the\ content\ of\ external\ sites\.?
      | READ\ MORE\b.*
      | Read\ More\b.{0,120}
      | (?:More\ on\ this\ story|Share\ this\ article|Share\ this\ page|Copy\ link)\b.{0,40}
      | Watch\ more\ of\ our\ videos\ on\ Shots!.*
      | and\ live\ on\ Freeview\ channel\ \d+.*
      | Visit\ Shots!\ now.*
      | Hide\ Ad(?:\s*Hide\ Ad)*
      | Report\ this\ comment.*
      | Have\ your\ say.*
      | Picture:\ .{0,80}
      | (?:Sign\ up|Subscribe)\ to\ our\ .{0,80}newsletter.*
      | Advertisement
      | Comments?\ \(\d+\)
      | Follow\ us\ on\ .{0,60}
      | We\ use\ cookies\b.*
      | (?:Accept|Reject)\ (?:all\ )?cookies
      | (?-i:(?:IN|OUT|DUR|CUE)\s*:).{0,80}        # a broadcast script's clip cues
      | (?-i:ENDS)
    )\s*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
# Pieces of furniture inside an otherwise real paragraph.
_FURNITURE_INLINE = regex.compile(r"\s*,\s*external\b(?=\s*$|\s*[.\n])|\s+,\s*external\s*$")

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st det ch supt insp sgt con pc prof rev gen col capt lt no co ltd vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e approx dept govt cllr rt hon
    assoc inc""".split()
)
_BOUNDARY = regex.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\p{Lu}\d“\"‘'(£$€])")
_LAST_WORD = regex.compile(r"([\p{L}.]+)$")
_TERMINAL = regex.compile(r"[.!?…:;\"”’')\]]\s*$")


@dataclass(frozen=True, slots=True)
class Segmented:
    clean: str  # the text as read with furniture blanked out; same length and offsets
    sentences: tuple[Sentence, ...]


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


def line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def strip_furniture(text: str) -> str:
    """Blank out furniture, keeping every other character at its offset."""
    chars = list(text)
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip() and _FURNITURE_LINE.match(body):
            _blank(chars, pos, pos + len(body))
        else:
            for m in _FURNITURE_INLINE.finditer(body):
                _blank(chars, pos + m.start(), pos + m.end())
        pos += len(line)
    return "".join(chars)


def _blocks(clean: str) -> list[tuple[int, int]]:
    """Paragraph spans: lines split where a line break is a real break, joined when wrapped."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    prev_end = 0
    pos = 0
    for line in clean.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        line_start = pos
        pos += len(line)
        if not stripped:
            if start is not None:
                spans.append((start, prev_end))
                start = None
            continue
        last = clean[_line_start(clean, start, prev_end) : prev_end] if start is not None else ""
        if start is not None and (_hard_break(last) or _BULLET_LINE.match(body)):
            spans.append((start, prev_end))
            start = None
        if start is None:
            start = line_start + (len(body) - len(body.lstrip()))
        prev_end = line_start + len(body.rstrip())
    if start is not None:
        spans.append((start, prev_end))
    return spans


def _line_start(clean: str, start: int, end: int) -> int:
    """Where the last line of the paragraph begun at start and ended at end begins."""
    return clean.rfind("\n", start, end) + 1 or start


def _hard_break(last: str) -> bool:
    """A line ending a sentence, a short line such as a heading, a "label: value" line of a
    report's table ("Protecting the public through fire regulation: Requires
    improvement") or a table row laid out with spaces ends its paragraph."""
    return (
        bool(_TERMINAL.search(last) or _LABEL_LINE.match(last) or _TABLE_ROW.search(last))
        or len(last.strip()) < 60
    )


_LABEL_LINE = regex.compile(r"\s*[\p{Lu}][^:.!?\n]{1,100}:\s*\S[^.!?:\n]{0,60}$")
_ENUMERATOR = regex.compile(r"\d{1,2}\.")
# A line that opens a bulleted item starts a paragraph of its own: "- Calls to the 101 ..."
_BULLET_LINE = regex.compile(r"[ \t]*(?:[•·▪◦*–—-]|\d{1,2}[.)])[ \t]+\S")
# A row of a table laid out with spaces: "Overall effectiveness        Requires improvement"
_TABLE_ROW = regex.compile(r"[^\s.!?:;][ \t]{2,}\S")


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _LAST_WORD.search(text, max(0, dot - 40), dot)
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _short_answer(rest: str) -> bool:
    """What follows a question mark is a brief answer with no stop of its own."""
    words = rest.split()
    return 0 < len(words) <= _ANSWER_WORDS and not _TERMINAL.search(rest.rstrip())


_ANSWER_WORDS = 4


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        if m.group().startswith(".") and _ENUMERATOR.fullmatch(text, cursor, m.start() + 1):
            continue  # "1. First point": the number of a list item, not a sentence
        if m.group().startswith("?") and _short_answer(text[m.end() : end]):
            continue  # "Are services safe? Inadequate": a table row, one statement
        pieces.append((cursor, m.end()))
        cursor = m.end()
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def segment(document: Document) -> Segmented:
    clean = strip_furniture(document.text)
    starts = line_starts(document.text)
    sentences: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(_blocks(clean)):
        for s_start, s_end in _split(clean, p_start, p_end):
            body = clean[s_start:s_end]
            if not body.strip():
                continue
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=s_start,
                    end=s_end,
                    text=" ".join(body.split()),
                    line=line_of(starts, s_start),
                    paragraph=paragraph,
                )
            )
    return Segmented(clean=clean, sentences=tuple(sentences))
