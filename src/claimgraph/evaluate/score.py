"""Score extractions (the JSON contract of ``Extraction.to_dict``) against gold annotations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimgraph.evaluate.actors import score_actors
from claimgraph.evaluate.events import evidence_span, score_events
from claimgraph.evaluate.gold import GoldDoc, load_gold
from claimgraph.evaluate.metrics import Accuracy
from claimgraph.evaluate.relations import place_mention_names, score_relations
from claimgraph.evaluate.report import DocScore, Report, Scores

Extractor = Callable[[str, str], dict[str, Any]]


def _evidence_exact(text: str, items: list[dict[str, Any]]) -> Accuracy:
    """How many predicted evidences are the exact document substring at their own offsets."""
    correct = 0
    for item in items:
        evidence = item.get("evidence") or {}
        span = evidence_span(text, evidence)
        correct += int(span is not None and span == (evidence.get("start"), evidence.get("end")))
    return Accuracy(correct, len(items))


def score_document(gold: GoldDoc, predicted: dict[str, Any], failure: str | None = None) -> DocScore:
    """Score one document's extraction; a missing section counts as empty."""
    actors = score_actors(gold, list(predicted.get("actors") or []))
    events = score_events(gold, list(predicted.get("events") or []), actors.alignment)
    relations = score_relations(gold, list(predicted.get("claims") or []), actors.alignment,
                                place_mention_names(predicted))
    evidence_items = [*(predicted.get("events") or []), *(predicted.get("claims") or [])]
    scores = Scores(
        actors=actors.prf, actors_by_type=actors.by_type, actor_type=actors.type_accuracy,
        events=events.prf, event_fields=events.fields,
        relations_typed=relations.typed, relations_by_relation=relations.by_relation,
        relations_typed_without_person_links=relations.typed_without_person_links,
        relations_untyped=relations.untyped, attribution=relations.attribution, hedged=relations.hedged,
        evidence_exact=_evidence_exact(gold.text, evidence_items))
    errors = {"actors": actors.errors, "events": events.errors, "relations": relations.errors}
    return DocScore(gold.id, scores, errors, failure)


def score_documents(gold: list[GoldDoc], predicted: dict[str, dict[str, Any]]) -> Report:
    """Score predictions keyed by gold document id; a document with no prediction counts as empty."""
    return Report([score_document(doc, predicted.get(doc.id) or {}) for doc in gold])


def evaluate_corpus(gold_path: Path, docs_dir: Path, extract: Extractor) -> Report:
    """Run ``extract(text, doc_id)`` on every gold document and score the results.

    A document on which the extractor raises is scored as an empty prediction and listed, with the
    error, in ``Report.failures``; the other documents go on.
    """
    documents = []
    for doc in load_gold(gold_path, docs_dir):
        try:
            prediction, failure = extract(doc.text, doc.id), None
        except Exception as err:  # one bad document must not stop the run; the report names it
            prediction, failure = {}, f"{type(err).__name__}: {err}"
        documents.append(score_document(doc, prediction, failure))
    return Report(documents)
