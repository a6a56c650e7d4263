"""Query parameters shared by the routes: filters and pagination, checked before any query runs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from claimgraph.errors import StoreError
from claimgraph.model import RELATIONS
from claimgraph.server.errors import ApiError, not_found
from claimgraph.server.queries import Filters
from claimgraph.server.state import AppState

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
MAX_VALUES = 200  # values of one repeated filter
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

RelationName = Literal[RELATIONS]  # type: ignore[valid-type]
ReviewStatus = Literal["unreviewed", "confirmed", "edited", "rejected"]


def state(request: Request) -> AppState:
    return request.app.state.claimgraph


State = Annotated[AppState, Depends(state)]


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")] =
    DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
) -> Page:
    return Page(limit, offset)


Paging = Annotated[Page, Depends(page)]


def check_date(name: str, value: str | None) -> str | None:
    """``value`` when it is YYYY, YYYY-MM or YYYY-MM-DD naming a real date; ApiError 422 otherwise."""
    if value is None or value == "":
        return None
    found = _DATE.match(value)
    if found is None:
        raise ApiError(422, f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        raise ApiError(422, f"{name}: {value!r} is not a real date") from None
    return value


def resolve_doc(app_state: AppState, ref: str) -> str:
    """The full id of the document ``ref`` names (id, id prefix, source or title); 404 otherwise."""
    try:
        return app_state.store.document_id(ref)
    except StoreError as exc:
        raise not_found(str(exc)) from None


def resolve_actor(app_state: AppState, ref: str) -> str:
    """The id of the actor ``ref`` names (id, name or alias); 404 otherwise."""
    try:
        return app_state.store.actor_id(ref)
    except StoreError as exc:
        raise not_found(str(exc)) from None


def _values(name: str, values: list[str]) -> tuple[str, ...]:
    if len(values) > MAX_VALUES:
        raise ApiError(422, f"{name}: at most {MAX_VALUES} values")
    return tuple(dict.fromkeys(v.strip() for v in values if v.strip()))


def filters(
    app_state: State,
    doc: Annotated[list[str], Query(description="Document id, id prefix, source or title (repeatable).")] = [],  # noqa: B006
    outlet: Annotated[list[str], Query(description="Outlet name (repeatable).")] = [],  # noqa: B006
    perspective: Annotated[list[str], Query(description="Perspective tag (repeatable).")] = [],  # noqa: B006
    relation: Annotated[list[RelationName], Query(description="Relation type (repeatable).")] = [],  # noqa: B006
    actor: Annotated[str | None, Query(description="Actor id, name or alias (subject or object).")] = None,
    speaker: Annotated[str | None, Query(description="Who asserts the claim: speaker id or name.")] = None,
    date_from: Annotated[str | None, Query(description="Published (events: happened) on or after this date.")] =
    None,
    date_to: Annotated[str | None, Query(description="Published (events: happened) on or before this date.")] =
    None,
    review_status: Annotated[list[ReviewStatus], Query(description="Review states to keep (repeatable).")] = [],  # noqa: B006
    include_rejected: Annotated[bool, Query(description="Keep claims a reviewer rejected.")] = False,
) -> Filters:
    """The filters of a request, with document and actor references resolved."""
    first, last = check_date("date_from", date_from), check_date("date_to", date_to)
    if first and last and first > last and not last.startswith(first):
        raise ApiError(422, f"date_from: {first} is after date_to {last}")
    docs = tuple(dict.fromkeys(resolve_doc(app_state, ref) for ref in _values("doc", doc)))
    return Filters(
        docs=docs,
        outlets=_values("outlet", outlet),
        perspectives=_values("perspective", perspective),
        relations=_values("relation", list(relation)),
        actor=resolve_actor(app_state, actor) if actor and actor.strip() else None,
        speaker=speaker.strip() if speaker and speaker.strip() else None,
        date_from=first,
        date_to=last,
        review_status=tuple(dict.fromkeys(review_status)),
        include_rejected=include_rejected,
    )


Filtering = Annotated[Filters, Depends(filters)]


def paged(total: int, items: list, paging: Page) -> dict:
    """The envelope of a paged listing."""
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "items": items}
