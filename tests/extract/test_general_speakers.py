"""Who asserts a claim, whether it is hedged or denied, and what "the group", "both groups" or "the latter"
stand for, in general English constructions, checked on sentences written for these tests."""

from __future__ import annotations

import pytest
from claim_lookup import claim_of

from claimgraph.kb import builtin_kb
from claimgraph.model import Document
from claimgraph.nlp import annotate


def reference(text: str, words: str) -> tuple[str, ...] | None:
    """The actors the first reference spelled ``words`` stands for, or None when it is left unresolved."""
    doc = annotate(Document(text, published="2025-03-10"), builtin_kb())
    return next((m.ids for m in doc.mentions if m.text == words and m.via is not None), None)


def test_rejecting_allegations_denies_them_and_the_rejecter_asserts_it() -> None:
    found = claim_of("Pakistan rejected allegations that the ISI supports Jaish-e-Mohammed.",
                     "kb:isi", "supports", "kb:jem")
    assert (found.polarity, found.asserted_by.id) == ("negated", "kb:pakistan")


def test_concern_is_a_hedged_report_of_its_holders() -> None:
    found = claim_of("Several diplomats expressed concern that the TTP is working with ISKP.",
                     "kb:ttp", "allied_with", "kb:iskp")
    assert found.asserted_by.name == "Several diplomats"
    assert found.hedged


@pytest.mark.parametrize(("text", "speaker"), [
    ("Some researchers argue that al-Qaeda has grown closer to the Afghan Taliban.", "Some researchers"),
    ("Member States assess that al-Qaeda has grown closer to the Afghan Taliban.", "Member States"),
    ("According to one Member State, al-Qaeda has grown closer to the Afghan Taliban.", "one Member State"),
    ("Sources close to the investigation said al-Qaeda has grown closer to the Afghan Taliban.",
     "Sources close to the investigation"),
])
def test_people_and_bodies_that_report_are_speakers(text: str, speaker: str) -> None:
    found = claim_of(text, "kb:al-qaeda", "allied_with", "kb:afghan-taliban")
    assert found.asserted_by.name == speaker


def test_a_speaker_interrupted_by_a_participle_still_speaks() -> None:
    found = claim_of("A Taliban official, speaking on condition of anonymity, said al-Qaeda has no presence in "
                     "Afghanistan.", "kb:al-qaeda", "operates_in", "kb:afghanistan")
    assert found.asserted_by.id == "kb:afghan-taliban"
    assert found.polarity == "negated"


def test_a_passive_report_names_its_agent() -> None:
    found = claim_of("It was claimed by officials that the BLA cooperates with the TTP.", "kb:bla", "allied_with",
                     "kb:ttp")
    assert found.asserted_by.name == "officials"
    assert found.hedged


def test_a_parenthetical_statement_asserts_the_sentence_around_it() -> None:
    found = claim_of("India, the statement added, continues to back the Balochistan Liberation Army.",
                     "kb:india", "supports", "kb:bla")
    assert found.asserted_by.name == "statement"


def test_a_capitalised_name_is_not_a_reporting_verb() -> None:
    found = claim_of("According to one Member State, al-Qaeda in the Indian Subcontinent is led by Osama Mehmood.",
                     "new:osama-mehmood", "leads", "kb:aqis")
    assert found.asserted_by.name == "one Member State"


def test_no_evidence_that_denies_the_clause_it_opens() -> None:
    found = claim_of("Other Member States noted that there is no evidence that the Taliban support ISKP.",
                     "kb:afghan-taliban", "supports", "kb:iskp")
    assert found.polarity == "negated"


@pytest.mark.parametrize("text", [
    "Officials said claims that Iran arms the Houthis are baseless.",
    "Reports that Iran arms the Houthis were false, the ministry said.",
    "Allegations that Iran arms the Houthis in Yemen remain unfounded.",
])
def test_a_reported_clause_the_sentence_dismisses_is_negated(text: str) -> None:
    assert claim_of(text, "kb:iran", "supports", "kb:houthis").polarity == "negated"


def test_a_reported_clause_not_dismissed_stays_affirmed() -> None:
    found = claim_of("Claims that Iran arms the Houthis are growing louder.", "kb:iran", "supports", "kb:houthis")
    assert (found.polarity, found.hedged) == ("affirmed", True)


def test_a_denying_frame_stops_at_a_contrasting_clause() -> None:
    text = "There is no evidence that ISKP was involved, but the TTP is plainly backed by the Afghan Taliban."
    assert claim_of(text, "kb:afghan-taliban", "supports", "kb:ttp").polarity == "affirmed"


@pytest.mark.parametrize("text", [
    "It remains unclear whether the TTP is directed by the Afghan Taliban.",
    "Analysts have long asked whether the TTP is directed by the Afghan Taliban.",
])
def test_an_open_question_is_hedged(text: str) -> None:
    assert claim_of(text, "kb:afghan-taliban", "supports", "kb:ttp").hedged


def test_a_description_in_its_own_clause_is_not_that_clauses_subject() -> None:
    text = "The TTP ambushed a convoy in Bannu. The Afghan Taliban have repeatedly denied sheltering the group."
    found = claim_of(text, "kb:afghan-taliban", "supports", "kb:ttp")
    assert (found.polarity, found.asserted_by.id) == ("negated", "kb:afghan-taliban")


def test_a_description_after_a_report_may_be_the_reporter() -> None:
    assert reference("The TTP said in a statement that the group would fight on.", "the group") == ("kb:ttp",)


def test_an_actor_named_in_the_descriptions_own_clause_is_another() -> None:
    text = "The Taliban blamed ISKP for the bombing. The group, which is the Taliban's main rival, kept silent."
    assert reference(text, "The group") == ("kb:iskp",)


def test_groups_named_after_is_allied_with_are_antecedents() -> None:
    text = "In our view, Jaish-e-Mohammed is closely allied with Lashkar-e-Taiba. Both groups recruit in Punjab."
    assert set(reference(text, "Both groups") or ()) == {"kb:jem", "kb:let"}


@pytest.mark.parametrize(("words", "expected"), [("The latter", "kb:jem"), ("The former", "kb:let")])
def test_the_former_and_the_latter_pick_from_the_last_two_actors(words: str, expected: str) -> None:
    text = f"Lashkar-e-Taiba and Jaish-e-Mohammed compete for recruits. {words} is active in Bahawalpur."
    assert reference(text, words) == (expected,)


def test_an_it_that_announces_a_clause_refers_to_nothing() -> None:
    text = "The TTP ambushed a convoy in Bannu. It is believed that the attackers came from Khost."
    assert reference(text, "It") is None
