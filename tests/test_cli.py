"""The commands, their exit statuses and their handling of bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from inspectcheck.cli import ExitStatus

from .conftest import SEEDS

LOCAL = str(SEEDS / "local-paper.txt")
BBC = str(SEEDS / "bbc.txt")


@pytest.mark.parametrize("command", [[], ["diff"], ["demo"], ["check"], ["claims"], ["eval"]])
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help(run, command, flag):
    result = run(*command, flag)
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


def test_diff_help_documents_exit_codes(run):
    text = run("diff", "--help").stdout
    assert "--fail-on" in text
    assert "2  usage error or unreadable input" in text


def test_seeds_exit_zero_without_differ(run):
    result = run("diff", LOCAL, BBC)
    assert result.exit_code == ExitStatus.OK
    assert "Summary: 0 differ" in result.stdout


@pytest.mark.parametrize(
    ("fail_on", "status"),
    [("differ", ExitStatus.OK), ("only", ExitStatus.DISCREPANCIES), ("never", ExitStatus.OK)],
)
def test_fail_on(run, fail_on, status):
    assert run("diff", LOCAL, BBC, "--fail-on", fail_on).exit_code == status


def test_differ_exits_one(run):
    case = SEEDS.parent / "fixtures" / "cases" / "strict-planted-changes"
    result = run("diff", str(case / "a.txt"), str(case / "b.txt"))
    assert result.exit_code == ExitStatus.DISCREPANCIES
    assert (
        run("diff", str(case / "a.txt"), str(case / "b.txt"), "--fail-on", "never").exit_code == 0
    )


def test_demo_matches_diff_of_seeds(run):
    demo = json.loads(run("demo", "--format", "json").stdout)
    diff = json.loads(run("diff", LOCAL, BBC, "--format", "json").stdout)
    assert demo["findings"] == diff["findings"]
    assert demo["sources"][0]["path"] == "seeds/local-paper.txt"


def _half_a_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()[: len(out.getvalue()) // 2]


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "empty.txt").write_text("")
    (tmp / "blank.txt").write_text("  \n\t\n ")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp / "truncated.pdf").write_bytes(_half_a_pdf())
    (tmp / "folder").mkdir()
    return {
        "missing": (tmp / "nope.txt", "no such file"),
        "directory": (tmp / "folder", "is a directory"),
        "empty": (tmp / "empty.txt", "empty"),
        "whitespace": (tmp / "blank.txt", "empty"),
        "binary": (tmp / "binary.txt", "binary"),
        "truncated pdf": (tmp / "truncated.pdf", "not a readable PDF"),
    }


@pytest.mark.parametrize(
    "case", ["missing", "directory", "empty", "whitespace", "binary", "truncated pdf"]
)
@pytest.mark.parametrize("position", ["a", "b"])
def test_bad_input_is_one_line_exit_two(run, tmp_path, case, position):
    path, problem = _bad_inputs(tmp_path)[case]
    args = [str(path), BBC] if position == "a" else [LOCAL, str(path)]
    result = run("diff", *args)
    assert result.exit_code == ExitStatus.TROUBLE
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0] and problem in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_bad_input_never_writes_output(run, tmp_path):
    out = tmp_path / "report.json"
    result = run("diff", str(tmp_path / "missing.txt"), BBC, "-o", str(out))
    assert result.exit_code == ExitStatus.TROUBLE
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_output_file_is_written_whole(run, tmp_path):
    out = tmp_path / "report.json"
    result = run("diff", LOCAL, BBC, "--format", "json", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    stdout = run("diff", LOCAL, BBC, "--format", "json").stdout
    assert out.read_text(encoding="utf-8") == stdout
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_output_into_missing_folder_is_trouble(run, tmp_path):
    result = run("diff", LOCAL, BBC, "-o", str(tmp_path / "no" / "such" / "r.json"))
    assert result.exit_code == ExitStatus.TROUBLE
    assert "does not exist" in result.stderr


def test_text_output_file_has_no_colour_codes(run, tmp_path):
    out = tmp_path / "report.txt"
    assert run("diff", LOCAL, BBC, "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("inspectcheck: A = ")
    assert "\x1b[" not in text


def test_same_file_twice_agrees_with_itself(run):
    report = json.loads(run("diff", BBC, BBC, "--format", "json").stdout)
    summary = report["summary"]
    assert summary["differ"] == summary["only_a"] == summary["only_b"] == 0
    assert summary["agree"] == report["sources"][0]["claims"] > 10


def test_article_without_claims_gives_an_empty_report(run, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("Nothing here can be checked.\n\nIt is all opinion.\n")
    result = run("diff", str(plain), str(plain), "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0
    assert report["findings"] == []
    assert report["summary"] == {"agree": 0, "differ": 0, "only_a": 0, "only_b": 0}


def test_json_is_byte_identical_across_runs(run):
    first = run("diff", LOCAL, BBC, "--format", "json").stdout
    second = run("diff", LOCAL, BBC, "--format", "json").stdout
    assert first == second


def test_usage_error_exits_two(run):
    assert run("diff", LOCAL).exit_code == ExitStatus.TROUBLE
    assert run("diff", LOCAL, BBC, "--format", "xml").exit_code == ExitStatus.TROUBLE


def test_claims_lists_spans_that_point_into_the_file(run):
    result = run("claims", BBC, "--format", "json")
    data = json.loads(result.stdout)
    text = Path(BBC).read_text(encoding="utf-8")
    assert data["source"]["path"] == BBC
    assert {c["kind"] for c in data["claims"]} == {"figure", "quote"}
    for claim in data["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
    figures = {c["text"]: c for c in data["claims"] if c["kind"] == "figure"}
    assert figures["696"]["value"] == 696
    assert figures["75%"]["unit"] == "%"


def test_output_file_gets_ordinary_permissions(run, tmp_path):
    import os
    import stat

    out = tmp_path / "report.json"
    assert run("diff", LOCAL, BBC, "--format", "json", "-o", str(out)).exit_code == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


@pytest.mark.parametrize(
    ("fmt", "start"), [("html", "<!DOCTYPE html>"), ("markdown", "**inspectcheck**")]
)
def test_html_and_markdown_formats(run, tmp_path, fmt, start):
    result = run("diff", LOCAL, BBC, "--format", fmt)
    assert result.exit_code == 0
    assert result.stdout.startswith(start)


def test_text_report_has_no_trailing_spaces(run, tmp_path):
    out = tmp_path / "report.txt"
    assert run("diff", LOCAL, BBC, "-o", str(out)).exit_code == 0
    piped = run("diff", LOCAL, BBC).stdout
    for text in (out.read_text(encoding="utf-8"), piped):
        assert "Summary: 0 differ" in text
        assert all(line == line.rstrip() for line in text.splitlines())
