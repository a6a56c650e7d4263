"""Read a STIX 2.1 bundle (claimgraph's own, OpenCTI's or MISP's) into KB entries and extractions.

Threat actors, intrusion sets and identities become actors, locations become places; an actor or place
the knowledge base already knows (by claimgraph id, Wikidata id, or name and alias) keeps its KB id, the
others become user KB entries whose ``source`` is the bundle. Relationships whose type maps to a claimgraph
relation become claims, incidents become events, grouped in one document per STIX report (loose
relationships: one document per creator). A claim's id is ``stix:`` plus the relationship's STIX id; its
document names the bundle (``source``), the report and the creator (``outlet``), and its text is the
evidence sentences, one per line, so that every claim's evidence offsets point into it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from claimgraph.errors import InputError
from claimgraph.export.countries import Countries
from claimgraph.export.stix_export import CLAIMGRAPH_IDENTITY_ID
from claimgraph.export.stix_mapping import (
    LABEL_CLAIMED,
    LABEL_HEDGED,
    LABEL_KB,
    LABEL_NEGATED,
    LABEL_PERPETRATOR,
    actor_type_of,
    relation_of,
)
from claimgraph.kb import KBActor, KBPlace, KnowledgeBase
from claimgraph.kb.entries import entry_to_mapping
from claimgraph.kb.schema import PLACE_KINDS
from claimgraph.kb.states import slug
from claimgraph.model import (
    AUTHOR_SPEAKER,
    ActorRecord,
    Claim,
    Document,
    Event,
    EventPlace,
    Extraction,
    PlaceRecord,
    Span,
    Speaker,
)

ACTOR_TYPES_STIX = frozenset({"threat-actor", "intrusion-set", "identity"})
CONTAINER_TYPES = frozenset({"report", "grouping"})  # MISP exports an event as either
SOURCE_LABELS = frozenset({"outlet", "author"})  # identities that published documents, not actors
EXTRACTOR = "stix-import"
_QID = re.compile(r"\bQ[1-9]\d*\b")
_KB_ID = re.compile(r"(kb|place):[a-z0-9][a-z0-9._-]*")


class ClaimStore(Protocol):
    """What ``import_stix`` needs of a store (``claimgraph.store.Store`` has it)."""

    def add_kb_entries(self, source: str, actors: Any = (), places: Any = ()) -> int: ...

    def add(self, extraction: Extraction) -> Any: ...


@dataclass
class StixImport:
    """What a bundle holds, in claimgraph's terms, and what could not be read."""

    source: str
    actors: list[KBActor] = field(default_factory=list)  # new user KB entries
    places: list[KBPlace] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # STIX id → claimgraph id
    skipped: list[str] = field(default_factory=list)  # "<STIX id>: <reason>"
    stored: list[Any] = field(default_factory=list)  # what the store said for each document (import_stix)

    def kb(self, base: KnowledgeBase) -> KnowledgeBase:
        """``base`` extended with the imported entries."""
        return KnowledgeBase({**base.actors, **{a.id: a for a in self.actors}},
                             {**base.places, **{p.id: p for p in self.places}})


def _labels(obj: dict[str, Any]) -> list[str]:
    return [str(label) for label in obj.get("labels") or []]


def _external_id(obj: dict[str, Any], source_name: str) -> str | None:
    for ref in obj.get("external_references") or []:
        if str(ref.get("source_name", "")).casefold() == source_name and ref.get("external_id"):
            return str(ref["external_id"])
    return None


def _wikidata(obj: dict[str, Any]) -> str | None:
    for ref in obj.get("external_references") or []:
        text = f"{ref.get('source_name', '')} {ref.get('external_id', '')} {ref.get('url', '')}"
        if "wikidata" in text.casefold():
            found = _QID.search(text)
            if found:
                return found.group(0)
    return None


def _aliases(obj: dict[str, Any]) -> list[str]:
    values = [*(obj.get("aliases") or []), *(obj.get("x_opencti_aliases") or []),
              *(obj.get("x_claimgraph_aliases") or [])]
    return list(dict.fromkeys(str(v).strip() for v in values if str(v).strip() and str(v) != obj.get("name")))


