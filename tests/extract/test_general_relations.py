"""Relations in general English constructions (backing adjuncts, proxies, appositions), in sentences written
for these tests."""

from __future__ import annotations

from claim_lookup import claim_of, claims, triples


def between(text: str, first: str, second: str) -> set[tuple[str, str, str]]:
    return {t for t in triples(text) if {t[0], t[2]} == {first, second}}


def test_with_the_help_of_names_the_backer_of_the_subject() -> None:
    found = triples("Al-Shabaab operates in southern Somalia with the help of al-Qaeda.")
    assert ("kb:al-qaeda", "supports", "kb:al-shabaab") in found
    assert ("kb:al-shabaab", "supports", "kb:al-qaeda") not in found


def test_with_the_backing_of_a_state_named_after_of() -> None:
    found = triples("Hezbollah rebuilt its arsenal in Syria with the backing of Iran.")
    assert ("kb:iran", "supports", "kb:hezbollah") in found
    assert ("kb:hezbollah", "supports", "kb:iran") not in found


def test_with_the_backers_possessive_support() -> None:
    text = "Lashkar-e-Taiba planned the raid with Pakistan's support, Indian officials claimed."
    found = triples(text)
    assert ("kb:pakistan", "supports", "kb:let") in found
    assert ("kb:let", "attacks", "kb:pakistan") not in found
    assert ("kb:pakistan", "supports", "kb:india") not in found
    assert claim_of(text, "kb:pakistan", "supports", "kb:let").asserted_by.id == "kb:india"


def test_a_parenthetical_with_the_backers_support() -> None:
    assert ("kb:iran", "supports", "kb:houthis") in triples(
        "The Houthis, with Iran's assistance, built up a fleet of drones.")


def test_the_help_goes_to_the_one_who_acts_not_to_its_target() -> None:
    found = triples("Pakistani troops attacked the TTP with the help of US drones.")
    assert ("kb:united-states", "supports", "kb:ttp") not in found
    assert ("kb:united-states", "supports", "kb:pakistan-armed-forces") in found


def test_no_backer_for_a_target_whose_attacker_is_unnamed() -> None:
    text = "The army struck TTP hideouts with the support of the Afghan Taliban."
    assert between(text, "kb:ttp", "kb:afghan-taliban") == set()


def test_supporting_groups_against_a_state_is_no_rivalry_with_it() -> None:
    text = "The Taliban government does not back any group against Pakistan."
    assert between(text, "kb:afghan-taliban", "kb:pakistan") == set()
    text = "Saudi Arabia funds militants who attack Iran."
    assert between(text, "kb:saudi-arabia", "kb:iran") == set()


def test_an_ordered_attack_is_still_the_subjects_attack() -> None:
    assert ("kb:ttp", "attacks", "kb:pakistan-army") in triples("The TTP ordered attacks on the Pakistan Army.")


def test_a_role_with_its_organisation_as_modifier() -> None:
    assert ("kb:zabihullah-mujahid", "member_of", "kb:afghan-taliban") in triples(
        "Zabihullah Mujahid, the Taliban spokesman, rejected the claim on Monday.")
    assert ("kb:noor-wali-mehsud", "leads", "kb:ttp") in triples(
        "Noor Wali Mehsud, the TTP chief, released a video message.")


def test_a_proxy_of_a_state_after_a_copula_in_reported_speech() -> None:
    text = "Interior Minister Mohsin Naqvi said the BLA is a proxy of India."
    assert claim_of(text, "kb:india", "supports", "kb:bla").asserted_by.id == "kb:mohsin-naqvi"


def test_a_predicate_proxy_is_no_preposed_apposition() -> None:
    text = "Hamas is a proxy of Iran, Israeli officials said."
    found = triples(text)
    assert ("kb:iran", "supports", "kb:hamas") in found
    assert ("kb:israel", "member_of", "kb:iran") not in found


def test_an_ally_of_a_state_is_the_state() -> None:
    found = triples("Hamas is an ally of Iran, Israeli officials said.")
    assert ("kb:hamas", "allied_with", "kb:iran") in found
    assert ("kb:hamas", "allied_with", "kb:israel") not in found


def test_acting_at_the_behest_or_in_the_pay_of_a_state() -> None:
    assert ("kb:india", "supports", "kb:bla") in triples(
        "Analysts in Quetta believe the Baloch Liberation Army acts at the behest of India.")
    found = claims("Pakistani officials allege that the TTP is in the pay of India.")
    supports = [c for c in found if (c.subject, c.relation, c.object) == ("kb:india", "supports", "kb:ttp")]
    assert supports and supports[0].hedged


def test_acting_on_behalf_of_another_group() -> None:
    assert ("kb:al-shabaab", "member_of", "kb:al-qaeda") in triples(
        "Al-Shabaab raises money on behalf of al-Qaeda in East Africa.")


