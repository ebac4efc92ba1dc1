"""Verifying one quote against another: the match class and a word-level diff."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz.distance import Indel

from .numbers import parse_number
from .records import Quote
from .speakers import INSTITUTION, from_inspectorate, side_of_service, unnamed

CONNECTIVES = frozenset({"but", "and", "however", "so", "yet", "also", "or", "because"})
_ELLIPSIS = regex.compile(r"…|\.\s?\.\s?\.|\[[^\]]*\]")
_MARKS = regex.compile(r"[“”\"‘]|(?<![\p{L}])’|’(?![\p{L}])|(?<![\p{L}])'|'(?![\p{L}])")
_EDGE_PUNCT = regex.compile(r"^[^\p{L}\d]+|[^\p{L}\d]+$")

AGREEING = frozenset({"exact", "punctuation", "partial", "trimmed", "elided"})
DiffOp = tuple[str, tuple[str, ...], tuple[str, ...]]


def display_words(text: str) -> list[str]:
    """Words as written, with quote marks and line breaks dropped."""
    return _MARKS.sub(" ", text).split()


@lru_cache(maxsize=8192)
def _norm(word: str) -> str:
    """A word as compared: lower case, no edge punctuation, and a number written in
    figures ("six" and "6" are the same word told in two house styles)."""
    word = _EDGE_PUNCT.sub("", word.lower().replace("’", "'"))
    value = parse_number(word) if word[:1].isalnum() else None
    return str(int(value)) if value is not None and value.is_integer() else word


def words_for_match(text: str) -> list[str]:
    """Lower-case words without punctuation, ellipses removed: what wording is compared on."""
    return [w for w in (_norm(x) for x in display_words(_ELLIPSIS.sub(" ", text))) if w]


def _lcs(a: list[str], b: list[str]) -> int:
    return (len(a) + len(b) - Indel.distance(a, b)) // 2


def coverage(a_text: str, b_text: str) -> float:
    """Share of the shorter quote's words found, in order, in the longer one."""
    a, b = words_for_match(a_text), words_for_match(b_text)
    if not a or not b:
        return 0.0
    return _lcs(a, b) / min(len(a), len(b))


def _contiguous(short: list[str], long: list[str]) -> int:
    """Where `short` appears as a run inside `long`, or -1."""
    n = len(short)
    for i in range(len(long) - n + 1):
        if long[i : i + n] == short:
            return i
    return -1


def _elided(short_text: str, long: list[str]) -> bool:
    pieces = [words_for_match(p) for p in _ELLIPSIS.split(short_text)]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2 or not _ELLIPSIS.search(short_text):
        return False
    cursor = 0
    for piece in pieces:
        found = _contiguous(piece, long[cursor:])
        if found < 0:
            return False
        cursor += found + len(piece)
    return True


def _split_at_connective(a_text: str, b_text: str) -> bool:
    """The same words, but for a connective dropped where one version ends a sentence:
    "drone netting, and recruitment ..." and "drone netting. Recruitment ..."."""
    a, b = display_words(a_text), display_words(b_text)
    ops = [
        op
        for op in Indel.opcodes([_norm(w) for w in a], [_norm(w) for w in b])
        if op.tag != "equal"
    ]
    if not ops:
        return False
    for op in ops:
        if op.tag == "delete" and op.src_end - op.src_start == 1:
            word, stop = a[op.src_start], b[op.dest_start - 1] if op.dest_start else ""
        elif op.tag == "insert" and op.dest_end - op.dest_start == 1:
            word, stop = b[op.dest_start], a[op.src_start - 1] if op.src_start else ""
        else:
            return False
        if _norm(word) not in CONNECTIVES or not stop.rstrip("”’\"'").endswith((".", ";")):
            return False
    return True


