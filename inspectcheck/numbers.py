"""Reading numbers written the way UK news writes them: digits, words, fractions."""

from __future__ import annotations

import regex

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
MULTIPLIERS = {
    "k": 1_000, "thousand": 1_000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000,
    "bn": 1_000_000_000, "billion": 1_000_000_000,
}  # fmt: skip
FRACTIONS = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
    "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "sixth": 1 / 6, "sixths": 1 / 6,
    "tenth": 1 / 10, "tenths": 1 / 10,
}  # fmt: skip

_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
WORD_NUMBER = (
    rf"(?:(?:a|two|three|four|five|six)\s+dozen|(?:{_WORD})(?:[- ](?:{_WORD}))?"
    rf"(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:{_WORD})(?:[- ](?:{_WORD}))?)?)*)"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
FRACTION = (
    r"(?:(?:a|one)[- ](?:half|third|quarter|fifth|sixth|tenth)"
    r"|(?:two|three|four)[- ](?:thirds|quarters|fifths|tenths)|half)"
)


_SPELLED = regex.compile(
    rf"\b{WORD_NUMBER}\b(?![-\s](?:half|halves|thirds?|quarters?|fifths?|sixths?|tenths?)\b)",
    regex.IGNORECASE,
)


_DOZEN = regex.compile(r"(a|two|three|four|five|six)\s+dozen")
_DIGITS = regex.compile(DIGITS)
_WORD_BREAK = regex.compile(r"[\s-]+")
_DECIMALS = regex.compile(r"\.(\d+)")


def digits_for_words(text: str) -> str:
    """A copy of `text` with spelled-out numbers written as zero-padded digits.

    "twenty-three cases" becomes "000000000023 cases": the copy keeps every offset, so
    patterns need only match digits, and a match maps straight back onto the words.
    """
    pieces: list[str] = []
    last = 0
    for m in _SPELLED.finditer(text):
        value = parse_number(m.group())
        if value is None or len(str(int(value))) > len(m.group()):
            continue
        pieces.append(text[last : m.start()])
        pieces.append(str(int(value)).rjust(len(m.group()), "0"))
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


def parse_number(text: str) -> float | None:
    """Value of a digit or word number, or None when it is not one."""
    text = text.strip().lower()
    if _DIGITS.fullmatch(text):
        return float(text.replace(",", ""))
    dozen = _DOZEN.fullmatch(text)
    if dozen:
        count = dozen.group(1)
        return 12.0 * (1 if count == "a" else _UNITS[count])
    return _parse_words(text)


def _parse_words(text: str) -> float | None:
    total = 0
    current = 0
    seen = False
    for word in _WORD_BREAK.split(text):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def parse_fraction(text: str) -> float | None:
    """Value of "a third", "two-thirds", "half" as a proportion between 0 and 1."""
    words = _WORD_BREAK.split(text.strip().lower())
    if words == ["half"]:
        return 0.5
    if len(words) != 2 or words[1] not in FRACTIONS:
        return None
    count = 1.0 if words[0] in ("a", "one") else parse_number(words[0])
    return None if count is None else count * FRACTIONS[words[1]]


def decimals(text: str) -> int:
    """Digits after the decimal point as written: the figure's stated precision."""
    match = _DECIMALS.search(text)
    return len(match.group(1)) if match else 0
