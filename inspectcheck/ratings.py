"""Extract stage for inspection ratings: a sentence -> Rating claims with their subject."""

from __future__ import annotations

from collections.abc import Callable

import regex

from .records import Rating, Sentence

_GRADES = {
    "outstanding": "outstanding",
    "exceptional": "exceptional",
    "excellent": "excellent",
    "very good": "very good",
    "reasonably good": "reasonably good",
    "not sufficiently good": "not sufficiently good",
    "good": "good",
    "adequate": "adequate",
    "requires improvement": "requires improvement",
    "require improvement": "requires improvement",
    "requiring improvement": "requires improvement",
    "needs attention": "needs attention",
    "urgent improvement": "urgent improvement",
    "strong standard": "strong standard",
    "expected standard": "expected standard",
    "inadequate": "inadequate",
    "poor": "poor",
    "weak": "weak",
    "unsatisfactory": "unsatisfactory",
    "special measures": "special measures",
    "serious weaknesses": "serious weaknesses",
}
_GRADE = "|".join(regex.escape(g) for g in sorted(_GRADES, key=len, reverse=True))
_Q = r"[\"“”‘’']?"
_TRIGGER = (
    r"(?:rated|re-rated|graded|judged|assessed|deemed|ranked|branded|labelled|classed|"
    r"declared|found\s+to\s+be|given\s+an?|received\s+an?|awarded\s+an?|"
    r"(?:retained|kept|keeps|keep|retains|achieved|achieves|earned|lost|losing)\s+(?:its|their|the|an?)|"
    r"rating\s+(?:of|was|is|remains|as)|grade\s+(?:of|was|is))"
)
_FORMS = [
    # "was rated inadequate", "judged 'requires improvement'", "given a good rating"
    regex.compile(
        rf"\b{_TRIGGER}\s+(?:as\s+)?(?:an?\s+)?(?:overall\s+)?{_Q}(?P<g>{_GRADE}){_Q}(?=[\s,.;:)]|$)",
        regex.IGNORECASE,
    ),
    # "an 'inadequate' rating", "its good rating", "a requires improvement grade"
    regex.compile(
        rf"\b(?:an?|its|their|the)\s+(?:overall\s+)?{_Q}(?P<g>{_GRADE}){_Q}\s+(?:overall\s+)?(?:rating|grade|judgement)\b",
        regex.IGNORECASE,
    ),
    # "remains in special measures", "placed into special measures"
    regex.compile(r"\b(?:in|into|out\s+of)\s+(?P<g>special\s+measures)\b", regex.IGNORECASE),
    # "improved from inadequate to requires improvement", "downgraded from good to inadequate"
    regex.compile(
        rf"\b(?:from\s+{_Q}(?P<was>{_GRADE}){_Q}\s+to|to)\s+{_Q}(?P<g>{_GRADE}){_Q}(?=[\s,.;:)]|$)",
        regex.IGNORECASE,
    ),
    # a following grade in a list: "good for caring but inadequate for safety"
    regex.compile(
        rf"(?:,|\bbut|\band|\bwhile|\bwith)\s+(?:was\s+|were\s+|as\s+)?{_Q}(?P<g>{_GRADE}){_Q}\s+(?=(?:for|in|on)\s)",
        regex.IGNORECASE,
    ),
]
_CHANGE_CONTEXT = regex.compile(
    r"\b(?:improved|improving|moved|moving|rose|risen|upgraded|downgraded|dropped|fell|fallen|"
    r"slipped|went|gone|climbed|lifted|raised|lowered|changed)\b[^.;]{0,40}$",
    regex.IGNORECASE,
)
_SUBJECT_AFTER = regex.compile(
    rf"^{_Q}\s+(?:overall\s+)?(?:rating\s+|grade\s+)?(?:for|in|on)\s+(?:being\s+|how\s+|the\s+|its\s+|whether\s+(?:it\s+is\s+)?)?"
    rf"{_Q}(?P<s>[\p{{L}}-]+(?:\s+(?:and\s+)?[\p{{L}}-]+){{0,3}}?){_Q}"
    r"(?=\s*(?:$|[,.;:)]|\s(?:but|and|while|category|domain|question|area|section|key|services?)\b))",
    regex.IGNORECASE,
)
_SUBJECT_BEFORE = regex.compile(
    r"(?P<det>its|their|the)\s+(?P<s>[\p{L}-]+(?:\s+[\p{L}-]+){0,3}?)\s+(?:area\s+|domain\s+|category\s+|section\s+)?"
    r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|remains|remained)\s+(?:also\s+)?(?:rated|graded|judged|found|deemed|assessed)[^.;]{0,12}$",
    regex.IGNORECASE,
)
_SUBJECT_SYNONYMS = {
    "safety": "safe", "being safe": "safe", "well led": "well-led", "well-led": "well-led",
    "effectiveness": "effective", "responsiveness": "responsive", "care": "caring",
    "overall effectiveness": "overall", "whole": "overall",
}  # fmt: skip
# Areas graded on their own. "The trust was rated ..." grades the whole provider instead.
_AREAS = frozenset(
    {
        "safe", "effective", "caring", "responsive", "well-led", "leadership", "safeguarding",
        "leadership and management", "quality of education", "behaviour and attitudes",
        "personal development", "early years", "sixth form provision", "preventing crime",
        "investigating crime", "responding to the public", "protecting vulnerable people",
    }
)  # fmt: skip
_NOT_SUBJECTS = frozenset(
    {"the", "a", "an", "its", "their", "overall", "most", "some", "all", "part"}
)


def _subject(text: str, sentence: Sentence, start: int, end: int) -> str:
    after = _SUBJECT_AFTER.match(text[end : sentence.end])
    if after:
        return _normalise_subject(after.group("s"))
    before = _SUBJECT_BEFORE.search(text[sentence.start : start])
    if before and before.group("s").lower() not in _NOT_SUBJECTS:
        subject = _normalise_subject(before.group("s"))
        if before.group("det").lower() != "the" or subject in _AREAS:
            return subject
    return "overall"


def _normalise_subject(subject: str) -> str:
    subject = " ".join(subject.lower().split())
    subject = regex.sub(r"^(?:the|its|their|being)\s+", "", subject)
    return _SUBJECT_SYNONYMS.get(subject, subject)


def extract_ratings(text: str, sentence: Sentence, line_of: Callable[[int], int]) -> list[Rating]:
    """Graded judgements in one sentence; a grade word alone ("good work") is not one."""
    found: dict[int, Rating] = {}
    for form in _FORMS:
        for m in form.finditer(text, sentence.start, sentence.end, timeout=1.0):
            subject = _subject(text, sentence, m.start("g"), m.end("g"))
            for group, when in (("was", " (before)"), ("g", "")):
                if group not in form.groupindex or m.start(group) < 0 or m.start(group) in found:
                    continue
                if (
                    group == "g"
                    and m.group(0).lower().startswith("to")
                    and not _CHANGE_CONTEXT.search(text[sentence.start : m.start()])
                ):
                    continue
                start, end = m.span(group)
                found[start] = Rating(
                    text=text[start:end],
                    start=start,
                    end=end,
                    line=line_of(start),
                    sentence=sentence.index,
                    grade=_GRADES[" ".join(m.group(group).lower().split())],
                    subject=subject + when,
                )
    return [found[k] for k in sorted(found)]
