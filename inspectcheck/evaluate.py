"""Scoring the tool on labelled cases: precision, recall and F1 against pinned floors.

A case is a folder with a.txt, b.txt and expected.json (see fixtures/cases/README.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from .api import compare
from .errors import CaseError, InspectcheckError
from .records import Claim, Figure, Finding, Report, Settings, Source, Status

KINDS = ("figure", "quote", "rating")
GROUPS = ("differ", "agree", "only")
_GROUP = {
    Status.DIFFER: "differ",
    Status.AGREE: "agree",
    Status.ONLY_A: "only",
    Status.ONLY_B: "only",
}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _norm(text: str) -> str:
    return " ".join(text.translate(_QUOTES).lower().split())


@dataclass(frozen=True, slots=True)
class Side:
    text: str
    sentence: str | None = None

    @classmethod
    def parse(cls, raw: Any, where: str) -> Side:
        if isinstance(raw, str) and raw.strip():
            return cls(raw)
        if isinstance(raw, dict) and isinstance(raw.get("text"), str) and raw["text"].strip():
            sentence = raw.get("sentence")
            if sentence is not None and not isinstance(sentence, str):
                raise CaseError(f"{where}: 'sentence' must be a string")
            return cls(raw["text"], sentence)
        raise CaseError(f"{where}: a side must be a string or an object with 'text'")

    def matches(self, claim: Claim, source: Source) -> bool:
        """The labelled text occurs where the claim is: inside it, or around it ("40 wards")."""
        if not self._at_claim(claim, source):
            return False
        if self.sentence is None:
            return True
        start = source.sentences[claim.sentence].start
        end = max(claim.end, source.sentences[claim.sentence].end)
        if _pattern(self.text).search(self.sentence.translate(_QUOTES)):
            # A hint holding the text itself ("made up 29%") names the claim at that place,
            # not another with the same text in the same sentence.
            hints = _pattern(self.sentence).finditer(source.clean, start, end)
            return any(m.start() <= claim.start and claim.end <= m.end() for m in hints)
        return _norm(self.sentence) in _norm(source.clean[start:end])

    def _at_claim(self, claim: Claim, source: Source) -> bool:
        lo = max(0, claim.start - 80)
        # A total told as parts ("£1.4m on scanners and £900,000") is the sum, not one part.
        whole = isinstance(claim, Figure) and claim.form == "sum"
        for m in _pattern(self.text).finditer(source.clean, lo, claim.end + 80):
            inside = claim.start <= m.start() and m.end() <= claim.end and not whole
            around = m.start() <= claim.start and claim.end <= m.end()
            if inside or around:
                return True
        return False


@lru_cache(maxsize=4096)
def _pattern(text: str) -> regex.Pattern[str]:
    words = [regex.escape(w.translate(_QUOTES)) for w in text.split()]
    body = r"\s+".join(words).replace("'", "['’‘]").replace('"', '["“”]')
    # A bare number names a count, not the share written with it: "5" is not "5%".
    share = r"(?!\s?(?:%|per\s?cent|percent|pc\b))" if text[-1:].isdigit() else ""
    return regex.compile(r"(?<![\p{L}\d])" + body + r"(?![\p{L}\d])" + share, regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Expected:
    kind: str
    status: Status
    a: Side | None
    b: Side | None


@dataclass(frozen=True, slots=True)
class NotPair:
    kind: str
    a: Side
    b: Side


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    folder: Path
    description: str
    strict: bool
    findings: tuple[Expected, ...]
    must_not_pair: tuple[NotPair, ...]


def load_case(folder: Path, root: Path | None = None) -> Case:
    path = folder / "expected.json"
    name = str(folder.relative_to(root)) if root else folder.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CaseError(f"{path}: cannot read ({exc})") from None
    if not isinstance(data, dict):
        raise CaseError(f"{path}: expected a JSON object")
    findings = tuple(_expected(raw, f"{path} findings[{i}]")
                     for i, raw in enumerate(data.get("findings", [])))  # fmt: skip
    not_pairs = tuple(
        NotPair(
            _kind(raw, f"{path} must_not_pair[{i}]"),
            Side.parse(raw.get("a"), f"{path} must_not_pair[{i}].a"),
            Side.parse(raw.get("b"), f"{path} must_not_pair[{i}].b"),
        )
        for i, raw in enumerate(data.get("must_not_pair", []))
    )
    return Case(name, folder, str(data.get("description", "")), bool(data.get("strict")),
                findings, not_pairs)  # fmt: skip


def _kind(raw: Any, where: str) -> str:
    kind = raw.get("kind") if isinstance(raw, dict) else None
    if kind not in KINDS:
        raise CaseError(f"{where}: kind must be one of {', '.join(KINDS)}")
    return str(kind)


def _expected(raw: Any, where: str) -> Expected:
    kind = _kind(raw, where)
    try:
        status = Status(raw.get("status"))
    except ValueError:
        raise CaseError(f"{where}: status must be agree, differ, only_a or only_b") from None
    needs_a = status is not Status.ONLY_B
    needs_b = status is not Status.ONLY_A
    a = Side.parse(raw.get("a"), f"{where}.a") if needs_a else None
    b = Side.parse(raw.get("b"), f"{where}.b") if needs_b else None
    return Expected(kind, status, a, b)


def find_cases(root: Path) -> list[Path]:
    if not root.is_dir():
        raise CaseError(f"{root}: not a folder of cases")
    return sorted(p.parent for p in root.rglob("expected.json"))


@dataclass
class Tally:
    expected: int = 0
    found: int = 0  # expected findings the tool reported
    predicted: int = 0  # tool findings in scope for precision
    correct: int = 0  # of those, the ones a label confirms

    def add(self, other: Tally) -> None:
        self.expected += other.expected
        self.found += other.found
        self.predicted += other.predicted
        self.correct += other.correct


@dataclass
class CaseResult:
    name: str
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)
    not_pairs: int = 0
    missed: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)  # differ findings no label confirms
    unconfirmed: list[str] = field(default_factory=list)  # other findings on labelled claims

    def tally(self, kind: str, group: str) -> Tally:
        return self.tallies.setdefault((kind, group), Tally())


def _side_matches(side: Side | None, claim: Claim | None, source: Source) -> bool:
    if side is None:
        return claim is None
    return claim is not None and side.matches(claim, source)


def _finding_for(exp: Expected, report: Report) -> Finding | None:
    """The reported finding that holds the labelled claim (the A side, else the B side).

    Findings that hold both labelled sides come first; among those, the tightest fit, so
    that a label "40" credits the claim "40" before the claim "12 of the 40".
    """
    best: tuple[int, int, int] | None = None
    found: Finding | None = None
    for n, finding in enumerate(report.findings):
        if finding.kind.value != exp.kind:
            continue
        on_a = exp.a is not None and _side_matches(exp.a, finding.a, report.a)
        on_b = exp.b is not None and _side_matches(exp.b, finding.b, report.b)
        if not (on_a or on_b):
            continue
        slack = (_slack(exp.a, finding.a) if on_a else 0) + (
            _slack(exp.b, finding.b) if on_b else 0
        )
        rank = (-(on_a + on_b), slack, n)
        if best is None or rank < best:
            best, found = rank, finding
    return found


def _slack(side: Side | None, claim: Claim | None) -> int:
    """How far the claim's text is from the labelled text in length."""
    if side is None or claim is None:
        return 0
    return abs(len(_norm(claim.text)) - len(_norm(side.text)))


