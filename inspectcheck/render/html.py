"""The HTML report: one self-contained page with the two texts side by side.

All source text goes through html.escape, and a Content-Security-Policy pins the page's
own style and script by hash, so markup planted in an article can neither render nor run.

Claims are marked with nested <span> elements, so a figure inside a quote nests cleanly.
A claim that crosses one already open (it starts inside it and ends after it) cannot nest:
it is left unmarked in the text and listed under its column instead, with the same id, so
every link to it still resolves. Each mark starts with a small link (an icon, with its
label in aria-label and title) to the counterpart claim, or to the finding when it has none.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass

from .. import __version__
from ..records import Claim, Finding, Quote, Report, Source, Status

_ICONS = {Status.DIFFER: "✗", Status.AGREE: "✓", Status.ONLY_A: "◀", Status.ONLY_B: "▶"}
_LABELS = {
    Status.DIFFER: "differ",
    Status.AGREE: "agree",
    Status.ONLY_A: "only in A",
    Status.ONLY_B: "only in B",
}
# Most severe first: a span shared by several findings takes the first status it has.
_SEVERITY = (Status.DIFFER, Status.ONLY_A, Status.ONLY_B, Status.AGREE)
_LINK_CHARS = 90
_WS = re.compile(r"\s+")

_CSS = """
:root { --ink: #1a1a1a; --muted: #555; --focus: #1a4fd6;
  --differ: #b3261e; --differ-bg: #fde4e1; --agree: #1d6b37; --agree-bg: #dff1e4;
  --only: #7a4d00; --only-bg: #fff0c8; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem 1.5rem 2rem; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
a { color: #0b4bb3; }
a:focus-visible, .pane:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .25rem .5rem; }
.meta { color: var(--muted); font-size: .9rem; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; list-style: none; padding: 0;
  margin: .5rem 0; }
.counts li { font-size: 1.05rem; }
.counts strong { font-size: 1.4rem; }
.icon { display: inline-block; min-width: 1.3em; padding: 0 .25em; border-radius: .25em;
  color: #fff; font-weight: 700; font-size: .8em; line-height: 1.35; text-align: center;
  text-decoration: none; vertical-align: .1em; }
.icon.differ { background: var(--differ); }
.icon.agree { background: var(--agree); }
.icon.only_a, .icon.only_b { background: var(--only); }
.findings { padding-left: 1.25rem; }
.findings li { margin: .3rem 0; break-inside: avoid; }
.findings p { margin: .1rem 0; }
.onlies { display: grid; grid-template-columns: 1fr 1fr; gap: 0 2rem; }
del { background: var(--differ-bg); text-decoration-thickness: 2px; }
ins { background: var(--agree-bg); text-decoration-thickness: 2px; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.pane { max-height: 80vh; overflow: auto; border: 1px solid #ccc; padding: .75rem;
  white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.7; }
.claim { cursor: pointer; border-radius: .15em; }
.claim.differ { background: var(--differ-bg); border-bottom: 3px solid var(--differ); }
.claim.agree { background: var(--agree-bg); border-bottom: 1px solid var(--agree); }
.claim.only_a, .claim.only_b { background: var(--only-bg); border-bottom: 2px dashed var(--only); }
.claim.quote { background: none; }
.claim .icon { margin-right: .15em; }
.claim:target, .claim.lit, .findings li:target, .findings li.lit {
  outline: 3px solid var(--focus); outline-offset: 1px; }
footer { margin-top: 2rem; }
@media (max-width: 50rem) { .sides, .onlies { grid-template-columns: 1fr; } }
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
@media print {
  body { padding: 0; font-size: 10pt; }
  .skip { display: none; }
  .pane { max-height: none; overflow: visible; border: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; }
}
"""

# Focusing a claim's link (or clicking the claim) lights up its counterpart and scrolls it
# into view in the other column; without JavaScript the links still work through #ids.
_JS = """
(function () {
  document.body.setAttribute("data-js", "ready");
  function show(link) {
    var target = document.getElementById(link.getAttribute("href").slice(1));
    document.querySelectorAll(".lit").forEach(function (el) { el.classList.remove("lit"); });
    if (!target) { return; }
    target.classList.add("lit");
    if (link.classList.contains("icon") && target.classList.contains("claim")) {
      target.scrollIntoView({block: "nearest"});
    }
  }
  document.addEventListener("focusin", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (link) { show(link); }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("a")) { return; }
    var claim = event.target.closest(".claim");
    var link = claim && claim.querySelector("a.icon");
    if (link) { link.focus(); }
  });
})();
"""


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


_CSP = (
    f"default-src 'none'; style-src 'sha256-{_sha256(_CSS)}'; "
    f"script-src 'sha256-{_sha256(_JS)}'; base-uri 'none'; form-action 'none'"
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _short(text: str, limit: int = _LINK_CHARS) -> str:
    text = _WS.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def claim_id(side: str, claim: Claim) -> str:
    return f"{side}-{claim.start}-{claim.end}"


def finding_ids(findings: tuple[Finding, ...]) -> list[str]:
    """One unique element id per finding, in order (ids repeat only for identical claims)."""
    seen: dict[str, int] = {}
    out = []
    for finding in findings:
        n = seen[finding.id] = seen.get(finding.id, 0) + 1
        out.append(f"f-{finding.id}" + (f"-{n}" if n > 1 else ""))
    return out


@dataclass(frozen=True, slots=True)
class _Mark:
    """One highlighted span of one side; several findings can share a span."""

    id: str
    start: int
    end: int
    kind: str
    links: tuple[tuple[Finding, str], ...]  # each finding with the id its icon links to

    @property
    def status(self) -> Status:
        statuses = {f.status for f, _ in self.links}
        return next(s for s in _SEVERITY if s in statuses)


def _marks(report: Report, side: str, fids: list[str]) -> list[_Mark]:
    other = "b" if side == "a" else "a"
    grouped: dict[tuple[int, int], list[tuple[Finding, str]]] = {}
    kinds: dict[tuple[int, int], str] = {}
    for finding, fid in zip(report.findings, fids, strict=True):
        claim: Claim | None = getattr(finding, side)
        if claim is None:
            continue
        counterpart: Claim | None = getattr(finding, other)
        target = fid if counterpart is None else claim_id(other, counterpart)
        grouped.setdefault((claim.start, claim.end), []).append((finding, target))
        kinds.setdefault((claim.start, claim.end), claim.kind.value)
    return [
        _Mark(f"{side}-{start}-{end}", start, end, kinds[start, end], tuple(links))
        for (start, end), links in grouped.items()
    ]


def _icon_link(finding: Finding, target: str, side: str) -> str:
    status = finding.status.value
    if finding.status in (Status.ONLY_A, Status.ONLY_B):
        goes_to = "the finding"
    else:
        goes_to = "B" if side == "a" else "A"
    label = f"{_LABELS[finding.status]}: {finding.reason} (go to {goes_to})"
    return (
        f'<a class="icon {status}" href="#{esc(target)}" title="{esc(label)}" '
        f'aria-label="{esc(label)}">{_ICONS[finding.status]}</a>'
    )


def _open(mark: _Mark, side: str) -> str:
    icons = "".join(_icon_link(f, target, side) for f, target in mark.links)
    status = mark.status.value
    return f'<span class="claim {mark.kind} {status}" id="{mark.id}" data-status="{status}">{icons}'


def _marked_text(text: str, marks: list[_Mark], side: str) -> tuple[str, list[_Mark]]:
    """The escaped text with nested marks, and the marks that cross another and were left out."""
    out: list[str] = []
    stack: list[_Mark] = []
    crossing: list[_Mark] = []
    pos = 0

    def close_to(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(esc(text[pos : top.end]) + "</span>")
            pos = top.end

    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        close_to(mark.start)
        if stack and mark.end > stack[-1].end:
            crossing.append(mark)
            continue
        out.append(esc(text[pos : mark.start]) + _open(mark, side))
        pos = mark.start
        stack.append(mark)
    close_to(len(text))
    out.append(esc(text[pos:]))
    return "".join(out), crossing


def _side(report: Report, side: str, fids: list[str]) -> str:
    source: Source = getattr(report, side)
    name = side.upper()
    body, crossing = _marked_text(source.document.text, _marks(report, side, fids), side)
    parts = [
        f'<section class="side" aria-labelledby="h-{side}">',
        f'<h3 id="h-{side}">{name}: {esc(source.document.path)}</h3>',
        f'<div class="pane" tabindex="0" role="region" aria-label="Text {name}">{body}</div>',
    ]
    if crossing:
        parts.append("<p>Overlapping claims, not marked in the text above:</p><ul>")
        for mark in crossing:
            shown = esc(_short(source.document.text[mark.start : mark.end]))
            parts.append(f"<li>{_open(mark, side)}{shown}</span></li>")
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def _claim_link(side: str, claim: Claim, source: Source, limit: int = _LINK_CHARS) -> str:
    """ "A, line 5: <a>the claim</a>", linking to the claim in its text."""
    shown = esc(_short(claim.text, limit))
    speaker = ""
    if isinstance(claim, Quote):
        shown = f"“{shown}”"
        if claim.speaker:
            speaker = f' <span class="meta">({esc(_short(claim.speaker, 40))})</span>'
    where = f"{side.upper()}, line {claim.line}"
    page = source.document.page_of(claim.start)
    if page is not None:
        where += f", page {page}"
    return f'{where}: <a href="#{claim_id(side, claim)}">{shown}</a>{speaker}'


def word_diff(finding: Finding) -> str:
    """The quote's words with what A lost in <del> and what B gained in <ins>."""
    parts = []
    for tag, words_a, words_b in finding.diff or ():
        if tag == "equal":
            words = list(words_a)
            if len(words) > 8:
                words = [*words[:3], "…", *words[-3:]]
            parts.append(esc(" ".join(words)))
            continue
        if words_a:
            parts.append(f"<del>{esc(' '.join(words_a))}</del>")
        if words_b:
            parts.append(f"<ins>{esc(' '.join(words_b))}</ins>")
    return " ".join(parts)


