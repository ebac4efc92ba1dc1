"""The evaluation gate behind `inspectcheck eval`: score a corpus, compare with its floors."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from .evaluate import (
    Scores,
    below_floors,
    evaluate,
    find_cases,
    floors_json,
    raised_floors,
    read_floors,
    summary_rows,
)
from .output import write_atomic

FLOORS = "floors.json"


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def scores_table(scores: Scores) -> Table:
    table = Table(title=f"{scores.cases} cases", title_justify="left")
    for name in ("kind", "status", "precision", "recall", "F1", "labelled", "reported"):
        table.add_column(name, justify="left" if name in ("kind", "status") else "right")
    for kind, group, tally, prf in summary_rows(scores):
        table.add_row(
            kind, group, _fmt(prf["precision"]), _fmt(prf["recall"]), _fmt(prf["f1"]),
            str(tally.expected), str(tally.predicted),
        )  # fmt: skip
    return table


def run_gate(folder: Path, update: bool, show_misses: bool, console: Console) -> int:
    """Print the scores; return 1 when a score is under its floor, else 0."""
    cases = find_cases(folder)
    scores = evaluate(cases, folder)
    console.print(scores_table(scores))
    console.print(f"must-not-pair violations: {scores.violations} of {scores.not_pairs}")
    if show_misses:
        _print_misses(scores, console)
    floors_path = folder / FLOORS
    floors = read_floors(floors_path)
    metrics = scores.metrics()
    if update:
        raised = raised_floors(metrics, floors)
        write_atomic(str(floors_path), floors_json(raised))
        moved = sum(1 for k, v in raised.items() if v != floors.get(k))
        console.print(f"floors: {moved} raised, written to {floors_path}")
        floors = raised
    if not floors:
        console.print(f"no {FLOORS} in {folder}: nothing is gated")
        return 0
    failures = below_floors(metrics, floors)
    for line in failures:
        console.print(f"below floor: {line}", style="red")
    if not failures:
        console.print(f"all {len(floors)} floors met")
    return 1 if failures else 0


def _print_misses(scores: Scores, console: Console) -> None:
    for result in scores.results:
        for line in result.missed:
            console.print(f"{result.name}: missed {line}", markup=False)
        for line in result.unexpected:
            console.print(f"{result.name}: unlabelled differ {line}", markup=False)
        for line in result.violations:
            console.print(f"{result.name}: paired against must_not_pair {line}", markup=False)
