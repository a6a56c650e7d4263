"""Annotate a document: sentences, KB-linked actor and place mentions, discovered actors, coreference."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from operator import attrgetter
from weakref import WeakKeyDictionary

from claimgraph.kb import KnowledgeBase
from claimgraph.model import ActorRecord, Document, PlaceRecord, Span
from claimgraph.nlp import actor_phrases
from claimgraph.nlp.coref import Antecedent, resolve_references
from claimgraph.nlp.datelines import PLACE, STATE, Dateline, find_datelines
from claimgraph.nlp.descriptions import Named, description_owners, resolve_descriptions
from claimgraph.nlp.discovery import SEARCHES as DISCOVERY_SEARCHES
from claimgraph.nlp.discovery import Discovered, discover, slug
from claimgraph.nlp.keywords import StretchSearch, openings
from claimgraph.nlp.linker import HELD_OF, QUALIFYING_SUFFIX, Match, find_matches, reads_as_place
from claimgraph.nlp.sentences import Sentence, split_sentences
from claimgraph.nlp.text import fold

_ACRONYM_AFTER = re.compile(
    r"\s*(?:\(\s*([A-Z][A-Za-z0-9&'’-]{1,11})\s*\)|,?\s+(?:or|also known as|known as|a\.k\.a\.?)\s+(?:the\s+)?"
    r"([A-Z][A-Z0-9&-]{1,11})\b)")
_COREF_WINDOW_SENTENCES = 2
_BY_START = attrgetter("start")
_BY_SPAN = attrgetter("start", "end")


@dataclass(slots=True, unsafe_hash=True)  # not frozen: cheaper to build; never changed once built
class Mention:
    """A stretch of text that names an actor or place; ``via`` is the antecedent of a pronoun."""

    start: int
    end: int
    text: str
    ids: tuple[str, ...]
    kind: str  # "actor" | "place"
    via: str | None = None
    place_like: bool = False  # a state named as a location: "in Afghanistan", "Krasnogorsk, Russia"
    owner: str | None = None  # "Yemen's Houthis" as one name: Yemen

    @property
    def entity(self) -> str:
        return self.ids[0]

    def as_place(self) -> Mention:
        """The mention acting as a place (cheaper than ``dataclasses.replace``, in hot loops)."""
        return Mention(self.start, self.end, self.text, self.ids, "place", self.via, self.place_like, self.owner)

    def as_place_like(self) -> Mention:
        """The mention flagged as a state named as a location."""
        return Mention(self.start, self.end, self.text, self.ids, self.kind, self.via, True, self.owner)


@dataclass
class EntityInfo:
    """What the rest of the pipeline needs to know about an actor or place named in the document."""

    id: str
    name: str
    type: str  # actor type, or the place kind
    kind: str  # "actor" | "place"
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    admin_level: int | None = None
    lat: float | None = None
    lon: float | None = None
    ancestors: tuple[str, ...] = ()  # parents in the KB, nearest first


def by_name(mention: Mention, info: EntityInfo) -> bool:
    """Whether the mention spells its entity's name or an alias, rather than a demonym ("Pakistani")."""
    return mention.text == info.name or mention.text in info.aliases


