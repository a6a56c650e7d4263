"""References through descriptions and pronouns: which earlier actor a description or an "it" stands for."""

from __future__ import annotations

import pytest

from claimgraph.extract import extract_document
from claimgraph.kb import builtin_kb
from claimgraph.model import Document
from claimgraph.nlp import annotate
from claimgraph.nlp.annotate import Mention


def mentions(text: str) -> list[Mention]:
    """The actor mentions of ``text``, in order."""
    doc = annotate(Document(text), builtin_kb())
    return sorted((m for m in doc.mentions if m.kind == "actor"), key=lambda m: m.start)


def entity_at(text: str, phrase: str, occurrence: int = 0) -> str | None:
    """The entity of the mention that starts where ``phrase`` occurs (its ``occurrence``-th time), if any."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return next((m.entity for m in mentions(text) if m.start == start), None)


# A description the text puts in apposition to a name means that name wherever else it is used.

@pytest.mark.parametrize(("text", "phrase", "occurrence", "expected"), [
    ("Al-Qaeda's strongest affiliate seized two more villages this week. Diplomats call al-Qaeda's strongest "
     "affiliate, al-Shabaab, the movement's best-funded arm.", "Al-Qaeda's strongest affiliate", 0, "kb:al-shabaab"),
    ("ISWAP, the most active province of the Islamic State, grew last year. Observers expect the most active "
     "province of the Islamic State to recruit more widely.", "the most active province", 1, "kb:iswap"),
])
def test_description_means_the_name_the_text_sets_it_beside(text: str, phrase: str, occurrence: int,
                                                             expected: str) -> None:
    assert entity_at(text, phrase, occurrence) == expected


def test_description_set_beside_two_names_means_neither() -> None:
    text = ("Al-Qaeda's strongest affiliate, al-Shabaab, says one report; al-Qaeda's strongest affiliate, JNIM, "
            "says another. Al-Qaeda's strongest affiliate raised more money this year.")
    last = text.rindex("Al-Qaeda's strongest affiliate")
    assert entity_at(text, "Al-Qaeda", 0) == "kb:al-qaeda"
    assert all(m.entity != "kb:al-shabaab" and m.entity != "kb:jnim" for m in mentions(text) if m.start == last)


def test_a_list_is_no_apposition_to_a_group_outside_the_family() -> None:
    text = ("Hamas, al-Qaeda's strongest affiliate and the Houthis were on the agenda. Later al-Qaeda's strongest "
            "affiliate raided a border post.")
    later = text.index("al-Qaeda", text.index("Later"))
    assert all(m.entity != "kb:hamas" for m in mentions(text) if m.start == later)


def test_description_in_its_own_apposition_stays_unlinked() -> None:
    text = "Diplomats call al-Qaeda's strongest affiliate, al-Shabaab, the movement's best-funded arm."
    assert entity_at(text, "al-Qaeda") == "kb:al-qaeda"
    assert entity_at(text, "al-Shabaab") == "kb:al-shabaab"


# A name in parentheses ("… Forces (SDF)") only qualifies another group when the full name before it does.

@pytest.mark.parametrize(("text", "pronoun", "expected"), [
    ("Al-Sanadid is a militia affiliated with the Syrian Democratic Forces (SDF). Most of its members come "
     "from local tribes.", "its", "kb:al-sanadid"),
    ("Katiba Macina, a unit loyal to Jama'at Nusrat al-Islam wal-Muslimin (JNIM), said it had raided the "
     "market.", " it ", "kb:katiba-macina"),
])
def test_acronym_of_a_qualifying_name_is_no_antecedent(text: str, pronoun: str, expected: str) -> None:
    start = text.index(pronoun) + (1 if pronoun.startswith(" ") else 0)
    assert next(m.entity for m in mentions(text) if m.start == start) == expected


def test_acronym_of_a_plain_name_stays_an_antecedent() -> None:
    text = "Officials met the Syrian Democratic Forces (SDF) on Monday, and its commander promised a truce."
    start = text.index("its")
    assert next(m.entity for m in mentions(text) if m.start == start) == "kb:sdf"


# "ISKP, the regional affiliate of the Islamic State, said its …": the group it belongs to is not meant.

@pytest.mark.parametrize(("text", "expected"), [
    ("ISKP, the regional affiliate of the Islamic State, said its fighters had scouted the site for weeks.",
     "kb:iskp"),
    ("Ansaru, a splinter of Boko Haram, said its fighters had carried out the kidnapping.", "kb:ansaru"),
])
def test_group_named_as_what_another_belongs_to_is_no_antecedent(text: str, expected: str) -> None:
    start = text.index("its")
    assert next(m.entity for m in mentions(text) if m.start == start) == expected


def test_members_of_a_group_leave_the_group_an_antecedent() -> None:
    text = "Two members of Boko Haram were arrested, and its fighters later freed them."
    start = text.index("its")
    assert next(m.entity for m in mentions(text) if m.start == start) == "kb:boko-haram"


# "the actions of Wagner in Mali and its …": a state named as a place is not what "its" stands for.

@pytest.mark.parametrize(("text", "expected"), [
    ("Observers criticised the conduct of Wagner in Mali and its treatment of prisoners.", "kb:wagner-group"),
    ("The Houthis operate in Yemen and announced its newest drone at a rally.", "kb:houthis"),
    ("ISKP attacked a concert hall in Krasnogorsk, Russia, killing scores. The raid showed its reach abroad.",
     "kb:iskp"),
])
def test_state_named_as_a_place_is_no_antecedent_of_it(text: str, expected: str) -> None:
    start = text.index("its")
    assert next(m.entity for m in mentions(text) if m.start == start) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Wagner fighters deployed in Mali, and its territory has since seen more raids.", "kb:mali"),
    ("Wagner sent advisers, and Mali said it would pay them in gold.", "kb:mali"),
])
def test_state_still_stands_for_its_territory_or_as_a_subject(text: str, expected: str) -> None:
    start = text.index(" it") + 1
    assert next(m.entity for m in mentions(text) if m.start == start) == expected


@pytest.mark.parametrize("text", [
    "Afghanistan faces many threats, including the regional wing of ISIS, which has attacked Taliban patrols.",
    "ISKP struck again on Friday. Officials blamed the Islamic State's Afghan branch for the bombing in Kabul.",
])
def test_a_resolved_description_says_whose_branch_the_group_is(text: str) -> None:
    found = [c for c in extract_document(Document(text)).claims
             if (c.subject, c.relation, c.object) == ("kb:iskp", "member_of", "kb:islamic-state")]
    assert found
    assert "ISIS" in found[0].evidence.text or "Islamic State" in found[0].evidence.text


@pytest.mark.parametrize("text", [
    "Al-Shabaab stormed a base on Monday. The al-Qaeda-linked group said its fighters had killed 35 soldiers.",
    "The Houthis fired missiles at a ship. The Iran-backed movement said its navy had hit the vessel.",
])
def test_a_name_that_only_qualifies_a_noun_is_no_antecedent(text: str) -> None:
    start = text.index("its")
    assert next(m.entity for m in mentions(text) if m.start == start) in ("kb:al-shabaab", "kb:houthis")


def test_its_kind_refers_to_nothing() -> None:
    text = "Iran-backed militias fired drones at a base in Iraq. The strike was the first of its kind this year."
    start = text.index("its")
    assert not any(m.start == start for m in mentions(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("India denied the charge. The army said it had killed 23 militants.", None),
    ("The TTP attacked a post. The Pakistan Army said it had killed five militants.", "kb:pakistan-army"),
    ("The TTP attacked a post. A spokesman for the group said it had killed five soldiers.", "kb:ttp"),
])
def test_it_after_a_speaker_described_but_not_named_is_that_speaker(text: str, expected: str | None) -> None:
    start = text.index(" it ") + 1
    assert next((m.entity for m in mentions(text) if m.start == start), None) == expected
