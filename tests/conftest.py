from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspectcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CASES = ROOT / "fixtures" / "cases"


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def seed_json(run):
    result = run("diff", str(SEEDS / "local-paper.txt"), str(SEEDS / "bbc.txt"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)