class _Reader:
    def __init__(self, objects: list[dict[str, Any]], kb: KnowledgeBase, source: str) -> None:
        self.objects = {str(o["id"]): o for o in objects if isinstance(o, dict) and "id" in o and "type" in o}
        self.kb = kb
        self.countries = Countries(kb)
        self.result = StixImport(source)
        self.taken = set(kb.actors) | set(kb.places)
        self.names: dict[str, str] = {}
        for entry in kb.actors.values():
            for name in (entry.name, *entry.aliases):
                self.names.setdefault(name.casefold(), entry.id)
        self.states = {a.name for a in kb.actors.values() if a.type == "state"}
        self.places_by_name: dict[str, list[KBPlace]] = {}
        for place in kb.places.values():
            for name in dict.fromkeys(n.casefold() for n in (place.name, *place.aliases)):
                self.places_by_name.setdefault(name, []).append(place)
        self.notes: dict[str, list[dict[str, Any]]] = {}
        for obj in self.objects.values():
            if obj["type"] == "note":
                for ref in obj.get("object_refs") or []:
                    self.notes.setdefault(str(ref), []).append(obj)
        self.by_wikidata = {a.wikidata: a.id for a in kb.actors.values() if a.wikidata}
        self.records: dict[str, ActorRecord] = {}
        self.creators = {str(o["created_by_ref"]) for o in self.objects.values() if o.get("created_by_ref")}
        self.endpoints = {str(o.get(k)) for o in self.objects.values() if o["type"] == "relationship"
                          for k in ("source_ref", "target_ref")}
        self.place_records: dict[str, PlaceRecord] = {}

    def _new_id(self, prefix: str, name: str) -> str:
        base = slug(name) or "entry"
        candidate, n = f"{prefix}{base}", 2
        while candidate in self.taken:
            candidate, n = f"{prefix}{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate

    def _usable(self, own_id: str | None, prefix: str) -> bool:
        """Whether a claimgraph id carried by the bundle can name a new KB entry (well formed, still free)."""
        return bool(own_id and own_id.startswith(prefix) and _KB_ID.fullmatch(own_id) and own_id not in self.taken)

    def _describe(self, obj: dict[str, Any]) -> str:
        creator = self.objects.get(str(obj.get("created_by_ref")), {}).get("name")
        return f"Imported from {Path(self.result.source).name}, {obj['id']}" + (
            f", created by {creator}" if creator else "") + "."

    # --- actors and places -------------------------------------------------------------------------
    def actor(self, obj: dict[str, Any]) -> str:
        stix_id = str(obj["id"])
        if stix_id in self.result.ids:
            return self.result.ids[stix_id]
        name = str(obj.get("name") or stix_id)
        aliases, wikidata = _aliases(obj), _wikidata(obj)
        own_id = _external_id(obj, "claimgraph")
        known = (own_id if own_id in self.kb.actors else None) or (self.by_wikidata.get(wikidata or "")) or next(
            (self.names[n.casefold()] for n in (name, *aliases) if n.casefold() in self.names), None)
        actor_type = actor_type_of(_labels(obj), str(obj["type"]), obj.get("identity_class"))
        if known is not None:
            entry = self.kb.actors[known]
            record = ActorRecord(known, entry.name, entry.type, entry.wikidata, list(entry.aliases))
        else:
            new_id = own_id if self._usable(own_id, "kb:") else self._new_id("kb:", name)
            self.taken.add(new_id)
            sector = "MIL" if "defense" in (obj.get("sectors") or []) else None
            entry = KBActor(id=new_id, name=name, type=actor_type, sector=sector, aliases=aliases, wikidata=wikidata,
                            description=" ".join(p for p in (obj.get("description"), self._describe(obj)) if p),
                            source=self.result.source)
            self.result.actors.append(entry)
            record = ActorRecord(new_id, name, actor_type, wikidata, aliases)
        self.result.ids[stix_id] = record.id
        self.records[record.id] = record
        return record.id

    def place(self, obj: dict[str, Any]) -> str:
        stix_id = str(obj["id"])
        if stix_id in self.result.ids:
            return self.result.ids[stix_id]
        country_name = self.countries.name(obj.get("country"))
        country = country_name if country_name in self.states else None  # the KB accepts only its states
        name = str(obj.get("name") or country_name or obj.get("region") or stix_id)
        own_id = _external_id(obj, "claimgraph")
        known = own_id if own_id in self.kb.places else next(
            (p.id for p in self.places_by_name.get(name.casefold(), [])
             if country is None or p.country in (None, country) or p.name == country), None)
        if known is not None:
            entry = self.kb.places[known]
        else:
            kind = next((label for label in _labels(obj) if label in PLACE_KINDS),
                        "country" if country and name == country else "area")
            entry = KBPlace(id=own_id if self._usable(own_id, "place:") else self._new_id("place:", name),
                            name=name, kind=kind,
                            country=country if kind != "country" else None,
                            lat=obj.get("latitude"), lon=obj.get("longitude"), source=self.result.source)
            self.taken.add(entry.id)
            self.result.places.append(entry)
        self.result.ids[stix_id] = entry.id
        self.place_records[entry.id] = PlaceRecord(entry.id, entry.name, entry.country or (
            entry.name if entry.kind == "country" else None), entry.admin_level, entry.lat, entry.lon)
        return entry.id

    def entity(self, stix_id: str) -> str | None:
        obj = self.objects.get(stix_id)
        if obj is None:
            return None
        if obj["type"] in ACTOR_TYPES_STIX and obj.get("identity_class") != "system":
            return self.actor(obj)
        if obj["type"] == "location":
            return self.place(obj)
        return None

    # --- claims and events -------------------------------------------------------------------------
    def notes_about(self, stix_id: str) -> list[dict[str, Any]]:
        return self.notes.get(stix_id, [])


