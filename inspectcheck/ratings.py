"""Extract stage for inspection ratings: a sentence -> Rating claims with their subject.

A grade word alone ("good work", "poor lighting") is not a rating: a rating needs a
grading verb or frame ("was rated inadequate", "an 'outstanding' rating", "requires
improvement at investigating crime"). The subject is what is graded. When it cannot be
told, the subject is "?", and such a rating may agree with another but never differ.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from .records import Rating, Sentence

UNKNOWN_SUBJECT = "?"
_GRADES = {
    "outstanding": "outstanding",
    "exceptional": "exceptional",
    "excellent": "excellent",
    "very good": "very good",
    "reasonably good": "reasonably good",
    "not sufficiently good": "not sufficiently good",
    "good": "good",
    "adequate": "adequate",
    "requires improvement to be good": "requires improvement",
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
_CONCERNS = {"special measures", "serious weaknesses"}
_GRADE = "|".join(regex.escape(g) for g in sorted(_GRADES, key=len, reverse=True))
_Q = r"[\"“”‘’']?"
_END = r"(?=[\s,.;:)’”'\"]|$)"
_NOT_FIRST = r"(?!(?:was|were|is|are|be|been|to|either|or|not|as)\b)"
_NOT_LATER = r"(?!(?:was|were|is|are|be|been|or|as)\b)"
_OBJ = rf"(?:(?P<obj>{_NOT_FIRST}[\p{{L}}’'-]+(?:\s+{_NOT_LATER}[\p{{L}}’'-]+){{0,5}}?)\s+)?"
_TRIGGER = (
    r"(?:rated|re-rated|graded|judged|assessed|deemed|ranked|branded|labelled|classed|declared"
    r"|found|considered|given\s+an?|received\s+an?|awarded\s+an?|gave\s+(?:it|the\s+\w+)\s+an?"
    r"|(?:retained|kept|keeps|retains|achieved|achieves|earned|lost)\s+(?:its|their|the|an?))"
)
_F = regex.IGNORECASE
_FORMS = [
    # "Inspectors gave leadership a good rating"
    regex.compile(
        rf"\bgave\s+(?P<obj>[\p{{L}}’'-]+(?:\s+[\p{{L}}’'-]+){{0,4}}?)\s+an?\s+{_Q}(?P<g>{_GRADE}){_Q}\s+(?:rating|grade){_END}",
        _F,
    ),
    # "was rated inadequate", "rated the home as good", "judged to be 'requires improvement'"
    regex.compile(
        rf"\b{_TRIGGER}\s+{_OBJ}(?:as\s+|to\s+be\s+)?(?:an?\s+)?(?:overall\s+)?{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
    # "an 'inadequate' rating", "its good rating"
    regex.compile(
        rf"\b(?:an?|its|their|the)\s+(?:overall\s+)?{_Q}(?P<g>{_GRADE}){_Q}\s+(?:overall\s+)?(?:rating|grade|judgement){_END}",
        _F,
    ),
    # "placed in special measures"
    regex.compile(r"\b(?:in|into|out\s+of)\s+(?P<g>special\s+measures|serious\s+weaknesses)\b", _F),
    # "improved from inadequate to requires improvement"
    regex.compile(rf"\bfrom\s+{_Q}(?P<was>{_GRADE}){_Q}\s+to\s+{_Q}(?P<g>{_GRADE}){_Q}{_END}", _F),
    # "good for caring but inadequate for safety": a grade continuing a list
    regex.compile(
        rf"(?:,|\bbut|\band|\bwhile|\bwhereas)\s+(?:was\s+|were\s+|as\s+)?{_Q}(?P<g>{_GRADE}){_Q}\s+(?=(?:for|at)\s)",
        _F,
    ),
    # "Safety was poor", "Purposeful activity was also rated poor": an area's grade
    _AREA_FORM := regex.compile(
        rf"\b(?:was|were|is|are|remains|remained|has\s+been|have\s+been)\s+(?:also\s+|still\s+|now\s+)?(?:rated\s+|judged\s+|graded\s+|found\s+to\s+be\s+)?(?:as\s+)?{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
    # "The force requires improvement at investigating crime"
    regex.compile(
        r"\b(?P<g>requires\s+improvement|require\s+improvement)\s+(?=(?:at|for|in)\s+\p{L})", _F
    ),
    # "Overall effectiveness: requires improvement to be good"
    regex.compile(
        rf"\b(?:overall(?:\s+effectiveness)?|overall\s+rating|rating|grade)\s*[:–—-]\s*{_Q}(?P<g>{_GRADE}){_Q}{_END}",
        _F,
    ),
]
# Areas that are graded on their own, across the inspectorates' frameworks.
AREAS = frozenset(
    {
        "safe", "effective", "caring", "responsive", "well-led", "leadership", "safeguarding",
        "leadership and management", "quality of education", "behaviour and attitudes",
        "personal development", "early years", "early years provision", "sixth form",
        "sixth form provision", "preventing crime", "investigating crime",
        "responding to the public", "protecting vulnerable people", "respect",
        "purposeful activity", "preparation for release", "rehabilitation and release planning",
        "care", "help and protection", "children in care", "care leavers", "inclusion",
        "achievement", "attendance", "curriculum", "staffing", "culture", "efficiency",
        "people", "governance", "responding to fires", "prevention", "protection",
    }
)  # fmt: skip
# A hospital's core services are graded apart from the hospital as a whole.
_CORE_SERVICE = regex.compile(
    r"\b(?:maternity|a&e|emergency\s+department|urgent\s+and\s+emergency\s+care|"
    r"critical\s+care|outpatients?|end\s+of\s+life\s+care|medical\s+care|"
    r"mental\s+health\s+services|children\s+and\s+young\s+people)\b",
    _F,
)
_SERVICE_NAMES = {
    "a&e": "urgent and emergency care",
    "emergency department": "urgent and emergency care",
}
_PROVIDERS = regex.compile(
    r"\b(?:trust|hospital|home|school|academy|force|constabulary|service|services|prison|council|"
    r"practice|surgery|unit|provider|college|nursery|institution|jail|centre|authority|pdu|"
    r"ward|department|it|they)\b",
    _F,
)
_SYNONYMS = {
    "safety": "safe", "being safe": "safe", "well led": "well-led", "effectiveness": "effective",
    "responsiveness": "responsive", "overall effectiveness": "overall",
    "outcomes for prisoners in safety": "safe", "the work to keep people safe": "safe",
    "keeping people safe": "safe", "early years provision": "early years",
    "sixth form provision": "sixth form", "services for care leavers": "care leavers",
    "services for children in care": "children in care", "behaviour": "behaviour and attitudes",
    "leadership and management": "leadership",
}  # fmt: skip
_AFTER = regex.compile(
    rf"{_Q}\s+(?:overall\s+)?(?:rating\s+|grade\s+)?(?P<prep>for|at|in|on)\s+"
    rf"(?:being\s+|how\s+(?:well\s+)?(?:it\s+)?|its\s+|their\s+|the\s+)?{_Q}"
    r"(?P<s>[\p{L}-]+(?:\s+[\p{L}-]+){0,5}?)"
    rf"{_Q}(?=\s*(?:$|[,.;:)]|\s(?:and\s+(?:{_GRADE})|but|while|whereas|with|after|when|because|since|by|following|category|domain|question|area|section|where|which)\b))",
    _F,
)
_BEFORE = regex.compile(
    r"(?:^|[,;:]\s*|\b(?:its|their|the|and|but)\s+)(?P<s>[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,5}?)\s+"
    r"(?:area\s+|domain\s+|category\s+|section\s+|test\s+)?"
    r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|remains|remained)\s+(?:also\s+|still\s+|now\s+)?"
    r"(?:rated|graded|judged|found|deemed|assessed)?[^.;]{0,14}$",
    _F,
)
_BEFORE_TIME = regex.compile(
    r"\b(?:previous(?:ly)?|last\s+inspect\w*|at\s+its\s+last|had\s+been\s+(?:rated|judged|graded)|"
    r"formerly|was\s+last|up\s+from|down\s+from|(?:in|since)\s+(?:19|20)\d\d,|"
    r"having\s+been\s+(?:rated|judged|graded|found))",
    _F,
)


def _normalise(subject: str) -> str:
    subject = " ".join(subject.lower().replace("’", "'").split())
    subject = regex.sub(
        r"^(?:when|where|while|after|as|since|but|and|yet|so|however)\s+", "", subject
    )
    subject = regex.sub(r"^providing\s+(\S+)\s+services$", r"\1", subject)  # CQC's GP wording
    subject = regex.sub(r"^[\p{L}\s-]*?'s\s+", "", subject)  # "the school's early years"
    subject = regex.sub(r"^(?:the|its|their|being|how\s+well\s+it\s+is)\s+", "", subject)
    return _SYNONYMS.get(subject, subject)


def _as_subject(phrase: str | None, loose: bool = True) -> str | None:
    """An area name, "overall" for the provider itself, or None when it is neither.

    `loose` also reads a capitalised name ("Lunefield Hospital") as the provider.
    """
    if not phrase:
        return None
    name = _normalise(phrase)
    head = _normalise(regex.split(r"\s+(?:at|in|of|for|across)\s+", name)[0])
    for candidate in (name, head):
        if candidate in AREAS or candidate in _SYNONYMS.values():
            return candidate
    if name in ("it", "they"):
        return None
    service = _CORE_SERVICE.search(name)
    if service:
        return _SERVICE_NAMES.get(service.group(0), service.group(0))
    if name == "overall" or _PROVIDERS.search(head):
        return "overall"
    if loose and regex.search(r"\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+$", phrase):
        return "overall"
    return None


_OVERALL = regex.compile(r"\boverall\b", _F)
_SOME_AREAS = regex.compile(
    r"\s+(?:in|for|across)\s+(?:\w+\s+){0,4}?(?:areas?|domains?|questions?|categories|tests?)\b", _F
)


def _subject(text: str, sentence: Sentence, m: regex.Match[str]) -> str:
    start, end = m.span("g")
    if m.group("g").lower() in _CONCERNS:
        return "concern"
    clause = text[sentence.start : start]
    strict = m.re is _AREA_FORM
    if strict and _as_subject(_before(clause), loose=False) is None:
        return UNKNOWN_SUBJECT  # "Staff were good at listening": not a graded subject
    after = _AFTER.match(text, end, sentence.end)
    if after and (
        after.group("prep").lower() in ("for", "at") or _normalise(after.group("s")) in AREAS
    ):
        return _normalise(after.group("s"))
    if _SOME_AREAS.match(text, end, sentence.end):
        return UNKNOWN_SUBJECT  # "inadequate in two of the five areas": which ones is unclear
    if _OVERALL.search(text, sentence.start, sentence.end):
        return "overall"
    obj = m.groupdict().get("obj")
    for phrase in (obj, _before(clause)):
        subject = _as_subject(phrase, loose=not strict)
        if subject:
            return subject
    return "overall" if _lead_provider(text, sentence) else UNKNOWN_SUBJECT


_RELATIVE = regex.compile(
    r",\s*(?:which|who|whose|where)\b.*,\s*(?=(?:has|have|had|was|were|is|are)\b[^,]*$)", _F
)


def _before(clause: str) -> str | None:
    """The subject named before the grading verb, skipping a ", which ...," clause."""
    m = _BEFORE.search(_RELATIVE.sub(" ", clause))
    return m.group("s") if m else None


def _lead_provider(text: str, sentence: Sentence) -> bool:
    """The sentence opens by naming the provider: "A primary school in Cresswick is ..."."""
    lead = " ".join(text[sentence.start : sentence.end].split()[:8])
    return not regex.match(r"(?:it|they|this|that|these|those)\b", lead, _F) and bool(
        _PROVIDERS.search(lead)
    )


_CLAUSE_BREAK = regex.compile(r"[,;:]\s+|\s+(?:but|while|whereas)\s+")
_TIME_CLAUSE = regex.compile(r"\s*(?:when|where|at\s+which|in\s+which)\b", _F)


def _in_scope(text: str, sentence: Sentence, at: int, markers: list[int]) -> bool:
    """Whether a time marker ("previously", "at its last inspection") governs the grade at
    `at`: it must sit in the grade's clause, or in the clause before one opening "when"."""
    if not markers:
        return False
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)]
    start = max((b for b in breaks if b <= at), default=sentence.start)
    end = min((b for b in breaks if b > at), default=sentence.end)
    if _TIME_CLAUSE.match(text, start, end):
        start = max((b for b in breaks if b < start), default=sentence.start)
    return any(start <= marker < end for marker in markers)


