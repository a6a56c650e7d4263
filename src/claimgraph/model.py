"""The data that flows through the pipeline: documents in, extractions out.

Every stage imports from here; this module imports nothing of claimgraph's. ``Extraction.to_dict`` is the
JSON contract printed by ``claimgraph extract --format json`` (see docs/contract.md).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

ActorType = Literal["armed_group", "state", "state_agency", "political_party", "person", "international_org",
                    "other"]
ACTOR_TYPES: tuple[str, ...] = ("armed_group", "state", "state_agency", "political_party", "person",
                                "international_org", "other")

Relation = Literal["supports", "allied_with", "rival_of", "attacks", "claims_responsibility", "member_of",
                   "splinter_of", "leads", "operates_in"]
RELATIONS: tuple[str, ...] = ("supports", "allied_with", "rival_of", "attacks", "claims_responsibility",
                              "member_of", "splinter_of", "leads", "operates_in")
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"allied_with", "rival_of"})
DatePrecision = Literal["day", "month", "year"]

AUTHOR = "author"


def text_id(text: str) -> str:
    """Stable document id: ``sha256:`` plus the hex digest of the clean text."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_hash(*parts: object) -> str:
    """A short stable hash of the parts, for claim and event ids."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    """One article: its clean text and metadata. ``id`` is derived from the text."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD (or YYYY-MM / YYYY when that is all that is known)
    language: str | None = None
    tags: dict[str, str] = field(default_factory=dict)  # e.g. {"perspective": "indian"}
    source: str | None = None  # where it was read from: a path, "-" or "file.jsonl:12"

    @property
    def id(self) -> str:
        return text_id(self.text)

    def meta(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "url": self.url, "outlet": self.outlet,
                "published": self.published}


@dataclass(frozen=True)
class Span:
    """A stretch of the document's clean text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class ActorRecord:
    """An actor found in a document (KB-linked ``kb:…`` or discovered ``new:…``) with its mentions."""

    id: str
    name: str
    type: str
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "wikidata": self.wikidata,
                "aliases": list(self.aliases), "mentions": [m.to_dict() for m in self.mentions]}


@dataclass
class PlaceRecord:
    """A place named in a document, with its country and mentions."""

    id: str
    name: str
    country: str | None
    admin_level: int | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "country": self.country, "admin_level": self.admin_level,
                "lat": self.lat, "lon": self.lon, "mentions": [m.to_dict() for m in self.mentions]}


@dataclass(frozen=True)
class Speaker:
    """Who asserts a claim: the author, or a quoted or reported actor or person."""

    id: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name}


AUTHOR_SPEAKER = Speaker(AUTHOR, AUTHOR)


@dataclass
class EventPlace:
    name: str
    country: str | None
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "country": self.country}


@dataclass
class Event:
    """A dated happening, e.g. an attack, with perpetrators kept apart from claimants."""

    id: str
    kind: str
    evidence: Span
    date: str | None = None
    date_precision: str | None = None
    place: EventPlace | None = None
    perpetrators: list[str] = field(default_factory=list)
    claimed_by: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    killed: int | None = None
    wounded: int | None = None
    casualty_text: str | None = None  # the phrase behind a figure that is not a number ("scores")
    hedged: bool = False
    asserted_by: Speaker = AUTHOR_SPEAKER

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "date": self.date, "date_precision": self.date_precision,
                "place": self.place.to_dict() if self.place else None, "perpetrators": list(self.perpetrators),
                "claimed_by": list(self.claimed_by), "targets": list(self.targets), "killed": self.killed,
                "wounded": self.wounded, "casualty_text": self.casualty_text, "hedged": self.hedged,
                "asserted_by": self.asserted_by.to_dict(), "evidence": self.evidence.to_dict()}


@dataclass
class Claim:
    """One relation asserted in a document: subject → relation → object, with its evidence and speaker."""

    id: str
    subject: str
    relation: str
    object: str
    object_name: str
    evidence: Span
    polarity: Literal["affirmed", "negated"] = "affirmed"
    hedged: bool = False
    asserted_by: Speaker = AUTHOR_SPEAKER
    time: str | None = None
    confidence: float = 0.5
    extractor: str = ""
    subject_via: str | None = None  # the antecedent text when the subject was a pronoun or "the group"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "subject": self.subject, "relation": self.relation, "object": self.object,
                "object_name": self.object_name, "polarity": self.polarity, "hedged": self.hedged,
                "asserted_by": self.asserted_by.to_dict(), "time": self.time, "confidence": self.confidence,
                "extractor": self.extractor, "subject_via": self.subject_via,
                "evidence": self.evidence.to_dict()}


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    actors: list[ActorRecord] = field(default_factory=list)
    places: list[PlaceRecord] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document.meta(), "actors": [a.to_dict() for a in self.actors],
                "places": [p.to_dict() for p in self.places], "events": [e.to_dict() for e in self.events],
                "claims": [c.to_dict() for c in self.claims]}


@dataclass
class Corpus:
    """What the analysis reads: the extractions of a store plus what it knows about their sources."""

    extractions: list[Extraction]
    syndicated: dict[str, str] = field(default_factory=dict)  # document id → id of the first copy it repeats
    grades: dict[str, str] = field(default_factory=dict)  # outlet or speaker name → Admiralty grade A–F
