"""Uploading documents: per-file results and errors, metadata, duplicates and size limits."""

from __future__ import annotations

import io

import pytest
from conftest import make_client

from claimgraph.server.routes.upload import safe_name

ARTICLE = (
    "Islamic State Khorasan Province claimed a bombing in Jalalabad on 4 February 2025 that killed six people. "
    "Officials said the Tehrik-i-Taliban Pakistan was not involved."
)


def upload(client, *files, **fields):
    return client.post("/api/documents", files=[("files", f) for f in files], data=fields)


def test_upload_stores_a_file_with_the_metadata_given(client):
    response = upload(client, ("jalalabad.txt", ARTICLE.encode(), "text/plain"),
                      outlet="Eastern Post", published="2025-02-05", perspective="east")
    assert response.status_code == 200
    body = response.json()
    [result] = body["files"]
    assert result["file"] == "jalalabad.txt" and result["errors"] == []
    [stored] = result["documents"]
    assert stored["status"] == "ingested" and body["stored"] == 1
    doc = client.get(f"/api/documents/{stored['doc_id']}").json()
    assert (doc["outlet"], doc["published"], doc["perspective"]) == ("Eastern Post", "2025-02-05", "east")
    assert doc["text"].startswith("Islamic State Khorasan Province claimed")
    assert client.get("/api/documents", params={"perspective": "east"}).json()["total"] == 1


def test_the_same_file_again_is_a_duplicate(client):
    first = upload(client, ("a.txt", ARTICLE.encode(), "text/plain")).json()
    again = upload(client, ("copy.md", ARTICLE.encode(), "text/markdown")).json()
    assert again["files"][0]["documents"][0]["status"] == "duplicate"
    assert again["files"][0]["documents"][0]["doc_id"] == first["files"][0]["documents"][0]["doc_id"]
    assert again["stored"] == 0


def test_errors_are_per_file_and_the_other_files_go_on(client):
    response = upload(client,
                      ("tool.exe", b"MZ\x90\x00", "application/octet-stream"),
                      ("empty.txt", b"", "text/plain"),
                      ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "application/pdf"),
                      ("good.txt", ARTICLE.encode(), "text/plain"))
    assert response.status_code == 200
    results = {r["file"]: r for r in response.json()["files"]}
    assert "unsupported file type .exe" in results["tool.exe"]["errors"][0]
    assert results["empty.txt"]["errors"] == ["the file is empty"]
    assert results["broken.pdf"]["errors"] and not results["broken.pdf"]["documents"]
    assert results["good.txt"]["documents"][0]["status"] == "ingested"
    assert response.json()["failed"] == 3


def test_jsonl_upload_reports_each_line(client):
    lines = (b'{"text": "' + ARTICLE.encode() + b'", "title": "from jsonl", "outlet": "Line Wire"}\n'
             b'{"title": "no text here"}\n')
    result = upload(client, ("batch.jsonl", lines, "application/json")).json()["files"][0]
    assert [d["title"] for d in result["documents"]] == ["from jsonl"]
    assert len(result["errors"]) == 1


@pytest.mark.parametrize(("fields", "files", "fragment"), [
    ({}, None, "files"),
    ({"published": "next week"}, ("a.txt", b"text", "text/plain"), "published"),
    ({"published": "2025-02-30"}, ("a.txt", b"text", "text/plain"), "published"),
])
def test_bad_upload_requests_are_422(client, fields, files, fragment):
    response = client.post("/api/documents", data=fields, files=[("files", files)] if files else None)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]


def test_upload_over_the_size_limit_is_413(store):
    with make_client(store, max_upload_bytes=2000) as small:
        response = upload(small, ("big.txt", b"word " * 1000, "text/plain"))
        assert response.status_code == 413
        assert "too large" in response.json()["detail"]
        assert small.get("/api/documents").json()["total"] == 0
        assert upload(small, ("ok.txt", ARTICLE.encode(), "text/plain")).status_code == 200


def test_a_body_without_length_is_cut_at_the_limit(store):
    def chunks():
        yield b'{"reviewer": "'
        for _ in range(100):
            yield b"x" * 100
        yield b'", "action": "confirm"}'

    with make_client(store, max_upload_bytes=1000) as small:
        response = small.post("/api/claims/anything/review", content=chunks(),
                              headers={"content-type": "application/json"})
        assert response.status_code == 413


@pytest.mark.parametrize(("given", "kept"), [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\windows\\win.ini.md", "win.ini.md"),
    ("notes <b>bold<b>.md", "notes _b_bold_b_.md"),
    ("a/b<i>.txt", "b_i_.txt"),
    ("..", ""),
    (None, ""),
])
def test_safe_name_keeps_only_the_file_name(given, kept):
    assert safe_name(given) == kept


def test_a_traversing_file_name_is_stored_by_its_own_name(client, tmp_path):
    result = upload(client, ("../../../outside.txt", io.BytesIO(ARTICLE.encode()), "text/plain")).json()["files"][0]
    assert result["documents"][0]["status"] == "ingested"
    doc = client.get(f"/api/documents/{result['documents'][0]['doc_id']}").json()
    assert doc["source"].endswith("/outside.txt") and "/../" not in doc["source"]
