"""The HTML report: structure, escaping and links checked with html.parser, then the real
page in headless Chromium (skipped only when chromium cannot be found)."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from inspectcheck.api import compare
from inspectcheck.records import Finding, Kind, Status
from inspectcheck.render.html import render_html

from .conftest import CASES, SEEDS

VOID = {"meta", "br", "img", "input", "link", "hr", "wbr"}
PLANTED_SCRIPT = "<script>window.__pwned=1</script>"
PLANTED_IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE = f"""Council told to fix housing repairs

Inspectors found that 40 per cent of repairs were late {PLANTED_SCRIPT} last year.

A tenant said the wait was "far too long" {PLANTED_IMG} for most families.
"""


class Page(HTMLParser):
    """Elements, ids, links and the text of each pane; asserts the tags nest properly."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.ids: list[str] = []
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.panes: dict[str, list[str]] = {}
        self.data: dict[str, list[str]] = {}  # text of elements by tag, e.g. style, script
        self.feed(markup)
        self.close()
        assert self.stack == [], f"unclosed: {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag not in VOID:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"stray </{tag}>"
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return
        tag, _ = self.stack[-1]
        self.data.setdefault(tag, []).append(data)
        panes = [a["aria-label"] for t, a in self.stack if "pane" in a.get("class", "")]
        in_icon = any(t == "a" and "icon" in a.get("class", "") for t, a in self.stack)
        if panes and not in_icon:
            self.panes.setdefault(panes[-1], []).append(data)

    def find(self, tag: str | None = None, cls: str | None = None) -> list[dict[str, str]]:
        return [
            attrs
            for t, attrs in self.elements
            if (tag is None or t == tag) and (cls is None or cls in attrs.get("class", "").split())
        ]

    def pane_text(self, name: str) -> str:
        return "".join(self.panes[name])


def seeds_report():
    return compare(
        str(SEEDS / "local-paper.txt"),
        str(SEEDS / "bbc.txt"),
        names=("seeds/local-paper.txt", "seeds/bbc.txt"),
    )


def planted_report():
    case = CASES / "strict-planted-changes"
    return compare(str(case / "a.txt"), str(case / "b.txt"), names=("a.txt", "b.txt"))


