"""The claim graph, actor neighbourhoods and the evidence behind an edge."""

from __future__ import annotations

import pytest
from conftest import make_client


def edges_by_id(graph):
    return {e["id"]: e for e in graph["edges"]}


def test_graph_groups_claims_into_marked_edges(client):
    graph = client.get("/api/graph").json()
    edges = edges_by_id(graph)
    supports = edges["kb:isi|supports|kb:iskp"]
    assert (supports["claims"], supports["negated"], supports["polarity"], supports["documents"]) == (2, 1, "mixed", 2)
    assert supports["contested"] is True
    allied = edges["kb:iskp|allied_with|kb:ttp"]  # symmetric: one edge, ends in sorted order
    assert allied["all_hedged"] is True and allied["contested"] is False
    assert edges["kb:iskp|attacks|kb:pakistan"]["polarity"] == "affirmed"
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["kb:isi"]["type"] == "state_agency" and nodes["kb:isi"]["name"] == "Inter-Services Intelligence"
    assert nodes["kb:iskp"]["claims"] == 4 and nodes["kb:iskp"]["degree"] == 3
    assert graph["truncated"] is False


def test_incompatible_edges_between_the_same_actors_are_contested(client, store, doc_ids):
    from claimgraph.model import Claim, Document, Extraction, Span

    text = "The Islamic State Khorasan Province attacked the Inter-Services Intelligence."
    store.add(Extraction(Document(text, title="clash", outlet="Third Voice"), claims=[
        Claim("claim:third-1", "kb:iskp", "attacks", "kb:isi", "Inter-Services Intelligence",
              Span(0, len(text), text))]))
    edges = edges_by_id(client.get("/api/graph").json())
    assert edges["kb:iskp|attacks|kb:isi"]["contested"] is True  # against "ISI supports ISKP"
    assert edges["kb:iskp|attacks|kb:pakistan"]["contested"] is False


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"relation": "supports"}, {"kb:isi|supports|kb:iskp", "kb:isi|supports|kb:ttp"}),
        ({"perspective": "north"}, {"kb:isi|supports|kb:iskp", "kb:iskp|allied_with|kb:ttp"}),
        ({"outlet": "Ridge Courier"}, {"kb:isi|supports|kb:iskp", "kb:iskp|attacks|kb:pakistan"}),
        ({"date_to": "2023-12-31"}, {"kb:isi|supports|kb:ttp"}),
        ({"actor": "kb:pakistan"}, {"kb:iskp|attacks|kb:pakistan"}),
    ],
)
def test_graph_filters(client, params, expected):
    assert set(edges_by_id(client.get("/api/graph", params=params).json())) == expected


def test_graph_filter_changes_counts_and_contest(client):
    north = edges_by_id(client.get("/api/graph", params={"perspective": "north"}).json())
    assert north["kb:isi|supports|kb:iskp"]["claims"] == 1
    assert north["kb:isi|supports|kb:iskp"]["contested"] is False


def test_graph_truncates_to_the_most_claimed_edges(client):
    graph = client.get("/api/graph", params={"max_edges": 1}).json()
    assert graph["truncated"] is True
    assert [e["id"] for e in graph["edges"]] == ["kb:isi|supports|kb:iskp"]
    assert {n["id"] for n in graph["nodes"]} == {"kb:isi", "kb:iskp"}


@pytest.mark.parametrize("params", [{"max_edges": 0}, {"max_edges": 10_001}, {"max_edges": "all"},
                                    {"relation": "hugs"}, {"date_from": "03/2024"}])
