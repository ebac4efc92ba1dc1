"""Whose voice a source's own prose is in: an inspection report's, or a writer's.

A report speaks for the inspectorate in its own words ("We inspected the service in
March", "Lead inspector: ..."), under a title that names it ("Inspection report", "An
inspection of ..."). A news article may carry the same title words in its headline, but
its own prose is the writer's, and the inspectorate speaks in it only inside quotes.
"""

from __future__ import annotations

import regex

from .records import Quote, Source

_TITLE = regex.compile(
    r"\b(?:inspection\s+report|inspection\s+of|report\s+on\s+an?\s+(?:\w+\s+){0,2}inspection)\b",
    regex.IGNORECASE,
)
_TITLE_REACH = 400  # characters at the top of the text that hold a report's title
# Headings and labels found in reports and not in news.
_FURNITURE = regex.compile(
    r"^[ \t]*(?:lead\s+inspector|inspection\s+dates?|dates?\s+of\s+inspection|"
    r"overall\s+effectiveness|summary\s+of\s+findings|key\s+findings|our\s+findings|"
    r"recommendations|areas?\s+for\s+improvement|causes?\s+of\s+concern|type\s+of\s+inspection|"
    r"requirements|areas?\s+for\s+development)\b",
    regex.IGNORECASE | regex.MULTILINE,
)
# The inspectorate's first person: "we inspected", "our last inspection".
_WE = regex.compile(
    r"\b(?:we|our)\s+(?:have\s+|also\s+|last\s+|previous\s+)?(?:inspect\w*|found|find|rated|"
    r"graded|judged|reviewed|audited|visited|recommend\w*|saw|spoke|looked|examined|evaluated|"
    r"observed|assessed|checked|identified)\b",
    regex.IGNORECASE,
)
_SIGNS_WITHOUT_TITLE = 3  # first-person findings and headings enough on their own


def reads_as_report(source: Source) -> bool:
    """Whether the source's unquoted prose is the inspection report's own voice."""
    text = source.clean
    quoted = [(c.start, c.end) for c in source.claims if isinstance(c, Quote)]

    def unquoted(at: int) -> bool:
        return not any(start <= at < end for start, end in quoted)

    signs = sum(1 for m in _FURNITURE.finditer(text)) + sum(
        1 for m in _WE.finditer(text) if unquoted(m.start())
    )
    titled = bool(_TITLE.search(text, 0, _TITLE_REACH))
    return signs >= (1 if titled else _SIGNS_WITHOUT_TITLE)
