"""Country names to ISO 3166-1 alpha-2 codes (STIX ``location.country``) and back, the KB's names first."""

from __future__ import annotations

import pycountry

from claimgraph.kb import KnowledgeBase


class Countries:
    """The knowledge base's countries by name, alias and code; pycountry for names the KB lacks."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._codes: dict[str, str] = {}
        self._names: dict[str, str] = {}
        for place in kb.places.values():
            if place.kind == "country" and place.code:
                self._names.setdefault(place.code.upper(), place.name)
                for name in (place.name, *place.aliases, place.code):
                    self._codes.setdefault(name.casefold(), place.code.upper())

    def code(self, name: str | None) -> str | None:
        """The alpha-2 code of a country name or code (``"Pakistan"`` → ``"PK"``); None when unknown."""
        if not name or not name.strip():
            return None
        known = self._codes.get(name.strip().casefold())
        if known:
            return known
        try:
            return str(pycountry.countries.lookup(name.strip()).alpha_2)
        except LookupError:
            return None

    def name(self, code: str | None) -> str | None:
        """The knowledge base's name of the country with this alpha-2 code; None when unknown."""
        if not code:
            return None
        known = self._names.get(code.upper())
        if known:
            return known
        country = pycountry.countries.get(alpha_2=code.upper())
        return None if country is None else str(getattr(country, "common_name", None) or country.name)
