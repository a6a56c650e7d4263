"""First-level divisions (provinces, states, regions) of the countries this field follows, from pycountry.

Hand-written places in the data files carry the ISO 3166-2 ``code`` of the division they describe (with
English spellings, aliases and coordinates); pycountry fills in the divisions they leave out, so every
first-level division of these countries is a place of the knowledge base.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import pycountry

from claimgraph.kb.schema import KBPlace
from claimgraph.kb.states import slug

# ISO 3166-1 alpha-2 codes of the countries whose first-level divisions the built-in KB holds.
FIELD_COUNTRIES: tuple[str, ...] = (
    # South and Central Asia
    "AF", "PK", "IN", "BD", "LK", "NP", "IR", "TJ", "UZ", "TM", "KG", "KZ", "CN",
    # Middle East and North Africa
    "IQ", "SY", "YE", "IL", "PS", "LB", "JO", "SA", "TR", "EG", "LY", "TN", "DZ", "MA", "AE", "QA", "OM",
    # Sub-Saharan Africa
    "SO", "KE", "ET", "ER", "DJ", "SD", "SS", "ML", "BF", "NE", "NG", "TD", "CM", "MR", "BJ", "TG", "GH",
    "CI", "MZ", "CD", "CF", "UG", "TZ", "RW", "BI",
    # Elsewhere
    "RU", "UA", "PH", "ID", "MM",
)


def division_places(covered_codes: Iterable[str], country_names: dict[str, str]) -> list[KBPlace]:
    """Places for the first-level divisions whose ISO code is not in ``covered_codes``.

    ``country_names`` maps an alpha-2 code to the common name of its state ("PK" → "Pakistan").
    """
    covered = set(covered_codes)
    places: list[KBPlace] = []
    for country_code in FIELD_COUNTRIES:
        country = country_names[country_code]
        for division in pycountry.subdivisions.get(country_code=country_code) or ():
            if division.parent_code is not None or division.code in covered:
                continue
            name = _ascii(division.name)
            places.append(KBPlace(
                id=f"place:{country_code.lower()}-{slug(name)}", name=name, kind=_kind(division.type),
                country=country, admin_level=1, parent=f"place:{slug(country)}",
                aliases=[division.name] if division.name != name else [], code=division.code,
                source="builtin pycountry"))
    return places


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().replace("  ", " ").strip()


def _kind(iso_type: str) -> str:
    lowered = iso_type.lower()
    if "state" in lowered:
        return "state"
    if "province" in lowered or "governorate" in lowered or "wilaya" in lowered:
        return "province"
    if "territory" in lowered or "area" in lowered:
        return "territory"
    return "region"
