"""State actors named through phrases: demonyms in actor phrases and a state's military.

"Pakistani officials" and "Indian forces" name a state; "Pakistani soil" does not. "Pakistan's military"
names the state's army where the KB has one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ahocorasick_rs import BytesAhoCorasick

from claimgraph.kb import KnowledgeBase
from claimgraph.nlp.linker import index_for
from claimgraph.nlp.text import fold

if TYPE_CHECKING:
    from claimgraph.nlp.annotate import _Builder

_MODIFIERS = (r"(?:(?:security|armed|military|government|intelligence|state|foreign|defen[cs]e|interior|"
              r"paramilitary|federal|provincial|senior|top|local|police|army|border|counter-terrorism|"
              r"counterterrorism|official|naval|air|special|diplomatic|civilian|economic|commercial|"
              r"strategic|nuclear)(?:,?\s+and\s+|,\s+|\s+))*")
_ACTOR_NOUNS = re.compile(
    rf"\s+{_MODIFIERS}(foreign office|officials?|authorities|forces|troops|soldiers|military|army|government|"
    r"intelligence|"
    r"police|diplomats?|ministry(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?)?|establishment|state|leaders?|leadership|"
    r"spokes(?:man|person|woman)|sources|security forces|"
    r"agencies|agency|navy|air force|air ?strikes?|strikes?|(?:air )?raids?|shelling|bombardments?|jets|drones?|"
    r"officers|personnel|regime|"
    r"administration|delegation|envoy|embassy|commanders?|generals?|policemen|guards|side|counterparts?|"
    r"minister|foreign office|prime minister|president|interests|installations|targets|posts|convoys?|"
    r"check-?posts?|positions|bases|assets|nationals|citizens|workers|engineers|armed group|militant group|"
    r"group|militia|militants|insurgents|jihadists|rebels|outfit)\b", re.IGNORECASE)
_ARMY_NOUNS = frozenset({"military", "army", "troops", "soldiers", "generals", "commanders"})
_AGENCY_NOUNS = frozenset({"security forces", "forces", "police", "foreign office", "ministry", "intelligence",
                           "navy", "air force", "military", "army"})
_PLACE_POLICE = re.compile(r"\s+(?:[Pp]olice|[Pp]rovincial [Pp]olice|[Dd]istrict [Pp]olice)\b(?!\s+(?:station|post|"
                           r"headquarters|line|lines|chief|officer|training|school|academy|college|centre|center|"
                           r"compound|hospital))")
# "Israel's military", but not "Israel's military operations": there "military" only qualifies what the state does
_MILITARY_AS_ADJECTIVE = (r"actions?|operations?|campaigns?|offensives?|interventions?|activit(?:y|ies)|aid|"
                          r"assistance|support|cooperation|co-operation|ties|presence|capabilit(?:y|ies)|power|might|"
                          r"spending|budget|equipment|hardware|exports?|deals?|strateg(?:y|ies)|doctrine|build-?up|"
                          r"exercises?|drills?|escalation|response|victory|defeat|success|failure|pressure|threat|"
                          r"juntas?|governments?|regimes?|rulers")  # "Mali's military junta" governs the state
_MILITARY_TAIL = re.compile(r"(?:['’]s)?\s+[Mm]ilitary$")  # what follows "Israel" in "Israel's military"
_MILITARY_ACTIVITY = re.compile(rf"\s+(?:{_MILITARY_AS_ADJECTIVE})\b", re.IGNORECASE)
_POSSESSIVE_MILITARY = re.compile(
    rf"(?:'s|’s)?\s+(?:armed forces|military(?!\s+(?:{_MILITARY_AS_ADJECTIVE})\b)|army)\b", re.IGNORECASE)


class _DemonymIndex:
    def __init__(self, kb: KnowledgeBase) -> None:
        found: dict[str, tuple[int, str]] = {}  # folded demonym → (its length, its state)
        for demonym, state in kb.demonyms().items():
            found[fold(demonym)] = (len(demonym), state)
        self.demonyms = list(found.items())
        self.automaton = _automaton(found)
        self.group_heads = _group_heads(kb)
        # the heads written as one word ``_HEAD_WORD`` matches
        self.heads = [word for word in self.group_heads if _HEAD_WORD.fullmatch(word)]
        self.heads_automaton = _automaton(self.heads)
        self.armies: dict[str, str] = {}
        for actor in kb.actors.values():
            if actor.type == "state_agency" and actor.parent and re.search(r"\b(Army|Armed Forces)\b", actor.name):
                current = self.armies.get(actor.parent)
                if current is None or (" Army" in actor.name and " Army" not in kb.actors[current].name):
                    self.armies[actor.parent] = actor.id


def _ascii(text: str) -> bytes:
    """How the automata read a text: one byte per character, ``?`` for any that is not ASCII (offsets kept)."""
    return text.encode("ascii", "replace")


def _automaton(words: Iterable[str]) -> BytesAhoCorasick | None:
    """An automaton reporting every occurrence of the ``words``, overlapping ones too, numbered in order."""
    patterns = [_ascii(word) for word in words]
    return BytesAhoCorasick(patterns) if patterns else None


_INDEXES: WeakKeyDictionary[KnowledgeBase, _DemonymIndex] = WeakKeyDictionary()
_MEMBER_NOUNS = re.compile(r"\s+(?:extremists|militants|fighters|operatives|insurgents|gunmen|commanders|cadres|"
                           r"terrorists|members)\b")
_HEAD_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")


def _whole_words(text: str, words: list[str], automaton: BytesAhoCorasick | None) -> list[tuple[int, int]]:
    """Spans of the ASCII ``words`` that stand as whole words in ``text`` (no word character on either side),
    in order: what ``_HEAD_WORD.finditer`` finds of them."""
    if automaton is None:
        return []
    found = []
    for _, start, end in automaton.find_matches_as_indexes(_ascii(text), overlapping=True):
        before, after = text[start - 1:start], text[end:end + 1]
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            found.append((start, end))
    return sorted(found)


def _demonyms_in(folded: str, index: _DemonymIndex) -> list[tuple[int, int, str]]:
    """(start, end, state) of every demonym in the folded text, overlapping ones too, by end and longest first.
    A ``?`` of a demonym that is not all ASCII reads any such character: those are checked on the text."""
    if index.automaton is None:
        return []
    found = []
    for pattern, start, end in index.automaton.find_matches_as_indexes(_ascii(folded), overlapping=True):
        demonym, (length, state) = index.demonyms[pattern]
        if demonym.isascii() or folded[start:end] == demonym:
            found.append((end - length, end, state))
    return sorted(found, key=lambda hit: (hit[1], hit[0]))


def _group_heads(kb: KnowledgeBase) -> dict[str, str]:
    """First words that name one armed group only ("Haqqani" of the Haqqani Network), for "Haqqani militants"."""
    heads: dict[str, set[str]] = {}
    for actor in kb.actors.values():
        words = actor.name.split()
        if actor.type == "armed_group" and len(words) >= 2 and words[0][:1].isupper():
            heads.setdefault(words[0], set()).add(actor.id)
    taken = {a.name for a in kb.actors.values()} | {p.name for p in kb.places.values()}
    return {word: next(iter(ids)) for word, ids in heads.items() if len(ids) == 1 and word not in taken}


def _index(kb: KnowledgeBase) -> _DemonymIndex:
    index = _INDEXES.get(kb)
    if index is None:
        index = _INDEXES[kb] = _DemonymIndex(kb)
    return index


def link_state_phrases(builder: _Builder, kb: KnowledgeBase, folded: str) -> None:
    """Add demonym actor phrases and turn "<state>'s military" into the state's army."""
    index = _index(kb)
    text = builder.text
    for start, end, state in _demonyms_in(folded, index):
        if not text[start].isupper() or (end < len(text) and text[end].isalnum()):
            continue
        if start > 0 and text[start - 1].isalnum():
            continue
        noun = _ACTOR_NOUNS.match(text, end)
        if noun is None or builder.occupied(start, end):
            continue
        head = noun.group(1).lower().split(" of ")[0]
        if head == "military" and _MILITARY_ACTIVITY.match(text, noun.end()):
            builder.add(start, end, state, "actor")  # "Israeli military operations": what the state does
        elif head in _ARMY_NOUNS and state in index.armies:
            builder.add(start, end, index.armies[state], "actor")
        elif head in _AGENCY_NOUNS:
            # "Pakistani security forces", "Pakistani Foreign Office": an agency of that state, by its phrase
            if not builder.occupied(start, noun.end()):
                builder.add_new(start, noun.end(), text[start:noun.end()], "state_agency")
        else:
            builder.add(start, end, state, "actor")
    for start, end in _whole_words(text, index.heads, index.heads_automaton):
        if _MEMBER_NOUNS.match(text, end) and not builder.occupied(start, end):
            builder.add(start, end, index.group_heads[text[start:end]], "actor")  # "Haqqani militants": the network
    may_name_police = "olice" in text  # what ``_PLACE_POLICE`` needs
    agency_state = index_for(kb).agency_state
    for mention in list(builder.mentions):
        police = _PLACE_POLICE.match(text, mention.end) if may_name_police else None
        if police and (mention.kind == "place" or builder.entities[mention.entity].type == "state") and not \
                builder.occupied(mention.end, police.end()):
            # "Kabul police", "Dera police": the police of that place
            builder.mentions.remove(mention)
            builder.add_new(mention.start, police.end(), text[mention.start:police.end()], "state_agency")
            continue
        if mention.text.endswith(("military", "Military")) and mention.kind == "actor" and \
                mention.entity in agency_state and _MILITARY_ACTIVITY.match(text, mention.end):
            # a KB name such as "Israel's military" before "operations": the state acts, "military" qualifies how
            tail = _MILITARY_TAIL.search(mention.text)
            if tail:
                builder.mentions.remove(mention)
                builder.add(mention.start, mention.start + tail.start(), agency_state[mention.entity], "actor")
                continue
        if mention.kind != "actor" or mention.entity not in index.armies:
            continue
        military = _POSSESSIVE_MILITARY.match(text, mention.end)
        if military and not builder.occupied(military.start() + 1, military.end()):
            builder.mentions.remove(mention)
            builder.add(mention.start, military.end(), index.armies[mention.entity], "actor")