def _differ_item(finding: Finding, fid: str, report: Report) -> str:
    head = f"<strong>{finding.kind.value}</strong>: {esc(finding.reason)}"
    if finding.match:
        head += f' <span class="meta">[{esc(finding.match)}]</span>'
    rows = [f"<p>{head}</p>"]
    rows += [f"<p>{_claim_link(s, c, getattr(report, s))}</p>" for s, c in _sides(finding)]
    if finding.diff:
        rows.append(f'<p class="words">Words: {word_diff(finding)}</p>')
    return f'<li id="{fid}" class="differ">{"".join(rows)}</li>'


def _short_item(finding: Finding, fid: str, report: Report) -> str:
    """An only_a, only_b or agree finding on one line: its kind and its claims."""
    head = f"<strong>{finding.kind.value}</strong>"
    if finding.status is Status.AGREE:
        head += f": {esc(finding.reason)} —"
    links = [_claim_link(s, c, getattr(report, s), 60) for s, c in _sides(finding)]
    return f'<li id="{fid}" class="{finding.status.value}">{head} {" · ".join(links)}</li>'


def _sides(finding: Finding) -> list[tuple[str, Claim]]:
    return [(side, claim) for side, claim in (("a", finding.a), ("b", finding.b)) if claim]


def _list(title: str, status: Status, report: Report, fids: list[str]) -> str:
    items = [
        (_differ_item if status is Status.DIFFER else _short_item)(f, fid, report)
        for f, fid in zip(report.findings, fids, strict=True)
        if f.status is status
    ]
    icon = f'<span class="icon {status.value}" aria-hidden="true">{_ICONS[status]}</span>'
    if not items:
        return f"<section><h3>{icon} {title} (0)</h3><p>None.</p></section>"
    return (
        f"<section><h3>{icon} {title} ({len(items)})</h3>"
        f'<ol class="findings">{"".join(items)}</ol></section>'
    )


