"""The export, import and report commands over a real store."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

import claimgraph.cli.exports  # noqa: F401  (registers export, import and report on the app)
from claimgraph.cli.app import app
from claimgraph.export.stix_export import validate
from claimgraph.store import open_store

runner = CliRunner()


@pytest.fixture()
def db(corpus, tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    with open_store(url) as store:
        for extraction in corpus.extractions:
            store.add(extraction)
        for outlet, grade in corpus.grades.items():
            store.set_grade(outlet, grade)
    return url


def _run(*args: str):
    return runner.invoke(app, list(args))


def test_export_stix_then_import_into_a_fresh_store_keeps_the_claims(db, tmp_path):
    bundle = tmp_path / "out.json"
    result = _run("export", "--format", "stix", "-o", str(bundle), "--db", db)
    assert result.exit_code == 0, result.output
    assert validate(bundle.read_text()).valid
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    result = _run("import", str(bundle), "--db", fresh)
    assert result.exit_code == 0, result.output
    assert "2 of 2 documents stored (10 claims, 1 events)" in result.output
    with open_store(fresh) as store:
        stored = store.corpus()
        relations = {(c.subject, c.relation, c.polarity) for e in stored.extractions for c in e.claims}
    with open_store(db) as store:
        original = {(c.subject, c.relation, c.polarity) for e in store.corpus().extractions for c in e.claims}
    assert relations == original
    again = _run("import", str(bundle), "--db", fresh)
    assert "0 of 2 documents stored" in again.output  # the same bundle twice adds nothing


def test_export_csv_with_filters_and_profile(db, tmp_path):
    result = _run("export", "-f", "csv", "-o", str(tmp_path / "hb"), "--actor", "Hill Brigade", "--db", db)
    assert result.exit_code == 0, result.output
    claims = pd.read_csv(tmp_path / "hb-claims.csv")
    assert set(claims["claim_id"]) == {"a2", "b1", "b5"}
    result = _run("export", "-f", "stix", "--profile", "opencti", "-o", str(tmp_path / "o.json"), "--db", db)
    types = {o.get("relationship_type") for o in json.loads((tmp_path / "o.json").read_text())["objects"]}
    assert "related-to" in types and "rival-of" not in types


def test_report_writes_a_briefing(db, tmp_path):
    out = tmp_path / "brief.html"
    result = _run("report", "--actor", "RVF", "-o", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    assert "Briefing: Red Valley Front" in out.read_text()


def test_errors_are_one_line_with_exit_status_1(db, tmp_path):
    cases = [("export", "-f", "json", "-o", str(tmp_path / "x.json"), "--actor", "Nobody", "--db", db),
             ("export", "-f", "json", "-o", str(tmp_path / "no" / "x.json"), "--db", db),
             ("import", str(tmp_path / "missing.json"), "--db", db),
             ("report", "--actor", "RVF", "--topic", "x", "-o", str(tmp_path / "b.html"), "--db", db)]
    for args in cases:
        result = _run(*args)
        assert result.exit_code == 1, (args, result.output)
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), result.output
