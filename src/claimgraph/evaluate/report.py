"""The scorer's results: per document and micro-averaged over a corpus, as JSON or a plain text table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimgraph.evaluate.metrics import PRF, Accuracy, merge_accuracy, merge_prf


@dataclass(frozen=True)
class Scores:
    """Every count the scorer keeps; adding two gives their micro-averaged union."""

    actors: PRF = PRF()
    actors_by_type: dict[str, PRF] = field(default_factory=dict)
    actor_type: Accuracy = Accuracy()
    events: PRF = PRF()
    event_fields: dict[str, Accuracy] = field(default_factory=dict)
    relations_typed: PRF = PRF()
    relations_by_relation: dict[str, PRF] = field(default_factory=dict)
    relations_typed_without_person_links: PRF = PRF()
    relations_untyped: PRF = PRF()
    attribution: Accuracy = Accuracy()
    hedged: Accuracy = Accuracy()
    evidence_exact: Accuracy = Accuracy()

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            actors=self.actors + other.actors,
            actors_by_type=merge_prf([self.actors_by_type, other.actors_by_type]),
            actor_type=self.actor_type + other.actor_type,
            events=self.events + other.events,
            event_fields=merge_accuracy([self.event_fields, other.event_fields]),
            relations_typed=self.relations_typed + other.relations_typed,
            relations_by_relation=merge_prf([self.relations_by_relation, other.relations_by_relation]),
            relations_typed_without_person_links=(self.relations_typed_without_person_links
                                                  + other.relations_typed_without_person_links),
            relations_untyped=self.relations_untyped + other.relations_untyped,
            attribution=self.attribution + other.attribution,
            hedged=self.hedged + other.hedged,
            evidence_exact=self.evidence_exact + other.evidence_exact)

    def to_dict(self) -> dict[str, Any]:
        return {
            "actors": self.actors.to_dict(),
            "actors_by_type": {k: v.to_dict() for k, v in self.actors_by_type.items()},
            "actor_type_accuracy": self.actor_type.to_dict(),
            "events": self.events.to_dict(),
            "event_fields": {k: v.to_dict() for k, v in self.event_fields.items()},
            "relations_typed": self.relations_typed.to_dict(),
            "relations_typed_by_relation": {k: v.to_dict() for k, v in self.relations_by_relation.items()},
            "relations_typed_without_person_links": self.relations_typed_without_person_links.to_dict(),
            "relations_untyped": self.relations_untyped.to_dict(),
            "attribution": self.attribution.to_dict(),
            "hedged": self.hedged.to_dict(),
            "evidence_exact": self.evidence_exact.to_dict(),
        }


@dataclass(frozen=True)
class DocScore:
    """One document's scores, its false positives and negatives, and the extraction error if any."""

    doc_id: str
    scores: Scores
    errors: dict[str, dict[str, list[Any]]]
    failure: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.doc_id, "failure": self.failure, **self.scores.to_dict(), "errors": self.errors}


@dataclass(frozen=True)
class Report:
    """Scores of a corpus: the micro-averaged total and each document."""

    documents: list[DocScore]

    @property
    def total(self) -> Scores:
        return sum((d.scores for d in self.documents), Scores())

    @property
    def failures(self) -> dict[str, str]:
        """Document id → why the extractor failed on it (such documents count as empty predictions)."""
        return {d.doc_id: d.failure for d in self.documents if d.failure}

    def to_dict(self) -> dict[str, Any]:
        return {"documents": len(self.documents), "failures": self.failures, "summary": self.total.to_dict(),
                "per_document": [d.to_dict() for d in self.documents]}

    def format_table(self) -> str:
        """The summary as a plain text table: P/R/F1 with counts, then accuracies."""
        total = self.total
        prf_rows: list[tuple[str, PRF]] = [("actors", total.actors)]
        prf_rows += [(f"  {kind}", prf) for kind, prf in total.actors_by_type.items()]
        prf_rows += [("attack events", total.events), ("relations typed", total.relations_typed)]
        prf_rows += [(f"  {relation}", prf) for relation, prf in total.relations_by_relation.items()]
        prf_rows += [("relations typed, no person links", total.relations_typed_without_person_links),
                     ("relations untyped", total.relations_untyped)]
        lines = [f"{'metric':<34}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        lines += [f"{name:<34}{p.precision:>7.3f}{p.recall:>7.3f}{p.f1:>7.3f}{p.tp:>6}{p.fp:>6}{p.fn:>6}"
                  for name, p in prf_rows]
        acc_rows = [(f"event {name}", acc) for name, acc in total.event_fields.items()]
        acc_rows += [("actor type", total.actor_type), ("attribution", total.attribution),
                     ("hedged", total.hedged), ("evidence exact", total.evidence_exact)]
        lines += ["", f"{'accuracy':<34}{'acc':>7}{'right':>8}{'of':>6}"]
        lines += [f"{name:<34}{'-' if a.value is None else f'{a.value:.3f}':>7}{a.correct:>8}{a.total:>6}"
                  for name, a in acc_rows]
        lines.append("")
        lines.append(f"{len(self.documents)} documents, {len(self.failures)} failed")
        lines += [f"  {doc_id}: {reason}" for doc_id, reason in self.failures.items()]
        return "\n".join(lines)
