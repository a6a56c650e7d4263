"""States of the built-in knowledge base, from ISO 3166 names and the hand-written table ``tables/states.yaml``.

Each state gives an actor (``kb:<slug>``, type ``state``) and two places: the country
(``place:<slug>``, admin level 0) and its capital (``place:<capital-slug>``). Both places carry
``metonym_of: kb:<slug>``, so a linker can read "Islamabad said" as the government of Pakistan while
"in Islamabad" stays a place.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

from claimgraph.errors import KBError
from claimgraph.kb.schema import KBActor, KBPlace
from claimgraph.kb.sources import builtin_sources

TABLE = "tables/states.yaml"
ISO3166 = "generated/iso3166.json"
_TABLE_KEYS = frozenset({"name", "demonyms", "capital", "at", "aliases", "wikidata", "un_member", "iso_names"})


def slug(text: str) -> str:
    """Lower-case ASCII slug: "Côte d'Ivoire" → "cote-divoire", "United States" → "united-states"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-")


def load_table(table: Any = None) -> dict[str, dict[str, Any]]:
    """The hand-written state table (the built-in one unless given), keyed by ISO 3166-1 alpha-3 code."""
    label = f"builtin {TABLE}"
    table = builtin_sources()[TABLE] if table is None else table
    if not isinstance(table, dict):
        raise KBError(f"{label}: expected a mapping of ISO alpha-3 codes")
    for code, row in table.items():
        if not isinstance(row, dict) or set(row) - _TABLE_KEYS or "capital" not in row or "at" not in row:
            raise KBError(f"{label}: state {code!r}: needs 'capital' and 'at', and only fields {sorted(_TABLE_KEYS)}")
    return table


@lru_cache(maxsize=1)
def iso3166() -> dict[str, Any]:
    """ISO 3166 names generated from pycountry (see ``claimgraph.kb.generate``)."""
    return json.loads((resources.files("claimgraph.kb") / "data" / ISO3166).read_text(encoding="utf-8"))


def state_entries(table: Any = None) -> tuple[list[KBActor], list[KBPlace]]:
    """State actors and their country and capital places, from the state table (the built-in one unless given)."""
    label = f"builtin {TABLE}"
    countries = iso3166()["countries"]
    actors: list[KBActor] = []
    places: list[KBPlace] = []
    for code, row in load_table(table).items():
        country = countries.get(code)
        if country is None:
            raise KBError(f"{label}: state {code!r}: not in {ISO3166}; run python -m claimgraph.kb.generate")
        name = row.get("name") or country["common_name"] or country["name"]
        key = slug(name)
        official = [o for o in (country["official_name"], country["name"])
                    if o and row.get("iso_names", True) and "," not in o and "(" not in o]
        aliases = _unique([*row.get("aliases", []), *official,
                           f"Government of {name}", f"{name} government", f"{name}'s government",
                           *(f"{d} government" for d in row.get("demonyms", [])[:1])], name)
        actors.append(KBActor(
            id=f"kb:{key}", name=name, type="state", sector="GOV", aliases=aliases, wikidata=row.get("wikidata"),
            country=name, demonyms=list(row.get("demonyms", [])), source=label,
            description=None if row.get("un_member", True) else "State that is not a member of the United Nations."))
        lat, lon = row["at"]
        places.append(KBPlace(
            id=f"place:{key}", name=name, kind="country", country=name, admin_level=0,
            aliases=_unique([*row.get("aliases", []), *official], name),
            lat=lat, lon=lon, code=country["alpha_2"], metonym_of=f"kb:{key}", source=label))
        capital, capital_lat, capital_lon = row["capital"]
        if slug(capital) != key:
            places.append(KBPlace(
                id=f"place:{slug(capital)}", name=capital, kind="city", country=name, admin_level=3,
                parent=f"place:{key}", lat=capital_lat, lon=capital_lon, metonym_of=f"kb:{key}", source=label))
    return actors, places


def un_member_codes() -> list[str]:
    """ISO alpha-3 codes of the UN member states in the table."""
    return [code for code, row in load_table().items() if row.get("un_member", True)]


def _unique(items: list[str], name: str) -> list[str]:
    seen = {name}
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
