"""What the sources say together: propositions, comparisons, contradictions, and the grades of sources."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from claimgraph.analyze.analysis import Analysis
from claimgraph.analyze.compare import compare as compare_groups
from claimgraph.server import queries
from claimgraph.server.params import Filtering, Paging, State, paged

router = APIRouter(prefix="/api")

ConflictKind = Literal["polarity", "incompatible_relation", "hierarchy", "event_detail", "hedged_disagreement"]


def _analysis(app_state: Any, filters: queries.Filters) -> Analysis:
    with app_state.store.engine.connect() as conn:
        doc_ids = queries.document_ids(conn, filters)
    return app_state.analysis(doc_ids)


def _touches(ids: tuple[str, ...] | list[str], actor: str | None) -> bool:
    return actor is None or actor in ids


@router.get("/propositions", summary="Propositions and who affirms, denies or hedges them")
def propositions(app_state: State, filters: Filtering, paging: Paging) -> dict[str, Any]:
    """Each (subject, relation, object) the documents state, with the documents, outlets, perspectives and
    speakers behind each stance and every evidence sentence. Document filters pick the documents read;
    ``relation`` and ``actor`` pick propositions."""
    items = [
        p for p in _analysis(app_state, filters).propositions
        if (not filters.relations or p.proposition.relation in filters.relations)
        and _touches((p.proposition.subject, p.proposition.object), filters.actor)
    ]
    return paged(len(items), [p.to_dict() for p in items[paging.offset:paging.offset + paging.limit]], paging)


@router.get("/contradictions", summary="Contradictions between sources")
def contradictions(
    app_state: State,
    filters: Filtering,
    paging: Paging,
    kind: Annotated[list[ConflictKind], Query(description="Kinds to keep (repeatable).")] = [],  # noqa: B006
    include_hedged: Annotated[bool, Query(description="Also list hedged disagreements.")] = False,
) -> dict[str, Any]:
    """Pairs of evidence that cannot both be right (opposite polarity, incompatible relations, through the KB
    hierarchy, different event details), each with both sentences and the reason."""
    found = _analysis(app_state, filters).conflicts
    items = [
        c for c in found
        if (include_hedged or c.is_contradiction) and (not kind or c.kind in kind) and _touches(c.about, filters.actor)
    ]
    return paged(len(items), [c.to_dict() for c in items[paging.offset:paging.offset + paging.limit]], paging)


@router.get("/compare", summary="Compare two sources or perspectives")
def compare(
    app_state: State,
    filters: Filtering,
    by: Annotated[str, Query(max_length=60, description="doc, outlet, perspective, speaker or tag:KEY.")] =
    "perspective",
    a: Annotated[str | None, Query(max_length=300, description="Group A (key or label).")] = None,
    b: Annotated[str | None, Query(max_length=300, description="Group B; without it, A against all others.")] = None,
) -> dict[str, Any]:
    """Agreements, contradictions, hedged disagreements, silences and shared events between groups of sources."""
    analysis = _analysis(app_state, filters)
    return compare_groups(analysis.corpus, analysis.kb, by, a, b, analysis=analysis).to_dict()


@router.get("/sources", summary="Outlets and speakers with their reliability grade")
def sources(app_state: State) -> list[dict[str, Any]]:
    """Every outlet of the stored documents and every graded speaker, with its Admiralty grade (F when unset)."""
    return app_state.store.sources()


class GradeIn(BaseModel):
    name: str = Field(min_length=1, max_length=300, description="Outlet or speaker name.")
    grade: Literal["A", "B", "C", "D", "E", "F"]
    kind: Literal["outlet", "speaker"] = "outlet"


@router.put("/sources/grade", summary="Set a source's reliability grade")
def set_grade(app_state: State, body: GradeIn) -> dict[str, Any]:
    """Set the Admiralty reliability grade (A–F) of an outlet or a speaker; ratings use it from then on."""
    with app_state.write_lock:
        return app_state.store.set_grade(body.name, body.grade, body.kind)