def test_no_proxy_for_a_state_or_a_person_on_whose_behalf_one_speaks() -> None:
    assert triples("Qatar mediated on behalf of the United States.") == set()
    assert triples("The envoy acted on behalf of Noor Wali Mehsud.") == set()


def test_a_denied_proxy_is_negated() -> None:
    found = claims("The TTP is not a proxy of India, the group said.")
    supports = [c for c in found if (c.subject, c.relation, c.object) == ("kb:india", "supports", "kb:ttp")]
    assert supports and supports[0].polarity == "negated"


def test_a_pronoun_subject_after_a_group_named_before() -> None:
    text = "The Taliban rule Afghanistan. Its fighters have also clashed with ISKP, officials said."
    assert claim_of(text, "kb:afghan-taliban", "rival_of", "kb:iskp").asserted_by.name == "officials"
    text = "The TTP claimed the ambush. Sources said the outfit has been receiving weapons from Afghanistan."
    assert ("kb:afghanistan", "supports", "kb:ttp") in triples(text)


def test_no_attack_between_the_speaker_and_the_attacker() -> None:
    text = "Pakistan said the Taliban stepped up attacks on its border posts when it ended a ceasefire."
    found = triples(text)
    assert ("kb:pakistan", "attacks", "kb:afghan-taliban") not in found
    assert ("kb:afghan-taliban", "attacks", "kb:afghan-taliban") not in found


def test_the_parties_to_a_truce_are_rivals() -> None:
    assert ("kb:ttp", "rival_of", "kb:pakistan") in triples(
        "The TTP ended its ceasefire with the Pakistani government in November 2022.")
    assert ("kb:israel", "rival_of", "kb:hamas") in triples("Israel agreed to a truce with Hamas in January.")


def test_who_brokers_a_truce_is_no_party_to_it() -> None:
    assert between("Qatar brokered a ceasefire with Hamas last year.", "kb:qatar", "kb:hamas") == set()
    assert between("Egypt helped to negotiate a truce with Hamas.", "kb:egypt", "kb:hamas") == set()


def test_a_participle_before_by_is_a_passive_of_something_else() -> None:
    found = triples("JNIM has stepped up its activity in Mali to exploit the gaps created by the departure of the "
                    "UN mission.")
    assert not any(t[1] == "supports" for t in found)


def test_fighting_between_a_pair_is_about_the_pair_only() -> None:
    found = triples("The end of the UN mission in Mali came amid renewed fighting between the Malian army and "
                    "Tuareg rebels.")
    assert ("kb:united-nations", "rival_of", "kb:fama") not in found
    assert ("kb:fama", "rival_of", "new:tuareg-rebels") in found or (
        "new:tuareg-rebels", "rival_of", "kb:fama") in found


def test_a_new_subject_after_a_comma_acts_instead_of_the_name_before() -> None:
    found = triples("Since the war on Israel began in October, the militias have launched attacks on US forces.")
    assert ("kb:israel", "attacks", "kb:united-states") not in found


def test_the_agent_of_a_participle_phrase_is_not_the_subject_of_the_clause() -> None:
    found = triples("Somalia's government, backed by African Union troops, has been fighting al-Shabaab for years.")
    assert ("kb:african-union", "supports", "kb:somalia") in found
    assert ("kb:somalia", "rival_of", "kb:al-shabaab") in found
    assert ("kb:african-union", "rival_of", "kb:al-shabaab") not in found
    found = triples("The TTP, led by Noor Wali Mehsud, has attacked Pakistani troops.")
    assert ("kb:ttp", "attacks", "kb:pakistan-armed-forces") in found
    assert not any(t[0] != "kb:ttp" and t[1] == "attacks" for t in found)


def test_sending_or_receiving_arms_is_backing() -> None:
    found = claim_of("Western intelligence officials believe Iran continues to smuggle weapons to Hezbollah.",
                     "kb:iran", "supports", "kb:hezbollah")
    assert found.hedged and found.asserted_by.name == "Western intelligence officials"
    found = claim_of("According to a UN report, the Houthis may have received missile components from Iran.",
                     "kb:iran", "supports", "kb:houthis")
    assert found.hedged
    assert ("kb:iran", "supports", "kb:houthis") in triples("Iran shipped drones and missiles to the Houthis.")


def test_letting_a_group_use_ones_ground_shelters_it() -> None:
    found = claim_of("Pakistan accused the Afghan Taliban of allowing the Tehreek-i-Taliban Pakistan (TTP) to use "
                     "Afghan soil for attacks.", "kb:afghan-taliban", "supports", "kb:ttp")
    assert found.hedged and found.asserted_by.name == "Pakistan"
    denied = claim_of("The Taliban deny letting al-Qaeda operate from their territory.", "kb:afghan-taliban",
                      "supports", "kb:al-qaeda")
    assert denied.polarity == "negated"
    assert between("Iran allowed the UN to inspect the site.", "kb:iran", "kb:united-nations") == set()
