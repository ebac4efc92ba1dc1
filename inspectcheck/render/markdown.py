"""The Markdown reports: a summary line and a table of discrepancies (diff) or of the
contradicted and unsupported claims (check), for a PR comment or a CMS note. They read as
plain text too.

Source text is escaped so that it can only ever render as the text it is: Markdown
punctuation gets a backslash, line breaks become spaces (a cell must stay on one line),
and an entity such as &amp; keeps its ampersand literal.
"""

from __future__ import annotations

import re

from ..check import CheckedClaim, CheckReport, Verdict, cite_location
from ..records import Claim, Finding, Quote, Report, Source, Status

_ROWS = (Status.DIFFER, Status.ONLY_A, Status.ONLY_B)
_LABELS = {
    Status.DIFFER: "✗ differ",
    Status.AGREE: "✓ agree",
    Status.ONLY_A: "◀ only in A",
    Status.ONLY_B: "▶ only in B",
}
_VERDICT_LABELS = {
    Verdict.CONTRADICTED: "✗ contradicted",
    Verdict.UNSUPPORTED: "? unsupported",
    Verdict.SUPPORTED: "✓ supported",
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


def _shown(claim: Claim) -> str:
    """The claim's words, escaped; a quote in quotation marks with its speaker."""
    if isinstance(claim, Quote):
        shown = f"“{escape(claim.text)}”"
        if claim.speaker:
            shown += f" ({escape(claim.speaker)})"
        return shown
    return escape(claim.text)


def _claim(claim: Claim | None) -> str:
    if claim is None:
        return "—"
    return f"{_shown(claim)}, line {claim.line}"


def _why(finding: Finding) -> str:
    return finding.reason + (f" ({finding.match})" if finding.match else "")


def _table_row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


def _row(finding: Finding) -> str:
    return _table_row(
        (
            _LABELS[finding.status],
            finding.kind.value,
            _claim(finding.a),
            _claim(finding.b),
            escape(_why(finding)),
        )
    )


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
    lines += _table(("status", "kind", "A", "B", "why"), rows, "No discrepancies.")
    agree = report.count(Status.AGREE)
    lines.append(f"{agree} {'claim agrees' if agree == 1 else 'claims agree'} (not listed).")
    return "\n".join(lines) + "\n"


def _table(header: tuple[str, ...], rows: list[str], empty: str) -> list[str]:
    """A Markdown table with a blank line after it, or `empty` when there are no rows."""
    if not rows:
        return [empty, ""]
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *rows, ""]


def check_summary_line(report: CheckReport) -> str:
    counts = ", ".join(
        f"{report.count(v)} {v.value}"
        for v in (Verdict.CONTRADICTED, Verdict.UNSUPPORTED, Verdict.SUPPORTED)
    )
    return f"**inspectcheck**: {counts}"


def _check_row(checked: CheckedClaim, sources: tuple[Source, ...]) -> str:
    """A contradicted claim cites the source that contradicts it; an unsupported one, none."""
    evidence, why = "—", checked.reason
    differ = [e for e in checked.evidence if e.finding.status is Status.DIFFER]
    cited = differ[0].finding.b if differ else None
    if cited is not None:
        source = sources[differ[0].source]
        evidence = f"{_shown(cited)}, {escape(source.document.path)} {cite_location(cited, source)}"
        why = _why(differ[0].finding)
    return _table_row(
        (
            _VERDICT_LABELS[checked.verdict],
            checked.claim.kind.value,
            _claim(checked.claim),
            evidence,
            escape(why),
        )
    )


def render_check_markdown(report: CheckReport) -> str:
    """Summary, draft and sources, then one table row per contradicted and unsupported claim."""
    sources = ", ".join(escape(s.document.path) for s in report.sources)
    lines = [
        check_summary_line(report),
        "",
        f"Draft: {escape(report.draft.document.path)} · Sources: {sources}",
        "",
    ]
    rows = [
        _check_row(c, report.sources)
        for verdict in (Verdict.CONTRADICTED, Verdict.UNSUPPORTED)
        for c in report.claims
        if c.verdict is verdict
    ]
    header = ("verdict", "kind", "draft", "evidence", "why")
    lines += _table(header, rows, "No contradicted or unsupported claims.")
    supported = report.count(Verdict.SUPPORTED)
    lines.append(f"{supported} {'claim' if supported == 1 else 'claims'} supported (not listed).")
    return "\n".join(lines) + "\n"
