"""Relations in constructions that used to be missed (attack verbs of news prose, "X-run" bodies, a place
after an apposition, "turned to X for help"), in sentences written for these tests."""

from __future__ import annotations

from claimgraph.extract import extract_document
from claimgraph.model import Document


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(c.subject, c.relation, c.object) for c in extract_document(Document(text, published="2025-03-10")).claims}


def test_neutralized_militants_of_a_group_is_an_attack_on_it() -> None:
    assert ("kb:pakistan-armed-forces", "attacks", "kb:bla") in triples(
        "Pakistani security forces neutralized 12 BLA militants near Quetta.")
    assert ("kb:iswap", "attacks", "kb:boko-haram") in triples(
        "ISWAP fighters eliminated eight Boko Haram fighters near Bama on Thursday.")
    assert ("kb:pakistan-army", "attacks", "kb:ttp") in triples(
        "The Pakistan Army said it neutralised five TTP fighters.")


def test_inflicted_losses_on_names_every_coordinated_target() -> None:
    found = triples("Tuareg rebels claimed to have inflicted heavy losses on Malian soldiers and Wagner mercenaries.")
    assert ("new:tuareg-rebels", "attacks", "kb:fama") in found
    assert ("new:tuareg-rebels", "attacks", "kb:wagner-group") in found
    assert ("kb:al-shabaab", "attacks", "kb:somali-national-army") in triples(
        "Al-Shabaab inflicted a heavy toll on the Somali army in Lower Shabelle.")


def test_inflicted_with_no_target_on_is_no_attack() -> None:
    found = triples("The sanctions against Iran inflicted damage, Hezbollah said.")
    assert not {t for t in found if t[1] == "attacks"}


def test_airstrikes_placed_in_a_state_attack_it() -> None:
    assert ("kb:israel", "attacks", "kb:lebanon") in triples("Israeli airstrikes escalated in Lebanon on Monday.")
    assert ("kb:pakistan", "attacks", "kb:afghanistan") in triples(
        "Pakistani airstrikes resumed in Afghanistan overnight.")


def test_undersecretary_of_an_agency_is_its_member() -> None:
    assert ("kb:brian-nelson", "member_of", "kb:us-treasury") in triples(
        "\"We will act,\" said Brian Nelson, undersecretary of the Treasury for terrorism.")
    assert ("kb:brian-nelson", "member_of", "kb:us-treasury") in triples(
        "Brian Nelson, the under secretary of the Treasury, announced new designations.")


def test_a_body_run_by_a_group_belongs_to_it() -> None:
    assert ("kb:amaq", "member_of", "kb:islamic-state") in triples("The ISIS-run Amaq News Agency published a claim.")
    assert ("kb:al-kataib-media", "member_of", "kb:al-shabaab") in triples(
        "The Shabaab-run al-Kataib outlet released a video.")


def test_a_state_run_by_a_group_is_not_its_member() -> None:
    found = triples("Diplomats visiting Taliban-run Afghanistan met officials.")
    assert ("kb:afghanistan", "member_of", "kb:afghan-taliban") not in found


def test_place_after_an_apposition_is_where_the_head_operates() -> None:
    found = triples("JNIM, an al-Qaeda affiliate based in Mali, claimed the ambush.")
    assert ("kb:jnim", "operates_in", "kb:mali") in found
    assert ("kb:al-qaeda", "operates_in", "kb:mali") not in found
    found = triples("ISWAP, an Islamic State group active in Nigeria, ambushed troops.")
    assert ("kb:iswap", "operates_in", "kb:nigeria") in found
    assert ("kb:islamic-state", "operates_in", "kb:nigeria") not in found


def test_turned_to_a_state_for_help_makes_it_a_backer() -> None:
    found = triples("The junta of Mali has turned to Russia for help against jihadists.")
    assert ("kb:russia", "supports", "kb:mali") in found
    assert ("kb:mali", "allied_with", "kb:russia") not in found
    assert ("kb:iran", "supports", "kb:hamas") in triples("Hamas looked to Iran for weapons after the war.")


def test_turned_to_a_state_without_asking_for_help_is_no_backing() -> None:
    assert ("kb:russia", "supports", "kb:niger") not in triples("Niger turned to Russia after the coup.")
    assert ("kb:pakistan", "supports", "kb:afghanistan") not in triples(
        "Afghanistan turned to Pakistan in the second half of the match.")


def test_every_state_listed_after_governments_of_acts() -> None:
    text = "The military governments of Mali, Burkina Faso and Niger have turned to Russia for help."
    extraction = extract_document(Document(text, published="2025-03-10"))
    found = {(c.subject, c.relation, c.object) for c in extraction.claims}
    for state in ("kb:mali", "kb:burkina-faso", "kb:niger"):
        assert ("kb:russia", "supports", state) in found
    assert {"kb:mali", "kb:burkina-faso", "kb:niger", "kb:russia"} <= {a.id for a in extraction.actors}
    assert not extraction.places  # none of the four is where something happens
    # a list of places stays a list of places
    places = extract_document(Document("Attacks rose in Mali, Burkina Faso and Niger last year.")).places
    assert {p.id for p in places} == {"kb:mali", "kb:burkina-faso", "kb:niger"}


def test_a_state_a_claim_makes_act_is_an_actor_even_when_named_like_a_place() -> None:
    extraction = extract_document(Document("The juntas of Mali and Niger turned from their Western partners to "
                                           "Russia for help."))
    actors = {a.id for a in extraction.actors}
    assert ("kb:russia", "supports", "kb:niger") in {(c.subject, c.relation, c.object) for c in extraction.claims}
    assert all(c.subject in actors for c in extraction.claims)
    assert "kb:russia" not in {p.id for p in extraction.places}


def test_the_allies_of_others_are_no_alliance_between_the_listed() -> None:
    found = triples("The governments of Mali and Niger have turned from Western allies to Russia for help.")
    assert ("kb:mali", "allied_with", "kb:niger") not in found
    assert ("kb:niger", "allied_with", "kb:mali") not in found
    assert ("kb:mali", "allied_with", "kb:niger") in triples("The governments of Mali and Niger are now close allies.")


def test_killing_members_of_a_group_attacks_it_but_killing_its_associates_does_not() -> None:
    assert ("kb:pakistan-armed-forces", "attacks", "kb:ttp") in triples(
        "Pakistani troops killed four militants belonging to the Tehreek-i-Taliban Pakistan in a raid.")
    assert ("kb:pakistan-armed-forces", "attacks", "kb:al-qaeda") not in triples(
        "Pakistani troops killed four militants linked to al-Qaeda in a raid.")
