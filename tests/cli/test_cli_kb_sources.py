"""``claimgraph kb …`` (user entries kept with the store) and ``claimgraph source …`` (grades)."""

from __future__ import annotations

from pathlib import Path

USER_KB = """actors:
  - id: qalat-valley-brigade
    name: Qalat Valley Brigade
    type: armed_group
    aliases: [QVB, Qalat Brigade]
    country: Afghanistan
"""
ARTICLE = "The Qalat Valley Brigade (QVB) attacked a market in Kandahar on 9 June 2024, killing two guards.\n"


def test_kb_add_keeps_entries_with_the_store_for_later_ingests(cli, cli_json, tmp_path, db):
    kb_file = tmp_path / "mine.yaml"
    kb_file.write_text(USER_KB)
    article = tmp_path / "qalat.txt"
    article.write_text(ARTICLE)

    before = cli_json("extract", str(article))
    assert "kb:qalat-valley-brigade" not in {a["id"] for a in before["actors"]}

    added = cli("kb", "add", str(kb_file), "--db", db)
    assert added.exit_code == 0, added.output
    assert "1 actors and 0 places" in added.stdout
    shown = cli_json("kb", "show", "QVB", "--db", db, "--json")
    assert shown["id"] == "kb:qalat-valley-brigade" and shown["source"] == str(kb_file)
    plain = cli("kb", "show", "Qalat Valley Brigade", "--db", db)
    assert "aliases: QVB, Qalat Brigade" in plain.stdout

    cli_json("ingest", str(article), "--db", db, "--json")
    actors = {a["id"]: a for a in cli_json("actors", "--db", db, "--json")}
    assert actors["kb:qalat-valley-brigade"]["mentions"] >= 2


def test_kb_add_csv(cli, cli_json, tmp_path, db):
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("id,name,type,aliases\nnadia-rahimi,Nadia Rahimi,person,N. Rahimi;Commander Rahimi\n")
    result = cli("kb", "add", str(csv_file), "--db", db)
    assert result.exit_code == 0, result.output
    assert cli_json("kb", "show", "Commander Rahimi", "--db", db, "--json")["id"] == "kb:nadia-rahimi"


def test_invalid_kb_file_is_one_error_line_and_stores_nothing(cli, tmp_path, db):
    bad = tmp_path / "bad.yaml"
    bad.write_text(USER_KB.replace("armed_group", "militia"))
    result = cli("kb", "add", str(bad), "--db", db)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr and "militia" in result.stderr
    dangling = tmp_path / "dangling.yaml"
    dangling.write_text(USER_KB + "    parent: no-such-parent-org\n")
    result = cli("kb", "add", str(dangling), "--db", db)
    assert result.exit_code == 1 and "no-such-parent-org" in result.stderr
    missing = cli("kb", "show", "QVB", "--db", db)
    assert missing.exit_code == 1 and missing.stderr.startswith("error: QVB: ")


def test_kb_show_builtin_without_a_store(cli_json, tmp_path):
    shown = cli_json("kb", "show", "ISKP", "--db", f"sqlite:///{tmp_path / 'absent.db'}", "--json")
    assert shown["id"] == "kb:iskp"
    assert not (tmp_path / "absent.db").exists()


def test_kb_search_finds_spelling_variants(cli_json, tmp_path):
    hits = cli_json("kb", "search", "Tehreek-e-Taliban", "--db", f"sqlite:///{tmp_path / 'absent.db'}", "--json")
    assert hits and hits[0]["id"] == "kb:ttp"


def test_source_grades(cli, cli_json, articles, db):
    cli_json("ingest", str(articles), "--db", db, "--json")
    graded = cli("source", "grade", "Frontier Test Desk", "b", "--db", db)
    assert graded.exit_code == 0, graded.output
    assert graded.stdout.strip() == "outlet Frontier Test Desk: B (usually reliable)"
    cli_json("source", "grade", "Zabihullah Mujahid", "D", "--speaker", "--db", db, "--json")
    listed = {(s["kind"], s["name"]): s["grade"] for s in cli_json("source", "list", "--db", db, "--json")}
    assert listed == {("outlet", "Frontier Test Desk"): "B", ("speaker", "Zabihullah Mujahid"): "D"}
    bad = cli("source", "grade", "Frontier Test Desk", "G", "--db", db)
    assert bad.exit_code == 2


def test_ungraded_outlets_are_listed_as_f(cli_json, articles, tmp_path, db):
    cli_json("ingest", str(articles), "--db", db, "--outlet", "Plain Desk", "--json")
    listed = cli_json("source", "list", "--db", db, "--json")
    plain = next(s for s in listed if s["name"] == "Plain Desk")
    assert (plain["grade"], plain["meaning"], plain["documents"]) == ("F", "cannot be judged", 2)
    assert Path(db.removeprefix("sqlite:///")).exists()
