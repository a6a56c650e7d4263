"""Attack events: who did it, where, and when one incident ends and the next begins (sentences written here)."""

from __future__ import annotations

from claimgraph.extract import extract_document
from claimgraph.model import Document, Event, Extraction


def extract(text: str, published: str | None = "2025-09-01") -> Extraction:
    return extract_document(Document(text, published=published))


def only_event(text: str) -> Event:
    events = extract(text).events
    assert len(events) == 1, [(e.place.name if e.place else None, e.evidence.text) for e in events]
    return events[0]


def test_members_of_a_group_are_the_group() -> None:
    event = only_event("Nine police officers were killed in an ambush by suspected members of the Baloch "
                       "Liberation Army in Turbat on Monday.")
    assert event.perpetrators == ["kb:bla"]


def test_a_state_named_as_a_base_is_not_the_perpetrator() -> None:
    event = only_event("The Quetta market bombing was carried out by the Afghanistan-based Tehrik-i-Taliban "
                       "Pakistan, which killed eleven people.")
    assert event.perpetrators == ["kb:ttp"]


def test_a_linked_group_is_not_its_patron() -> None:
    event = only_event("At least 30 villagers were killed in an attack on Djibo by al-Qaeda-linked gunmen.")
    assert "kb:al-qaeda" not in event.perpetrators


def test_an_apposition_does_not_take_the_claim() -> None:
    event = only_event("The Islamic State Khorasan Province (ISKP), the regional branch of the Islamic State, "
                       "claimed the bombing in Jalalabad that killed four guards.")
    assert event.claimed_by == ["kb:iskp"]


def test_a_dated_claim_with_a_fronted_time() -> None:
    event = only_event("The BLA said on Sunday that on Friday night its fighters set fire to six fuel tankers "
                       "near Nushki.")
    assert event.claimed_by == ["kb:bla"]
    assert event.place is not None and event.place.name == "Nushki"


def test_an_actor_before_the_attack_noun_is_its_doer() -> None:
    event = only_event("Six farmers died in an al-Shabaab attack near Lamu on Tuesday.")
    assert event.perpetrators == ["kb:al-shabaab"]
    demonym = only_event("A week of Israeli air raids killed at least 20 people in southern Lebanon.")
    assert demonym.perpetrators == ["kb:israel"]


def test_the_doer_of_the_verb_wins_over_an_earlier_attack_named_in_passing() -> None:
    event = only_event("Pakistan on Sunday launched air strikes in Khost in retaliation for last month's TTP "
                       "attack.")
    assert event.perpetrators == ["kb:pakistan"]


def test_a_following_attack_without_a_named_doer_keeps_the_one_before() -> None:
    result = extract("Al-Shabaab gunmen stormed a hotel in Kismayo in March 2024 and killed nine guests.\n"
                     "In June 2024 they killed four teachers in Garissa.")
    assert [e.perpetrators for e in result.events] == [["kb:al-shabaab"], ["kb:al-shabaab"]]


def test_a_new_attack_with_its_own_toll_is_a_second_event() -> None:
    result = extract("Twelve people were killed in a bombing in Peshawar on Friday.\n"
                     "Earlier this month, five people were killed in a suicide attack on a mosque in Peshawar.")
    assert sorted(e.killed for e in result.events) == [5, 12]


def test_the_same_attack_with_the_claimants_figure_stays_one_event() -> None:
    result = extract("Eight soldiers were killed in an attack on a checkpoint near Manbij on Monday.\n"
                     "The Islamic State said its fighters killed eleven soldiers at the Manbij checkpoint.")
    assert len(result.events) == 1
    assert result.events[0].killed == 8


def test_the_named_city_inside_the_state_is_the_place() -> None:
    event = only_event("The deadliest suicide attack in Afghanistan this year took place in the city of "
                       "Kunduz, where 14 worshippers were killed.")
    assert event.place is not None and event.place.name == "Kunduz"


def test_a_place_between_two_towns_is_one_event() -> None:
    result = extract("Fourteen herders were killed on the road between Maiduguri and Damboa on Saturday.")
    assert len(result.events) == 1


def test_a_vague_toll_with_no_attack_is_no_event() -> None:
    assert extract("The Lake Chad basin remains a deadly region for civilians, with thousands killed.").events == []


def test_a_capital_named_as_a_place_is_not_its_state() -> None:
    result = extract("Al-Shabaab has also struck the capital Nairobi, where its fighters carried out a deadly "
                     "attack on a mall in 2013.")
    assert "kb:kenya" not in {a.id for a in result.actors}
    assert result.events and result.events[0].perpetrators == ["kb:al-shabaab"]


