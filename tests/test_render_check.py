"""The check reports in HTML and Markdown: a draft checked against its source, with planted
markup in both, structure and links checked with html.parser and headless Chromium."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt  # a dependency of rich

from inspectcheck.check import CheckReport, Verdict, check
from inspectcheck.records import Status
from inspectcheck.render.html import render_check_html
from inspectcheck.render.markdown import render_check_markdown

from .conftest import ROOT
from .test_render_html import CSP_META, Page, body, check_links, dump_dom, focus_check_script

GOLDEN = Path(__file__).resolve().parent / "golden"
CASE = "fixtures/cases/strict-planted-changes"
DRAFT, SOURCE = f"{CASE}/b.txt", f"{CASE}/a.txt"
PLANTED_SCRIPT = "<script>window.__pwned=true</script>"
PLANTED_IMG = '<img src=x onerror="window.__pwned=true">'
# An unsupported figure with markup planted around it, in the draft and in the source.
EXTRA = (
    f"\nThe trust said 75 per cent of crews {PLANTED_SCRIPT} had finished training "
    f"{PLANTED_IMG} this year.\n"
)
VERDICT_ICONS = {"contradicted": "✗", "unsupported": "?", "supported": "✓"}


@pytest.fixture
def planted(monkeypatch) -> CheckReport:
    monkeypatch.chdir(ROOT)  # the report shows the paths as given
    return check(DRAFT, [SOURCE])


@pytest.fixture
def hostile(tmp_path, monkeypatch) -> CheckReport:
    draft = (ROOT / DRAFT).read_text(encoding="utf-8") + EXTRA
    source = (ROOT / SOURCE).read_text(encoding="utf-8")
    source = source.replace("employs 2,400 staff", f"employs 2,400 staff {PLANTED_IMG}")
    (tmp_path / "draft <b>.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return check("draft <b>.txt", ["source.txt"])


def test_the_reports_count_as_expected(planted, hostile):
    assert [planted.count(v) for v in Verdict] == [6, 2, 0]  # supported, contradicted, unsupported
    assert [hostile.count(v) for v in Verdict] == [6, 2, 1]
    (unsupported,) = [c for c in hostile.claims if c.verdict is Verdict.UNSUPPORTED]
    assert unsupported.claim.text == "75 per cent"


# --- HTML ------------------------------------------------------------------------------


def claim_spans(page: Page) -> dict[str, dict[str, str]]:
    return {attrs["id"]: attrs for attrs in page.find("span", "claim")}


def check_claims(page: Page, report: CheckReport) -> None:
    """Every claim of the draft is marked with its verdict, and its icon links to evidence
    that links back to it."""
    spans = claim_spans(page)
    entries = {attrs["id"]: attrs for attrs in page.find("li", "evidence")}
    assert len(entries) == len(report.claims)
    for checked in report.claims:
        claim, verdict = checked.claim, checked.verdict.value
        span = spans[f"d-{claim.start}-{claim.end}"]
        assert span["data-status"] == verdict
        assert {claim.kind.value, verdict} <= set(span["class"].split())
        icons = [a for a in page.find("a", "icon") if a["href"] == f"#ev-{checked.id}"]
        assert len(icons) == 1
        assert verdict in icons[0]["class"].split()
        assert icons[0]["aria-label"].startswith(f"{verdict}: {checked.reason}")
        entry = entries[f"ev-{checked.id}"]
        assert entry["class"].split()[:2] == ["evidence", verdict]  # and "lit" in a browser
    backs = {a["href"] for a in page.find("a", "icon") if "go to the claim" in a["aria-label"]}
    assert backs == {f"#d-{c.claim.start}-{c.claim.end}" for c in report.claims}


@pytest.mark.parametrize("name", ["planted", "hostile"])
def test_page_shape(name, request):
    report = request.getfixturevalue(name)
    markup = render_check_html(report)
    page = Page(markup)
    assert page.find("html")[0]["lang"] == "en"
    assert len(page.find("main")) == 1 and len(page.find("h1")) == 1
    assert [t for t, _ in page.elements if t == "h2"] == ["h2"] * 3
    assert not page.find("link") and not page.find("img") and not page.find("iframe")
    assert all("src" not in attrs for _, attrs in page.elements)
    assert len(page.find("script")) == 1 and len(page.find("style")) == 1
    check_links(page)
    check_claims(page, report)
    for checked in report.claims:  # the icon shows its symbol as well as its colour
        icon = VERDICT_ICONS[checked.verdict.value]
        assert re.search(
            rf'<a class="icon [^>]*href="#ev-{checked.id}"[^>]*>{re.escape(icon)}</a>', markup
        )
    assert page.pane_text("Draft text") == report.draft.document.text
    (csp,) = [m["content"] for m in page.find("meta") if m.get("http-equiv")]
    assert "default-src 'none'" in csp
    for tag in ("style", "script"):
        digest = base64.b64encode(hashlib.sha256("".join(page.data[tag]).encode()).digest())
        assert f"{tag}-src 'sha256-{digest.decode()}'" in csp


@pytest.mark.parametrize("name", ["planted", "hostile"])
def test_summary_and_the_list_to_look_at(name, request):
    report = request.getfixturevalue(name)
    markup = render_check_html(report)
    for verdict in Verdict:
        match = re.search(rf'<li class="{verdict.value}">.*?<strong>(\d+)</strong>', markup)
        assert match and int(match.group(1)) == report.count(verdict)
    # Contradicted then unsupported, each linking to its claim in the draft and its evidence.
    listed = re.findall(r'<li class="(contradicted|unsupported)"><strong>.*?</li>', markup)
    assert listed == ["contradicted"] * report.count(Verdict.CONTRADICTED) + ["unsupported"] * (
        report.count(Verdict.UNSUPPORTED)
    )
    for checked in report.claims:
        if checked.verdict is not Verdict.SUPPORTED:
            claim, verdict = checked.claim, checked.verdict.value
            item = re.search(rf'<li class="{verdict}"><strong>[^\n]*?#ev-{checked.id}"', markup)
            assert item and f'href="#d-{claim.start}-{claim.end}"' in item.group(0)
    if not report.count(Verdict.UNSUPPORTED):
        assert "Unsupported (0)</h3><p>None.</p>" in markup


def test_evidence_cites_the_source_sentence_reason_and_words(planted):
    markup = render_check_html(planted)
    figure = next(c for c in planted.claims if c.claim.text == "38 per cent")
    entry = markup[markup.index(f'<li id="ev-{figure.id}"') :]
    entry = entry[: entry.index("</li>")]
    assert f"differ · {SOURCE}, line 5: Inspectors from the Care Quality" in entry
    assert '<mark class="differ">31 per cent</mark> of category two calls' in entry
    assert "38 per cent vs 31 per cent: differ by 7 points" in entry
    quote = next(c for c in planted.claims if c.claim.text.startswith("Crews"))
    entry = markup[markup.index(f'<li id="ev-{quote.id}"') :]
    entry = entry[: entry.index("</li>")]
    assert "waiting <del>much</del> <ins>far</ins> longer" in entry  # draft → source
    assert '<span class="meta">[altered]</span>' in entry
    supported = next(c for c in planted.claims if c.claim.text == "2,400")
    entry = markup[markup.index(f'<li id="ev-{supported.id}"') :]
    assert '<mark class="agree">2,400</mark>' in entry[: entry.index("</li>")]
    assert "<del>" not in entry[: entry.index("</li>")]


def test_evidence_from_a_paged_source_cites_the_page(planted):
    source = planted.sources[0]
    paged = dataclasses.replace(source.document, pages=(0, 300))  # page 2 from offset 300
    report = dataclasses.replace(planted, sources=(dataclasses.replace(source, document=paged),))
    markup = render_check_html(report)
    assert f"differ · {SOURCE}, page 1: Inspectors" in markup  # 31 per cent, offset 212
    assert f"agree · {SOURCE}, page 2: Chief executive" in markup
    assert f"{SOURCE}, line 5:" not in markup


def test_unsupported_claim_says_so(hostile):
    markup = render_check_html(hostile)
    (checked,) = [c for c in hostile.claims if c.verdict is Verdict.UNSUPPORTED]
    entry = markup[markup.index(f'<li id="ev-{checked.id}"') :]
    entry = entry[: entry.index("</li>")]
    assert "<p>not found in any source</p>" in entry
    assert 'class="source' not in entry


def test_planted_markup_is_escaped(hostile):
    markup = render_check_html(hostile)
    page = Page(markup)
    assert not page.find("img")
    assert len(page.find("script")) == 1
    assert not [a for _, a in page.elements if any(k.startswith("on") for k in a)]
    assert "&lt;script&gt;window.__pwned=true&lt;/script&gt;" in markup
    assert "&lt;img src=x onerror=&quot;window.__pwned=true&quot;&gt;" in markup
    # In the source's sentence, beside the highlighted claim, too.
    assert '<mark class="agree">2,400</mark> staff &lt;img src=x onerror=' in markup
    assert "Draft: draft &lt;b&gt;.txt</h3>" in markup
    assert "<b>" not in markup
    assert page.pane_text("Draft text") == hostile.draft.document.text


def test_crossing_claims_are_listed_under_the_draft(planted):
    quote = next(c for c in planted.claims if c.claim.text.startswith("Crews"))
    figure = planted.claims[0]
    crossing = dataclasses.replace(
        figure, id="crossing", claim=dataclasses.replace(figure.claim, start=395, end=405)
    )
    report = dataclasses.replace(planted, claims=(*planted.claims, crossing))
    markup = render_check_html(report)
    page = Page(markup)
    check_links(page)
    check_claims(page, report)
    assert page.pane_text("Draft text") == report.draft.document.text
    start = markup.index("Overlapping claims, not marked in the text above")
    listed = markup[start : markup.index("</ul>", start)]
    assert f'id="d-{quote.claim.start}-{quote.claim.end}"' in listed


# --- headless Chromium -----------------------------------------------------------------

CHECK_SCRIPT = focus_check_script(".pane a.icon.unsupported")


def test_browser_renders_the_check_page(hostile, tmp_path):
    markup = render_check_html(hostile)
    assert body(dump_dom(markup, tmp_path, "check")).get("data-js") == "ready"  # under its CSP
    # Without the CSP, escaping alone must keep the planted markup inert.
    test_copy = CSP_META.sub("", markup).replace("</body>", CHECK_SCRIPT + "</body>")
    page = dump_dom(test_copy, tmp_path, "check-escaped")
    marks = body(page)
    assert marks.get("data-js") == "ready"
    assert marks.get("data-pwned") == "no"
    assert not page.find("img") and len(page.find("script")) == 2
    assert PLANTED_SCRIPT in page.pane_text("Draft text")
    assert PLANTED_IMG in page.pane_text("Draft text")
    check_links(page)
    check_claims(page, hostile)
    # Focusing an unsupported claim's icon lights up its evidence.
    (unsupported,) = [c for c in hostile.claims if c.verdict is Verdict.UNSUPPORTED]
    assert marks["data-want"] == marks["data-lit"] == f"ev-{unsupported.id}"


# --- Markdown --------------------------------------------------------------------------


def test_markdown_golden(planted):
    expected = (GOLDEN / "check-planted.md").read_text(encoding="utf-8")
    assert render_check_markdown(planted) == expected


def test_markdown_rows_come_contradicted_then_unsupported(hostile):
    text = render_check_markdown(hostile)
    assert text.splitlines()[0] == "**inspectcheck**: 2 contradicted, 1 unsupported, 6 supported"
    rows = [line for line in text.splitlines() if line.startswith("| ")][1:]
    assert [r.split(" | ")[0] for r in rows] == ["| ✗ contradicted"] * 2 + ["| ? unsupported"]
    assert rows[-1].startswith("| ? unsupported | figure | 75 per cent, line 15 | — |")
    assert "6 claims supported (not listed)." in text


def test_markdown_planted_markup_renders_as_text(hostile):
    text = render_check_markdown(hostile)
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)
    for tag in ("<b>", "<em>", "<code>", "<a ", "<img", "<script", "<h1>", "<li>"):
        assert tag not in html
    assert html.count("<strong>") == 1  # the tool's name
    assert html.count("<tr>") == 4  # header, two contradicted, one unsupported
    assert "Draft: draft &lt;b&gt;.txt · Sources: source.txt" in html


def test_markdown_when_everything_is_supported(monkeypatch):
    monkeypatch.chdir(ROOT)
    text = render_check_markdown(check(SOURCE, [SOURCE]))
    assert "No contradicted or unsupported claims." in text
    assert "| verdict |" not in text
    assert text.endswith("claims supported (not listed).\n")


# --- the command line ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_cli_check_writes_the_page(run, fmt, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / f"report.{fmt}"
    result = run("check", DRAFT, "--against", SOURCE, "--format", fmt, "-o", str(out))
    assert result.exit_code == 1  # two claims are contradicted
    written = out.read_text(encoding="utf-8")
    report = check(DRAFT, [SOURCE])
    expected = render_check_html(report) if fmt == "html" else render_check_markdown(report)
    assert written == expected
    # To stdout, and with nothing contradicted, status 0.
    result = run("check", SOURCE, "--against", SOURCE, "--format", fmt)
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>" if fmt == "html" else "**inspectcheck**")


def test_cli_check_markdown_to_stdout_matches_the_golden_file(run, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("check", DRAFT, "--against", SOURCE, "--format", "markdown")
    assert result.exit_code == 1
    assert result.stdout == (GOLDEN / "check-planted.md").read_text(encoding="utf-8")


def test_the_statuses_a_source_gives_use_the_diff_labels(planted):
    """Each source's own verdict on a claim is shown as agree or differ, with its icon."""
    markup = render_check_html(planted)
    assert markup.count('<div class="source differ">') == planted.count(Verdict.CONTRADICTED)
    agree = sum(1 for c in planted.claims for e in c.evidence if e.finding.status is Status.AGREE)
    assert markup.count('<div class="source agree">') == agree
