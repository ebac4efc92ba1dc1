"""The Markdown report: golden output for the seeds and the planted changes, and escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt  # a dependency of rich

from inspectcheck.api import compare
from inspectcheck.records import Status
from inspectcheck.render.markdown import escape, render_markdown

from .conftest import CASES, ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
PAIRS = {
    "seeds": ("seeds/local-paper.txt", "seeds/bbc.txt"),
    "strict-planted-changes": (
        "fixtures/cases/strict-planted-changes/a.txt",
        "fixtures/cases/strict-planted-changes/b.txt",
    ),
}

HOSTILE = """Council told to fix housing repairs

Inspectors found that 40 per cent of repairs | were late last year.

The chief inspector said: “Tenants | managers were *ignored* and `sudo` <b>told</b> \
[to](http://x.test) wait far too long for help &amp; advice.”
"""


def _report(name: str):
    a, b = PAIRS[name]
    return compare(str(ROOT / a), str(ROOT / b), names=(a, b))


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_golden(name):
    expected = (GOLDEN / f"{name}.md").read_text(encoding="utf-8")
    assert render_markdown(_report(name)) == expected


def test_rows_come_differ_first_then_only_a_then_only_b():
    report = _report("seeds")
    rows = [line for line in render_markdown(report).splitlines() if line.startswith("| ")][1:]
    statuses = [row.split(" | ")[0].removeprefix("| ") for row in rows]
    expected = ["◀ only in A"] * report.count(Status.ONLY_A)
    expected += ["▶ only in B"] * report.count(Status.ONLY_B)
    assert statuses == expected
    assert "10 claims agree (not listed)." in render_markdown(report)


def test_values_are_kept():
    text = render_markdown(_report("strict-planted-changes"))
    assert "| 31 per cent, line 5 | 38 per cent, line 5 |" in text
    assert "waiting far longer than they should.” (the CQC)" in text
    assert "waiting much longer than they should.” (the CQC)" in text
    assert text.splitlines()[0] == "**inspectcheck**: 2 differ, 6 agree, 0 only in A, 0 only in B"


def test_no_discrepancies_says_so():
    case = CASES / "strict-planted-changes"
    report = compare(str(case / "a.txt"), str(case / "a.txt"), names=("a.txt", "a.txt"))
    text = render_markdown(report)
    assert "No discrepancies." in text
    assert "| status |" not in text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("`code`", r"\`code\`"),
        ("<script>x</script>", r"\<script\>x\</script\>"),
        ("*bold* _it_ ~~gone~~", r"\*bold\* \_it\_ \~\~gone\~\~"),
        ("[link](http://x.test)", r"\[link\](http://x.test)"),
        ("$x$ and \\", r"\$x\$ and \\"),
        ("&amp; &#60; but not & alone", r"\&amp; \&#60; but not & alone"),
        ("# heading", r"\# heading"),
        ("> quote", r"\> quote"),
        ("- item", r"\- item"),
        ("1. item", r"\1. item"),
        ("two\nlines\r\n\nhere", "two lines here"),
        ("54 per cent, £1.2m (about 300)", "54 per cent, £1.2m (about 300)"),
    ],
)
def test_escape(raw, escaped):
    assert escape(raw) == escaped


def test_hostile_text_renders_as_text(tmp_path):
    (tmp_path / "a.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        HOSTILE.replace("40 per", "45 per").replace("wait far", "wait much"), encoding="utf-8"
    )
    report = compare(
        str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), names=("# a|<b>.txt", "> b`.txt")
    )
    assert report.count(Status.DIFFER) == 2
    text = render_markdown(report)
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)

    # The only markup is the renderer's own: the bold tool name and the table.
    for tag in ("<b>", "<em>", "<code>", "<a ", "<del>", "<h1>", "<blockquote>", "<li>"):
        assert tag not in html
    assert html.count("<strong>") == 1
    assert html.count("<tr>") == 3  # header and two rows: no pipe split a cell
    assert html.count("<td>") == 10
    assert "&lt;b&gt;told&lt;/b&gt;" in html
    assert "[to](http://x.test)" in html
    assert "help &amp;amp; advice" in html  # the entity stays literal
    assert "A: # a|&lt;b&gt;.txt · B: &gt; b`.txt" in html