@dataclass
class _Draft:
    """One document being assembled: its metadata and the evidence lines of its claims and events."""

    title: str
    outlet: str | None
    published: str | None = None
    url: str | None = None
    tags: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    claims: list[tuple[dict[str, Any], int]] = field(default_factory=list)  # (claim fields, line index)
    events: list[tuple[dict[str, Any], int]] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)

    def line(self, text: str) -> int:
        self.lines.append(" ".join(text.split()))
        return len(self.lines) - 1


def _speaker(reader: _Reader, relationship: dict[str, Any]) -> Speaker:
    for note in reader.notes_about(str(relationship["id"])):
        speaker_id, name = note.get("x_claimgraph_speaker_id"), note.get("x_claimgraph_speaker")
        if speaker_id and speaker_id != "author" and name:
            return Speaker(str(speaker_id), str(name))
        if speaker_id == "author":
            return AUTHOR_SPEAKER
    return AUTHOR_SPEAKER


def _evidence(reader: _Reader, obj: dict[str, Any], fallback: str) -> str:
    if obj.get("description"):
        return str(obj["description"])
    for note in reader.notes_about(str(obj["id"])):
        if note.get("content"):
            return str(note["content"]).split("\n\n")[0]
    return fallback


def _hedged(reader: _Reader, relationship: dict[str, Any]) -> bool:
    return LABEL_HEDGED in _labels(relationship) or any(
        note.get("x_claimgraph_hedged") is True for note in reader.notes_about(str(relationship["id"])))


def _name(reader: _Reader, entity_id: str) -> str:
    record = reader.records.get(entity_id) or reader.place_records.get(entity_id)
    return record.name if record else entity_id


def _read_relationship(reader: _Reader, rel: dict[str, Any], drafts: dict[str, _Draft], home: str,
                       incidents: dict[str, dict[str, Any]]) -> None:
    """Turn one relationship into a claim or an event role of the document ``home``."""
    labels = _labels(rel)
    source_ref, target_ref = str(rel.get("source_ref")), str(rel.get("target_ref"))
    rel_type = str(rel.get("relationship_type"))
    draft = drafts[home]
    if rel_type == "part-of" and LABEL_KB in labels:
        return  # the KB hierarchy, carried by the actors' ``parent``
    if source_ref in incidents:
        event = incidents[source_ref]
        target = reader.entity(target_ref)
        if target is None:
            reader.result.skipped.append(f"{rel['id']}: its target {target_ref} is not an actor or place")
            return
        role = {"attributed-to": "claimed_by" if LABEL_CLAIMED in labels else "perpetrators",
                "targets": "targets", "located-at": "place"}.get(rel_type)
        if role is None:
            reader.result.skipped.append(f"{rel['id']}: incident relationship '{rel_type}' has no claimgraph role")
            return
        if role == "place":
            event["place"] = target
        elif target not in event[role]:
            event[role].append(target)
        if role == "claimed_by" and rel.get("description"):
            _add_claim(reader, rel, draft, target, "claims_responsibility", event["id"], event["name"])
        draft.entities.append(target)
        return
    relation = relation_of(rel_type, labels)
    if relation is None:
        reader.result.skipped.append(f"{rel['id']}: relationship type '{rel_type}' has no claimgraph relation")
        return
    subject, obj = reader.entity(source_ref), reader.entity(target_ref)
    if subject is None or obj is None or subject in reader.place_records:
        reader.result.skipped.append(f"{rel['id']}: its source or target is not an actor (or a place for located-at)")
        return
    draft.entities += [subject, obj]
    _add_claim(reader, rel, draft, subject, relation, obj, _name(reader, obj))


