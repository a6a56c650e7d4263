"""Writing extractions: round trip, one transaction per document, duplicates and near-duplicates."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from store_builders import TEXT, build_extraction

from claimgraph.errors import StoreError
from claimgraph.ingest import signature
from claimgraph.model import Document, Extraction
from claimgraph.store import open_store, writer
from claimgraph.store import schema as t

WIRE = (
    "Gunmen stormed a checkpoint outside Lorna late on Tuesday and held it for two hours before troops "
    "arrived, local officials said. Three soldiers and a driver were killed in the fighting, according to "
    "a hospital source. The Crescent Shield group later said its fighters carried out the raid. Residents "
    "said the road to the market stayed closed until Wednesday morning while soldiers searched nearby farms."
)


def count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_round_trip_gives_back_equal_extractions(store):
    first = build_extraction()
    second = build_extraction(
        text=TEXT.replace("four", "five"),
        title="Second report",
        outlet="Hill Times",
        tags={"perspective": "national"},
    )
    assert store.add(first).status == "ingested"
    assert store.add(second).status == "ingested"
    corpus = store.corpus()
    assert corpus.extractions == [first, second]
    assert corpus.extractions[0].to_dict() == first.to_dict()
    assert store.corpus([second.document.id]).extractions == [second]


def test_round_trip_survives_reopening(tmp_path):
    url = f"sqlite:///{tmp_path / 'again.db'}"
    extraction = build_extraction()
    with open_store(url) as store:
        store.add(extraction)
    with open_store(url) as store:
        assert store.corpus().extractions == [extraction]


def test_document_without_anything_extracted_round_trips(store):
    bare = Extraction(Document(text="A short note with nothing in it."))
    store.add(bare)
    assert store.corpus().extractions == [bare]


def test_failure_mid_write_stores_nothing_of_the_document(store, monkeypatch):
    extraction = build_extraction()

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk went away")

    # participant rows are written last, after the document, actors, mentions, evidence, claims and events
    monkeypatch.setattr(writer, "participant_rows", broken)
    with pytest.raises(RuntimeError):
        store.add(extraction)
    for table in (
        t.documents,
        t.actors,
        t.places,
        t.mentions,
        t.evidence,
        t.claims,
        t.events,
        t.event_participants,
        t.document_entities,
    ):
        assert count(store, table) == 0, table.name
    monkeypatch.undo()
    assert store.add(extraction).status == "ingested"
    assert store.corpus().extractions == [extraction]


def test_adding_the_same_document_again_changes_nothing(store):
    extraction = build_extraction()
    store.add(extraction)
    before = {table.name: count(store, table) for table in t.metadata.sorted_tables}
    result = store.add(extraction)
    assert (result.status, result.doc_id) == ("duplicate", extraction.document.id)
    assert {table.name: count(store, table) for table in t.metadata.sorted_tables} == before


def wire_copy(text: str, extra: str) -> Extraction:
    return Extraction(Document(text=text + " " + extra, title=extra[:20], outlet=extra.split()[0]))


def test_near_duplicate_is_stored_and_linked_to_the_first_copy(tmp_path):
    url = f"sqlite:///{tmp_path / 'wire.db'}"
    original = Extraction(Document(text=WIRE, title="Checkpoint raid", outlet="Wire One"))
    copy = wire_copy(WIRE, "Reporting by the Lorna Herald desk.")
    other = Extraction(
        Document(
            text="A council in a distant province approved a new budget for schools and "
            "roads after a long debate about teachers' pay and rural clinics.",
            outlet="Budget News",
        )
    )
    with open_store(url) as store:
        assert store.add(original, signature(original.document.text)).status == "ingested"
        result = store.add(copy, signature(copy.document.text))
        assert (result.status, result.duplicate_of) == ("near_duplicate", original.document.id)
        assert store.add(other, signature(other.document.text)).status == "ingested"
        assert store.document(copy.document.id)["duplicate_of"] == original.document.id
    # a later session finds copies of stored documents too, and links copies of copies to the first one
    third = wire_copy(copy.document.text, "Syndicated by Hill Radio.")
    with open_store(url) as store:
        result = store.add(third, signature(third.document.text))
        assert (result.status, result.duplicate_of) == ("near_duplicate", original.document.id)
        corpus = store.corpus()
        assert corpus.syndicated == {
            copy.document.id: original.document.id,
            third.document.id: original.document.id,
        }
        assert len(corpus.extractions) == 4


def test_discovered_actor_keeps_first_name_and_gathers_spellings(store):
    store.add(build_extraction())
    other_text = TEXT.replace("Northern Hill Front", "Northern Hills Front")
    store.add(build_extraction(text=other_text, title="Other spelling", front_name="Northern Hills Front"))
    actor = store.actor("new:northern-hill-front")
    assert actor["name"] == "Northern Hill Front"
    assert actor["aliases"] == ["Northern Hills Front"]
    assert actor["documents"] == 2
    assert store.actor("Northern Hills Front")["id"] == "new:northern-hill-front"


def test_kb_actor_takes_latest_kb_values(store):
    first = build_extraction()
    store.add(first)
    renamed = build_extraction(text=TEXT + " More text.", title="Later")
    council = replace(renamed.actors[1], name="Blue River Council of Elders", aliases=["BRC", "Council"])
    renamed.actors[1] = council
    store.add(renamed)
    assert store.actor("kb:blue-river-council")["name"] == "Blue River Council of Elders"
    assert store.actor("Council")["id"] == "kb:blue-river-council"


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'wal.db'}") as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_plain_path_means_sqlite_file(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store("plain.db") as store:
        store.add(build_extraction())
    assert (tmp_path / "plain.db").exists()


def test_extraction_with_an_id_used_twice_is_refused_whole(store):
    extraction = build_extraction()
    extraction.events.append(replace(extraction.events[0], killed=5))
    with pytest.raises(StoreError, match="two events with id ev1"):
        store.add(extraction)
    assert count(store, t.documents) == 0 and count(store, t.evidence) == 0
