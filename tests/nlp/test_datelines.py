"""Datelines in their common forms, and the openings of lines that are not datelines, on sentences written
for these tests: a dateline's place names no actor and no event's scene, its date is no event's date, and
with no publication date its date is the reference for "on Tuesday"."""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.extract import extract_document
from claimgraph.extract.events import reference_date
from claimgraph.kb import builtin_kb
from claimgraph.model import Document, Event
from claimgraph.nlp import AnnotatedDoc, annotate


def annotated(text: str, published: str | None = None) -> AnnotatedDoc:
    return annotate(Document(text, published=published), builtin_kb())


def mentioned(text: str) -> set[str]:
    return {m.text for m in annotated(text).mentions if m.via is None}


def events(text: str) -> list[Event]:
    return extract_document(Document(text), builtin_kb()).events


@pytest.mark.parametrize("text, dateline", [
    ("PESHAWAR: A suicide bomber from the TTP struck a convoy in Lakki Marwat.", "PESHAWAR:"),
    ("Peshawar: Gunmen of the TTP fired on a checkpoint in Bannu.", "Peshawar:"),
    ("QUETTA, Jan 5: The BLA said its fighters ambushed a patrol in Mastung.", "QUETTA, Jan 5:"),
    ("Quetta, March 14 (Reuters) - The BLA said its fighters ambushed a patrol in Turbat.",
     "Quetta, March 14 (Reuters) -"),
    ("Peshawar, 14 March 2025 — The TTP said it had attacked a post in Bannu.", "Peshawar, 14 March 2025 —"),
    ("ISLAMABAD, Pakistan, March 14 (AP) — The TTP said it had attacked a post in Tirah.",
     "ISLAMABAD, Pakistan, March 14 (AP) —"),
    ("Mogadishu, Somalia, Nov. 3, 2024 (AFP) — Al-Shabaab said it had shelled a base in Baidoa.",
     "Mogadishu, Somalia, Nov. 3, 2024 (AFP) —"),
    ("Kabul (AP) — ISKP said it had bombed a bus in Jalalabad.", "Kabul (AP) —"),
    ("KABUL\nISKP said it had bombed a bus in Jalalabad.", "KABUL"),
])
def test_a_dateline_is_read_and_its_names_are_no_mentions(text: str, dateline: str) -> None:
    doc = annotated(text)
    assert [text[d.start:d.end] for d in doc.datelines] == [dateline]
    assert all(m.start >= len(dateline) for m in doc.mentions)
    assert any(m.kind == "actor" for m in doc.mentions)  # the report itself keeps its names


@pytest.mark.parametrize("text, place, date", [
    ("Peshawar, 14 March 2025 — A bomb planted near a police post in Bannu killed four officers on Wednesday, "
     "and the TTP said it had planted it.", "Bannu", "2025-03-12"),
    ("Quetta, March 14 (Reuters) - Gunmen of the Baloch Liberation Army attacked a checkpoint in Turbat on "
     "Tuesday, killing three soldiers. The group has grown bolder since early 2025.", "Turbat", "2025-03-11"),
    ("QUETTA, Jan 5: Militants of the BLA attacked a bus in Mastung on Wednesday, killing nine passengers. "
     "Such attacks rose in 2024.", "Mastung", "2024-01-03"),
    ("Mogadishu, Somalia, Nov. 3, 2024 (AFP) — Al-Shabaab fighters set off a car bomb outside a hotel in "
     "Beledweyne on Saturday, killing 12 people.", "Beledweyne", "2024-11-02"),
])
def test_the_dateline_is_neither_the_scene_nor_the_day_of_the_attack(text: str, place: str, date: str) -> None:
    (event,) = events(text)
    assert event.place is not None and event.place.name == place
    assert event.date == date


