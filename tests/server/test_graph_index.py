"""The claim arrays behind the graph follow reviews by reading only the reviewed claims again, and then equal
the arrays a fresh load of the store gives."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_client

from claimgraph.model import AUTHOR_SPEAKER, Claim, Document, Extraction, Span, Speaker
from claimgraph.server.graphindex import GraphIndex
from claimgraph.server.queries import Filters
from claimgraph.store import Store, open_store

GROUPS = [f"new:group-{i}" for i in range(10)]
RELATIONS = ("supports", "attacks", "allied_with", "rival_of", "member_of")
FILTERS = [
    Filters(), Filters(include_rejected=True), Filters(review_status=("edited",)), Filters(review_status=("rejected",)),
    Filters(relations=("supports", "rival_of")), Filters(actor="new:group-2"), Filters(speaker="Spokesman Ardo"),
    Filters(speaker="author"),
]


def synthetic_store(store: Store, n_docs: int = 8, per_doc: int = 14, seed: int = 5) -> list[tuple[str, str]]:
    """Documents of invented sentences with random claims between ten groups; every (document, claim) key."""
    rng = random.Random(seed)
    keys = []
    for d in range(n_docs):
        sentences = [f"Report {d} sentence {i} names two groups." for i in range(per_doc)]
        text = " ".join(sentences)
        claims, at = [], 0
        for i, sentence in enumerate(sentences):
            subject, obj = rng.sample(GROUPS, 2)
            speaker = Speaker("new:ardo", "Spokesman Ardo") if rng.random() < 0.3 else AUTHOR_SPEAKER
            claims.append(Claim(f"claim:{d}-{i}", subject, rng.choice(RELATIONS), obj, f"Group {obj[-1]}",
                                Span(at, at + len(sentence), sentence), polarity=rng.choice(("affirmed", "negated")),
                                hedged=rng.random() < 0.3, asserted_by=speaker, extractor="test"))
            at += len(sentence) + 1
        document = Document(text, title=f"Report {d}", outlet=f"Outlet {d % 3}",
                            published=None if d % 4 == 3 else f"2024-0{1 + d % 9}-15")
        store.add(Extraction(document, claims=claims))
        keys += [(document.id, claim.id) for claim in claims]
    return keys


@pytest.fixture
def big_store(tmp_path: Path) -> Iterator[tuple[Store, list[tuple[str, str]]]]:
    with open_store(f"sqlite:///{tmp_path / 'index.db'}") as opened:
        yield opened, synthetic_store(opened)


def load(store: Store) -> GraphIndex:
    with store.engine.connect() as conn:
        return GraphIndex.load(conn)


def update(index: GraphIndex, store: Store) -> GraphIndex:
    with store.engine.connect() as conn:
        updated = index.updated(conn)
    assert updated is not None, "the index could not follow the reviews"
    return updated


def claims_of(index: GraphIndex) -> dict[tuple[str, str], tuple]:
    """Every claim as the index holds it, by (document, claim id)."""
    return {key: (index.actors[index.subject[i]], index.relations[index.relation[i]], index.actors[index.object[i]],
                  bool(index.negated[i]), bool(index.hedged[i]), index.speakers[index.speaker_id[i]],
                  index.speakers[index.speaker_name[i]], int(index.status[i]), index.object_names[i])
            for key, i in index.row_of.items()}


def assert_same(updated: GraphIndex, fresh: GraphIndex) -> None:
    assert claims_of(updated) == claims_of(fresh)
    assert updated.reviewed == fresh.reviewed
    some_docs = set(fresh.doc_ids[::2])
    assert updated.edges(Filters(), some_docs, 500) == fresh.edges(Filters(), some_docs, 500)
    for filters in FILTERS:
        assert updated.edges(filters, None, 500) == fresh.edges(filters, None, 500), filters
        assert updated.edges(filters, None, 500, around=["new:group-1"]) == \
            fresh.edges(filters, None, 500, around=["new:group-1"]), filters


def test_reviews_read_again_equal_a_fresh_load(big_store):
    store, keys = big_store
    rng = random.Random(9)
    index = load(store)
    edits = [
        {"relation": "rival_of"}, {"polarity": "negated"}, {"hedged": True},
        {"subject": "new:group-99", "object_name": "Group Ninety-Nine"},  # an actor no claim named before
        {"object": "new:group-3"}, {"asserted_by": "Commander Vell"},  # a speaker no claim had
        {"subject": "new:group-4", "object": "new:group-7", "relation": "allied_with"},
    ]
    reviews = [("edit", changes) for changes in edits] + [("confirm", {}), ("reject", {})] * 4
    rng.shuffle(reviews)
    for round_ in range(5):
        for action, changes in reviews[round_ * 3:round_ * 3 + 3]:
            doc_id, claim_id = rng.choice(keys)
            store.review_claim(claim_id, "tester", action, changes, doc=doc_id)
        updated = update(index, store)
        assert updated is not index
        assert_same(updated, load(store))
        assert updated.reviewed > index.reviewed, round_
        index = updated
    assert "new:group-99" in index.actor_code and "Commander Vell" in index.speaker_code  # new codes were taken in


def test_an_index_without_new_reviews_stays_as_it_is(big_store):
    store, _ = big_store
    index = load(store)
    assert update(index, store) is index


def test_a_claim_the_index_does_not_hold_asks_for_a_fresh_load(big_store, tmp_path):
    store, keys = big_store
    doc_id, claim_id = keys[0]
    with open_store(f"sqlite:///{tmp_path / 'other.db'}") as other:
        synthetic_store(other, n_docs=1, per_doc=3, seed=1)
        index = load(other)
    store.review_claim(claim_id, "tester", "confirm", doc=doc_id)
    with store.engine.connect() as conn:
        assert index.updated(conn) is None


def test_the_graph_follows_a_review_without_reloading_every_claim(big_store, monkeypatch):
    store, keys = big_store
    with make_client(store) as client:
        before = {e["id"]: e for e in client.get("/api/graph", params={"max_edges": 1000}).json()["edges"]}

        def refuse(*args: object) -> None:
            raise AssertionError("the whole index was loaded again after a review")

        monkeypatch.setattr(GraphIndex, "load", classmethod(refuse))
        doc_id, claim_id = keys[0]
        claim = client.get(f"/api/claims/{claim_id}", params={"doc": doc_id}).json()
        subject, relation, obj = claim["subject"], claim["relation"], claim["object"]
        low, high = sorted((subject, obj)) if relation in ("allied_with", "rival_of") else (subject, obj)
        edge_id = f"{low}|{relation}|{high}"
        rejected = client.post(f"/api/claims/{claim_id}/review",
                               json={"reviewer": "tester", "action": "reject", "doc": doc_id})
        assert rejected.status_code == 200
        after = {e["id"]: e for e in client.get("/api/graph", params={"max_edges": 1000}).json()["edges"]}
        claims_before = before[edge_id]["claims"]
        assert after.get(edge_id, {"claims": 0})["claims"] == claims_before - 1

        other = next(r for r in RELATIONS if r not in (relation, "allied_with", "rival_of"))
        edited = client.post(f"/api/claims/{claim_id}/review", json={
            "reviewer": "tester", "action": "edit", "doc": doc_id,
            "changes": {"relation": other, "subject": "new:group-42"}})
        assert edited.status_code == 200
        graph = client.get("/api/graph", params={"max_edges": 1000}).json()
        moved = {e["id"]: e for e in graph["edges"]}[f"new:group-42|{other}|{obj}"]
        assert moved["claims"] == 1  # an edited claim is in the graph again, on its new edge
        assert "new:group-42" in {n["id"] for n in graph["nodes"]}
        assert after.get(edge_id, {"claims": 0})["claims"] == \
            {e["id"]: e for e in graph["edges"]}.get(edge_id, {"claims": 0})["claims"]
