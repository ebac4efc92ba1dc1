"""Finding a quote's words in the other source's own text, where it carries them unquoted.

A news draft quotes a report; the report itself carries those words as plain prose. Such a
quote pairs with the passage that holds its words, so that it can be verified.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import regex
from rapidfuzz.distance import Indel

from .quotecheck import CONNECTIVES, words_for_match
from .records import Quote, Settings, Source
from .segment import line_of, line_starts
from .words import STOPWORDS

_TOKEN = regex.compile(r"\S+")
_WINDOW = 3  # sentences a passage may span


@dataclass(frozen=True, slots=True)
class _Word:
    norm: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PassageMatch:
    quote: Quote
    passage: Quote
    coverage: float


def _words(source: Source, first: int, last: int) -> list[_Word]:
    """Normalised words of sentences first..last with their offsets in the text."""
    start, end = source.sentences[first].start, source.sentences[last].end
    found = []
    for m in _TOKEN.finditer(source.clean, start, end):
        for norm in words_for_match(m.group()):
            found.append(_Word(norm, m.start(), m.end()))
    return found


class PassageIndex:
    """Sentences of one source, indexed by their content words."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.index: dict[str, list[int]] = defaultdict(list)
        self.starts = line_starts(source.document.text)
        for s in source.sentences:
            for word in set(words_for_match(s.text)) - STOPWORDS:
                self.index[word].append(s.index)

    def candidates(self, words: list[str], limit: int = 8) -> list[int]:
        hits: dict[int, int] = defaultdict(int)
        for word in set(words) - STOPWORDS:
            postings = self.index.get(word, ())
            if len(postings) > 200:
                continue
            for i in postings:
                hits[i] += 1
        return sorted(hits, key=lambda i: (-hits[i], i))[:limit]

    def find(self, quote: Quote, settings: Settings) -> PassageMatch | None:
        """The passage that best carries the quote's words, if one carries enough of them."""
        words = words_for_match(quote.text)
        if len(words) < 2 or (len(words) == 2 and set(words) & STOPWORDS):
            return None  # "overly positive" may be found; "the report" may not
        best: PassageMatch | None = None
        for first in self.candidates(words):
            last = min(first + _WINDOW - 1, len(self.source.sentences) - 1)
            match = self._match(quote, words, first, last)
            if match and (best is None or match.coverage > best.coverage):
                best = match
        if best is None or best.coverage < settings.passage_pair_min:
            return None
        return best

    def _match(self, quote: Quote, words: list[str], first: int, last: int) -> PassageMatch | None:
        text_words = _words(self.source, first, last)
        blocks = [
            op for op in Indel.opcodes(words, [w.norm for w in text_words]) if op.tag == "equal"
        ]
        if not blocks:
            return None
        matched = sum(op.src_end - op.src_start for op in blocks)
        lead = _edge(words[: blocks[0].src_start], blocks[0].dest_start)
        tail = _edge(words[blocks[-1].src_end :][::-1], len(text_words) - blocks[-1].dest_end)
        start = text_words[blocks[0].dest_start - lead].start
        end = text_words[blocks[-1].dest_end - 1 + tail].end
        while end > start and not self.source.clean[end - 1].isalnum():
            end -= 1
        while start < end and self.source.clean[start] in _OPENING_MARKS:
            start += 1  # a word taken in at the edge may carry an opening mark
        sentence = max(s.index for s in self.source.sentences[first : last + 1] if s.start <= start)
        passage = Quote(
            text=self.source.clean[start:end], start=start, end=end,
            line=line_of(self.starts, start), sentence=sentence, speaker=None,
            speaker_key=None, attribution=None, partial=False, note="unquoted passage",
        )  # fmt: skip
        return PassageMatch(quote, passage, matched / len(words))


_OPENING_MARKS = "\"'“‘("
_EDGE_WORDS = 2  # words at a quote's ends the passage is stretched over when they differ


def _edge(unmatched: list[str], room: int) -> int:
    """How many words the passage takes in beyond its matched words, so that a changed
    word at the quote's edge ("most pupils" for "Many pupils") is compared, not dropped. A
    connective there ("But the force ...") is the writer's own lead-in and is left out."""
    if not unmatched or len(unmatched) > _EDGE_WORDS or unmatched[0] in CONNECTIVES:
        return 0
    return min(len(unmatched), room)
