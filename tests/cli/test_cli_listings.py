"""Listings of a store: docs, actors, claims, events, show and show-text."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.model import text_id


@pytest.fixture
def filled(cli_json, articles, db) -> str:
    report = cli_json("ingest", str(articles), "--db", db, "--json")
    assert not report["failed"]
    return db


def test_show_text_prints_the_exact_text_that_offsets_index(cli, cli_json, filled):
    docs = cli_json("docs", "--db", filled, "--json")
    for doc in docs:
        result = cli("show-text", doc["id"].removeprefix("sha256:")[:10], "--db", filled)
        assert result.exit_code == 0, result.output
        text = result.stdout
        assert text_id(text) == doc["id"]  # the id is the hash of the clean text: nothing added or lost
        claims = cli_json("claims", "--db", filled, "--doc", doc["id"], "--json")
        events = cli_json("events", "--db", filled, "--doc", doc["id"], "--json")
        assert claims or events
        for item in claims + events:
            span = item["evidence"]
            assert text[span["start"] : span["end"]] == span["text"]
    by_source = cli("show-text", docs[0]["source"], "--db", filled)
    assert by_source.exit_code == 0 and by_source.stdout == cli("show-text", docs[0]["id"], "--db", filled).stdout


def test_unknown_document_is_one_error_line(cli, filled):
    result = cli("show-text", "0000000000000000000000000", "--db", filled)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: 0000000000000000000000000: ")


def test_docs_and_actors(cli, cli_json, filled):
    docs = cli_json("docs", "--db", filled, "--json")
    assert sorted(Path(d["source"]).name for d in docs) == ["bannu.md", "kabul.txt", "sahel.txt"]
    actors = {a["id"]: a for a in cli_json("actors", "--db", filled, "--json")}
    assert actors["kb:ttp"]["documents"] == 2
    table = cli("actors", "--db", filled)
    assert table.exit_code == 0 and "kb:ttp" in table.stdout


def test_claim_filters(cli_json, filled):
    everything = cli_json("claims", "--db", filled, "--json")
    ttp = cli_json("claims", "--db", filled, "--actor", "TTP", "--json")
    assert ttp and all("kb:ttp" in (c["subject"], c["object"]) for c in ttp)
    assert len(ttp) == sum("kb:ttp" in (c["subject"], c["object"]) for c in everything)
    supports = cli_json("claims", "--db", filled, "--relation", "supports", "--json")
    assert all(c["relation"] == "supports" for c in supports)
    assert len(supports) == sum(c["relation"] == "supports" for c in everything)
    assert len(cli_json("claims", "--db", filled, "--limit", "1", "--json")) == 1


def test_events_list_perpetrators(cli_json, filled):
    events = cli_json("events", "--db", filled, "--actor", "kb:ttp", "--json")
    assert events and all("kb:ttp" in e["perpetrators"] + e["claimed_by"] + e["targets"] for e in events)


def test_show_actor_gives_each_relation_with_evidence_and_speaker(cli, cli_json, filled):
    shown = cli_json("show", "Tehrik-i-Taliban Pakistan", "--db", filled, "--json")
    assert shown["actor"]["id"] == "kb:ttp"
    assert shown["claims"] == cli_json("claims", "--db", filled, "--actor", "kb:ttp", "--json")
    text = cli("show", "TTP", "--db", filled)
    assert text.exit_code == 0, text.output
    flat = " ".join(text.stdout.split())
    for claim in shown["claims"]:
        assert " ".join(claim["evidence"]["text"].split()) in flat
        assert f"asserted by {claim['asserted_by']['name']}" in flat
    unknown = cli("show", "Nobody Of Note", "--db", filled)
    assert unknown.exit_code == 1 and "no actor" in unknown.stderr
