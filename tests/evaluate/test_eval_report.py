from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.evaluate import PRF, Accuracy, GoldDoc, evaluate_corpus, load_gold, score_documents

Perfect = Callable[[GoldDoc], dict[str, Any]]
CorpusWriter = Callable[[Path, GoldDoc, tuple[str, ...]], Path]


def test_perfect_prediction_scores_one_everywhere(gold_doc: GoldDoc, perfect: Perfect) -> None:
    report = score_documents([gold_doc], {"t1": perfect(gold_doc)})
    total = report.total
    for prf in (total.actors, total.events, total.relations_typed, total.relations_untyped,
                total.relations_typed_without_person_links, *total.actors_by_type.values()):
        assert (prf.precision, prf.recall, prf.f1, prf.fp, prf.fn) == (1.0, 1.0, 1.0, 0, 0)
    for acc in (*total.event_fields.values(), total.attribution, total.hedged, total.evidence_exact):
        assert acc.value == 1.0
    errors = report.documents[0].errors
    assert all(not items for section in errors.values() for items in section.values())


def test_counts_add_up_over_documents(gold_doc: GoldDoc, perfect: Perfect) -> None:
    other = GoldDoc("t2", gold_doc.text, gold_doc.actors[:2], (), gold_doc.relations[:1])
    report = score_documents([gold_doc, other], {"t1": perfect(gold_doc)})
    assert report.total.actors == PRF(tp=4, fn=2)
    assert report.total.relations_typed == PRF(tp=4, fn=1)
    assert report.total.actors.recall == pytest.approx(4 / 6)
    assert [d.scores.actors for d in report.documents] == [PRF(tp=4), PRF(fn=2)]
    assert report.total.attribution == Accuracy(4, 4)


def test_to_dict_is_json_and_carries_documents_and_errors(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    prediction["actors"].pop()
    data = json.loads(json.dumps(score_documents([gold_doc], {"t1": prediction}).to_dict()))
    assert data["documents"] == 1
    assert data["summary"]["actors"] == {"precision": 1.0, "recall": 0.75,
                                         "f1": pytest.approx(0.8571, abs=1e-4), "tp": 3, "fp": 0, "fn": 1}
    doc = data["per_document"][0]
    assert doc["id"] == "t1"
    assert doc["errors"]["actors"]["false_negatives"] == [{"name": "Grey Banner", "type": "armed_group"}]
    assert set(data["summary"]["event_fields"]) == {"date", "place", "perpetrator", "killed", "wounded",
                                                    "claimed_by"}


def test_format_table_lists_each_metric(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    prediction["claims"] = []
    table = score_documents([gold_doc], {"t1": prediction}).format_table()
    rows = {line[:34].strip(): line[34:].split() for line in table.splitlines() if line.strip()}
    assert rows["actors"] == ["1.000", "1.000", "1.000", "4", "0", "0"]
    assert rows["relations typed"] == ["0.000", "0.000", "0.000", "0", "0", "4"]
    assert rows["event date"] == ["1.000", "1", "1"]
    assert rows["attribution"] == ["-", "0", "0"]


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10_000))
def test_scores_do_not_depend_on_the_order_of_items(gold_doc: GoldDoc, perfect: Perfect, seed: int) -> None:
    prediction = perfect(gold_doc)
    prediction["actors"].append({"id": "x", "name": "Kestrel Front", "type": "armed_group", "aliases": [],
                                 "mentions": []})
    prediction["claims"].append(dict(prediction["claims"][0], subject="kb:3", id="extra"))
    baseline = score_documents([gold_doc], {"t1": prediction}).to_dict()["summary"]
    rng = random.Random(seed)
    for key in ("actors", "claims", "events"):
        rng.shuffle(prediction[key])
    assert score_documents([gold_doc], {"t1": prediction}).to_dict()["summary"] == baseline


@pytest.fixture
def gold_file(tmp_path: Path, gold_doc: GoldDoc, corpus_writer: CorpusWriter) -> Path:
    return corpus_writer(tmp_path, gold_doc, ())


def test_load_gold_reads_the_documents(tmp_path: Path, gold_doc: GoldDoc, gold_file: Path) -> None:
    loaded = load_gold(gold_file, tmp_path / "docs")
    assert loaded == [gold_doc]


def test_load_gold_rejects_evidence_missing_from_the_text(tmp_path: Path, gold_file: Path) -> None:
    path = gold_file
    (tmp_path / "docs" / "t1.txt").write_text("A different text altogether.", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:1: evidence not found in t1\.txt"):
        load_gold(path, tmp_path / "docs")


def test_load_gold_names_a_missing_document(tmp_path: Path, gold_file: Path) -> None:
    path = gold_file
    (tmp_path / "docs" / "t1.txt").unlink()
    with pytest.raises(InputError, match=r"gold\.jsonl:1: document .*t1\.txt cannot be read"):
        load_gold(path, tmp_path / "docs")


def test_load_gold_names_a_bad_line(tmp_path: Path, gold_file: Path) -> None:
    path = gold_file
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: not valid JSON"):
        load_gold(path, tmp_path / "docs")
    path.write_text('{"id": "t1", "events": [{"kind": "attack"}]}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:1: gold record lacks a required field"):
        load_gold(path, tmp_path / "docs")


def test_evaluate_corpus_runs_the_extractor_and_goes_on_after_a_failure(
        tmp_path: Path, gold_doc: GoldDoc, perfect: Perfect, corpus_writer: CorpusWriter) -> None:
    path = corpus_writer(tmp_path, gold_doc, ("t2",))
    seen: list[tuple[str, str]] = []

    def extract(text: str, doc_id: str) -> dict[str, Any]:
        seen.append((doc_id, text))
        if doc_id == "t2":
            raise ValueError("cannot parse")
        return perfect(gold_doc)

    report = evaluate_corpus(path, tmp_path / "docs", extract)
    assert seen == [("t1", gold_doc.text), ("t2", gold_doc.text)]
    assert report.failures == {"t2": "ValueError: cannot parse"}
    assert report.total.actors == PRF(tp=4, fn=4)
    assert "t2: ValueError: cannot parse" in report.format_table()
