"""Whatever the parameters, the API answers a clear 4xx, never a 500."""

from __future__ import annotations

import pytest

GARBAGE = ["", " ", "-1", "0", "99999999999999999999", "abc", "%00", "<script>", "'; drop table claims;--",
           "../../etc/passwd", "sha256:", "kb:", "2024-99-99", "☃" * 50]
GET_PATHS = ["/api/documents", "/api/claims", "/api/events", "/api/graph", "/api/propositions",
             "/api/contradictions", "/api/compare", "/api/actors", "/api/actors/kb:isi/neighbourhood",
             "/api/graph/evidence"]
PARAMS = ["limit", "offset", "doc", "outlet", "perspective", "relation", "actor", "speaker", "date_from", "date_to",
          "review_status", "include_rejected", "max_edges", "depth", "by", "a", "b", "kind", "q", "type", "subject",
          "object"]


@pytest.mark.parametrize("path", GET_PATHS)
def test_garbage_query_parameters_never_cause_a_server_error(client, path):
    for name in PARAMS:
        for value in GARBAGE:
            response = client.get(path, params={name: value})
            assert response.status_code < 500, (path, name, value, response.text)
            assert "detail" in response.json() or response.status_code == 200


@pytest.mark.parametrize("ref", GARBAGE[1:])
def test_garbage_references_in_paths_are_4xx(client, ref):
    for template in ("/api/documents/{}", "/api/documents/{}/text", "/api/actors/{}", "/api/claims/{}",
                     "/api/claims/{}/audit", "/api/actors/{}/neighbourhood"):
        response = client.get(template.format(ref))
        assert 400 <= response.status_code < 500, (template, ref, response.status_code)


@pytest.mark.parametrize("body", [None, "not json", [], {"reviewer": 5, "action": "confirm"},
                                  {"reviewer": "a" * 500, "action": "confirm"},
                                  {"reviewer": "x", "action": "edit", "changes": {"asserted_by": 7}},
                                  {"reviewer": "x", "action": "edit", "changes": {"hedged": "yes"}},
                                  {"reviewer": "x", "action": "edit", "changes": {"subject": ""}}])
def test_garbage_review_bodies_are_4xx(client, body):
    response = client.post("/api/claims/claim:north-1/review", json=body)
    assert 400 <= response.status_code < 500, response.text
