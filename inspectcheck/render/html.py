"""The HTML reports: one self-contained page with the two texts side by side (diff), or
with the draft beside the evidence for each of its claims (check).

All source text goes through html.escape, and a Content-Security-Policy pins the page's
own style and script by hash, so markup planted in an article can neither render nor run.

Claims are marked with nested <span> elements, so a figure inside a quote nests cleanly.
A claim that crosses one already open (it starts inside it and ends after it) cannot nest:
it is left unmarked in the text and listed under its column instead, with the same id, so
every link to it still resolves. Each mark starts with a small link (an icon, with its
label in aria-label and title) to the counterpart claim, or to the finding when it has none;
on the check page, to the claim's evidence.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .. import __version__
from ..check import CheckedClaim, CheckReport, Evidence, Verdict, cite_location
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
_VERDICT_ICONS = {Verdict.CONTRADICTED: "✗", Verdict.UNSUPPORTED: "?", Verdict.SUPPORTED: "✓"}
# Most severe first, as for statuses; also the order of the check page's counts and lists.
_VERDICTS = (Verdict.CONTRADICTED, Verdict.UNSUPPORTED, Verdict.SUPPORTED)
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

# The check page: the same palette for verdicts (contradicted as differ, supported as agree,
# unsupported as only in one), and a scrolling column of evidence beside the draft.
_CHECK_CSS = """
.icon.contradicted { background: var(--differ); }
.icon.supported { background: var(--agree); }
.icon.unsupported { background: var(--only); }
.claim.contradicted { background: var(--differ-bg); border-bottom: 3px solid var(--differ); }
.claim.supported { background: var(--agree-bg); border-bottom: 1px solid var(--agree); }
.claim.unsupported { background: var(--only-bg); border-bottom: 2px dashed var(--only); }
.claim.quote { background: none; }
.evidence-pane { max-height: 80vh; overflow: auto; border: 1px solid #ccc; padding: .75rem; }
.evidence-pane:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.evidence-list { list-style: none; margin: 0; padding: 0; }
.evidence { margin: 0 0 1rem; padding-bottom: .5rem; border-bottom: 1px solid #ddd;
  break-inside: avoid; }
.evidence p { margin: .15rem 0; }
.evidence .source { margin: .35rem 0 0 1rem; }
.evidence:target, .evidence.lit { outline: 3px solid var(--focus); outline-offset: 1px; }
mark.differ { background: var(--differ-bg); color: inherit; font-weight: 600; }
mark.agree { background: var(--agree-bg); color: inherit; font-weight: 600; }
@media print { .evidence-pane { max-height: none; overflow: visible; border: none; padding: 0; } }
"""

# Focusing a claim's link (or clicking the claim) lights up its counterpart and scrolls it
# into view in the other column; without JavaScript the links still work through #ids.
# @SCROLL@ is the test for a target that is scrolled to: see _script.
_JS_TEMPLATE = """
(function () {
  document.body.setAttribute("data-js", "ready");
  function show(link) {
    var target = document.getElementById(link.getAttribute("href").slice(1));
    document.querySelectorAll(".lit").forEach(function (el) { el.classList.remove("lit"); });
    if (!target) { return; }
    target.classList.add("lit");
    if (link.classList.contains("icon") && @SCROLL@) {
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


def _script(*scroll_to: str) -> str:
    """The page's script; an icon link scrolls its target into view when the target has one
    of these classes."""
    tests = " || ".join(f'target.classList.contains("{cls}")' for cls in scroll_to)
    return _JS_TEMPLATE.replace("@SCROLL@", tests if len(scroll_to) == 1 else f"({tests})")


_JS = _script("claim")
_CHECK_JS = _script("claim", "evidence")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _csp(css: str, js: str) -> str:
    """A policy that allows nothing but this page's own style and script, pinned by hash."""
    return (
        f"default-src 'none'; style-src 'sha256-{_sha256(css)}'; "
        f"script-src 'sha256-{_sha256(js)}'; base-uri 'none'; form-action 'none'"
    )


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _short(text: str, limit: int = _LINK_CHARS) -> str:
    text = _WS.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _short_left(text: str, limit: int) -> str:
    """The end of the text, cut at a word to about `limit` characters."""
    text = _WS.sub(" ", text)
    if len(text) <= limit:
        return text
    tail = text[-limit:]
    space = tail.find(" ")
    return "…" + (tail[space + 1 :] if space != -1 else tail)


def _short_right(text: str, limit: int) -> str:
    """The start of the text, cut at a word to about `limit` characters."""
    text = _WS.sub(" ", text)
    if len(text) <= limit:
        return text
    head = text[:limit]
    space = head.rfind(" ")
    return (head[:space] if space > 0 else head) + "…"


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
    """One highlighted span of one text; several findings (or checked claims) can share it."""

    id: str
    start: int
    end: int
    kind: str
    status: str  # the class and data-status: the most severe status of those sharing it
    icons: str  # one icon link per finding or checked claim


def _icon(cls: str, symbol: str, label: str, target: str) -> str:
    """A small coloured link with its symbol shown and its meaning in aria-label and title."""
    return (
        f'<a class="icon {cls}" href="#{esc(target)}" title="{esc(label)}" '
        f'aria-label="{esc(label)}">{symbol}</a>'
    )


def _badge(cls: str, symbol: str) -> str:
    """The icon as decoration beside a label that says the same."""
    return f'<span class="icon {cls}" aria-hidden="true">{symbol}</span>'


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
    marks = []
    for (start, end), links in grouped.items():
        statuses = {f.status for f, _ in links}
        status = next(s for s in _SEVERITY if s in statuses)
        icons = "".join(_icon_link(f, target, side) for f, target in links)
        marks.append(
            _Mark(f"{side}-{start}-{end}", start, end, kinds[start, end], status.value, icons)
        )
    return marks


def _icon_link(finding: Finding, target: str, side: str) -> str:
    status = finding.status.value
    if finding.status in (Status.ONLY_A, Status.ONLY_B):
        goes_to = "the finding"
    else:
        goes_to = "B" if side == "a" else "A"
    label = f"{_LABELS[finding.status]}: {finding.reason} (go to {goes_to})"
    return _icon(status, _ICONS[finding.status], label, target)


def _open(mark: _Mark) -> str:
    return (
        f'<span class="claim {mark.kind} {mark.status}" id="{mark.id}" '
        f'data-status="{mark.status}">{mark.icons}'
    )


def _marked_text(text: str, marks: list[_Mark]) -> tuple[str, list[_Mark]]:
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
        out.append(esc(text[pos : mark.start]) + _open(mark))
        pos = mark.start
        stack.append(mark)
    close_to(len(text))
    out.append(esc(text[pos:]))
    return "".join(out), crossing


def _pane(text: str, marks: list[_Mark], label: str) -> str:
    """The whole text, escaped, with its claims marked; crossing claims listed below it."""
    body, crossing = _marked_text(text, marks)
    parts = [f'<div class="pane" tabindex="0" role="region" aria-label="{label}">{body}</div>']
    if crossing:
        parts.append("<p>Overlapping claims, not marked in the text above:</p><ul>")
        for mark in crossing:
            shown = esc(_short(text[mark.start : mark.end]))
            parts.append(f"<li>{_open(mark)}{shown}</span></li>")
        parts.append("</ul>")
    return "".join(parts)


def _side(report: Report, side: str, fids: list[str]) -> str:
    source: Source = getattr(report, side)
    name = side.upper()
    return "".join(
        [
            f'<section class="side" aria-labelledby="h-{side}">',
            f'<h3 id="h-{side}">{name}: {esc(source.document.path)}</h3>',
            _pane(source.document.text, _marks(report, side, fids), f"Text {name}"),
            "</section>",
        ]
    )


def _claim_link(
    side: str, claim: Claim, source: Source, limit: int = _LINK_CHARS, name: str = ""
) -> str:
    """ "A, line 5: <a>the claim</a>", linking to the claim in its text (`name` for "A")."""
    shown = esc(_short(claim.text, limit))
    speaker = ""
    if isinstance(claim, Quote):
        shown = f"“{shown}”"
        if claim.speaker:
            speaker = f' <span class="meta">({esc(_short(claim.speaker, 40))})</span>'
    place = f"{name or side.upper()}, line {claim.line}"
    page = source.document.page_of(claim.start)
    if page is not None:
        place += f", page {page}"
    return f'{place}: <a href="#{claim_id(side, claim)}">{shown}</a>{speaker}'


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


def _numbered(title: str, icon: str, items: list[str]) -> str:
    """A titled, numbered list of entries, or "None."."""
    if not items:
        return f"<section><h3>{icon} {title} (0)</h3><p>None.</p></section>"
    return (
        f"<section><h3>{icon} {title} ({len(items)})</h3>"
        f'<ol class="findings">{"".join(items)}</ol></section>'
    )


def _list(title: str, status: Status, report: Report, fids: list[str]) -> str:
    items = [
        (_differ_item if status is Status.DIFFER else _short_item)(f, fid, report)
        for f, fid in zip(report.findings, fids, strict=True)
        if f.status is status
    ]
    return _numbered(title, _badge(status.value, _ICONS[status]), items)


def _summary_section(counts: Iterable[tuple[str, str, int, str]], legend: str) -> str:
    """The summary: (class, icon, count, label) for each count, then the legend."""
    items = "".join(
        f'<li class="{cls}">{_badge(cls, icon)} <strong>{count}</strong> {label}</li>'
        for cls, icon, count, label in counts
    )
    return (
        '<section aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>'
        f'<ul class="counts">{items}</ul><p class="meta">{legend}</p></section>'
    )


def _summary(report: Report) -> str:
    return _summary_section(
        (
            (s.value, _ICONS[s], report.count(s), _LABELS[s])
            for s in (Status.DIFFER, Status.AGREE, Status.ONLY_A, Status.ONLY_B)
        ),
        "In the texts, each claim starts with its icon: "
        "✗ the two sources differ, ✓ they agree, ◀ only A has it, ▶ only B has it. "
        "The icon links to the claim's counterpart in the other text.",
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
    return _page(
        title,
        "Skip to the two texts",
        "inspectcheck report",
        f"A = {esc(a)} · B = {esc(b)}",
        f"{_summary(report)}{discrepancies}{texts}{agreements}",
    )


def _page(
    title: str, skip: str, heading: str, meta: str, main: str, css: str = _CSS, js: str = _JS
) -> str:
    """The page around `main` (markup): head with its policy, header, footer and script.
    `meta` is markup too; `title` is escaped here."""
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_csp(css, js)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(title)}</title><style>{css}</style></head>\n<body>",
            f'<a class="skip" href="#h-texts">{skip}</a>',
            f"<header><h1>{heading}</h1>",
            f'<p class="meta">{meta}</p></header>',
            f"<main>{main}</main>",
            f'<footer class="meta">inspectcheck {esc(__version__)}</footer>',
            f"<script>{js}</script>\n</body></html>\n",
        ]
    )


# --- the check page: the draft beside the evidence for each of its claims --------------

_DRAFT = "d"  # the draft's claims have ids d-START-END
_EXCERPT_CHARS = 110  # context shown either side of a source's claim


def evidence_id(checked: CheckedClaim) -> str:
    return f"ev-{checked.id}"


def _check_marks(report: CheckReport) -> list[_Mark]:
    """One mark per span of the draft, its icons linking to the evidence of each claim."""
    grouped: dict[tuple[int, int], list[CheckedClaim]] = {}
    for checked in report.claims:
        grouped.setdefault((checked.claim.start, checked.claim.end), []).append(checked)
    marks = []
    for (start, end), claims in grouped.items():
        verdicts = {c.verdict for c in claims}
        verdict = next(v for v in _VERDICTS if v in verdicts)
        icons = "".join(
            _icon(
                c.verdict.value,
                _VERDICT_ICONS[c.verdict],
                f"{c.verdict.value}: {c.reason} (go to the evidence)",
                evidence_id(c),
            )
            for c in claims
        )
        mark_id = claim_id(_DRAFT, claims[0].claim)
        marks.append(_Mark(mark_id, start, end, claims[0].claim.kind.value, verdict.value, icons))
    return marks


def _excerpt(claim: Claim, source: Source, status: Status) -> str:
    """The claim's sentence, cut to a readable window, with the claim in a <mark>."""
    sentence = source.sentences[claim.sentence]
    text = source.clean
    start, end = min(sentence.start, claim.start), max(sentence.end, claim.end)
    before = _short_left(text[start : claim.start], _EXCERPT_CHARS).lstrip()
    after = _short_right(text[claim.end : end], _EXCERPT_CHARS).rstrip()
    shown = _WS.sub(" ", text[claim.start : claim.end])
    return f'{esc(before)}<mark class="{status.value}">{esc(shown)}</mark>{esc(after)}'


def _source_evidence(evidence: Evidence, report: CheckReport) -> str:
    """One source's say on a claim: where, its sentence, why, and the words that differ."""
    finding = evidence.finding
    source = report.sources[evidence.source]
    head = f"{_badge(finding.status.value, _ICONS[finding.status])} {_LABELS[finding.status]}"
    rows = []
    if finding.b is not None:
        place = f"{esc(source.document.path)}, {cite_location(finding.b, source)}"
        rows.append(f"<p>{head} · {place}: {_excerpt(finding.b, source, finding.status)}</p>")
    else:
        rows.append(f"<p>{head} · {esc(source.document.path)}</p>")
    why = esc(finding.reason)
    if finding.match:
        why += f' <span class="meta">[{esc(finding.match)}]</span>'
    rows.append(f"<p>{why}</p>")
    if finding.status is Status.DIFFER and finding.diff:
        rows.append(f'<p class="words">Words, draft → source: {word_diff(finding)}</p>')
    return f'<div class="source {finding.status.value}">{"".join(rows)}</div>'


def _evidence_item(checked: CheckedClaim, report: CheckReport) -> str:
    """The entry a draft claim's icon links to; its own icon links back to the claim."""
    verdict = checked.verdict
    back = _icon(
        verdict.value,
        _VERDICT_ICONS[verdict],
        f"{verdict.value} (go to the claim in the draft)",
        claim_id(_DRAFT, checked.claim),
    )
    link = _claim_link(_DRAFT, checked.claim, report.draft, name="Draft")
    rows = [f"<p>{back} <strong>{verdict.value}</strong> {checked.claim.kind.value} · {link}</p>"]
    # Each source says where and why for itself; a claim with no evidence says so.
    rows += [_source_evidence(e, report) for e in checked.evidence] or [
        f"<p>{esc(checked.reason)}</p>"
    ]
    return (
        f'<li id="{evidence_id(checked)}" class="evidence {verdict.value}" '
        f'data-verdict="{verdict.value}">{"".join(rows)}</li>'
    )


def _to_look_at(report: CheckReport) -> str:
    """The contradicted and unsupported claims, each linking to the draft and its evidence."""
    parts = ['<section aria-labelledby="h-disc"><h2 id="h-disc">Claims to look at</h2>']
    for verdict in (Verdict.CONTRADICTED, Verdict.UNSUPPORTED):
        items = [
            f'<li class="{verdict.value}"><strong>{c.claim.kind.value}</strong>: '
            f"{esc(c.reason)} — {_claim_link(_DRAFT, c.claim, report.draft, 60, 'Draft')} · "
            f'<a href="#{evidence_id(c)}">evidence</a></li>'
            for c in report.claims
            if c.verdict is verdict
        ]
        icon = _badge(verdict.value, _VERDICT_ICONS[verdict])
        parts.append(_numbered(verdict.value.capitalize(), icon, items))
    parts.append("</section>")
    return "".join(parts)


def _check_summary(report: CheckReport) -> str:
    return _summary_section(
        ((v.value, _VERDICT_ICONS[v], report.count(v), v.value) for v in _VERDICTS),
        "In the draft, each claim starts with its icon: ✗ a source contradicts it, "
        "? no source carries it, ✓ a source supports it. The icon links to the claim's "
        "evidence beside the draft.",
    )


def render_check_html(report: CheckReport) -> str:
    """A checked draft as one self-contained HTML page: the draft beside the evidence."""
    draft = report.draft.document
    sources = " · ".join(esc(s.document.path) for s in report.sources)
    evidence = "".join(_evidence_item(c, report) for c in report.claims)
    texts = "".join(
        [
            '<section aria-labelledby="h-texts"><h2 id="h-texts">The draft and the evidence</h2>',
            '<div class="sides"><section class="side" aria-labelledby="h-draft">',
            f'<h3 id="h-draft">Draft: {esc(draft.path)}</h3>',
            _pane(draft.text, _check_marks(report), "Draft text"),
            '</section><section class="side" aria-labelledby="h-evidence">',
            '<h3 id="h-evidence">Evidence</h3>',
            '<div class="evidence-pane" tabindex="0" role="region" aria-label="Evidence">',
            f'<ol class="evidence-list">{evidence}</ol>' if evidence else "<p>No claims.</p>",
            "</div></section></div></section>",
        ]
    )
    return _page(
        f"inspectcheck check: {draft.path}",
        "Skip to the draft",
        "inspectcheck check",
        f"Draft = {esc(draft.path)} · Sources = {sources}",
        f"{_check_summary(report)}{_to_look_at(report)}{texts}",
        _CSS + _CHECK_CSS,
        _CHECK_JS,
    )
