"""Conversions between the pipeline's dataclasses and the store's rows."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from claimgraph.model import Claim, Event, EventPlace, Span, Speaker

EVENT_ROLES = ("perpetrator", "claimed_by", "target")


def claim_row(claim: Claim, doc_id: str, position: int, evidence_id: int) -> dict[str, Any]:
    """The ``claims`` row of one claim (not yet reviewed)."""
    return {
        "doc_id": doc_id,
        "id": claim.id,
        "position": position,
        "subject": claim.subject,
        "relation": claim.relation,
        "object": claim.object,
        "object_name": claim.object_name,
        "polarity": claim.polarity,
        "hedged": claim.hedged,
        "asserted_by_id": claim.asserted_by.id,
        "asserted_by_name": claim.asserted_by.name,
        "time": claim.time,
        "confidence": claim.confidence,
        "extractor": claim.extractor,
        "subject_via": claim.subject_via,
        "evidence_id": evidence_id,
        "review_status": "unreviewed",
        "reviewed_by": None,
        "reviewed_at": None,
    }


def event_row(event: Event, doc_id: str, position: int, evidence_id: int) -> dict[str, Any]:
    """The ``events`` row of one event (participants go to ``event_participants``)."""
    place = event.place
    return {
        "doc_id": doc_id,
        "id": event.id,
        "position": position,
        "kind": event.kind,
        "date": event.date,
        "date_precision": event.date_precision,
        "place_id": place.id if place else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "killed": event.killed,
        "wounded": event.wounded,
        "casualty_text": event.casualty_text,
        "hedged": event.hedged,
        "asserted_by_id": event.asserted_by.id,
        "asserted_by_name": event.asserted_by.name,
        "evidence_id": evidence_id,
    }


def participant_rows(event: Event, doc_id: str) -> list[dict[str, Any]]:
    """One ``event_participants`` row per perpetrator, claimant and target, in order."""
    rows = []
    for role, values in zip(EVENT_ROLES, (event.perpetrators, event.claimed_by, event.targets), strict=True):
        rows.extend(
            {"doc_id": doc_id, "event_id": event.id, "role": role, "position": i, "actor": value}
            for i, value in enumerate(values)
        )
    return rows


def span_of(row: Mapping[str, Any]) -> Span:
    return Span(row["ev_start"], row["ev_end"], row["ev_text"])


def _speaker_of(row: Mapping[str, Any]) -> Speaker:
    return Speaker(row["asserted_by_id"], row["asserted_by_name"])


def _speaker_dict(m: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": m["asserted_by_id"], "name": m["asserted_by_name"]}


def _evidence_dict(m: Mapping[str, Any]) -> dict[str, Any]:
    return {"start": m["ev_start"], "end": m["ev_end"], "text": m["ev_text"]}


def claim_from_row(row: Mapping[str, Any]) -> Claim:
    """A Claim with its current (reviewed) values; ``row`` carries the evidence as ``ev_*``."""
    return Claim(
        id=row["id"],
        subject=row["subject"],
        relation=row["relation"],
        object=row["object"],
        object_name=row["object_name"],
        evidence=span_of(row),
        polarity=row["polarity"],
        hedged=bool(row["hedged"]),
        asserted_by=_speaker_of(row),
        time=row["time"],
        confidence=row["confidence"],
        extractor=row["extractor"],
        subject_via=row["subject_via"],
    )


def event_from_row(row: Mapping[str, Any], participants: Mapping[str, list[str]]) -> Event:
    """An Event from its row (evidence as ``ev_*``) and its participants by role."""
    place = None
    if row["place_name"] is not None:
        place = EventPlace(name=row["place_name"], country=row["place_country"], id=row["place_id"])
    return Event(
        id=row["id"],
        kind=row["kind"],
        evidence=span_of(row),
        date=row["date"],
        date_precision=row["date_precision"],
        place=place,
        perpetrators=list(participants.get("perpetrator", [])),
        claimed_by=list(participants.get("claimed_by", [])),
        targets=list(participants.get("target", [])),
        killed=row["killed"],
        wounded=row["wounded"],
        casualty_text=row["casualty_text"],
        hedged=bool(row["hedged"]),
        asserted_by=_speaker_of(row),
    )


def claim_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """The reviewable values of a claim row, as kept in the audit trail."""
    return {
        "subject": row["subject"],
        "relation": row["relation"],
        "object": row["object"],
        "object_name": row["object_name"],
        "polarity": row["polarity"],
        "hedged": bool(row["hedged"]),
        "asserted_by": _speaker_dict(row),
        "time": row["time"],
        "review_status": row["review_status"],
    }


def iso_time(value: datetime | None) -> str | None:
    """A stored time as ISO 8601 with its UTC offset (SQLite gives naive UTC times back)."""
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def _document_fields(m: Mapping[str, Any]) -> dict[str, Any]:
    """The id of a claim or event and the fields of its document joined to it."""
    return {
        "id": m["id"],
        "doc_id": m["doc_id"],
        "doc_title": m["doc_title"],
        "outlet": m["outlet"],
        "published": m["published"],
        "duplicate_of": m["duplicate_of"],
    }


def claim_dict(row: Any) -> dict[str, Any]:
    """A claim of ``Store.claims``: its row with evidence (``ev_*``), document and actor names joined."""
    m = row._mapping
    return {
        **_document_fields(m),
        "subject": m["subject"],
        "subject_name": m["subject_name"] or m["subject"],
        "relation": m["relation"],
        "object": m["object"],
        "object_name": m["object_name"] or m["object_actor_name"] or m["object"],
        "polarity": m["polarity"],
        "hedged": bool(m["hedged"]),
        "asserted_by": _speaker_dict(m),
        "time": m["time"],
        "confidence": m["confidence"],
        "extractor": m["extractor"],
        "subject_via": m["subject_via"],
        "evidence": _evidence_dict(m),
        "review_status": m["review_status"],
        "reviewed_by": m["reviewed_by"],
        "reviewed_at": iso_time(m["reviewed_at"]),
    }


def event_dict(row: Any, roles: Mapping[str, list[str]]) -> dict[str, Any]:
    """An event of ``Store.events``: its row with evidence and document joined, and its participants."""
    m = row._mapping
    place = None
    if m["place_name"] is not None:
        place = {"id": m["place_id"], "name": m["place_name"], "country": m["place_country"]}
    return {
        **_document_fields(m),
        "kind": m["kind"],
        "date": m["date"],
        "date_precision": m["date_precision"],
        "place": place,
        "perpetrators": list(roles.get("perpetrator", [])),
        "claimed_by": list(roles.get("claimed_by", [])),
        "targets": list(roles.get("target", [])),
        "killed": m["killed"],
        "wounded": m["wounded"],
        "casualty_text": m["casualty_text"],
        "hedged": bool(m["hedged"]),
        "asserted_by": _speaker_dict(m),
        "evidence": _evidence_dict(m),
    }
