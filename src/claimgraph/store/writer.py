"""Write one document's extraction into an open transaction."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, update

from claimgraph.model import ActorRecord, Extraction, PlaceRecord, Span
from claimgraph.store import schema as t
from claimgraph.store.rows import claim_row, event_row, participant_rows


def write_extraction(
    conn: Connection, extraction: Extraction, signature: bytes | None, duplicate_of: str | None
) -> None:
    """Insert the document, its actors, places, mentions, evidence, claims and events.

    The caller owns the transaction: an error anywhere leaves nothing of the document behind.
    """
    doc = extraction.document
    doc_id = doc.id
    conn.execute(
        insert(t.documents).values(
            id=doc_id,
            title=doc.title,
            url=doc.url,
            outlet=doc.outlet,
            author=doc.author,
            published=doc.published,
            language=doc.language,
            tags=dict(doc.tags),
            source=doc.source,
            text=doc.text,
            n_words=len(doc.text.split()),
            signature=signature,
            duplicate_of=duplicate_of,
            ingested_at=datetime.now(UTC),
        )
    )
    write_actors(conn, extraction.actors)
    write_places(conn, extraction.places)
    entity_rows = [
        {"doc_id": doc_id, "kind": "actor", "position": i, "entity_id": a.id} for i, a in enumerate(extraction.actors)
    ]
    entity_rows += [
        {"doc_id": doc_id, "kind": "place", "position": i, "entity_id": p.id} for i, p in enumerate(extraction.places)
    ]
    _insert_many(conn, t.document_entities, entity_rows)
    mention_rows = [
        {"doc_id": doc_id, "entity_id": a.id, "kind": "actor", "start": m.start, "end": m.end, "text": m.text}
        for a in extraction.actors
        for m in a.mentions
    ]
    mention_rows += [
        {"doc_id": doc_id, "entity_id": p.id, "kind": "place", "start": m.start, "end": m.end, "text": m.text}
        for p in extraction.places
        for m in p.mentions
    ]
    _insert_many(conn, t.mentions, mention_rows)
    evidence_ids = _evidence(
        conn, doc_id, [c.evidence for c in extraction.claims] + [e.evidence for e in extraction.events]
    )
    claim_ids, event_ids = evidence_ids[: len(extraction.claims)], evidence_ids[len(extraction.claims) :]
    _insert_many(
        conn,
        t.claims,
        [claim_row(c, doc_id, i, ev) for i, (c, ev) in enumerate(zip(extraction.claims, claim_ids, strict=True))],
    )
    _insert_many(
        conn,
        t.events,
        [event_row(e, doc_id, i, ev) for i, (e, ev) in enumerate(zip(extraction.events, event_ids, strict=True))],
    )
    _insert_many(conn, t.event_participants, [row for e in extraction.events for row in participant_rows(e, doc_id)])


def duplicate_ids(extraction: Extraction) -> str | None:
    """Why the extraction cannot be stored as it is (an id used twice in one document), or None."""
    for what, items in (
        ("actor", extraction.actors),
        ("place", extraction.places),
        ("event", extraction.events),
        ("claim", extraction.claims),
    ):
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                return f"the extraction has two {what}s with id {item.id}"
            seen.add(item.id)
    return None


def _insert_many(conn: Connection, table: t.Table, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def _evidence(conn: Connection, doc_id: str, spans: list[Span]) -> list[int]:
    """Insert evidence spans; their new ids in the same order."""
    if not spans:
        return []
    stmt = insert(t.evidence).returning(t.evidence.c.id, sort_by_parameter_order=True)
    rows = [{"doc_id": doc_id, "start": s.start, "end": s.end, "text": s.text} for s in spans]
    return [int(row.id) for row in conn.execute(stmt, rows)]


def write_actors(conn: Connection, records: list[ActorRecord]) -> None:
    """Insert actors the store does not know; KB actors take the latest KB values, discovered ones
    keep their first name and gather every other name they were seen under as aliases."""
    if not records:
        return
    existing = {row.id: row for row in conn.execute(select(t.actors).where(t.actors.c.id.in_([r.id for r in records])))}
    new_rows = []
    for record in records:
        values = {
            "name": record.name,
            "type": record.type,
            "wikidata": record.wikidata,
            "aliases": list(record.aliases),
        }
        known = existing.get(record.id)
        if known is None:
            new_rows.append({"id": record.id, **values, "origin": "new" if record.id.startswith("new:") else "kb"})
        elif known.origin == "kb":
            if any(getattr(known, key) != value for key, value in values.items()):
                conn.execute(update(t.actors).where(t.actors.c.id == record.id).values(**values))
        else:
            extra = [n for n in (record.name, *record.aliases) if n != known.name and n not in known.aliases]
            if extra:
                aliases = [*known.aliases, *dict.fromkeys(extra)]
                conn.execute(update(t.actors).where(t.actors.c.id == record.id).values(aliases=aliases))
    _insert_many(conn, t.actors, new_rows)


def write_places(conn: Connection, records: list[PlaceRecord]) -> None:
    """Insert places the store does not know yet; known ones take the latest values."""
    if not records:
        return
    existing = {row.id: row for row in conn.execute(select(t.places).where(t.places.c.id.in_([r.id for r in records])))}
    new_rows = []
    for record in records:
        values = {
            "name": record.name,
            "country": record.country,
            "admin_level": record.admin_level,
            "lat": record.lat,
            "lon": record.lon,
        }
        known = existing.get(record.id)
        if known is None:
            new_rows.append({"id": record.id, **values})
        elif any(getattr(known, key) != value for key, value in values.items()):
            conn.execute(update(t.places).where(t.places.c.id == record.id).values(**values))
    _insert_many(conn, t.places, new_rows)
