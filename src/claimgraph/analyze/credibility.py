"""Admiralty ratings: source reliability A–F (set by the user) and information credibility 1–6 (derived).

Reliability is looked up in ``Corpus.grades`` by the speaker's name or id for a quoted speaker, by the
author's name then the outlet for the author; ungraded sources are F ("cannot be judged").
Credibility follows the rule in ``credibility`` (documented in docs/analysis.md): independent
corroboration raises it, contradiction by other sources lowers it, hedging lowers it one step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from claimgraph.analyze.conflicts import Assertion, ClaimIndex, clash
from claimgraph.analyze.events import EventClash, ResolvedEvent
from claimgraph.analyze.statements import Proposition, Statement, original_ids, unique_extractions
from claimgraph.errors import InputError
from claimgraph.model import AUTHOR, Corpus, Document, Speaker

RELIABILITY: dict[str, str] = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}
CREDIBILITY: dict[int, str] = {
    1: "confirmed by other sources", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
    6: "truth cannot be judged",
}
STIX_CONFIDENCE: dict[int, int] = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
UNGRADED = "F"


def stix_confidence(credibility: int) -> int | None:
    """STIX 2.1 ``confidence`` for an Admiralty credibility (1→90 … 5→10); None for 6 or an unknown value."""
    return STIX_CONFIDENCE.get(credibility)


def check_grade(grade: str) -> str:
    """A source grade in upper case, or InputError when it is not one of A–F."""
    value = grade.strip().upper()
    if value not in RELIABILITY:
        raise InputError(grade, "a source grade is one of A, B, C, D, E or F")
    return value


def reliability(grades: Mapping[str, str], names: Iterable[str | None]) -> str:
    """The grade of the first of ``names`` that has one (names compare without case), else F."""
    folded = {name.casefold(): grade for name, grade in grades.items()}
    for name in names:
        if name and (grade := folded.get(name.casefold())):
            return grade.upper()
    return UNGRADED


def speaker_reliability(grades: Mapping[str, str], speaker: Speaker, document: Document) -> str:
    """A quoted speaker's own grade; the author's grade, else the outlet's, for the author."""
    if speaker.id == AUTHOR:
        return reliability(grades, (document.author, document.outlet))
    return reliability(grades, (speaker.name, speaker.id))


def credibility(corroborating: int, conflicting: int, related: bool, hedged: bool) -> int:
    """Admiralty credibility 1–6 from independent sources for and against an assertion.

    ``corroborating``: other independent sources asserting the same proposition, unhedged, same polarity.
    ``conflicting``: other independent sources contradicting it. ``related``: some other source says
    something compatible about the same actors. Contested: 3 when supporters outnumber opponents, 4 when
    even, 5 when outnumbered. Uncontested: 1 with two or more corroborations, 2 with one, 3 with related
    information only, 6 with nothing to judge it by. A hedged assertion drops one step (never below 5).
    """
    if conflicting:
        base = 3 if corroborating > conflicting else 4 if corroborating == conflicting else 5
    elif corroborating >= 2:
        base = 1
    elif corroborating == 1:
        base = 2
    elif related:
        base = 3
    else:
        return 6
    return base + 1 if hedged and base < 5 else base


@dataclass(frozen=True)
class Rating:
    """The Admiralty rating of one claim or event report, with the sources behind it."""

    reliability: str
    credibility: int
    corroborated_by: tuple[str, ...] = ()
    contradicted_by: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def stix_confidence(self) -> int | None:
        return stix_confidence(self.credibility)

    def to_dict(self) -> dict[str, Any]:
        return {"admiralty": self.code, "reliability": self.reliability,
                "reliability_label": RELIABILITY[self.reliability], "credibility": self.credibility,
                "credibility_label": CREDIBILITY[self.credibility], "stix_confidence": self.stix_confidence,
                "corroborated_by": list(self.corroborated_by), "contradicted_by": list(self.contradicted_by)}


def _rate_statement(statement: Statement, index: ClaimIndex, by_proposition: dict[Proposition, list[Statement]],
                    grades: Mapping[str, str]) -> Rating:
    supporters = {other.speaker_key: other.speaker_name for other in by_proposition.get(statement.proposition, ())
                  if other.speaker_key != statement.speaker_key and other.negated == statement.negated
                  and not other.hedged}
    opponents: dict[str, str] = {}
    related = False
    mine = Assertion.of(statement)
    for other in index.neighbours(statement):
        found = clash(mine, Assertion.of(other), index.kb)
        if found is not None and found.is_contradiction:
            opponents[other.speaker_key] = other.speaker_name
        else:
            related = True
    return Rating(speaker_reliability(grades, statement.claim.asserted_by, statement.document),
                  credibility(len(supporters), len(opponents), related, statement.hedged),
                  tuple(sorted(supporters.values())), tuple(sorted(opponents.values())))


def rate_claims(corpus: Corpus, index: ClaimIndex) -> dict[str, Rating]:
    """Claim id → rating, for every claim of the corpus; a syndicated copy's claims are rated as the original's."""
    by_proposition: dict[Proposition, list[Statement]] = {}
    for statement in index.statements:
        by_proposition.setdefault(statement.proposition, []).append(statement)
    ratings: dict[str, Rating] = {}
    for statement in index.statements:
        rating = _rate_statement(statement, index, by_proposition, corpus.grades)
        ratings.update((claim.id, rating) for claim in (statement.claim, *statement.repeats))
    originals = original_ids(corpus)
    documents = {ex.document.id: ex.document for ex in corpus.extractions}
    for extraction in unique_extractions(corpus):
        original = documents[originals[extraction.document.id]]
        for claim in extraction.claims:
            if claim.id not in ratings:
                ratings[claim.id] = _rate_statement(Statement(claim, original), index, by_proposition,
                                                    corpus.grades)
    return ratings


def rate_events(events: list[ResolvedEvent], clashes: list[EventClash], grades: Mapping[str, str]) -> dict[str, Rating]:
    """Event id → rating for each report: corroborated by the other sources reporting the same event
    with no different detail, contradicted by those that give a different one."""
    opponents: dict[int, dict[str, str]] = {}
    for found in clashes:
        opponents.setdefault(id(found.first), {})[found.second.speaker_key] = found.second.speaker_name
        opponents.setdefault(id(found.second), {})[found.first.speaker_key] = found.first.speaker_name
    ratings = {}
    for event in events:
        for report in event.reports:
            against = opponents.get(id(report), {})
            supporters = {other.speaker_key: other.speaker_name for other in event.reports
                          if other.speaker_key != report.speaker_key and other.speaker_key not in against}
            ratings[report.event.id] = Rating(
                speaker_reliability(grades, report.event.asserted_by, report.document),
                credibility(len(supporters), len(against), False, report.event.hedged),
                tuple(sorted(supporters.values())), tuple(sorted(against.values())))
    return ratings


def rated_claim(claim_dict: dict[str, Any], rating: Rating | None) -> dict[str, Any]:
    """A claim's (or event's) JSON with its Admiralty rating added under ``rating``."""
    return {**claim_dict, "rating": rating.to_dict() if rating else None}