def _runs(short: list[str], long: list[str]) -> list[tuple[int, int]]:
    """Equal blocks (start in long, length) when `short` is a subsequence of `long`."""
    return [
        (op.dest_start, op.dest_end - op.dest_start)
        for op in Indel.opcodes(short, long)
        if op.tag == "equal"
    ]


def _spliced(short: list[str], long: list[str]) -> bool:
    if _lcs(short, long) != len(short):
        return False
    runs = _runs(short, long)
    if len(runs) < 2 or min(length for _, length in runs) < 3:
        return False
    gaps = [runs[k + 1][0] - (runs[k][0] + runs[k][1]) for k in range(len(runs) - 1)]
    return max(gaps) >= 4


def word_diff(a_text: str, b_text: str) -> tuple[DiffOp, ...]:
    """Word-level opcodes from A to B, neighbouring delete+insert merged into a replace."""
    a, b = display_words(a_text), display_words(b_text)
    ops: list[DiffOp] = []
    for op in Indel.opcodes([_norm(w) for w in a], [_norm(w) for w in b]):
        words_a = tuple(a[op.src_start : op.src_end])
        words_b = tuple(b[op.dest_start : op.dest_end])
        tag = op.tag
        if ops and {ops[-1][0], tag} == {"delete", "insert"}:
            prev = ops.pop()
            merged_a = prev[1] + words_a
            merged_b = prev[2] + words_b
            ops.append(("replace", merged_a, merged_b))
            continue
        ops.append((tag, words_a, words_b))
    return tuple(ops)


def wording_match(a_text: str, b_text: str) -> str:
    """How the wording of two paired quotes compares (speaker aside)."""
    a, b = words_for_match(a_text), words_for_match(b_text)
    if a == b:
        same = display_words(a_text) == display_words(b_text)
        return "exact" if same else "punctuation"
    short, long, short_text = (a, b, a_text) if len(a) <= len(b) else (b, a, b_text)
    start = _contiguous(short, long)
    if start >= 0:
        outside = long[:start] + long[start + len(short) :]
        leading_or_trailing = len(outside) <= 2 and all(w in CONNECTIVES for w in outside)
        if leading_or_trailing and outside:
            return "trimmed"
        return "partial"
    if _elided(short_text, long):
        return "elided"
    if _split_at_connective(a_text, b_text):
        return "trimmed"
    if _overlapping(a_text, b_text):
        return "partial"
    if _spliced(short, long):
        return "spliced"
    return "altered"


def _sentences(text: str) -> list[tuple[str, ...]]:
    pieces = (words_for_match(piece) for piece in _SENTENCE_END.split(text))
    return [tuple(words) for words in pieces if words]


_SENTENCE_END = regex.compile(r"(?<=[.!?])[”’\"']*\s+")
_OVERLAP_WORDS = 5  # words the shared sentences must run to


def _overlapping(a_text: str, b_text: str) -> bool:
    """Two selections from one statement: the last sentences of one quote are the first
    of the other, word for word ("My son was sent 200 miles away. We could only visit
    once a month." and "We could only visit once a month. It broke my heart.")."""
    a, b = _sentences(a_text), _sentences(b_text)
    for first, second in ((a, b), (b, a)):
        for n in range(min(len(first), len(second)), 0, -1):
            shared = first[-n:]
            if shared == second[:n] and sum(map(len, shared)) >= _OVERLAP_WORDS:
                return True
    return False


# People who speak for the provider or others outside the inspectorate, named by role.
_OFFICIAL = regex.compile(
    r"\b(?:director|chief\s+executive|chief\s+constable|chief\s+officer|manager|spokes(?:wo)?man|"
    r"spokesperson|councillor|council\s+leader|head\s?teacher|principal|chair(?:man|woman)?|"
    r"minister|commissioner|governor)\b",
    regex.IGNORECASE,
)


