"""bench/quality.py: exit 2 without a corpus, tables and JSON with one."""

from __future__ import annotations

import importlib.util
import json
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.evaluate import GoldDoc

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "quality.py"

Perfect = Callable[[GoldDoc], dict[str, Any]]
CorpusWriter = Callable[[Path, GoldDoc, tuple[str, ...]], Path]


@pytest.fixture
def quality() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("quality_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fake_api(monkeypatch: pytest.MonkeyPatch, gold_doc: GoldDoc, perfect: Perfect) -> None:
    """Stand in for claimgraph.api with an extractor that returns the gold, perfectly, for doc t1."""
    api = types.ModuleType("claimgraph.api")

    def extract_text(text: str, doc_id: str) -> dict[str, Any]:
        if doc_id == "broken":
            raise ValueError("unreadable")
        return perfect(gold_doc) if doc_id == "t1" else {}

    api.extract_text = extract_text  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "claimgraph.api", api)


def test_missing_corpus_exits_2_with_a_message(quality: types.ModuleType, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert quality.main(["--corpus", str(tmp_path / "absent")]) == 2
    assert "absent: no corpus there (expected gold.jsonl and docs/)" in capsys.readouterr().err


def test_named_corpora_resolve_under_the_shared_folder(quality: types.ModuleType) -> None:
    shared = SCRIPT.parents[1] / ".." / "shared" / "corpus"
    assert quality.corpus_dirs(None) == [("seeds", shared / "seeds"), ("dev", shared / "dev")]
    assert quality.corpus_dirs("dev") == [("dev", shared / "dev")]
    assert quality.corpus_dirs("/data/mine") == [("mine", Path("/data/mine"))]


@pytest.mark.usefixtures("fake_api")
def test_table_and_json_output(quality: types.ModuleType, tmp_path: Path, gold_doc: GoldDoc,
                               corpus_writer: CorpusWriter, capsys: pytest.CaptureFixture[str]) -> None:
    corpus_writer(tmp_path / "mine", gold_doc, ("t2",))
    assert quality.main(["--corpus", str(tmp_path / "mine")]) == 0
    table = capsys.readouterr().out
    assert table.startswith("== mine (")
    actors_row = next(line for line in table.splitlines() if line.startswith("actors "))
    assert actors_row.split()[1:] == ["1.000", "0.500", "0.667", "4", "0", "4"]

    assert quality.main(["--corpus", str(tmp_path / "mine"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mine"]["summary"]["relations_typed"]["recall"] == 0.5
    assert [d["id"] for d in data["mine"]["per_document"]] == ["t1", "t2"]


@pytest.mark.usefixtures("fake_api")
def test_extractor_failures_are_listed_and_exit_1(
        quality: types.ModuleType, tmp_path: Path, gold_doc: GoldDoc, corpus_writer: CorpusWriter,
        capsys: pytest.CaptureFixture[str]) -> None:
    corpus_writer(tmp_path / "mine", gold_doc, ("broken",))
    assert quality.main(["--corpus", str(tmp_path / "mine")]) == 1
    assert "broken: ValueError: unreadable" in capsys.readouterr().out
