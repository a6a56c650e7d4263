"""The analysis commands on a store filled with hand-built extractions."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from analysis_builders import DocBuilder
from typer.testing import CliRunner

import claimgraph.cli.analysis  # noqa: F401  (registers the commands on the app)
from claimgraph.cli.app import app
from claimgraph.store import open_store

HYPOTHESES = """hypotheses:
  - {id: H1, label: ISI supports ISKP, patterns: [{subject: ISI, relation: supports, object: ISKP}]}
  - id: H2
    label: ISKP is hostile to Pakistan
    patterns: [{subject: ISKP, relation: [attacks, rival_of], object: Pakistan, include_parts: true}]
"""


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'analysis.db'}"
    patron = (DocBuilder("patron", outlet="Delhi Desk", perspective="indian")
              .claim("The spy service grooms the Khorasan branch.", "kb:isi", "supports", "kb:iskp")
              .claim("The branch fights the Taliban for recruits.", "kb:iskp", "rival_of", "kb:afghan-taliban")
              .claim("The branch never struck the army.", "kb:iskp", "attacks", "kb:pakistan-army", negated=True)
              .text("Since the Taliban takeover of Afghanistan in December 2021, the branch has grown."))
    enemy = (DocBuilder("enemy", outlet="Lahore Ledger", perspective="pakistani")
             .claim("The Taliban and the branch work hand in hand.", "kb:afghan-taliban", "allied_with", "kb:iskp")
             .claim("The branch keeps hitting Pakistan.", "kb:iskp", "attacks", "kb:pakistan"))
    with open_store(url) as store:
        store.add(patron.build())
        store.add(enemy.build())
        store.set_grade("Lahore Ledger", "C")
    return url


def _run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def test_compare_json_by_perspective(db: str) -> None:
    result = _run("compare", "indian", "pakistani", "--by", "perspective", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    [comparison] = data["comparisons"]
    assert {c["kind"] for c in comparison["contradictions"]} == {"hierarchy", "incompatible_relation", "polarity"}
    enemy_sides = [side for c in comparison["contradictions"] for side in (c["a"], c["b"])
                   if side["document_label"] == "enemy"]
    assert {side["rating"]["reliability"] for side in enemy_sides} == {"C"}


def test_compare_table_and_unknown_group(db: str) -> None:
    result = _run("compare", "--by", "outlet", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Delhi Desk  vs  Lahore Ledger" in result.stdout
    assert "silences: said by Delhi Desk only" in result.stdout
    bad = _run("compare", "nowhere", "--by", "outlet", "--db", db)
    assert bad.exit_code == 1
    assert "nowhere: no outlet group of that name" in bad.output


def test_contradictions_json_and_table(db: str) -> None:
    result = _run("contradictions", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    hierarchy = next(c for c in data["contradictions"] if c["kind"] == "hierarchy")
    assert hierarchy["path"] == ["kb:isi part of kb:pakistan"]
    assert data["hedged_disagreements"] == []
    table = _run("contradictions", "--db", db)
    assert table.exit_code == 0 and "incompatible_relation" in table.stdout


def test_ach_formats(db: str, tmp_path: Path) -> None:
    path = tmp_path / "h.yaml"
    path.write_text(HYPOTHESES, encoding="utf-8")
    as_csv = _run("ach", str(path), "--format", "csv", "--db", db)
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0][6:8] == ["H1", "H2"] and len(rows) == 4
    as_json = json.loads(_run("ach", str(path), "--format", "json", "--db", db).stdout)
    assert [r["id"] for r in as_json["ranking"]] == ["H1", "H2"]
    assert "ranking" in _run("ach", str(path), "--db", db).stdout
    path.write_text("hypotheses: [{id: H1, patterns: [{subject: Nobody, relation: supports, object: ISKP}]}]")
    bad = _run("ach", str(path), "--db", db)
    assert bad.exit_code == 1 and "unknown actor 'Nobody'" in bad.output


def test_timeline_check_add_and_list(db: str, tmp_path: Path) -> None:
    result = _run("timeline", "check", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    [flag] = json.loads(result.stdout)
    assert (flag["reference"], flag["stated"]["value"]) == ("ref:taliban-capture-kabul-2021", "2021-12")
    mine = tmp_path / "mine.yaml"
    mine.write_text("- {id: 'ref:growth', date: '2020-01-01', description: 'Branch growth',"
                    " match: [[branch, grown]]}\n", encoding="utf-8")
    assert _run("timeline", "add", str(mine), "--db", db).exit_code == 0
    listed = json.loads(_run("timeline", "list", "--db", db, "--json").stdout)
    assert "ref:growth" in {entry["id"] for entry in listed}
    flags = json.loads(_run("timeline", "check", "--db", db, "--json").stdout)
    assert sorted(f["reference"] for f in flags) == ["ref:growth", "ref:taliban-capture-kabul-2021"]
