"""The evaluation gate: the labelled corpus must stay at or above its pinned floors."""

from __future__ import annotations

import json

import pytest

from inspectcheck.evaluate import below_floors, evaluate, find_cases, raised_floors, read_floors
from inspectcheck.gate import run_gate

from .conftest import CASES


@pytest.mark.parametrize(
    "folder",
    [
        CASES,
        CASES / "holdout",
        CASES.parent / "cases-hard",
        CASES.parent / "cases-fresh",
        CASES.parent / "cases-fresh-2",
        CASES.parent / "cases-fresh-3",
        CASES.parent / "cases-fresh-4",
        CASES.parent / "cases-fresh-5",
        CASES.parent / "cases-fresh-6",
        CASES.parent / "cases-fresh-7",
        CASES.parent / "cases-fresh-8",
        CASES.parent / "cases-fresh-9",
        CASES.parent / "cases-fresh-10",
        CASES.parent / "cases-fresh-11",
        CASES.parent / "cases-fresh-12",
    ],
    ids=[
        "corpus",
        "holdout",
        "hard",
        "fresh",
        "fresh-2",
        "fresh-3",
        "fresh-4",
        "fresh-5",
        "fresh-6",
        "fresh-7",
        "fresh-8",
        "fresh-9",
        "fresh-10",
        "fresh-11",
        "fresh-12",
    ],
)
def test_corpus_meets_its_floors(folder):
    floors = read_floors(folder / "floors.json")
    assert floors, f"{folder} has no floors.json"
    scores = evaluate(find_cases(folder), folder)
    assert below_floors(scores.metrics(), floors) == []


def test_corpus_is_big_enough():
    cases = find_cases(CASES)
    holdout = find_cases(CASES / "holdout")
    assert len(cases) >= 30
    assert len(holdout) >= len(cases) // 4


def test_floors_only_go_up():
    floors = {"figure.differ.precision": 0.9, "quote.agree.recall": 0.5}
    raised = raised_floors({"figure.differ.precision": 0.8, "quote.agree.recall": 0.7}, floors)
    assert raised == {"figure.differ.precision": 0.9, "quote.agree.recall": 0.7}


def test_missing_measure_counts_as_zero():
    assert below_floors({}, {"rating.differ.recall": 0.5}) == [
        "rating.differ.recall: 0.0000 < floor 0.5000"
    ]


def _tiny_corpus(tmp_path, floor: float):
    case = tmp_path / "one"
    case.mkdir()
    (case / "a.txt").write_text("The trust treated 72 per cent of patients within four hours.\n")
    (case / "b.txt").write_text("The trust treated 27 per cent of patients within four hours.\n")
    (case / "expected.json").write_text(
        json.dumps(
            {
                "findings": [
                    {"kind": "figure", "status": "differ", "a": "72 per cent", "b": "27 per cent"}
                ]
            }
        )
    )
    (tmp_path / "floors.json").write_text(json.dumps({"figure.differ.recall": floor}))


def test_eval_exits_one_below_a_floor(run, tmp_path):
    _tiny_corpus(tmp_path, 1.0)
    (tmp_path / "one" / "b.txt").write_text(
        "The trust treated 72 per cent of patients within four hours.\n"
    )
    result = run("eval", str(tmp_path))
    assert result.exit_code == 1
    assert "below floor: figure.differ.recall" in result.stdout


def test_eval_passes_and_update_never_lowers(run, tmp_path):
    _tiny_corpus(tmp_path, 0.5)
    result = run("eval", str(tmp_path), "--update-floors")
    assert result.exit_code == 0
    floors = json.loads((tmp_path / "floors.json").read_text())
    assert floors["figure.differ.recall"] == 1.0
    assert floors["figure.differ.precision"] == 1.0
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_gate_reports_bad_case_as_trouble(run, tmp_path):
    case = tmp_path / "broken"
    case.mkdir()
    (case / "expected.json").write_text("{not json")
    result = run("eval", str(tmp_path))
    assert result.exit_code == 2
    assert "expected.json" in result.stderr


def test_run_gate_without_floors_is_not_gated(tmp_path):
    from io import StringIO

    from rich.console import Console

    _tiny_corpus(tmp_path, 0.5)
    (tmp_path / "floors.json").unlink()
    out = StringIO()
    assert run_gate(tmp_path, False, False, Console(file=out, width=100)) == 0
    assert "nothing is gated" in out.getvalue()


