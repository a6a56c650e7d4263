"""User knowledge-base files: YAML or JSON (the built-in format) and CSV (actors, one per row).

CSV columns (header row required; ``id``, ``name`` and ``type`` must be present, the others may be left
out): ``id,name,type,aliases,country,parent,wikidata,sector,description,demonyms``. ``aliases`` and
``demonyms`` hold several values separated by ``;``.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path
from typing import Any

from claimgraph.errors import KBError
from claimgraph.kb.entries import actor_from_mapping, check_unique, entries_from_data, entry_to_mapping, read_yaml
from claimgraph.kb.schema import KBActor, KBPlace

__all__ = ["CSV_COLUMNS", "entry_to_mapping", "parse_csv", "read_user_file"]

CSV_COLUMNS: tuple[str, ...] = ("id", "name", "type", "aliases", "country", "parent", "wikidata", "sector",
                                "description", "demonyms")
CSV_REQUIRED: tuple[str, ...] = ("id", "name", "type")
_LIST_COLUMNS = frozenset({"aliases", "demonyms"})


def read_user_file(path: Path) -> tuple[list[KBActor], list[KBPlace]]:
    """Parse and validate one user file (``.yaml``, ``.yml``, ``.json`` or ``.csv``)."""
    label = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json", ".csv"):
        raise KBError(f"{label}: unsupported file type {suffix or '(none)'!r}; use .yaml, .yml, .json or .csv")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise KBError(f"{label}: cannot read file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise KBError(f"{label}: not UTF-8 text") from exc
    if suffix == ".csv":
        return parse_csv(text, label), []
    return entries_from_data(read_yaml(text, label), label)


def parse_csv(text: str, label: str) -> list[KBActor]:
    """Actors from CSV text with a header row (see the module docstring for the columns)."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    if not header:
        raise KBError(f"{label}: empty CSV file; the first row must name the columns")
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        raise KBError(f"{label}: unknown column(s) {', '.join(unknown)}; allowed: {', '.join(CSV_COLUMNS)}")
    missing = [c for c in CSV_REQUIRED if c not in header]
    if missing:
        raise KBError(f"{label}: missing column(s) {', '.join(missing)}")
    actors = []
    for row in reader:
        if None in row:
            raise KBError(f"{label}: row {reader.line_num}: more values than columns")
        values = {key.strip(): (value or "").strip() for key, value in row.items()}
        if not any(values.values()):
            continue
        actor = actor_from_mapping(_csv_mapping(values), f"{label}: row {reader.line_num}")
        actors.append(dataclasses.replace(actor, source=label))
    check_unique(actors, label, "actor")
    return actors


def _csv_mapping(values: dict[str, str]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key, value in values.items():
        if key in _LIST_COLUMNS:
            mapping[key] = [part.strip() for part in value.split(";") if part.strip()]
        elif value:
            mapping[key] = value
    return mapping
