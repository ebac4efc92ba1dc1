"""The JSON wire format, schema_version 1, declared apart from the internal records.

Each key is written out explicitly here, so that renaming a record field can never
silently change what pipelines read. Keys may be added; these may not change.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..check import CheckReport, Evidence, Verdict
from ..records import Claim, Figure, Finding, Quote, Rating, Report, Source, Status

SCHEMA_VERSION = 1


def tool() -> dict[str, str]:
    return {"name": "inspectcheck", "version": __version__}


def source_to_dict(source: Source) -> dict[str, Any]:
    doc = source.document
    return {
        "label": doc.label,
        "path": doc.path,
        "sha256": doc.sha256,
        "sentences": len(source.sentences),
        "format": doc.kind,
        "claims": len(source.claims),
    }


def claim_to_dict(claim: Claim, source: Source) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "line": claim.line,
        "sentence": source.sentences[claim.sentence].text,
        "value": None,
        "unit": None,
        "counts": None,
        "speaker": None,
    }
    page = source.document.page_of(claim.start)
    if page is not None:
        out["page"] = page
    if isinstance(claim, Figure):
        out.update(_figure_extra(claim))
    elif isinstance(claim, Quote):
        out.update(
            speaker=claim.speaker,
            speaker_key=claim.speaker_key,
            attribution=claim.attribution,
            partial=claim.partial,
            note=claim.note,
        )
    elif isinstance(claim, Rating):
        out.update(value=claim.grade, subject=claim.subject)
    return out


def _figure_extra(figure: Figure) -> dict[str, Any]:
    return {
        "value": _number(figure.value),
        "unit": figure.unit,
        "counts": figure.counts,
        "hedge": figure.hedge,
        "range": None if figure.low is None else [_number(figure.low), _number(figure.high)],
        "share": None if figure.share is None else round(figure.share, 4),
        "form": figure.form,
    }


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


def finding_to_dict(finding: Finding, a: Source, b: Source) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": finding.id,
        "kind": finding.kind.value,
        "status": finding.status.value,
        "reason": finding.reason,
        "similarity": finding.similarity,
        "a": None if finding.a is None else claim_to_dict(finding.a, a),
        "b": None if finding.b is None else claim_to_dict(finding.b, b),
    }
    if finding.match is not None:
        out["match"] = finding.match
    if finding.diff is not None:
        out["diff"] = [[tag, list(wa), list(wb)] for tag, wa, wb in finding.diff]
    return out


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": tool(),
        "sources": [source_to_dict(report.a), source_to_dict(report.b)],
        "summary": {status.value: report.count(status) for status in Status},
        "suppressed": report.suppressed,
        "alignment": [
            {"a": al.a, "b": al.b, "similarity": al.similarity} for al in report.alignment
        ],
        "findings": [finding_to_dict(f, report.a, report.b) for f in report.findings],
    }


def claims_to_dict(source: Source) -> dict[str, Any]:
    """`inspectcheck claims`: every claim of one source."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": tool(),
        "source": source_to_dict(source),
        "claims": [{"kind": c.kind.value, **claim_to_dict(c, source)} for c in source.claims],
    }


def check_to_dict(report: CheckReport) -> dict[str, Any]:
    """`inspectcheck check`: every claim of the draft with its verdict and evidence."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": tool(),
        "draft": source_to_dict(report.draft),
        "sources": [source_to_dict(s) for s in report.sources],
        "summary": {v.value: report.count(v) for v in Verdict},
        "suppressed": report.suppressed,
        "claims": [
            {
                "id": c.id,
                "kind": c.claim.kind.value,
                "status": c.verdict.value,
                "claim": claim_to_dict(c.claim, report.draft),
                "reason": c.reason,
                "evidence": [_evidence(e, report) for e in c.evidence],
            }
            for c in report.claims
        ],
    }


def _evidence(evidence: Evidence, report: CheckReport) -> dict[str, Any]:
    source = report.sources[evidence.source]
    finding = evidence.finding
    out: dict[str, Any] = {
        "source": source.document.path,
        "status": finding.status.value,
        "claim": None if finding.b is None else claim_to_dict(finding.b, source),
        "reason": finding.reason,
        "similarity": finding.similarity,
    }
    if finding.match is not None:
        out["match"] = finding.match
    return out
