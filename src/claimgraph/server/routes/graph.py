"""The claim graph, an actor's neighbourhood and the evidence behind one edge."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from claimgraph.analyze.credibility import rated_claim
from claimgraph.server import queries
from claimgraph.server.graph import build_graph
from claimgraph.server.params import Filtering, RelationName, State, resolve_actor

router = APIRouter(prefix="/api")

DEFAULT_EDGES = 1500
MAX_EDGES = 10_000
EdgeLimit = Annotated[int, Query(ge=1, le=MAX_EDGES, description=f"Most edges returned (at most {MAX_EDGES}).")]


@router.get("/graph", summary="The claim graph")
def graph(app_state: State, filters: Filtering, max_edges: EdgeLimit = DEFAULT_EDGES) -> dict[str, Any]:
    """Actors as nodes, claims grouped by (subject, relation, object) as edges, most-claimed edges first.

    An edge counts its claims, the negated and hedged ones and the documents behind it; ``contested`` marks
    edges whose claims disagree on polarity or that clash with an incompatible edge between the same actors.
    ``truncated`` is true when more than ``max_edges`` edges matched.
    """
    fingerprint = app_state.fingerprint()
    with app_state.store.engine.connect() as conn:
        rows = queries.edge_rows(conn, filters, max_edges)
    return build_graph(rows, max_edges, app_state.actors(fingerprint))


@router.get("/actors/{ref}/neighbourhood", summary="An actor's neighbourhood")
def neighbourhood(
    app_state: State,
    ref: str,
    filters: Filtering,
    depth: Annotated[int, Query(ge=1, le=2, description="1: the actor's own edges; 2: also its neighbours'.")] = 1,
    max_edges: EdgeLimit = DEFAULT_EDGES,
) -> dict[str, Any]:
    """The edges touching an actor (and, with depth 2, those touching its neighbours), in the graph's shape."""
    centre = resolve_actor(app_state, ref)
    fingerprint = app_state.fingerprint()
    with app_state.store.engine.connect() as conn:
        rows = queries.edge_rows(conn, filters, max_edges, around=[centre])
        if depth == 2:
            ring = {end for row in rows[:max_edges] for end in (row.source, row.target)} | {centre}
            rows = queries.edge_rows(conn, filters, max_edges, around=sorted(ring))
    result = build_graph(rows, max_edges, app_state.actors(fingerprint), focus=[centre])
    result["centre"] = centre
    result["depth"] = depth
    return result


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
