"""When two assertions about actors collide: opposite polarity, incompatible relations, or through the KB.

``clash`` compares two assertions; ``ClaimIndex`` finds the pairs of statements worth comparing (those
whose actors meet, directly or through their parents in the knowledge base) from different speakers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product
from typing import Literal

from claimgraph.analyze.compatibility import incompatible
from claimgraph.analyze.hierarchy import Chain, chain_to, is_place, lifts
from claimgraph.analyze.periods import different_periods
from claimgraph.analyze.statements import Statement
from claimgraph.kb import KnowledgeBase
from claimgraph.model import SYMMETRIC_RELATIONS

ClashKind = Literal["polarity", "incompatible_relation", "hierarchy", "hedged_disagreement"]
CONTRADICTION_KINDS: tuple[str, ...] = ("polarity", "incompatible_relation", "hierarchy", "event_detail")


@dataclass(frozen=True)
class Assertion:
    """The parts of a claim that decide whether it collides with another."""

    subject: str
    relation: str
    object: str
    negated: bool = False
    hedged: bool = False
    time: str | None = None  # the claim's time qualifier: a date, "former" or None

    @classmethod
    def of(cls, statement: Statement) -> Assertion:
        claim = statement.claim
        return cls(claim.subject, claim.relation, claim.object, statement.negated, statement.hedged, claim.time)


@dataclass(frozen=True)
class Clash:
    """How two assertions collide: the kind, the pair of actors where they meet and the part-of chains used."""

    kind: ClashKind
    about: tuple[str, str]
    chains: tuple[Chain, ...] = ()

    @property
    def is_contradiction(self) -> bool:
        return self.kind != "hedged_disagreement"


def _orientations(assertion: Assertion) -> list[tuple[str, str]]:
    pair = (assertion.subject, assertion.object)
    return [pair, pair[::-1]] if assertion.relation in SYMMETRIC_RELATIONS else [pair]


def _specialises(specific: Assertion, general: Assertion, kb: KnowledgeBase) -> tuple[Chain, ...] | None:
    """Chains showing that ``specific`` is about parts of ``general``'s actors (same relation), or None.

    For places only an affirmed claim about the part can contradict a denial about the whole; for actors
    either way round (an attack "on Pakistan" is read as touching its army and agencies).
    """
    for subject, obj in _orientations(specific):
        to_subject = chain_to(kb, subject, general.subject)
        to_object = chain_to(kb, obj, general.object)
        if to_subject is None or to_object is None:
            continue
        chains = tuple(chain for chain in (to_subject, to_object) if len(chain) > 1)
        if not chains:
            continue
        touches_place = any(is_place(kb, chain[0]) for chain in chains)
        if touches_place and specific.negated:
            continue
        return chains
    return None


def _lifted_pairs(assertion: Assertion, kb: KnowledgeBase) -> dict[frozenset[str], tuple[Chain, Chain]]:
    """Each unordered pair the assertion's actors reach through their parents, with the shortest chains."""
    pairs: dict[frozenset[str], tuple[Chain, Chain]] = {}
    for up_subject, up_object in product(lifts(kb, assertion.subject), lifts(kb, assertion.object)):
        key = frozenset((up_subject[-1], up_object[-1]))
        if len(key) < 2:
            continue
        best = pairs.get(key)
        if best is None or len(up_subject) + len(up_object) < len(best[0]) + len(best[1]):
            pairs[key] = (up_subject, up_object)
    return pairs


def _meeting(first: Assertion, second: Assertion, kb: KnowledgeBase) -> Clash | None:
    """Where two assertions with incompatible relations meet through the hierarchy (nearest pair first)."""
    lifted_first, lifted_second = _lifted_pairs(first, kb), _lifted_pairs(second, kb)
    best: tuple[int, frozenset[str]] | None = None
    for key in lifted_first.keys() & lifted_second.keys():
        depth = sum(len(chain) for chain in (*lifted_first[key], *lifted_second[key]))
        if best is None or (depth, sorted(key)) < (best[0], sorted(best[1])):
            best = (depth, key)
    if best is None:
        return None
    key = best[1]
    chains = tuple(chain for chain in (*lifted_first[key], *lifted_second[key]) if len(chain) > 1)
    about = (lifted_first[key][0][-1], lifted_first[key][1][-1])
    return Clash("hierarchy", about, chains)


def clash(first: Assertion, second: Assertion, kb: KnowledgeBase) -> Clash | None:
    """How two assertions collide, or None when they are compatible, about different pairs, or about
    different periods (an alliance in 2016 and a rivalry in 2019 do not contradict each other)."""
    if different_periods(first.time, second.time):
        return None
    if {first.subject, first.object} == {second.subject, second.object}:
        about = (first.subject, first.object)
        if first.relation == second.relation and (first.subject, first.object) in _orientations(second):
            if first.negated != second.negated:
                return Clash("polarity", about)
            if first.hedged != second.hedged:
                return Clash("hedged_disagreement", about)
            return None
        if not first.negated and not second.negated and incompatible(first.relation, second.relation):
            return Clash("incompatible_relation", about)
        return None
    if first.relation == second.relation and first.negated != second.negated:
        for specific, general in ((first, second), (second, first)):
            chains = _specialises(specific, general, kb)
            if chains is not None:
                return Clash("polarity", (general.subject, general.object), chains)
    if not first.negated and not second.negated and incompatible(first.relation, second.relation):
        return _meeting(first, second, kb)
    return None


class ClaimIndex:
    """Statements indexed by every pair of actors they reach, to find candidate collisions quickly."""

    def __init__(self, statements: list[Statement], kb: KnowledgeBase) -> None:
        self.kb = kb
        self.statements = statements
        self._by_pair: dict[frozenset[str], list[int]] = {}
        for position, statement in enumerate(statements):
            for key in _lifted_pairs(Assertion.of(statement), kb):
                self._by_pair.setdefault(key, []).append(position)

    def neighbours(self, statement: Statement) -> Iterator[Statement]:
        """Statements from other speakers whose actors meet this statement's actors (each once)."""
        seen: set[int] = set()
        for key in _lifted_pairs(Assertion.of(statement), self.kb):
            for position in self._by_pair.get(key, ()):
                other = self.statements[position]
                if position not in seen and other.speaker_key != statement.speaker_key:
                    seen.add(position)
                    yield other

    def clashes(self) -> list[tuple[Clash, Statement, Statement]]:
        """Every colliding pair of statements from different speakers, each pair once."""
        found = []
        positions = {id(statement): position for position, statement in enumerate(self.statements)}
        for position, statement in enumerate(self.statements):
            for other in self.neighbours(statement):
                if positions[id(other)] <= position:
                    continue
                result = clash(Assertion.of(statement), Assertion.of(other), self.kb)
                if result is not None:
                    found.append((result, statement, other))
        return found