def hostile_report(tmp_path: Path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(HOSTILE, encoding="utf-8")
    b.write_text(HOSTILE.replace("40 per cent", "45 per cent"), encoding="utf-8")
    return compare(str(a), str(b), names=("a.txt", "b.txt"))


def claim_spans(page: Page) -> dict[str, dict[str, str]]:
    return {attrs["id"]: attrs for attrs in page.find("span", "claim")}


def check_links(page: Page) -> None:
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    hrefs = [attrs["href"] for attrs in page.find("a")]
    assert hrefs
    for href in hrefs:
        assert href.startswith("#"), href
        assert href[1:] in page.ids, f"{href} points nowhere"


def check_marks(page: Page, report) -> None:
    """Every claim of every finding is marked with its status and links to its counterpart."""
    spans = claim_spans(page)
    for finding in report.findings:
        for side, claim, other in (("a", finding.a, finding.b), ("b", finding.b, finding.a)):
            if claim is None:
                continue
            span = spans[f"{side}-{claim.start}-{claim.end}"]
            assert claim.kind.value in span["class"].split()
            icons = [
                a
                for t, a in page.elements
                if t == "a" and "icon" in a.get("class", "") and a.get("aria-label", "").startswith(
                    f"{LABEL[finding.status]}: {finding.reason}")
            ]  # fmt: skip
            assert icons, (finding.status, finding.reason)
            if other is not None:
                want = "#" + ("b" if side == "a" else "a") + f"-{other.start}-{other.end}"
                assert want in {a["href"] for a in icons}


SEVERITY = (Status.DIFFER, Status.ONLY_A, Status.ONLY_B, Status.AGREE)
LABEL = {
    Status.DIFFER: "differ",
    Status.AGREE: "agree",
    Status.ONLY_A: "only in A",
    Status.ONLY_B: "only in B",
}


@pytest.mark.parametrize("make", [seeds_report, planted_report], ids=["seeds", "planted"])
def test_page_shape(make):
    report = make()
    page = Page(render_html(report))
    assert page.find("html")[0]["lang"] == "en"
    assert len(page.find("main")) == 1
    assert len(page.find("h1")) == 1
    assert [t for t, _ in page.elements if t in {"h2"}] == ["h2"] * 4
    # Self-contained: no element loads anything.
    assert not page.find("link") and not page.find("img") and not page.find("iframe")
    assert all("src" not in attrs for _, attrs in page.elements)
    assert len(page.find("script")) == 1 and len(page.find("style")) == 1
    check_links(page)
    check_marks(page, report)
    # The panes hold each text exactly as read, every character escaped and kept.
    assert page.pane_text("Text A") == report.a.document.text
    assert page.pane_text("Text B") == report.b.document.text


@pytest.mark.parametrize("make", [seeds_report, planted_report], ids=["seeds", "planted"])
def test_summary_counts(make):
    report = make()
    page = Page(render_html(report))
    markup = render_html(report)
    for status in Status:
        match = re.search(rf'<li class="{status.value}">.*?<strong>(\d+)</strong>', markup)
        assert match and int(match.group(1)) == report.count(status)
    # One list entry per finding, each with the finding's status.
    entries = [a for a in page.find("li") if a.get("id", "").startswith("f-")]
    assert len(entries) == len(report.findings)
    statuses = [a["class"] for a in entries]
    for status in Status:
        assert statuses.count(status.value) == report.count(status)


def test_planted_changes_are_marked_and_listed():
    page = Page(render_html(planted_report()))
    spans = claim_spans(page)
    assert spans["a-212-223"]["data-status"] == "differ"  # 31 per cent
    assert spans["b-212-223"]["data-status"] == "differ"  # 38 per cent
    assert spans["a-400-486"]["data-status"] == "differ"  # the altered quote
    assert "quote" in spans["a-400-486"]["class"].split()
    statuses = [a["data-status"] for a in spans.values()]
    assert statuses.count("differ") == 4 and statuses.count("agree") == 12
    markup = render_html(planted_report())
    assert "waiting <del>far</del> <ins>much</ins> longer" in markup
    # The discrepancy list links to both sides of each differ.
    differs = re.findall(r'<li id="f-\w+" class="differ">.*?</li>', markup)
    assert len(differs) == 2
    assert 'href="#a-212-223"' in differs[0] and 'href="#b-212-223"' in differs[0]


def test_a_figure_inside_a_quote_nests():
    markup = render_html(planted_report())
    # "60" sits inside the quote "We accept the findings and have already recruited 60 ..."
    quote = markup.index('id="a-576-644"')
    figure = markup.index('id="a-626-628"')
    assert quote < figure < markup.index("</span>", markup.index("60 new", figure))
    Page(markup)  # and the tags still nest


def test_crossing_claims_are_listed_under_the_text():
    """A claim that crosses one already open cannot nest: it is listed instead, and links to
    it still work. A claim that merely touches another is marked inline."""
    report = planted_report()
    quote = next(f for f in report.findings if f.kind is Kind.QUOTE and f.a.start == 400)
    figure = next(f for f in report.findings if f.kind is Kind.FIGURE)
    extra = tuple(
        Finding(name, Kind.FIGURE, Status.ONLY_A, "not found in B", None, claim, None)
        for name, claim in (
            ("crossing", dataclasses.replace(figure.a, start=395, end=405)),
            ("touching", dataclasses.replace(figure.a, start=figure.a.end, end=figure.a.end + 2)),
        )
    )
    report = dataclasses.replace(report, findings=report.findings + extra)
    markup = render_html(report)
    page = Page(markup)
    check_links(page)
    check_marks(page, report)
    assert page.pane_text("Text A") == report.a.document.text  # nothing dropped or doubled
    # The claim that starts first keeps its mark; the quote it crosses is listed.
    start = markup.index("Overlapping claims, not marked in the text above")
    listed = markup[start : markup.index("</ul>", start)]
    assert listed.count('class="claim ') == 1
    assert claim_spans(page)[f"a-{figure.a.end}-{figure.a.end + 2}"]["data-status"] == "only_a"
    quote_id = f"a-{quote.a.start}-{quote.a.end}"
    assert f'id="{quote_id}"' in listed
    assert claim_spans(page)[quote_id]["data-status"] == "differ"
    assert claim_spans(page)["a-395-405"]["data-status"] == "only_a"


def test_source_text_is_escaped(tmp_path):
    report = hostile_report(tmp_path)
    markup = render_html(report)
    page = Page(markup)
    assert not page.find("img")
    assert len(page.find("script")) == 1
    assert not [a for _, a in page.elements if any(k.startswith("on") for k in a)]
    assert "&lt;script&gt;window.__pwned=" in markup
    assert "&lt;img src=x onerror=" in markup
    assert page.pane_text("Text A") == report.a.document.text
    check_links(page)


@pytest.mark.parametrize("make", [seeds_report, planted_report], ids=["seeds", "planted"])
def test_csp_pins_the_inline_style_and_script(make):
    markup = render_html(make())
    page = Page(markup)
    (csp,) = [m["content"] for m in page.find("meta") if m.get("http-equiv")]
    assert "default-src 'none'" in csp
    for tag in ("style", "script"):
        body = "".join(page.data[tag])
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in csp


# --- headless Chromium ---------------------------------------------------------------


def focus_check_script(selector: str) -> str:
    """A test-only script: records whether planted markup ran, focuses the first icon that
    `selector` finds, and records which element lit up and which should have."""
    return (
        """<script>window.addEventListener("load", function () {
  var body = document.body;
  body.setAttribute("data-pwned", window.__pwned ? "yes" : "no");
  var link = document.querySelector(\""""
        + selector
        + """\");
  link.focus();
  // A headless window may not have focus, so focus events are not always sent: send one.
  link.dispatchEvent(new FocusEvent("focusin", {bubbles: true}));
  var lit = document.querySelector(".lit");
  body.setAttribute("data-want", link.getAttribute("href").slice(1));
  body.setAttribute("data-lit", lit ? lit.id : "none");
});</script>"""
    )


CHECK_SCRIPT = focus_check_script(".pane a.icon[href^='#b-']")
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    if not found:
        pytest.skip("chromium not found (apt-get install chromium)")
    return found


def dump_dom(markup: str, tmp_path: Path, name: str) -> Page:
    page = tmp_path / f"{name}.html"
    page.write_text(markup, encoding="utf-8")
    result = subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<body" in result.stdout, result.stderr[-2000:]
    return Page(result.stdout)


def body(page: Page) -> dict[str, str]:
    return page.find("body")[0]


@pytest.mark.parametrize("make", [seeds_report, planted_report], ids=["seeds", "planted"])
def test_browser_renders_the_report(make, tmp_path):
    report = make()
    page = dump_dom(render_html(report), tmp_path, "report")
    assert body(page).get("data-js") == "ready"  # the page's own script runs under its CSP
    check_marks(page, report)
    check_links(page)
    # A span shared by findings of different statuses shows the most severe one.
    expected: dict[str, Status] = {}
    for f in sorted(report.findings, key=lambda f: SEVERITY.index(f.status), reverse=True):
        for side, claim in (("a", f.a), ("b", f.b)):
            if claim is not None:
                expected[f"{side}-{claim.start}-{claim.end}"] = f.status
    marked = {i: s["data-status"] for i, s in claim_spans(page).items()}
    assert marked == {i: s.value for i, s in expected.items()}


def test_browser_planted_markup_does_not_run(tmp_path):
    report = hostile_report(tmp_path)
    markup = render_html(report)
    # Without the CSP, so that escaping alone must keep the planted markup inert, and with a
    # check that records window.__pwned after every load-time error handler has fired.
    test_copy = CSP_META.sub("", markup).replace("</body>", CHECK_SCRIPT + "</body>")
    page = dump_dom(test_copy, tmp_path, "escaped")
    marks = body(page)
    assert marks.get("data-js") == "ready"
    assert marks.get("data-pwned") == "no"
    assert not page.find("img")
    assert len(page.find("script")) == 2  # the page's own and the check
    assert page.pane_text("Text A") == report.a.document.text
    assert PLANTED_SCRIPT in page.pane_text("Text B") and PLANTED_IMG in page.pane_text("Text B")
    # Focusing a claim lights up its counterpart.
    assert marks["data-lit"] == marks["data-want"]
    check_links(page)

    # The control: the same check sees the planted markup run when it is not escaped.
    raw = test_copy.replace("<footer", PLANTED_SCRIPT + PLANTED_IMG + "<footer")
    assert body(dump_dom(raw, tmp_path, "control")).get("data-pwned") == "yes"
