"""``claimgraph eval`` on a gold file written for the test, and ``claimgraph demo``."""

from __future__ import annotations

import json
from pathlib import Path

TEXT = (
    "Tehrik-i-Taliban Pakistan (TTP) attacked a police post in Bannu on 4 March 2024, killing three officers. "
    "Pakistan says the Afghan Taliban shelter the TTP."
)
GOLD = {
    "id": "t1",
    "actors": [
        {
            "canonical": "Tehrik-i-Taliban Pakistan",
            "type": "armed_group",
            "mentions": ["Tehrik-i-Taliban Pakistan", "TTP"],
        },
        {"canonical": "Pakistan", "type": "state", "mentions": ["Pakistan"]},
        {"canonical": "Afghan Taliban", "type": "armed_group", "mentions": ["Afghan Taliban"]},
    ],
    "events": [
        {
            "kind": "attack",
            "date": "2024-03-04",
            "place": "Bannu",
            "country": "Pakistan",
            "perpetrator": "Tehrik-i-Taliban Pakistan",
            "claimed_by": [],
            "killed": 3,
            "wounded": None,
            "evidence": TEXT.split(". ")[0] + ".",
        }
    ],
    "relations": [
        {
            "subject": "Afghan Taliban",
            "relation": "supports",
            "object": "Tehrik-i-Taliban Pakistan",
            "asserted_by": "Pakistan",
            "hedged": False,
            "negated": False,
            "evidence": "Pakistan says the Afghan Taliban shelter the TTP.",
        }
    ],
}


def test_eval_scores_the_extractor(cli, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "t1.txt").write_text(TEXT)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n")
    result = cli("eval", str(gold), str(docs), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 1 and report["failures"] == {}
    actors = report["summary"]["actors"]
    assert actors["tp"] + actors["fn"] == 3  # every gold actor is counted once
    table = cli("eval", str(gold), str(docs))
    assert table.exit_code == 0 and "attack events" in table.stdout


def test_eval_bad_gold_file(cli, tmp_path):
    (tmp_path / "docs").mkdir()
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{not json\n")
    result = cli("eval", str(gold), str(tmp_path / "docs"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {gold}:1: ")
    assert cli("eval", str(gold), str(tmp_path / "nowhere")).exit_code == 2


def test_demo_builds_and_summarises_the_sample_store(cli, cli_json, tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    result = cli("demo", "--db", url)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"store: {url}" in out
    for heading in ("Documents", "Actors by type", "Relations", "Events"):
        assert f"\n{heading}" in out
    docs = cli_json("docs", "--db", url, "--json")
    samples = sorted(Path(__file__).resolve().parents[2].joinpath("src/claimgraph/samples/corpus").glob("*.md"))
    assert len(docs) == len(samples) > 0
    for doc in docs:
        assert (doc["title"] or "") in " ".join(out.split())
    again = cli_json("demo", "--db", url, "--json")
    assert again["ingest"]["ingested"] == [] and len(again["ingest"]["duplicates"]) == len(samples)
    assert [d["id"] for d in again["documents"]] == [d["id"] for d in docs]


def test_demo_default_store_is_made_afresh_in_the_working_folder(runner, tmp_path, monkeypatch):
    from claimgraph.cli.app import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "claimgraph-demo.db").write_text("left over from something else")
    result = runner.invoke(app, ["demo", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["db"] == "sqlite:///claimgraph-demo.db"
    assert summary["ingest"]["duplicates"] == [] and summary["ingest"]["ingested"]
    assert summary["relations"] and summary["actors_by_type"]
