"""Reviewing claims: confirm, reject or edit one, and read the audit trail (who, when, before, after)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from claimgraph.server import queries
from claimgraph.server.errors import ApiError, not_found
from claimgraph.server.params import Paging, State, paged, resolve_doc
from claimgraph.server.state import AppState

router = APIRouter(prefix="/api")


class ReviewIn(BaseModel):
    """A reviewer's decision. ``changes`` (edit only) may set subject, relation, object, object_name,
    polarity, hedged, asserted_by (a name, "author", or {"id", "name"}) and time; swapping subject and
    object reverses the claim's direction."""

    reviewer: str = Field(min_length=1, max_length=200)
    action: Literal["confirm", "reject", "edit"]
    changes: dict[str, Any] = Field(default_factory=dict)
    doc: str | None = Field(default=None, max_length=300, description="The document, when the claim id is in several.")


def _claim_doc(app_state: AppState, claim_id: str, doc: str | None) -> str:
    """The document of the claim (404 when there is none, 409 when the id is in several and no doc is given)."""
    doc_id = resolve_doc(app_state, doc) if doc else None
    with app_state.store.engine.connect() as conn:
        matches = queries.claim_by_id(conn, claim_id, doc_id)
    if not matches:
        raise not_found(f"{claim_id}: no such claim" + (f" in document {doc}" if doc else ""))
    if len(matches) > 1:
        raise ApiError(409, f"{claim_id}: claim id found in {len(matches)} documents; give doc")
    return matches[0]["doc_id"]


@router.post("/claims/{claim_id}/review", summary="Confirm, reject or edit a claim")
def review(app_state: State, claim_id: str, body: ReviewIn) -> dict[str, Any]:
    """Apply a review; the claim keeps every earlier value in the audit trail and nothing is deleted.
    Comparisons, contradictions and exports read the reviewed claim (rejected claims are left out)."""
    doc_id = _claim_doc(app_state, claim_id, body.doc)
    with app_state.write_lock:
        app_state.store.review_claim(claim_id, body.reviewer, body.action, body.changes, doc=doc_id)
    with app_state.store.engine.connect() as conn:
        [claim] = queries.claim_by_id(conn, claim_id, doc_id)
    return {"claim": claim, "audit": [a for a in app_state.store.audit(claim_id) if a["doc_id"] == doc_id]}


@router.get("/claims/{claim_id}/audit", summary="The audit trail of one claim")
def claim_audit(
    app_state: State,
    claim_id: str,
    doc: Annotated[str | None, Query(max_length=300, description="The document, when the claim id is in several.")]
    = None,
) -> list[dict[str, Any]]:
    """Every review of the claim, oldest first: reviewer, time, action, values before and after."""
    doc_id = _claim_doc(app_state, claim_id, doc)
    return [a for a in app_state.store.audit(claim_id) if a["doc_id"] == doc_id]


@router.get("/audit", summary="The whole audit trail")
def audit(app_state: State, paging: Paging) -> dict[str, Any]:
    """Every review in the store, newest first."""
    items = list(reversed(app_state.store.audit()))
    return paged(len(items), items[paging.offset:paging.offset + paging.limit], paging)
