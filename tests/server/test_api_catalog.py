"""Listings and single items: documents, document text, actors, claims, events, facets."""

from __future__ import annotations

import pytest
from server_builders import HOSTILE, NORTH


def test_facets_list_outlets_perspectives_and_counts(client):
    facets = client.get("/api/facets").json()
    assert {o["name"] for o in facets["outlets"]} == {"Harbour Gazette", "Ridge Courier", "<b>Bold</b> Outlet"}
    assert {p["name"]: p["documents"] for p in facets["perspectives"]} == {"north": 1, "south": 2}
    assert (facets["documents"], facets["claims"], facets["events"]) == (3, 5, 2)
    assert facets["published"] == {"first": "2023-01-05", "last": "2024-06-02"}
    assert "supports" in facets["relations"]


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({}, {"Gazette on the Khorasan province", "Courier on Islamabad's denial", "HOSTILE"}),
        ({"outlet": "Ridge Courier"}, {"Courier on Islamabad's denial"}),
        ({"perspective": "south"}, {"Courier on Islamabad's denial", "HOSTILE"}),
        ({"perspective": ["north", "south"], "outlet": "Harbour Gazette"}, {"Gazette on the Khorasan province"}),
        ({"date_from": "2024-04"}, {"Courier on Islamabad's denial"}),
        ({"date_to": "2024-03"}, {"Gazette on the Khorasan province", "HOSTILE"}),
        ({"date_from": "2024-03-15", "date_to": "2024-03-15"}, {"Gazette on the Khorasan province"}),
        ({"date_from": "2023", "date_to": "2023"}, {"HOSTILE"}),
    ],
)
def test_documents_filtered(client, params, titles):
    body = client.get("/api/documents", params=params).json()
    found = {"HOSTILE" if d["title"].startswith("<img") else d["title"] for d in body["items"]}
    assert found == titles
    assert body["total"] == len(titles)


def test_documents_paginate_in_ingest_order(client, doc_ids):
    everything = [d["id"] for d in client.get("/api/documents").json()["items"]]
    assert everything == [doc_ids["north"], doc_ids["south"], doc_ids["hostile"]]
    page = client.get("/api/documents", params={"limit": 1, "offset": 1}).json()
    assert [d["id"] for d in page["items"]] == [doc_ids["south"]]
    assert (page["total"], page["limit"], page["offset"]) == (3, 1, 1)
    north = client.get("/api/documents", params={"limit": 1}).json()["items"][0]
    assert (north["claims"], north["events"], north["perspective"]) == (2, 1, "north")


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 5000}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"date_from": "2024-13"}, "date_from"),
        ({"date_from": "yesterday"}, "date_from"),
        ({"date_to": "2024-02-30"}, "date_to"),
        ({"date_from": "2024-05-01", "date_to": "2024-04-01"}, "after"),
    ],
)
def test_bad_listing_parameters_are_422_with_the_field_named(client, params, fragment):
    response = client.get("/api/documents", params=params)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]


def test_document_by_id_prefix_and_unknown(client, doc_ids):
    prefix = doc_ids["north"].removeprefix("sha256:")[:10]
    doc = client.get(f"/api/documents/{prefix}").json()
    assert doc["id"] == doc_ids["north"] and doc["text"] == NORTH
    missing = client.get("/api/documents/ffffffffffff")
    assert missing.status_code == 404
    assert "ffffffffffff" in missing.json()["detail"]


def test_document_text_offsets_point_into_the_text(client, doc_ids):
    body = client.get(f"/api/documents/{doc_ids['north']}/text").json()
    text = body["text"]
    assert body["mentions"], "mentions expected"
    for mention in body["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]
    assert {m["name"] for m in body["mentions"]} >= {"Inter-Services Intelligence", "Peshawar"}
    for claim in body["claims"]:
        assert text[claim["evidence"]["start"]:claim["evidence"]["end"]] == claim["evidence"]["text"]
    assert [e["id"] for e in body["events"]] == ["event:north-1"]


def test_document_text_keeps_html_as_plain_data(client, doc_ids):
    body = client.get(f"/api/documents/{doc_ids['hostile']}/text").json()
    assert body["text"] == HOSTILE
    assert body["title"].startswith("<img src=x")


def test_actors_search_type_and_single(client):
    everything = client.get("/api/actors").json()
    assert everything["total"] == 4
    assert everything["items"][0]["id"] == "kb:iskp"  # most-claimed first
    found = client.get("/api/actors", params={"q": "khorasan"}).json()["items"]
    assert [a["id"] for a in found] == ["kb:iskp"]
    agencies = client.get("/api/actors", params={"type": "state_agency"}).json()["items"]
    assert [a["id"] for a in agencies] == ["kb:isi"]
    isi = client.get("/api/actors/Inter-Services Intelligence").json()
    assert isi == next(a for a in everything["items"] if a["id"] == "kb:isi")
    assert (isi["claims"], isi["documents"]) == (3, 3)
    assert client.get("/api/actors", params={"type": "wizard"}).status_code == 422
    assert client.get("/api/actors", params={"origin": "elsewhere"}).status_code == 422
    assert client.get("/api/actors/kb:nobody").status_code == 404


@pytest.mark.parametrize(
    ("params", "ids"),
    [
        ({}, {"claim:north-1", "claim:north-2", "claim:south-1", "claim:south-2", "claim:hostile-1"}),
        ({"relation": "supports"}, {"claim:north-1", "claim:south-1", "claim:hostile-1"}),
        ({"relation": ["attacks", "allied_with"]}, {"claim:north-2", "claim:south-2"}),
        ({"actor": "kb:ttp"}, {"claim:north-2", "claim:hostile-1"}),
        ({"actor": "Pakistan"}, {"claim:south-2"}),
        ({"perspective": "north"}, {"claim:north-1", "claim:north-2"}),
        ({"outlet": "Ridge Courier", "relation": "supports"}, {"claim:south-1"}),
        ({"date_from": "2024-06-01"}, {"claim:south-1", "claim:south-2"}),
        ({"speaker": "Pakistan"}, {"claim:south-1"}),
    ],
)
def test_claims_filtered(client, params, ids):
    body = client.get("/api/claims", params=params).json()
    assert {c["id"] for c in body["items"]} == ids
    assert body["total"] == len(ids)


def test_claims_by_document_reference(client, doc_ids):
    body = client.get("/api/claims", params={"doc": doc_ids["south"][:20]}).json()
    assert {c["id"] for c in body["items"]} == {"claim:south-1", "claim:south-2"}
    assert client.get("/api/claims", params={"doc": "sha256:0000"}).status_code == 404


def test_claim_json_names_the_speaker_and_evidence(client):
    claim = client.get("/api/claims/claim:north-1").json()
    assert claim["speaker"] == "R. Vance"  # the author, by name
    assert claim["evidence"]["text"].startswith("The Inter-Services Intelligence supports")
    quoted = client.get("/api/claims/claim:south-1").json()
    assert (quoted["speaker"], quoted["polarity"]) == ("Pakistan", "negated")
    assert client.get("/api/claims/claim:none").status_code == 404


@pytest.mark.parametrize(
    ("params", "status"),
    [({"relation": "befriends"}, 422), ({"actor": "nobody at all"}, 404), ({"review_status": "maybe"}, 422),
     ({"include_rejected": "perhaps"}, 422), ({"outlet": ["x"] * 201}, 422)],
)
def test_bad_claim_filters(client, params, status):
    response = client.get("/api/claims", params=params)
    assert response.status_code == status
    assert response.json()["detail"]


def test_events_with_places_names_and_filters(client):
    body = client.get("/api/events").json()
    by_id = {e["id"]: e for e in body["items"]}
    peshawar = by_id["event:north-1"]["place"]
    assert (peshawar["lat"], peshawar["lon"], peshawar["located"]) == (34.01, 71.58, "place")
    country = by_id["event:south-1"]["place"]
    assert country["located"] == "country" and country["lat"] is not None
    assert by_id["event:north-1"]["perpetrators_names"] == ["Islamic State Khorasan Province"]
    assert by_id["event:north-1"]["speaker"] == "R. Vance"
    assert by_id["event:south-1"]["targets_names"] == ["Pakistan"]
    in_may = client.get("/api/events", params={"date_from": "2024-05-01", "date_to": "2024-05-31"}).json()
    assert [e["id"] for e in in_may["items"]] == ["event:south-1"]
    assert client.get("/api/events", params={"perspective": "north"}).json()["total"] == 1
    assert client.get("/api/events", params={"actor": "kb:pakistan"}).json()["total"] == 1
    assert client.get("/api/events", params={"kind": "parade"}).json()["total"] == 0
