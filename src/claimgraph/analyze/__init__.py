"""Narrative comparison: propositions, contradictions, silences, events across sources, Admiralty ratings,
competing hypotheses and the reference timeline. See docs/analysis.md."""

from claimgraph.analyze.ach import AchMatrix, Hypothesis, ach, load_hypotheses, parse_hypotheses
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
from claimgraph.analyze.timeline import (
    DateFlag,
    ReferenceEvent,
    builtin_timeline,
    check_document,
    check_timeline,
    reference_timeline,
)

__all__ = [
    "AchMatrix", "Analysis", "Comparison", "ComparisonReport", "Contradiction", "DateFlag", "Hypothesis",
    "Proposition", "PropositionSummary", "Rating", "ReferenceEvent", "ResolvedEvent", "Statement", "ach",
    "builtin_timeline", "check_document", "check_timeline", "compare", "contradictions", "credibility",
    "hedged_disagreements", "load_hypotheses", "parse_hypotheses", "propositions", "rate", "rated_claim",
    "reference_timeline", "resolve_events", "statements", "stix_confidence",
]