@dataclass
class AnnotatedDoc:
    """A document with its sentences and mentions; mentions are sorted by offset."""

    document: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    entities: dict[str, EntityInfo]
    datelines: list[Dateline] = field(default_factory=list)  # in order; their mentions are dropped
    _starts: list[int] = field(default_factory=list, repr=False)
    document_id: str = field(init=False, repr=False)  # ``document.id``, which hashes the whole text, once

    def __post_init__(self) -> None:
        self.mentions.sort(key=_BY_SPAN)
        self._starts = [m.start for m in self.mentions]
        self.document_id = self.document.id

    @property
    def text(self) -> str:
        return self.document.text

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside ``[start, end)``."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def actor_records(self, acting: Collection[str] = ()) -> list[ActorRecord]:
        """One record per actor with its direct mentions (pronouns left out), in order of first mention; a state
        named only as a place is one when it is ``acting`` (in a claim or an event: "turned to Russia for help")."""
        records: dict[str, ActorRecord] = {}
        only_places = self._states_named_only_as_places(acting)
        for mention in self.mentions:
            if mention.kind != "actor" or mention.via is not None or mention.entity in only_places:
                continue
            info = self.entities[mention.entity]
            record = records.get(info.id)
            if record is None:  # built once: the aliases are copied for each record
                record = records[info.id] = ActorRecord(info.id, info.name, info.type, info.wikidata,
                                                        list(info.aliases))
            record.mentions.append(Span(mention.start, mention.end, mention.text))
        return list(records.values())

    def _states_named_only_as_places(self, acting: Collection[str]) -> set[str]:
        """States that the document names only as locations and that do not act: places here, not actors."""
        actor_uses = {m.entity for m in self.mentions if m.kind == "actor" and not m.place_like and m.via is None}
        return {m.entity for m in self.mentions if m.place_like} - actor_uses - set(acting)

    def place_records(self, acting: Collection[str] = ()) -> list[PlaceRecord]:
        """One record per place named, states named only as places among them unless ``acting``."""
        records: dict[str, PlaceRecord] = {}
        only_places = self._states_named_only_as_places(acting)
        for mention in self.mentions:
            if mention.kind != "place" and mention.entity not in only_places:
                continue
            info = self.entities[mention.entity]
            record = records.get(info.id)
            if record is None:
                record = records[info.id] = PlaceRecord(info.id, info.name, info.country, info.admin_level, info.lat,
                                                        info.lon)
            record.mentions.append(Span(mention.start, mention.end, mention.text))
        return list(records.values())


def _entity_info(kb: KnowledgeBase, entry_id: str) -> EntityInfo:
    actor = kb.actor(entry_id)
    if actor is not None:
        return EntityInfo(actor.id, actor.name, actor.type, "actor", actor.wikidata, list(actor.aliases),
                          actor.country, ancestors=tuple(kb.ancestors(entry_id)))
    place = kb.place(entry_id)
    assert place is not None, entry_id
    return EntityInfo(place.id, place.name, place.kind, "place", None, list(place.aliases), place.country,
                      place.admin_level, place.lat, place.lon, tuple(kb.ancestors(entry_id)))


@dataclass(frozen=True)
class _Meaning:
    """What a KB name can mean, worked out once per KB and name."""

    actor: str | None  # the actor it names
    place: str | None  # the place it names (the one with the lowest admin level), or shares with the actor
    place_reading: bool  # both, and not a state with its country: the place where the text reads as one
    speaks_for: str | None  # a place only: the state it may stand for ("Islamabad denied …")
    states: tuple[tuple[str, str], ...] = ()  # a name of several states' actors: each actor, and its state


_MEANINGS: WeakKeyDictionary[KnowledgeBase, dict[tuple[str, ...], _Meaning | None]] = WeakKeyDictionary()


def _meanings(kb: KnowledgeBase) -> dict[tuple[str, ...], _Meaning | None]:
    """The meanings of the KB's names met so far, by their ids."""
    found = _MEANINGS.get(kb)
    if found is None:
        found = _MEANINGS[kb] = {}
    return found


def _meaning(ids: tuple[str, ...], kb: KnowledgeBase) -> _Meaning | None:
    actors = [i for i in ids if i in kb.actors]
    places = [i for i in ids if i in kb.places]
    if actors and places:
        state_with_country = any(kb.actors[a].type == "state" for a in actors) and any(
            kb.places[p].kind == "country" for p in places)
        return _Meaning(actors[0], places[0], not state_with_country, None)
    if actors:
        states = tuple((a, state) for a in actors if (state := _state_of(a, kb)) is not None)
        return _Meaning(actors[0], None, False, None, states if len({s for _, s in states}) > 1 else ())
    if places:
        place = min(places, key=lambda p: kb.places[p].admin_level or 0)
        state = _metonyms(kb).get(place)
        return _Meaning(None, place, False,
                        state if state is not None and place != state.replace("kb:", "place:") else None)
    return None


def _state_of(actor_id: str, kb: KnowledgeBase) -> str | None:
    """The state an actor is, or belongs to by its country ("Intelligence Bureau (India)" → India)."""
    actor = kb.actors[actor_id]
    if actor.type == "state":
        return actor.id
    state = f"kb:{slug(actor.country)}" if actor.country else None
    return state if state in kb.actors and kb.actors[state].type == "state" else None


