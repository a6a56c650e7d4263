"""The claim graph as the browser draws it: actors as nodes, claims grouped by (subject, relation, object)
as edges, each edge marked hedged, negated or contested."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from claimgraph.analyze.compatibility import incompatible

ActorIndex = Mapping[str, tuple[str, str, str]]  # id → (name, type, origin)


def edge_id(source: str, relation: str, target: str) -> str:
    return f"{source}|{relation}|{target}"


def _polarity(claims: int, negated: int) -> str:
    if negated == 0:
        return "affirmed"
    return "negated" if negated == claims else "mixed"


def _edge(row: Any) -> dict[str, Any]:
    claims, negated, hedged = int(row.claims), int(row.negated or 0), int(row.hedged or 0)
    return {
        "id": edge_id(row.source, row.relation, row.target), "source": row.source, "target": row.target,
        "relation": row.relation, "claims": claims, "negated": negated, "hedged": hedged,
        "documents": int(row.documents), "polarity": _polarity(claims, negated), "all_hedged": hedged == claims,
        "contested": 0 < negated < claims, "first": row.first, "last": row.last,
    }


def _mark_incompatible(edges: list[dict[str, Any]]) -> None:
    """An edge is contested when its claims disagree on polarity, or when another affirmed edge between the
    same two actors has an incompatible relation (supports against attacks, allies against rivals)."""
    by_pair: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for edge in edges:
        if edge["negated"] < edge["claims"]:
            by_pair[frozenset((edge["source"], edge["target"]))].append(edge)
    for group in by_pair.values():
        for i, first in enumerate(group):
            for second in group[i + 1:]:
                if incompatible(first["relation"], second["relation"]):
                    first["contested"] = second["contested"] = True


def _node(actor_id: str, actors: ActorIndex, fallback_name: str | None) -> dict[str, Any]:
    known = actors.get(actor_id)
    if known is not None:
        name, kind, origin = known
    else:
        name = fallback_name or actor_id
        kind = "place" if actor_id.startswith("place:") else "other"
        origin = "place" if kind == "place" else "text"
    return {"id": actor_id, "name": name, "type": kind, "origin": origin, "claims": 0, "degree": 0}


def build_graph(rows: Sequence[Any], limit: int, actors: ActorIndex, focus: Sequence[str] = ()) -> dict[str, Any]:
    """Nodes and edges of at most ``limit`` edge rows (see ``queries.edge_rows``); ``truncated`` when more
    edges matched. ``focus``: actors to include even without edges (the centre of a neighbourhood)."""
    truncated = len(rows) > limit
    edges = [_edge(row) for row in rows[:limit]]
    _mark_incompatible(edges)
    nodes: dict[str, dict[str, Any]] = {}
    for actor_id in focus:
        nodes[actor_id] = _node(actor_id, actors, None)
    for row, edge in zip(rows, edges, strict=False):
        for end, fallback in ((edge["source"], None), (edge["target"], row.object_name)):
            node = nodes.get(end) or nodes.setdefault(end, _node(end, actors, fallback))
            node["claims"] += edge["claims"]
            node["degree"] += 1
    return {"nodes": list(nodes.values()), "edges": edges, "truncated": truncated, "limit": limit}
