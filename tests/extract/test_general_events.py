"""Attack events and actor linking in general English: accusations, actors named inside the object of an
attack, and ministries named with their state. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.extract import extract_document
from claimgraph.model import Document, Event, Extraction


def _extract(text: str) -> Extraction:
    return extract_document(Document(text, published="2025-03-10"))


def _only_event(extraction: Extraction) -> Event:
    assert len(extraction.events) == 1, extraction.events
    return extraction.events[0]


@pytest.mark.parametrize(("text", "accused", "accuser"), [
    ("The Taliban accused ISKP of carrying out the bombing in Kabul on Sunday that killed 12 people.",
     "kb:iskp", "kb:afghan-taliban"),
    ("A suicide bomber killed nine people at a mosque in Kabul on Friday. The Taliban blamed ISKP for the attack.",
     "kb:iskp", "kb:afghan-taliban"),
    ("Pakistan held the TTP responsible for the blast in Bannu on Tuesday, which killed seven policemen.",
     "kb:ttp", "kb:pakistan"),
    ("Iran accused Jaish al-Adl of being behind the attack in Zahedan on Monday that killed four guards.",
     "kb:jaish-al-adl", "kb:iran"),
    ("Islamabad blamed the attack in Chaman on Friday on the TTP.", "kb:ttp", "kb:pakistan"),
])
def test_the_accused_is_the_alleged_perpetrator_and_the_accuser_neither(text: str, accused: str,
                                                                         accuser: str) -> None:
    event = _only_event(_extract(text))
    assert event.perpetrators == [accused]
    assert event.hedged  # an allegation, not a fact the text states
    assert accuser not in event.perpetrators and accuser not in event.claimed_by


def test_an_accusation_does_not_override_a_claim() -> None:
    event = _only_event(_extract("The BLA claimed responsibility for the attack in Turbat on Sunday, but Pakistan "
                                 "blamed India for it."))
    assert event.perpetrators == ["kb:bla"] and event.claimed_by == ["kb:bla"]


def test_holding_people_is_no_accusation() -> None:
    event = _only_event(_extract("A bomb killed four people in Quetta on Monday. Police held two TTP members "
                                 "for questioning."))
    assert "kb:ttp" not in event.perpetrators


@pytest.mark.parametrize(("text", "target"), [
    ("Militants attacked a Pakistan Army camp in North Waziristan on Saturday, killing five soldiers.",
     "kb:pakistan-army"),
    ("Gunmen stormed an ISI office in Quetta on Thursday, killing two officers.", "kb:isi"),
    ("Insurgents ambushed a Frontier Corps convoy in Kech district on Wednesday, killing six soldiers.",
     "kb:frontier-corps"),
    ("The army raided a TTP hideout in Khyber district on Monday, killing eight militants.", "kb:ttp"),
])
def test_an_actor_inside_the_object_of_the_attack_is_its_target(text: str, target: str) -> None:
    event = _only_event(_extract(text))
    assert target in event.targets
    assert target not in event.perpetrators


def test_the_subject_attacks_the_group_named_in_its_object() -> None:
    event = _only_event(_extract("The Pakistan Army attacked a TTP compound in Bajaur on Friday, killing four "
                                 "fighters."))
    assert event.perpetrators == ["kb:pakistan-army"]
    assert event.targets == ["kb:ttp"]


def test_a_named_bomber_attacks_the_convoy_it_strikes() -> None:
    event = _only_event(_extract("An ISKP suicide bomber struck a Taliban convoy in Kunduz on Wednesday, killing "
                                 "five."))
    assert event.perpetrators == ["kb:iskp"]
    assert event.targets == ["kb:afghan-taliban"]


def test_blaming_the_attack_on_a_group_is_no_attack_on_it() -> None:
    event = _only_event(_extract("A car bomb killed six people in Kabul on Friday. The government blamed the "
                                 "attack on ISKP."))
    assert event.perpetrators == ["kb:iskp"]
    assert "kb:iskp" not in event.targets


@pytest.mark.parametrize(("text", "agency", "not_linked"), [
    ("The Ministry of Foreign Affairs of Pakistan said on Monday that the plot was planned abroad.",
     "kb:pakistan-mofa", "kb:iran-mofa"),
    ("Pakistan's Ministry of Foreign Affairs condemned the bombing in Peshawar on Friday.", "kb:pakistan-mofa",
     "kb:iran-mofa"),
    ("The Qatari Ministry of Foreign Affairs denied the report on Monday.", "kb:qatar-mofa", "kb:iran-mofa"),
])
def test_a_ministry_named_with_its_state_is_that_states(text: str, agency: str, not_linked: str) -> None:
    ids = {actor.id for actor in _extract(text).actors}
    assert agency in ids
    assert not_linked not in ids


def test_a_ministry_of_a_state_without_one_in_the_kb_names_the_state_only() -> None:
    ids = {actor.id for actor in _extract("The Ministry of Interior of Iran said the blast in Kerman on Wednesday "
                                          "killed 90 people.").actors}
    assert "kb:iran" in ids
    assert "kb:pakistan-moi" not in ids


def test_an_unqualified_ministry_keeps_its_kb_name() -> None:
    ids = {actor.id for actor in _extract("The Ministry of External Affairs said the attack in Pahalgam on "
                                          "Tuesday killed 26 tourists.").actors}
    assert "kb:india-mea" in ids


@pytest.mark.parametrize(("text", "perpetrator", "place", "date"), [
    ("Israel struck Hezbollah positions in southern Lebanon on Wednesday.", "kb:israel", "southern Lebanon",
     "2025-03-05"),
    ("The Houthis fired two missiles at a cargo ship in the Red Sea on Sunday.", "kb:houthis", "the Red Sea",
     "2025-03-09"),
    ("Boko Haram fighters kidnapped 25 schoolgirls from a village in Borno state on Friday.", "kb:boko-haram",
     "Borno state", "2025-03-07"),
])
def test_an_attack_told_by_its_verb_alone_with_actor_place_and_date_is_an_event(text: str, perpetrator: str,
                                                                              place: str, date: str) -> None:
    event = _only_event(_extract(text))
    assert event.perpetrators == [perpetrator]
    assert event.place is not None and event.place.name == place
    assert event.date == date


@pytest.mark.parametrize("text", [
    "Israel struck Hezbollah positions in southern Lebanon.",  # no date: a pattern, not an incident
    "Israel has struck Hezbollah repeatedly since Wednesday.",  # no place
    "The ministry fired 300 officials in Lagos on Monday.",  # "fired" without a weapon is no attack
])
def test_an_attack_verb_alone_without_actor_place_and_date_is_no_event(text: str) -> None:
    assert _extract(text).events == []


def test_a_bare_toll_right_after_an_attack_is_its_toll() -> None:
    event = _only_event(_extract("A suicide bomber struck a mosque in Kandahar in March. Officials said only four "
                                 "people were killed."))
    assert event.killed == 4
    far = _extract("A suicide bomber struck a mosque in Kandahar in March. The city has grown since. Officials "
                   "said four people were killed.")
    assert _only_event(far).killed is None  # two sentences on, the toll may be another's


@pytest.mark.parametrize("text", [
    "Militants carried out 45 attacks in Borno state last year.",
    "The militias have launched more than 180 attacks on US forces in Iraq and Syria since October 2023.",
])
def test_a_tally_of_attacks_is_no_incident(text: str) -> None:
    assert _extract(text).events == []


def test_the_cut_off_of_a_tally_is_no_date_of_the_attack() -> None:
    event = _only_event(_extract("A drone struck a US base in Syria, the 12th such strike as of August 15, 2024."))
    assert event.date is None


def test_a_claim_naming_no_attack_right_after_one_claims_it() -> None:
    event = _only_event(_extract("Gunmen killed nine people at a checkpoint in Balochistan on Sunday. The Baloch "
                                 "Liberation Army, which Pakistan says is backed by India, claimed responsibility."))
    assert event.claimed_by == ["kb:bla"] and event.perpetrators == ["kb:bla"]
    other = _extract("Gunmen killed nine people at a checkpoint in Balochistan on Sunday. The road reopened later. "
                     "Officials met on Monday. The TTP claimed responsibility for an ambush on a convoy.")
    assert all("kb:ttp" not in e.claimed_by for e in other.events if e.killed == 9)


def test_an_earlier_event_after_the_attack_is_not_its_place_or_toll() -> None:
    event = _only_event(_extract("Gunmen killed 14 people at a checkpoint in Balochistan on Tuesday. The attack came "
                                 "days after the army said it had killed 23 militants in a raid in Kech."))
    assert event.place is not None and event.place.name == "Balochistan"
    assert event.killed == 14 and event.perpetrators == []


def test_an_instance_after_including_is_one_event_at_its_own_place() -> None:
    event = _only_event(_extract("Al-Shabaab has carried out deadly attacks in neighbouring Kenya, including the "
                                 "2013 Westgate mall siege in Nairobi that killed 67 people."))
    assert event.place is not None and event.place.name == "Nairobi"
    assert (event.date, event.killed) == ("2013", 67)


def test_soldiers_in_the_object_of_an_attack_are_its_target_and_a_qualifier_no_perpetrator() -> None:
    event = _only_event(_extract("Jihadists linked to al-Qaeda attacked a convoy of Malian soldiers near Tessalit "
                                 "on Sunday, killing nine people."))
    assert event.perpetrators == []
    assert event.targets == ["kb:fama"]


def test_a_group_described_by_its_parent_claims_in_a_statement() -> None:
    event = _only_event(_extract("Gunmen attacked a convoy near Tessalit on Sunday, killing nine people. JNIM, "
                                 "al-Qaeda's branch in the Sahel, said in a statement that its fighters had "
                                 "destroyed four vehicles."))
    assert event.claimed_by == ["kb:jnim"]
    assert event.place is not None and event.place.name == "Tessalit"  # the Sahel is where JNIM is


def test_attacks_claimed_at_several_places_are_one_event_each() -> None:
    events = _extract("In 2024, the BLA claimed it had committed suicide attacks near the airport in Karachi and "
                      "in Gwadar.").events
    assert sorted(e.place.name for e in events if e.place) == ["Gwadar", "Karachi"]
    assert all(e.claimed_by == ["kb:bla"] and e.date == "2024" for e in events)
    assert _extract("The BLA has carried out attacks in Karachi and Gwadar.").events == []  # no claim: a pattern


def test_a_weekday_dates_an_attack_told_by_its_verb_even_without_a_reference_date() -> None:
    found = extract_document(Document("On Thursday, Hezbollah targeted an Israeli base near Haifa.")).events
    assert [(e.perpetrators, e.place.name if e.place else None, e.date) for e in found] == [
        (["kb:hezbollah"], "Haifa", None)]
    assert extract_document(Document("Hezbollah has targeted Israeli bases near Haifa.")).events == []


def test_a_date_after_after_the_is_an_earlier_events() -> None:
    event = _only_event(_extract("Hezbollah fired rockets at Haifa after the October 7 attack."))
    assert event.date is None
