"""What every exporter needs to know about the actors and places a corpus mentions.

Knowledge-base entries win over what a document's extraction recorded; an id that neither knows (a
discovered actor, a target group written as text) becomes an entity named after the text it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.kb import KnowledgeBase
from claimgraph.model import Claim, Corpus, Event

PLACE_RELATIONS = frozenset({"operates_in"})
EVENT_RELATIONS = frozenset({"claims_responsibility"})


@dataclass(frozen=True)
class ActorInfo:
    """An actor as the exports describe it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    parent: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class PlaceInfo:
    """A place as the exports describe it."""

    id: str
    name: str
    country: str | None = None
    kind: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Entities:
    """Actors and places of a corpus, looked up by id."""

    actors: dict[str, ActorInfo] = field(default_factory=dict)
    places: dict[str, PlaceInfo] = field(default_factory=dict)

    def actor(self, actor_id: str) -> ActorInfo:
        """The actor with this id; an unknown id is an actor of type ``other`` named after the id."""
        found = self.actors.get(actor_id)
        if found is None:
            found = ActorInfo(id=actor_id, name=_name_of(actor_id), type="other")
            self.actors[actor_id] = found
        return found

    def is_place(self, entry_id: str) -> bool:
        return entry_id in self.places


def _name_of(entry_id: str) -> str:
    """A readable name for an id nobody described: ``new:abu-x`` → ``abu x``; plain text stays."""
    prefix, sep, rest = entry_id.partition(":")
    if sep and prefix in {"kb", "new", "place"}:
        return rest.replace("-", " ")
    return entry_id


def _from_kb(kb: KnowledgeBase, actor_id: str) -> ActorInfo | None:
    entry = kb.actor(actor_id)
    if entry is None:
        return None
    return ActorInfo(id=entry.id, name=entry.name, type=entry.type, aliases=tuple(entry.aliases),
                     wikidata=entry.wikidata, parent=entry.parent, country=entry.country, sector=entry.sector)


def claim_object_kind(claim: Claim, entities: Entities) -> str:
    """Whether a claim's object is an ``actor``, a ``place`` or an ``event``."""
    if claim.relation in PLACE_RELATIONS or entities.is_place(claim.object):
        return "place"
    if claim.relation in EVENT_RELATIONS and claim.object not in entities.actors:
        return "event"
    return "actor"


def event_actor_ids(event: Event) -> list[str]:
    """Perpetrators, claimants and targets of an event, in that order, without repeats."""
    return list(dict.fromkeys([*event.perpetrators, *event.claimed_by, *event.targets]))


def _place(kb: KnowledgeBase, place_id: str, name: str, country: str | None, lat: float | None = None,
           lon: float | None = None) -> PlaceInfo:
    """A place as the document names it, completed (and renamed) by the knowledge base's entry."""
    known = kb.place(place_id)
    if known is None:
        return PlaceInfo(id=place_id, name=name, country=country, lat=lat, lon=lon)
    return PlaceInfo(id=place_id, name=known.name, country=known.country or country, kind=known.kind,
                     lat=lat if lat is not None else known.lat, lon=lon if lon is not None else known.lon)


def collect(corpus: Corpus, kb: KnowledgeBase) -> Entities:
    """Every actor and place the corpus refers to, with the knowledge base's description where it has one.

    Parents of KB actors are included (recursively), so that the hierarchy can be exported.
    """
    entities = Entities()
    for extraction in corpus.extractions:
        for place in extraction.places:
            if place.id not in entities.places:
                entities.places[place.id] = _place(kb, place.id, place.name, place.country, place.lat, place.lon)
        for record in extraction.actors:
            if record.id not in entities.actors:
                entities.actors[record.id] = _from_kb(kb, record.id) or ActorInfo(
                    id=record.id, name=record.name, type=record.type, aliases=tuple(record.aliases),
                    wikidata=record.wikidata)
        for event in extraction.events:
            place_id = event_place_id(event)
            if event.place is not None and place_id is not None and place_id not in entities.places:
                entities.places[place_id] = _place(kb, place_id, event.place.name, event.place.country)
    for extraction in corpus.extractions:
        for claim in extraction.claims:
            _add_actor(entities, kb, claim.subject, _name_of(claim.subject))
            kind = claim_object_kind(claim, entities)
            if kind == "place" and claim.object not in entities.places:
                entities.places[claim.object] = _place(kb, claim.object, claim.object_name, None)
            elif kind == "actor":
                _add_actor(entities, kb, claim.object, claim.object_name)
        for event in extraction.events:
            for actor_id in event_actor_ids(event):
                _add_actor(entities, kb, actor_id, _name_of(actor_id))
    for actor_id in list(entities.actors):
        for ancestor in kb.ancestors(actor_id):
            if ancestor in kb.actors:
                _add_actor(entities, kb, ancestor, ancestor)
    return entities


def _add_actor(entities: Entities, kb: KnowledgeBase, actor_id: str, name: str) -> None:
    if actor_id not in entities.actors:
        entities.actors[actor_id] = _from_kb(kb, actor_id) or ActorInfo(id=actor_id, name=name, type="other")


def event_place_id(event: Event) -> str | None:
    """The id under which ``collect`` filed the event's place."""
    if event.place is None:
        return None
    return event.place.id or f"place:{event.place.name}|{event.place.country or ''}"
