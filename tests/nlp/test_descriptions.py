"""Descriptions such as "the Islamic State's local branch" name one group of the knowledge base."""

from __future__ import annotations

import pytest

from claimgraph.kb import builtin_kb
from claimgraph.model import Document
from claimgraph.nlp import annotate


def linked(text: str) -> dict[str, str]:
    """Mention text → entity id for every actor mention of ``text``."""
    doc = annotate(Document(text), builtin_kb())
    return {m.text: m.entity for m in doc.mentions if m.kind == "actor"}


@pytest.mark.parametrize(("text", "description", "expected"), [
    ("A mosque in Jalalabad was bombed on Friday; the Islamic State's regional branch said it sent the bomber.",
     "the Islamic State's regional branch", "kb:iskp"),
    ("In north-eastern Nigeria, Boko Haram's Islamic State-backed faction overran a base near Monguno.",
     "Boko Haram's Islamic State-backed faction", "kb:iswap"),
    ("Troops in Somalia clashed with the local affiliate of the Islamic State in the Cal Miskaad hills.",
     "the local affiliate of the Islamic State", "kb:is-somalia"),
])
def test_description_names_the_one_group_that_fits(text: str, description: str, expected: str) -> None:
    assert linked(text).get(description) == expected


def test_country_comes_from_the_document_when_the_sentence_names_none() -> None:
    text = ("Officials in Pakistan counted three attacks in Peshawar this month. "
            "The Islamic State's local branch was blamed for the deadliest of them.")
    assert linked(text).get("The Islamic State's local branch") == "kb:ispp"


def test_description_without_a_single_fitting_group_is_not_linked() -> None:
    text = "Analysts say the Islamic State's newest branch is its most secretive one."
    mentions = linked(text)
    assert "the Islamic State's newest branch" not in mentions
    assert mentions.get("the Islamic State") == "kb:islamic-state"


def test_apposition_keeps_both_names_apart() -> None:
    text = "In Afghanistan, ISKP, the regional affiliate of the Islamic State, attacked a shrine in Kabul."
    mentions = linked(text)
    assert mentions.get("ISKP") == "kb:iskp"
    assert mentions.get("the Islamic State") == "kb:islamic-state"
    assert "the regional affiliate of the Islamic State" not in mentions


def test_political_wing_is_not_an_armed_branch() -> None:
    text = "In Gaza, Hamas's political wing met mediators from Qatar."
    assert linked(text).get("Hamas") == "kb:hamas"


def test_a_state_is_never_the_owner_of_a_description() -> None:
    text = "Pakistan's Balochistan province saw two attacks on Sunday."
    assert "Pakistan's Balochistan province" not in linked(text)


def test_an_unarmed_wing_in_either_form_is_not_linked() -> None:
    for text in ("In Gaza, the political wing of Hamas met mediators from Qatar.",
                 "In Gaza, Hamas's media wing released a video."):
        assert "kb:hamas" in linked(text).values()
