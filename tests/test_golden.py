"""Golden cases marked "strict": every labelled finding must come out exactly as labelled."""

from __future__ import annotations

import pytest

from inspectcheck.evaluate import load_case, run_case

from .conftest import CASES

STRICT = [
    p.parent
    for p in sorted(CASES.glob("*/expected.json"))
    if '"strict": true' in p.read_text(encoding="utf-8")
]


def test_there_are_strict_cases():
    names = {p.name for p in STRICT}
    assert {"seeds", "strict-planted-changes"} <= names


@pytest.mark.parametrize("folder", STRICT, ids=lambda p: p.name)
def test_strict_case(folder):
    result = run_case(load_case(folder, CASES))
    assert result.missed == []
    assert result.unexpected == []
    assert result.violations == []


def test_seed_acceptance_details(seed_json):
    findings = seed_json["findings"]
    assert not [f for f in findings if f["status"] == "differ"]
    pct = next(f for f in findings if f["a"] and f["a"]["text"] == "54 per cent")
    assert pct["status"] == "agree"
    assert pct["b"]["text"] == "54%"
    assert pct["reason"] == "54 per cent = 54%"
    assert pct["a"]["value"] == pct["b"]["value"] == 54
    five = [f for f in findings if (f["a"] or f["b"])["text"] == "five days"]
    assert len(five) == 3
    assert all(f["status"] in {"only_a", "only_b"} for f in five)


def test_planted_values_come_out_in_the_reason(run):
    import json

    case = CASES / "strict-planted-changes"
    report = json.loads(
        run("diff", str(case / "a.txt"), str(case / "b.txt"), "--format", "json").stdout
    )
    differ = {f["kind"]: f for f in report["findings"] if f["status"] == "differ"}
    assert differ["figure"]["a"]["value"] == 31 and differ["figure"]["b"]["value"] == 38
    assert differ["figure"]["reason"] == "31 per cent vs 38 per cent: differ by 7 points"
    assert differ["quote"]["match"] == "altered"
    assert ["replace", ["far"], ["much"]] in differ["quote"]["diff"]
    assert '"far" → "much"' in differ["quote"]["reason"]
