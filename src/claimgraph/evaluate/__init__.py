"""claimgraph.evaluate: score extractions against gold annotations (see docs/evaluation.md)."""

from claimgraph.evaluate.gold import GoldActor, GoldDoc, GoldEvent, GoldRelation, load_gold
from claimgraph.evaluate.metrics import PRF, Accuracy
from claimgraph.evaluate.report import DocScore, Report, Scores
from claimgraph.evaluate.score import Extractor, evaluate_corpus, score_document, score_documents

__all__ = ["PRF", "Accuracy", "DocScore", "Extractor", "GoldActor", "GoldDoc", "GoldEvent", "GoldRelation",
           "Report", "Scores", "evaluate_corpus", "load_gold", "score_document", "score_documents"]
