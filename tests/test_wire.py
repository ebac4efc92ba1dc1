"""The JSON report contract, schema_version 1: keys pinned and validated against the schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

TOP_KEYS = {"schema_version", "tool", "sources", "summary", "alignment", "findings"}
FINDING_KEYS = {"id", "kind", "status", "reason", "similarity", "a", "b"}
CLAIM_KEYS = {"text", "start", "end", "line", "sentence", "value", "unit", "counts", "speaker"}
SOURCE_KEYS = {"label", "path", "sha256", "sentences"}


def _schema():
    text = resources.files("inspectcheck.schema").joinpath("diff-report.schema.json").read_text()
    return json.loads(text)


def test_report_validates_against_published_schema(seed_json):
    jsonschema.validate(seed_json, _schema())


def test_required_keys_are_pinned(seed_json):
    assert seed_json.keys() >= TOP_KEYS
    assert seed_json["schema_version"] == 1
    assert seed_json["tool"]["name"] == "inspectcheck"
    for source in seed_json["sources"]:
        assert source.keys() >= SOURCE_KEYS
    assert set(seed_json["summary"]) == {"agree", "differ", "only_a", "only_b"}
    for finding in seed_json["findings"]:
        assert finding.keys() >= FINDING_KEYS
        for side in ("a", "b"):
            if finding[side] is not None:
                assert finding[side].keys() >= CLAIM_KEYS


def test_schema_requires_the_pinned_keys():
    schema = _schema()
    assert set(schema["required"]) == TOP_KEYS
    assert set(schema["$defs"]["finding"]["required"]) == FINDING_KEYS
    assert set(schema["$defs"]["claim"]["required"]) == CLAIM_KEYS


def test_summary_counts_the_findings(seed_json):
    for status, count in seed_json["summary"].items():
        assert count == sum(1 for f in seed_json["findings"] if f["status"] == status)


def test_sides_match_status(seed_json):
    for finding in seed_json["findings"]:
        status = finding["status"]
        assert (finding["a"] is None) == (status == "only_b")
        assert (finding["b"] is None) == (status == "only_a")


def test_ids_are_unique_and_stable(seed_json, run):
    ids = [f["id"] for f in seed_json["findings"]]
    assert len(ids) == len(set(ids))
    from .conftest import SEEDS

    again = json.loads(
        run(
            "diff", str(SEEDS / "local-paper.txt"), str(SEEDS / "bbc.txt"), "--format", "json"
        ).stdout
    )
    assert [f["id"] for f in again["findings"]] == ids


def test_offsets_point_into_the_text_as_read(seed_json):
    from .conftest import SEEDS

    texts = {
        "a": (SEEDS / "local-paper.txt").read_text(encoding="utf-8"),
        "b": (SEEDS / "bbc.txt").read_text(encoding="utf-8"),
    }
    for finding in seed_json["findings"]:
        for side in ("a", "b"):
            claim = finding[side]
            if claim is not None:
                assert texts[side][claim["start"] : claim["end"]] == claim["text"]
                line = texts[side].count("\n", 0, claim["start"]) + 1
                assert claim["line"] == line


def test_quote_findings_carry_match_and_diff(seed_json):
    quotes = [f for f in seed_json["findings"] if f["kind"] == "quote" and f["status"] == "agree"]
    assert quotes
    for finding in quotes:
        assert finding["match"] in {"exact", "punctuation", "partial", "trimmed", "elided"}
        assert all(op[0] in {"equal", "replace", "insert", "delete"} for op in finding["diff"])
