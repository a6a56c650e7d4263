"""The claim graph, an actor's neighbourhood and the evidence behind one edge."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from claimgraph.analyze.credibility import rated_claim
from claimgraph.server import queries
from claimgraph.server.graph import build_graph
from claimgraph.server.params import Filtering, RelationName, State, resolve_actor
from claimgraph.server.queries import Filters
from claimgraph.server.state import AppState

router = APIRouter(prefix="/api")

DEFAULT_EDGES = 1500
MAX_EDGES = 10_000
EdgeLimit = Annotated[int, Query(ge=1, le=MAX_EDGES, description=f"Most edges returned (at most {MAX_EDGES}).")]


def _kept_documents(app_state: AppState, filters: Filters) -> set[str] | None:
    with app_state.store.engine.connect() as conn:
        kept = queries.document_ids(conn, filters)
    return None if kept is None else set(kept)


def _json(data: dict[str, Any]) -> Response:
    """A JSON answer written straight from plain data (large graphs skip FastAPI's generic encoding)."""
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")), media_type="application/json")


@router.get("/graph", summary="The claim graph", response_class=JSONResponse)
def graph(app_state: State, filters: Filtering, max_edges: EdgeLimit = DEFAULT_EDGES) -> Response:
    """Actors as nodes, claims grouped by (subject, relation, object) as edges, most-claimed edges first.

    An edge counts its claims, the negated and hedged ones and the documents behind it; ``contested`` marks
    edges whose claims disagree on polarity or that clash with an incompatible edge between the same actors.
    A symmetric relation (allied_with, rival_of) is one edge whatever the direction, its ends in sorted order.
    ``truncated`` is true when more than ``max_edges`` edges matched.
    """
    fingerprint = app_state.fingerprint()
    rows = app_state.graph_index(fingerprint).edges(filters, _kept_documents(app_state, filters), max_edges)
    return _json(build_graph(rows, max_edges, app_state.actors(fingerprint)))


@router.get("/actors/{ref}/neighbourhood", summary="An actor's neighbourhood", response_class=JSONResponse)
def neighbourhood(
    app_state: State,
    ref: str,
    filters: Filtering,
    depth: Annotated[int, Query(ge=1, le=2, description="1: the actor's own edges; 2: also its neighbours'.")] = 1,
    max_edges: EdgeLimit = DEFAULT_EDGES,
) -> Response:
    """The edges touching an actor (and, with depth 2, those touching its neighbours), in the graph's shape."""
    centre = resolve_actor(app_state, ref)
    fingerprint = app_state.fingerprint()
    index = app_state.graph_index(fingerprint)
    kept = _kept_documents(app_state, filters)
    rows = index.edges(filters, kept, max_edges, around=[centre])
    if depth == 2:
        ring = {end for row in rows[:max_edges] for end in (row.source, row.target)} | {centre}
        rows = index.edges(filters, kept, max_edges, around=sorted(ring))
    result = build_graph(rows, max_edges, app_state.actors(fingerprint), focus=[centre])
    result["centre"] = centre
    result["depth"] = depth
    return _json(result)


@router.get("/graph/evidence", summary="Every sentence behind one edge")
def edge_evidence(
    app_state: State,
    filters: Filtering,
    subject: Annotated[str, Query(min_length=1, max_length=300, description="The edge's source id.")],
    relation: Annotated[RelationName, Query(description="The edge's relation.")],
    object: Annotated[str, Query(min_length=1, max_length=300, description="The edge's target id.")],  # noqa: A002
) -> dict[str, Any]:
    """The claims of one edge with document, outlet, perspective, speaker, polarity, hedging and the Admiralty
    rating (source reliability A–F, information credibility 1–6)."""
    with app_state.store.engine.connect() as conn:
        found = queries.triple_claims(conn, filters, subject, relation, object)
    ratings = app_state.ratings_around(subject, object) if found else {}
    actors = app_state.actors()
    return {
        "subject": subject, "subject_name": actors.get(subject, (subject,))[0],
        "relation": relation,
        "object": object, "object_name": actors.get(object, (found[0]["object_name"] if found else object,))[0],
        "claims": [rated_claim(claim, ratings.get(claim["id"])) for claim in found],
    }
