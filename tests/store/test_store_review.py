"""Reviews with an audit trail, source grades, the user KB and reference events kept with the store."""

from __future__ import annotations

import pytest
from store_builders import TEXT, build_extraction

from claimgraph.errors import StoreError
from claimgraph.store import open_store


def test_reject_and_edit_change_the_corpus_and_keep_an_audit_trail(store):
    extraction = build_extraction()
    store.add(extraction)
    rejected = store.review_claim("c1", "ana", "reject")
    assert rejected["review_status"] == "rejected" and rejected["reviewed_by"] == "ana"
    edited = store.review_claim(
        "c3", "ben", "edit", {"relation": "rival_of", "hedged": False, "asserted_by": "Provincial police"}
    )
    assert (edited["relation"], edited["hedged"], edited["asserted_by"]["name"]) == (
        "rival_of",
        False,
        "Provincial police",
    )
    claims = {c.id: c for c in store.corpus().extractions[0].claims}
    assert set(claims) == {"c2", "c3"}
    assert claims["c3"].relation == "rival_of" and claims["c3"].hedged is False
    assert claims["c3"].evidence == extraction.claims[2].evidence
    # the rejected claim is still stored
    assert [c["id"] for c in store.claims(include_rejected=True, relation="supports")] == ["c1", "c2"]

    trail = store.audit()
    assert [(a["claim_id"], a["reviewer"], a["action"]) for a in trail] == [
        ("c1", "ana", "reject"),
        ("c3", "ben", "edit"),
    ]
    assert trail[0]["before"]["review_status"] == "unreviewed"
    assert trail[0]["after"]["review_status"] == "rejected"
    assert trail[1]["before"]["relation"] == "attacks" and trail[1]["after"]["relation"] == "rival_of"
    assert trail[1]["before"]["asserted_by"] == {"id": "author", "name": "author"}

    store.review_claim("c1", "ana", "confirm")
    assert {c.id for c in store.corpus().extractions[0].claims} == {"c1", "c2", "c3"}
    assert [a["action"] for a in store.audit("c1")] == ["reject", "confirm"]


def test_editing_the_object_takes_the_actor_name(store):
    store.add(build_extraction())
    edited = store.review_claim("c3", "ben", "edit", {"object": "kb:blue-river-council"})
    assert edited["object_name"] == "Blue River Council"


@pytest.mark.parametrize(
    ("action", "changes", "message"),
    [
        ("delete", None, "review action"),
        ("edit", None, "at least one field"),
        ("edit", {"relation": "befriends"}, "relation"),
        ("edit", {"polarity": "maybe"}, "polarity"),
        ("edit", {"evidence": "x"}, "cannot change evidence"),
        ("edit", {"hedged": "yes"}, "hedged"),
        ("confirm", {"relation": "attacks"}, "only given with the edit"),
    ],
)
def test_bad_reviews_are_refused_and_leave_no_trace(store, action, changes, message):
    store.add(build_extraction())
    with pytest.raises(StoreError, match=message):
        store.review_claim("c1", "ana", action, changes)
    assert store.audit() == []
    assert store.claims(relation="supports")[0]["review_status"] == "unreviewed"


def test_unknown_claim_and_claim_in_two_documents(store):
    store.add(build_extraction())
    store.add(build_extraction(text=build_extraction().document.text + " Again.", title="Copy"))
    with pytest.raises(StoreError, match="no such claim"):
        store.review_claim("c9", "ana", "confirm")
    with pytest.raises(StoreError, match="2 documents"):
        store.review_claim("c1", "ana", "confirm")
    assert store.review_claim("c1", "ana", "confirm", doc="Copy")["doc_title"] == "Copy"


def test_grades(store):
    store.add(build_extraction())
    store.add(build_extraction(text=TEXT + " Another invented report.", outlet="Hill Times", title="Road"))
    assert store.set_grade("Valley Post", "b")["grade"] == "B"
    store.set_grade("Blue River Council", "D", kind="speaker")
    store.set_grade("Valley Post", "C")
    assert store.corpus().grades == {"Valley Post": "C", "Blue River Council": "D"}
    listed = {(s["kind"], s["name"]): s for s in store.sources()}
    assert listed[("outlet", "Hill Times")]["grade"] == "F"
    assert listed[("outlet", "Hill Times")]["meaning"] == "cannot be judged"
    assert listed[("outlet", "Valley Post")]["grade"] == "C"
    assert listed[("speaker", "Blue River Council")]["documents"] is None
    with pytest.raises(StoreError, match="grade must be one of"):
        store.set_grade("Valley Post", "G")
    with pytest.raises(StoreError, match="outlet or speaker"):
        store.set_grade("Valley Post", "A", kind="author")


def test_user_kb_entries_persist_and_replace_by_id(tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    with open_store(url) as store:
        n = store.add_kb_entries(
            "mine.yaml",
            actors=[{"id": "kb:river-guard", "name": "River Guard", "type": "armed_group"}],
            places=[{"id": "place:lorna", "name": "Lorna", "kind": "town"}],
        )
        assert n == 2
    with open_store(url) as store:
        store.add_kb_entries(
            "newer.yaml", actors=[{"id": "kb:river-guard", "name": "River Guards", "type": "armed_group"}]
        )
        entries = {(e["kind"], e["id"]): e for e in store.kb_entries()}
    assert set(entries) == {("actor", "kb:river-guard"), ("place", "place:lorna")}
    assert entries[("actor", "kb:river-guard")]["data"]["name"] == "River Guards"
    assert entries[("actor", "kb:river-guard")]["source"] == "newer.yaml"
    with open_store(url) as store, pytest.raises(StoreError, match="without an id"):
        store.add_kb_entries("bad.yaml", actors=[{"name": "No Id"}])


def test_reference_events(store):
    added = store.add_reference_event(
        {"date": "2021-08-15", "description": "Fall of an invented capital", "place": "Lorna"}, source="mine.yaml"
    )
    assert added["id"].startswith("ref:")
    store.add_reference_event({"id": "early", "date": "2019", "description": "An earlier event"})
    assert [e["id"] for e in store.reference_events()] == ["early", added["id"]]
    assert store.reference_events()[1]["place"] == "Lorna"
    with pytest.raises(StoreError, match="not YYYY"):
        store.add_reference_event({"date": "15 August", "description": "x"})
    with pytest.raises(StoreError, match="description"):
        store.add_reference_event({"date": "2020"})
