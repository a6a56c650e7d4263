"""Check a review of a claim and turn it into the claim's new column values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.model import AUTHOR, RELATIONS

REVIEW_ACTIONS = ("confirm", "reject", "edit")
EDITABLE_FIELDS = (
    "subject",
    "relation",
    "object",
    "object_name",
    "polarity",
    "hedged",
    "asserted_by",
    "time",
)
_STATUS = {"confirm": "confirmed", "reject": "rejected", "edit": "edited"}


def apply_review(current: Mapping[str, Any], action: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The ``claims`` columns to update for ``action`` ("confirm", "reject" or "edit" with ``changes``).

    ``current`` is the claim's reviewable values (``rows.claim_values``). StoreError on a bad review.
    """
    if action not in REVIEW_ACTIONS:
        raise StoreError(f"{action!r}: review action must be one of {', '.join(REVIEW_ACTIONS)}")
    if action != "edit":
        if changes:
            raise StoreError(f"{action}: changes are only given with the edit action")
        return {"review_status": _STATUS[action]}
    if not changes:
        raise StoreError("edit: give at least one field to change")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise StoreError(f"edit: cannot change {', '.join(sorted(unknown))} (editable: {', '.join(EDITABLE_FIELDS)})")
    values: dict[str, Any] = {"review_status": "edited"}
    for key, value in changes.items():
        if key in ("subject", "object", "object_name"):
            if not isinstance(value, str) or not value.strip():
                raise StoreError(f"edit: {key} must be non-empty text")
            values[key] = value.strip()
        elif key == "relation":
            if value not in RELATIONS:
                raise StoreError(f"edit: relation {value!r} is not one of {', '.join(RELATIONS)}")
            values[key] = value
        elif key == "polarity":
            if value not in ("affirmed", "negated"):
                raise StoreError(f"edit: polarity {value!r} must be affirmed or negated")
            values[key] = value
        elif key == "hedged":
            if not isinstance(value, bool):
                raise StoreError("edit: hedged must be true or false")
            values[key] = value
        elif key == "time":
            if value is not None and not isinstance(value, str):
                raise StoreError("edit: time must be text or null")
            values[key] = value
        else:
            values["asserted_by_id"], values["asserted_by_name"] = _speaker(value)
    if "object" in values and "object_name" not in values and values["object"] != current["object"]:
        values["object_name"] = values["object"]
    return values


def _speaker(value: Any) -> tuple[str, str]:
    """A speaker given as ``{"id", "name"}`` or as a name ("author" for the article's author)."""
    if isinstance(value, str) and value.strip():
        name = value.strip()
        return (AUTHOR, AUTHOR) if name.lower() == AUTHOR else (name, name)
    if isinstance(value, Mapping) and all(isinstance(value.get(k), str) and value[k].strip() for k in ("id", "name")):
        return value["id"].strip(), value["name"].strip()
    raise StoreError('edit: asserted_by must be a name or {"id": …, "name": …}')
