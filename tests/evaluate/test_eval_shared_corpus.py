"""The scorer on the shared gold files: the files load, and a prediction equal to the gold scores 1.0."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.evaluate import GoldDoc, load_gold, score_documents

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

Perfect = Callable[[GoldDoc], dict[str, Any]]


@pytest.fixture(params=["seeds", "dev"])
def corpus_dir(request: pytest.FixtureRequest) -> Path:
    path = CORPUS / request.param
    if not (path / "gold.jsonl").is_file():
        pytest.skip(f"shared corpus not found at {path.resolve()}")
    return path


def test_every_gold_evidence_is_in_its_document(corpus_dir: Path) -> None:
    docs = load_gold(corpus_dir / "gold.jsonl", corpus_dir / "docs")
    assert docs
    for doc in docs:
        for item in (*doc.events, *doc.relations):
            assert item.evidence in doc.text, (doc.id, item.evidence[:40])
        for actor in doc.actors:
            assert all(mention in doc.text for mention in actor.mentions), (doc.id, actor.canonical)


def test_prediction_equal_to_the_gold_scores_one(corpus_dir: Path, perfect: Perfect) -> None:
    docs = load_gold(corpus_dir / "gold.jsonl", corpus_dir / "docs")
    total = score_documents(docs, {doc.id: perfect(doc) for doc in docs}).total
    assert total.actors.tp == sum(len(doc.actors) for doc in docs)
    assert total.events.tp == sum(1 for doc in docs for e in doc.events if e.kind == "attack")
    for prf in (total.actors, total.events, total.relations_typed, total.relations_untyped):
        assert (prf.f1, prf.fp, prf.fn) == (1.0, 0, 0)
    for acc in (*total.event_fields.values(), total.attribution, total.hedged):
        assert acc.value == 1.0
