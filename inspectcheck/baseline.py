"""Baselines: discrepancies a newsroom has reviewed and accepted, so they stop failing runs."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path

from .check import CheckReport, Verdict
from .errors import InspectcheckError
from .output import write_atomic
from .records import Report, Status

_DISCREPANT = {Status.DIFFER, Status.ONLY_A, Status.ONLY_B}


def read_baseline(path: str) -> frozenset[str]:
    """The finding ids a baseline file accepts."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InspectcheckError(f"{path}: no such baseline file") from None
    except (OSError, ValueError) as exc:
        raise InspectcheckError(f"{path}: not a readable baseline ({exc})") from None
    accepted = data.get("accepted") if isinstance(data, dict) else None
    if not isinstance(accepted, list) or not all(
        isinstance(a, dict) and "id" in a for a in accepted
    ):
        raise InspectcheckError(f"{path}: a baseline needs an 'accepted' list of {{'id': ...}}")
    return frozenset(str(a["id"]) for a in accepted)


def _write(path: str, rows: Iterable[dict[str, str]]) -> None:
    data = {"schema_version": 1, "accepted": sorted(rows, key=lambda r: r["id"])}
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_diff_baseline(path: str, report: Report) -> None:
    _write(path, ({"id": f.id, "kind": f.kind.value, "status": f.status.value, "reason": f.reason}
                  for f in report.findings if f.status in _DISCREPANT))  # fmt: skip


def write_check_baseline(path: str, report: CheckReport) -> None:
    _write(path, ({"id": c.id, "kind": c.claim.kind.value, "status": c.verdict.value,
                   "reason": c.reason}
                  for c in report.claims if c.verdict is not Verdict.SUPPORTED))  # fmt: skip


def apply_to_diff(report: Report, accepted: frozenset[str]) -> Report:
    kept = tuple(f for f in report.findings if f.id not in accepted)
    return dataclasses.replace(report, findings=kept, suppressed=len(report.findings) - len(kept))


def apply_to_check(report: CheckReport, accepted: frozenset[str]) -> CheckReport:
    kept = tuple(c for c in report.claims if c.id not in accepted)
    return dataclasses.replace(report, claims=kept, suppressed=len(report.claims) - len(kept))
