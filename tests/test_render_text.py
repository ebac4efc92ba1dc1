"""The terminal report at a fixed width, compared with a golden file."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from inspectcheck.api import compare
from inspectcheck.render.text import render

from .conftest import CASES, SEEDS

GOLDEN = Path(__file__).parent / "golden"


def _text(path_a: Path, path_b: Path, names: tuple[str, str], width: int) -> str:
    report = compare(str(path_a), str(path_b), names=names)
    out = io.StringIO()
    render(report, Console(file=out, width=width, color_system=None, highlight=False))
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


@pytest.mark.parametrize(
    ("golden", "a", "b"),
    [
        ("seeds-text-80.txt", SEEDS / "local-paper.txt", SEEDS / "bbc.txt"),
        ("planted-text-80.txt", CASES / "strict-planted-changes" / "a.txt",
         CASES / "strict-planted-changes" / "b.txt"),
    ],
)  # fmt: skip
def test_terminal_report_matches_golden(golden, a, b):
    text = _text(a, b, ("a.txt", "b.txt"), 80)
    expected = GOLDEN / golden
    if os.environ.get("INSPECTCHECK_WRITE_GOLDEN"):
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


def test_no_line_is_wider_than_the_console():
    text = _text(SEEDS / "local-paper.txt", SEEDS / "bbc.txt", ("a.txt", "b.txt"), 80)
    assert max(len(line) for line in text.splitlines()) <= 80


def test_piped_output_has_no_escape_codes(run):
    result = run("diff", str(SEEDS / "local-paper.txt"), str(SEEDS / "bbc.txt"))
    assert "\x1b[" not in result.stdout


def test_no_color_is_respected(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80)
    report = compare(
        str(CASES / "strict-planted-changes" / "a.txt"),
        str(CASES / "strict-planted-changes" / "b.txt"),
    )
    render(report, console)
    assert "\x1b[3" not in out.getvalue()  # no foreground colours
