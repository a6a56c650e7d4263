"""Propositions, contradictions and comparisons, read from the reviewed store."""

from __future__ import annotations

import pytest

from claimgraph.analyze.analysis import rate
from claimgraph.api import kb_for_store


def test_propositions_say_who_affirms_and_denies(client):
    body = client.get("/api/propositions", params={"relation": "supports"}).json()
    by_triple = {(p["subject"], p["object"]): p for p in body["items"]}
    isi = by_triple[("kb:isi", "kb:iskp")]
    assert isi["affirmed_by"]["outlets"] == ["Harbour Gazette"]
    assert isi["denied_by"]["outlets"] == ["Ridge Courier"]
    assert isi["denied_by"]["speakers"] == ["Pakistan"]
    assert body["total"] == 2


def test_propositions_filtered_by_documents_and_actor(client):
    north = client.get("/api/propositions", params={"perspective": "north"}).json()
    assert {(p["subject"], p["relation"], p["object"]) for p in north["items"]} == {
        ("kb:isi", "supports", "kb:iskp"), ("kb:iskp", "allied_with", "kb:ttp")}
    about_pakistan = client.get("/api/propositions", params={"actor": "kb:pakistan"}).json()
    assert [p["relation"] for p in about_pakistan["items"]] == ["attacks"]


def test_contradictions_with_kinds_and_both_sentences(client):
    body = client.get("/api/contradictions").json()
    kinds = {c["kind"] for c in body["items"]}
    assert {"polarity", "hierarchy"} <= kinds
    polarity = next(c for c in body["items"] if c["kind"] == "polarity")
    sentences = {polarity["a"]["evidence"]["text"], polarity["b"]["evidence"]["text"]}
    assert any("does not support" in s for s in sentences) and any("supports the Islamic" in s for s in sentences)
    only = client.get("/api/contradictions", params={"kind": "hierarchy"}).json()
    assert {c["kind"] for c in only["items"]} == {"hierarchy"}
    assert client.get("/api/contradictions", params={"kind": "rumour"}).status_code == 422


def test_hedged_disagreements_only_when_asked(client, store):
    from claimgraph.model import Claim, Document, Extraction, Span

    text = "The Tehrik-i-Taliban Pakistan is allied with the Islamic State Khorasan Province."
    store.add(Extraction(Document(text, title="certain", outlet="Fourth Voice"), claims=[
        Claim("claim:fourth-1", "kb:ttp", "allied_with", "kb:iskp", "ISKP", Span(0, len(text), text))]))
    plain = client.get("/api/contradictions").json()["items"]
    assert all(c["kind"] != "hedged_disagreement" for c in plain)
    hedged = client.get("/api/contradictions", params={"include_hedged": True}).json()["items"]
    assert any(c["kind"] == "hedged_disagreement" for c in hedged)


def test_compare_two_perspectives(client):
    body = client.get("/api/compare", params={"by": "perspective", "a": "north", "b": "south"}).json()
    comparison = body["comparisons"][0]
    assert (comparison["a"], comparison["b"]) == ("north", "south")
    assert {c["kind"] for c in comparison["contradictions"]} >= {"polarity"}
    only_north = {(s["subject"], s["relation"], s["object"]) for s in comparison["silences"]["only_a"]}
    assert ("kb:iskp", "allied_with", "kb:ttp") in only_north  # south discusses ISKP, never this alliance


def test_compare_by_outlet_and_by_document(client, doc_ids):
    by_outlet = client.get("/api/compare", params={"by": "outlet", "a": "Harbour Gazette", "b": "Ridge Courier"})
    assert by_outlet.status_code == 200
    by_doc = client.get("/api/compare", params={"by": "doc", "a": doc_ids["north"], "b": doc_ids["south"]}).json()
    assert by_doc["comparisons"][0]["contradictions"]


@pytest.mark.parametrize(("params", "status"), [
    ({"by": "perspective", "a": "west", "b": "south"}, 400),
    ({"by": "mood"}, 400),
    ({"by": "perspective", "b": "south"}, 400),
    ({"by": "perspective", "a": "north", "b": "north"}, 400),
])
def test_compare_bad_groups_are_4xx_with_a_reason(client, params, status):
    response = client.get("/api/compare", params=params)
    assert response.status_code == status
    assert response.json()["detail"]


def test_ratings_of_the_evidence_panel_match_the_whole_analysis(client, store):
    """The panel rates claims from the documents around the two actors only; that must not change a rating."""
    whole = rate(store.corpus(), kb_for_store(store))
    for subject, relation, obj in (("kb:isi", "supports", "kb:iskp"), ("kb:iskp", "attacks", "kb:pakistan"),
                                   ("kb:isi", "supports", "kb:ttp"), ("kb:iskp", "allied_with", "kb:ttp")):
        body = client.get("/api/graph/evidence", params={"subject": subject, "relation": relation, "object": obj})
        for claim in body.json()["claims"]:
            assert claim["rating"] == whole[claim["id"]].to_dict(), claim["id"]
