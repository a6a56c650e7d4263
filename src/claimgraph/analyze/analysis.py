"""One analysis of a corpus: statements, propositions, events, conflicts and ratings, each computed once.

The module-level functions (``propositions``, ``contradictions``, ``hedged_disagreements``, ``rate``) are
the entry points for one-off questions; build an ``Analysis`` to ask several of the same corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from claimgraph.analyze.conflicts import ClaimIndex, Clash
from claimgraph.analyze.contradictions import Contradiction, claim_contradiction, event_contradiction
from claimgraph.analyze.credibility import Rating, rate_claims, rate_events
from claimgraph.analyze.events import (
    DEFAULT_WINDOW_DAYS,
    EventClash,
    EventReport,
    ResolvedEvent,
    event_clashes,
    resolve_events,
)
from claimgraph.analyze.evidence import Evidence, report_evidence, statement_evidence
from claimgraph.analyze.names import NameBook
from claimgraph.analyze.statements import (
    STANCES,
    Proposition,
    Statement,
    copies_of,
    facet_values,
    statements,
)
from claimgraph.kb import KnowledgeBase
from claimgraph.model import Corpus

Located = tuple[Contradiction, Statement | EventReport, Statement | EventReport]
STANCE_KEYS = {"affirms": "affirmed_by", "denies": "denied_by", "hedges": "hedged_by"}


@dataclass
class PropositionSummary:
    """One proposition and every statement of it, by stance."""

    proposition: Proposition
    statements: list[Statement]
    names: NameBook
    evidence: list[Evidence]

    def by_stance(self, stance: str) -> list[Statement]:
        return [st for st in self.statements if st.stance == stance]

    def to_dict(self) -> dict[str, Any]:
        prop = self.proposition
        stances = {STANCE_KEYS[stance]: facet_values(self.by_stance(stance)) for stance in STANCES}
        return {"subject": prop.subject, "relation": prop.relation, "object": prop.object,
                "summary": self.names.triple(prop.subject, prop.relation, prop.object),
                **stances, "copies": copies_of(self.statements),
                "evidence": [item.to_dict() for item in self.evidence]}


class Analysis:
    """The analysis of one corpus against one knowledge base."""

    def __init__(self, corpus: Corpus, kb: KnowledgeBase, window_days: int = DEFAULT_WINDOW_DAYS) -> None:
        self.corpus = corpus
        self.kb = kb
        self.window_days = window_days

    @cached_property
    def names(self) -> NameBook:
        names = NameBook(self.corpus, self.kb)
        names.add({event.id: event.label for event in self.events})
        return names

    @cached_property
    def statements(self) -> list[Statement]:
        """The corpus's statements; claims of responsibility name the events resolved across documents."""
        resolved = {report.event.id: event.id for event in self.events for report in event.reports}
        return statements(self.corpus, resolved)

    @cached_property
    def index(self) -> ClaimIndex:
        return ClaimIndex(self.statements, self.kb)

    @cached_property
    def events(self) -> list[ResolvedEvent]:
        return resolve_events(self.corpus, self.window_days)

    @cached_property
    def event_clashes(self) -> list[EventClash]:
        return event_clashes(self.events, self.kb)

    @cached_property
    def claim_ratings(self) -> dict[str, Rating]:
        return rate_claims(self.corpus, self.index)

    @cached_property
    def event_ratings(self) -> dict[str, Rating]:
        return rate_events(self.events, self.event_clashes, self.corpus.grades)

    def evidence(self, item: Statement | EventReport) -> Evidence:
        if isinstance(item, Statement):
            return statement_evidence(item, self.names, self.claim_ratings.get(item.claim.id))
        return report_evidence(item, self.names, self.event_ratings.get(item.event.id))

    def _claim_conflict(self, clash: Clash, first: Statement, second: Statement) -> Located:
        one, two = self.evidence(first), self.evidence(second)
        if _place(two) < _place(one):
            first, second, one, two = second, first, two, one
        return claim_contradiction(clash, one, two, (first, second), self.names), first, second

    def _event_conflict(self, clash: EventClash) -> Located:
        first, second = clash.first, clash.second
        one, two = self.evidence(first), self.evidence(second)
        if _place(two) < _place(one):
            first, second, one, two = second, first, two, one
        return event_contradiction(clash, one, two, self.names), first, second

    @cached_property
    def located_conflicts(self) -> list[Located]:
        """Every conflict with the two statements or event reports behind it, sorted by the actors it is about
        (so that the conflicts over one pair of actors come together), then kind, then place."""
        found = [self._claim_conflict(*item) for item in self.index.clashes()]
        found += [self._event_conflict(clash) for clash in self.event_clashes]
        return sorted(found, key=lambda item: (sorted(item[0].about), item[0].kind, _place(item[0].first),
                                               _place(item[0].second)))

    @property
    def conflicts(self) -> list[Contradiction]:
        """Every contradiction and hedged disagreement."""
        return [item[0] for item in self.located_conflicts]

    def contradictions(self) -> list[Contradiction]:
        return [c for c in self.conflicts if c.is_contradiction]

    def hedged_disagreements(self) -> list[Contradiction]:
        return [c for c in self.conflicts if not c.is_contradiction]

    @cached_property
    def propositions(self) -> list[PropositionSummary]:
        grouped: dict[Proposition, list[Statement]] = {}
        for statement in self.statements:
            grouped.setdefault(statement.proposition, []).append(statement)
        return [PropositionSummary(prop, items, self.names, [self.evidence(st) for st in items])
                for prop, items in sorted(grouped.items())]


def _place(evidence: Evidence) -> tuple[str, int, str]:
    return evidence.document_label, evidence.start, evidence.ref


def propositions(corpus: Corpus, kb: KnowledgeBase) -> list[PropositionSummary]:
    """Every proposition of the corpus with the documents, outlets, perspectives and speakers behind each stance."""
    return Analysis(corpus, kb).propositions


def contradictions(corpus: Corpus, kb: KnowledgeBase) -> list[Contradiction]:
    """Every conflict between sources: polarity, incompatible_relation, hierarchy and event_detail."""
    return Analysis(corpus, kb).contradictions()


def hedged_disagreements(corpus: Corpus, kb: KnowledgeBase) -> list[Contradiction]:
    """Propositions one source hedges and another asserts outright (shown apart: not contradictions)."""
    return Analysis(corpus, kb).hedged_disagreements()


def rate(corpus: Corpus, kb: KnowledgeBase) -> dict[str, Rating]:
    """Claim id and event id → Admiralty rating (reliability A–F, credibility 1–6)."""
    analysis = Analysis(corpus, kb)
    return {**analysis.event_ratings, **analysis.claim_ratings}
