"""Validate knowledge-base entries: mappings (from YAML, CSV or JSON) to actors and places, and back.

Every error is a ``KBError`` whose text is one line: ``"<file>: <actor|place> '<id>': <reason>"``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

import yaml

from claimgraph.errors import KBError
from claimgraph.kb.knowledge import KnowledgeBase
from claimgraph.kb.schema import AFFILIATION_RELATIONS, PLACE_KINDS, SECTORS, Affiliation, KBActor, KBPlace
from claimgraph.model import ACTOR_TYPES

ACTOR_KEYS = frozenset({"id", "name", "type", "sector", "aliases", "wikidata", "country", "parent",
                        "affiliations", "demonyms", "description"})
PLACE_KEYS = frozenset({"id", "name", "kind", "country", "admin_level", "parent", "aliases", "lat", "lon", "code",
                        "metonym_of"})
AFFILIATION_KEYS = frozenset({"relation", "target", "since", "until"})
ACTOR_PREFIX = "kb:"
PLACE_PREFIX = "place:"

_QID = re.compile(r"Q[1-9]\d*")
_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def read_yaml(text: str, label: str) -> Any:
    """Parse YAML (or JSON) text with the C loader when available; KBError naming ``label`` when invalid."""
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise KBError(f"{label}: not valid YAML ({' '.join(str(exc).split())})") from exc


def actor_from_mapping(raw: Any, source: str) -> KBActor:
    """Validate one actor mapping; raise KBError naming the file and the entry."""
    where = _where(raw, source, "actor")
    _check_keys(raw, ACTOR_KEYS, where)
    _require_text(raw, ("id", "name", "type"), where)
    if raw["type"] not in ACTOR_TYPES:
        raise KBError(f"{where}: type {raw['type']!r} is not one of {', '.join(ACTOR_TYPES)}")
    sector = _optional_text(raw, "sector", where)
    if sector is not None and sector not in SECTORS:
        raise KBError(f"{where}: sector {sector!r} is not one of {', '.join(SECTORS)}")
    wikidata = _optional_text(raw, "wikidata", where)
    if wikidata is not None and not _QID.fullmatch(wikidata):
        raise KBError(f"{where}: wikidata {wikidata!r} is not a Wikidata item id such as Q123")
    parent = _optional_text(raw, "parent", where)
    return KBActor(
        id=_entry_id(raw["id"], ACTOR_PREFIX, where), name=raw["name"].strip(), type=raw["type"], sector=sector,
        aliases=_text_list(raw.get("aliases"), where, "aliases"), wikidata=wikidata,
        country=_optional_text(raw, "country", where),
        parent=_entry_id(parent, ACTOR_PREFIX, where) if parent else None,
        affiliations=[_affiliation(item, where) for item in _list(raw.get("affiliations"), where, "affiliations")],
        demonyms=_text_list(raw.get("demonyms"), where, "demonyms"),
        description=_optional_text(raw, "description", where), source=source)


def place_from_mapping(raw: Any, source: str) -> KBPlace:
    """Validate one place mapping; raise KBError naming the file and the entry."""
    where = _where(raw, source, "place")
    _check_keys(raw, PLACE_KEYS, where)
    _require_text(raw, ("id", "name", "kind"), where)
    if raw["kind"] not in PLACE_KINDS:
        raise KBError(f"{where}: kind {raw['kind']!r} is not one of {', '.join(PLACE_KINDS)}")
    level = raw.get("admin_level")
    if level is not None and (isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 4):
        raise KBError(f"{where}: admin_level must be a whole number from 0 to 4, not {level!r}")
    lat, lon = _coordinate(raw, "lat", 90, where), _coordinate(raw, "lon", 180, where)
    if (lat is None) != (lon is None):
        raise KBError(f"{where}: give both lat and lon, or neither")
    parent = _optional_text(raw, "parent", where)
    metonym = _optional_text(raw, "metonym_of", where)
    return KBPlace(
        id=_entry_id(raw["id"], PLACE_PREFIX, where), name=raw["name"].strip(), kind=raw["kind"],
        country=_optional_text(raw, "country", where), admin_level=level,
        parent=_entry_id(parent, PLACE_PREFIX, where) if parent else None,
        aliases=_text_list(raw.get("aliases"), where, "aliases"), lat=lat, lon=lon,
        code=_optional_text(raw, "code", where),
        metonym_of=_entry_id(metonym, ACTOR_PREFIX, where) if metonym else None, source=source)


def entries_from_data(data: Any, label: str) -> tuple[list[KBActor], list[KBPlace]]:
    """Actors and places of one parsed file (``{"actors": [...], "places": [...]}``), ids unique in the file."""
    if not isinstance(data, dict):
        raise KBError(f"{label}: expected a mapping with 'actors' and/or 'places'")
    unknown = set(data) - {"actors", "places"}
    if unknown:
        raise KBError(f"{label}: unknown top-level key(s) {', '.join(sorted(map(str, unknown)))}; "
                      "expected 'actors' and/or 'places'")
    actors = [actor_from_mapping(raw, label) for raw in _list(data.get("actors"), label, "actors")]
    places = [place_from_mapping(raw, label) for raw in _list(data.get("places"), label, "places")]
    check_unique(actors, label, "actor")
    check_unique(places, label, "place")
    return actors, places


def check_unique(entries: Iterable[KBActor | KBPlace], label: str, what: str) -> None:
    """Raise KBError on the first id that occurs twice in one file."""
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise KBError(f"{label}: {what} {entry.id!r}: duplicate id in the same file")
        seen.add(entry.id)


def check_references(kb: KnowledgeBase) -> None:
    """Raise KBError for a parent, affiliation target, metonym or country that names no entry of ``kb``."""
    states = {a.name for a in kb.actors.values() if a.type == "state"}
    for actor in kb.actors.values():
        where = f"{actor.source}: actor {actor.id!r}"
        if actor.parent and actor.parent not in kb.actors:
            raise KBError(f"{where}: parent {actor.parent!r} is not an actor of the knowledge base")
        if actor.parent == actor.id:
            raise KBError(f"{where}: an actor cannot be its own parent")
        for link in actor.affiliations:
            if link.target not in kb.actors:
                raise KBError(f"{where}: affiliation target {link.target!r} is not an actor of the knowledge base")
        if actor.country and actor.country not in states:
            raise KBError(f"{where}: country {actor.country!r} is not the name of a state of the knowledge base")
    for place in kb.places.values():
        where = f"{place.source}: place {place.id!r}"
        if place.parent and place.parent not in kb.places:
            raise KBError(f"{where}: parent {place.parent!r} is not a place of the knowledge base")
        if place.metonym_of and place.metonym_of not in kb.actors:
            raise KBError(f"{where}: metonym_of {place.metonym_of!r} is not an actor of the knowledge base")
        if place.country and place.country not in states:
            raise KBError(f"{where}: country {place.country!r} is not the name of a state of the knowledge base")


def entry_to_mapping(entry: KBActor | KBPlace) -> dict[str, Any]:
    """The mapping a user file would hold for ``entry`` (empty fields left out); the inverse of the parsers."""
    if isinstance(entry, KBActor):
        mapping: dict[str, Any] = {
            "id": entry.id, "name": entry.name, "type": entry.type, "sector": entry.sector,
            "aliases": list(entry.aliases), "wikidata": entry.wikidata, "country": entry.country,
            "parent": entry.parent, "demonyms": list(entry.demonyms), "description": entry.description,
            "affiliations": [{k: v for k, v in (("relation", a.relation), ("target", a.target), ("since", a.since),
                                                 ("until", a.until)) if v is not None} for a in entry.affiliations]}
    else:
        mapping = {
            "id": entry.id, "name": entry.name, "kind": entry.kind, "country": entry.country,
            "admin_level": entry.admin_level, "parent": entry.parent, "aliases": list(entry.aliases),
            "lat": entry.lat, "lon": entry.lon, "code": entry.code, "metonym_of": entry.metonym_of}
    return {key: value for key, value in mapping.items() if value not in (None, [])}


def _where(raw: Any, source: str, what: str) -> str:
    if not isinstance(raw, dict):
        raise KBError(f"{source}: each {what} must be a mapping of fields, not {type(raw).__name__}")
    return f"{source}: {what} {raw.get('id', raw.get('name', '?'))!r}"


def _check_keys(raw: dict[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = set(raw) - allowed
    if unknown:
        raise KBError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")


def _require_text(raw: dict[str, Any], keys: tuple[str, ...], where: str) -> None:
    for key in keys:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise KBError(f"{where}: field {key!r} is required and must be text")


def _optional_text(raw: dict[str, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise KBError(f"{where}: field {key!r} must be text, not {type(value).__name__}")
    return value.strip()


def _entry_id(value: str, prefix: str, where: str) -> str:
    bare = value.strip().removeprefix(prefix)
    if not _ID.fullmatch(bare):
        raise KBError(f"{where}: id {value!r} must be lower-case letters, digits, '.', '_' or '-' "
                      f"(optionally prefixed with {prefix!r})")
    return prefix + bare


def _affiliation(item: Any, where: str) -> Affiliation:
    if not isinstance(item, dict) or not isinstance(item.get("relation"), str) or not item.get("target"):
        raise KBError(f"{where}: each affiliation needs 'relation' and 'target'")
    _check_keys(item, AFFILIATION_KEYS, f"{where}: affiliation")
    if item["relation"] not in AFFILIATION_RELATIONS:
        raise KBError(f"{where}: affiliation relation {item['relation']!r} is not one of "
                      f"{', '.join(AFFILIATION_RELATIONS)}")
    since, until = _date(item.get("since"), where), _date(item.get("until"), where)
    return Affiliation(item["relation"], _entry_id(str(item["target"]), ACTOR_PREFIX, where), since, until)


def _date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not _DATE.fullmatch(text):
        raise KBError(f"{where}: affiliation date {text!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _coordinate(raw: dict[str, Any], key: str, bound: int, where: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or not -bound <= value <= bound:
        raise KBError(f"{where}: {key} must be a number from {-bound} to {bound}, not {value!r}")
    return float(value)


def _list(value: Any, where: str, key: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise KBError(f"{where}: {key!r} must be a list")
    return value


def _text_list(value: Any, where: str, key: str) -> list[str]:
    items = _list(value, where, key)
    if not all(isinstance(v, str) for v in items):
        raise KBError(f"{where}: {key!r} must be a list of text")
    return [v.strip() for v in items if v.strip()]
