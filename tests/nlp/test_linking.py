"""Actor and place linking rules, on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.kb import builtin_kb
from claimgraph.model import Document
from claimgraph.nlp import AnnotatedDoc, annotate


def annotated(text: str) -> AnnotatedDoc:
    return annotate(Document(text), builtin_kb())


def linked(text: str) -> dict[str, str]:
    """Surface text → entity id of every direct (non-pronoun) mention."""
    return {m.text: m.entity for m in annotated(text).mentions if m.via is None}


def actor_ids(text: str) -> set[str]:
    return {record.id for record in annotated(text).actor_records()}


@pytest.mark.parametrize("surface", [
    "ISKP", "IS-K", "ISIS-K", "Islamic State Khorasan Province", "Islamic State–Khorasan Province",
    "Islamic State Khurasan Province", "Daesh-Khorasan",
])
def test_spellings_of_iskp(surface: str) -> None:
    assert linked(f"Officials blamed {surface} for the attack.")[surface] == "kb:iskp"


@pytest.mark.parametrize("surface", ["Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan",
                                     "Tehrik-e-Taliban Pakistan", "TTP", "Pakistani Taliban"])
def test_spellings_of_ttp_are_one_actor(surface: str) -> None:
    assert linked(f"The {surface} denied it.")[surface] == "kb:ttp"


def test_case_and_diacritics_fold() -> None:
    assert linked("A statement by AL-QAEDA was read out.")["AL-QAEDA"] == "kb:al-qaeda"
    assert linked("Forces Armées Maliennes patrolled the road.")["Forces Armées Maliennes"] == "kb:fama"


def test_acronyms_are_case_sensitive() -> None:
    mentions = linked("This is what it is.")
    assert "is" not in mentions and "IS" not in mentions


def test_possessive_keeps_the_name() -> None:
    mentions = linked("Pakistan’s ISI denied the report.")
    assert mentions["Pakistan"] == "kb:pakistan"
    assert mentions["ISI"] == "kb:isi"


def test_bracketed_acronym_defines_an_alias_for_the_document() -> None:
    text = "The Frontier Liberation Brigade (FLB) was formed in 2020. Later the FLB split."
    doc = annotated(text)
    ids = {m.text: m.entity for m in doc.mentions if m.via is None}
    assert ids["Frontier Liberation Brigade"].startswith("new:")
    assert ids["FLB"] == ids["Frontier Liberation Brigade"]
    assert sum(1 for m in doc.mentions if m.text == "FLB") == 2


def test_the_taliban_is_the_afghan_taliban_unless_pakistani() -> None:
    assert "kb:afghan-taliban" in linked("The Taliban took Kabul.").values()
    assert linked("The Pakistani Taliban attacked a checkpoint.")["Pakistani Taliban"] == "kb:ttp"


def test_demonyms_become_actors_only_in_actor_phrases() -> None:
    assert "kb:pakistan" in actor_ids("Pakistani officials rejected the report.")
    assert "kb:india" in actor_ids("Indian diplomats walked out.")
    assert any(r.name == "Indian forces" and r.type == "state_agency"
               for r in annotated("Indian forces opened fire.").actor_records())
    assert "kb:pakistan" not in actor_ids("The militants crossed into Pakistani soil at night.")


def test_a_states_military_is_its_army() -> None:
    assert "kb:pakistan-army" in actor_ids("Pakistan's military denied the claim.")
    assert "kb:pakistan-army" in actor_ids("The TTP attacked Pakistani military posts near the border.")
    assert "kb:somali-national-army" in actor_ids("Somalia's military said the raid had worked.")


@pytest.mark.parametrize(("text", "state", "army"), [
    ("Israel's military actions in Gaza drew wide criticism.", "kb:israel", "kb:idf"),  # a KB name of the army
    ("Rights groups condemned Israeli military operations in Gaza.", "kb:israel", "kb:idf"),
    ("Somalia's military campaign against al-Shabaab stalled in the rains.", "kb:somalia", "kb:somali-national-army"),
    ("Wagner spent three years propping up Mali's military junta.", "kb:mali", "kb:fama"),  # the junta governs
    ("US military operations in Syria wound down that year.", "kb:united-states", "kb:us-military"),
])
def test_military_before_what_a_state_does_names_the_state(text: str, state: str, army: str) -> None:
    ids = actor_ids(text)
    assert state in ids and army not in ids


def test_places_are_never_actors() -> None:
    doc = annotated("A blast hit a market in Bajaur and another in Peshawar.")
    assert {r.name for r in doc.place_records()} >= {"Bajaur", "Peshawar"}
    assert not {r.id for r in doc.actor_records()} & {r.id for r in doc.place_records()}


def test_kashmir_is_a_region_in_south_asia() -> None:
    doc = annotated("Violence rose in Kashmir last year.")
    (record,) = [r for r in doc.place_records() if r.mentions[0].text == "Kashmir"]
    assert record.country == "India"


def test_a_state_named_only_as_a_location_is_a_place() -> None:
    doc = annotated("The group is active in Afghanistan.")
    assert "kb:afghanistan" not in {r.id for r in doc.actor_records()}
    assert "kb:afghanistan" in {r.id for r in doc.place_records()}


def test_capital_as_metonym_or_as_place() -> None:
    assert "kb:pakistan" in actor_ids("Islamabad denied the allegation.")
    assert "kb:pakistan" not in actor_ids("He spoke in Islamabad on Monday.")


@pytest.mark.parametrize(("text", "name"), [
    ("The Frontier Freedom Front claimed the blast.", "Frontier Freedom Front"),
    ("A new outfit, Lashkar-e-Khurasan, appeared.", "Lashkar-e-Khurasan"),
    ("Gunmen of Tehreek-e-Azadi Kashmir fired.", "Tehreek-e-Azadi Kashmir"),
])
def test_unknown_group_like_names_are_discovered(text: str, name: str) -> None:
    doc = annotated(text)
    assert any(r.id.startswith("new:") and r.name == name for r in doc.actor_records())


@pytest.mark.parametrize("text", [
    "The State Department named the outfit a Foreign Terrorist Organization last year.",
    "The claim was first reported by the Northbridge Intelligence Group, a monitoring firm.",
])
def test_designations_and_firms_are_not_discovered_as_groups(text: str) -> None:
    assert not [r for r in annotated(text).actor_records() if r.id.startswith("new:")]


def test_a_capital_after_the_word_capital_is_a_place() -> None:
    assert "kb:kenya" not in actor_ids("The gunmen struck the capital Nairobi before dawn.")


def test_a_common_misspelling_of_a_kb_name_links() -> None:
    assert "kb:pkk" in actor_ids("Fighters of the Kurdistan Worker's Party withdrew.")


def test_titled_person_is_discovered_without_title() -> None:
    doc = annotated("Commander Rahimullah Zadran said the attack failed.")
    assert any(r.id == "new:rahimullah-zadran" and r.type == "person" for r in doc.actor_records())


def test_dateline_names_no_actor() -> None:
    assert "kb:rwanda" not in actor_ids("KIGALI, Rwanda (AA) – A group claimed an attack in Mali.")


def test_coreference_to_the_last_armed_group() -> None:
    doc = annotated("Al-Shabaab struck a hotel. The group later issued a statement.")
    (ref,) = [m for m in doc.mentions if m.via]
    assert ref.entity == "kb:al-shabaab"
    assert ref.text == "The group"
