"""Length-preserving text folding, so that offsets in folded text are offsets in the original."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = {
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in _PUNCT.items()}
    for code in range(0x80, 0x250):
        char = chr(code)
        if code in table:
            continue
        base = unicodedata.normalize("NFKD", char)[:1].lower()
        if base and base.isascii() and len(base) == 1:
            table[code] = base
    return table


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lower-case, strip diacritics and unify quotes, dashes and spaces, one character for one character."""
    lowered = text.replace("\u0130", "I").lower()  # "İ" is the one letter whose lower case is two characters
    if lowered.isascii():
        return lowered
    table = _fold_table()
    for char in set(_NON_ASCII.findall(lowered)):  # a text holds few distinct ones: one replace for each
        folded = table.get(ord(char))
        if folded is not None:
            lowered = lowered.replace(char, folded)
    return lowered


@lru_cache(maxsize=4096)
def _folded_byte(char: str) -> int:
    """The byte ``fold_ascii`` reads for a character that is not ASCII."""
    folded = fold(char)
    return ord(folded) if folded.isascii() else ord("?")


def fold_ascii(text: str) -> bytes:
    """``fold(text)`` as one byte per character, ``?`` for a character that does not fold to ASCII.

    Quicker than ``fold`` on long texts that are mostly ASCII, for byte searches whose offsets are the text's.
    Each character folds alone here: only a capital sigma lower-cases by its neighbours, to a Greek letter."""
    view = bytearray(text.encode("ascii", "replace").lower())
    unknown = view.find(b"?")
    while unknown >= 0:
        char = text[unknown]
        if char != "?":
            view[unknown] = _folded_byte(char)
        unknown = view.find(b"?", unknown + 1)
    return bytes(view)


def fold_key(text: str) -> str:
    """A lookup key for a name: folded, with runs of spaces collapsed and the ends trimmed."""
    return " ".join(fold(text).split())


def initials(alternatives: str) -> str:
    """A look-ahead on the letters that open a regex's ``alternatives`` ("said|told" → ``(?=[st])``).

    Put before ``(?:alternatives)``, it lets the regex engine pass over most words after one test instead of
    trying every alternative in turn; it never rules out a match. Every alternative must open with a letter
    that is not optional."""
    parts = alternatives.split("|")  # an inner "|" only adds letters, which is harmless
    if not all(p[:1].isalpha() and p[1:2] not in ("?", "*", "{") for p in parts):
        raise ValueError(f"an alternative does not open with a plain letter: {alternatives!r}")
    return "(?=[" + "".join(sorted({p[0] for p in parts})) + "])"
