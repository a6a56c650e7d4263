"""Compare groups of sources: where they agree, where they contradict each other, and what each leaves out.

Sources are grouped ``by`` document, outlet, perspective (the ``perspective`` tag), any tag
(``tag:KEY``) or speaker. A *silence* (blindspot) is a proposition one side states (affirms, denies or
hedges) about an actor the other side discusses, while the other side says nothing of that proposition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from claimgraph.analyze.analysis import Analysis
from claimgraph.analyze.contradictions import Contradiction
from claimgraph.analyze.events import EventReport, ResolvedEvent
from claimgraph.analyze.evidence import Evidence
from claimgraph.analyze.statements import (
    Proposition,
    Sourced,
    Statement,
    check_facet,
    doc_label,
    document_key,
    group_keys,
    originals_with_copies,
)
from claimgraph.errors import InputError
from claimgraph.kb import KnowledgeBase
from claimgraph.model import Corpus, Extraction

OTHERS = "(others)"
MIN_ID_PREFIX = 6


@dataclass
class Group:
    """A group of sources: its key, a label to show and the documents it covers."""

    key: str
    label: str
    documents: set[str] = field(default_factory=set)
    discussed: set[str] = field(default_factory=set)  # actor and place ids its documents or speaker mention

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "documents": sorted(self.documents)}


@dataclass
class Side:
    """One side of a comparison: one group, or several merged (``(others)``)."""

    label: str
    keys: frozenset[str]
    documents: set[str]
    discussed: set[str]

    def holds(self, item: Sourced, by: str) -> bool:
        return bool(group_keys(item, by) & self.keys)


@dataclass
class Agreement:
    """A proposition both sides state with the same polarity."""

    proposition: Proposition
    summary: str
    polarity: str
    first: list[Evidence]
    second: list[Evidence]

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.proposition.subject, "relation": self.proposition.relation,
                "object": self.proposition.object, "summary": self.summary, "polarity": self.polarity,
                "hedged": {"a": all(e.hedged for e in self.first), "b": all(e.hedged for e in self.second)},
                "a": [e.to_dict() for e in self.first], "b": [e.to_dict() for e in self.second]}


@dataclass
class Silence:
    """A proposition one side states and the other never does, although it discusses the actors."""

    proposition: Proposition
    summary: str
    evidence: list[Evidence]
    discussed: list[str]
    discussed_names: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.proposition.subject, "relation": self.proposition.relation,
                "object": self.proposition.object, "summary": self.summary,
                "other_side_discusses": self.discussed, "other_side_discusses_names": self.discussed_names,
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass
class SharedEvent:
    """An event both sides report, with each side's reports."""

    event: ResolvedEvent
    first: list[Evidence]
    second: list[Evidence]

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event.to_dict(), "a": [e.to_dict() for e in self.first],
                "b": [e.to_dict() for e in self.second]}


@dataclass
class Comparison:
    """Side ``a`` against side ``b``."""

    a: Side
    b: Side
    agreements: list[Agreement]
    contradictions: list[Contradiction]
    hedged_disagreements: list[Contradiction]
    silences_a: list[Silence]  # stated by a only
    silences_b: list[Silence]  # stated by b only
    shared_events: list[SharedEvent]

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.label, "b": self.b.label, "a_groups": sorted(self.a.keys),
                "b_groups": sorted(self.b.keys), "a_documents": sorted(self.a.documents),
                "b_documents": sorted(self.b.documents),
                "agreements": [x.to_dict() for x in self.agreements],
                "contradictions": [x.to_dict() for x in self.contradictions],
                "hedged_disagreements": [x.to_dict() for x in self.hedged_disagreements],
                "silences": {"only_a": [x.to_dict() for x in self.silences_a],
                             "only_b": [x.to_dict() for x in self.silences_b]},
                "shared_events": [x.to_dict() for x in self.shared_events]}


@dataclass
class ComparisonReport:
    """Every comparison asked for, with the groups the sources fell into."""

    by: str
    groups: list[Group]
    comparisons: list[Comparison]

    def to_dict(self) -> dict[str, Any]:
        return {"by": self.by, "groups": [g.to_dict() for g in self.groups],
                "comparisons": [c.to_dict() for c in self.comparisons]}


def _mentioned(extraction: Extraction) -> set[str]:
    ids = {record.id for record in (*extraction.actors, *extraction.places)}
    ids.update(x for claim in extraction.claims for x in (claim.subject, claim.object))
    ids.update(x for event in extraction.events for x in (*event.perpetrators, *event.claimed_by, *event.targets))
    return ids


def build_groups(analysis: Analysis, by: str) -> dict[str, Group]:
    """The groups of the corpus's sources for a facet, by key."""
    groups: dict[str, Group] = {}
    if by == "speaker":
        for statement in analysis.statements:
            group = groups.setdefault(statement.speaker_key, Group(statement.speaker_key, statement.speaker_name))
            group.documents.add(statement.document.id)
            group.discussed.update((statement.claim.subject, statement.claim.object))
        for event in analysis.events:
            for report in event.reports:
                group = groups.setdefault(report.speaker_key, Group(report.speaker_key, report.speaker_name))
                group.documents.add(report.document.id)
                group.discussed.update(report.participants)
        return groups
    for extraction, copies in originals_with_copies(analysis.corpus):
        for doc in (extraction.document, *copies):
            key = document_key(doc, by)
            if key is None:
                continue
            group = groups.setdefault(key, Group(key, doc_label(doc) if by == "doc" else key))
            group.documents.add(doc.id)
            group.discussed.update(_mentioned(extraction))
    return groups


