"""Entries of the knowledge base: actors and places, as loaded from the package's data files."""

from __future__ import annotations

from dataclasses import dataclass, field

AFFILIATION_RELATIONS: tuple[str, ...] = ("member_of", "part_of", "splinter_of", "allied_with", "leads", "supports",
                                          "rival_of")
PLACE_KINDS: tuple[str, ...] = ("country", "province", "state", "region", "district", "city", "town", "area",
                                "territory", "sea", "border", "site")
# PLOVER/CAMEO-style sector codes an actor may carry.
SECTORS: dict[str, str] = {
    "GOV": "government, head of state or government, ministry",
    "MIL": "armed forces",
    "SPY": "intelligence service",
    "COP": "police, gendarmerie, border and counter-terrorism police",
    "JUD": "judiciary, prosecutors",
    "LEG": "legislature",
    "REB": "rebels fighting a government",
    "INS": "insurgents, jihadist and other militant organisations",
    "SEP": "separatists",
    "UAF": "militias and other armed forces not under state command, mercenaries",
    "RAD": "radical or extremist movements without an established armed wing",
    "PTY": "political parties",
    "IGO": "intergovernmental organisations",
    "NGO": "non-governmental organisations",
    "MED": "media and propaganda outlets",
    "CVL": "civilians, civil-society movements",
    "ETH": "ethnic communities",
    "REL": "religious communities and clergy",
    "BUS": "businesses",
}


@dataclass(frozen=True)
class Affiliation:
    """A standing link from one actor to another, e.g. ISKP ``member_of`` Islamic State since 2015."""

    relation: str  # one of AFFILIATION_RELATIONS
    target: str  # KB id
    since: str | None = None
    until: str | None = None


@dataclass
class KBActor:
    """An actor of the knowledge base. ``id`` carries the ``kb:`` prefix."""

    id: str
    name: str
    type: str
    sector: str | None = None  # PLOVER-style sector code: GOV, MIL, SPY, REB, ...
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    country: str | None = None  # country name, e.g. "Pakistan"
    parent: str | None = None  # KB id of the organisation or state it belongs to
    affiliations: list[Affiliation] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)  # states only: "Pakistani"
    description: str | None = None
    source: str = "builtin"  # "builtin" or the user file it came from


@dataclass
class KBPlace:
    """A place: country, first-level division, district, city or region. ``id`` carries ``place:``."""

    id: str
    name: str
    kind: str  # one of PLACE_KINDS
    country: str | None
    admin_level: int | None = None  # 0 country, 1 first-level division, 2 district, 3 city, town or below
    parent: str | None = None
    aliases: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    code: str | None = None  # ISO 3166 code of a country ("PK") or first-level division ("PK-BA")
    metonym_of: str | None = None  # actor id the name stands for when used as an actor: "Islamabad" → kb:pakistan
    source: str = "builtin"