def _home_states(matches: Sequence[Match], kb: KnowledgeBase) -> dict[str, int]:
    """How often the text names each state (as an actor or as its country) by a name of no other state."""
    counts: dict[str, int] = {}
    for match in matches:
        states = {i.replace("place:", "kb:") for i in match.ids}
        states = {i for i in states if i in kb.actors and kb.actors[i].type == "state"}
        if len(states) == 1:
            state = states.pop()
            counts[state] = counts.get(state, 0) + 1
    return counts


def _choose(match: Match, text: str, kb: KnowledgeBase, meanings: dict[tuple[str, ...], _Meaning | None],
            home: Callable[[], dict[str, int]]) -> tuple[str, str] | None:
    """Pick the entry a KB match means here and whether it is an actor or a place; a name that several states'
    actors share ("the Ministry of Foreign Affairs", "the Intelligence Bureau") means that of the state the text
    names most (``home``), the first one where none is named more."""
    if match.ids not in meanings:
        meanings[match.ids] = _meaning(match.ids, kb)
    meaning = meanings[match.ids]
    if meaning is None:
        return None
    if meaning.states:
        counts = home()
        best = max(meaning.states, key=lambda actor_state: counts.get(actor_state[1], 0))
        if counts.get(best[1], 0) > counts.get(_state_of(meaning.actor, kb) or "", 0):
            return best[0], "actor"
    if meaning.actor is not None:
        if meaning.place_reading and reads_as_place(text, match.start, match.end):
            return meaning.place, "place"
        return meaning.actor, "actor"
    if meaning.speaks_for is not None and not reads_as_place(text, match.start, match.end) and not \
            _PLACE_CONTEXT_AFTER.match(text, match.end) and not \
            _PLACE_CONTEXT_BEFORE.search(text, max(0, match.start - 20), match.start):
        return meaning.speaks_for, "actor"  # "Islamabad denied …": the capital speaks for its state
    return meaning.place, "place"


_PLACE_CONTEXT_AFTER = re.compile(r"\s*(?:,\s*[A-Z]|['’]s\s+(?:streets|outskirts|suburbs|airport|residents|"
                                  r"neighbourhoods?|neighborhoods?|districts?|centre|center|old city)|-based|\s+"
                                  r"(?:city|province|district|airport|police|residents))")


_PLACE_CONTEXT_BEFORE = re.compile(r"\b(?:capital|city|town|port)\s+(?:of\s+)?$", re.IGNORECASE)

_METONYMS: WeakKeyDictionary[KnowledgeBase, dict[str, str]] = WeakKeyDictionary()


_POSSESSIVE_NAME = re.compile(r"(.+?)['’]s?\s+\S")


def _owner(name: str, kb: KnowledgeBase, builder: _Builder) -> str | None:
    """The actor or place a possessive KB name starts with ("Yemen's Houthis" → Yemen)."""
    found = _POSSESSIVE_NAME.match(name) if "'" in name or "’" in name else None
    if not found:
        return None
    matches = find_matches(found.group(1), kb)
    if len(matches) != 1 or (matches[0].start, matches[0].end) != (0, len(found.group(1))):
        return None
    owner = matches[0].ids[0]
    if owner not in builder.entities:
        builder.entities[owner] = _entity_info(kb, owner)
    return owner


def _metonyms(kb: KnowledgeBase) -> dict[str, str]:
    """Place id → the state it stands for, computed once per KB."""
    found = _METONYMS.get(kb)
    if found is None:
        found = _METONYMS[kb] = kb.metonyms()
    return found


