"""Checking a draft against its sources: every claim of the draft is supported,
contradicted or unsupported."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from .classify import classify
from .extract import read_source
from .load import load
from .pair import pair_claims
from .records import Claim, Finding, Settings, Source, Status


class Verdict(str, Enum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, slots=True)
class Evidence:
    source: int  # index into CheckReport.sources
    finding: Finding  # an agree or differ finding whose `a` is the draft's claim


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    id: str
    claim: Claim
    verdict: Verdict
    reason: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class CheckReport:
    draft: Source
    sources: tuple[Source, ...]
    claims: tuple[CheckedClaim, ...]
    suppressed: int = 0  # claims left out because a baseline accepts them

    def count(self, verdict: Verdict) -> int:
        return sum(1 for c in self.claims if c.verdict is verdict)


def _claim_id(claim: Claim, draft: Source) -> str:
    sentence = draft.sentences[claim.sentence].text
    key = f"{claim.kind.value}\x1f{' '.join(claim.text.split())}\x1f{sentence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def cite_location(claim: Claim, source: Source) -> str:
    page = source.document.page_of(claim.start)
    return f"page {page}" if page else f"line {claim.line}"


def _verdict(
    claim: Claim, evidence: list[Evidence], sources: Sequence[Source]
) -> tuple[Verdict, str]:
    agree = [e for e in evidence if e.finding.status is Status.AGREE]
    differ = [e for e in evidence if e.finding.status is Status.DIFFER]

    def cite(e: Evidence) -> str:
        other = e.finding.b
        where = cite_location(other, sources[e.source]) if other else "?"
        return f"{sources[e.source].document.path} {where}: {e.finding.reason}"

    if agree:
        reason = "supported by " + cite(agree[0])
        if differ:
            reason += "; but differs from " + cite(differ[0])
        return Verdict.SUPPORTED, reason
    if differ:
        return Verdict.CONTRADICTED, "contradicted by " + cite(differ[0])
    return Verdict.UNSUPPORTED, "not found in any source"


def check_sources(draft: Source, sources: Sequence[Source], settings: Settings) -> CheckReport:
    """Trace every claim of the draft to the sources, or flag it."""
    evidence: dict[int, list[Evidence]] = {id(c): [] for c in draft.claims}
    for index, source in enumerate(sources):
        pairs = pair_claims(draft, source, settings)
        for finding in classify(draft, source, pairs, settings):
            if finding.a is not None and finding.b is not None:
                evidence[id(finding.a)].append(Evidence(index, finding))
    seen: Counter[str] = Counter()
    checked: list[CheckedClaim] = []
    for claim in draft.claims:
        found = evidence[id(claim)]
        verdict, reason = _verdict(claim, found, sources)
        base = _claim_id(claim, draft)
        seen[base] += 1
        cid = base if seen[base] == 1 else f"{base}-{seen[base]}"
        checked.append(CheckedClaim(cid, claim, verdict, reason, tuple(found)))
    return CheckReport(draft=draft, sources=tuple(sources), claims=tuple(checked))


def check(
    draft_path: str,
    source_paths: Sequence[str],
    settings: Settings | None = None,
    progress: bool = False,
) -> CheckReport:
    """Check a draft file against one or more source files (text, HTML or PDF)."""
    settings = settings or Settings()
    draft = read_source(load(draft_path, "draft", progress=progress))
    sources = [
        read_source(load(p, f"source{i + 1}", progress=progress))
        for i, p in enumerate(source_paths)
    ]
    return check_sources(draft, sources, settings)