def test_a_label_credits_the_tightest_claim(tmp_path):
    """A label "40" is the claim "40", not the claim "12 of the 40" that contains it."""
    from inspectcheck.evaluate import load_case, run_case

    case = tmp_path / "wards"
    case.mkdir()
    (case / "a.txt").write_text("Staffing fell short on 12 of the 40 wards we visited.\n")
    (case / "b.txt").write_text("Inspectors visited 40 wards across the trust.\n")
    labels = [
        {"kind": "figure", "status": "agree", "a": "40", "b": "40"},
        {"kind": "figure", "status": "only_a", "a": "12 of the 40"},
    ]
    (case / "expected.json").write_text(json.dumps({"findings": labels}))
    result = run_case(load_case(case, tmp_path))
    assert result.missed == []
    assert result.unconfirmed == []


def test_a_part_is_not_the_sum_it_is_told_in(tmp_path):
    """A label naming one part ("£1.4m") does not name the sum "£1.4m ... and £900,000"."""
    from inspectcheck.evaluate import load_case, run_case

    case = tmp_path / "scanners"
    case.mkdir()
    (case / "a.txt").write_text("The Prison Service has spent £2.3m on scanners and repairs.\n")
    (case / "b.txt").write_text("It has spent £1.4m on scanners and £900,000 on repairs.\n")
    labels = {"findings": [], "must_not_pair": [{"kind": "figure", "a": "£2.3m", "b": "£1.4m"}]}
    (case / "expected.json").write_text(json.dumps(labels))
    result = run_case(load_case(case, tmp_path))
    assert result.violations == []


def test_a_bare_number_is_not_the_share_written_with_it(tmp_path):
    """A label "5" names the count in "5 people had lost more than 5% ...", not the 5%."""
    from inspectcheck.evaluate import load_case, run_case

    case = tmp_path / "weight"
    case.mkdir()
    (case / "a.txt").write_text("5 people had lost more than 5% of their body weight.\n")
    (case / "b.txt").write_text("Five people had lost more than 5 per cent of their weight.\n")
    labels = {
        "findings": [{"kind": "figure", "status": "agree", "a": "5%", "b": "5 per cent"}],
        "must_not_pair": [{"kind": "figure", "a": "5", "b": "5 per cent"}],
    }
    (case / "expected.json").write_text(json.dumps(labels))
    result = run_case(load_case(case, tmp_path))
    assert result.missed == []
    assert result.violations == []


def test_a_hint_holding_the_text_names_the_claim_at_that_place(tmp_path):
    """Two 29%s in one sentence: the hint "made up 29%" names the first, not the second."""
    from inspectcheck.evaluate import load_case, run_case

    case = tmp_path / "young"
    case.mkdir()
    (case / "a.txt").write_text(
        "Men under 25 made up 29% of the population, and in our survey 29% of them felt unsafe.\n"
    )
    (case / "b.txt").write_text("Under-25s make up 29 per cent of the prison's population.\n")
    labels = {
        "findings": [
            {"kind": "figure", "status": "agree",
             "a": {"text": "29%", "sentence": "made up 29%"}, "b": "29 per cent"},
        ],
        "must_not_pair": [
            {"kind": "figure", "a": {"text": "29%", "sentence": "survey 29%"}, "b": "29 per cent"},
        ],
    }  # fmt: skip
    (case / "expected.json").write_text(json.dumps(labels))
    result = run_case(load_case(case, tmp_path))
    assert result.missed == []
    assert result.violations == []


def test_a_headline_repeating_a_confirmed_quote_is_not_scored(tmp_path):
    """B's headline and body both carry "chaotic and unsafe"; A's one quote agrees with
    each. The label names the body; the headline's agreement is a repeat, not a miss."""
    from inspectcheck.evaluate import load_case, run_case

    case = tmp_path / "repeat"
    case.mkdir()
    (case / "a.txt").write_text("Inspectors found the jail had become “chaotic and unsafe”.\n")
    (case / "b.txt").write_text(
        "Jail 'chaotic and unsafe', report finds\n\n"
        'Inspectors said the jail had become "chaotic and unsafe".\n'
    )
    body = {"text": "chaotic and unsafe", "sentence": "had become"}
    labels = {"findings": [{"kind": "quote", "status": "agree", "a": "chaotic", "b": body}]}
    (case / "expected.json").write_text(json.dumps(labels))
    result = run_case(load_case(case, tmp_path))
    assert result.missed == []
    assert result.unconfirmed == []
    assert result.tallies[("quote", "agree")].predicted == 1