class _Builder:
    """Collects mentions and entity records for one document."""

    def __init__(self, doc: Document, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.text = doc.text
        self.kb = kb
        self.mentions: list[Mention] = []
        self.entities: dict[str, EntityInfo] = {}

    def occupied(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.mentions)

    def add(self, start: int, end: int, entry_id: str, kind: str, via: str | None = None,
            ids: tuple[str, ...] | None = None, owner: str | None = None) -> None:
        for one in ids or (entry_id,):
            if one not in self.entities:
                self.entities[one] = _entity_info(self.kb, one)
        self.mentions.append(Mention(start, end, self.text[start:end], ids or (entry_id,), kind, via, owner=owner))

    def add_new(self, start: int, end: int, name: str, actor_type: str) -> str:
        entry_id = "new:" + slug(name)
        if entry_id not in self.entities:
            self.entities[entry_id] = EntityInfo(entry_id, name, actor_type, "actor")
        self.mentions.append(Mention(start, end, self.text[start:end], (entry_id,), "actor"))
        return entry_id

    def replace(self, old: Mention, entry_id: str) -> None:
        self.mentions.remove(old)
        self.mentions.append(Mention(old.start, old.end, old.text, (entry_id,), "actor", old.via))


def annotate(doc: Document, kb: KnowledgeBase) -> AnnotatedDoc:
    """Sentences, KB-linked mentions, discovered actors, document-defined acronyms and coreference."""
    builder = _Builder(doc, kb)
    text = doc.text
    folded = fold(text)
    meanings = _meanings(kb)
    matches = find_matches(text, kb, folded)
    home_states = cache(lambda: _home_states(matches, kb))  # counted only if a name needs them
    for match in matches:
        chosen = _choose(match, text, kb, meanings, home_states)
        if chosen:
            builder.add(match.start, match.end, *chosen, owner=_owner(text[match.start:match.end], kb, builder))
    actor_phrases.link_state_phrases(builder, kb, folded)
    *discovery_matches, with_place_word = _TEXT_SEARCH.matches(text)
    _add_unknown_places(builder, with_place_word)
    _add_armed_communities(builder)
    _add_discovered(builder, discovery_matches)
    _apply_defined_acronyms(builder)
    _drop_redefined_acronyms(builder)
    _add_short_names(builder)
    datelines = _drop_datelines(builder)
    sentences = split_sentences(text)
    _add_descriptions(builder, sentences)
    _add_references(builder, sentences)
    return AnnotatedDoc(doc, sentences, _mark_place_like(text, builder.mentions, builder.entities), builder.entities,
                        datelines)


_CREDIT_LINE = re.compile(r"^(?:photo|image|picture|video|graphic)s?(?:\s+credits?)?\s*:[^\n.]{0,80}",
                          re.IGNORECASE | re.MULTILINE)


def _drop_datelines(builder: _Builder) -> list[Dateline]:
    """Datelines ("KIGALI, Rwanda (AA) –", "PESHAWAR:") say where the reporter filed from and "Photo credit:
    Israel Police" who took a picture, not what happened: no mentions there. Returns the datelines."""
    starts = {m.start for m in builder.mentions}

    def named(offset: int) -> tuple[int, str] | None:
        """The end and kind of the longest place or state named from ``offset``."""
        if offset not in starts:
            return None
        found = [(m.end, kind) for m in builder.mentions if m.start == offset and m.via is None
                 and (kind := _place_or_state(builder.entities[m.entity]))]
        return max(found, key=lambda end_kind: end_kind[0]) if found else None

    datelines = find_datelines(builder.text, named)
    spans = [(d.start, d.end) for d in datelines] + _line_matches(_CREDIT_LINE, builder.text)
    if spans:
        builder.mentions = [m for m in builder.mentions if not any(s <= m.start < e for s, e in spans)]
    return datelines


def _place_or_state(entity: EntityInfo) -> str | None:
    if entity.kind == "place":
        return STATE if entity.type == "country" else PLACE
    return STATE if entity.type == "state" else None


def _line_matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans ``pattern.finditer(text)`` finds, for a pattern that opens with ``^`` in ``re.MULTILINE`` mode:
    tried only at the start of each line rather than at every character."""
    spans: list[tuple[int, int]] = []
    line = done = 0
    while line >= 0:
        found = pattern.match(text, line) if line >= done else None
        if found:
            spans.append(found.span())
            done = found.end()
        line = text.find("\n", line)
        line = line + 1 if line >= 0 else -1
    return spans


DIRECTION = r"(?:north|south|east|west|central|northern|southern|eastern|western)(?:-?\w+ern)?"  # "north-western"
_AFTER_PLACE = re.compile(rf"\s*,\s*(?:{DIRECTION}\s+)?$", re.IGNORECASE)
# nouns for a non-state armed group ("the Lebanese group", "the Somali militant organisation")
GROUP_NOUN = (r"(?:(?:armed|militant|terror(?:ist)?|jihadist|rebel|separatist|insurgent|islamist)\s+)?"
              r"(?:group|militias?|militants|outfit|organi[sz]ation|movement|insurgents|jihadists|rebels|faction)")
_GROUP_NOUN = re.compile(rf"\s+{GROUP_NOUN}\b", re.IGNORECASE)
_OWNER_OF = re.compile(r"['’]s?\s+")
_HOLDING = re.compile(r"-(?:controlled|held|run|occupied|dominated|ruled)\b", re.IGNORECASE)
_CLAUSE_OPENS = re.compile(r"(?:^|[.!?:;\n\"“]\s*)$")
_LOCATIVE = re.compile(r"\b(?:in|at|across|throughout|within|inside)\s+$", re.IGNORECASE)
_LISTED_PLACE = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*$")  # "in Liberia, India, Vietnam or Kuwait"
BASED = re.compile(r"-(?:based|flagged|registered|owned|operated|bound)\b")  # "a Mali-based group" names a base
_PLACE_SUFFIX = re.compile(rf"{BASED.pattern}|"
                           r"['’]s?\s+(?:borders?|territory|soil|capital|north|south|east|west|northern|southern|eastern|western|central|provinces?|regions?|cities|tribal)\b")


def _mark_place_like(text: str, mentions: list[Mention], entities: dict[str, EntityInfo]) -> list[Mention]:
    """Flag the states the text names as locations ("in Afghanistan", "Kidal, Mali", "Pakistan-based")."""
    ordered = sorted(mentions, key=_BY_START)
    marked: list[Mention] = []
    in_list = False  # inside a list of places ("in Liberia, India or Kuwait"): every state listed is a place
    held_list = False  # inside a list of states whose governments or leaders act
    for index, mention in enumerate(ordered):
        if mention.kind != "actor" or entities[mention.entity].type != "state":
            marked.append(mention)
            continue
        named = by_name(mention, entities[mention.entity])  # a demonym ("the Lebanese group") is no place
        if mention.via is None and named:
            last = marked[-1] if marked else None
            listed = in_list and last is not None and bool(_LISTED_PLACE.fullmatch(text, last.end, mention.start))
            after_place = last is not None and last.kind == "place" and bool(
                _AFTER_PLACE.fullmatch(text, last.end, mention.start))
            following = ordered[index + 1] if index + 1 < len(ordered) else None
            owns_actor = following is not None and following.kind == "actor" and bool(  # "Russia's Wagner Group"
                _OWNER_OF.fullmatch(text, mention.end, following.start)) and not _HOLDING.match(text, following.end)
            # "the governments of Mali, Burkina Faso and Niger": every state listed after "governments of" acts
            acting_list = held_list and last is not None and last.kind == "actor" and not last.place_like and bool(
                _LISTED_PLACE.fullmatch(text, last.end, mention.start))
            held_list = acting_list or (text.endswith(("of ", "of the "), 0, mention.start) and bool(
                HELD_OF.search(text, max(0, mention.start - 40), mention.start)))
            place_like = listed or (not owns_actor and ((not acting_list and (after_place or reads_as_place(
                text, mention.start, mention.end))) or bool(_PLACE_SUFFIX.match(text, mention.end))))
            if not listed:
                locative = _LOCATIVE.search(text, max(0, mention.start - 12), mention.start) if place_like else None
                # "In Syria, Turkey and Iran back …": a fronted place opens no list
                in_list = locative is not None and not _CLAUSE_OPENS.search(
                    text, max(0, locative.start() - 3), locative.start())
            if place_like:
                mention = mention.as_place_like()
        elif not named and _GROUP_NOUN.match(text, mention.end):
            mention = mention.as_place_like()  # "the Lebanese group Hezbollah": where it is based
        marked.append(mention)
    return marked


_PLACE_NAME = r"([A-Z][\w’'-]+(?:[ -](?:(?:al|el|ad|as|ash|at|az|ar|an|ul)-)?[A-Z][\w’'-]+){0,2})"  # "Jazrat al-Milaj"
_PLACE_WORDS = r"area|district|village|hamlet|town|city|region|county|tehsil|camp|locality|neighbourhood|neighborhood"
_PLACE_WORD = rf"(?:{_PLACE_WORDS})"
_UNKNOWN_BEFORE_KNOWN = re.compile(rf"\b(?:in|near|at|outside|from|of)\s+(?:the\s+)?{_PLACE_NAME}(?:\s+{_PLACE_WORD})?"
                                   r"(?:,\s+|\s+(?:area\s+)?of\s+|\s+in\s+)$")
_UNKNOWN_AFTER_KNOWN = re.compile(rf"['’]s?\s+{_PLACE_NAME}\s+{_PLACE_WORD}\b")
_UNKNOWN_WITH_WORD = re.compile(rf"\b(?:in|near|at|outside)\s+(?:the\s+)?(?:{_PLACE_WORD}\s+of\s+{_PLACE_NAME}|"
                                rf"{_PLACE_NAME}\s+{_PLACE_WORD})\b")
# read only where a place word stands, in stretches free of other characters than a match can hold; in the same
# pass over the text as the patterns of actor discovery
_TEXT_SEARCH = StretchSearch([*DISCOVERY_SEARCHES,
                              (_UNKNOWN_WITH_WORD, openings(_PLACE_WORDS), re.compile(r"[^\w'’\s-]"))])
_NOT_PLACE_NAMES = frozenset(
    "The This That These A An January February March April May June July August September October November "
    "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday North South East West Northern Southern "
    "Eastern Western Central".split())


def _add_unknown_places(builder: _Builder, with_place_word: list[re.Match[str]]) -> None:
    """Villages and areas the KB does not know, named next to a place it knows ("Buleda, Kech",
    "Quetta's Mian Ghundi area") or with a place word ("the Kolpur area", ``with_place_word``: the matches of
    ``_UNKNOWN_WITH_WORD``): they are places, never actors."""
    text = builder.text
    known = [m for m in builder.mentions if m.kind == "place"]
    found: list[tuple[int, int, str, str | None]] = []
    for place in known:
        window = max(0, place.start - 60)
        # every match ends with ", ", " of " or " in ": a cheap test first
        tail = text[window:place.start]
        before = _UNKNOWN_BEFORE_KNOWN.search(text, window, place.start) if tail[-1:].isspace() and \
            tail.rstrip().endswith((",", "of", "in")) else None
        if before:
            found.append((before.start(1), before.end(1), before.group(1), place.entity))
        after = _UNKNOWN_AFTER_KNOWN.match(text, place.end)
        if after:
            found.append((after.start(1), after.end(1), after.group(1), place.entity))
    for match in with_place_word:
        group = 1 if match.group(1) else 2
        found.append((match.start(group), match.end(group), match.group(group), None))
    for start, end, name, container in found:
        if name.split()[0] in _NOT_PLACE_NAMES or builder.occupied(start, end):
            continue
        entry_id = "place:new:" + slug(name)
        if entry_id not in builder.entities:
            parent = builder.entities.get(container) if container else None
            builder.entities[entry_id] = EntityInfo(
                entry_id, name, "area", "place", country=parent.country if parent else None, admin_level=3,
                ancestors=((container, *parent.ancestors) if parent and container else ()))
        builder.mentions.append(Mention(start, end, text[start:end], (entry_id,), "place"))


_ARMED_NOUN = re.compile(r"(?:\s+|-led\s+)(?:(?P<plural>rebels|separatists|insurgents|militants|fighters|militias?|"
                         r"gunmen)\b|(?P<kind>rebel|separatist|insurgent|militant|armed)\s+(?:groups?|movements?|"
                         r"factions?|forces|outfits?|alliance|coalition)\b)")
_ARMED_PLURAL = {"rebel": "rebels", "separatist": "separatists", "insurgent": "insurgents", "militant": "militants",
                 "armed": "armed groups"}


def _add_armed_communities(builder: _Builder) -> None:
    """"Tuareg rebels", "a Tuareg rebel group", "Tuareg-led separatists" are an armed group of their own, not the
    Tuareg people the KB knows. It is named as first written, the community's name as written and the plural
    of its kind ("Tuareg rebels" for "a Tuareg rebel group"); the later forms of the text name the same group."""
    text = builder.text
    named: dict[str, str] = {}  # the group's name, by community
    for mention in list(builder.mentions):
        actor = builder.kb.actor(mention.entity) if mention.kind == "actor" and len(mention.ids) == 1 else None
        armed = _ARMED_NOUN.match(text, mention.end) if actor and actor.sector == "ETH" else None
        if armed and not builder.occupied(mention.end, armed.end()):
            builder.mentions.remove(mention)
            kind = armed.group("plural") or _ARMED_PLURAL[armed.group("kind").lower()]
            name = named.setdefault(mention.entity, " ".join([*text[mention.start:mention.end].split(), kind]))
            builder.add_new(mention.start, armed.end(), name, "armed_group")  # "Pashtun fighters", not "Pashtuns …"


def _add_discovered(builder: _Builder, matches: Sequence[list[re.Match[str]]]) -> None:
    """Actors the KB does not know; ``matches`` are those of the discovery patterns in the text."""
    for found in discover(builder.text, matches):
        overlapping = [m for m in builder.mentions if m.start < found.end and found.start < m.end]
        if found.type == "person":
            if overlapping:
                continue
        elif any(m.start < found.start or m.end > found.end for m in overlapping) or (
                not _names_a_faction(builder.text, found, overlapping) and any(
                    m.kind == "actor" and builder.entities[m.entity].type not in ("state", "other")
                    for m in overlapping)):
            continue
        for mention in overlapping:
            builder.mentions.remove(mention)
        builder.add_new(found.start, found.end, found.name, found.type)


def _names_a_faction(text: str, found: Discovered, overlapping: list[Mention]) -> bool:
    """"the TTP-Gandapur group": a known group's name, a hyphen and a name of its own; "the Al-Qaeda group"
    is the known group itself."""
    return found.faction and any(m.start == found.start and text.startswith("-", m.end) for m in overlapping)


def _apply_defined_acronyms(builder: _Builder) -> None:
    """"… Province (ISKP)" or "…, or ISKP": the acronym names that actor for the rest of the document."""
    text = builder.text
    for mention in sorted(builder.mentions, key=_BY_START):
        if mention.kind != "actor" or mention.via is not None:
            continue
        found = _ACRONYM_AFTER.match(text, mention.end)
        if not found:
            continue
        acronym = found.group(1) or found.group(2)
        if sum(c.isupper() for c in acronym) < 2 or not _could_abbreviate(acronym, mention.text):
            continue  # "Mauritania (AP)" credits a news agency
        for start, end in _standalone(text, acronym, found.start(), hyphen_after=True):
            same_span = [m for m in builder.mentions if m.start == start and m.end == end]
            if same_span:
                if same_span[0].entity != mention.entity and same_span[0].kind == "actor":
                    builder.replace(same_span[0], mention.entity)
            elif not builder.occupied(start, end):
                builder.add(start, end, mention.entity, "actor")


_NAME_BEFORE_BRACKET = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the)\s+)?){2,8})\(\s*$")


def _drop_redefined_acronyms(builder: _Builder) -> None:
    """"the Crime Investigation Agency (CIA)": the text gives a known acronym to a body the KB does not know;
    the KB's body of that acronym is not meant, there or later."""
    text = builder.text
    redefined: set[tuple[str, str]] = set()
    for mention in builder.mentions:
        if mention.kind != "actor" or not mention.text.isupper() or not text[
                max(0, mention.start - 10):mention.start].rstrip().endswith("("):
            continue
        name = _NAME_BEFORE_BRACKET.search(text, max(0, mention.start - 80), mention.start)
        if name is None or builder.occupied(name.start(1), name.end(1)):
            continue  # "the Central Intelligence Agency (CIA)" is the KB's own name, already a mention
        if "".join(word[0] for word in name.group(1).split() if word[0].isupper()) == mention.text:
            redefined.add((mention.text, mention.entity))
    if redefined:
        builder.mentions = [m for m in builder.mentions if (m.text, m.entity) not in redefined]


def _could_abbreviate(acronym: str, name: str) -> bool:
    """An acronym starts with the first letter of one of the name's words ("al-" set aside)."""
    words = re.findall(r"[^\W\d_]+", re.sub(r"\b[Aa][lr]-", "", name))
    return acronym[0].upper() in {w[0].upper() for w in words}


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\w`` matches


def _standalone(text: str, word: str, start: int = 0, hyphen_after: bool = False) -> Iterator[tuple[int, int]]:
    """Spans of ``word`` in ``text`` from ``start``, never overlapping, with no word character or hyphen just
    before and no word character (nor hyphen, unless ``hyphen_after``) just after: a plain-string search,
    cheaper than compiling a regex for each word."""
    found = text.find(word, start)
    while found >= 0:
        end = found + len(word)
        before, after = text[found - 1:found], text[end:end + 1]
        if (not before or not (_is_word_char(before) or before == "-")) and (
                not after or not (_is_word_char(after) or (after == "-" and not hyphen_after))):
            yield found, end
            found = text.find(word, end)
        else:
            found = text.find(word, found + 1)


def _add_short_names(builder: _Builder) -> None:
    """A person named in full may be called by surname later ("Munir said")."""
    surnames: dict[str, set[str]] = {}
    for mention in builder.mentions:
        info = builder.entities[mention.entity]
        if info.type == "person" and mention.via is None:
            parts = info.name.split()
            if len(parts) >= 2 and len(parts[-1]) >= 4:
                surnames.setdefault(parts[-1], set()).add(info.id)
    for surname, ids in surnames.items():
        if len(ids) != 1:
            continue
        (person,) = ids
        for start, end in _standalone(builder.text, surname):
            if not builder.occupied(start, end):
                builder.add(start, end, person, "actor")


def _add_descriptions(builder: _Builder, sentences: list[Sentence]) -> None:
    """"ISIS's regional branch" names one group of the KB: it replaces the mentions inside it."""
    owners = description_owners(builder.kb)
    if not any(m.ids[0] in owners and m.via is None and len(m.ids) == 1 for m in builder.mentions):
        return
    named = []
    for mention in builder.mentions:
        if mention.via is None and len(mention.ids) == 1:
            info = builder.entities[mention.entity]
            country = info.country if info.kind == "place" else info.name if info.type == "state" else None
            non_state = info.kind == "actor" and info.type != "state"
            named.append(Named(mention.start, mention.end, mention.entity, country, non_state))
    for found in resolve_descriptions(builder.text, named, [(s.start, s.end) for s in sentences], builder.kb):
        covered = {(m.start, m.end) for m in found.covers}
        builder.mentions = [m for m in builder.mentions if (m.start, m.end) not in covered]
        # "the regional wing of ISIS" also says whose wing it is: the group it is built on owns it
        owner = next((m.entity for m in found.covers if m.entity in owners and m.entity != found.entity), None)
        builder.add(found.start, found.end, found.entity, "actor", owner=owner)


def _add_references(builder: _Builder, sentences: list[Sentence]) -> None:
    starts = [s.start for s in sentences]

    def window_start(offset: int) -> int:
        index = max(0, bisect.bisect_right(starts, offset) - 1 - _COREF_WINDOW_SENTENCES)
        return starts[index] if starts else 0

    def previous_sentence(offset: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(starts, offset) - 1
        return (starts[index - 1], starts[index]) if index >= 1 and starts[index] == offset else None

    text = builder.text
    antecedents = [Antecedent(m.start, m.end, m.entity, builder.entities[m.entity].type, m.text)
                   # "a Mali-based group … its members", "the al-Qaeda-linked group … its fighters": the name only
                   # qualifies another noun
                   for m in builder.mentions
                   if m.kind == "actor" and len(m.ids) == 1 and not (
                       text.startswith("-", m.end) and (BASED.match(text, m.end) or QUALIFYING_SUFFIX.match(
                           text, m.end)))]  # a cheap test first
    for ref in resolve_references(builder.text, window_start, antecedents, _overlap_test(builder.mentions),
                                  previous_sentence):
        builder.add(ref.start, ref.end, ref.ids[0], "actor", via=ref.antecedent, ids=ref.ids)


def _overlap_test(mentions: list[Mention]) -> Callable[[int, int], bool]:
    """A fast ``occupied(start, end)`` for a fixed set of mentions: whether any of them overlaps the span."""
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # the furthest end among the first i + 1 spans

    def overlaps(start: int, end: int) -> bool:
        before = bisect.bisect_left(starts, end)  # the spans that start before ``end``
        return before > 0 and reach[before - 1] > start

    return overlaps
