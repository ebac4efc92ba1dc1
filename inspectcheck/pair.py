"""Pair stage: claims of two sources -> the pairs that state the same fact.

Claims are never paired by order or by value alone. Each claim gets a context (the words
near it and the rest of its sentence); candidates are narrowed through an inverted index of
context words, scored with rapidfuzz's batch calls, filtered by what the claims count, and
assigned one-to-one, best first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import regex
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from .compare import (
    compatible,
    dimensions,
    may_differ,
    noun_clash,
    same_thing,
    unit_slip,
    values_agree,
)
from .passages import PassageIndex
from .quotecheck import coverage, verify, words_for_match
from .ratings import UNKNOWN_SUBJECT, loosely_matched, subject_keys
from .records import (
    Alignment,
    Claim,
    Figure,
    Kind,
    Pair,
    Quote,
    Rating,
    Sentence,
    Settings,
    Source,
)
from .speakers import INSPECTORATE, INSTITUTION, from_inspectorate
from .voice import reads_as_report
from .words import STOPWORDS, stem

_TOKEN = regex.compile(r"[\p{L}\d][\p{L}\d'’-]*")


@dataclass(frozen=True, slots=True)
class Context:
    window: tuple[str, ...]  # sorted distinct stems near the claim
    sentence: tuple[str, ...]  # sorted distinct stems of the rest of the sentence
    keys: frozenset[str]  # stems used to find candidates
    qualifiers: frozenset[str]  # "target", "average" ... in the claim's own clause


def _stems(text: str) -> list[str]:
    found = []
    for token in _TOKEN.findall(text):
        word = token.lower().replace("’", "'")
        if word not in STOPWORDS and not word[0].isdigit():
            found.append(stem(word))
    return found


def claim_context(source: Source, claim: Claim, window: int) -> Context:
    sentence = source.sentences[claim.sentence]
    clean = source.clean
    end = min(max(claim.end, sentence.end), len(clean))
    before = _stems(clean[sentence.start : claim.start])
    after = _stems(clean[claim.end : end])
    near = before[-window:] + after[:window]
    rest = before + after
    if isinstance(claim, Figure) and not set(rest) - _GENERIC_CONTEXT and claim.sentence > 0:
        # "At the previous inspection the figure was 28%": the figure of the sentence before
        rest = rest + _stems(source.sentences[claim.sentence - 1].text)
        near = near + rest
    if isinstance(claim, Quote):
        near = near + _stems(claim.text)
    graded = subject_keys(claim.subject) if isinstance(claim, Rating) else []
    return Context(
        window=tuple(sorted(set(near))),
        sentence=tuple(sorted(set(rest))),
        keys=frozenset((near or rest) + graded),
        qualifiers=_clause_qualifiers(clean, claim, sentence.start, end),
    )


# Words that leave a figure's sentence saying nothing of its own ("At the previous
# inspection the figure was 28%"), so that it borrows the sentence before.
_GENERIC_CONTEXT = frozenset(
    stem(w)
    for w in """figure proportion rate number previous previously inspection last time year
    total level share earlier before compared""".split()
)


_QUALIFIER_STOP = regex.compile(r"\d|\b(?:and|but|whereas|while)\b")
_CLAUSE = regex.compile(r"[\d,;:()–—]")
_QUALIFIER_REACH = 4  # words either side of a figure that can qualify it


def _clause_qualifiers(clean: str, claim: Claim, start: int, end: int) -> frozenset[str]:
    """Qualifying words close to a claim, not reaching past another number: "54 per cent
    of incidents, against a target of 75 per cent" gives the target to the 75 alone.
    A rating's qualifiers come from its whole sentence ("previously rated good")."""
    before, after = clean[start : claim.start], clean[claim.end : end]
    if not isinstance(claim, Figure):
        return frozenset(_stems(before) + _stems(after)) & _QUALIFIERS
    # A date's time words reach across its clause ("which had previously inspected the
    # service in 2021"); other figures' only a few words.
    bound, reach = (_CLAUSE, 40) if claim.unit == "date" else (_QUALIFIER_STOP, _QUALIFIER_REACH)
    cut = max((m.end() for m in bound.finditer(before)), default=0)
    stop = bound.search(after)
    words_before = before[cut:].split()[-reach:]
    words_after = (after[: stop.start()] if stop else after).split()[:reach]
    # "Availability averaged 46%": the verb says the figure is an average without saying
    # whether the other source calls it one, so it matches either way (`_same_qualifiers`).
    words = [w for w in words_before + words_after if w.lower() != "averaged"]
    averaged = len(words) < len(words_before) + len(words_after)
    found = frozenset(_stems(" ".join(words))) & _QUALIFIERS
    if _WINDOW.match(after):
        found -= {_PREVIOUS}  # "1,284 incidents in the previous 12 months": a window, not then
    return found | {_AVERAGED} if averaged else found


