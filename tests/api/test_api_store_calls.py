"""The Python API over a store: rated listings, compare, contradictions, export, import_stix and report.

Each call takes an open Store or a store URL; the store is built from short articles written for the tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph import api
from claimgraph.analyze import rate
from claimgraph.cli.app import app
from claimgraph.errors import InputError, StoreError
from claimgraph.store import open_store

ARTICLES = {
    "kunar.md": ("Desk One", "indian", "The Afghan Taliban shelter Tehrik-i-Taliban Pakistan (TTP) fighters in Kunar."),
    "bannu.md": (
        "Desk Two",
        "indian",
        "The Afghan Taliban support the TTP. The TTP attacked a police post in Bannu on 4 March 2024, killing "
        "five officers.",
    ),
    "kabul.md": (
        "Desk Three",
        "afghan",
        "The Afghan Taliban denied that they shelter the TTP, a spokesman said in Kabul.",
    ),
}


@pytest.fixture
def url(tmp_path: Path) -> str:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, (outlet, perspective, text) in ARTICLES.items():
        (folder / name).write_text(
            f"---\ntitle: {Path(name).stem}\noutlet: {outlet}\ntags:\n  perspective: {perspective}\n---\n{text}\n",
            encoding="utf-8",
        )
    db = f"sqlite:///{tmp_path / 'api.db'}"
    with open_store(db) as store:
        report = api.ingest_paths([folder], store)
    assert len(report.ingested) == 3 and not report.failed
    return db


def test_rated_claims_take_a_url_or_a_store_and_rate_over_the_whole_store(url):
    by_url = api.rated_claims(url)
    with open_store(url) as store:
        assert api.rated_claims(store) == by_url
        expected = rate(store.corpus(), api.kb_for_store(store))
        assert {c["id"]: c["rating"] for c in by_url} == {c["id"]: expected[c["id"]].to_dict() for c in by_url}
        one_doc = api.rated_claims(store, doc="kunar")
        assert len(one_doc) == 1 and one_doc[0]["rating"]["credibility"] == 4  # Desk Two for, the spokesman against
        store.set_grade("Desk One", "B")
        assert api.rated_claims(store, doc="kunar")[0]["rating"]["admiralty"] == "B4"
        ratings = api.store_ratings(store)
        assert api.rated_claims(store, doc="kunar", ratings=ratings) == api.rated_claims(store, doc="kunar")
    events = api.rated_events(url, actor="TTP")
    assert len(events) == 1 and events[0]["rating"]["reliability"] == "F"


def test_contradictions_and_compare(url):
    conflicts = api.contradictions(url)
    assert {c.kind for c in conflicts.contradictions} == {"polarity"}
    assert len(conflicts.contradictions) == 2  # the spokesman's denial against each outlet's author
    assert conflicts.hedged_disagreements == []
    listed = CliRunner().invoke(app, ["contradictions", "--db", url, "--json"])
    assert listed.exit_code == 0 and json.loads(listed.stdout) == conflicts.to_dict()

    report = api.compare(url, by="perspective", a="afghan", b="indian")
    (comparison,) = report.comparisons
    assert len(comparison.contradictions) == 2 and comparison.agreements == []
    with open_store(url) as store:
        assert api.compare(store, by="perspective").to_dict() == report.to_dict()  # the only pair of groups
    with pytest.raises(InputError):
        api.compare(url, by="perspective", a="nowhere")


def test_export_then_import_stix_keeps_the_claims(url, tmp_path):
    bundle = tmp_path / "bundle.json"
    written = api.export(url, "stix", bundle, timestamp=datetime(2025, 1, 2, tzinfo=UTC))
    assert written == [bundle]
    objects = json.loads(bundle.read_text())["objects"]
    assert any(o.get("relationship_type") == "supports" for o in objects)

    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"  # does not exist yet: import makes it
    found = api.import_stix(bundle, fresh)
    assert found.extractions and not found.skipped
    imported = {(c["subject"], c["relation"], c["polarity"]) for c in api.rated_claims(fresh)}
    original = {(c["subject"], c["relation"], c["polarity"]) for c in api.rated_claims(url)}
    assert imported == original

    csv_files = api.export(url, "csv", tmp_path / "tables", actor="Afghan Taliban")
    assert sorted(p.name for p in csv_files) == ["tables-actors.csv", "tables-claims.csv", "tables-events.csv"]
    with pytest.raises(InputError):
        api.export(url, "pdf", tmp_path / "x.pdf")


def test_report_is_an_html_briefing_of_the_store(url):
    page = api.report(url, actor="TTP", generated=datetime(2025, 1, 2, tzinfo=UTC))
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "2025-01-02 00:00 UTC" in page
    assert "shelter the TTP" in page  # the denial's evidence sentence
    with pytest.raises(InputError):
        api.report(url, actor="TTP", topic="Bannu")


def test_calls_on_a_missing_store_fail_clearly(tmp_path):
    missing = f"sqlite:///{tmp_path / 'none.db'}"
    for call in (api.rated_claims, api.contradictions, api.compare, api.report):
        with pytest.raises(StoreError):
            call(missing)
    assert not (tmp_path / "none.db").exists()


def test_the_exports_and_minhash_load_only_when_called():
    code = (
        "import sys, json, claimgraph.api; "
        "print(json.dumps([m for m in ('claimgraph.export', 'stix2validator', 'datasketch') if m in sys.modules]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []
