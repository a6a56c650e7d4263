"""Analysis of competing hypotheses (Heuer): evidence × hypotheses, diagnosticity, ranking by inconsistency.

Hypotheses are written as claim patterns in YAML::

    hypotheses:
      - id: H1
        label: ISI supports ISKP
        patterns:
          - {subject: ISI, relation: supports, object: ISKP}
      - id: H2
        label: ISKP is hostile to Pakistan
        patterns:
          - {subject: ISKP, relation: [attacks, rival_of], object: Pakistan, include_parts: true}

Actors are KB ids, names or aliases. A statement is *consistent* with a hypothesis when it affirms one of
its patterns (with ``include_parts``, a claim about a part of a named actor counts, e.g. ISI for
Pakistan); *inconsistent* when it collides with a pattern the way two sources contradict each other
(polarity, incompatible relation, through the KB hierarchy); otherwise *not applicable*.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any, Literal

from claimgraph.analyze.analysis import Analysis
from claimgraph.analyze.conflicts import Assertion, clash
from claimgraph.analyze.evidence import Evidence
from claimgraph.analyze.hierarchy import descendants
from claimgraph.analyze.yaml_files import read_yaml_file
from claimgraph.errors import InputError
from claimgraph.kb import KnowledgeBase
from claimgraph.model import RELATIONS, SYMMETRIC_RELATIONS, Corpus

Verdict = Literal["consistent", "inconsistent", "not_applicable"]
VERDICT_CODES: dict[str, str] = {"consistent": "C", "inconsistent": "I", "not_applicable": "NA"}
VERDICT_SCORES: dict[str, int] = {"consistent": 1, "not_applicable": 0, "inconsistent": -1}
# How much one piece of evidence weighs in the ranking, by its credibility (6, "cannot be judged", is neutral).
CREDIBILITY_WEIGHT: dict[int, float] = {1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5}
PATTERN_KEYS = {"subject", "relation", "object", "include_parts"}
HYPOTHESIS_KEYS = {"id", "label", "patterns"}


@dataclass(frozen=True)
class Pattern:
    """Claims a hypothesis expects: any subject × relation × object of the sets."""

    subjects: frozenset[str]
    relations: frozenset[str]
    objects: frozenset[str]
    include_parts: bool = False
    matched_subjects: frozenset[str] = frozenset()  # the subjects, and their parts with ``include_parts``
    matched_objects: frozenset[str] = frozenset()

    @classmethod
    def build(cls, subjects: set[str], relations: set[str], objects: set[str], include_parts: bool,
              kb: KnowledgeBase) -> Pattern:
        def scope(ids: set[str]) -> frozenset[str]:
            return frozenset(ids.union(*(descendants(kb, i) for i in ids)) if include_parts else ids)

        return cls(frozenset(subjects), frozenset(relations), frozenset(objects), include_parts,
                   scope(subjects), scope(objects))

    def assertions(self) -> list[Assertion]:
        return [Assertion(s, r, o) for s, r, o in product(sorted(self.subjects), sorted(self.relations),
                                                          sorted(self.objects))]

    def matches(self, assertion: Assertion) -> bool:
        if assertion.negated or assertion.relation not in self.relations:
            return False
        pairs = [(assertion.subject, assertion.object)]
        if assertion.relation in SYMMETRIC_RELATIONS:
            pairs.append((assertion.object, assertion.subject))
        return any(s in self.matched_subjects and o in self.matched_objects for s, o in pairs)


@dataclass(frozen=True)
class Hypothesis:
    id: str
    label: str
    patterns: tuple[Pattern, ...]

    def verdict(self, assertion: Assertion, kb: KnowledgeBase) -> Verdict:
        for pattern in self.patterns:
            for expected in pattern.assertions():
                found = clash(assertion, expected, kb)
                if found is not None and found.is_contradiction:
                    return "inconsistent"
        return "consistent" if any(p.matches(assertion) for p in self.patterns) else "not_applicable"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label,
                "patterns": [{"subject": sorted(p.subjects), "relation": sorted(p.relations),
                              "object": sorted(p.objects), "include_parts": p.include_parts} for p in self.patterns]}


def resolve_actor(kb: KnowledgeBase, name: str, where: str) -> str:
    """A KB id for a name, alias or id (any case); InputError when none or several match."""
    folded = name.strip().casefold()
    for candidate in (name.strip(), f"kb:{name.strip()}"):
        if candidate in kb.actors:
            return candidate
    matches = sorted({actor.id for actor in kb.actors.values()
                      if folded in {actor.name.casefold(), *(alias.casefold() for alias in actor.aliases)}})
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise InputError(where, f"unknown actor {name!r} (not a KB id, name or alias)")
    raise InputError(where, f"actor {name!r} is ambiguous: {', '.join(matches)}")


def _names(value: Any, where: str, key: str) -> list[str]:
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, str) and v.strip() for v in values):
        raise InputError(where, f"{key!r} must be a name or a list of names")
    return values


def _pattern(raw: Any, kb: KnowledgeBase, where: str) -> Pattern:
    if not isinstance(raw, dict):
        raise InputError(where, "a pattern is a mapping with subject, relation and object")
    if unknown := set(raw) - PATTERN_KEYS:
        raise InputError(where, f"unknown field(s) {', '.join(sorted(unknown))}")
    missing = [key for key in ("subject", "relation", "object") if key not in raw]
    if missing:
        raise InputError(where, f"missing {', '.join(missing)}")
    relations = _names(raw["relation"], where, "relation")
    if bad := [r for r in relations if r not in RELATIONS]:
        raise InputError(where, f"unknown relation(s) {', '.join(bad)} (known: {', '.join(RELATIONS)})")
    include_parts = raw.get("include_parts", False)
    if not isinstance(include_parts, bool):
        raise InputError(where, "'include_parts' must be true or false")
    return Pattern.build({resolve_actor(kb, n, where) for n in _names(raw["subject"], where, "subject")},
                         set(relations),
                         {resolve_actor(kb, n, where) for n in _names(raw["object"], where, "object")},
                         include_parts, kb)


def parse_hypotheses(data: Any, kb: KnowledgeBase, source: str = "hypotheses") -> list[Hypothesis]:
    """Hypotheses from parsed YAML (``{"hypotheses": [...]}``); InputError naming the entry at fault."""
    items = data.get("hypotheses") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise InputError(source, "expected a mapping with a non-empty 'hypotheses' list")
    hypotheses, seen = [], set()
    for number, raw in enumerate(items, 1):
        where = f"{source}: hypothesis {number}"
        if not isinstance(raw, dict):
            raise InputError(where, "each hypothesis is a mapping with id, label and patterns")
        if unknown := set(raw) - HYPOTHESIS_KEYS:
            raise InputError(where, f"unknown field(s) {', '.join(sorted(unknown))}")
        hyp_id = str(raw.get("id") or f"H{number}")
        if hyp_id in seen:
            raise InputError(where, f"id {hyp_id!r} is used twice")
        seen.add(hyp_id)
        patterns = raw.get("patterns")
        if not isinstance(patterns, list) or not patterns:
            raise InputError(f"{source}: hypothesis {hyp_id}", "needs a non-empty 'patterns' list")
        hypotheses.append(Hypothesis(hyp_id, str(raw.get("label") or hyp_id), tuple(
            _pattern(p, kb, f"{source}: hypothesis {hyp_id} pattern {i}") for i, p in enumerate(patterns, 1))))
    return hypotheses


def load_hypotheses(path: Path, kb: KnowledgeBase) -> list[Hypothesis]:
    """Read a hypotheses YAML file."""
    return parse_hypotheses(read_yaml_file(path), kb, str(path))


@dataclass(frozen=True)
class AchRow:
    """One piece of evidence and its verdict for each hypothesis."""

    evidence: Evidence
    verdicts: dict[str, Verdict]

    @property
    def diagnosticity(self) -> int:
        """0 when every hypothesis gets the same verdict, 2 when one is consistent and another inconsistent."""
        scores = [VERDICT_SCORES[v] for v in self.verdicts.values()]
        return max(scores) - min(scores)

    @property
    def weight(self) -> float:
        rating = self.evidence.rating
        return CREDIBILITY_WEIGHT[rating.credibility] if rating else CREDIBILITY_WEIGHT[6]

    def to_dict(self) -> dict[str, Any]:
        return {"evidence": self.evidence.to_dict(), "verdicts": dict(self.verdicts),
                "diagnosticity": self.diagnosticity, "weight": self.weight}


@dataclass(frozen=True)
class AchScore:
    hypothesis: Hypothesis
    rank: int
    inconsistency: float
    consistency: float
    inconsistent: int
    consistent: int

    def to_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "id": self.hypothesis.id, "label": self.hypothesis.label,
                "inconsistency": round(self.inconsistency, 3), "consistency": round(self.consistency, 3),
                "inconsistent_items": self.inconsistent, "consistent_items": self.consistent}


@dataclass
class AchMatrix:
    """The matrix, and the hypotheses ranked from least to most inconsistent."""

    hypotheses: list[Hypothesis]
    rows: list[AchRow]
    ranking: list[AchScore]

    def to_dict(self) -> dict[str, Any]:
        return {"hypotheses": [h.to_dict() for h in self.hypotheses], "evidence": [r.to_dict() for r in self.rows],
                "ranking": [s.to_dict() for s in self.ranking]}

    def to_csv(self) -> str:
        """The matrix as CSV: one row per piece of evidence, one column per hypothesis (C, I or NA)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["evidence", "document", "speaker", "claim", "sentence", "admiralty",
                         *(h.id for h in self.hypotheses), "diagnosticity", "weight"])
        for row in self.rows:
            e = row.evidence
            writer.writerow([e.ref, e.document_label, e.speaker, e.summary, e.text,
                             e.rating.code if e.rating else "", *(VERDICT_CODES[row.verdicts[h.id]]
                                                                  for h in self.hypotheses),
                             row.diagnosticity, row.weight])
        return out.getvalue()


