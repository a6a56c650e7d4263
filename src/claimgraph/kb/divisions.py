"""First-level divisions (provinces, states, regions) of the countries this field follows, from ISO 3166-2.

Hand-written places in the data files carry the ISO 3166-2 ``code`` of the division they describe (with
English spellings, aliases and coordinates); ISO 3166-2 (pycountry's data, copied into
``data/generated/iso3166.json``) fills in the divisions they leave out, so every first-level division of
these countries is a place of the knowledge base.

ISO names are often local and sometimes ordinary words ("Central", "Lakes", "Mary", "Plateau"); a bare
name like that would turn every such word of an article into a place. So a generated division is named
with its ISO type ("Central Region", "Plateau State"), and its bare name is kept as an alias only when it
is not in ``AMBIGUOUS_NAMES``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from claimgraph.kb.schema import KBPlace
from claimgraph.kb.states import iso3166, slug

# ISO 3166-1 alpha-2 codes of the countries whose first-level divisions the built-in KB holds.
FIELD_COUNTRIES: tuple[str, ...] = (
    # South Asia and Iran
    "AF", "PK", "IN", "BD", "LK", "NP", "IR",
    # Middle East and North Africa
    "IQ", "SY", "YE", "IL", "PS", "LB", "JO", "SA", "TR", "EG", "LY", "TN", "DZ", "MA", "AE", "QA", "OM",
    # Sub-Saharan Africa
    "SO", "KE", "ET", "ER", "DJ", "SD", "SS", "ML", "BF", "NE", "NG", "TD", "CM", "MR", "BJ", "TG", "GH",
    "CI", "MZ", "CD", "CF", "UG", "TZ", "RW", "BI",
    # South-East Asia
    "MM",
)
# Bare division names that are common words, given names, or names of better-known places.
AMBIGUOUS_NAMES = frozenset({
    "adrar", "afar", "ahal", "atlantique", "balkan", "central", "centrale", "centre", "chin", "coast", "collines",
    "delta", "east", "eastern", "est", "gaza", "kara", "lacs", "lakes", "littoral", "maritime", "mary", "mon",
    "mono", "niger", "nord", "north", "northern", "ouest", "plateau", "plateaux", "red sea", "rivers", "sahel",
    "savanes", "shan", "somali", "south", "southern", "sud", "unity", "volta", "west", "western", "zou", "bay", "lac",
    "van", "north-west", "south-west", "north-east", "south-east", "far north", "capital", "city",
})
_TRAILING_NOTE = re.compile(r"\s*\([^)]*\)\s*$")


def division_places(covered_codes: Iterable[str], country_names: dict[str, str]) -> list[KBPlace]:
    """Places for the first-level divisions whose ISO code is not in ``covered_codes``.

    ``country_names`` maps an alpha-2 code to the common name of its state ("PK" → "Pakistan").
    """
    covered = set(covered_codes)
    places: list[KBPlace] = []
    for division in iso3166()["divisions"]:
        if division["code"] in covered:
            continue
        country_code, iso_name = division["country_code"], _TRAILING_NOTE.sub("", division["name"])
        country = country_names[country_code]
        bare = _ascii(iso_name)
        qualified = f"{bare} {division['type'].split()[-1].title()}"
        aliases = [] if bare.lower() in AMBIGUOUS_NAMES else list(dict.fromkeys((bare, iso_name)))
        places.append(KBPlace(
            id=f"place:{division['code'].lower()}", name=qualified, kind=_kind(division["type"]),
            country=country, admin_level=1, parent=f"place:{slug(country)}", aliases=aliases,
            code=division["code"], source="builtin ISO 3166-2"))
    return places


_NO_DECOMPOSITION = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae"})


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(_NO_DECOMPOSITION)).encode("ascii", "ignore").decode()
    return " ".join(folded.split())


def _kind(iso_type: str) -> str:
    lowered = iso_type.lower()
    if "state" in lowered:
        return "state"
    if "province" in lowered or "governorate" in lowered or "emirate" in lowered:
        return "province"
    if "territory" in lowered or "area" in lowered or "administration" in lowered:
        return "territory"
    if "city" in lowered or "municipality" in lowered:
        return "city"
    if "district" in lowered or "county" in lowered or "department" in lowered or "prefecture" in lowered:
        return "district"
    return "region"
