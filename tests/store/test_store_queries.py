"""Reading the store: documents by prefix, actors by name or alias, claim and event filters."""

from __future__ import annotations

import pytest
from store_builders import TEXT, build_extraction

from claimgraph.errors import StoreError
from claimgraph.model import Document, Extraction


@pytest.fixture
def filled(store):
    store.add(build_extraction())
    store.add(build_extraction(text=TEXT + " Later the road reopened.", title="Follow-up", outlet="Hill Times"))
    return store


def test_documents_list_metadata_and_counts_without_text(filled):
    docs = filled.documents()
    assert [d["title"] for d in docs] == ["Convoy attack", "Follow-up"]
    assert docs[0]["claims"] == 3 and docs[0]["events"] == 1
    assert docs[0]["tags"] == {"perspective": "local"}
    assert "text" not in docs[0]
    assert docs[0]["n_words"] == len(TEXT.split())
    assert filled.documents(limit=1, offset=1)[0]["title"] == "Follow-up"


def test_document_by_prefix_source_or_title_gives_exact_text(filled):
    doc_id = build_extraction().document.id
    digest = doc_id.removeprefix("sha256:")
    for ref in (doc_id, digest[:10], "sha256:" + digest[:8], "Convoy attack", "Convoy attack.txt"):
        found = filled.document(ref)
        assert found["id"] == doc_id
        assert found["text"] == TEXT


def test_unknown_and_ambiguous_document_references_are_clear_errors(store):
    ids = []
    for i in range(17):  # 17 ids over 16 hex digits: two share their first digit
        extraction = Extraction(Document(text=f"Short invented note number {i}."))
        store.add(extraction)
        ids.append(extraction.document.id.removeprefix("sha256:"))
    shared = next(d[0] for d in ids if sum(x[0] == d[0] for x in ids) > 1)
    with pytest.raises(StoreError, match="matches several documents"):
        store.document(shared)
    with pytest.raises(StoreError, match="no document"):
        store.document("ffffffffffffffffffff0000")
    with pytest.raises(StoreError, match="no document"):
        store.document("no-such-title")


def test_actor_lookup_by_id_name_alias(filled):
    assert filled.actor("kb:blue-river-council")["name"] == "Blue River Council"
    assert filled.actor("blue-river-council")["id"] == "kb:blue-river-council"
    assert filled.actor("brc")["id"] == "kb:blue-river-council"
    assert filled.actor("northern hill front")["id"] == "new:northern-hill-front"
    with pytest.raises(StoreError, match="no actor"):
        filled.actor("Nobody At All")


def test_actors_list_counts(filled):
    actors = {a["id"]: a for a in filled.actors()}
    assert set(actors) == {"kb:blue-river-council", "new:northern-hill-front"}
    council = actors["kb:blue-river-council"]
    assert (council["documents"], council["mentions"], council["claims"], council["origin"]) == (2, 4, 4, "kb")
    assert [a["id"] for a in filled.actors(origin="new")] == ["new:northern-hill-front"]


def test_claim_filters(filled):
    assert len(filled.claims()) == 6
    by_actor = filled.claims(actor="BRC")
    assert {c["id"] for c in by_actor} == {"c1", "c2"} and len(by_actor) == 4
    attacks = filled.claims(relation="attacks")
    assert [c["hedged"] for c in attacks] == [True, True]
    assert attacks[0]["subject_name"] == "Northern Hill Front"
    one_doc = filled.claims(doc="Follow-up")
    assert {c["doc_title"] for c in one_doc} == {"Follow-up"} and len(one_doc) == 3
    denial = next(c for c in one_doc if c["id"] == "c2")
    assert denial["polarity"] == "negated"
    assert denial["asserted_by"] == {"id": "kb:blue-river-council", "name": "Blue River Council"}
    assert TEXT[denial["evidence"]["start"] : denial["evidence"]["end"]] == denial["evidence"]["text"]
    assert len(filled.claims(limit=2, offset=5)) == 1


def test_event_filters(filled):
    events = filled.events(actor="Northern Hill Front")
    assert len(events) == 2
    assert events[0]["perpetrators"] == ["new:northern-hill-front"]
    assert events[0]["targets"] == ["guards"] and events[0]["killed"] == 4
    assert events[0]["place"] == {"id": "place:varsa", "name": "Varsa", "country": "Examplestan"}
    assert filled.events(actor="BRC") == []
    assert filled.events(kind="bombing") == []
    assert len(filled.events(doc="Convoy attack")) == 1