_AVERAGED = "(averaged)"
_PREVIOUS = stem("previous")
_WINDOW = regex.compile(
    r"(?:\s+[\p{L}-]+){0,3}?\s+(?:in|over|during)\s+the\s+(?:previous|past|last)\s+"
    r"(?:\d+|[\p{L}-]+)\s+(?:days|weeks|months|years)\b",
    regex.IGNORECASE,
)
_AVERAGE = stem("average")


def _aim_and_result(a: Source, fa: Figure, b: Source, fb: Claim) -> bool:
    """One figure told as a target ("against a target of 80%", "the 90% national
    standard") and the other in a sentence that speaks of no aim at all."""
    if not isinstance(fb, Figure):
        return False
    return _aim_alone(a, fa, b, fb) or _aim_alone(b, fb, a, fa)


def _aim_alone(source: Source, figure: Figure, other: Source, result: Figure) -> bool:
    start = source.sentences[figure.sentence].start
    told_as_aim = _AIM_BEFORE.search(source.clean, max(start, figure.start - 40), figure.start)
    told_as_aim = told_as_aim or _AIM_AFTER.match(source.clean, figure.end)
    if not told_as_aim or result.form == "total":
        return False  # "41 of the 58 officers": the whole a target of 58 is set for
    return not _AIM_WORDS.search(other.sentences[result.sentence].text)


_AIM_WORDS = regex.compile(
    r"\b(?:targets?|aims?|aimed|goals?|standards?|benchmarks?|ambitions?|expected|should|"
    r"supposed|required|pledged?)\b",
    regex.IGNORECASE,
)
_AIM_BEFORE = regex.compile(
    r"\b(?:target|aim|goal|standard|benchmark|ambition)\s+(?:of|is|was)\s+"
    r"(?:(?:about|around|at\s+least|just\s+over|just\s+under)\s+)?$",
    regex.IGNORECASE,
)
_AIM_AFTER = regex.compile(r"\s+(?:national\s+)?(?:target|standard)\b", regex.IGNORECASE)


def _same_qualifiers(a: frozenset[str], b: frozenset[str]) -> bool:
    """ "an average of 108 per cent" and "averaged 118%" are qualified alike."""
    if _AVERAGED in a or _AVERAGED in b:
        a, b = a - {_AVERAGED, _AVERAGE}, b - {_AVERAGED, _AVERAGE}
    return a == b


def blocks(claim: Claim) -> frozenset[str]:
    """Claims that share no block can never pair."""
    if isinstance(claim, Figure):
        return frozenset(f"figure:{d}" for d in dimensions(claim))
    if isinstance(claim, Rating):
        return frozenset({"rating"})
    return frozenset({"quote"})


_COMMON = 200  # postings longer than this are skipped when shortlisting


