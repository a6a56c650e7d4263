"""Regenerate the files under ``data/generated``: ``python -m claimgraph.kb.generate``.

- ``iso3166.json``: ISO 3166 names from pycountry, read at load time instead of importing pycountry;
  regenerate after upgrading pycountry or adding a state or a field country.
- ``compiled.json``: the parsed content of the YAML data files (see ``claimgraph.kb.sources``);
  regenerate after editing them, or loading falls back to the slower YAML parse.

The test suite checks that both files are current.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pycountry

from claimgraph.kb.divisions import FIELD_COUNTRIES
from claimgraph.kb.sources import COMPILED, compile_sources
from claimgraph.kb.states import ISO3166, load_table

GENERATED = Path(__file__).with_name("data") / "generated"


def iso3166_data() -> dict[str, Any]:
    """Country names for the states of the table and the first-level divisions of the field countries."""
    countries = {}
    for code in load_table():
        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            raise SystemExit(f"states table: {code!r} is not an ISO 3166-1 alpha-3 code known to pycountry")
        countries[code] = {key: getattr(country, key, None)
                           for key in ("alpha_2", "name", "official_name", "common_name")}
    divisions = [
        {"code": d.code, "country_code": d.country_code, "name": d.name, "type": d.type}
        for country_code in FIELD_COUNTRIES
        for d in sorted(pycountry.subdivisions.get(country_code=country_code) or (), key=lambda d: d.code)
        if d.parent_code is None]
    return {"pycountry": _pycountry_version(), "countries": countries, "divisions": divisions}


def _pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def main() -> None:
    for name, data in ((ISO3166, iso3166_data()), (COMPILED, compile_sources())):
        path = GENERATED.parent / name
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