def test_a_state_in_a_wire_dateline_is_no_scene_and_no_actor() -> None:
    extraction = extract_document(Document(
        "ISLAMABAD, Pakistan, March 14 (AP) — Militants of the TTP stormed an army post in North Waziristan "
        "on Thursday, killing five soldiers."), builtin_kb())
    assert [e.place.name if e.place else None for e in extraction.events] == ["North Waziristan"]
    assert "kb:pakistan" not in {a.id for a in extraction.actors}


@pytest.mark.parametrize("text, published, expected", [
    ("Peshawar, 14 March 2025 — Police said the road was closed.", None, dt.date(2025, 3, 14)),
    ("QUETTA, Jan 5: Police said the road was closed after the floods of 2023.", None, dt.date(2023, 1, 5)),
    ("QUETTA, Jan 5: Police said the road was closed.", "2024", dt.date(2024, 1, 5)),
    ("Quetta, Tuesday, 7 May 2024 (AFP) - Police said the road was closed.", None, dt.date(2024, 5, 7)),
])
def test_without_a_publication_day_the_dateline_gives_the_reference_date(
        text: str, published: str | None, expected: dt.date) -> None:
    assert reference_date(annotated(text, published)) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("Peshawar, 14 March 2025 — Police said the road was closed.", "2025-03-15", dt.date(2025, 3, 15)),
    ("QUETTA, Jan 5: Police said the road was closed.", None, None),  # no year anywhere: nothing is guessed
    ("PESHAWAR: Police said the road was closed in 2024.", None, None),  # a dateline with no date
])
def test_the_dateline_date_does_not_overrule_or_guess(text: str, published: str | None,
                                                      expected: dt.date | None) -> None:
    assert reference_date(annotated(text, published)) == expected


@pytest.mark.parametrize("text, kept", [
    ("Pakistan: a country at war\nThe army fought the TTP in Bajaur.", "Pakistan"),
    ("Pakistan: We reject the claims of the TTP.", "Pakistan"),  # a state as a speaker's label
    ("Khan: we will not let the TTP return to Swat.", "TTP"),
    ("Note: The TTP denied any role in Bannu.", "Bannu"),
    ("Update: The TTP denied any role in Bannu.", "Bannu"),
    ("Correction: An earlier version misnamed Bannu.", "Bannu"),
    ("UPDATE, March 14: The TTP denied any role in Bannu.", "Bannu"),
    ("Quetta: a city under strain as the BLA grows.", "Quetta"),
    ("Bajaur Attack: Five Killed as the TTP Strikes Again", "Bajaur"),
    ("AFGHANISTAN\nThe Taliban denied hosting the TTP.", "AFGHANISTAN"),
    ("The envoy flew on to Kabul (AP) — officials confirmed the trip.", "Kabul"),
    ("Quetta: Five Killed in Market Blast", "Quetta"),  # a headline, not a sentence
    ("Attacks by district:\nBannu: 4 attacks, 9 killed\nLakki Marwat: 2 attacks", "Bannu"),
    ("KABUL\nThe Taliban met envoys.\nKANDAHAR\nThe TTP was discussed.", "KABUL"),  # headings of a report
])
def test_openings_that_are_not_datelines_keep_their_names(text: str, kept: str) -> None:
    doc = annotated(text)
    assert doc.datelines == []
    assert kept in mentioned(text)


def test_a_chronology_keeps_the_place_and_date_of_each_entry() -> None:
    found = events("Quetta, 3 May 2024 – Gunmen of the BLA killed four workers.\n"
                   "Turbat, 9 May 2024 – The BLA attacked a police post, killing two officers.")
    assert [(e.place.name if e.place else None, e.date) for e in found] == [
        ("Quetta", "2024-05-03"), ("Turbat", "2024-05-09")]


def test_a_place_opening_a_line_with_a_dash_and_prose_is_the_scene() -> None:
    (event,) = events("Kabul — the capital of Afghanistan — was hit by a suicide bombing claimed by ISKP on "
                      "3 March 2024 that killed eight people.")
    assert event.place is not None and event.place.name == "Kabul"