def _rank(hypotheses: list[Hypothesis], rows: list[AchRow]) -> list[AchScore]:
    diagnostic = [row for row in rows if row.diagnosticity > 0]
    totals = []
    for hypothesis in hypotheses:
        against = [row for row in diagnostic if row.verdicts[hypothesis.id] == "inconsistent"]
        for_it = [row for row in diagnostic if row.verdicts[hypothesis.id] == "consistent"]
        totals.append((hypothesis, sum(r.weight for r in against), sum(r.weight for r in for_it),
                       len(against), len(for_it)))
    totals.sort(key=lambda t: (t[1], -t[2], t[0].id))
    return [AchScore(h, rank, inc, con, n_inc, n_con) for rank, (h, inc, con, n_inc, n_con) in enumerate(totals, 1)]


def ach(corpus: Corpus, kb: KnowledgeBase, hypotheses: list[Hypothesis],
        analysis: Analysis | None = None) -> AchMatrix:
    """The ACH matrix of the corpus's statements against the hypotheses.

    Statements that bear on no hypothesis are left out. The ranking counts diagnostic evidence only
    (evidence with the same verdict for every hypothesis cannot tell them apart), each item weighted by
    its credibility (``CREDIBILITY_WEIGHT``); the hypothesis with the least weighted inconsistency ranks
    first, ties broken by the most weighted consistency.
    """
    if not hypotheses:
        raise InputError("hypotheses", "none given")
    analysis = analysis or Analysis(corpus, kb)
    rows = []
    for statement in analysis.statements:
        assertion = Assertion.of(statement)
        verdicts = {h.id: h.verdict(assertion, kb) for h in hypotheses}
        if any(v != "not_applicable" for v in verdicts.values()):
            rows.append(AchRow(analysis.evidence(statement), verdicts))
    return AchMatrix(list(hypotheses), rows, _rank(list(hypotheses), rows))
