"""Word-level helpers shared by the extract and pair stages."""

from __future__ import annotations

from functools import lru_cache

import regex

STOPWORDS = frozenset(
    """a an the and or but of to in on at by for with from as into onto over under than that this
    these those it its it's their there they them he she his her him we our us you your i me my
    is are was were be been being had has have having do does did done will would shall should
    can could may might must not no nor so such too very just only also about around more most
    less least few fewer many much some any each every all both either neither other another
    which who whom whose what when where while why how if then once up down out off again
    further yet still already even ever never now since until per within without across
    after before during between among through against toward towards upon via including
    said says say told added stated states state adds according found find finds report
    reported however though although because despite while whilst i.e e.g etc
    one two three four five six seven eight nine ten""".split()
)
_TOKEN = regex.compile(r"[\p{L}\d][\p{L}\d'’-]*")


def tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def normalise_noun(word: str) -> str:
    """Crude singular, lower-case form: enough to match "cases" with "case"."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s") or word.endswith("s'"):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Words news coverage uses interchangeably for the same thing in an inspection story.
_CANON = {
    "constabulary": "force", "watchdog": "inspectorate", "regulator": "inspectorate",
    "inspector": "inspectorate", "hmicfr": "inspectorate", "hmic": "inspectorate",
    "ofsted": "inspectorate", "cqc": "inspectorate", "review": "report", "document": "report",
    "progress": "improv", "children": "child", "youngster": "child", "pupil": "student",
    "attendance": "attend", "percent": "cent",
}  # fmt: skip


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem for context matching: plurals, common endings and synonyms folded."""
    word = normalise_noun(word)
    for suffix in ("ment", "ing", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return _CANON.get(word, word)


def content_words(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS and not t[0].isdigit()]
