"""The terminal report: summary first, then differ, agree, only_a and only_b."""

from __future__ import annotations

import re

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from ..check import CheckReport, Verdict
from ..records import Claim, Figure, Finding, Quote, Rating, Report, Source, Status

_HEADINGS = {
    Status.DIFFER: ("Differ", "bold red", "✗"),
    Status.AGREE: ("Agree", "bold green", "✓"),
    Status.ONLY_A: ("Only in A", "bold yellow", "◀"),
    Status.ONLY_B: ("Only in B", "bold yellow", "▶"),
}
_CONTEXT_CHARS = 110
_WS = re.compile(r"\s+")
_ORDER = (Status.DIFFER, Status.AGREE, Status.ONLY_A, Status.ONLY_B)


def summary_line(report: Report) -> str:
    counts = [f"{report.count(s)} {s.value}" for s in _ORDER]
    return "Summary: " + ", ".join(counts)


def _excerpt(claim: Claim, source: Source) -> Text:
    """The claim's sentence, cut to a readable window, with the claim highlighted."""
    sentence = source.sentences[claim.sentence]
    clean = source.clean
    start = max(sentence.start, claim.start - _CONTEXT_CHARS)
    if start > sentence.start:
        space = clean.find(" ", start, claim.start)
        start = space + 1 if space != -1 else start
    end = min(max(sentence.end, claim.start + 1), claim.end + _CONTEXT_CHARS)
    end = max(end, min(claim.end, claim.start + 300))
    text = Text()
    if start > sentence.start:
        text.append("…")
    text.append(_squash(clean[start : claim.start]).lstrip())
    shown = _squash(clean[claim.start : min(claim.end, claim.start + 300)])
    text.append(shown + ("…" if claim.end > claim.start + 300 else ""), style="bold reverse")
    text.append(_squash(clean[claim.end : end]).rstrip())
    if end < sentence.end:
        text.append("…")
    return text


def _squash(text: str) -> str:
    return _WS.sub(" ", text)


def _side(label: str, claim: Claim | None, source: Source) -> Text | None:
    if claim is None:
        return None
    page = source.document.page_of(claim.start)
    where = f"page {page}" if page else f"line {claim.line}"
    line = Text(f"{label} {where}: ", style="dim")
    line.append_text(_excerpt(claim, source))
    return line


def _word_diff(finding: Finding) -> Text | None:
    if finding.status is not Status.DIFFER or not finding.diff:
        return None
    text = Text("words: ", style="dim")
    for tag, words_a, words_b in finding.diff:
        if tag == "equal":
            shown = " ".join(words_a)
            text.append((shown if len(words_a) <= 8 else " ".join(words_a[:3]) + " … "
                         + " ".join(words_a[-3:])) + " ")  # fmt: skip
            continue
        if words_a:
            text.append("[-" + " ".join(words_a) + "-]", style="red strike")
        if words_b:
            text.append("{+" + " ".join(words_b) + "+}", style="green")
        text.append(" ")
    return text


def _finding(finding: Finding, report: Report) -> Group:
    _, style, mark = _HEADINGS[finding.status]
    head = Text(f" {mark} ", style=style)
    head.append(f"{finding.kind.value}: ", style="bold")
    head.append(finding.reason)
    if finding.match:
        head.append(f"  [{finding.match}]", style="dim")
    rows: list[RenderableType] = [head]
    for row in (
        _side("A", finding.a, report.a),
        _side("B", finding.b, report.b),
        _word_diff(finding),
    ):
        if row is not None:
            rows.append(_indent(row))
    return Group(*rows)


def _indent(row: Text) -> Padding:
    """Wrapped lines keep their indent, without padding the line out to the full width."""
    return Padding(row, (0, 0, 0, 4), expand=False)


def render(report: Report, console: Console) -> None:
    a, b = report.a.document, report.b.document
    console.print(Text(f"inspectcheck: A = {a.path}, B = {b.path}", style="bold"))
    console.print(summary_line(report))
    for status in _ORDER:
        found = [f for f in report.findings if f.status is status]
        if not found:
            continue
        title, style, _ = _HEADINGS[status]
        console.print()
        console.print(Text(f"{title} ({len(found)})", style=style))
        for finding in found:
            console.print(_finding(finding, report))


def render_claims(source: Source, console: Console) -> None:
    console.print(Text(f"{source.document.path}: {len(source.claims)} claims", style="bold"))
    for claim in source.claims:
        head = Text(f"{claim.kind.value:<7} line {claim.line:<4} ", style="dim")
        head.append(" ".join(claim.text.split())[:120], style="bold")
        detail = _detail(claim)
        if detail:
            head.append(f"  {detail}", style="cyan")
        console.print(head)


def _detail(claim: Claim) -> str:
    if isinstance(claim, Figure):
        parts = [f"value={claim.value:g}", f"unit={claim.unit}", f"counts={claim.counts}"]
        if claim.hedge:
            parts.append(f"hedge={claim.hedge}")
        return " ".join(parts)
    if isinstance(claim, Quote):
        return f"speaker={claim.speaker or '?'}"
    if isinstance(claim, Rating):
        return f"grade={claim.grade} subject={claim.subject}"
    return ""


_VERDICTS = {
    "supported": ("✓", "bold green"),
    "contradicted": ("✗", "bold red"),
    "unsupported": ("?", "bold yellow"),
}


def check_summary_line(report: CheckReport) -> str:
    counts = [
        f"{report.count(v)} {v.value}"
        for v in (Verdict.CONTRADICTED, Verdict.UNSUPPORTED, Verdict.SUPPORTED)
    ]
    return "Summary: " + ", ".join(counts)


def render_check(report: CheckReport, console: Console) -> None:
    """The draft's claims in order, each with its verdict and the evidence for it."""
    names = ", ".join(s.document.path for s in report.sources)
    console.print(
        Text(f"inspectcheck: draft = {report.draft.document.path}; sources = {names}", style="bold")
    )
    console.print(check_summary_line(report))
    console.print()
    for checked in report.claims:
        mark, style = _VERDICTS[checked.verdict.value]
        head = Text(f" {mark} {checked.verdict.value:<12} ", style=style)
        head.append(f"{checked.claim.kind.value}: ", style="bold")
        head.append(checked.reason)
        rows = [
            head,
            Text("    ").append_text(_side("draft", checked.claim, report.draft) or Text()),
        ]
        for evidence in checked.evidence[:3]:
            other = evidence.finding.b
            if other is not None:
                source = report.sources[evidence.source]
                rows.append(
                    Text("    ").append_text(_side(source.document.path, other, source) or Text())
                )
            diff = _word_diff(evidence.finding)
            if diff is not None:
                rows.append(Text("    ").append_text(diff))
        console.print(Group(*rows))
