"""Reference timeline: built-in entries, user entries, and the date check on document text."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.analyze.timeline import (
    ReferenceEvent,
    builtin_timeline,
    check_document,
    check_timeline,
    load_reference_file,
    reference_event,
    reference_timeline,
)
from claimgraph.errors import InputError
from claimgraph.kb import builtin_kb
from claimgraph.model import Corpus, Document, Extraction


def _flags(text: str, published: str | None = None, entries: list[ReferenceEvent] | None = None) -> list:
    doc = Document(text=text, title="t", published=published)
    return check_document(doc, entries if entries is not None else reference_timeline())


def _by_id() -> dict[str, ReferenceEvent]:
    return {entry.id: entry for entry in builtin_timeline()}


def test_builtin_timeline_has_the_well_known_dates() -> None:
    entries = _by_id()
    expected = {"ref:taliban-capture-kabul-2021": "2021-08-15", "ref:us-withdrawal-afghanistan-2021": "2021-08-30",
                "ref:pulwama-2019": "2019-02-14", "ref:pahalgam-2025": "2025-04-22",
                "ref:crocus-city-hall-2024": "2024-03-22", "ref:bajaur-jui-f-rally-2023": "2023-07-30",
                "ref:hamas-7-october-2023": "2023-10-07", "ref:westgate-2013": "2013-09-21",
                "ref:peshawar-aps-2014": "2014-12-16", "ref:kabul-airport-bombing-2021": "2021-08-26",
                "ref:jaffar-express-2025": "2025-03-11"}
    assert {key: entries[key].date for key in expected} == expected


def test_builtin_actors_exist_in_the_builtin_kb() -> None:
    kb = builtin_kb()
    missing = sorted({actor for entry in builtin_timeline() for actor in entry.actors} - set(kb.actors))
    assert missing == []


def test_month_that_conflicts_is_flagged_with_the_sentence() -> None:
    text = ("Markets were calm. Ever since the Taliban takeover of Afghanistan in October 2021, the border has "
            "been tense. Trade fell.")
    [flag] = _flags(text)
    assert flag.reference.id == "ref:taliban-capture-kabul-2021"
    assert flag.stated.text == "October 2021" and flag.stated.precision == "month"
    assert text[flag.start:flag.end] == flag.sentence
    assert flag.sentence.startswith("Ever since")
    assert flag.to_dict()["reference_date"] == "2021-08-15"


@pytest.mark.parametrize("text", [
    "The Taliban takeover of Afghanistan in August 2021 changed the region.",
    "The Taliban's return to power in 2021 surprised many.",
    "The Taliban first took power in Kabul in 1996 and again in 2021.",
    "In October 2023, two years after the Taliban takeover, the economy shrank.",
    "The fall of Kabul on 16 August 2021 was televised.",
    "Militants stormed the Crocus City Hall in March 2024.",
    "The July 2025 Bajaur attack killed five officials.",
    "The Pulwama attack of 14 February 2019 killed forty troopers.",
])
def test_agreeing_or_unrelated_dates_are_not_flagged(text: str) -> None:
    assert _flags(text) == []


@pytest.mark.parametrize(("text", "reference", "stated"), [
    ("The Pulwama attack of 14 February 2018 killed forty troopers.", "ref:pulwama-2019", "2018-02-14"),
    ("The Westgate mall siege began on 21 September 2014.", "ref:westgate-2013", "2014-09-21"),
    ("The Army Public School massacre in Peshawar on 16 December 2015 shocked the nation.",
     "ref:peshawar-aps-2014", "2015-12-16"),
    ("Gunmen hijacked the Jaffar Express in April 2025.", "ref:jaffar-express-2025", "2025-04"),
])
def test_conflicting_dates_are_flagged(text: str, reference: str, stated: str) -> None:
    [flag] = _flags(text)
    assert (flag.reference.id, flag.stated.value) == (reference, stated)


def test_relative_dates_resolve_against_the_publication_date() -> None:
    text = "The Pahalgam attack on April 23 left tourists dead."
    [flag] = _flags(text, published="2025-05-10")
    assert flag.stated.value == "2025-04-23"
    assert _flags("The Pahalgam attack on April 22 left tourists dead.", published="2025-05-10") == []
    assert _flags(text) == []  # without a publication date the year is unknown: nothing to compare


def test_tolerance_days_accepts_a_neighbouring_day() -> None:
    entry = reference_event({"id": "ref:x", "date": "2020-05-10", "description": "X", "match": ["Operation X"],
                             "tolerance_days": 1})
    assert _flags("Operation X began on 11 May 2020.", entries=[entry]) == []
    assert len(_flags("Operation X began on 12 May 2020.", entries=[entry])) == 1


def test_user_entries_add_to_and_replace_builtin_ones(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "events:\n"
        "  - {id: 'ref:lake-raid', date: '2022-03-05', description: 'Raid on the lake camp',"
        " match: [[lake camp, raid]]}\n"
        "  - {id: 'ref:westgate-2013', date: '2013-09-22', description: 'changed', match: [Westgate]}\n",
        encoding="utf-8")
    mine = load_reference_file(path)
    timeline = reference_timeline(mine)
    ids = {entry.id: entry for entry in timeline}
    assert ids["ref:lake-raid"].source == str(path)
    assert ids["ref:westgate-2013"].date == "2013-09-22"
    assert len(timeline) == len(builtin_timeline()) + 1
    doc = Document(text="The raid on the lake camp in May 2022 was a failure.", title="lake")
    [flag] = check_timeline(Corpus([Extraction(doc)]), timeline)
    assert flag.reference.id == "ref:lake-raid"


def test_store_shaped_entries_are_accepted() -> None:
    stored = {"id": "ref:y", "date": "2019-01", "description": "Y", "match": [["y", "camp"]], "source": "user",
              "added_at": "2025-01-01T00:00:00+00:00"}
    [entry] = [e for e in reference_timeline([stored]) if e.id == "ref:y"]
    assert entry.source == "user" and entry.match == (("y", "camp"),)


@pytest.mark.parametrize(("raw", "message"), [
    ({"date": "2021-13-01", "description": "x", "match": ["x"]}, "not a real date"),
    ({"date": "15 August 2021", "description": "x", "match": ["x"]}, "is not YYYY"),
    ({"date": "2021-08-15", "match": ["x"]}, "needs a description"),
    ({"date": "2021-08-15", "description": "x"}, "needs 'match'"),
    ({"date": "2021-08-15", "description": "x", "match": ["x"], "tolerance_days": -1}, "tolerance_days"),
    ({"date": "2021-08-15", "description": "x", "match": ["x"], "colour": "red"}, "unknown field"),
])
def test_bad_entries_are_rejected(raw: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        reference_event(raw, "mine.yaml")
