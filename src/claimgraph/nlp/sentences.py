"""Sentence boundaries by rule: line breaks, and . ! ? before a capital unless after an abbreviation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt brig sgt st prof sen rep gov no vs etc jan "
    "feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m inc ltd co corp jr sr hon "
    "rev ft mt adm cmdr".split())
# the middle case is scraped text that lost the space after a full stop: "police said.Violence has …"
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|(?<=[a-z]{2})[.!?](?=[A-Z][a-z])|\n+")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_BOUNDARY_START = re.compile(r"[.!?\n]")  # every boundary opens with one of these


@dataclass(slots=True, unsafe_hash=True)  # not frozen: cheaper to build; never changed once built
class Sentence:
    """A sentence of the document: ``text == document_text[start:end]``."""

    index: int
    start: int
    end: int
    text: str


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_BOUNDARY.finditer(text)``, tried only where a boundary can open: far fewer tries."""
    pos = 0
    while (opening := _BOUNDARY_START.search(text, pos)) is not None:
        match = _BOUNDARY.match(text, opening.start())
        if match is None:
            pos = opening.start() + 1
            continue
        yield match
        pos = match.end()


def split_sentences(text: str) -> list[Sentence]:
    """Split clean text into sentences, trimmed of surrounding white space; offsets index ``text``."""
    sentences: list[Sentence] = []
    start = 0
    for match in _boundaries(text):
        mark = text[match.start()]
        if mark == ".":
            word = _LAST_WORD.search(text, max(0, match.start() - 12), match.start() + 1)
            if word:
                last = word.group(1)
                if last.lower().rstrip(".") in _ABBREVIATIONS or (len(last) == 1 and last.isupper()):
                    continue  # an abbreviation, or an initial: "John F. Kennedy"
        _add_sentence(sentences, text, start, match.start() if mark == "\n" else match.end())
        start = match.end()
    _add_sentence(sentences, text, start, len(text))
    return sentences


def _add_sentence(sentences: list[Sentence], text: str, begin: int, end: int) -> None:
    """Append ``text[begin:end]`` trimmed of white space, unless nothing is left."""
    segment = text[begin:end]
    stripped = segment.strip()
    if stripped:
        first = begin + segment.index(stripped[0])
        sentences.append(Sentence(len(sentences), first, first + len(stripped), stripped))
