"""Who asserts a claim, in constructions written for these tests."""

from __future__ import annotations

import claim_lookup

from claimgraph.model import Claim


def claim_of(text: str, subject: str, relation: str, obj: str) -> Claim:
    return claim_lookup.claim_of(text, subject, relation, obj, published="2025-09-01")


def test_a_trailing_source_asserts_what_comes_before_it() -> None:
    found = claim_of("Pakistan struck hideouts of the TTP in Khost overnight, sources told the broadcaster.",
                     "kb:pakistan", "attacks", "kb:ttp")
    assert found.asserted_by.name == "sources"


def test_a_trailing_actor_speaker_asserts_what_comes_before_it() -> None:
    found = claim_of("The Afghan Taliban shelter the TTP, Pakistani officials said on Monday.",
                     "kb:afghan-taliban", "supports", "kb:ttp")
    assert found.asserted_by.id == "kb:pakistan"


def test_a_parenthetical_speaker_asserts_the_whole_sentence() -> None:
    found = claim_of("Zabihullah Mujahid spoke to reporters in Kabul. The TTP leadership is based in Khost, he "
                     "added, and not in Kabul.", "kb:ttp", "operates_in", "place:af-kho")
    assert found.asserted_by.id == "kb:zabihullah-mujahid"


def test_a_noun_speaker_with_an_adverb() -> None:
    found = claim_of("A UN monitoring report has categorically stated that al-Qaeda supports the TTP.",
                     "kb:al-qaeda", "supports", "kb:ttp")
    assert found.asserted_by.id != "author"


def test_the_report_speaks_for_the_body_that_published_it() -> None:
    text = ("The UN sanctions monitoring team released its annual report on Monday.\n"
            "The UN report said that al-Qaeda trains TTP fighters.\n"
            "Al-Qaeda also funds the TTP, according to the UN report.")
    assert claim_of(text, "kb:al-qaeda", "supports", "kb:ttp").asserted_by.id == "kb:un-monitoring-team"


def test_according_to_a_named_outlet() -> None:
    found = claim_of("Kataib Hezbollah has attacked US forces in Syria, according to Scripps News.",
                     "kb:kataib-hezbollah", "attacks", "kb:united-states")
    assert found.asserted_by.name == "Scripps News"


def test_a_sentence_initial_it_continues_the_previous_subject() -> None:
    text = ("The UN sanctions monitoring team submitted a report to the Security Council.\n"
            "It further stated that al-Qaeda supports the TTP.")
    assert claim_of(text, "kb:al-qaeda", "supports", "kb:ttp").asserted_by.id == "kb:un-monitoring-team"


def test_a_group_saying_it_killed_asserts_the_attack() -> None:
    found = claim_of("JNIM said it killed twelve Wagner Group fighters near Kidal.",
                     "kb:jnim", "attacks", "kb:wagner-group")
    assert found.asserted_by.id == "kb:jnim"


def test_an_attack_in_the_authors_relative_clause_is_the_authors() -> None:
    found = claim_of("Jaish-e-Mohammed claimed responsibility for the bombing which killed 20 CRPF troopers.",
                     "kb:jem", "attacks", "kb:crpf")
    assert found.asserted_by.id == "author"


def test_support_from_a_group_named_after_like() -> None:
    claim_of("The TTP is getting logistical support from terrorist networks like al-Qaeda.",
             "kb:al-qaeda", "supports", "kb:ttp")