def _describe(f: Finding | Expected) -> str:
    def text(x: Any) -> str:
        return "-" if x is None else " ".join(x.text.split())[:60]

    return f"{f.kind if isinstance(f.kind, str) else f.kind.value} {f.status.value}: {text(f.a)} | {text(f.b)}"


def score_case(case: Case, report: Report) -> CaseResult:
    result = CaseResult(case.name)
    confirmed: set[str] = set()
    for exp in case.findings:
        tally = result.tally(exp.kind, _GROUP[exp.status])
        tally.expected += 1
        finding = _finding_for(exp, report)
        hit = (
            finding is not None
            and finding.status is exp.status
            and _side_matches(exp.a, finding.a, report.a)
            and _side_matches(exp.b, finding.b, report.b)
        )
        if hit and finding is not None:
            tally.found += 1
            confirmed.add(finding.id)
        else:
            got = _describe(finding) if finding else "no such claim extracted"
            result.missed.append(f"{_describe(exp)}  [got {got}]")
    labelled = _labelled_claims(case, report)
    repeats = _repeats(report, confirmed, labelled)
    for finding in report.findings:
        in_scope = finding.status is Status.DIFFER or any(
            id(c) in labelled for c in (finding.a, finding.b) if c is not None
        )
        if not in_scope or finding.id in repeats:
            continue
        tally = result.tally(finding.kind.value, _GROUP[finding.status])
        tally.predicted += 1
        if finding.id in confirmed:
            tally.correct += 1
        elif finding.status is Status.DIFFER:
            result.unexpected.append(_describe(finding))
        else:
            result.unconfirmed.append(_describe(finding))
    _check_not_pairs(case, report, result)
    return result


