"""Regexes tried only on texts, or stretches of text, that hold one of their keywords.

Most sentences hold none of the words a rule looks for, and finding plain words (one Aho-Corasick pass) is far
cheaper than running a regex: ``KeywordPattern`` pairs a regex with the words one of which every match holds,
and skips the regex where none occurs; ``StretchSearch`` reads a whole text only around such words. The
answers are always those of the regexes themselves.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation, MatchKind

_CASE_TRAPS = "\u0130\u0131\u017f\u212a"  # the non-ASCII letters that re.IGNORECASE matches to ASCII ones
_SHORT = 24  # characters: a shorter text goes straight to the regex, which costs no more than finding the words
_DFA = Implementation.DFA  # the fastest automaton to read with; the keyword lists are small
_PLAIN = frozenset("'- ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _top_level(alternatives: str) -> list[str]:
    """The alternatives of a regex alternation, split at the "|" outside groups and character classes."""
    parts: list[str] = []
    depth, in_class, escaped, start = 0, False, False, 0
    for index, char in enumerate(alternatives):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(alternatives[start:index])
            start = index + 1
    return [*parts, alternatives[start:]]


def openings(alternatives: str) -> list[str]:
    """The plain text that each alternative of a regex alternation opens with ("Brigades?" → "Brigade",
    "accus(?:ed|es)" → "accus"): every match of the alternation holds one. Every alternative must open with
    plain text."""
    found = []
    for alternative in _top_level(alternatives):
        size = next((i for i, char in enumerate(alternative) if char not in _PLAIN), len(alternative))
        if alternative[size:size + 1] in ("?", "*", "{"):
            size -= 1  # "Brigades?": the last letter is optional
        if size <= 0:
            raise ValueError(f"an alternative does not open with plain text: {alternatives!r}")
        found.append(alternative[:size])
    return found


def _has_case_trap(text: str) -> bool:
    """Whether ``text`` holds a letter that lower-casing does not compare as the regex engine does."""
    return not text.isascii() and any(trap in text for trap in _CASE_TRAPS)


def _lowered(text: str) -> str | None:
    """``text.lower()``, or None for a text holding a case trap."""
    return None if _has_case_trap(text) else text.lower()


# a text as the automata read it: the text, its compared form as ASCII bytes, and those as word openings see them
_Reading = tuple[str, bytes, bytes]


def _as_ascii(text: str) -> bytes:
    """``text`` as one byte a character, "?" for each non-ASCII one: offsets still count characters, and the
    automata of ASCII words without "?" find in it the very words found in ``text``."""
    return text.encode("ascii", "replace")


# every byte but an ASCII letter, digit or "_" (a word character) turned into a space
_WORD_BYTES = bytes(b if chr(b).isascii() and (chr(b).isalnum() or chr(b) == "_") else 32 for b in range(256))


def _as_openings(ascii_text: bytes) -> bytes:
    """``_as_ascii`` bytes with each non-word character as a space, behind one more space: a word found there
    behind a space (``_opening``) opens a word of the text, at the offset it is found at (one space ahead of
    the word, one added in front)."""
    return b" " + ascii_text.translate(_WORD_BYTES)


def _opening(word: str) -> bytes:
    """An ASCII ``word`` as found by ``_as_openings`` where it opens a word; a non-ASCII letter of the text, read
    as "?", also reads as a space there, so such a find may open no word of the text (a regex then decides)."""
    return b" " + word.encode().translate(_WORD_BYTES)


def _automaton(words: Sequence[str]) -> AhoCorasick | BytesAhoCorasick:
    """One automaton finding every word in one pass: over a text's ``_as_ascii`` bytes when the words are ASCII
    without "?" (cheaper to read), else over the text itself."""
    if all(word.isascii() and "?" not in word for word in words):
        return BytesAhoCorasick([word.encode() for word in words], matchkind=MatchKind.Standard, implementation=_DFA)
    return AhoCorasick(list(words), matchkind=MatchKind.Standard, implementation=_DFA)


_KEPT = 256  # texts a reader remembers


class _Reader:
    """Texts as the keyword automata read them, in lower case or as written, kept for the last texts read:
    several patterns in a row look at the same text."""

    def __init__(self, lower: bool) -> None:
        self.lower = lower
        self._kept: dict[str, _Reading | None] = {}

    def forget(self) -> None:
        """Forget the texts read so far."""
        self._kept.clear()

    def read(self, text: str) -> _Reading | None:
        """``text``, its compared form as ASCII bytes (``_as_ascii``) and those as ``_as_openings`` reads them;
        None for a text that lower-casing cannot compare (a case trap). Lower-casing the bytes gives the bytes
        of the lower-cased text, which holds no trap."""
        try:  # a lookup, not a test and a lookup: another thread may clear the texts kept in between
            return self._kept[text]
        except KeyError:
            pass
        reading = None
        if not (self.lower and _has_case_trap(text)):
            ascii_text = _as_ascii(text).lower() if self.lower else _as_ascii(text)
            reading = (text, ascii_text, _as_openings(ascii_text))
        if len(self._kept) >= _KEPT:
            self._kept.clear()
        self._kept[text] = reading
        return reading


_READERS = {True: _Reader(lower=True), False: _Reader(lower=False)}


def forget_texts() -> None:
    """Forget the texts the keyword patterns have read."""
    for reader in _READERS.values():
        reader.forget()


class KeywordPattern:
    """A compiled regex and the words one of which every match of it holds; with ``word_start``, every match
    holds one that opens a word (no word character just before it), and with ``opens_match`` every match opens
    with one: then the regex is tried only where such a word stands, not at every character.

    With ``re.IGNORECASE`` the words are compared in lower case; a text holding one of the four letters that
    the regex engine matches to an ASCII letter but lower-casing does not turn into it alone ("İ", "ı", "ſ", the
    Kelvin sign) always goes to the regex."""

    def __init__(self, pattern: re.Pattern[str], words: Iterable[str], word_start: bool = False,
                 opens_match: bool = False) -> None:
        self.pattern = pattern
        self.word_start = word_start
        self.opens_match = opens_match
        self.ignore_case = bool(pattern.flags & re.IGNORECASE)
        self.words = tuple(dict.fromkeys(w.lower() if self.ignore_case else w for w in words))
        if not self.words or not all(self.words):
            raise ValueError(f"no keywords for {pattern.pattern!r}")
        self._reader = _READERS[self.ignore_case]
        self._automaton = _automaton(self.words)
        self._reads_bytes = isinstance(self._automaton, BytesAhoCorasick)
        # with word_start, words read as bytes are looked for only where they open a word
        self._openings = BytesAhoCorasick(list(dict.fromkeys(map(_opening, self.words))), matchkind=MatchKind.Standard,
                                          implementation=_DFA) if word_start and self._reads_bytes else None
        self._longest = max(map(len, self.words))

    def _hits(self, reading: _Reading, overlapping: bool = True) -> list[tuple[int, int, int]]:
        """``(word, start, end)`` of the words in the text read, all of them with ``overlapping``."""
        if self._reads_bytes:
            return self._automaton.find_matches_as_indexes(reading[1], overlapping)
        return self._automaton.find_matches_as_indexes(reading[0].lower() if self.ignore_case else reading[0],
                                                       overlapping)

    def _has_word(self, reading: _Reading) -> bool:
        if self._openings is not None:
            return bool(self._openings.find_matches_as_indexes(reading[2], False))
        if not self.word_start:
            return bool(self._hits(reading, overlapping=False))
        text = reading[0]
        return any(start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")
                   for _, start, _ in self._hits(reading))

    def _word_starts(self, reading: _Reading) -> list[int]:
        """Where the words start in the text read (opening a word, with ``word_start``), in order, each once."""
        if self._openings is not None:
            starts = [start for _, start, _ in self._openings.find_matches_as_indexes(reading[2], True)]
        elif self.word_start:
            text = reading[0]
            starts = [start for _, start, _ in self._hits(reading)
                      if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")]
        else:
            starts = [start for _, start, _ in self._hits(reading)]
        return sorted(set(starts)) if len(starts) > 1 else starts

    def may_match(self, text: str) -> bool:
        """Whether ``text`` holds a keyword (or cannot be told cheaply); False means the regex finds nothing."""
        reading = self._reader.read(text)
        return reading is None or self._has_word(reading)

    def may_occur_in(self, text: str) -> bool:
        """Whether one of the words occurs anywhere in ``text``, even inside a word (or it cannot be told
        cheaply); False means that no stretch of ``text`` holds a match, so its stretches need no search."""
        reading = self._reader.read(text)
        return reading is None or bool(self._hits(reading, overlapping=False))

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``pattern.search``: skipped where the searched stretch holds no keyword, and with ``opens_match``
        tried only where one starts."""
        stretch = text[pos:endpos]
        reading = self._reader.read(stretch) if len(stretch) >= _SHORT else None
        if reading is None:
            return self.pattern.search(text, pos, endpos)
        if not self.opens_match:
            return self.pattern.search(text, pos, endpos) if self._has_word(reading) else None
        match = self.pattern.match
        for start in self._word_starts(reading):
            matched = match(text, pos + start, endpos)
            if matched is not None:
                return matched
        return None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``pattern.match``, skipped where the stretch from ``pos`` holds no keyword (with ``opens_match``,
        where it does not open with one)."""
        if self.opens_match:
            head = text[pos:min(endpos, pos + self._longest)]
            lowered = _lowered(head) if self.ignore_case else head
            if lowered is not None and not lowered.startswith(self.words):
                return None
            return self.pattern.match(text, pos, endpos)
        stretch = text[pos:endpos]
        if len(stretch) >= _SHORT and not self.may_match(stretch):
            return None
        return self.pattern.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """``pattern.finditer``: skipped where the searched stretch holds no keyword, and with ``opens_match``
        tried only where one starts."""
        stretch = text[pos:endpos]
        reading = self._reader.read(stretch) if len(stretch) >= _SHORT else None
        if reading is None or (not self.opens_match and self._has_word(reading)):
            yield from self.pattern.finditer(text, pos, endpos)
            return
        if not self.opens_match:
            return
        done = pos  # a match never starts inside the one before it
        for start in self._word_starts(reading):
            if pos + start >= done:
                matched = self.pattern.match(text, pos + start, endpos)
                if matched is not None:
                    yield matched
                    done = max(matched.end(), matched.start() + 1)


class KeywordSet:
    """Several keyword patterns looked at together: one pass over a text (one automaton for all their words)
    tells which of them may match in it, cheaper than a pass for each when a text is read by them all."""

    def __init__(self, patterns: Sequence[KeywordPattern | None]) -> None:
        """``patterns`` in the order ``present`` numbers them; None stands for a pattern without words."""
        lower = {pattern.ignore_case for pattern in patterns if pattern is not None}
        if len(lower) != 1:
            raise ValueError("the patterns of a keyword set must all compare texts in lower case, or all as written")
        self.lower = lower.pop()
        owners: dict[str, set[int]] = {}
        for index, pattern in enumerate(patterns):
            for word in pattern.words if pattern is not None else ():
                owners.setdefault(word, set()).add(index)
        self._owners = [frozenset(indexes) for indexes in owners.values()]  # by the automaton's word numbers
        self._automaton = _automaton(list(owners))
        self._reads_bytes = isinstance(self._automaton, BytesAhoCorasick)

    def present(self, text: str) -> set[int] | None:
        """The indexes of the patterns one of whose words occurs in ``text`` (even inside a word): the others
        find nothing there. None when it cannot be told cheaply (a case trap)."""
        compared = _lowered(text) if self.lower else text
        if compared is None:
            return None
        hits = self._automaton.find_matches_as_indexes(_as_ascii(compared) if self._reads_bytes else compared, True)
        return set().union(*map(self._owners.__getitem__, {word for word, _, _ in hits}))


class StretchSearch:
    """Regexes read only in the stretches of a text that can hold a match.

    Each search is ``(pattern, words, stops)``: every match of ``pattern`` holds one of ``words`` (as written:
    case counts) and none of the characters ``stops`` matches. A text is cut at those characters and each
    pattern runs only in the stretches that hold one of its words, usually a small part of the text. The
    matches are those of ``pattern.finditer`` over the whole text, since no match crosses a stop, provided the
    pattern, right after a match, reads a stop as it reads the end of the text (``\\b`` and ``(?!\\w)`` do)."""

    def __init__(self, searches: Sequence[tuple[re.Pattern[str], Iterable[str], re.Pattern[str]]]) -> None:
        self.searches = [(pattern, tuple(words), stops) for pattern, words, stops in searches]
        owners: dict[str, list[int]] = {}
        for index, (pattern, words, stops) in enumerate(self.searches):
            if not words or not all(words) or any(stops.search(word) for word in words):
                raise ValueError(f"no words, an empty one or one holding a stop, for {pattern.pattern!r}")
            for word in words:
                owners.setdefault(word, []).append(index)
        self._owners = list(owners.values())  # the searches of each word, in the automaton's order
        self._automaton = _automaton(list(owners))
        self._reads_bytes = isinstance(self._automaton, BytesAhoCorasick)

    def matches(self, text: str) -> list[list[re.Match[str]]]:
        """The matches of each search's pattern in ``text``, in order, as ``pattern.finditer(text)`` finds them."""
        stretches: list[set[tuple[int, int]]] = [set() for _ in self.searches]
        backwards = text[::-1]  # the nearest stop before a word is the first one after it in the reversed text
        read = _as_ascii(text) if self._reads_bytes else text
        for word, start, end in self._automaton.find_matches_as_indexes(read, overlapping=True):
            for index in self._owners[word]:
                stops = self.searches[index][2]
                before = stops.search(backwards, len(text) - start)
                after = stops.search(text, end)
                stretches[index].add((len(text) - before.start() if before else 0,
                                      after.start() if after else len(text)))
        return [[match for start, end in sorted(spans) for match in pattern.finditer(text, start, end)]
                for (pattern, _, _), spans in zip(self.searches, stretches, strict=True)]
