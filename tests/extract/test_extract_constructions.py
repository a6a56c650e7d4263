"""The extractor on constructions written for these tests (never corpus sentences)."""

from __future__ import annotations

import pytest

from claimgraph.extract import extract_document
from claimgraph.model import Document, Extraction


def extract(text: str, published: str | None = "2025-09-01") -> Extraction:
    return extract_document(Document(text, published=published))


def triples(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(c.subject, c.relation, c.object) for c in extraction.claims}


def claim(extraction: Extraction, subject: str, relation: str, obj: str):
    found = [c for c in extraction.claims if (c.subject, c.relation, c.object) == (subject, relation, obj)]
    assert found, f"no {subject} {relation} {obj} in {sorted(triples(extraction))}"
    return found[0]


def test_passive_voice_turns_the_agent_into_the_subject() -> None:
    result = extract("Over the years the group was quietly courted by the Inter-Services Intelligence (ISI).\n"
                     "Since then the TTP has been sheltered by the Afghan Taliban.")
    assert ("kb:afghan-taliban", "supports", "kb:ttp") in triples(result)
    assert ("kb:ttp", "supports", "kb:afghan-taliban") not in triples(result)


def test_apposition_names_the_parent_group() -> None:
    result = extract("Jamaat Nusrat al-Islam wal-Muslimin (JNIM), an affiliate of al-Qaeda, is active in Mali.")
    assert ("kb:jnim", "member_of", "kb:al-qaeda") in triples(result)


def test_preposed_apposition() -> None:
    result = extract("A branch of the Islamic State, ISKP, announced a new campaign.")
    assert ("kb:iskp", "member_of", "kb:islamic-state") in triples(result)


def test_nominalisation_with_possessive() -> None:
    result = extract("Observers describe the ISI's coordination with ISKP as long-standing.")
    assert ("kb:isi", "allied_with", "kb:iskp") in triples(result) or (
        "kb:iskp", "allied_with", "kb:isi") in triples(result)


def test_coordinated_subjects_share_the_predicate_and_each_other() -> None:
    result = extract("Analysts say TTP and ISKP cells have been working together against Pakistan.")
    found = triples(result)
    assert ("kb:ttp", "rival_of", "kb:pakistan") in found
    assert ("kb:iskp", "rival_of", "kb:pakistan") in found
    assert ("kb:ttp", "allied_with", "kb:iskp") in found or ("kb:iskp", "allied_with", "kb:ttp") in found


def test_possessive_role_makes_a_leader() -> None:
    result = extract("The army named Noor Wali Mehsud, the TTP's chief, as the planner.\n"
                     "ISKP's founding emir, Hafiz Saeed Khan, was killed in 2016.")
    assert ("kb:hafiz-saeed-khan", "leads", "kb:iskp") in triples(result)


def test_role_before_a_name_and_former() -> None:
    result = extract("Former TTP spokesperson Ehsanullah Ehsan surrendered in 2017.")
    found = claim(result, "kb:ehsanullah-ehsan", "member_of", "kb:ttp")
    assert found.time == "former"


def test_relative_clause_keeps_the_right_subject() -> None:
    result = extract("Unlike al-Qaeda, which cooperated with the Taliban, ISKP has stayed in rivalry with it.")
    found = triples(result)
    assert ("kb:al-qaeda", "allied_with", "kb:afghan-taliban") in found
    assert any({s, o} == {"kb:iskp", "kb:afghan-taliban"} and r == "rival_of" for s, r, o in found)
    assert not any({s, o} == {"kb:al-qaeda", "kb:iskp"} for s, r, o in found)


def test_negation_is_kept_as_polarity() -> None:
    result = extract("ISKP has never targeted Pakistan's military, the author notes.")
    assert claim(result, "kb:iskp", "attacks", "kb:pakistan-army").polarity == "negated"


def test_denial_by_the_subject_is_negated_and_asserted_by_it() -> None:
    result = extract("Qatar denied funding Hamas at any point.")
    found = claim(result, "kb:qatar", "supports", "kb:hamas")
    assert found.polarity == "negated"
    assert found.asserted_by.id == "kb:qatar"


@pytest.mark.parametrize("hedge", ["allegedly", "reportedly", "is believed to have"])
def test_hedges_mark_the_claim(hedge: str) -> None:
    result = extract(f"Iran {hedge} armed the Houthis.")
    assert claim(result, "kb:iran", "supports", "kb:houthis").hedged


