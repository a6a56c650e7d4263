"""Filtered reads of the store for the web API (SQLAlchemy Core over the store's tables).

The store answers one-filter questions; the browser asks several at once (outlets, perspectives,
relations, an actor, a date range) and pages through the answers, so those queries live here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select, true

from claimgraph.model import AUTHOR, SYMMETRIC_RELATIONS
from claimgraph.store import schema as t

CHUNK = 500


@dataclass(frozen=True)
class Filters:
    """What a request narrows the store to. Documents, outlets, perspectives and the date range (of the
    document's publication; of the event for events) pick documents; the rest picks claims."""

    docs: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    perspectives: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    actor: str | None = None
    speaker: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    review_status: tuple[str, ...] = ()
    include_rejected: bool = False

    @property
    def narrows_documents(self) -> bool:
        return bool(self.docs or self.outlets or self.perspectives or self.date_from or self.date_to)


def perspective_column() -> ColumnElement[Any]:
    return t.documents.c.tags["perspective"].as_string()


def in_range(column: Any, date_from: str | None, date_to: str | None) -> list[ColumnElement[bool]]:
    """Conditions keeping ISO dates (YYYY, YYYY-MM or YYYY-MM-DD) within the range; ``date_to`` counts whole
    months and years ("2025-07" keeps every day of July), and a date known to the month only is kept when
    its month overlaps the range."""
    conditions: list[ColumnElement[bool]] = []
    if date_from is not None:
        conditions.append(or_(column >= date_from, func.substr(date_from, 1, func.length(column)) == column))
    if date_to is not None:
        conditions.append(func.substr(column, 1, len(date_to)) <= date_to)
    return conditions


def document_conditions(filters: Filters, date_column: Any = None) -> list[ColumnElement[bool]]:
    """Conditions on ``documents`` (and on ``date_column``, the publication date unless given)."""
    d = t.documents.c
    conditions: list[ColumnElement[bool]] = []
    if filters.docs:
        conditions.append(d.id.in_(filters.docs))
    if filters.outlets:
        conditions.append(d.outlet.in_(filters.outlets))
    if filters.perspectives:
        conditions.append(perspective_column().in_(filters.perspectives))
    conditions += in_range(d.published if date_column is None else date_column, filters.date_from, filters.date_to)
    return conditions


def claim_conditions(filters: Filters) -> list[ColumnElement[bool]]:
    """Conditions on ``claims`` (documents conditions need the join to ``documents``)."""
    c = t.claims.c
    conditions: list[ColumnElement[bool]] = []
    if filters.review_status:
        conditions.append(c.review_status.in_(filters.review_status))
    elif not filters.include_rejected:
        conditions.append(c.review_status != "rejected")
    if filters.relations:
        conditions.append(c.relation.in_(filters.relations))
    if filters.actor is not None:
        conditions.append(or_(c.subject == filters.actor, c.object == filters.actor))
    if filters.speaker is not None:
        conditions.append(or_(c.asserted_by_id == filters.speaker, c.asserted_by_name == filters.speaker))
    return conditions


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def _chunks(ids: Sequence[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), CHUNK):
        yield list(ids[i : i + CHUNK])


# -- documents ---------------------------------------------------------------------------------------------


def document_json(row: Any, counts: dict[str, dict[str, int]]) -> dict[str, Any]:
    m = row._mapping
    tags = dict(m["tags"] or {})
    return {
        "id": m["id"], "title": m["title"], "url": m["url"], "outlet": m["outlet"], "author": m["author"],
        "published": m["published"], "language": m["language"], "source": m["source"], "n_words": m["n_words"],
        "duplicate_of": m["duplicate_of"], "tags": tags, "perspective": tags.get("perspective"),
        "ingested_at": _iso(m["ingested_at"]),
        "claims": counts.get(m["id"], {}).get("claims", 0), "events": counts.get(m["id"], {}).get("events", 0),
    }


def _document_counts(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for chunk in _chunks(ids):
        for label, table in (("claims", t.claims), ("events", t.events)):
            query = select(table.c.doc_id, func.count()).where(table.c.doc_id.in_(chunk)).group_by(table.c.doc_id)
            if table is t.claims:
                query = query.where(t.claims.c.review_status != "rejected")
            for doc_id, n in conn.execute(query):
                counts[doc_id][label] = n
    return counts


def documents(conn: Connection, filters: Filters, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """The documents the filters pick (metadata, no text), in ingest order, with their total."""
    columns = [c for c in t.documents.c if c.name not in ("text", "signature")]
    where = and_(true(), *document_conditions(filters))
    total = conn.execute(select(func.count()).select_from(t.documents).where(where)).scalar_one()
    rows = list(conn.execute(
        select(*columns).where(where).order_by(t.documents.c.ingested_at, t.documents.c.id).limit(limit).offset(offset)
    ))
    counts = _document_counts(conn, [r.id for r in rows])
    return total, [document_json(r, counts) for r in rows]


def document_ids(conn: Connection, filters: Filters) -> list[str] | None:
    """The ids of the documents the filters pick, or None when they pick every document."""
    if not filters.narrows_documents:
        return None
    query = select(t.documents.c.id).where(*document_conditions(filters)).order_by(t.documents.c.ingested_at)
    return list(conn.execute(query).scalars())


def facets(conn: Connection) -> dict[str, Any]:
    """The values the filters offer: outlets, perspectives, speakers, date range and counts."""
    d = t.documents.c
    outlets = [r for r in conn.execute(
        select(d.outlet, func.count()).where(d.outlet.is_not(None)).group_by(d.outlet).order_by(d.outlet))]
    perspective = perspective_column()
    perspectives = [r for r in conn.execute(
        select(perspective, func.count()).where(perspective.is_not(None)).group_by(perspective).order_by(perspective))]
    first, last = conn.execute(select(func.min(d.published), func.max(d.published))).one()
    c = t.claims.c
    statuses = dict(conn.execute(select(c.review_status, func.count()).group_by(c.review_status)).all())
    return {
        "outlets": [{"name": name, "documents": n} for name, n in outlets],
        "perspectives": [{"name": name, "documents": n} for name, n in perspectives if name],
        "published": {"first": first, "last": last},
        "documents": conn.execute(select(func.count()).select_from(t.documents)).scalar_one(),
        "actors": conn.execute(select(func.count()).select_from(t.actors)).scalar_one(),
        "events": conn.execute(select(func.count()).select_from(t.events)).scalar_one(),
        "claims": sum(statuses.values()),
        "review_status": statuses,
    }


# -- claims ------------------------------------------------------------------------------------------------


def _claim_select(filters: Filters) -> Select:
    subj, obj = t.actors.alias("subj"), t.actors.alias("obj")
    return (
        select(
            t.claims,
            t.evidence.c.start.label("ev_start"), t.evidence.c.end.label("ev_end"), t.evidence.c.text.label("ev_text"),
            t.documents.c.title.label("doc_title"), t.documents.c.outlet, t.documents.c.published,
            t.documents.c.duplicate_of, t.documents.c.tags, t.documents.c.author,
            t.documents.c.source.label("doc_source"),
            subj.c.name.label("subject_name"), subj.c.type.label("subject_type"),
            obj.c.name.label("object_actor_name"), obj.c.type.label("object_type"),
        )
        .join(t.evidence, t.claims.c.evidence_id == t.evidence.c.id)
        .join(t.documents, t.claims.c.doc_id == t.documents.c.id)
        .outerjoin(subj, subj.c.id == t.claims.c.subject)
        .outerjoin(obj, obj.c.id == t.claims.c.object)
        .where(*claim_conditions(filters), *document_conditions(filters))
    )


def claim_json(row: Any) -> dict[str, Any]:
    m = row._mapping
    tags = dict(m["tags"] or {})
    return {
        "id": m["id"], "doc_id": m["doc_id"], "doc_title": m["doc_title"], "doc_source": m["doc_source"],
        "outlet": m["outlet"], "published": m["published"], "perspective": tags.get("perspective"),
        "duplicate_of": m["duplicate_of"],
        "subject": m["subject"], "subject_name": m["subject_name"] or m["subject"], "subject_type": m["subject_type"],
        "relation": m["relation"],
        "object": m["object"], "object_name": m["object_name"] or m["object_actor_name"] or m["object"],
        "object_type": m["object_type"],
        "polarity": m["polarity"], "hedged": bool(m["hedged"]),
        "asserted_by": {"id": m["asserted_by_id"], "name": m["asserted_by_name"]},
        "speaker": _speaker(m["asserted_by_id"], m["asserted_by_name"], m["author"], m["outlet"]),
        "time": m["time"], "confidence": m["confidence"], "extractor": m["extractor"],
        "subject_via": m["subject_via"],
        "evidence": {"start": m["ev_start"], "end": m["ev_end"], "text": m["ev_text"]},
        "review_status": m["review_status"], "reviewed_by": m["reviewed_by"], "reviewed_at": _iso(m["reviewed_at"]),
    }


def _speaker(speaker_id: str, name: str, author: str | None, outlet: str | None) -> str:
    """Who asserts a claim, for people: a quoted speaker's name, or the document's author (else its outlet)."""
    if speaker_id == AUTHOR:
        return author or (f"author ({outlet})" if outlet else "author")
    return name


def claims(conn: Connection, filters: Filters, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """The claims the filters pick, in document then sentence order, with their total."""
    count = (select(func.count()).select_from(t.claims.join(t.documents, t.claims.c.doc_id == t.documents.c.id))
             .where(*claim_conditions(filters), *document_conditions(filters)))
    total = conn.execute(count).scalar_one()
    query = (_claim_select(filters)
             .order_by(t.documents.c.ingested_at, t.claims.c.doc_id, t.claims.c.position).limit(limit).offset(offset))
    return total, [claim_json(r) for r in conn.execute(query)]


def claims_of_doc(conn: Connection, doc_id: str) -> list[dict[str, Any]]:
    """Every claim of one document, rejected ones included (the reader shows them struck through)."""
    query = _claim_select(Filters(docs=(doc_id,), include_rejected=True)).order_by(t.claims.c.position)
    return [claim_json(r) for r in conn.execute(query)]


def claim_by_id(conn: Connection, claim_id: str, doc_id: str | None) -> list[dict[str, Any]]:
    """The claims with this id (one per document that has it; one when ``doc_id`` is given)."""
    query = _claim_select(Filters(include_rejected=True)).where(t.claims.c.id == claim_id)
    if doc_id is not None:
        query = query.where(t.claims.c.doc_id == doc_id)
    return [claim_json(r) for r in conn.execute(query)]


def triple_claims(conn: Connection, filters: Filters, subject: str, relation: str, obj: str) -> list[dict[str, Any]]:
    """The claims behind one graph edge (both directions for a symmetric relation), oldest document first."""
    c = t.claims.c
    pair = and_(c.subject == subject, c.object == obj)
    if relation in SYMMETRIC_RELATIONS:
        pair = or_(pair, and_(c.subject == obj, c.object == subject))
    query = (_claim_select(filters).where(c.relation == relation, pair)
             .order_by(t.documents.c.ingested_at, c.doc_id, c.position))
    return [claim_json(r) for r in conn.execute(query)]


# -- events ------------------------------------------------------------------------------------------------


def events(conn: Connection, filters: Filters, kind: str | None, limit: int,
           offset: int) -> tuple[int, list[dict[str, Any]]]:
    """The events the filters pick (the date range applies to the event's date), with places and sources."""
    e = t.events.c
    conditions = document_conditions(filters, date_column=e.date)
    if kind is not None:
        conditions.append(e.kind == kind)
    if filters.actor is not None:
        part = t.event_participants.c
        conditions.append(select(part.event_id).where(
            part.doc_id == e.doc_id, part.event_id == e.id, part.actor == filters.actor).exists())
    joined = t.events.join(t.documents, e.doc_id == t.documents.c.id)
    total = conn.execute(select(func.count()).select_from(joined).where(*conditions)).scalar_one()
    query = (
        select(t.events, t.evidence.c.start.label("ev_start"), t.evidence.c.end.label("ev_end"),
               t.evidence.c.text.label("ev_text"), t.documents.c.title.label("doc_title"), t.documents.c.outlet,
               t.documents.c.published, t.documents.c.duplicate_of, t.documents.c.tags, t.documents.c.author,
               t.documents.c.source.label("doc_source"), t.places.c.lat, t.places.c.lon)
        .select_from(joined.join(t.evidence, e.evidence_id == t.evidence.c.id)
                     .outerjoin(t.places, t.places.c.id == e.place_id))
        .where(*conditions)
        .order_by(e.date.is_(None), e.date, t.documents.c.ingested_at, e.doc_id, e.position)
        .limit(limit).offset(offset)
    )
    rows = list(conn.execute(query))
    roles: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for chunk in _chunks(sorted({r.doc_id for r in rows})):
        part = t.event_participants
        for p in conn.execute(select(part).where(part.c.doc_id.in_(chunk)).order_by(part.c.position)):
            roles[(p.doc_id, p.event_id)][p.role].append(p.actor)
    return total, [_event_json(r, roles[(r.doc_id, r.id)]) for r in rows]


def _event_json(row: Any, roles: dict[str, list[str]]) -> dict[str, Any]:
    m = row._mapping
    tags = dict(m["tags"] or {})
    place = None
    if m["place_name"] is not None:
        place = {"id": m["place_id"], "name": m["place_name"], "country": m["place_country"],
                 "lat": m["lat"], "lon": m["lon"]}
    return {
        "id": m["id"], "doc_id": m["doc_id"], "doc_title": m["doc_title"], "doc_source": m["doc_source"],
        "outlet": m["outlet"], "published": m["published"], "perspective": tags.get("perspective"),
        "duplicate_of": m["duplicate_of"],
        "kind": m["kind"], "date": m["date"], "date_precision": m["date_precision"], "place": place,
        "perpetrators": list(roles.get("perpetrator", [])), "claimed_by": list(roles.get("claimed_by", [])),
        "targets": list(roles.get("target", [])), "killed": m["killed"], "wounded": m["wounded"],
        "casualty_text": m["casualty_text"], "hedged": bool(m["hedged"]),
        "asserted_by": {"id": m["asserted_by_id"], "name": m["asserted_by_name"]},
        "speaker": _speaker(m["asserted_by_id"], m["asserted_by_name"], m["author"], m["outlet"]),
        "evidence": {"start": m["ev_start"], "end": m["ev_end"], "text": m["ev_text"]},
    }


# -- document text -----------------------------------------------------------------------------------------


def mentions(conn: Connection, doc_id: str) -> list[dict[str, Any]]:
    """The actor and place mentions of a document, by position, with the entity's name and type."""
    m = t.mentions.c
    query = (
        select(t.mentions, t.actors.c.name.label("actor_name"), t.actors.c.type.label("actor_type"),
               t.places.c.name.label("place_name"))
        .outerjoin(t.actors, and_(m.kind == "actor", t.actors.c.id == m.entity_id))
        .outerjoin(t.places, and_(m.kind == "place", t.places.c.id == m.entity_id))
        .where(m.doc_id == doc_id)
        .order_by(m.start, m.end)
    )
    return [
        {"entity_id": r.entity_id, "kind": r.kind, "start": r.start, "end": r.end, "text": r.text,
         "name": r.actor_name or r.place_name or r.entity_id,
         "type": r.actor_type if r.kind == "actor" else "place"}
        for r in conn.execute(query)
    ]


# -- graph -------------------------------------------------------------------------------------------------


def actor(conn: Connection, actor_id: str) -> dict[str, Any]:
    """One actor with the numbers of documents naming it, of its mentions and of its (kept) claims."""
    row = conn.execute(select(t.actors).where(t.actors.c.id == actor_id)).one()
    e, m, c = t.document_entities.c, t.mentions.c, t.claims.c
    kept = c.review_status != "rejected"
    count = func.count()
    return {
        "id": row.id, "name": row.name, "type": row.type, "wikidata": row.wikidata, "aliases": list(row.aliases),
        "origin": row.origin,
        "documents": conn.execute(select(count).where(e.kind == "actor", e.entity_id == actor_id)).scalar_one(),
        "mentions": conn.execute(select(count).where(m.kind == "actor", m.entity_id == actor_id)).scalar_one(),
        "claims": conn.execute(select(count).where(kept, c.subject == actor_id)).scalar_one()
        + conn.execute(select(count).where(kept, c.object == actor_id)).scalar_one(),
    }


def actor_index(conn: Connection) -> dict[str, tuple[str, str, str]]:
    """Actor id → (name, type, origin) for every actor of the store."""
    a = t.actors.c
    return {r.id: (r.name, r.type, r.origin) for r in conn.execute(select(a.id, a.name, a.type, a.origin))}


def fingerprint(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever documents, actors, reviews, grades or user KB entries change: the key of caches."""
    def count(table: Any) -> Any:
        return select(func.count()).select_from(table).scalar_subquery()

    return tuple(conn.execute(select(
        count(t.documents), count(t.actors),
        select(func.max(t.claim_reviews.c.id)).scalar_subquery(),
        count(t.source_grades), select(func.max(t.source_grades.c.set_at)).scalar_subquery(),
        count(t.kb_entries), select(func.max(t.kb_entries.c.added_at)).scalar_subquery(),
    )).one())


def docs_touching(conn: Connection, actor_ids: Iterable[str]) -> list[str]:
    """The documents with a claim (not rejected) whose subject or object is one of ``actor_ids``."""
    ids = sorted(set(actor_ids))
    c = t.claims.c
    found: set[str] = set()
    for chunk in _chunks(ids):
        query = select(c.doc_id).distinct().where(
            c.review_status != "rejected", or_(c.subject.in_(chunk), c.object.in_(chunk)))
        found.update(conn.execute(query).scalars())
    return sorted(found)