def _aliases(group: Group, by: str) -> set[str]:
    names = {group.key.casefold(), group.label.casefold()}
    if by == "doc":
        names.add(group.key.removeprefix("sha256:").casefold())
    return names


def find_group(groups: dict[str, Group], by: str, wanted: str) -> Group:
    """The group a user names: its key or label (any case); for documents also a file name or id prefix."""
    folded = wanted.casefold()
    exact = [g for g in groups.values() if folded in _aliases(g, by)]
    if by == "doc" and not exact:
        stem = Path(wanted).stem.casefold()
        exact = [g for g in groups.values() if stem == g.label.casefold()]
        if not exact and len(folded.removeprefix("sha256:")) >= MIN_ID_PREFIX:
            prefix = folded.removeprefix("sha256:")
            exact = [g for g in groups.values() if g.key.removeprefix("sha256:").startswith(prefix)]
    if len(exact) == 1:
        return exact[0]
    known = ", ".join(sorted(g.label for g in groups.values())) or "none"
    if not exact:
        raise InputError(wanted, f"no {by} group of that name (known: {known})")
    raise InputError(wanted, f"names more than one {by} group ({', '.join(sorted(g.label for g in exact))})")


def _side(groups: list[Group], label: str | None = None) -> Side:
    return Side(label or groups[0].label, frozenset(g.key for g in groups),
                set().union(*(g.documents for g in groups)), set().union(*(g.discussed for g in groups)))


def compare_sides(analysis: Analysis, by: str, a: Side, b: Side) -> Comparison:
    """Agreements, contradictions, hedged disagreements, silences and shared events between two sides."""
    names = analysis.names
    on_a: dict[Proposition, list[Statement]] = {}
    on_b: dict[Proposition, list[Statement]] = {}
    for statement in analysis.statements:
        if a.holds(statement, by):
            on_a.setdefault(statement.proposition, []).append(statement)
        if b.holds(statement, by):
            on_b.setdefault(statement.proposition, []).append(statement)
    agreements = []
    for prop in sorted(on_a.keys() & on_b.keys()):
        for negated in (False, True):
            mine = [st for st in on_a[prop] if st.negated == negated]
            theirs = [st for st in on_b[prop] if st.negated == negated]
            if mine and theirs:
                agreements.append(Agreement(prop, names.triple(prop.subject, prop.relation, prop.object),
                                            "negated" if negated else "affirmed",
                                            [analysis.evidence(st) for st in mine],
                                            [analysis.evidence(st) for st in theirs]))
    between = [c for c, x, y in analysis.located_conflicts
               if (a.holds(x, by) and b.holds(y, by)) or (b.holds(x, by) and a.holds(y, by))]
    return Comparison(
        a, b, agreements, [c for c in between if c.is_contradiction], [c for c in between if not c.is_contradiction],
        _silences(analysis, on_a, on_b, b), _silences(analysis, on_b, on_a, a), _shared_events(analysis, by, a, b))


def _silences(analysis: Analysis, speaking: dict[Proposition, list[Statement]],
              silent: dict[Proposition, list[Statement]], other: Side) -> list[Silence]:
    found = []
    for prop in sorted(speaking.keys() - silent.keys()):
        discussed = sorted({prop.subject, prop.object} & other.discussed)
        if discussed:
            found.append(Silence(prop, analysis.names.triple(prop.subject, prop.relation, prop.object),
                                 [analysis.evidence(st) for st in speaking[prop]], discussed,
                                 [analysis.names(x) for x in discussed]))
    return found


def _shared_events(analysis: Analysis, by: str, a: Side, b: Side) -> list[SharedEvent]:
    shared = []
    for event in analysis.events:
        mine: list[EventReport] = [r for r in event.reports if a.holds(r, by)]
        theirs: list[EventReport] = [r for r in event.reports if b.holds(r, by)]
        if mine and theirs:
            shared.append(SharedEvent(event, [analysis.evidence(r) for r in mine],
                                      [analysis.evidence(r) for r in theirs]))
    return shared


def compare(corpus: Corpus, kb: KnowledgeBase, by: str = "doc", a: str | None = None, b: str | None = None,
            analysis: Analysis | None = None) -> ComparisonReport:
    """Compare groups of sources.

    With ``a`` and ``b``: those two groups. With ``a`` only: ``a`` against every other group together.
    With neither: every pair of groups (one comparison when there are exactly two).
    """
    by = check_facet(by)
    if b is not None and a is None:
        raise InputError("compare", "give group A before group B")
    analysis = analysis or Analysis(corpus, kb)
    groups = build_groups(analysis, by)
    ordered = sorted(groups.values(), key=lambda g: (g.label.casefold(), g.key))
    if a is not None:
        first = find_group(groups, by, a)
        if b is not None:
            second = find_group(groups, by, b)
            if second.key == first.key:
                raise InputError(b, "is the same group as A")
            pairs = [(_side([first]), _side([second]))]
        else:
            rest = [g for g in ordered if g.key != first.key]
            if not rest:
                raise InputError(a, f"is the only {by} group: there is nothing to compare it with")
            pairs = [(_side([first]), _side(rest, OTHERS))]
    else:
        pairs = [(_side([x]), _side([y])) for x, y in combinations(ordered, 2)]
    return ComparisonReport(by, ordered, [compare_sides(analysis, by, x, y) for x, y in pairs])