def test_plain_statement_is_not_hedged() -> None:
    result = extract("Iran armed the Houthis.")
    assert not claim(result, "kb:iran", "supports", "kb:houthis").hedged


def test_speaker_told_that() -> None:
    result = extract("Zabihullah Mujahid told reporters that the Taliban never supported the TTP.")
    found = claim(result, "kb:afghan-taliban", "supports", "kb:ttp")
    assert found.asserted_by.id == "kb:zabihullah-mujahid"
    assert found.polarity == "negated"


def test_according_to_names_the_speaker() -> None:
    result = extract("According to the United Nations, al-Qaeda supports the TTP.")
    assert claim(result, "kb:al-qaeda", "supports", "kb:ttp").asserted_by.id == "kb:united-nations"


def test_officials_say() -> None:
    result = extract("Pakistani officials say the Afghan Taliban shelter the TTP.")
    assert claim(result, "kb:afghan-taliban", "supports", "kb:ttp").asserted_by.id == "kb:pakistan"


def test_author_by_default() -> None:
    result = extract("The Afghan Taliban shelter the TTP.")
    assert claim(result, "kb:afghan-taliban", "supports", "kb:ttp").asserted_by.id == "author"


def test_coreference_records_the_antecedent() -> None:
    result = extract("ISKP grew quickly in Nangarhar. Later the group attacked the Afghan Taliban.")
    found = claim(result, "kb:iskp", "attacks", "kb:afghan-taliban")
    assert found.subject_via == "ISKP"


def test_attack_event_with_date_place_claimants_and_toll() -> None:
    result = extract("On 30 July 2023 a suicide bomber struck a rally in Bajaur, killing at least 54 people. "
                     "ISKP claimed responsibility for the bombing.")
    (event,) = [e for e in result.events if e.kind == "attack"]
    assert (event.date, event.date_precision) == ("2023-07-30", "day")
    assert event.place is not None and event.place.name == "Bajaur"
    assert event.killed == 54
    assert event.claimed_by == ["kb:iskp"]
    assert event.perpetrators == ["kb:iskp"]  # an uncontested claim


def test_joint_claims_keep_every_claimant_and_no_perpetrator() -> None:
    result = extract("In July 2025 an attack in Bajaur killed five officials. "
                     "ISKP and TTP both claimed responsibility for the attack.")
    (event,) = result.events
    assert set(event.claimed_by) == {"kb:iskp", "kb:ttp"}
    assert event.perpetrators == []
    assert event.date == "2025-07"


def test_day_without_year_takes_the_publication_year() -> None:
    result = extract("Gunmen attacked tourists in Pahalgam on April 22, killing 26 people.", published="2025-05-02")
    (event,) = result.events
    assert event.date == "2025-04-22"
    assert event.killed == 26


def test_vague_toll_keeps_the_phrase() -> None:
    result = extract("In March 2024 ISKP attacked a concert hall in Krasnogorsk, killing scores of people.")
    (event,) = result.events
    assert event.killed is None
    assert event.casualty_text and "scores" in event.casualty_text


def test_distinct_years_are_distinct_events() -> None:
    result = extract("The 2023 Bajaur bombing was claimed by ISKP. "
                     "In July 2025 another attack in Bajaur was claimed by the TTP.")
    assert len([e for e in result.events if e.kind == "attack"]) == 2


def test_attacking_a_rival_is_both_an_attack_and_a_rivalry() -> None:
    found = triples(extract("ISWAP fighters attacked their rival faction, Boko Haram, near Lake Chad."))
    assert ("kb:iswap", "attacks", "kb:boko-haram") in found
    assert ("kb:iswap", "rival_of", "kb:boko-haram") in found


def test_a_speaker_is_not_the_subject_of_what_it_reports() -> None:
    found = triples(extract("Pakistan said that militants had attacked a post held by the Afghan Taliban."))
    assert not any(s == "kb:pakistan" for s, _, _ in found)


def test_a_qualifying_group_does_not_act() -> None:
    found = triples(extract("A group affiliated with al-Qaeda claimed two attacks on Malian soldiers."))
    assert not any(s == "kb:al-qaeda" and r == "attacks" for s, r, _ in found)
