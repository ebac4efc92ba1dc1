"""`inspectcheck check`: a draft's claims traced to its sources, baselines, and --quiet."""

from __future__ import annotations

import json
import re

import pytest

from inspectcheck.check import Verdict, check

from .conftest import CASES, SEEDS

PLANTED = CASES / "strict-planted-changes"
DRAFT, SOURCE = str(PLANTED / "b.txt"), str(PLANTED / "a.txt")


def test_library_check_verdicts():
    report = check(DRAFT, [SOURCE])
    by_text = {c.claim.text.split()[0]: c for c in report.claims}
    assert by_text["38"].verdict is Verdict.CONTRADICTED
    assert "a.txt line 5: 38 per cent vs 31 per cent" in by_text["38"].reason
    assert by_text["2,400"].verdict is Verdict.SUPPORTED
    quote = next(c for c in report.claims if c.claim.text.startswith("Crews"))
    assert quote.verdict is Verdict.CONTRADICTED
    assert '"much" → "far"' in quote.reason
    assert report.count(Verdict.CONTRADICTED) == 2


def test_unsupported_when_no_source_carries_it(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The trust employs 2,400 staff. It also runs 97 clinics in the north.\n")
    report = check(str(draft), [SOURCE])
    verdicts = {c.claim.text: c.verdict for c in report.claims}
    assert verdicts == {"2,400": Verdict.SUPPORTED, "97": Verdict.UNSUPPORTED}


def test_second_source_can_support(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(
        "Inspectors found that 38 per cent of category two calls were reached within the 18-minute target in March.\n"
    )
    report = check(DRAFT, [SOURCE, str(other)])
    figure = next(c for c in report.claims if c.claim.text == "38 per cent")
    assert figure.verdict is Verdict.SUPPORTED
    assert {e.source for e in figure.evidence} == {0, 1}
    assert "but differs from" in figure.reason


def test_cli_json_contract_and_exit(run):
    result = run("check", DRAFT, "--against", SOURCE, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert data["summary"] == {"supported": 6, "contradicted": 2, "unsupported": 0}
    assert data["draft"]["path"] == DRAFT and data["sources"][0]["path"] == SOURCE
    first = data["claims"][0]
    assert set(first) >= {"id", "kind", "status", "claim", "reason", "evidence"}
    contradicted = [c for c in data["claims"] if c["status"] == "contradicted"]
    assert contradicted[0]["evidence"][0]["status"] == "differ"
    assert contradicted[0]["evidence"][0]["claim"]["text"] == "31 per cent"


@pytest.mark.parametrize(
    ("fail_on", "status"), [("contradicted", 1), ("unsupported", 1), ("never", 0)]
)
def test_check_fail_on(run, fail_on, status):
    assert run("check", DRAFT, "--against", SOURCE, "--fail-on", fail_on, "-q").exit_code == status


def test_fail_on_unsupported_is_stricter(run, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The trust employs 2,400 staff. It also runs 97 clinics in the north.\n")
    assert run("check", str(draft), "--against", SOURCE).exit_code == 0
    assert run("check", str(draft), "--against", SOURCE, "--fail-on", "unsupported").exit_code == 1


def test_check_requires_a_source(run):
    assert run("check", DRAFT).exit_code == 2


def test_check_bad_source_is_trouble(run, tmp_path):
    result = run("check", DRAFT, "--against", str(tmp_path / "missing.pdf"))
    assert result.exit_code == 2
    assert "missing.pdf: no such file" in result.stderr


def test_baseline_round_trip_for_check(run, tmp_path):
    baseline = tmp_path / "accepted.json"
    first = run("check", DRAFT, "--against", SOURCE, "--write-baseline", str(baseline), "-q")
    assert first.exit_code == 1
    accepted = json.loads(baseline.read_text())["accepted"]
    assert {a["status"] for a in accepted} == {"contradicted"} and len(accepted) == 2
    again = run(
        "check", DRAFT, "--against", SOURCE, "--baseline", str(baseline), "--format", "json"
    )
    assert again.exit_code == 0
    assert json.loads(again.stdout)["suppressed"] == 2


def test_baseline_round_trip_for_diff(run, tmp_path):
    baseline = tmp_path / "accepted.json"
    assert run("diff", SOURCE, DRAFT, "--write-baseline", str(baseline), "-q").exit_code == 1
    again = run("diff", SOURCE, DRAFT, "--baseline", str(baseline), "--format", "json")
    assert again.exit_code == 0
    report = json.loads(again.stdout)
    assert report["summary"]["differ"] == 0 and report["suppressed"] == 2


def test_bad_baseline_is_trouble(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    result = run("diff", SOURCE, DRAFT, "--baseline", str(bad))
    assert result.exit_code == 2
    assert "bad.json" in result.stderr


def test_quiet_prints_only_the_summary(run):
    result = run("diff", str(SEEDS / "local-paper.txt"), str(SEEDS / "bbc.txt"), "--quiet")
    assert re.fullmatch(r"Summary: 0 differ, \d+ agree, \d+ only_a, \d+ only_b\n", result.stdout)


def test_check_json_validates_against_published_schema(run):
    from importlib import resources

    import jsonschema

    schema = json.loads(
        resources.files("inspectcheck.schema").joinpath("check-report.schema.json").read_text()
    )
    data = json.loads(run("check", DRAFT, "--against", SOURCE, "--format", "json").stdout)
    jsonschema.validate(data, schema)
    assert set(schema["required"]) == {
        "schema_version",
        "tool",
        "draft",
        "sources",
        "summary",
        "claims",
    }
