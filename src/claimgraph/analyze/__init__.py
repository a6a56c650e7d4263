"""Narrative comparison: propositions, contradictions, silences, events across sources, ratings, ACH, timeline."""

from claimgraph.analyze.analysis import (
    Analysis,
    PropositionSummary,
    contradictions,
    hedged_disagreements,
    propositions,
    rate,
)
from claimgraph.analyze.compare import Comparison, ComparisonReport, compare
from claimgraph.analyze.contradictions import Contradiction
from claimgraph.analyze.credibility import Rating, credibility, rated_claim, stix_confidence
from claimgraph.analyze.events import ResolvedEvent, resolve_events
from claimgraph.analyze.statements import Proposition, Statement, statements

__all__ = [
    "Analysis", "Comparison", "ComparisonReport", "Contradiction", "Proposition", "PropositionSummary", "Rating",
    "ResolvedEvent", "Statement", "compare", "contradictions", "credibility", "hedged_disagreements",
    "propositions", "rate", "rated_claim", "resolve_events", "statements", "stix_confidence",
]