def extract_ratings(text: str, sentence: Sentence, line_of: Callable[[int], int]) -> list[Rating]:
    """Graded judgements in one sentence, each with what it grades and when."""
    found: dict[int, Rating] = {}
    earlier_at = [m.start() for m in _BEFORE_TIME.finditer(text, sentence.start, sentence.end)]
    for form in _FORMS:
        for m in form.finditer(text, sentence.start, sentence.end, timeout=1.0):
            if m.start("g") in found:
                continue
            subject = _subject(text, sentence, m)
            if subject == UNKNOWN_SUBJECT and form is _AREA_FORM:
                continue  # "Staff morale was good": a grade word, not a rating
            when = " (before)" if _in_scope(text, sentence, m.start("g"), earlier_at) else ""
            groups = (
                [("was", " (before)"), ("g", when)] if "was" in form.groupindex else [("g", when)]
            )
            for group, tag in groups:
                if m.start(group) < 0 or m.start(group) in found:
                    continue
                start, end = m.span(group)
                grade = _GRADES[" ".join(m.group(group).lower().split())]
                found[start] = Rating(
                    text=text[start:end], start=start, end=end, line=line_of(start),
                    sentence=sentence.index, grade=grade,
                    subject=subject + (tag if subject != UNKNOWN_SUBJECT else ""),
                )  # fmt: skip
    ratings = [found[k] for k in sorted(found)]
    # "requires improvement to be good" is one grade, not two.
    return [r for r in ratings if not any(o.start <= r.start and r.end <= o.end and o is not r
                                          for o in ratings)]  # fmt: skip
