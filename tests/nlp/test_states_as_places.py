"""When a state is named as a location, when an ethnic community is an armed group, and which lines name no
actor at all (sentences written here)."""

from __future__ import annotations

import pytest

from claimgraph.extract import extract_document
from claimgraph.kb import builtin_kb
from claimgraph.model import Document
from claimgraph.nlp import annotate


def actor_ids(text: str) -> set[str]:
    """The entities the document names as actors (states named only as places are left out)."""
    doc = annotate(Document(text), builtin_kb())
    return {m.entity for m in doc.mentions if m.kind == "actor" and not m.place_like}


def test_every_state_of_a_locative_list_is_a_place() -> None:
    ids = actor_ids("The sanctioned firms were registered in Liberia, India, Vietnam, Lebanon or Kuwait.")
    assert not ids & {"kb:liberia", "kb:india", "kb:vietnam", "kb:lebanon", "kb:kuwait"}


def test_a_list_after_of_names_actors() -> None:
    assert "kb:burkina-faso" in actor_ids("The juntas of Mali, Burkina Faso and Niger expelled French troops.")


def test_a_list_does_not_run_past_a_sentence() -> None:
    assert "kb:india" in actor_ids("Talks were held in Qatar. India, Iran and Pakistan said they would attend.")


def test_bordering_and_a_direction_after_a_place_name_locations() -> None:
    assert "kb:afghanistan" not in actor_ids("Gunmen attacked a post in North Waziristan bordering Afghanistan.")
    assert "kb:syria" not in actor_ids("Clashes were reported near Deir ez-Zor, east Syria, on Monday.")


def test_rebels_of_a_community_are_an_armed_group() -> None:
    doc = annotate(Document("Tuareg rebels seized a base near Kidal."), builtin_kb())
    (rebels,) = [m for m in doc.mentions if m.text == "Tuareg rebels"]
    assert doc.entities[rebels.entity].type == "armed_group"
    assert "kb:tuareg" not in {m.entity for m in doc.mentions}


@pytest.mark.parametrize("text", [
    "A Tuareg rebel group said it had seized a base near Kidal.",
    "Tuareg rebels seized a base near Kidal. Later the Tuareg-led separatists withdrew.",
    "The army fought a Tuareg armed group near Kidal. Tuareg rebels said they had lost four men.",
])
def test_the_forms_of_a_communitys_armed_group_name_one_group(text: str) -> None:
    doc = annotate(Document(text), builtin_kb())
    groups = {doc.entities[m.entity].name for m in doc.mentions if m.kind == "actor" and m.via is None
              and doc.entities[m.entity].type == "armed_group"}
    assert len(groups) == 1 and groups.pop().startswith("Tuareg ")
    assert "kb:tuareg" not in {m.entity for m in doc.mentions}


def test_the_community_alone_stays_the_community() -> None:
    assert "kb:tuareg" in actor_ids("Tuareg herders moved south after the drought.")


def test_a_photo_credit_names_no_actor() -> None:
    text = "Rocket hits a house near Tel Aviv\n\nPhoto credit: Israel Police\n\nA rocket fired from Gaza hit a home."
    assert "kb:israel-police" not in actor_ids(text)


def test_the_government_of_a_state_is_the_state() -> None:
    assert "kb:mali" in actor_ids("The government of Mali expelled the French ambassador.")
    assert "kb:mali" not in actor_ids("The people in Mali voted in a referendum.")


def test_due_to_names_an_actor_not_a_destination() -> None:
    assert "kb:france" in actor_ids("Attacks rose due to France's withdrawal from the region.")
    assert "kb:france" not in actor_ids("Thousands of migrants travelled to France last year.")


def test_a_state_owning_a_named_actor_is_that_actor_s_patron() -> None:
    assert "kb:russia" in actor_ids("Mali hired mercenaries from Russia's Wagner Group.")
    assert "kb:pakistan" not in actor_ids("Fighting broke out in Pakistan's Balochistan province.")


def test_a_demonym_describing_a_group_places_the_group() -> None:
    text = "Sanctions were imposed on the Lebanese group Hezbollah."
    assert "kb:lebanon" not in actor_ids(text)
    claims = extract_document(Document(text)).claims
    assert ("kb:hezbollah", "operates_in", "kb:lebanon") in {(c.subject, c.relation, c.object) for c in claims}


def test_a_news_agency_credit_defines_no_acronym() -> None:
    text = "NIAMEY, Niger (AP) — Soldiers were killed on Monday. The AP could not verify the toll."
    doc = annotate(Document(text), builtin_kb())
    assert not [m for m in doc.mentions if m.text == "AP"]


def test_an_acronym_in_brackets_still_names_its_group() -> None:
    text = "The Jama'at Nusrat al-Islam wal-Muslimin (JNIM) attacked a convoy. JNIM later claimed it."
    doc = annotate(Document(text), builtin_kb())
    assert [m.entity for m in doc.mentions if m.text == "JNIM"] == ["kb:jnim", "kb:jnim"]


def test_the_border_with_a_state_is_a_place_but_not_where_an_attack_happened() -> None:
    text = "Gunmen attacked a bus in Mandera, near the border with Somalia, killing nine passengers."
    assert "kb:somalia" not in actor_ids(text)
    (event,) = extract_document(Document(text)).events
    assert event.place is not None and event.place.name == "Mandera"


def test_in_both_names_locations() -> None:
    assert "kb:egypt" not in actor_ids("Officials in both Egypt and Gaza confirmed the ceasefire terms.")


def test_an_armed_community_keeps_the_name_as_written() -> None:
    doc = annotate(Document("Pashtun fighters crossed the border near Chaman."), builtin_kb())
    assert [r.name for r in doc.actor_records() if r.type == "armed_group"] == ["Pashtun fighters"]


def test_a_pronoun_alone_does_not_make_a_place_named_state_an_actor() -> None:
    text = ("Militants attacked a concert hall in Krasnogorsk, Russia, in March. The attack showed its growing "
            "reach abroad.")
    extraction = extract_document(Document(text))
    assert "kb:russia" not in {a.id for a in extraction.actors}
    assert "kb:russia" in {p.id for p in extraction.places}
    named = extract_document(Document("Russia condemned the attack in Krasnogorsk, Russia. Its officials vowed "
                                      "revenge."))
    assert "kb:russia" in {a.id for a in named.actors}
