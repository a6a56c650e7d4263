"""bench/throughput.py: both phases run in child processes and the report holds their measurements."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest


def test_a_small_run_measures_extract_and_ingest(throughput: ModuleType, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "throughput.json"
    status = throughput.main(["--docs", "4", "--seed", "11", "--out", str(out)])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert status == 0, report["phases"]
    words = report["corpus"]["words"]
    assert report["corpus"]["documents"] == 4 and words > 4 * 300
    extract, ingest = report["phases"]["extract"], report["phases"]["ingest"]
    assert extract["documents"] == 4 and extract["words"] == words
    assert extract["actors"] > 0
    assert ingest["ingested"] == 4 and ingest["failed"] == 0
    for phase in (extract, ingest):
        assert phase["docs_per_s"] == phase["documents"] / phase["seconds"]
        assert phase["words_per_s"] == phase["words"] / phase["seconds"]
        assert phase["peak_rss_mib"] >= phase["setup_rss_mib"] > 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["phase", "docs", "words"]
    assert any(line.startswith("ingest") and " 4 " in line for line in table.splitlines())


def test_a_failing_phase_is_reported_with_its_reason(throughput: ModuleType, tmp_path: Path) -> None:
    result = throughput.run_phase_in_child("extract", tmp_path / "missing", 0)
    assert "corpus.jsonl" in result["error"]
