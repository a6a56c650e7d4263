"""``claimgraph ingest``: summary, idempotence, bad inputs in a batch, defaults and usage errors."""

from __future__ import annotations

from pathlib import Path

from claimgraph.model import text_id

STORY = (
    "Flood waters rose across the lower valley on Monday after three days of heavy rain, and the river "
    "authority opened two spillways to protect the old bridge. Farmers near the eastern bank moved their "
    "cattle to higher ground while volunteers filled sandbags outside the school. The district office said "
    "that no one was hurt but that the main road would stay closed until the water level fell. Engineers "
    "planned to inspect the bridge pillars on Tuesday morning, and buses were sent on a longer route "
    "through the hill villages in the meantime."
)


def files_in(folder: Path) -> int:
    return sum(1 for _ in folder.iterdir())


def test_second_ingest_stores_nothing_new(cli, cli_json, articles, db):
    first = cli_json("ingest", str(articles), "--db", db, "--json")
    assert len(first["ingested"]) == files_in(articles) and first["failed"] == []
    docs = cli_json("docs", "--db", db, "--json")
    claims = cli_json("claims", "--db", db, "--json")
    actors = cli_json("actors", "--db", db, "--json")
    assert len(docs) == files_in(articles) and claims

    second = cli("ingest", str(articles), "--db", db)
    assert second.exit_code == 0, second.output
    assert "duplicates (already stored)" in second.stdout
    again = cli_json("ingest", str(articles), "--db", db, "--json")
    assert again["ingested"] == [] and len(again["duplicates"]) == files_in(articles)
    assert cli_json("docs", "--db", db, "--json") == docs
    assert cli_json("claims", "--db", db, "--json") == claims
    assert cli_json("actors", "--db", db, "--json") == actors


def test_bad_inputs_fail_alone_and_are_named(cli, cli_json, articles, tmp_path, db):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    unknown = tmp_path / "notes.xyz"
    unknown.write_text("some text")
    missing = tmp_path / "missing.txt"
    result = cli("ingest", str(empty), str(articles), str(binary), str(unknown), str(missing), "--db", db)
    assert result.exit_code == 1
    failed_lines = [line for line in result.stdout.splitlines() if line.startswith("failed: ")]
    assert len(failed_lines) == 4
    for path in (empty, binary, unknown, missing):
        assert sum(line.startswith(f"failed: {path}: ") for line in failed_lines) == 1, path
    assert len(cli_json("docs", "--db", db, "--json")) == files_in(articles)


def test_defaults_fill_what_files_do_not_say(cli_json, articles, db):
    cli_json(
        "ingest",
        str(articles),
        "--db",
        db,
        "--outlet",
        "Desk Default",
        "--published",
        "2024-09-03",
        "--tag",
        "perspective=afghan",
        "--tag",
        "batch=7",
        "--json",
    )
    docs = {Path(d["source"]).name: d for d in cli_json("docs", "--db", db, "--json")}
    assert docs["kabul.txt"]["outlet"] == "Desk Default"
    assert docs["kabul.txt"]["published"] == "2024-09-03"
    assert docs["kabul.txt"]["tags"] == {"perspective": "afghan", "batch": "7"}
    assert docs["bannu.md"]["outlet"] == "Frontier Test Desk"  # the file's own metadata wins
    assert docs["bannu.md"]["published"] == "2024-03-05"


def test_syndicated_copy_is_stored_and_linked(cli, cli_json, tmp_path, db):
    (tmp_path / "a.txt").write_text(STORY + "\nReporting by the valley desk.\n")
    (tmp_path / "b.txt").write_text("Copied from a wire service.\n" + STORY + "\n")
    result = cli("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db)
    assert result.exit_code == 0, result.output
    assert f"near-duplicate: {tmp_path / 'b.txt'} repeats" in result.stdout
    docs = {Path(d["source"]).name: d for d in cli_json("docs", "--db", db, "--json")}
    assert docs["b.txt"]["duplicate_of"] == docs["a.txt"]["id"]
    assert docs["a.txt"]["duplicate_of"] is None


def test_store_url_from_environment(cli, cli_json, articles, tmp_path):
    url = f"sqlite:///{tmp_path / 'env.db'}"
    result = cli("ingest", str(articles / "kabul.txt"), env={"CLAIMGRAPH_DB": url})
    assert result.exit_code == 0, result.output
    assert url in result.stdout
    assert len(cli_json("docs", "--db", url, "--json")) == 1


def test_usage_errors_exit_2_with_one_error_line(cli, articles, db):
    for args in (
        ["ingest", str(articles), "--db", db, "--bogus"],
        ["ingest", str(articles), "--db", db, "--published", "someday"],
        ["ingest", str(articles), "--db", db, "--tag", "perspective"],
        ["ingest", "--db", db],
        ["claims", "--db", db, "--relation", "likes"],
        ["extract", str(articles), "--format", "xml"],
    ):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert sum(line.startswith("Error:") for line in result.output.splitlines()) == 1, result.output
    assert not Path(db.removeprefix("sqlite:///")).exists()


def test_reading_a_store_that_does_not_exist(cli, tmp_path):
    url = f"sqlite:///{tmp_path / 'none.db'}"
    for command in ("docs", "actors", "claims", "events"):
        result = cli(command, "--db", url)
        assert result.exit_code == 1
        assert result.stderr.strip() == f"error: {url}: no store there yet (run `claimgraph ingest` or give --db)"
    assert not (tmp_path / "none.db").exists()


def test_standard_input_with_a_title(cli, cli_json, db):
    text = "Islamic State Khorasan Province (ISKP) claimed a bombing in Kabul on 2 September 2024.\n"
    result = cli("ingest", "-", "--title", "Pasted note", "--db", db, stdin=text)
    assert result.exit_code == 0, result.output
    (doc,) = cli_json("docs", "--db", db, "--json")
    assert (doc["title"], doc["source"]) == ("Pasted note", "-")
    shown = cli("show-text", "Pasted note", "--db", db).stdout
    assert text_id(shown) == doc["id"] and shown.strip() == text.strip()