def test_graph_bad_parameters(client, params):
    response = client.get("/api/graph", params=params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_neighbourhood_depth_one_and_two(client):
    one = client.get("/api/actors/kb:ttp/neighbourhood").json()
    assert one["centre"] == "kb:ttp"
    assert set(edges_by_id(one)) == {"kb:iskp|allied_with|kb:ttp", "kb:isi|supports|kb:ttp"}
    two = client.get("/api/actors/Tehrik-i-Taliban Pakistan/neighbourhood", params={"depth": 2}).json()
    assert set(edges_by_id(two)) == {"kb:iskp|allied_with|kb:ttp", "kb:isi|supports|kb:ttp",
                                     "kb:isi|supports|kb:iskp", "kb:iskp|attacks|kb:pakistan"}
    filtered = client.get("/api/actors/kb:ttp/neighbourhood", params={"relation": "supports"}).json()
    assert set(edges_by_id(filtered)) == {"kb:isi|supports|kb:ttp"}


def test_neighbourhood_of_an_actor_without_edges_keeps_the_centre(client):
    graph = client.get("/api/actors/kb:ttp/neighbourhood", params={"relation": "leads"}).json()
    assert graph["edges"] == [] and [n["id"] for n in graph["nodes"]] == ["kb:ttp"]


@pytest.mark.parametrize(("path", "params", "status"), [
    ("/api/actors/kb:nobody/neighbourhood", {}, 404),
    ("/api/actors/kb:ttp/neighbourhood", {"depth": 3}, 422),
    ("/api/actors/kb:ttp/neighbourhood", {"depth": 0}, 422),
])
def test_neighbourhood_bad_requests(client, path, params, status):
    assert client.get(path, params=params).status_code == status


def test_edge_evidence_lists_every_sentence_with_source_and_rating(client, doc_ids):
    body = client.get("/api/graph/evidence",
                      params={"subject": "kb:isi", "relation": "supports", "object": "kb:iskp"}).json()
    assert body["subject_name"] == "Inter-Services Intelligence"
    claims = {c["id"]: c for c in body["claims"]}
    assert set(claims) == {"claim:north-1", "claim:south-1"}
    north = claims["claim:north-1"]
    assert north["doc_id"] == doc_ids["north"] and north["outlet"] == "Harbour Gazette"
    assert north["evidence"]["text"].startswith("The Inter-Services Intelligence supports")
    assert north["speaker"] == "R. Vance" and north["hedged"] is False
    assert north["rating"]["reliability"] == "F"  # nobody graded the outlet yet
    # denied by Pakistan; and M. Okafor says ISKP attacks Pakistan, of which the ISI is a part
    assert north["rating"]["contradicted_by"] == ["M. Okafor", "Pakistan"]
    assert claims["claim:south-1"]["polarity"] == "negated"


def test_edge_evidence_of_a_symmetric_relation_reads_both_directions(client):
    body = client.get("/api/graph/evidence",
                      params={"subject": "kb:ttp", "relation": "allied_with", "object": "kb:iskp"}).json()
    assert [c["id"] for c in body["claims"]] == ["claim:north-2"]
    assert body["claims"][0]["hedged"] is True


def test_edge_evidence_follows_the_filters(client):
    body = client.get("/api/graph/evidence", params={"subject": "kb:isi", "relation": "supports",
                                                     "object": "kb:iskp", "perspective": "south"}).json()
    assert [c["id"] for c in body["claims"]] == ["claim:south-1"]


@pytest.mark.parametrize("params", [
    {"subject": "kb:isi", "relation": "supports"},
    {"subject": "kb:isi", "relation": "admires", "object": "kb:iskp"},
    {"subject": "", "relation": "supports", "object": "kb:iskp"},
])
def test_edge_evidence_bad_parameters(client, params):
    assert client.get("/api/graph/evidence", params=params).status_code == 422


def test_grading_an_outlet_changes_the_reliability_shown(client):
    response = client.put("/api/sources/grade", json={"name": "Harbour Gazette", "grade": "B"})
    assert response.status_code == 200 and response.json()["grade"] == "B"
    body = client.get("/api/graph/evidence",
                      params={"subject": "kb:isi", "relation": "supports", "object": "kb:iskp"}).json()
    north = next(c for c in body["claims"] if c["id"] == "claim:north-1")
    assert north["rating"]["reliability"] == "B"
    sources = {s["name"]: s["grade"] for s in client.get("/api/sources").json()}
    assert sources["Harbour Gazette"] == "B" and sources["Ridge Courier"] == "F"
    assert client.put("/api/sources/grade", json={"name": "Harbour Gazette", "grade": "Z"}).status_code == 422


def test_edges_carry_their_date_span_and_documents(client):
    edges = edges_by_id(client.get("/api/graph").json())
    supports = edges["kb:isi|supports|kb:iskp"]
    assert (supports["first"], supports["last"]) == ("2024-03-15", "2024-06-02")
    assert edges["kb:isi|supports|kb:ttp"]["first"] == "2023-01-05"


def test_graph_of_review_states_and_speakers(client):
    client.post("/api/claims/claim:south-1/review", json={"reviewer": "Ana", "action": "reject"})
    kept = edges_by_id(client.get("/api/graph").json())
    assert kept["kb:isi|supports|kb:iskp"]["claims"] == 1
    every = edges_by_id(client.get("/api/graph", params={"include_rejected": True}).json())
    assert every["kb:isi|supports|kb:iskp"]["claims"] == 2
    rejected = client.get("/api/graph", params={"review_status": "rejected"}).json()
    assert [e["id"] for e in rejected["edges"]] == ["kb:isi|supports|kb:iskp"]
    by_pakistan = client.get("/api/graph", params={"speaker": "Pakistan", "include_rejected": True}).json()
    assert [e["id"] for e in by_pakistan["edges"]] == ["kb:isi|supports|kb:iskp"]


def test_graph_of_an_empty_store(store):
    with make_client(store) as empty:
        assert empty.get("/api/graph").json() == {"nodes": [], "edges": [], "truncated": False, "limit": 1500}
