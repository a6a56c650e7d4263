"""Admiralty ratings wherever claims are listed: ``claims``, ``events``, ``show`` and ``demo``, tables and JSON.

Source reliability (A–F) comes from ``claimgraph source grade``; credibility (1–6) from the other sources of
the whole store (docs/analysis.md), so it moves when documents that corroborate or contradict are added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = {
    "one.md": (
        "Desk One",
        "The Afghan Taliban shelter Tehrik-i-Taliban Pakistan (TTP) fighters in Kunar. The TTP attacked a police "
        "post in Bannu on 4 March 2024, killing three officers.",
    ),
    "two.md": (
        "Desk Two",
        "The Afghan Taliban support the TTP. The TTP attacked a police post in Bannu on 4 March 2024, killing "
        "five officers.",
    ),
    "three.md": (
        "Desk Three",
        "The Afghan Taliban denied that they shelter the TTP, a spokesman said in Kabul. Islamic State Khorasan "
        "Province (ISKP) is a rival of the Afghan Taliban.",
    ),
}
FOURTH = ("Desk Four", "Officials in Peshawar repeated that the Afghan Taliban support the TTP.")


def write_article(folder: Path, name: str, outlet: str, text: str) -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: {Path(name).stem} report\noutlet: {outlet}\n---\n{text}\n", encoding="utf-8")
    return path


@pytest.fixture
def rated_db(cli_json, db, tmp_path) -> str:
    """A store of three short articles: two outlets say the Afghan Taliban support the TTP and give two
    death tolls for one Bannu attack; a spokesman quoted by a third outlet denies the support."""
    folder = tmp_path / "rated"
    folder.mkdir()
    for name, (outlet, text) in ARTICLES.items():
        write_article(folder, name, outlet, text)
    report = cli_json("ingest", str(folder), "--db", db, "--json")
    assert not report["failed"] and len(report["ingested"]) == 3
    return db


def by_outlet(rows: list[dict]) -> dict[tuple[str, str], dict]:
    """(outlet, relation and polarity or "event") → the listed row."""
    found = {}
    for row in rows:
        what = f"{row['relation']}/{row['polarity']}" if "relation" in row else "event"
        assert (row["outlet"], what) not in found
        found[(row["outlet"], what)] = row
    return found


def codes(rows: list[dict]) -> dict[tuple[str, str], str]:
    return {key: row["rating"]["admiralty"] for key, row in by_outlet(rows).items()}


def test_claims_json_rates_every_claim_from_the_whole_store(cli_json, rated_db):
    claims = cli_json("claims", "--db", rated_db, "--json")
    assert all(c["rating"]["reliability"] == "F" for c in claims)  # nothing graded yet: cannot be judged
    rows = by_outlet(claims)
    one = rows[("Desk One", "supports/affirmed")]["rating"]
    # corroborated by Desk Two's author, contradicted by the quoted spokesman: as many for as against
    assert one["credibility"] == 4 and one["credibility_label"] == "doubtful"
    assert len(one["corroborated_by"]) == 1 and "Desk Two" in one["corroborated_by"][0]
    assert one["contradicted_by"] == ["Afghan Taliban"]
    denial = rows[("Desk Three", "supports/negated")]["rating"]
    assert denial["credibility"] == 5 and len(denial["contradicted_by"]) == 2  # two sources against it
    assert rows[("Desk Three", "rival_of/affirmed")]["rating"]["admiralty"] == "F6"  # nothing to judge it by
    # a listing narrowed to one document is still rated against every source of the store
    only_one = cli_json("claims", "--db", rated_db, "--doc", "one report", "--json")
    assert [c["rating"] for c in only_one] == [one]


def test_grading_an_outlet_or_a_speaker_changes_the_listed_reliability(cli, cli_json, rated_db):
    before = codes(cli_json("claims", "--db", rated_db, "--json"))
    assert cli("source", "grade", "Desk One", "B", "--db", rated_db).exit_code == 0
    assert cli("source", "grade", "Desk Three", "A", "--db", rated_db).exit_code == 0
    after = codes(cli_json("claims", "--db", rated_db, "--json"))
    assert after[("Desk One", "supports/affirmed")] == "B" + before[("Desk One", "supports/affirmed")][1:]
    assert after[("Desk Two", "supports/affirmed")] == before[("Desk Two", "supports/affirmed")]  # still F
    assert after[("Desk Three", "rival_of/affirmed")] == "A6"  # the author writes for Desk Three
    # a quoted speaker is judged by its own grade, not by the outlet that quotes it
    assert after[("Desk Three", "supports/negated")].startswith("F")
    assert cli("source", "grade", "Afghan Taliban", "D", "--speaker", "--db", rated_db).exit_code == 0
    graded = cli_json("claims", "--db", rated_db, "--json")
    denial = by_outlet(graded)[("Desk Three", "supports/negated")]["rating"]
    assert denial["reliability"] == "D" and denial["reliability_label"] == "not usually reliable"
    table = cli("claims", "--db", rated_db, "--relation", "supports")
    assert table.exit_code == 0, table.output
    cells = table.stdout.split()
    for code in ("B4", "F4", "D5"):
        assert code in cells
    assert "reliability A–F" in table.stdout  # the caption says what the codes mean


def test_events_are_rated_and_follow_the_grades(cli, cli_json, rated_db):
    events = by_outlet(cli_json("events", "--db", rated_db, "--json"))
    one, two = events[("Desk One", "event")]["rating"], events[("Desk Two", "event")]["rating"]
    # the same attack with three and five killed: each report is contradicted by the other
    assert (one["credibility"], two["credibility"]) == (5, 5)
    assert len(one["contradicted_by"]) == len(two["contradicted_by"]) == 1
    cli("source", "grade", "Desk Two", "C", "--db", rated_db)
    regraded = by_outlet(cli_json("events", "--db", rated_db, "--json"))
    assert regraded[("Desk Two", "event")]["rating"]["admiralty"] == "C5"
    assert regraded[("Desk One", "event")]["rating"]["admiralty"] == "F5"
    table = cli("events", "--db", rated_db)
    assert table.exit_code == 0 and "C5" in table.stdout.split() and "F5" in table.stdout.split()


def test_show_spells_out_each_rating(cli, cli_json, rated_db):
    cli("source", "grade", "Desk One", "B", "--db", rated_db)
    shown = cli_json("show", "TTP", "--db", rated_db, "--json")
    assert shown["claims"] == cli_json("claims", "--db", rated_db, "--actor", "kb:ttp", "--json")
    assert shown["events"] == cli_json("events", "--db", rated_db, "--actor", "kb:ttp", "--json")
    assert all(item["rating"] for item in shown["claims"] + shown["events"])
    text = " ".join(cli("show", "TTP", "--db", rated_db).stdout.split())
    assert "rating B4 (usually reliable; doubtful)" in text
    assert "rating B5 (usually reliable; improbable)" in text  # Desk One's report of the Bannu attack


def test_credibility_rises_when_another_source_corroborates(cli_json, rated_db, tmp_path):
    before = codes(cli_json("claims", "--db", rated_db, "--json"))
    assert before[("Desk One", "supports/affirmed")] == "F4"
    folder = tmp_path / "more"
    folder.mkdir()
    write_article(folder, "four.md", *FOURTH)
    assert cli_json("ingest", str(folder), "--db", rated_db, "--json")["ingested"]
    after = by_outlet(cli_json("claims", "--db", rated_db, "--json"))
    assert ("Desk Four", "supports/affirmed") in after
    # two independent sources for it, one against: possibly true
    assert after[("Desk One", "supports/affirmed")]["rating"]["credibility"] == 3
    assert after[("Desk Three", "supports/negated")]["rating"]["credibility"] == 5


def test_demo_lists_ratings_with_the_relations_and_events(cli, cli_json, tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    summary = cli_json("demo", "--db", url, "--json")
    sources = [s for r in summary["relations"] for s in r["sources"]]
    assert sources and all(s["rating"]["reliability"] == "F" for s in sources)
    assert all(e["rating"] for e in summary["events"] if not e["syndicated_copy_of"])
    outlet = sources[0]["outlet"]
    assert cli("source", "grade", outlet, "A", "--db", url).exit_code == 0
    again = cli_json("demo", "--db", url, "--json")
    regraded = [s for r in again["relations"] for s in r["sources"]]
    assert {s["rating"]["reliability"] for s in regraded if s["outlet"] == outlet and s["speaker"] == "author"} == {
        "A"
    }
    text = cli("demo", "--db", url).stdout
    assert "· rating A" in text
