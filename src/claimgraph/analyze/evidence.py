"""What a reader needs to check one side of a comparison: the sentence, the document, the speaker, the rating."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimgraph.analyze.credibility import Rating
from claimgraph.analyze.events import EventReport
from claimgraph.analyze.names import NameBook
from claimgraph.analyze.statements import Statement, doc_label
from claimgraph.model import Span


@dataclass(frozen=True)
class Evidence:
    """One claim or event report, located in its document and rated."""

    ref: str  # the claim's or event's id
    summary: str  # "Inter-Services Intelligence supports Islamic State Khorasan Province"
    document: str
    document_label: str
    outlet: str | None
    speaker: str
    text: str
    start: int
    end: int
    polarity: str
    hedged: bool
    rating: Rating | None = None
    also: tuple[Span, ...] = ()  # further sentences of the same document saying the same


    def to_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, "summary": self.summary, "document": self.document,
                "document_label": self.document_label, "outlet": self.outlet, "speaker": self.speaker,
                "polarity": self.polarity, "hedged": self.hedged,
                "evidence": {"start": self.start, "end": self.end, "text": self.text},
                "also": [span.to_dict() for span in self.also],
                "rating": self.rating.to_dict() if self.rating else None}


def statement_summary(statement: Statement, names: NameBook) -> str:
    claim = statement.claim
    negation = "not " if statement.negated else ""
    hedge = "(hedged) " if statement.hedged else ""
    return f"{hedge}{names(claim.subject)} {negation}{claim.relation} {names(claim.object)}"


def report_summary(report: EventReport, names: NameBook) -> str:
    event = report.event
    parts = [event.kind]
    if event.place:
        parts.append(f"at {event.place.name}" + (f" ({event.place.country})" if event.place.country else ""))
    if event.date:
        parts.append(f"on {event.date}")
    if event.perpetrators:
        parts.append("by " + ", ".join(names(p) for p in event.perpetrators))
    if event.claimed_by:
        parts.append("claimed by " + ", ".join(names(c) for c in event.claimed_by))
    if event.killed is not None:
        parts.append(f"{event.killed} killed")
    if event.wounded is not None:
        parts.append(f"{event.wounded} wounded")
    return " ".join(parts)


def statement_evidence(statement: Statement, names: NameBook, rating: Rating | None) -> Evidence:
    claim, doc = statement.claim, statement.document
    return Evidence(claim.id, statement_summary(statement, names), doc.id, doc_label(doc), doc.outlet,
                    statement.speaker_name, claim.evidence.text, claim.evidence.start, claim.evidence.end,
                    claim.polarity, claim.hedged, rating,
                    tuple(dict.fromkeys(c.evidence for c in statement.repeats if c.evidence != claim.evidence)))


def report_evidence(report: EventReport, names: NameBook, rating: Rating | None) -> Evidence:
    event, doc = report.event, report.document
    return Evidence(event.id, report_summary(report, names), doc.id, doc_label(doc), doc.outlet,
                    report.speaker_name, event.evidence.text, event.evidence.start, event.evidence.end,
                    "affirmed", event.hedged, rating)