def _repeats(report: Report, confirmed: set[str], labelled: set[int]) -> set[str]:
    """Agreeing findings that pair a claim of a confirmed finding once more, with a claim
    no label names (a passage with a headline repeating part of it): not scored."""
    agreed = {
        id(c)
        for f in report.findings
        if f.id in confirmed and f.status is Status.AGREE
        for c in (f.a, f.b)
        if c is not None
    }
    return {
        f.id
        for f in report.findings
        if f.status is Status.AGREE
        and f.id not in confirmed
        and f.a is not None
        and f.b is not None
        and {id(f.a), id(f.b)} & agreed
        and not {id(f.a), id(f.b)} <= labelled
    }


def _labelled_claims(case: Case, report: Report) -> set[int]:
    sides: list[tuple[Side, Source]] = []
    for exp in case.findings:
        sides += [(s, src) for s, src in ((exp.a, report.a), (exp.b, report.b)) if s]
    for np_ in case.must_not_pair:
        sides += [(np_.a, report.a), (np_.b, report.b)]
    found: set[int] = set()
    for side, source in sides:
        found.update(id(c) for c in source.claims if side.matches(c, source))
    return found


def _check_not_pairs(case: Case, report: Report, result: CaseResult) -> None:
    for np_ in case.must_not_pair:
        result.not_pairs += 1
        for finding in report.findings:
            if (
                finding.kind.value == np_.kind
                and finding.a is not None
                and finding.b is not None
                and np_.a.matches(finding.a, report.a)
                and np_.b.matches(finding.b, report.b)
            ):
                result.violations.append(_describe(finding))
                break


def run_case(case: Case, settings: Settings | None = None) -> CaseResult:
    try:
        report = compare(str(case.folder / "a.txt"), str(case.folder / "b.txt"), settings)
    except InspectcheckError as exc:
        raise CaseError(f"case {case.name}: {exc}") from None
    return score_case(case, report)


@dataclass
class Scores:
    cases: int
    tallies: dict[tuple[str, str], Tally]
    violations: int
    not_pairs: int
    results: list[CaseResult]

    def metrics(self) -> dict[str, float]:
        """Flat measures, e.g. "figure.differ.precision"; undefined ones are left out."""
        out: dict[str, float] = {}
        for (kind, group), t in sorted(self.tallies.items()):
            for name, value in _prf(t).items():
                if value is not None:
                    out[f"{kind}.{group}.{name}"] = round(value, 4)
        if self.not_pairs:
            out["must_not_pair.respected"] = round(1 - self.violations / self.not_pairs, 4)
        return out


def _prf(t: Tally) -> dict[str, float | None]:
    precision = t.correct / t.predicted if t.predicted else None
    recall = t.found / t.expected if t.expected else None
    f1 = None
    if precision is not None and recall is not None:
        f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1}


def evaluate(folders: Sequence[Path], root: Path, settings: Settings | None = None) -> Scores:
    results = [run_case(load_case(f, root), settings) for f in folders]
    tallies: dict[tuple[str, str], Tally] = {}
    for res in results:
        for key, t in res.tallies.items():
            tallies.setdefault(key, Tally()).add(t)
        for group in GROUPS:
            total = tallies.setdefault(("all", group), Tally())
            for kind in KINDS:
                if (kind, group) in res.tallies:
                    total.add(res.tallies[(kind, group)])
    return Scores(
        cases=len(results),
        tallies=tallies,
        violations=sum(len(r.violations) for r in results),
        not_pairs=sum(r.not_pairs for r in results),
        results=results,
    )


def read_floors(path: Path) -> dict[str, float]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CaseError(f"{path}: cannot read floors ({exc})") from None
    if not isinstance(data, dict) or not all(isinstance(v, (int, float)) for v in data.values()):
        raise CaseError(f"{path}: floors must be an object of measure -> number")
    return {str(k): float(v) for k, v in data.items()}


def below_floors(metrics: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Measures under their floor; a floored measure that has gone missing counts as 0."""
    return [
        f"{name}: {metrics.get(name, 0.0):.4f} < floor {floor:.4f}"
        for name, floor in sorted(floors.items())
        if metrics.get(name, 0.0) < floor - 1e-9
    ]


def raised_floors(metrics: dict[str, float], floors: dict[str, float]) -> dict[str, float]:
    """Floors moved up to the current scores; no floor ever goes down."""
    merged = dict(floors)
    for name, value in metrics.items():
        merged[name] = max(value, floors.get(name, 0.0))
    return dict(sorted(merged.items()))


def floors_json(floors: dict[str, float]) -> str:
    return json.dumps(floors, indent=2, sort_keys=True) + "\n"


def summary_rows(scores: Scores) -> Iterable[tuple[str, str, Tally, dict[str, float | None]]]:
    for kind in (*KINDS, "all"):
        for group in GROUPS:
            tally = scores.tallies.get((kind, group))
            if tally is not None and (tally.expected or tally.predicted):
                yield kind, group, tally, _prf(tally)