def _add_claim(reader: _Reader, rel: dict[str, Any], draft: _Draft, subject: str, relation: str, obj: str,
               object_name: str) -> None:
    fallback = f"{_name(reader, subject)} {relation.replace('_', ' ')} {object_name}."
    line = draft.line(_evidence(reader, rel, fallback))
    confidence = rel.get("confidence")
    draft.claims.append(({
        "id": f"stix:{rel['id']}", "subject": subject, "relation": relation, "object": obj,
        "object_name": object_name,
        "polarity": "negated" if LABEL_NEGATED in _labels(rel) else "affirmed", "hedged": _hedged(reader, rel),
        "asserted_by": _speaker(reader, rel), "confidence": confidence / 100 if isinstance(confidence, int) else 0.5,
        "extractor": EXTRACTOR}, line))


def _incident(reader: _Reader, obj: dict[str, Any], draft: _Draft) -> dict[str, Any]:
    line = draft.line(_evidence(reader, obj, str(obj.get("name") or obj["id"])))
    kind = next((label.replace("-", "_") for label in _labels(obj) if label not in {LABEL_HEDGED, LABEL_PERPETRATOR}),
                "incident")
    event = {"id": f"stix:{obj['id']}", "name": str(obj.get("name") or obj["id"]), "kind": kind,
             "date": obj.get("x_claimgraph_date"), "date_precision": obj.get("x_claimgraph_date_precision"),
             "killed": obj.get("x_claimgraph_killed"), "wounded": obj.get("x_claimgraph_wounded"),
             "casualty_text": obj.get("x_claimgraph_casualty_text"), "hedged": LABEL_HEDGED in _labels(obj),
             "perpetrators": [], "claimed_by": [], "targets": [], "place": None}
    draft.events.append((event, line))
    return event


def _document(reader: _Reader, draft: _Draft) -> Extraction:
    header = f"{draft.title} (imported from {Path(reader.result.source).name})"
    text = "\n".join([header, *draft.lines])
    starts, at = [], len(header) + 1
    for line in draft.lines:
        starts.append(at)
        at += len(line) + 1

    def span(index: int) -> Span:
        return Span(starts[index], starts[index] + len(draft.lines[index]), draft.lines[index])

    doc = Document(text, title=draft.title, url=draft.url, outlet=draft.outlet, published=draft.published,
                   tags=draft.tags, source=reader.result.source)
    claims = [Claim(evidence=span(line), **fields) for fields, line in draft.claims]
    events = []
    for fields, line in draft.events:
        place = reader.place_records.get(fields["place"]) if fields["place"] else None
        events.append(Event(
            id=fields["id"], kind=fields["kind"], evidence=span(line), date=fields["date"],
            date_precision=fields["date_precision"],
            place=EventPlace(place.name, place.country, place.id) if place else None,
            perpetrators=fields["perpetrators"], claimed_by=fields["claimed_by"], targets=fields["targets"],
            killed=fields["killed"], wounded=fields["wounded"], casualty_text=fields["casualty_text"],
            hedged=fields["hedged"]))
    ids = list(dict.fromkeys(draft.entities))
    return Extraction(doc, actors=[reader.records[i] for i in ids if i in reader.records],
                      places=[reader.place_records[i] for i in ids if i in reader.place_records],
                      events=events, claims=claims)


def _report_draft(reader: _Reader, report: dict[str, Any]) -> _Draft:
    creator = reader.objects.get(str(report.get("created_by_ref")), {})
    url = next((str(r["url"]) for r in report.get("external_references") or [] if r.get("url")), None)
    published = str(report.get("published") or "")[:10] or None
    tags = {"stix_report": str(report["id"])}
    tags.update({str(k): str(v) for k, v in (report.get("x_claimgraph_tags") or {}).items()})
    return _Draft(title=str(report.get("name") or report["id"]), outlet=creator.get("name"), published=published,
                  url=url, tags=tags)