def _shortlist(
    a_claims: Sequence[Claim],
    a_ctx: Sequence[Context],
    b_claims: Sequence[Claim],
    b_ctx: Sequence[Context],
    limit: int,
) -> dict[int, list[int]]:
    """For each claim of A, the claims of B in its block that share context words."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_block: dict[str, list[int]] = defaultdict(list)
    for j, (claim, ctx) in enumerate(zip(b_claims, b_ctx, strict=True)):
        for name in blocks(claim):
            by_block[name].append(j)
            for key in ctx.keys:
                index[(name, key)].append(j)
    shortlist: dict[int, list[int]] = {}
    for i, (claim, ctx) in enumerate(zip(a_claims, a_ctx, strict=True)):
        names = sorted(blocks(claim))
        members = sorted({j for name in names for j in by_block[name]})
        if len(members) <= limit:
            shortlist[i] = members
            continue
        hits: dict[int, int] = defaultdict(int)
        for name in names:
            for key in ctx.keys:
                postings = index.get((name, key), ())
                if len(postings) > _COMMON:
                    continue  # a word this common cannot tell claims apart
                for j in postings:
                    hits[j] += 1
        ranked = sorted(hits, key=lambda j: (-hits[j], j))
        shortlist[i] = sorted(ranked[:limit])
    return shortlist


def _scores(query: Context, choices: Sequence[Context]) -> list[float]:
    """Context similarity, 0-1, of one claim against its candidates, batched in rapidfuzz.

    Contexts are sorted lists of distinct stems, so the Indel similarity of two lists is
    the Dice overlap of the two word sets: unrelated contexts score 0, not a noise floor.
    """
    near = process.extract(
        query.window, [c.window for c in choices], scorer=Indel.normalized_similarity, limit=None
    )
    whole = process.extract(
        query.sentence, [c.sentence for c in choices], scorer=Indel.normalized_similarity,
        limit=None,
    )  # fmt: skip
    near_by = {k: s for _, s, k in near}
    whole_by = {k: s for _, s, k in whole}
    return [0.6 * near_by[k] + 0.4 * whole_by[k] for k in range(len(choices))]


# Words that make a figure a different quantity from the same figure without them.
_QUALIFIERS = frozenset(
    stem(w)
    for w in """target aim goal average benchmark forecast budget ambition pledged previous
    previously earlier""".split()
)


def _threshold(a: Claim, b: Claim, agrees: bool, settings: Settings) -> float:
    if isinstance(a, Rating):
        unknown = (
            UNKNOWN_SUBJECT in (a.subject, b.subject) or loosely_matched(a.subject, b.subject)
            if isinstance(b, Rating)
            else True
        )
        # Two grades of an unknown subject pair only when their sentences closely match;
        # the same grade for the same subject at the same time is one fact, however told.
        if unknown:
            return settings.pair_differ_min
        return 0.0 if agrees else settings.rating_pair_min
    if isinstance(a, Figure) and isinstance(b, Figure) and unit_slip(a, b):
        # The same number in another unit: a slip only where the sentences all but match.
        return settings.unit_slip_differ_min
    if isinstance(a, Figure) and isinstance(b, Figure) and noun_clash(a, b):
        # Two names for what is counted: equal values in closely matching sentences only.
        return settings.noun_clash_agree_min if agrees else 2.0
    if not agrees and isinstance(a, Figure) and isinstance(b, Figure) and _near(a, b, settings):
        return settings.near_value_differ_min
    return settings.pair_agree_min if agrees else settings.pair_differ_min


def _digits(figure: Figure) -> str:
    return "".join(ch for ch in figure.text if ch.isdigit())


def _transposed(a: Figure, b: Figure) -> bool:
    """ "64%" and "46 per cent", "£4.2m" and "£2.4 million": two or more digits, the same
    ones in another order."""
    da, db = _digits(a), _digits(b)
    return len(da) >= 2 and da != db and sorted(da) == sorted(db) and len(set(da)) > 1


def _shifted(a: Figure, b: Figure) -> bool:
    """ "£18m" and "£1.8 million": the same digits with the decimal point moved."""
    da, db = _digits(a), _digits(b)
    return len(da) >= 2 and da == db and a.value != b.value


def _near(a: Figure, b: Figure, settings: Settings) -> bool:
    """The same named thing, not a year, with values close enough to be one figure changed;
    or any two figures whose digits are each other's, reordered or with the point moved
    (72 and 27, £18m and £1.8m: a typo)."""
    if a.unit == "date" or a.unit != b.unit:
        return False
    if _transposed(a, b) or _shifted(a, b):
        return True
    if same_thing(a, b) is not True:
        return False
    top = max(abs(a.value), abs(b.value))
    return top > 0 and abs(a.value - b.value) / top <= settings.near_value_gap


@dataclass(frozen=True, slots=True)
class _Candidate:
    i: int
    j: int
    similarity: float
    agrees: bool
    exact: bool = False  # the same value written in the same unit: preferred among agreements


def _candidates(a: Source, b: Source, settings: Settings) -> list[_Candidate]:
    a_at = [i for i, c in enumerate(a.claims) if c.kind is not Kind.QUOTE]
    b_at = [j for j, c in enumerate(b.claims) if c.kind is not Kind.QUOTE]
    a_claims = [a.claims[i] for i in a_at]
    b_claims = [b.claims[j] for j in b_at]
    a_ctx = [claim_context(a, c, settings.context_window) for c in a_claims]
    b_ctx = [claim_context(b, c, settings.context_window) for c in b_claims]
    found: list[_Candidate] = []
    # No figure pairs below the lowest of its thresholds: skip those before comparing values.
    figure_floor = min(
        settings.pair_agree_min, settings.pair_differ_min, settings.near_value_differ_min,
        settings.noun_clash_agree_min,
    )  # fmt: skip
    lone_a, lone_b = _lone_subjects(a), _lone_subjects(b)
    for i, js in _shortlist(a_claims, a_ctx, b_claims, b_ctx, settings.shortlist).items():
        if not js:
            continue
        sims = _scores(a_ctx[i], [b_ctx[j] for j in js])
        for j, sim in zip(js, sims, strict=True):
            ca, cb = a_claims[i], b_claims[j]
            if isinstance(ca, Figure) and sim < figure_floor:
                continue
            if not compatible(ca, cb):
                continue
            agrees = values_agree(ca, cb, settings)
            if not agrees and not may_differ(ca, cb):
                continue
            if (
                not agrees
                and isinstance(ca, Figure)
                and not _same_qualifiers(a_ctx[i].qualifiers, b_ctx[j].qualifiers)
            ):
                continue  # "a target of 75%" and "54% achieved" are different quantities
            if agrees and isinstance(ca, Figure) and _aim_and_result(a, ca, b, cb):
                continue  # "a target of 80%" and "available 80 per cent of the time"
            if (
                isinstance(ca, Rating)
                and _graded(ca) in lone_a
                and _graded(ca) == _graded(cb) in lone_b
            ):
                sim += settings.lone_subject_lead  # the one grade each side gives this area
            if sim >= _threshold(ca, cb, agrees, settings):
                if isinstance(ca, Rating) and _headline(a, ca) != _headline(b, cb):
                    sim *= settings.headline_discount  # a body grade pairs with the body's first
                found.append(_Candidate(a_at[i], b_at[j], sim, agrees, agrees and _exact(ca, cb)))
    contexts_a = dict(zip(a_at, a_ctx, strict=True))
    contexts_b = dict(zip(b_at, b_ctx, strict=True))
    found += _named_alike_candidates(a, b, settings)
    return found + _slip_candidates(a, b, contexts_a, contexts_b, settings)


def _named_alike_candidates(a: Source, b: Source, settings: Settings) -> list[_Candidate]:
    """A count each source gives once, of the same named thing and the same value ("984
    men", "4,200 babies"): they agree however little else their sentences share."""

    def once(source: Source) -> dict[tuple[float, str | None, str], int]:
        seen: dict[tuple[float, str | None, str], list[int]] = defaultdict(list)
        for k, claim in enumerate(source.claims):
            if isinstance(claim, Figure) and claim.noun and claim.value >= settings.named_alike_min:
                seen[(claim.value, claim.unit, claim.noun)].append(k)
        return {key: ks[0] for key, ks in seen.items() if len(ks) == 1}

    in_b = once(b)
    found: list[_Candidate] = []
    for key, i in once(a).items():
        j = in_b.get(key)
        ca, cb = a.claims[i], b.claims[j] if j is not None else None
        if j is None or not isinstance(ca, Figure) or not isinstance(cb, Figure):
            continue
        if same_thing(ca, cb) and values_agree(ca, cb, settings) and _exact(ca, cb):
            found.append(_Candidate(i, j, settings.pair_agree_min, True, True))
    return found


_SLIP_GROUP = 8  # equal values each side beyond which a value is too common to look for slips


def _slip_candidates(
    a: Source,
    b: Source,
    a_ctx: dict[int, Context],
    b_ctx: dict[int, Context],
    settings: Settings,
) -> list[_Candidate]:
    """Equal numbers in other units ("12 percentage points", "12%"), which the shortlist,
    kept to one unit, never compares."""
    by_value: dict[float, list[int]] = defaultdict(list)
    for j, claim in enumerate(b.claims):
        if isinstance(claim, Figure):
            by_value[claim.value].append(j)
    found: list[_Candidate] = []
    for i, ca in enumerate(a.claims):
        if not isinstance(ca, Figure) or len(by_value.get(ca.value, ())) > _SLIP_GROUP:
            continue
        for j in by_value.get(ca.value, ()):
            cb = b.claims[j]
            if not (isinstance(cb, Figure) and unit_slip(ca, cb)) or not may_differ(ca, cb):
                continue
            here, there = a_ctx[i], b_ctx[j]
            sim = _scores(here, [there])[0]
            if sim >= settings.unit_slip_differ_min and _same_qualifiers(
                here.qualifiers, there.qualifiers
            ):
                found.append(_Candidate(i, j, sim, False))
    return found


def _graded(claim: Claim) -> tuple[str, str] | None:
    """The one area a rating grades, and when ("before" or ""); None for a list of areas,
    a subject of unknown or free-text name, or another kind of claim."""
    if not isinstance(claim, Rating):
        return None
    keys = subject_keys(claim.subject)
    if len(keys) != 1 or keys[0] == "§overall":
        return None
    return keys[0], claim.subject.partition(" (")[2]


def _lone_subjects(source: Source) -> set[tuple[str, str]]:
    """Areas graded once only in a source, at one time: "Well-led: Requires improvement"
    and nothing else of well-led."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for claim in source.claims:
        graded = _graded(claim)
        if graded:
            counts[graded] += 1
    return {graded for graded, n in counts.items() if n == 1}


def _headline(source: Source, claim: Claim) -> bool:
    """A sentence with no closing stop, opening the text: a headline or standfirst."""
    sentence = source.sentences[claim.sentence]
    return sentence.paragraph == 0 and not sentence.text.rstrip().endswith(_STOPS)


_STOPS = (".", "!", "?", "”", '"')


def _headline_repeats(source: Source) -> set[int]:
    """Headline grades the body gives again: the body's grade is the one to differ."""
    grades = [(k, c) for k, c in enumerate(source.claims) if isinstance(c, Rating)]
    in_body = {(c.grade, c.subject) for _, c in grades if not _headline(source, c)}
    return {k for k, c in grades if _headline(source, c) and (c.grade, c.subject) in in_body}


def _quote_candidates(a: Source, b: Source, settings: Settings) -> list[_Candidate]:
    a_quotes = [(i, c) for i, c in enumerate(a.claims) if isinstance(c, Quote)]
    b_quotes = [(j, c) for j, c in enumerate(b.claims) if isinstance(c, Quote)]
    if not a_quotes or not b_quotes:
        return []
    b_words = [words_for_match(q.text) for _, q in b_quotes]
    index: dict[str, list[int]] = defaultdict(list)
    for k, words in enumerate(b_words):
        for word in set(words) - STOPWORDS:
            index[word].append(k)
    found: list[_Candidate] = []
    for i, qa in a_quotes:
        words = words_for_match(qa.text)
        # partial_ratio is costly, so only quotes sharing a content word are scored.
        near = sorted({k for w in set(words) - STOPWORDS for k in index.get(w, ())})
        if not near:
            continue
        hits = process.extract(
            " ".join(words), [" ".join(b_words[k]) for k in near], scorer=fuzz.partial_ratio,
            limit=settings.shortlist, score_cutoff=50,
        )  # fmt: skip
        for _, _, n in hits:
            j, qb = b_quotes[near[n]]
            share = coverage(qa.text, qb.text)
            if share < settings.quote_pair_min:
                continue
            paraphrase = _paraphrase(a, qa) or _paraphrase(b, qb)
            if paraphrase and not verify(qa, qb, settings.quote_differ_min_words).agrees:
                continue  # a headline or crosshead in quote marks never differs
            # The words decide; the sentences around them break ties, so that a body quote
            # pairs with the body quote rather than the headline repeating it.
            around = _sentence_overlap(a, qa, b, qb)
            similarity = 0.9 * share + 0.1 * around
            if _headline(a, qa) != _headline(b, qb):
                similarity *= settings.headline_discount  # the body's quote first
            found.append(_Candidate(i, j, similarity, share >= 0.999))
    return found


def _paraphrase(source: Source, quote: Quote) -> bool:
    """A quote in a headline or crosshead: news shortens these ("too frightened to leave
    cells"), so they may agree with the words in full but are never told to differ."""
    return _before_the_body(source, quote) or _crosshead(source, quote)


def _before_the_body(source: Source, claim: Claim) -> bool:
    """In a line with no closing stop, before any sentence has one: a headline, perhaps
    under a slug line."""
    return not any(s.text.rstrip().endswith(_STOPS) for s in source.sentences[: claim.sentence + 1])


def _crosshead(source: Source, quote: Quote) -> bool:
    """A short quote that is the whole of its line and no sentence: a headline or a
    crosshead, not a paragraph of someone's words."""
    sentence = source.sentences[quote.sentence].text.strip()
    words = quote.text.split()
    unfinished = not quote.text.rstrip().endswith((".", "!", "?"))
    return len(sentence) <= len(quote.text) + 4 and len(words) <= _CROSSHEAD_WORDS and unfinished


_CROSSHEAD_WORDS = 12  # words a headline or crosshead quote runs to at most


def _sentence_overlap(a: Source, qa: Quote, b: Source, qb: Quote) -> float:
    words_a = sorted(set(_stems(a.sentences[qa.sentence].text)))
    words_b = sorted(set(_stems(b.sentences[qb.sentence].text)))
    return Indel.normalized_similarity(words_a, words_b)


def _written_as(figure: Figure) -> str:
    return "number" if figure.form == "total" else figure.form  # "the 40" in "12 of the 40"


def _exact(a: Claim, b: Claim) -> bool:
    """The same value in the same unit, told the same way round, of a thing not named
    otherwise: "28% said they did not" is not the lead candidate for "28 per cent of the
    workforce", nor "four areas for improvement" for "four requirements"."""
    return (
        isinstance(a, Figure)
        and isinstance(b, Figure)
        and (a.value, a.unit, _written_as(a)) == (b.value, b.unit, _written_as(b))
        and a.low == b.low
        and a.high == b.high
        and ("not" in a.marks) == ("not" in b.marks)
        and not noun_clash(a, b)
    )


def _rank(cand: _Candidate, lead: float) -> tuple[float, int, int]:
    """Most similar first, with a lead for the same value in the same unit ("45 per cent"
    pairs with "45%" before "about half"); ties go to earlier claims."""
    return (-(cand.similarity + (lead if cand.exact else 0.0)), cand.i, cand.j)


def _assign(
    candidates: Iterable[_Candidate],
    lead: float,
    reuse: Callable[[_Candidate, bool, bool], bool] | None = None,
) -> list[_Candidate]:
    """One-to-one, in the order of `_rank`; `reuse` may let a claim already paired pair
    again, told which of the two sides is taken."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: _rank(c, lead)):
        taken_a, taken_b = cand.i in used_a, cand.j in used_b
        if (taken_a or taken_b) and not (reuse and reuse(cand, taken_a, taken_b)):
            continue
        used_a.add(cand.i)
        used_b.add(cand.j)
        chosen.append(cand)
    return chosen


def _assign_quotes(
    candidates: Iterable[_Candidate], a: Source, b: Source, lead: float
) -> list[_Candidate]:
    """As `_assign`, except that a quote already paired may also take a shorter quote
    that sits inside it: one outlet runs a passage whole, the other in two fragments."""

    def longer_taken(cand: _Candidate, taken_a: bool, taken_b: bool) -> bool:
        size_a, size_b = len(a.claims[cand.i].text), len(b.claims[cand.j].text)
        return not (taken_a and taken_b) and (size_a >= size_b if taken_a else size_b >= size_a)

    return _assign(candidates, lead, longer_taken)


def pair_claims(a: Source, b: Source, settings: Settings) -> list[Pair]:
    """The pairs of claims that state the same fact, ordered by their position in A.

    Agreement is settled first: figures and ratings that agree, quotes, quotes found in
    the other source's own text, and totals given as parts. Only the claims left over
    may then pair as differing, so that an equal value is never taken for a discrepancy.
    """
    candidates = _outweighed_agreements_dropped(_candidates(a, b, settings), a, b, settings)
    chosen = _assign([c for c in candidates if c.agrees], settings.exact_lead)
    chosen += _assign_quotes(_quote_candidates(a, b, settings), a, b, settings.exact_lead)
    pairs = [Pair(a.claims[c.i], b.claims[c.j], round(c.similarity, 3)) for c in chosen]
    used_a, used_b = {c.i for c in chosen}, {c.j for c in chosen}
    pairs += _passage_pairs(a, b, used_a, used_b, settings)
    pairs += _sum_pairs(a, b, used_a, used_b, settings)
    pairs += _earlier_inspection_pair(a, b, used_a, used_b)
    pairs += _change_pairs(a, b, pairs, used_a, used_b)
    # A headline grade the body repeats never differs: the body's grade does.
    skip_a, skip_b = used_a | _headline_repeats(a), used_b | _headline_repeats(b)
    left = [c for c in candidates if not c.agrees and c.i not in skip_a and c.j not in skip_b]
    pairs += [
        Pair(a.claims[c.i], b.claims[c.j], round(c.similarity, 3))
        for c in _assign(left, settings.exact_lead)
    ]
    return sorted(pairs, key=lambda p: (p.a.start, p.b.start))


def _outweighed_agreements_dropped(
    candidates: list[_Candidate], a: Source, b: Source, settings: Settings
) -> list[_Candidate]:
    """A figure whose agreeing partner shares little of its sentence, while a figure of the
    same named thing in an all but matching sentence disagrees with it ("38% of women said
    they felt unsafe" against "more than a third of women released" and "A quarter of
    women told inspectors they felt unsafe"): the close sentence is the one it states."""
    best: dict[tuple[str, int], float] = defaultdict(float)
    for c in candidates:
        fa, fb = a.claims[c.i], b.claims[c.j]
        if c.agrees or not isinstance(fa, Figure) or not isinstance(fb, Figure):
            continue
        if same_thing(fa, fb) is True:
            best["a", c.i] = max(best["a", c.i], c.similarity)
            best["b", c.j] = max(best["b", c.j], c.similarity)
    margin = settings.differ_outweighs_agree
    return [
        c
        for c in candidates
        if not c.agrees
        or not isinstance(a.claims[c.i], Figure)
        or max(best["a", c.i], best["b", c.j]) < c.similarity + margin
    ]


_TO_LATER = regex.compile(r"\bto\s+(?:about\s+|around\s+|just\s+|only\s+)?$", regex.IGNORECASE)
_CHANGE_REACH = 40  # characters from an earlier value to the "to" of its later one


def _later_value(source: Source, by_sentence: dict[int, list[int]], earlier: Figure) -> int | None:
    """In "fell from 640 two years ago to 215", the index of 215, given 640."""
    for k in by_sentence.get(earlier.sentence, ()):
        claim = source.claims[k]
        near = earlier.end < claim.start <= earlier.end + _CHANGE_REACH
        if near and _TO_LATER.search(source.clean, earlier.end, claim.start):
            return k
    return None


def _figures_by_sentence(source: Source) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for k, claim in enumerate(source.claims):
        if isinstance(claim, Figure):
            found[claim.sentence].append(k)
    return found


def _change_pairs(
    a: Source, b: Source, pairs: list[Pair], used_a: set[int], used_b: set[int]
) -> list[Pair]:
    """Two changes from one agreed earlier value: their later values state the same fact
    ("fell from 640 to 215" and "fell from 640 to 251")."""
    found: list[Pair] = []
    index_a, index_b = _figures_by_sentence(a), _figures_by_sentence(b)
    for pair in pairs:
        fa, fb = pair.a, pair.b
        if not (isinstance(fa, Figure) and isinstance(fb, Figure)):
            continue
        if "before" not in fa.marks or "before" not in fb.marks:
            continue
        i, j = _later_value(a, index_a, fa), _later_value(b, index_b, fb)
        if i is None or j is None or i in used_a or j in used_b:
            continue
        later_a, later_b = a.claims[i], b.claims[j]
        if compatible(later_a, later_b) and may_differ(later_a, later_b):
            used_a.add(i)
            used_b.add(j)
            found.append(Pair(later_a, later_b, pair.similarity))
    return found


def _plain_count(claim: Claim) -> bool:
    """A count or a sum of money: what a total and its parts can be."""
    if not isinstance(claim, Figure):
        return False
    return (claim.unit is None and claim.form == "number") or claim.form == "money"


def _sum_pairs(
    a: Source, b: Source, used_a: set[int], used_b: set[int], settings: Settings
) -> list[Pair]:
    """A total in one source that the other gives as parts: "18" and "14 ... and 4"."""
    pairs: list[Pair] = []
    for totals, t_used, parts, p_used, a_side in ((a, used_a, b, used_b, True),
                                                  (b, used_b, a, used_a, False)):  # fmt: skip
        groups: dict[int, list[Figure]] = defaultdict(list)
        for k, claim in enumerate(parts.claims):
            if k not in p_used and _plain_count(claim) and isinstance(claim, Figure):
                groups[claim.sentence].append(claim)
        for k, total in enumerate(totals.claims):
            if k in t_used or not _plain_count(total) or not isinstance(total, Figure):
                continue
            found = _parts_for(total, totals, groups, parts, settings)
            if found is None:
                continue
            summed, similarity = found
            t_used.add(k)
            p_used.update(j for j, c in enumerate(parts.claims)
                          if c.sentence == summed.sentence and summed.start <= c.start < summed.end)  # fmt: skip
            pairs.append(Pair(total, summed, similarity) if a_side
                         else Pair(summed, total, similarity))  # fmt: skip
    return pairs


def _parts_for(
    total: Figure,
    totals: Source,
    groups: dict[int, list[Figure]],
    parts: Source,
    settings: Settings,
) -> tuple[Figure, float] | None:
    here = sorted(set(_stems(totals.sentences[total.sentence].text)))
    for sentence, figures in sorted(groups.items()):
        for size in range(len(figures), 1, -1):
            for first in range(len(figures) - size + 1):
                run = figures[first : first + size]
                if any(f.unit != total.unit for f in run) or not _adds_up(total, run, settings):
                    continue
                there = sorted(set(_stems(parts.sentences[sentence].text)))
                similarity = Indel.normalized_similarity(here, there)
                if similarity >= settings.pair_agree_min:
                    return _summed(run, parts), round(similarity, 3)
    return None


def _adds_up(total: Figure, run: list[Figure], settings: Settings) -> bool:
    """The parts make the total: exactly, or within the total's hedge ("almost £1.6m" and
    "£1.2m ... and £380,000")."""
    value = sum(f.value for f in run)
    if total.hedge in _ROUGHLY:
        return values_agree(total, replace(total, value=value, hedge=None, text=""), settings)
    return value == total.value and total.hedge in (None, "only", "just")


# Hedges a total told as parts may carry; a bound ("more than 400") says too little.
_ROUGHLY = {"about", "around", "roughly", "approximately", "some", "an estimated", "nearly",
            "almost", "just under"}  # fmt: skip


def _summed(run: list[Figure], source: Source) -> Figure:
    first, last = run[0], run[-1]
    return Figure(
        text=source.clean[first.start : last.end], start=first.start, end=last.end,
        line=first.line, sentence=first.sentence, value=sum(f.value for f in run),
        unit=first.unit,
        counts=" + ".join(f"{f.text} {f.counts or ''}".strip() for f in run), noun=None,
        form="sum",
    )  # fmt: skip


def _earlier_inspection(claim: Claim) -> bool:
    """A year given for an earlier inspection: "our last inspection in 2022"."""
    return (
        isinstance(claim, Figure)
        and claim.unit == "date"
        and claim.noun == "inspection"
        and "earlier" in claim.modifiers
    )


def _earlier_inspection_pair(
    a: Source, b: Source, used_a: set[int], used_b: set[int]
) -> list[Pair]:
    """The earlier inspection's year in each source, when each gives only one such year.

    News rarely repeats the words around it ("previously rated good, in 2021" against "at
    our last inspection in 2022"), so the context alone seldom pairs the two.
    """
    years_a = {c.value for c in a.claims if _earlier_inspection(c)}
    years_b = {c.value for c in b.claims if _earlier_inspection(c)}
    if len(years_a) != 1 or len(years_b) != 1:
        return []
    free_a = [i for i, c in enumerate(a.claims) if _earlier_inspection(c) and i not in used_a]
    free_b = [j for j, c in enumerate(b.claims) if _earlier_inspection(c) and j not in used_b]
    if not free_a or not free_b:
        return []
    i, j = free_a[0], free_b[0]
    used_a.add(i)
    used_b.add(j)
    ca, cb = a.claims[i], b.claims[j]
    here = sorted(set(_stems(a.sentences[ca.sentence].text)))
    there = sorted(set(_stems(b.sentences[cb.sentence].text)))
    return [Pair(ca, cb, round(Indel.normalized_similarity(here, there), 3))]


def _passage_pairs(
    a: Source, b: Source, used_a: set[int], used_b: set[int], settings: Settings
) -> list[Pair]:
    """Unpaired quotes whose words the other source carries as its own, unquoted, text."""
    pairs: list[Pair] = []
    for quotes, used, other, a_side in ((a, used_a, b, True), (b, used_b, a, False)):
        index: PassageIndex | None = None
        report: bool | None = None
        for k, claim in enumerate(quotes.claims):
            if k in used or not isinstance(claim, Quote):
                continue
            index = index or PassageIndex(other)
            found = index.find(claim, settings)
            if found is None or _inside_a_quote(found.passage, other):
                continue
            report = reads_as_report(other) if report is None else report
            passage = found.passage
            if report and _voiced_by_report(claim, quotes, settings):
                passage = replace(passage, speaker_key=INSTITUTION, note="the report's own words")
            similarity = round(found.coverage, 3)
            pairs.append(Pair(claim, passage, similarity) if a_side
                         else Pair(passage, claim, similarity))  # fmt: skip
    return pairs


def _voiced_by_report(quote: Quote, source: Source, settings: Settings) -> bool:
    """Whether words found in the report's own prose are, as quoted, the report speaking:
    a long quote, not put in the mouth of someone from the inspectorate (a chief inspector
    may sign the words of a report)."""
    if len(words_for_match(quote.text)) < settings.passage_speaker_min_words:
        return False
    if quote.speaker_key in (None, INSTITUTION) or not quote.speaker:
        return True
    if from_inspectorate(quote.speaker, quote.attribution):
        return False
    name = quote.speaker_key.removeprefix("role:")
    return not any(_named_with_inspectorate(name, _unquoted(s, source)) for s in source.sentences)


_ROLE_REACH = 50  # characters either side of a name where its inspectorate role is told


def _named_with_inspectorate(name: str, text: str) -> bool:
    """ "Gareth Lomond, the chief inspector of prisons": a name told with an inspectorate
    role on the same line, close by, not a slug line that happens to name both."""
    lower = text.lower()
    at = lower.find(name)
    while at >= 0:
        lo, hi = max(0, at - _ROLE_REACH), min(len(text), at + len(name) + _ROLE_REACH)
        line_lo = text.rfind("\n", lo, at) + 1 or lo
        line_hi = text.find("\n", at, hi)
        if INSPECTORATE.search(text, max(lo, line_lo), hi if line_hi < 0 else line_hi):
            return True
        at = lower.find(name, at + 1)
    return False


def _unquoted(sentence: Sentence, source: Source) -> str:
    """A sentence's own words, with what it quotes blanked out."""
    text = list(source.clean[sentence.start : sentence.end])
    for claim in source.claims:
        if isinstance(claim, Quote) and claim.start < sentence.end and claim.end > sentence.start:
            for at in range(max(claim.start, sentence.start), min(claim.end, sentence.end)):
                text[at - sentence.start] = " "
    return "".join(text)


def _inside_a_quote(passage: Quote, source: Source) -> bool:
    """A passage inside one of the source's own quotes was already tried as a quote."""
    return any(
        isinstance(c, Quote) and c.start <= passage.start and passage.end <= c.end
        for c in source.claims
    )


def align_sentences(a: Source, b: Source, settings: Settings) -> list[Alignment]:
    """Sentences of A and B that correspond: mutual best matches above `align_min`."""
    a_text = [tuple(sorted(set(_stems(s.text)))) for s in a.sentences]
    b_text = [tuple(sorted(set(_stems(s.text)))) for s in b.sentences]
    best_b = _best_matches(a_text, b_text, settings)
    best_a = _best_matches(b_text, a_text, settings)
    found = []
    for i, (j, score) in best_b.items():
        if best_a.get(j, (-1, 0.0))[0] == i and score >= settings.align_min:
            found.append(Alignment(i, j, round(score, 3)))
    return found


def _best_matches(
    queries: Sequence[tuple[str, ...]], choices: Sequence[tuple[str, ...]], settings: Settings
) -> dict[int, tuple[int, float]]:
    index: dict[str, list[int]] = defaultdict(list)
    for j, words in enumerate(choices):
        for word in words:
            index[word].append(j)
    best: dict[int, tuple[int, float]] = {}
    for i, words in enumerate(queries):
        hits: dict[int, int] = defaultdict(int)
        for word in words:
            postings = index.get(word, ())
            if len(postings) > 50:
                continue  # too common to tell sentences apart
            for j in postings:
                hits[j] += 1
        shortlist = sorted(hits, key=lambda j: (-hits[j], j))[: settings.shortlist]
        if not shortlist:
            continue
        scored = process.extract(
            words, [choices[j] for j in shortlist], scorer=Indel.normalized_similarity, limit=1
        )
        _, score, k = scored[0]
        best[i] = (shortlist[k], score)
    return best
