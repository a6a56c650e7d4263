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
from claimgraph.kb.loader import build_kb
from claimgraph.kb.sources import COMPILED, parse_sources
from claimgraph.kb.states import ISO3166, iso3166, load_table
from claimgraph.kb.variants import variants

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


def compiled_data() -> dict[str, Any]:
    """The parsed data files, their digest, and the spelling variants of every written name."""
    sha, files = parse_sources()
    kb = build_kb(files)
    table = {surface: list(variants(surface)) for surface, _ in kb.written_surfaces()}
    return {"sha256": sha, "files": files, "variants": table}


def _pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def main() -> None:
    _write(ISO3166, iso3166_data(), indent=1)
    iso3166.cache_clear()
    _write(COMPILED, compiled_data(), indent=None)


def _write(name: str, data: dict[str, Any], indent: int | None) -> None:
    path = GENERATED.parent / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=indent, default=str) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