def read_objects(objects: Iterable[dict[str, Any]], kb: KnowledgeBase, source: str) -> StixImport:
    """Read STIX objects (already parsed JSON) as ``read_stix`` does."""
    reader = _Reader(list(objects), kb, source)
    drafts: dict[str, _Draft] = {}
    home_of: dict[str, str] = {}
    for obj in reader.objects.values():
        if obj["type"] in CONTAINER_TYPES:
            drafts[obj["id"]] = _report_draft(reader, obj)
            for ref in obj.get("object_refs") or []:
                home_of.setdefault(str(ref), str(obj["id"]))

    def home(obj: dict[str, Any]) -> str:
        if obj["id"] in home_of:
            return home_of[obj["id"]]
        creator = str(obj.get("created_by_ref") or "")
        key = f"creator:{creator}"
        if key not in drafts:
            name = reader.objects.get(creator, {}).get("name")
            drafts[key] = _Draft(title=f"{Path(source).name}" + (f" — {name}" if name else ""),
                                 outlet=name if creator != CLAIMGRAPH_IDENTITY_ID else None)
        return key

    for obj in reader.objects.values():
        if obj["type"] in ACTOR_TYPES_STIX and not _is_source(reader, obj):
            reader.actor(obj)
        elif obj["type"] == "location":
            reader.place(obj)
    for container, draft in drafts.items():
        for ref in reader.objects[container].get("object_refs") or []:
            if str(ref) in reader.result.ids:
                draft.entities.append(reader.result.ids[str(ref)])
    incidents = {obj["id"]: _incident(reader, obj, drafts[home(obj)])
                 for obj in reader.objects.values() if obj["type"] == "incident"}
    for obj in reader.objects.values():
        if obj["type"] == "relationship":
            _read_relationship(reader, obj, drafts, home(obj), incidents)
    for draft in drafts.values():
        if draft.claims or draft.events or draft.entities:
            reader.result.extractions.append(_document(reader, draft))
    _add_parents(reader)
    return reader.result


def _is_source(reader: _Reader, obj: dict[str, Any]) -> bool:
    """Whether an identity stands for who wrote the objects (claimgraph, an outlet, an author, a CTI team)
    rather than for an actor: it is labelled so, or it only ever appears as ``created_by_ref``."""
    if obj.get("identity_class") == "system" or SOURCE_LABELS.intersection(_labels(obj)):
        return True
    return obj["id"] in reader.creators and obj["id"] not in reader.endpoints


def _add_parents(reader: _Reader) -> None:
    """Parents of new KB entries from claimgraph's ``part-of`` relationships labelled ``knowledge-base``."""
    new = {a.id: a for a in reader.result.actors}
    for obj in reader.objects.values():
        if obj["type"] == "relationship" and obj.get("relationship_type") == "part-of" and LABEL_KB in _labels(obj):
            child = reader.result.ids.get(str(obj.get("source_ref")))
            parent = reader.result.ids.get(str(obj.get("target_ref")))
            if child in new and parent in reader.records:
                new[child].parent = parent


def read_stix(bundle_path: Path | str, kb: KnowledgeBase) -> StixImport:
    """Read a STIX 2.1 bundle file; InputError when it is not JSON or not a bundle."""
    path = Path(bundle_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot be read") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not a JSON file ({exc})") from exc
    if not isinstance(data, dict) or data.get("type") != "bundle" or not isinstance(data.get("objects"), list):
        raise InputError(str(path), "not a STIX bundle (expected an object with type 'bundle' and 'objects')")
    return read_objects(data["objects"], kb, str(path))


def import_stix(bundle_path: Path | str, store: ClaimStore, kb: KnowledgeBase) -> StixImport:
    """Read a bundle and keep it: new actors and places as user KB entries, claims and events as documents."""
    found = read_stix(bundle_path, kb)
    if found.actors or found.places:
        store.add_kb_entries(found.source, actors=[entry_to_mapping(a) for a in found.actors],
                             places=[entry_to_mapping(p) for p in found.places])
    found.stored = [store.add(extraction) for extraction in found.extractions]
    return found
