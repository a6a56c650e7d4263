"""Rebuild Extractions from the store, with reviewed claim values applied and rejected claims left out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Select, select

from claimgraph.model import ActorRecord, Document, Extraction, PlaceRecord, Span
from claimgraph.store import schema as t
from claimgraph.store.rows import claim_from_row, event_from_row

CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), CHUNK):
        yield list(ids[i : i + CHUNK])


def rows_in(conn: Connection, query: Select, column: Any, doc_ids: Sequence[str]) -> list[Any]:
    """The rows of ``query`` whose ``column`` is one of ``doc_ids`` (queried in chunks)."""
    rows: list[Any] = []
    for chunk in _chunks(doc_ids):
        rows.extend(conn.execute(query.where(column.in_(chunk))))
    return rows


def document_from_row(row: Any) -> Document:
    return Document(
        text=row.text,
        title=row.title,
        url=row.url,
        outlet=row.outlet,
        author=row.author,
        published=row.published,
        language=row.language,
        tags=dict(row.tags or {}),
        source=row.source,
    )


def load_extractions(conn: Connection, doc_ids: Sequence[str] | None = None) -> list[Extraction]:
    """The extractions of the given documents (all when None), in the order they were ingested."""
    query = select(t.documents).order_by(t.documents.c.ingested_at, t.documents.c.id)
    if doc_ids is None:
        doc_rows = list(conn.execute(query))
    else:
        doc_rows = sorted(
            rows_in(conn, query, t.documents.c.id, list(dict.fromkeys(doc_ids))),
            key=lambda r: (r.ingested_at, r.id),
        )
    ids = [row.id for row in doc_rows]
    if not ids:
        return []
    extractions = {row.id: Extraction(document=document_from_row(row)) for row in doc_rows}

    mentions: dict[tuple[str, str, str], list[Span]] = defaultdict(list)
    for row in rows_in(conn, select(t.mentions).order_by(t.mentions.c.id), t.mentions.c.doc_id, ids):
        mentions[(row.doc_id, row.kind, row.entity_id)].append(Span(row.start, row.end, row.text))

    entity_rows = rows_in(
        conn,
        select(t.document_entities).order_by(
            t.document_entities.c.doc_id, t.document_entities.c.kind, t.document_entities.c.position
        ),
        t.document_entities.c.doc_id,
        ids,
    )
    actor_ids = sorted({r.entity_id for r in entity_rows if r.kind == "actor"})
    place_ids = sorted({r.entity_id for r in entity_rows if r.kind == "place"})
    actors = {r.id: r for r in rows_in(conn, select(t.actors), t.actors.c.id, actor_ids)}
    places = {r.id: r for r in rows_in(conn, select(t.places), t.places.c.id, place_ids)}
    for row in entity_rows:
        spans = list(mentions.get((row.doc_id, row.kind, row.entity_id), []))
        if row.kind == "actor":
            a = actors[row.entity_id]
            extractions[row.doc_id].actors.append(ActorRecord(a.id, a.name, a.type, a.wikidata, list(a.aliases), spans))
        else:
            p = places[row.entity_id]
            extractions[row.doc_id].places.append(
                PlaceRecord(p.id, p.name, p.country, p.admin_level, p.lat, p.lon, spans)
            )

    claim_query = (
        select(t.claims, *_evidence_columns())
        .join(t.evidence, t.claims.c.evidence_id == t.evidence.c.id)
        .where(t.claims.c.review_status != "rejected")
        .order_by(t.claims.c.doc_id, t.claims.c.position)
    )
    for row in rows_in(conn, claim_query, t.claims.c.doc_id, ids):
        extractions[row.doc_id].claims.append(claim_from_row(row._mapping))

    participants: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    participant_query = select(t.event_participants).order_by(
        t.event_participants.c.doc_id,
        t.event_participants.c.event_id,
        t.event_participants.c.role,
        t.event_participants.c.position,
    )
    for row in rows_in(conn, participant_query, t.event_participants.c.doc_id, ids):
        participants[(row.doc_id, row.event_id)][row.role].append(row.actor)
    event_query = (
        select(t.events, *_evidence_columns())
        .join(t.evidence, t.events.c.evidence_id == t.evidence.c.id)
        .order_by(t.events.c.doc_id, t.events.c.position)
    )
    for row in rows_in(conn, event_query, t.events.c.doc_id, ids):
        extractions[row.doc_id].events.append(event_from_row(row._mapping, participants[(row.doc_id, row.id)]))
    return [extractions[i] for i in ids]


def _evidence_columns() -> list[Any]:
    return [
        t.evidence.c.start.label("ev_start"),
        t.evidence.c.end.label("ev_end"),
        t.evidence.c.text.label("ev_text"),
    ]