def test_a_missing_space_after_a_full_stop_still_ends_the_sentence() -> None:
    result = extract("A bomb in Herat killed three people, police said.Violence has fallen since 2021 and several "
                     "groups remain active, including the Islamic State.")
    assert len(result.events) == 1
    assert result.events[0].perpetrators == []


def test_a_route_is_not_where_the_attack_happened() -> None:
    event = only_event("Gunmen hijacked a bus travelling from Quetta to Karachi in Khuzdar on Monday and killed "
                       "nine passengers.")
    assert event.place is not None and event.place.name == "Khuzdar"


STATEMENT = ("The Baloch Liberation Front claimed responsibility for a string of raids across Kech this week. "
             "The statement said that on Tuesday a Frontier Corps patrol was hit by a roadside bomb in Turbat, "
             "killing two soldiers.")


def test_the_statement_of_a_claim_claims_the_attacks_it_tells() -> None:
    event = only_event(STATEMENT)
    assert event.place is not None and event.place.name == "Turbat"
    assert event.claimed_by == ["kb:blf"]
    assert event.perpetrators == ["kb:blf"]


def test_a_statement_without_a_claim_before_it_claims_nothing() -> None:
    event = only_event("Officials met in Quetta on Monday. The statement said that on Tuesday a Frontier Corps "
                       "patrol was hit by a roadside bomb in Turbat, killing two soldiers.")
    assert event.claimed_by == [] and event.perpetrators == []


def test_an_authority_counting_victims_claims_nothing() -> None:
    text = ("The Baloch Liberation Front claimed responsibility for a string of raids across Kech this week. "
            "The provincial government said that two soldiers were killed in a bombing in Turbat on Tuesday.")
    event = only_event(text)
    assert event.claimed_by == [] and event.perpetrators == []


def test_there_is_the_place_the_sentence_before_ended_on() -> None:
    events = extract("Police in Kenya say nine people died in a raid on a guest house in Lamu on Monday. "
                     "Wajir, however, has long been a target. Al-Shabab gunmen ambushed a lorry there in March "
                     "2015, killing eleven passengers.").events
    ambush = next(e for e in events if e.killed == 11)
    assert ambush.place is not None and ambush.place.name == "Wajir"
    assert ambush.date == "2015-03"


def test_existential_there_names_no_place() -> None:
    events = extract("Wajir has long been a target. Officials said there were eleven passengers killed when "
                     "gunmen ambushed a lorry in March 2015.").events
    assert events and all(e.place is None for e in events)


def test_an_attack_told_right_after_goes_on_where_the_one_before_was() -> None:
    events = extract("Al-Shabab gunmen ambushed a lorry near Wajir in March 2015, killing eleven passengers. "
                     "In May 2015 they killed four teachers.").events
    teachers = next(e for e in events if e.killed == 4)
    assert teachers.perpetrators == ["kb:al-shabaab"]
    assert teachers.place is not None and teachers.place.name == "Wajir"


def test_a_dated_attack_with_its_own_toll_is_not_the_undated_one_before() -> None:
    events = extract("Twelve people were killed in an attack in Mandera, police said. "
                     "Gunmen killed 28 bus passengers in Mandera in November 2014.").events
    assert sorted(e.killed for e in events) == [12, 28]


def test_suspects_named_with_an_apposition_are_the_perpetrators() -> None:
    event = only_event("A police chief said fighters from al-Shabab, the Somali armed group, were suspected of "
                       "carrying out the attack on a hotel in Garissa that killed seven guests.")
    assert event.perpetrators == ["kb:al-shabaab"]
    assert "kb:somalia" not in event.perpetrators


def test_strikes_named_by_a_demonym_are_that_state_s() -> None:
    event = only_event("On 7 May 2025, Indian air strikes killed twelve people at a camp in Muzaffarabad.")
    assert event.perpetrators == ["kb:india"]


def test_a_state_named_before_an_attack_is_not_its_doer() -> None:
    event = only_event("Mourners gathered after the Israel attack that killed six people in Haifa.")
    assert event.perpetrators == []


def test_a_town_then_its_district_is_one_place() -> None:
    event = only_event("Gunmen attacked a checkpoint in Mir Ali, in North Waziristan, killing seven soldiers.")
    assert event.place is not None and event.place.name == "Mir Ali"
