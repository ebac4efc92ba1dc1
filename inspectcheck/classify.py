"""Classify stage: pairs and leftovers -> one Finding per claim (agree, differ, only_a/b)."""

from __future__ import annotations

import hashlib
from collections import Counter

from .compare import MINUTES, complements, same_value, values_agree
from .quotecheck import verify
from .records import Claim, Figure, Finding, Kind, Pair, Quote, Rating, Settings, Source, Status


def _fmt(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _written(figure: Figure) -> str:
    bounding = figure.hedge not in (None, "only", "just")
    return f"{figure.hedge} {figure.text}" if bounding else figure.text


def _figure_reason(a: Figure, b: Figure, agrees: bool) -> str:
    left, right = _written(a), _written(b)
    if agrees and "sum" in (a.form, b.form):
        whole, summed = (b, a) if a.form == "sum" else (a, b)
        parts = " + ".join(part.split()[0] for part in (summed.counts or "").split(" + "))
        return f"{whole.text} = {parts}: the parts add up to the total"
    if agrees and (a.form == "part") != (b.form == "part") and "%" not in (a.unit, b.unit):
        part, count = (a, b) if a.form == "part" else (b, a)
        return f"{count.text} = the part in “{part.text}”"
    if agrees and a.form == b.form == "part" and a.share != b.share:
        return f"{left} ~ {right}: the same part, of wholes compared on their own"
    if agrees and complements(a, b):
        return f"{left} ~ {right}: one counts what did, the other what did not"
    if agrees:
        bounded = {a.hedge, b.hedge} - {None, "only", "just"}
        if bounded or a.low is not None or b.low is not None:
            return f"{left} ~ {right}: within the stated bound"
        if a.value == b.value and a.unit == b.unit:
            return f"{left} = {right}"
        if same_value(a, b):
            return f"{left} = {right} after conversion"
        return f"{left} ~ {right}: within rounding"
    gap = _gap(a, b)
    return f"{left} vs {right}" + (f": {gap}" if gap else "")


def _gap(a: Figure, b: Figure) -> str | None:
    if a.unit == b.unit and a.low is None and b.low is None and a.unit != "date":
        unit = " points" if a.unit == "%" else ""
        return f"differ by {_fmt(abs(a.value - b.value))}{unit}"
    if a.unit in MINUTES and b.unit in MINUTES and a.unit != b.unit:
        return f"{a.unit}s vs {b.unit}s"
    if a.unit == "date" and a.counts == b.counts and a.noun:
        return f"the year of the {a.counts}"
    return None


def _rating_reason(a: Rating, b: Rating, agrees: bool) -> str:
    subject = "" if a.subject == "overall" else f" for {a.subject}"
    if agrees:
        return f"both grade{subject}: {a.grade}"
    return f"{a.grade} vs {b.grade}{subject}"


def _content_id(
    kind: Kind, a: Claim | None, b: Claim | None, sources: tuple[Source, Source]
) -> str:
    parts = [kind.value]
    for claim, source in zip((a, b), sources, strict=True):
        if claim is None:
            parts.append("-")
            continue
        sentence = source.sentences[claim.sentence].text
        parts.append(f"{' '.join(claim.text.split())}|{sentence}")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _paired(pair: Pair, settings: Settings, fid: str) -> Finding:
    a, b = pair.a, pair.b
    if isinstance(a, Quote) and isinstance(b, Quote):
        verdict = verify(a, b, settings.quote_differ_min_words)
        status = Status.AGREE if verdict.agrees else Status.DIFFER
        return Finding(
            fid, Kind.QUOTE, status, verdict.reason, pair.similarity, a, b,
            match=verdict.match, diff=verdict.diff,
        )  # fmt: skip
    agrees = values_agree(a, b, settings)
    status = Status.AGREE if agrees else Status.DIFFER
    if isinstance(a, Figure) and isinstance(b, Figure):
        reason = _figure_reason(a, b, agrees)
    elif isinstance(a, Rating) and isinstance(b, Rating):
        reason = _rating_reason(a, b, agrees)
    else:  # pair only ever joins claims of one kind
        raise TypeError(f"cannot compare {a.kind} with {b.kind}")
    return Finding(fid, a.kind, status, reason, pair.similarity, a, b)


def _only(claim: Claim, status: Status, fid: str) -> Finding:
    other = "B" if status is Status.ONLY_A else "A"
    shown = " ".join(claim.text.split())
    shown = shown if len(shown) <= 60 else shown[:57] + "…"
    return Finding(fid, claim.kind, status, f"“{shown}” not found in {other}", None,
                   claim if status is Status.ONLY_A else None,
                   claim if status is Status.ONLY_B else None)  # fmt: skip


def classify(a: Source, b: Source, pairs: list[Pair], settings: Settings) -> tuple[Finding, ...]:
    """Every claim of A and B ends in a finding; paired claims share one."""
    sources = (a, b)
    seen: Counter[str] = Counter()

    def stable_id(kind: Kind, ca: Claim | None, cb: Claim | None) -> str:
        base = _content_id(kind, ca, cb, sources)
        seen[base] += 1
        return base if seen[base] == 1 else f"{base}-{seen[base]}"

    findings: list[Finding] = []
    paired_a = {id(p.a) for p in pairs} | _summed_parts([p.a for p in pairs], a)
    paired_b = {id(p.b) for p in pairs} | _summed_parts([p.b for p in pairs], b)
    paired_a |= _shown_by_part(a, paired_a)
    paired_b |= _shown_by_part(b, paired_b)
    for pair in pairs:
        findings.append(_paired(pair, settings, stable_id(pair.a.kind, pair.a, pair.b)))
    for claim in a.claims:
        if id(claim) not in paired_a:
            findings.append(_only(claim, Status.ONLY_A, stable_id(claim.kind, claim, None)))
    for claim in b.claims:
        if id(claim) not in paired_b:
            findings.append(_only(claim, Status.ONLY_B, stable_id(claim.kind, None, claim)))
    return tuple(sorted(findings, key=_order))


def _summed_parts(paired: list[Claim], source: Source) -> set[int]:
    """Figures that a paired sum ("14 ... and 4") already stands for."""
    sums = [c for c in paired if isinstance(c, Figure) and c.form == "sum"]
    return {
        id(c)
        for c in source.claims
        if isinstance(c, Figure) and any(s.start <= c.start and c.end <= s.end for s in sums)
    }


def _shown_by_part(source: Source, paired: set[int]) -> set[int]:
    """The 40 of an unpaired "12 of the 40": the part's own finding already shows it."""
    parts = [c for c in source.claims if isinstance(c, Figure) and c.form == "part"]
    alone = [p for p in parts if id(p) not in paired]
    return {
        id(c)
        for c in source.claims
        if isinstance(c, Figure)
        and c.form == "total"
        and any(p.start <= c.start and c.end <= p.end for p in alone)
    }


_STATUS_ORDER = {Status.DIFFER: 0, Status.AGREE: 1, Status.ONLY_A: 2, Status.ONLY_B: 3}


def _order(finding: Finding) -> tuple[int, int, int, str]:
    a = finding.a.start if finding.a else 10**12
    b = finding.b.start if finding.b else 10**12
    return (_STATUS_ORDER[finding.status], a, b, finding.id)
