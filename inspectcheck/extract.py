"""Extract stage: a segmented document -> its figures, quotes and ratings."""

from __future__ import annotations

from .figures import extract_figures
from .numbers import digits_for_words
from .quotes import extract_quotes
from .ratings import extract_ratings, resolve_references
from .records import Claim, Document, Source
from .segment import line_of, line_starts, segment


def read_source(document: Document) -> Source:
    """Segment a document and extract every checkable claim, in text order."""
    segmented = segment(document)
    starts = line_starts(document.text)

    def line(offset: int) -> int:
        return line_of(starts, offset)

    clean = segmented.clean
    digits = digits_for_words(clean)
    claims: list[Claim] = []
    ratings = []
    for sentence in segmented.sentences:
        claims.extend(extract_figures(clean, sentence, line, digits))
        ratings.extend(extract_ratings(clean, sentence, line))
    claims.extend(resolve_references(ratings, segmented.sentences))
    claims.extend(extract_quotes(clean, segmented.sentences, line))
    claims.sort(key=lambda c: (c.start, c.end, c.kind.value))
    return Source(
        document=document, clean=clean, sentences=segmented.sentences, claims=tuple(claims)
    )
