"""Attack events in general constructions: the day a page's header states anchors relative dates, the
" date YYYY-MM-DD" opening of a stored page is no event date, and an armed group's possessive names its own
attack. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.extract import extract_document
from claimgraph.model import Document, Event, Extraction


def _extract(text: str) -> Extraction:
    return extract_document(Document(text))  # no publication date: the text alone tells the day


def _only_event(extraction: Extraction) -> Event:
    assert len(extraction.events) == 1, extraction.events
    return extraction.events[0]


@pytest.mark.parametrize(("text", "date"), [
    ("Gunmen Storm a Hotel in Mogadishu\n\nby Staff Reporter March 04, 2024\n\n"
     "Gunmen stormed a hotel in Mogadishu on Sunday, killing nine guests, officials said.", "2024-03-03"),
    ("Posted: Jun 12, 2023 9:40 AM\n\n"
     "A roadside bomb killed four policemen in Quetta on Saturday, the police said.", "2023-06-10"),
    (" date 2025-05-13 A suicide bomber killed six soldiers at a checkpoint in Bannu yesterday.", "2025-05-12"),
])
def test_a_header_date_anchors_the_weekdays_of_the_body(text: str, date: str) -> None:
    assert _only_event(_extract(text)).date == date


def test_a_date_in_a_sentence_of_the_body_is_no_header_date() -> None:
    text = ("Militants attacked a police post in Bannu on Sunday, killing three officers.\n\n"
            "The post had been attacked before on 14 May 2021.")
    event = _extract(text).events[0]
    assert event.date is None  # no header states the day: a bare weekday stays undated


def test_the_opening_date_of_a_stored_page_is_not_the_day_of_its_event() -> None:
    text = (" date 2025-05-13 At least five soldiers were killed in an attack on a base in Borno State.\n\n"
            "Residents said the attack happened on Monday night.")
    assert _only_event(_extract(text)).date == "2025-05-12"


@pytest.mark.parametrize(("text", "group"), [
    ("The soldiers died in al-Shabaab's deadly attack on a base in Mogadishu in June 2019.", "kb:al-shabaab"),
    ("Officials recalled the TTP's 2014 assault on a school in Peshawar in December 2014.", "kb:ttp"),
])
def test_an_armed_groups_possessive_names_its_own_attack(text: str, group: str) -> None:
    assert _only_event(_extract(text)).perpetrators == [group]


def test_a_groups_possessive_before_another_noun_names_no_attacker() -> None:
    text = "The TTP's spokesman condemned the bombing in Peshawar in December 2014."
    event = _only_event(_extract(text))
    assert "kb:ttp" not in event.perpetrators
