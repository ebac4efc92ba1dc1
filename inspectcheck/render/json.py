"""JSON output: the wire dicts serialised deterministically."""

from __future__ import annotations

import json
from typing import Any

from ..check import CheckReport
from ..records import Report, Source
from .wire import check_to_dict, claims_to_dict, report_to_dict


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def render_report(report: Report) -> str:
    return dumps(report_to_dict(report))


def render_claims(source: Source) -> str:
    return dumps(claims_to_dict(source))


def render_check(report: CheckReport) -> str:
    return dumps(check_to_dict(report))
