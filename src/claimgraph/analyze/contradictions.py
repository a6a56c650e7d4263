"""Conflicts between sources, each with both evidence sentences and the reason they collide.

Kinds: ``polarity`` (affirmed by one, negated by the other), ``incompatible_relation`` (see
``compatibility.INCOMPATIBLE_RELATIONS``), ``hierarchy`` (incompatible relations that meet through the
knowledge base, e.g. ISI part of Pakistan), ``event_detail`` (one event, a different perpetrator, date or
casualty figure) and ``hedged_disagreement`` (one source hedges what the other asserts; not a contradiction).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimgraph.analyze.compatibility import incompatibility_reason
from claimgraph.analyze.conflicts import Clash
from claimgraph.analyze.events import EventClash
from claimgraph.analyze.evidence import Evidence
from claimgraph.analyze.hierarchy import describe_chain
from claimgraph.analyze.names import NameBook
from claimgraph.analyze.statements import Statement
from claimgraph.model import short_hash


@dataclass(frozen=True)
class Contradiction:
    """Two pieces of evidence that cannot both be right (or, for ``hedged_disagreement``, differ in certainty)."""

    kind: str
    about: tuple[str, ...]
    about_names: tuple[str, ...]
    first: Evidence
    second: Evidence
    reason: str
    path: tuple[str, ...] = ()  # "kb:isi part of kb:pakistan", one line per part-of chain used
    path_names: tuple[str, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        refs = sorted((self.first.document, self.first.ref, self.second.document, self.second.ref))
        return "conflict:" + short_hash(self.kind, *refs, self.detail.get("field", ""))

    @property
    def is_contradiction(self) -> bool:
        return self.kind != "hedged_disagreement"

    def involves(self, document_ids: set[str]) -> bool:
        return self.first.document in document_ids or self.second.document in document_ids

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "about": list(self.about), "about_names": list(self.about_names),
                "reason": self.reason, "path": list(self.path), "path_names": list(self.path_names),
                "detail": self.detail, "a": self.first.to_dict(), "b": self.second.to_dict()}


def _reason(found: Clash, first: Statement, second: Statement, names: NameBook) -> str:
    if found.kind == "hedged_disagreement":
        return "one source hedges what the other asserts"
    if found.kind == "polarity":
        base = "affirmed by one source and negated by the other"
        return base if not found.chains else base + " (one is about a part of the other's actor)"
    relations = first.claim.relation, second.claim.relation
    reason = f"'{relations[0]}' and '{relations[1]}': {incompatibility_reason(*relations)}"
    if found.kind == "hierarchy":
        reason += "; through " + "; ".join(names.chain(chain) for chain in found.chains)
    return reason


def claim_contradiction(found: Clash, first: Evidence, second: Evidence, statements: tuple[Statement, Statement],
                        names: NameBook) -> Contradiction:
    """A collision between two statements, ready to show."""
    return Contradiction(
        kind=found.kind, about=found.about, about_names=tuple(names(a) for a in found.about),
        first=first, second=second, reason=_reason(found, *statements, names),
        path=tuple(describe_chain(chain) for chain in found.chains),
        path_names=tuple(names.chain(chain) for chain in found.chains))


def event_contradiction(found: EventClash, first: Evidence, second: Evidence, names: NameBook) -> Contradiction:
    """Two reports of one event that give a different detail, ready to show."""
    a, b = found.values()
    if found.field == "perpetrator":
        a, b = [names(x) for x in a], [names(x) for x in b]
    participants = tuple(found.event.participants)
    return Contradiction(
        kind="event_detail", about=participants, about_names=tuple(names(p) for p in participants),
        first=first, second=second,
        reason=f"the same {found.event.kind} with a different {found.field}: {a} vs {b}",
        detail={"field": found.field, "event": found.event.id, "a": a, "b": b})
