"""Find KB actors and places in text with Aho-Corasick automata over folded names and aliases.

Two automata: acronyms (no lower-case letter, e.g. ``ISKP``, ``U.S.``) match case-sensitively on the text
with only quotes and dashes unified; every other name matches on folded text (case, diacritics, dashes,
apostrophes). Matches must sit on word boundaries; overlapping matches keep the longest.

The automata read a text as bytes, one per character and ``?`` for any that is not ASCII, so that their offsets
are the text's. A name that is not all ASCII, and an acronym, may read as the same bytes as other words:
they are checked on the text when found.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import compress, product
from operator import itemgetter, not_
from typing import NamedTuple
from weakref import WeakKeyDictionary

from ahocorasick_rs import BytesAhoCorasick, Implementation

from claimgraph.kb import KnowledgeBase
from claimgraph.nlp.text import _PUNCT, fold, fold_ascii, fold_key, initials

_PUNCT_TABLE = {ord(k): v for k, v in _PUNCT.items()}
# The patterns read before a name all open with a word that ``initials`` looks ahead for (the regex engine then
# passes over other words at once) and span at most four words: they are searched in the last four only.
_PREPOSITIONS = (r"in|at|near|from|to|into|outside|across|around|inside|via|towards?|throughout|within|of|between|"
                 r"and|bordering|borders?\s+with")
_PLACE_PREPOSITIONS = re.compile(
    rf"\b{initials(_PREPOSITIONS)}(?:{_PREPOSITIONS})\s+"
    r"(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|southern|northern|eastern|western|north-?\w+|south-?\w+)\s+)?$",
    re.IGNORECASE)


class Match(NamedTuple):
    """A stretch of text naming one or more KB entries (ambiguous names keep every candidate)."""

    start: int
    end: int
    ids: tuple[str, ...]


Span3 = tuple[int, int, tuple[str, ...]]
Hit = tuple[int, int, int]  # (pattern number, start, end) of an automaton hit
Entry = tuple[tuple[str, ...], bool]  # a folded name's ids, and whether the text must write it with a capital


@dataclass
class _Index:
    names: BytesAhoCorasick | None  # over the folded text
    plain: list[Entry | None]  # per pattern of ``names``: its entry when no other text reads as that pattern
    read_as: list[dict[str, Entry]]  # per pattern of ``names``: the folded names it may stand for
    acronyms: BytesAhoCorasick | None  # over the text
    acronym_ids: list[dict[str, tuple[str, ...]]]  # per pattern of ``acronyms``: the acronyms it may stand for
    agency_state: dict[str, str]  # a state agency's id → its state's id
    states: frozenset[str]  # the ids of the states, as actors and as countries among places
    demonyms: dict[str, str]  # lower-cased demonym → state id


_INDEXES: WeakKeyDictionary[KnowledgeBase, _Index] = WeakKeyDictionary()


def is_acronym(surface: str) -> bool:
    """Names with no lower-case letter (ISKP, TTP, U.S., IS-K) match case-sensitively."""
    return any(c.isalpha() for c in surface) and not any(c.islower() for c in surface)


def _surface_forms(kb: KnowledgeBase) -> list[tuple[str, str]]:
    forms = getattr(kb, "surface_forms", None)
    return list(forms() if forms else kb.names())


def _ascii(text: str) -> bytes:
    """How the automata read a text: one byte per character, ``?`` for any that is not ASCII."""
    return text.encode("ascii", "replace")


# how each character of an acronym may read in the text: a quote, dash or space in any of its spellings
_PUNCT_BYTES = {unified: {unified} | {_ascii(raw).decode() for raw, same in _PUNCT.items() if same == unified}
                for unified in _PUNCT.values()}


def _build(kb: KnowledgeBase) -> _Index:
    folded_ids: dict[str, set[str]] = defaultdict(set)
    acronym_ids: dict[str, set[str]] = defaultdict(set)
    lower_case_forms: set[str] = set()
    for surface, entry_id in _surface_forms(kb):
        surface = surface.strip()
        if len(surface) < 2:
            continue
        if is_acronym(surface):
            acronym_ids[" ".join(surface.translate(_PUNCT_TABLE).split())].add(entry_id)
        else:
            key = fold_key(surface)
            folded_ids[key].add(entry_id)
            if not surface[0].isupper():
                lower_case_forms.add(key)
    names: dict[bytes, dict[str, Entry]] = defaultdict(dict)
    for key, ids in folded_ids.items():
        # a name written with a capital ("Central Asia") must be capitalised in the text too
        names[_ascii(key)][key] = (tuple(sorted(ids)), key not in lower_case_forms and key[:1].isalpha())
    acronyms: dict[bytes, dict[str, tuple[str, ...]]] = defaultdict(dict)
    for acronym, ids in acronym_ids.items():
        for spelling in product(*(_PUNCT_BYTES.get(c) or {_ascii(c).decode()} for c in acronym)):
            acronyms["".join(spelling).encode()][acronym] = tuple(sorted(ids))
    plain = [None if b"?" in pattern else keys[pattern.decode()] for pattern, keys in names.items()]
    state_ids = {a.name: a.id for a in kb.actors.values() if a.type == "state"}
    agency_state = {a.id: state_ids[a.country] for a in kb.actors.values()
                    if a.type == "state_agency" and a.country in state_ids}
    states = frozenset(state_ids.values()) | {p.id for p in kb.places.values() if p.kind == "country"}
    return _Index(_automaton(names), plain, list(names.values()), _automaton(acronyms), list(acronyms.values()),
                  agency_state, states, kb.demonyms())


def _automaton(patterns: Collection[bytes]) -> BytesAhoCorasick | None:
    """An automaton reporting every occurrence of the ``patterns``, overlapping ones too, numbered in order: a
    DFA, about twice as fast to read with as the default automaton, for a few tenths of a second more to build."""
    return BytesAhoCorasick(list(patterns), implementation=Implementation.DFA) if patterns else None


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
    return list(map(Match._make, _own_state_agencies(text, select_longest(_candidates(text, index, folded)), index)))


_IDS = itemgetter(2)
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_STATE_BEFORE = re.compile(r"(?:['’]s?)?\s+(?:the\s+)?")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def _own_state_agencies(text: str, matches: list[Span3], index: _Index) -> list[Span3]:
    """A state agency named with its state ("the Ministry of Foreign Affairs of Pakistan", "Pakistan's Ministry
    of Interior", "the Pakistani Ministry of Interior") is that state's: the candidates of other states are
    dropped, and the name with them when none is left (the state's own mention stays)."""
    agency_state = index.agency_state
    # the matches that may name an agency, found without a Python step per match (most name none)
    agencies = list(compress(range(len(matches)), map(not_, map(agency_state.keys().isdisjoint, map(_IDS, matches)))))
    kept = list(matches)
    for number in reversed(agencies):
        state = _qualifying_state(text, matches, number, index)
        if state is None:
            continue
        state = state.replace("place:", "kb:")  # a country among places stands for the state of its name
        start, end, ids = matches[number]
        own = tuple(i for i in ids if agency_state.get(i, state) == state)
        if own:
            kept[number] = (start, end, own)
        else:
            del kept[number]
    return kept


def _qualifying_state(text: str, matches: list[Span3], number: int, index: _Index) -> str | None:
    """The state named right after a match ("… of Pakistan") or right before it ("Pakistan's …", "Pakistani …")."""
    start, end, _ = matches[number]
    after = matches[number + 1] if number + 1 < len(matches) else None
    if after is not None and _OF_STATE.fullmatch(text, end, after[0]):
        state = next((i for i in after[2] if i in index.states), None)
        if state is not None:
            return state
    before = matches[number - 1] if number else None
    if before is not None and _STATE_BEFORE.fullmatch(text, before[1], start):
        state = next((i for i in before[2] if i in index.states), None)
        if state is not None:
            return state
    word = _WORD_BEFORE.search(text, max(0, start - 24), start)
    return index.demonyms.get(word.group(1).lower()) if word else None


def _candidates(text: str, index: _Index, folded: str | None) -> list[Span3]:
    """Every name of the index in ``text`` on word boundaries, overlapping ones too."""
    found: list[Span3] = []
    append = found.append
    if index.names is not None:
        plain, read_as = index.plain, index.read_as
        view = fold_ascii(text) if folded is None else _ascii(folded)
        for pattern, start, end in _whole_words(text, index.names.find_matches_as_indexes(view, overlapping=True)):
            entry = plain[pattern]
            if entry is None:  # a name that is not all ASCII, or a word that reads as the same bytes
                folded = fold(text) if folded is None else folded
                entry = read_as[pattern].get(folded[start:end])
                if entry is None:
                    continue
            ids, capitalised = entry
            if not capitalised or text[start].isupper():
                append((start, end, ids))
    if index.acronyms is not None:
        acronym_ids = index.acronym_ids
        hits = index.acronyms.find_matches_as_indexes(_ascii(text), overlapping=True)
        for pattern, start, end in _whole_words(text, hits):
            ids = acronym_ids[pattern].get(text[start:end].translate(_PUNCT_TABLE))
            if ids:
                append((start, end, ids))
    return found


def _whole_words(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """The hits with no letter, digit or underscore on either side in ``text``, nor an apostrophe that goes on
    with the word ("Mus" in "Abu Mus’ab"; "Pakistan’s" ends at the name)."""
    size = len(text)
    for hit in hits:
        _, start, end = hit
        if start:
            before = text[start - 1]
            if before.isalnum() or before == "_":
                continue
        if end < size:
            after = text[end]
            if after.isalnum() or after == "_" or (after in "'’" and _goes_on(text, end + 1)):
                continue
        yield hit


def _goes_on(text: str, index: int) -> bool:
    """Whether letters after an apostrophe at ``index - 1`` go on with the word (not a possessive "s")."""
    tail = text[index:index + 2]
    return bool(tail) and tail[0].isalpha() and not (tail[0] in "sS" and not tail[1:2].isalnum())


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
    if len(cluster) == 2:  # the common case: the two overlap, keep the longer (the first on a tie)
        first, second = cluster
        return [first if first[1] - first[0] >= second[1] - second[0] else second]
    kept: list[Span3] = []
    for match in sorted(cluster, key=lambda m: (m[0] - m[1], m[0])):
        if all(match[1] <= k[0] or match[0] >= k[1] for k in kept):
            kept.append(match)
    return sorted(kept)


# "Iran-backed", "al-Qaeda-linked": the name qualifies the noun after it, and acts rather than locates
QUALIFYING_SUFFIX = re.compile(r"-(?:backed|linked|allied|sponsored|supported|funded|aligned|led|trained|affiliated|"
                               r"inspired)\b", re.IGNORECASE)


_BOUND_TO = "due|according|owing|thanks|loyal|allied|opposed|close|linked|related|turned|turns|turning|turn"
_HOLDERS = (r"governments?|juntas?|regimes?|authorities|leaders?|leadership|presidents?|rulers?|ministers?|ministry|"
            r"military|armies|army|forces|troops|police|allies|enemies|officials|parliament|embassy|ambassadors?|"
            r"intelligence|envoys?|representatives?|delegations?|support|affairs|"
            r"ministry\s+of\s+\w+|department\s+of\s+\w+")  # "the Ministry of Interior of Iran" is Iran's
# what a state gives rather than where something is: "weapons from Iran", "support from neighbouring Pakistan"
_GIVEN = (r"support|help|aid|assistance|backing|funding|funds|financing|money|cash|weapons|arms|ammunition|"
          r"drones|missiles|rockets|explosives|training|equipment|supplies|orders|instructions|directives|"
          r"components|parts|technology|shipments|consignments|materiel")
HELD_OF = re.compile(rf"\b{initials(_HOLDERS)}(?:{_HOLDERS})\s+of\s+(?:the\s+)?$", re.IGNORECASE)  # "governments of"
_NOT_LOCATIVE = re.compile(rf"\b{initials(_BOUND_TO + '|' + _HOLDERS + '|' + _GIVEN)}(?:(?:{_BOUND_TO})\s+to|"
                           rf"(?:{_HOLDERS})\s+of|(?:{_GIVEN})\s+from)\s+(?:the\s+)?$", re.IGNORECASE)


_IN_BOTH_PREPOSITIONS = "in|at|across|throughout|within|inside|between"
_IN_BOTH = re.compile(rf"\b{initials(_IN_BOTH_PREPOSITIONS)}(?:{_IN_BOTH_PREPOSITIONS})\s+(?:both|either)\s+"
                      r"(?:the\s+)?$", re.IGNORECASE)


# "in restive northwestern Pakistan", "from neighbouring Iran", "in Taliban-ruled Afghanistan": a locative
# preposition, then one or two words describing the place (no function word, no verb in -ing, no "in fact")
_LOCATIVES = frozenset("in at near into from outside across around inside throughout within".split())
_DESCRIBING = re.compile(
    r"(?!(?:which|that|whose|its|their|his|her|our|and|or|but|with|to|of|by|for|against|as|than|when|where|"
    r"while|who|not|no|an?|least|most|fact|turn|return|addition|particular|practice|short|general|contrast|"
    r"total|part|response|years|months|weeks|days|decades|times)$)(?!(?!neighbou?ring$)[a-z]+ing$)"
    r"(?:[A-Z][\w'’]*-)?[a-z][a-z'’-]*")


def _described_place(words: list[str]) -> bool:
    """Whether the last ``words`` are a locative preposition, "the" at will, and one or two describing words."""
    for count in (1, 2):
        lead = words[:-count]
        if lead and lead[-1] in ("the", "The"):
            lead = lead[:-1]
        if lead and lead[-1].lower() in _LOCATIVES and all(_DESCRIBING.fullmatch(w) for w in words[-count:]):
            return True
    return False


def reads_as_place(text: str, start: int, end: int | None = None) -> bool:
    """Whether a name that is both a place and an actor is used as a place here ("in Kabul", "in restive
    northwestern Pakistan"); "of Iran-backed Hamas", "the government of Mali" and "due to France's withdrawal"
    name actors."""
    if end is not None and text.startswith("-", end) and QUALIFYING_SUFFIX.match(text, end):
        return False
    before = text[max(0, start - 40):start]
    if not before[-1:].isspace():  # every match of the patterns below ends with white space
        return False
    parts = before.rsplit(None, 4)  # the last four words, after what comes before them when there is more
    last_four = len(parts[0]) if len(parts) == 5 else 0
    return (bool(_PLACE_PREPOSITIONS.search(before, last_four)) and not _NOT_LOCATIVE.search(before, last_four)) or \
        bool(_IN_BOTH.search(before, last_four)) or _described_place(parts[-4:])
