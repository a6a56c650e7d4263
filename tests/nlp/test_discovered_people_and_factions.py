"""People and factions the KB does not know, found by how the text introduces them (sentences written here)."""

from __future__ import annotations

import pytest

from claimgraph.kb import builtin_kb
from claimgraph.model import Document
from claimgraph.nlp import annotate


def actors(text: str) -> dict[str, str]:
    """Actor name → type, for every actor the document names directly."""
    doc = annotate(Document(text), builtin_kb())
    return {r.name: r.type for r in doc.actor_records()}


@pytest.mark.parametrize(("text", "name"), [
    ("Six guards died, Rahim Gul Afridi, a senior local police official, told reporters.", "Rahim Gul Afridi"),
    ("The group admitted heavy losses, including the death of its field commander, Viktor Lebedev.",
     "Viktor Lebedev"),
    ("A column of fighters led by Abba Kaka Modu overran the camp near Monguno.", "Abba Kaka Modu"),
    ("Provincial Inspector General of Police Tariq Mehmood Khan praised the officers.", "Tariq Mehmood Khan"),
])
def test_a_person_introduced_by_role_is_discovered(text: str, name: str) -> None:
    assert actors(text).get(name) == "person"


@pytest.mark.parametrize("text", [
    "The convoy, led by Pakistan Army units, reached Wana.",
    "Fighting spread to Kunar, a province whose governor resigned.",
])
def test_no_person_is_made_of_organisations_or_places(text: str) -> None:
    assert "person" not in actors(text).values()


def test_a_faction_named_after_its_group_is_its_own_actor() -> None:
    found = actors("Police killed a commander of the banned TTP-Mehsud faction near Tank.")
    assert found.get("TTP-Mehsud faction") == "armed_group"


@pytest.mark.parametrize(("text", "group"), [
    ("The Al-Qaeda group claimed the raid in Mali.", "kb:al-qaeda"),
    ("The Al-Shabaab group attacked a base near Baidoa.", "kb:al-shabaab"),
])
def test_a_hyphenated_known_name_before_group_is_the_known_group(text: str, group: str) -> None:
    doc = annotate(Document(text), builtin_kb())
    assert group in {m.entity for m in doc.mentions}
    assert not [m for m in doc.mentions if m.entity.startswith("new:")]


def test_a_police_facility_is_not_the_police() -> None:
    found = actors("A suicide bomber struck the gate of the Dera Ismail Khan police training school.")
    assert not any("police" in name.lower() for name in found)
