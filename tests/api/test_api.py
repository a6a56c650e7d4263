"""The Python API: extract_text, extract_paths, ingest_paths, kb_for_store, run_demo and lazy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import claimgraph
from claimgraph import api
from claimgraph.errors import KBError
from claimgraph.ingest import DocDefaults
from claimgraph.model import text_id
from claimgraph.store import open_store

BANNU = (
    "Tehrik-i-Taliban Pakistan (TTP) attacked a police post in Bannu on 4 March 2024, killing three officers. "
    "Pakistan says the Afghan Taliban shelter the TTP.\n"
)
NAWA_1 = "The Tehreek-e-Nawa Front attacked a checkpoint in Quetta on 3 May 2024, killing two soldiers.\n"
NAWA_2 = "Fighters of the Tehrik-i-Nawa Front attacked a bank in Quetta in June 2024. Police blamed the group.\n"


@pytest.fixture
def store(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'api.db'}") as opened:
        yield opened


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extract_text_returns_the_contract_with_metadata():
    result = claimgraph.extract_text(BANNU, "bannu-note", outlet="Desk", published="2024-03-05")
    assert result["document"] == {
        "id": text_id(BANNU),
        "title": "bannu-note",
        "url": None,
        "outlet": "Desk",
        "published": "2024-03-05",
    }
    assert "kb:ttp" in {a["id"] for a in result["actors"]}
    for claim in result["claims"]:
        span = claim["evidence"]
        assert BANNU[span["start"] : span["end"]] == span["text"]


def test_extract_paths_keeps_input_order_and_reports_failures(tmp_path):
    a, b = write(tmp_path, "a.txt", NAWA_2), write(tmp_path, "b.txt", BANNU)
    extractions, failures = claimgraph.extract_paths([b, tmp_path / "none.txt", a], DocDefaults(outlet="Default Desk"))
    assert [e.document.source for e in extractions] == [str(b), str(a)]
    assert all(e.document.outlet == "Default Desk" for e in extractions)
    assert [f.source for f in failures] == [str(tmp_path / "none.txt")]


def test_ingest_reports_progress_and_duplicates(tmp_path, store):
    paths = [write(tmp_path, "a.txt", BANNU), write(tmp_path, "b.txt", NAWA_1)]
    seen: list[tuple[str, str]] = []
    report = claimgraph.ingest_paths(paths, store, progress=lambda source, status: seen.append((source, status)))
    assert [d.source for d in report.ingested] == [str(p) for p in paths]
    assert seen == [(str(p), "ingested") for p in paths]
    again = claimgraph.ingest_paths(paths, store)
    assert again.ingested == [] and [d.result.doc_id for d in again.duplicates] == [text_id(BANNU), text_id(NAWA_1)]


def test_document_that_fails_extraction_is_reported_and_nothing_of_it_stored(tmp_path, store, monkeypatch):
    real = api.extract_document

    def fragile(doc, kb=None):
        if "Nawa" in doc.text:
            raise ValueError("extractor tripped")
        return real(doc, kb)

    monkeypatch.setattr(api, "extract_document", fragile)
    paths = [write(tmp_path, "good.txt", BANNU), write(tmp_path, "bad.txt", NAWA_1)]
    report = claimgraph.ingest_paths(paths, store)
    assert [d.source for d in report.ingested] == [str(paths[0])]
    assert [str(f) for f in report.failed] == [f"{paths[1]}: extraction failed (ValueError: extractor tripped)"]
    assert [d["id"] for d in store.documents()] == [text_id(BANNU)]
    assert not store.has_document(text_id(NAWA_1))


def test_same_unknown_group_gets_one_id_across_documents(tmp_path, store):
    report = claimgraph.ingest_paths([write(tmp_path, "n1.txt", NAWA_1), write(tmp_path, "n2.txt", NAWA_2)], store)
    assert len(report.ingested) == 2
    discovered = [a for a in store.actors(origin="new") if "Nawa" in a["name"]]
    assert len(discovered) == 1, discovered
    assert discovered[0]["documents"] == 2
    assert "Tehrik-i-Nawa Front" in [discovered[0]["name"], *discovered[0]["aliases"]]
    ids = {a.id for e in store.corpus().extractions for a in e.actors if "Nawa" in a.name}
    assert ids == {discovered[0]["id"]}


def test_user_kb_kept_in_the_store_is_used(tmp_path, store):
    kb_file = write(
        tmp_path,
        "mine.yaml",
        "actors:\n  - {id: nawa-front, name: Nawa Front, type: armed_group,"
        " aliases: [Tehreek-e-Nawa Front, Tehrik-i-Nawa Front]}\n",
    )
    assert api.kb_add_file(store, kb_file) == (1, 0)
    assert api.kb_for_store(store).actor("kb:nawa-front").name == "Nawa Front"
    claimgraph.ingest_paths([write(tmp_path, "n1.txt", NAWA_1)], store)
    assert "kb:nawa-front" in {a["id"] for a in store.actors()}
    bad = write(tmp_path, "bad.yaml", "actors:\n  - {id: x-front, name: X Front, type: armed_group, parent: nowhere}\n")
    with pytest.raises(KBError, match="nowhere"):
        api.kb_add_file(store, bad)
    assert [e["id"] for e in store.kb_entries()] == ["kb:nawa-front"]


def test_run_demo_summarises_the_sample_corpus(tmp_path):
    summary = claimgraph.run_demo(f"sqlite:///{tmp_path / 'demo.db'}")
    samples = list(api.sample_corpus().glob("*.md"))
    assert summary.report.failed == []
    assert len(summary.documents) == len(samples) > 0
    stored = len(summary.report.ingested) + len(summary.report.near_duplicates)
    assert stored == len(samples)
    assert summary.relations and all(r["sources"] for r in summary.relations)
    assert summary.actors_by_type
    data = summary.to_dict()
    assert set(data) == {"db", "ingest", "documents", "actors_by_type", "relations", "events"}


def test_import_claimgraph_is_cheap_and_exports_load_on_use():
    code = (
        "import sys, claimgraph; loaded = sorted(m for m in sys.modules if m.startswith('claimgraph.')); "
        "print(loaded); claimgraph.open_store; print('claimgraph.store' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "[]" and out[1] == "True"
    with pytest.raises(AttributeError):
        claimgraph.no_such_name  # noqa: B018
