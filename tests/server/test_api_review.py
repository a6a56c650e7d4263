"""Reviewing claims through the API: confirm, reject, edit, the audit trail, and the reviewed state used
by the graph, comparisons and contradictions."""

from __future__ import annotations

import pytest


def review(client, claim_id, **body):
    return client.post(f"/api/claims/{claim_id}/review", json={"reviewer": "Ana", **body})


def test_confirm_keeps_an_audit_entry(client):
    response = review(client, "claim:north-1", action="confirm")
    assert response.status_code == 200
    body = response.json()
    assert body["claim"]["review_status"] == "confirmed" and body["claim"]["reviewed_by"] == "Ana"
    [entry] = body["audit"]
    assert (entry["reviewer"], entry["action"]) == ("Ana", "confirm")
    assert entry["before"]["review_status"] == "unreviewed" and entry["after"]["review_status"] == "confirmed"
    assert client.get("/api/claims/claim:north-1/audit").json() == body["audit"]
    assert client.get("/api/audit").json()["items"][0]["claim_id"] == "claim:north-1"


def test_reject_hides_the_claim_everywhere_but_keeps_it(client):
    before = client.get("/api/contradictions", params={"kind": "polarity"}).json()["total"]
    assert before >= 1
    assert review(client, "claim:south-1", action="reject").status_code == 200
    assert "claim:south-1" not in {c["id"] for c in client.get("/api/claims").json()["items"]}
    kept = client.get("/api/claims", params={"include_rejected": True}).json()["items"]
    assert "claim:south-1" in {c["id"] for c in kept}
    assert client.get("/api/claims", params={"review_status": "rejected"}).json()["total"] == 1
    edge = next(e for e in client.get("/api/graph").json()["edges"] if e["id"] == "kb:isi|supports|kb:iskp")
    assert (edge["claims"], edge["contested"]) == (1, False)
    assert client.get("/api/contradictions", params={"kind": "polarity"}).json()["total"] == before - 1
    comparison = client.get("/api/compare", params={"by": "perspective", "a": "north", "b": "south"}).json()
    assert all(c["kind"] != "polarity" for c in comparison["comparisons"][0]["contradictions"])


def test_edit_relation_direction_polarity_and_speaker(client):
    changes = {"relation": "rival_of", "subject": "kb:iskp", "object": "kb:isi", "polarity": "negated",
               "asserted_by": "Harbour Gazette sources"}
    body = review(client, "claim:north-1", action="edit", changes=changes).json()
    claim = body["claim"]
    assert (claim["subject"], claim["relation"], claim["object"], claim["polarity"]) == (
        "kb:iskp", "rival_of", "kb:isi", "negated")
    assert claim["object_name"] == "Inter-Services Intelligence"
    assert claim["asserted_by"]["name"] == "Harbour Gazette sources" and claim["review_status"] == "edited"
    entry = body["audit"][-1]
    assert entry["before"]["relation"] == "supports" and entry["after"]["relation"] == "rival_of"
    assert entry["before"]["subject"] == "kb:isi" and entry["after"]["subject"] == "kb:iskp"
    edges = {e["id"] for e in client.get("/api/graph").json()["edges"]}
    assert "kb:isi|rival_of|kb:iskp" in edges  # a symmetric relation: one edge, its ends in sorted order


def test_every_review_is_kept_in_order(client):
    review(client, "claim:north-2", action="confirm")
    review(client, "claim:north-2", action="edit", changes={"hedged": False})
    review(client, "claim:north-2", action="reject")
    trail = client.get("/api/claims/claim:north-2/audit").json()
    assert [a["action"] for a in trail] == ["confirm", "edit", "reject"]
    assert trail[1]["before"]["hedged"] is True and trail[1]["after"]["hedged"] is False


@pytest.mark.parametrize(("body", "status"), [
    ({"reviewer": "Ana", "action": "approve"}, 422),
    ({"reviewer": "", "action": "confirm"}, 422),
    ({"action": "confirm"}, 422),
    ({"reviewer": "Ana", "action": "edit", "changes": {"relation": "likes"}}, 400),
    ({"reviewer": "Ana", "action": "edit", "changes": {"colour": "red"}}, 400),
    ({"reviewer": "Ana", "action": "edit"}, 400),
    ({"reviewer": "Ana", "action": "confirm", "changes": {"hedged": True}}, 400),
    ({"reviewer": "Ana", "action": "confirm", "doc": "sha256:ffff"}, 404),
])
def test_bad_reviews_are_refused_and_change_nothing(client, body, status):
    response = client.post("/api/claims/claim:north-1/review", json=body)
    assert response.status_code == status
    assert response.json()["detail"]
    assert client.get("/api/claims/claim:north-1").json()["review_status"] == "unreviewed"
    assert client.get("/api/claims/claim:north-1/audit").json() == []


def test_review_of_an_unknown_claim_is_404(client):
    assert review(client, "claim:nothing", action="confirm").status_code == 404
    assert client.get("/api/claims/claim:nothing/audit").status_code == 404


def test_review_body_must_be_json(client):
    response = client.post("/api/claims/claim:north-1/review", content=b"reviewer=Ana",
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 422
