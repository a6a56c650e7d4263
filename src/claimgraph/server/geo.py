"""Coordinates of an event's place for the map: the place's own, else the KB's, else its country's centre."""

from __future__ import annotations

from typing import Any

from claimgraph.kb import KBPlace, KnowledgeBase


def _with_coordinates(place: KBPlace | None) -> KBPlace | None:
    return place if place is not None and place.lat is not None and place.lon is not None else None


def locate(kb: KnowledgeBase, place: dict[str, Any]) -> None:
    """Fill ``lat``/``lon`` of an event place in place and set ``located`` to "place" (its own coordinates),
    "country" (the centre of its country, when only that is known) or None."""
    if place.get("lat") is not None and place.get("lon") is not None:
        place["located"] = "place"
        return
    place_id = place.get("id") or ""
    candidates = [place_id, "place:" + place_id.split(":", 1)[-1]] if place_id else []
    found = next((p for p in (_with_coordinates(kb.places.get(c)) for c in candidates) if p), None)
    located = "place"
    if found is None and place.get("country"):
        name = str(place["country"]).casefold()
        found = next((p for p in kb.places.values()
                      if p.admin_level == 0 and p.name.casefold() == name and _with_coordinates(p)), None)
        located = "country"
    if found is None:
        place["located"] = None
        return
    place["lat"], place["lon"], place["located"] = found.lat, found.lon, located