def _summary(report: Report) -> str:
    items = "".join(
        f'<li class="{s.value}"><span class="icon {s.value}" aria-hidden="true">{_ICONS[s]}'
        f"</span> <strong>{report.count(s)}</strong> {_LABELS[s]}</li>"
        for s in (Status.DIFFER, Status.AGREE, Status.ONLY_A, Status.ONLY_B)
    )
    return (
        '<section aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>'
        f'<ul class="counts">{items}</ul>'
        '<p class="meta">In the texts, each claim starts with its icon: '
        "✗ the two sources differ, ✓ they agree, ◀ only A has it, ▶ only B has it. "
        "The icon links to the claim's counterpart in the other text.</p></section>"
    )


def render_html(report: Report) -> str:
    """The whole report as one self-contained HTML page."""
    fids = finding_ids(report.findings)
    a, b = report.a.document.path, report.b.document.path
    title = f"inspectcheck: {a} vs {b}"
    discrepancies = "".join(
        [
            '<section aria-labelledby="h-disc"><h2 id="h-disc">Discrepancies</h2>',
            _list("Differ", Status.DIFFER, report, fids),
            '<div class="onlies">',
            _list("Only in A", Status.ONLY_A, report, fids),
            _list("Only in B", Status.ONLY_B, report, fids),
            "</div></section>",
        ]
    )
    texts = (
        '<section aria-labelledby="h-texts"><h2 id="h-texts">The two texts</h2>'
        f'<div class="sides">{_side(report, "a", fids)}{_side(report, "b", fids)}</div></section>'
    )
    agreements = (
        '<section aria-labelledby="h-agree"><h2 id="h-agree">Agreements</h2>'
        f"{_list('Agree', Status.AGREE, report, fids)}</section>"
    )
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(title)}</title><style>{_CSS}</style></head>\n<body>",
            '<a class="skip" href="#h-texts">Skip to the two texts</a>',
            "<header><h1>inspectcheck report</h1>",
            f'<p class="meta">A = {esc(a)} · B = {esc(b)}</p></header>',
            f"<main>{_summary(report)}{discrepancies}{texts}{agreements}</main>",
            f'<footer class="meta">inspectcheck {esc(__version__)}</footer>',
            f"<script>{_JS}</script>\n</body></html>\n",
        ]
    )
