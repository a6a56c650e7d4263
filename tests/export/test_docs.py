"""docs/exports.md documents what the exporters write: columns, warned relationship types, custom properties."""

from __future__ import annotations

import re
from pathlib import Path

from claimgraph.export.stix_export import EXTENSION_PROPERTIES
from claimgraph.export.stix_mapping import CUSTOM_RELATIONSHIP_TYPES, RELATIONSHIP_TYPES, WARNED_RELATIONSHIP_TYPES
from claimgraph.export.tables import TABLES

DOC = Path(__file__).resolve().parents[2] / "docs" / "exports.md"


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    following = re.search(r"^#{2,3} ", text[start + len(heading):], re.M)
    return text[start:start + len(heading) + (following.start() if following else len(text))]


def _code_words(text: str) -> set[str]:
    return set(re.findall(r"`([^`]+)`", text))


def test_every_csv_column_is_documented_in_its_table():
    text = DOC.read_text(encoding="utf-8")
    for name, columns in TABLES.items():
        table = text[text.index(f"`{name}.csv`, one row per"):]
        table = table[:table.index("\n\n", table.index("| column"))]
        assert set(columns) <= _code_words(table), (name, set(columns) - _code_words(table))


def test_warned_and_custom_relationship_types_and_properties_are_documented():
    text = DOC.read_text(encoding="utf-8")
    warnings = _section(text, "### Custom relationship types and validator warnings")
    rows = set(re.findall(r"^\| `([a-z-]+)` \|", warnings, re.M))
    assert rows == set(WARNED_RELATIONSHIP_TYPES)
    assert {f"**`{t}`**" in warnings for t in CUSTOM_RELATIONSHIP_TYPES} == {True}
    mapping = _section(text, "### Mapping")
    assert set(RELATIONSHIP_TYPES.values()) <= _code_words(mapping)
    properties = _section(text, "### Custom properties")
    assert set(EXTENSION_PROPERTIES) <= _code_words(properties)