def speakers_clash(a: Quote, b: Quote) -> bool:
    """Both speakers are known and are different people, or a person and the institution.
    The institution and someone speaking for the inspectorate ("the watchdog" and "Chief
    Inspector of Prisons Gareth Lomond") do not clash: news uses one for the other."""
    keys = (a.speaker_key, b.speaker_key)
    if None in keys:
        return False
    if any(k.startswith("role:") for k in keys if k):
        if INSTITUTION in keys:
            # "the trust's medical director" is not the report; an inspector's role may be
            person = b if a.speaker_key == INSTITUTION else a
            return bool(_OFFICIAL.search(person.speaker or "")) and not from_inspectorate(
                person.speaker, person.attribution
            )
        if all(k.startswith("role:") for k in keys if k):
            sides = {side_of_service(a.speaker), side_of_service(b.speaker)}
            return len(sides) == 2 and None not in sides  # "one prisoner", "a member of staff"
        anonymous = a if a.speaker_key.startswith("role:") else b
        return unnamed(anonymous.speaker)  # "one firefighter told us" is not a named person
    if INSTITUTION in keys:
        person = b if a.speaker_key == INSTITUTION else a
        if from_inspectorate(person.speaker, person.attribution):
            return False
    return keys[0] != keys[1]


@dataclass(frozen=True, slots=True)
class QuoteVerdict:
    match: str
    agrees: bool
    reason: str
    diff: tuple[DiffOp, ...]


def verify(a: Quote, b: Quote, min_words_for_differ: int) -> QuoteVerdict:
    match = wording_match(a.text, b.text)
    diff = word_diff(a.text, b.text)
    if match in AGREEING and speakers_clash(a, b):
        return QuoteVerdict("speaker", False, _speaker_reason(a, b), diff)
    shorter = min(len(words_for_match(a.text)), len(words_for_match(b.text)))
    if match not in AGREEING and shorter < min_words_for_differ:
        return QuoteVerdict(match, True, "short phrase found in the other quote", diff)
    edges = shorter < 0.8 * max(len(words_for_match(a.text)), len(words_for_match(b.text)))
    return QuoteVerdict(match, match in AGREEING, _wording_reason(match, diff, edges), diff)


def _speaker_reason(a: Quote, b: Quote) -> str:
    def name(q: Quote) -> str:
        return "the report" if q.speaker_key == INSTITUTION else (q.speaker or "?")

    return f"same words, different speaker: {name(a)} vs {name(b)}"


def _wording_reason(match: str, diff: tuple[DiffOp, ...], trim_edges: bool) -> str:
    tags = {tag for tag, a, b in diff if any(_norm(w) for w in a + b)}
    fixed = {
        "exact": "same words",
        "punctuation": "same words; only marks, case, spacing or number style differ",
        "partial": "one quote is a run of the other's words"
        if not {"delete", "insert"} <= tags
        else "the quotes share whole sentences; each has sentences the other leaves out",
        "trimmed": "same words; a leading or trailing connective was dropped",
        "elided": "words cut where an ellipsis marks it; every kept word is verbatim",
    }
    if match in fixed:
        return fixed[match]
    inner = list(diff)
    while trim_edges and inner and inner[0][0] in ("delete", "insert"):
        inner.pop(0)
    while trim_edges and inner and inner[-1][0] in ("delete", "insert"):
        inner.pop()
    changes = describe_changes(tuple(inner))
    label = "words spliced without a marker" if match == "spliced" else "wording changed"
    return f"{label}: {changes}" if changes else label


def describe_changes(diff: tuple[DiffOp, ...], limit: int = 3) -> str:
    parts: list[str] = []
    for tag, words_a, words_b in diff:
        if tag == "replace":
            parts.append(f'"{" ".join(words_a)}" → "{" ".join(words_b)}"')
        elif tag == "insert":
            parts.append(f'added "{" ".join(words_b)}"')
        elif tag == "delete":
            parts.append(f'dropped "{" ".join(words_a)}"')
    return "; ".join(parts[:limit]) + ("; …" if len(parts) > limit else "")
