"""Listings and single items: facets, documents (with their text and offsets), actors, claims, events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from claimgraph.model import ACTOR_TYPES, RELATIONS
from claimgraph.server import queries
from claimgraph.server.errors import ApiError, not_found
from claimgraph.server.geo import locate
from claimgraph.server.params import Filtering, Paging, State, paged, resolve_actor, resolve_doc

router = APIRouter(prefix="/api")


@router.get("/facets", summary="What the filters can take")
def facets(app_state: State) -> dict[str, Any]:
    """Outlets and perspectives with their document counts, the publication date range, the relation and
    actor types, and how many documents, actors, claims and events the store holds."""
    with app_state.store.engine.connect() as conn:
        found = queries.facets(conn)
    return {**found, "relations": list(RELATIONS), "actor_types": list(ACTOR_TYPES)}


@router.get("/documents", summary="Documents (metadata)")
def documents(app_state: State, filters: Filtering, paging: Paging) -> dict[str, Any]:
    """Documents picked by ``doc``, ``outlet``, ``perspective`` and the publication date range, in ingest order."""
    with app_state.store.engine.connect() as conn:
        total, items = queries.documents(conn, filters, paging.limit, paging.offset)
    return paged(total, items, paging)


@router.get("/documents/{ref}", summary="One document with its clean text")
def document(app_state: State, ref: str) -> dict[str, Any]:
    """Metadata and clean text of the document ``ref`` names (id, unique id prefix, source or title)."""
    data = app_state.store.document(resolve_doc(app_state, ref))
    data["perspective"] = data["tags"].get("perspective")
    return data


@router.get("/documents/{ref}/text", summary="Clean text with mention, claim and event offsets")
def document_text(app_state: State, ref: str) -> dict[str, Any]:
    """Everything the reader highlights: actor and place mentions, claim sentences (rejected ones too, marked)
    and event sentences, each with character offsets into ``text``."""
    doc_id = resolve_doc(app_state, ref)
    data = app_state.store.document(doc_id)
    data["perspective"] = data["tags"].get("perspective")
    with app_state.store.engine.connect() as conn:
        data["mentions"] = queries.mentions(conn, doc_id)
        data["claims"] = queries.claims_of_doc(conn, doc_id)
        _total, data["events"] = queries.events(conn, queries.Filters(docs=(doc_id,)), None, 10_000, 0)
    return data


@router.get("/actors", summary="Actors")
def actors(
    app_state: State,
    paging: Paging,
    q: Annotated[str | None, Query(max_length=200, description="Part of the name or an alias.")] = None,
    type: Annotated[str | None, Query(description="Actor type.")] = None,  # noqa: A002
    origin: Annotated[str | None, Query(pattern="^(kb|new)$", description="kb (knowledge base) or new.")] = None,
) -> dict[str, Any]:
    """Actors with their document, mention and claim counts, most-claimed first."""
    if type is not None and type not in ACTOR_TYPES:
        raise ApiError(422, f"type: {type!r} is not one of {', '.join(ACTOR_TYPES)}")
    items = app_state.store.actors(origin)
    if type is not None:
        items = [a for a in items if a["type"] == type]
    if q:
        folded = q.casefold()
        items = [a for a in items if folded in a["name"].casefold() or folded in a["id"].casefold()
                 or any(folded in alias.casefold() for alias in a["aliases"])]
    items.sort(key=lambda a: (-a["claims"], a["name"].casefold()))
    return paged(len(items), items[paging.offset:paging.offset + paging.limit], paging)


@router.get("/actors/{ref}", summary="One actor")
def actor(app_state: State, ref: str) -> dict[str, Any]:
    """The actor ``ref`` names (id, name or alias) with its counts."""
    actor_id = resolve_actor(app_state, ref)
    with app_state.store.engine.connect() as conn:
        return queries.actor(conn, actor_id)


@router.get("/claims", summary="Claims")
def claims(app_state: State, filters: Filtering, paging: Paging) -> dict[str, Any]:
    """Claims with their evidence sentence, document and review state, in document order."""
    with app_state.store.engine.connect() as conn:
        total, items = queries.claims(conn, filters, paging.limit, paging.offset)
    return paged(total, items, paging)


@router.get("/claims/{claim_id}", summary="One claim")
def claim(
    app_state: State,
    claim_id: str,
    doc: Annotated[str | None, Query(description="The document, when the claim id is in several.")] = None,
) -> dict[str, Any]:
    """One claim (rejected ones too) with its evidence and review state."""
    doc_id = resolve_doc(app_state, doc) if doc else None
    with app_state.store.engine.connect() as conn:
        found = queries.claim_by_id(conn, claim_id, doc_id)
    if not found:
        raise not_found(f"{claim_id}: no such claim")
    if len(found) > 1:
        raise ApiError(409, f"{claim_id}: claim id found in {len(found)} documents; give doc")
    return found[0]


@router.get("/events", summary="Events")
def events(
    app_state: State,
    filters: Filtering,
    paging: Paging,
    kind: Annotated[str | None, Query(max_length=40, description="Event kind, e.g. attack.")] = None,
) -> dict[str, Any]:
    """Events with place (and its coordinates when known), participants, evidence and document; the date range
    applies to the event's own date. ``place.located`` says whether the coordinates are the place's own
    ("place") or its country's centre ("country")."""
    with app_state.store.engine.connect() as conn:
        total, items = queries.events(conn, filters, kind, paging.limit, paging.offset)
    kb = app_state.kb()
    actors = app_state.actors()
    for item in items:
        if item["place"] is not None:
            locate(kb, item["place"])
        for role in ("perpetrators", "claimed_by", "targets"):
            item[f"{role}_names"] = [actors[a][0] if a in actors else a for a in item[role]]
    return paged(total, items, paging)
