"""The Markdown report: a summary line and a table of discrepancies, for a PR comment or a
CMS note. It reads as plain text too.

Source text is escaped so that it can only ever render as the text it is: Markdown
punctuation gets a backslash, line breaks become spaces (a cell must stay on one line),
and an entity such as &amp; keeps its ampersand literal.
"""

from __future__ import annotations

import re

from ..records import Claim, Finding, Quote, Report, Status

_ROWS = (Status.DIFFER, Status.ONLY_A, Status.ONLY_B)
_LABELS = {
    Status.DIFFER: "✗ differ",
    Status.AGREE: "✓ agree",
    Status.ONLY_A: "◀ only in A",
    Status.ONLY_B: "▶ only in B",
}
_WS = re.compile(r"\s+")
# Backslash-escapable punctuation that can start or end markup: emphasis, code, links,
# images, HTML, tables, strikethrough, math and the escape character itself.
_PUNCT = re.compile(r"([\\`*_\[\]<>|~$])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# At the start of a line these begin a heading, quote, list, rule or setext underline.
_LEADING = re.compile(r"^(#|>|-|\+|=|\d+[.)])")


def escape(text: str) -> str:
    """Text as one line of inert Markdown, safe in a table cell."""
    text = _WS.sub(" ", text).strip()
    text = _PUNCT.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _LEADING.sub(r"\\\1", text)


def _claim(claim: Claim | None) -> str:
    if claim is None:
        return "—"
    if isinstance(claim, Quote):
        shown = f"“{escape(claim.text)}”"
        if claim.speaker:
            shown += f" ({escape(claim.speaker)})"
    else:
        shown = escape(claim.text)
    return f"{shown}, line {claim.line}"


def _row(finding: Finding) -> str:
    why = finding.reason + (f" ({finding.match})" if finding.match else "")
    cells = (
        _LABELS[finding.status],
        finding.kind.value,
        _claim(finding.a),
        _claim(finding.b),
        escape(why),
    )
    return "| " + " | ".join(cells) + " |"


def summary_line(report: Report) -> str:
    counts = ", ".join(
        f"{report.count(s)} {_LABELS[s].split(' ', 1)[1]}"
        for s in (Status.DIFFER, Status.AGREE, Status.ONLY_A, Status.ONLY_B)
    )
    return f"**inspectcheck**: {counts}"


def render_markdown(report: Report) -> str:
    """Summary, sources, then one table row per differ, only_a and only_b finding."""
    lines = [
        summary_line(report),
        "",
        f"A: {escape(report.a.document.path)} · B: {escape(report.b.document.path)}",
        "",
    ]
    rows = [_row(f) for status in _ROWS for f in report.findings if f.status is status]
    if rows:
        lines += ["| status | kind | A | B | why |", "|---|---|---|---|---|", *rows, ""]
    else:
        lines += ["No discrepancies.", ""]
    agree = report.count(Status.AGREE)
    lines.append(f"{agree} {'claim agrees' if agree == 1 else 'claims agree'} (not listed).")
    return "\n".join(lines) + "\n"
