"""Cardinal numbers written in digits or English words ("1,200", "twenty-one", "a dozen")."""

from __future__ import annotations

import re

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_WORD_VALUES = {**_UNITS, **_TEENS, **_TENS}
NUMBER_WORDS = frozenset(_WORD_VALUES)
"""Lower-case words that are numbers by themselves ("one" ... "ninety")."""

_UNIT = "|".join(_UNITS)
_SMALL = rf"(?:(?:{'|'.join(_TENS)})(?:(?:-|\s)(?:{_UNIT}))?|{'|'.join(_TEENS)}|{_UNIT})"
_HUNDREDS = rf"(?:(?:a|{_SMALL})\s+hundred(?:\s+(?:and\s+)?{_SMALL})?)"
_SCALED = (
    rf"(?:(?:a|{_HUNDREDS}|{_SMALL})\s+(?:thousand|million)(?:\s+(?:and\s+)?(?:{_HUNDREDS}|{_SMALL}))?"
    rf"|{_HUNDREDS})"
)
_DOZEN = rf"(?:(?:half\s+a|a|{_UNIT})\s+dozen)"
# Digits, but never a bare year (1900-2099), a decimal, a time, an ordinal or part of "12-year-old".
_DIGITS = r"(?<![\w$€£.,:/-])(?!(?:19|20)\d\d\b)(?>\d{1,3}(?:,\d{3})+|\d+)(?![.,:/]\d)"

NUMBER_PATTERN = (
    rf"(?:{_DIGITS}|\b(?:{_DOZEN}|{_SCALED}|{_SMALL})\b)"
    r"(?![-–]?[^\W\d_])(?!\s*(?:%|per\s*cent\b|percent\b))"
)
"""Regex source (use with re.IGNORECASE) for one cardinal number in digits or words."""

NUMBER_RE = re.compile(NUMBER_PATTERN, re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s-]+")


def parse_number(text: str) -> int | None:
    """Value of a number matched by NUMBER_PATTERN ("1,200" -> 1200, "two hundred and five" -> 205)."""
    cleaned = text.strip().lower().replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    words = _SEPARATORS.split(cleaned)
    if not words or words == [""]:
        return None
    if words[-1] == "dozen":
        head = " ".join(words[:-1])
        factor = {"a": 1, "half a": 0.5}.get(head) or _UNITS.get(head)
        return int(12 * factor) if factor else None
    total = current = 0
    for word in words:
        if word in ("and", "a"):
            current = current or (1 if word == "a" else 0)
        elif word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] > 100:
                total, current = total + current, 0
        else:
            return None
    return total + current or None
