"""Find KB actors and places in text with Aho-Corasick automata over folded names and aliases.

Two automata: acronyms (no lower-case letter, e.g. ``ISKP``, ``U.S.``) match case-sensitively on the text
with only quotes and dashes unified; every other name matches on folded text (case, diacritics, dashes,
apostrophes). Matches must sit on word boundaries; overlapping matches keep the longest.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import NamedTuple
from weakref import WeakKeyDictionary

import ahocorasick

from claimgraph.kb import KnowledgeBase
from claimgraph.nlp.text import _PUNCT, fold, fold_key

_PUNCT_TABLE = {ord(k): v for k, v in _PUNCT.items()}
_PLACE_PREPOSITIONS = re.compile(
    r"\b(?:in|at|near|from|to|into|outside|across|around|inside|via|towards?|throughout|within|of|between|and|"
    r"bordering|borders?\s+with)\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west|central|southern|northern|eastern|western|north-?\w+|south-?\w+)\s+)?$",
    re.IGNORECASE)


class Match(NamedTuple):
    """A stretch of text naming one or more KB entries (ambiguous names keep every candidate)."""

    start: int
    end: int
    ids: tuple[str, ...]


Span3 = tuple[int, int, tuple[str, ...]]


@dataclass
class _Index:
    folded: ahocorasick.Automaton
    cased: ahocorasick.Automaton
    acronym_runs: re.Pattern[str] | None  # stretches of text that can hold an acronym of ``cased``


_INDEXES: WeakKeyDictionary[KnowledgeBase, _Index] = WeakKeyDictionary()


def is_acronym(surface: str) -> bool:
    """Names with no lower-case letter (ISKP, TTP, U.S., IS-K) match case-sensitively."""
    return any(c.isalpha() for c in surface) and not any(c.islower() for c in surface)


def _surface_forms(kb: KnowledgeBase) -> list[tuple[str, str]]:
    forms = getattr(kb, "surface_forms", None)
    return list(forms() if forms else kb.names())


def _build(kb: KnowledgeBase) -> _Index:
    folded_ids: dict[str, set[str]] = defaultdict(set)
    cased_ids: dict[str, set[str]] = defaultdict(set)
    lower_case_forms: set[str] = set()
    for surface, entry_id in _surface_forms(kb):
        surface = surface.strip()
        if len(surface) < 2:
            continue
        if is_acronym(surface):
            cased_ids[" ".join(surface.translate(_PUNCT_TABLE).split())].add(entry_id)
        else:
            key = fold_key(surface)
            folded_ids[key].add(entry_id)
            if not surface[0].isupper():
                lower_case_forms.add(key)
    index = _Index(ahocorasick.Automaton(), ahocorasick.Automaton(), _acronym_runs(cased_ids) if cased_ids else None)
    for automaton, table in ((index.folded, folded_ids), (index.cased, cased_ids)):
        for key, ids in table.items():
            # a name written with a capital ("Central Asia") must be capitalised in the text too
            capitalised = automaton is index.folded and key not in lower_case_forms and key[:1].isalpha()
            automaton.add_word(key, (len(key), tuple(sorted(ids)), capitalised))
        if table:
            automaton.make_automaton()
    return index


def _acronym_runs(acronyms: Collection[str]) -> re.Pattern[str]:
    """A first character of an acronym followed by acronym characters, in any spelling of quotes, dashes and
    spaces: no acronym can match outside such a run, so the cased automaton reads only these."""
    spellings: dict[str, set[str]] = defaultdict(set)
    for char in "".join(acronyms):
        spellings[char].add(char)
    for raw, unified in _PUNCT.items():
        if unified in spellings:
            spellings[unified].add(raw)

    def one_of(chars: set[str]) -> str:
        return "[" + "".join(re.escape(s) for c in sorted(chars) for s in sorted(spellings[c])) + "]"

    return re.compile(one_of({a[0] for a in acronyms}) + one_of(set(spellings)) + "+")


def index_for(kb: KnowledgeBase) -> _Index:
    """The automata of a KB, built once per KB object."""
    index = _INDEXES.get(kb)
    if index is None:
        index = _INDEXES[kb] = _build(kb)
    return index


def find_matches(text: str, kb: KnowledgeBase, folded: str | None = None) -> list[Match]:
    """Every KB name in ``text`` on word boundaries, longest first where matches overlap, in text order.
    ``folded`` is ``fold(text)`` when the caller has it already."""
    index = index_for(kb)
    found: list[Span3] = []
    if index.folded.kind == ahocorasick.AHOCORASICK:
        _keep_whole_words(text, index.folded.iter(fold(text) if folded is None else folded), 0, found)
    if index.acronym_runs is not None:
        for run in index.acronym_runs.finditer(text):
            _keep_whole_words(text, index.cased.iter(run.group().translate(_PUNCT_TABLE)), run.start(), found)
    return list(map(Match._make, select_longest(found)))


def _keep_whole_words(text: str, hits: Iterator[tuple[int, tuple[int, tuple[str, ...], bool]]], offset: int,
                      found: list[Span3]) -> None:
    """Add the automaton hits (ending ``offset`` characters into ``text``) that sit on word boundaries."""
    size = len(text)
    append = found.append
    for last, (length, ids, capitalised) in hits:
        end = offset + last + 1
        start = end - length
        if start > 0:  # word boundaries: no letter, digit or underscore on either side
            before = text[start - 1]
            if before.isalnum() or before == "_":
                continue
        if end < size:
            after = text[end]
            if after.isalnum() or after == "_":
                continue
        if capitalised and not text[start].isupper():
            continue  # a name written with a capital ("Central Asia") must be capitalised in the text
        append((start, end, ids))


def select_longest(candidates: list[Span3]) -> list[Span3]:
    """Keep the longest of overlapping (start, end, ids) matches (earliest on ties), in text order."""
    taken: list[Span3] = []
    first = 0  # where the current run of overlapping matches starts in ``taken``
    run_end = -1
    for match in sorted(candidates):
        if match[0] >= run_end:
            if len(taken) - first > 1:
                taken[first:] = _longest_first(taken[first:])
            first = len(taken)
            run_end = match[1]
        elif match[1] > run_end:
            run_end = match[1]
        taken.append(match)
    if len(taken) - first > 1:
        taken[first:] = _longest_first(taken[first:])
    return taken


def _longest_first(cluster: list[Span3]) -> list[Span3]:
    """Within a run of overlapping matches, the longest ones that do not overlap, in text order."""
    kept: list[Span3] = []
    for match in sorted(cluster, key=lambda m: (m[0] - m[1], m[0])):
        if all(match[1] <= k[0] or match[0] >= k[1] for k in kept):
            kept.append(match)
    return sorted(kept)


_ACTING = re.compile(r"-(?:backed|linked|allied|sponsored|supported|funded|aligned|led|trained)\b", re.IGNORECASE)


_NOT_LOCATIVE = re.compile(
    r"\b(?:(?:due|according|owing|thanks|loyal|allied|opposed|close|linked|related)\s+to|"
    r"(?:governments?|juntas?|regimes?|authorities|leaders?|leadership|presidents?|rulers?|ministers?|ministry|"
    r"military|armies|army|forces|troops|police|allies|enemies|officials|parliament|embassy|ambassadors?|"
    r"intelligence|envoys?|representatives?|delegations?|support)\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def reads_as_place(text: str, start: int, end: int | None = None) -> bool:
    """Whether a name that is both a place and an actor is used as a place here ("in Kabul"); "of Iran-backed
    Hamas", "the government of Mali" and "due to France's withdrawal" name actors."""
    if end is not None and _ACTING.match(text, end):
        return False
    before = text[max(0, start - 30):start]
    return bool(_PLACE_PREPOSITIONS.search(before)) and not _NOT_LOCATIVE.search(before)
