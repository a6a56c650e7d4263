"""General constructions of conflict reporting, in sentences written for these tests: what a state gives is no
place, sentence-initial sources speak, a possessive apposition names a branch, reciprocal clashes and
rapprochements, and who denies a relation."""

from __future__ import annotations

import claim_lookup
import pytest

from claimgraph.model import Claim


def claims(text: str) -> list[Claim]:
    return claim_lookup.claims(text, published="2025-09-01")


def claim_of(text: str, subject: str, relation: str, obj: str) -> Claim:
    return claim_lookup.claim_of(text, subject, relation, obj, published="2025-09-01")


@pytest.mark.parametrize("text", [
    "Hamas gets support from Iran.",
    "The Houthis are believed to receive drones from Iran.",
    "Hezbollah has long obtained missiles from Iran.",
])
def test_what_a_state_gives_makes_it_a_supporter_not_a_place(text: str) -> None:
    subject = "kb:iran"
    found = [c for c in claims(text) if c.subject == subject and c.relation == "supports"]
    assert len(found) == 1


def test_a_state_someone_comes_from_is_still_a_place() -> None:
    assert not [c for c in claims("The TTP fighters fled from Iran into Iraq.") if c.relation == "supports"]


def test_the_side_named_first_denies_what_it_is_said_to_receive() -> None:
    found = claim_of("Hamas denied receiving weapons from Iran.", "kb:iran", "supports", "kb:hamas")
    assert found.polarity == "negated"
    assert found.asserted_by.id == "kb:hamas"


def test_the_subject_denies_what_it_is_said_to_give() -> None:
    found = claim_of("Qatar has denied funding Hamas.", "kb:qatar", "supports", "kb:hamas")
    assert (found.polarity, found.asserted_by.id) == ("negated", "kb:qatar")


@pytest.mark.parametrize("text", [
    "Officials say the TTP is backed by the Afghan Taliban.",
    "Officials said the TTP is backed by the Afghan Taliban.",
])
def test_sources_opening_the_sentence_assert_it(text: str) -> None:
    found = claim_of(text, "kb:afghan-taliban", "supports", "kb:ttp")
    assert found.asserted_by.name == "Officials"


def test_a_suspicion_is_the_suspecting_sources_and_hedged() -> None:
    found = claim_of("Investigators suspect that the TTP is backed by the Afghan Taliban.",
                     "kb:afghan-taliban", "supports", "kb:ttp")
    assert found.asserted_by.name == "Investigators"
    assert found.hedged


def test_a_trailing_source_asserts_a_reciprocal_relation() -> None:
    found = claim_of("The TTP and al-Qaeda share the same ideology, officials say.", "kb:ttp", "allied_with",
                     "kb:al-qaeda")
    assert found.asserted_by.name == "officials"


def test_a_leading_source_asserts_a_relation_between_a_pair() -> None:
    found = claim_of("Analysts say the convergence between the TTP and al-Qaeda is growing.", "kb:ttp", "allied_with",
                     "kb:al-qaeda")
    assert found.asserted_by.name == "Analysts"


@pytest.mark.parametrize("text", [
    "JNIM, al-Qaeda's branch in the Sahel, said it had seized weapons.",
    "JNIM, al-Qaeda’s Sahel affiliate, said it had seized weapons.",
])
def test_a_possessive_apposition_names_the_parent(text: str) -> None:
    claim_of(text, "kb:jnim", "member_of", "kb:al-qaeda")


def test_a_possessive_apposition_without_a_branch_noun_is_no_membership() -> None:
    assert not [c for c in claims("The TTP, al-Qaeda's closest partner in the region, grew stronger.")
                if c.relation == "member_of"]


@pytest.mark.parametrize("text", [
    "Analysts say the TTP has grown closer to al-Qaeda since 2023.",
    "The TTP and al-Qaeda have drawn closer this year.",
])
def test_drawing_closer_is_an_alliance(text: str) -> None:
    claim_of(text, "kb:ttp", "allied_with", "kb:al-qaeda")


def test_a_pair_that_clashed_are_rivals() -> None:
    claim_of("Al-Shabaab and ISIS-Somalia have clashed repeatedly in Puntland.", "kb:al-shabaab", "rival_of",
             "kb:is-somalia")


def test_a_pair_that_clashed_with_a_third_side_are_not_rivals_of_each_other() -> None:
    assert not [c for c in claims("Al-Shabaab and ISIS-Somalia clashed with the army in Puntland.")
                if c.relation == "rival_of" and {c.subject, c.object} == {"kb:al-shabaab", "kb:is-somalia"}]


@pytest.mark.parametrize("text", [
    "Wagner teams up with the Malian army to hunt jihadists in the north.",
    "Wagner is teaming up with the Malian army in the north.",
    "Wagner will team up with the Malian army after the rains.",
    "Wagner is joining forces with the Malian army in the north.",
])
def test_teaming_up_and_joining_forces_in_every_tense_are_alliances(text: str) -> None:
    assert claim_of(text, "kb:wagner-group", "allied_with", "kb:fama").polarity == "affirmed"
