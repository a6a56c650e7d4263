"""End to end on the two founding articles: extraction, then the comparison a reader expects.

The expectations are read from ``seeds/expected_comparison.json`` and ``seeds/gold.jsonl``: a conflict's
evidence is right when it overlaps a gold evidence sentence of the same relation in the same document.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimgraph.analyze import Analysis, Contradiction, compare
from claimgraph.analyze.evidence import Evidence
from claimgraph.analyze.timeline import check_timeline
from claimgraph.extract import extract_document
from claimgraph.kb import builtin_kb
from claimgraph.model import Corpus, Document

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"
OLDER, NEWER = "000_eeac824dddf4b701", "004_cf40c3d33d3ce4ca"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Any]:
    if not (SEEDS / "expected_comparison.json").exists():
        pytest.skip(f"the seed corpus is not at {SEEDS}")
    expected = json.loads((SEEDS / "expected_comparison.json").read_text(encoding="utf-8"))
    gold = {row["id"]: row for row in map(json.loads, (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    extractions, ids = [], {}
    for stem, meta in expected["documents"].items():
        text = (SEEDS / "docs" / f"{stem}.txt").read_text(encoding="utf-8")
        doc = Document(text=text, title=meta.get("title"), outlet=meta.get("outlet"), source=f"{stem}.txt",
                       tags={"perspective": meta["perspective"]})
        extractions.append(extract_document(doc))
        ids[stem] = doc.id
    corpus = Corpus(extractions)
    return {"expected": expected, "gold": gold, "ids": ids, "corpus": corpus,
            "texts": {stem: ex.document.text for stem, ex in zip(expected["documents"], extractions, strict=True)},
            "analysis": Analysis(corpus, builtin_kb())}


def _gold_spans(seeds: dict[str, Any], stem: str, relations: set[str], negated: bool | None = None
                ) -> list[tuple[int, int]]:
    text = seeds["texts"][stem]
    spans = []
    for relation in seeds["gold"][stem]["relations"]:
        if relation["relation"] in relations and (negated is None or relation["negated"] == negated):
            start = text.find(relation["evidence"])
            if start >= 0:
                spans.append((start, start + len(relation["evidence"])))
    return spans


def _on_gold(evidence: Evidence, spans: list[tuple[int, int]]) -> bool:
    return any(evidence.start < end and start < evidence.end for start, end in spans)


def _side(conflict: Contradiction, seeds: dict[str, Any], stem: str) -> Evidence | None:
    doc_id = seeds["ids"][stem]
    return next((e for e in (conflict.first, conflict.second) if e.document == doc_id), None)


def _between(seeds: dict[str, Any], kind: str) -> list[tuple[Contradiction, Evidence, Evidence]]:
    found = []
    for conflict in seeds["analysis"].contradictions():
        older, newer = _side(conflict, seeds, OLDER), _side(conflict, seeds, NEWER)
        if conflict.kind == kind and older is not None and newer is not None:
            found.append((conflict, older, newer))
    return found


def test_c1_support_versus_hostility_through_the_isi(seeds: dict[str, Any]) -> None:
    support = _gold_spans(seeds, OLDER, {"supports", "allied_with"})
    hostility = _gold_spans(seeds, NEWER, {"attacks", "rival_of"})
    matches = [c for c, older, newer in _between(seeds, "hierarchy")
               if set(c.about) == {"kb:pakistan", "kb:iskp"} and "kb:isi part of kb:pakistan" in c.path
               and _on_gold(older, support) and _on_gold(newer, hostility)]
    assert matches, "no hierarchy contradiction ISI ⊂ Pakistan between the two articles"


def test_c2_rivalry_versus_alliance_with_the_taliban(seeds: dict[str, Any]) -> None:
    rivalry = _gold_spans(seeds, OLDER, {"rival_of"})
    alliance = _gold_spans(seeds, NEWER, {"allied_with"})
    matches = [c for c, older, newer in _between(seeds, "incompatible_relation")
               if set(c.about) == {"kb:iskp", "kb:afghan-taliban"}
               and _on_gold(older, rivalry) and _on_gold(newer, alliance)]
    assert matches, "no rival_of versus allied_with contradiction about ISKP and the Afghan Taliban"


def test_c3_negated_attack_on_the_military_versus_attacks_on_pakistan(seeds: dict[str, Any]) -> None:
    denial = _gold_spans(seeds, OLDER, {"attacks"}, negated=True)
    attacks = _gold_spans(seeds, NEWER, {"attacks"}, negated=False)
    matches = [c for c, older, newer in _between(seeds, "polarity")
               if older.polarity == "negated" and newer.polarity == "affirmed"
               and _on_gold(older, denial) and _on_gold(newer, attacks)]
    assert matches, "no polarity contradiction on ISKP attacking Pakistan('s military)"
    assert any("kb:pakistan-army" in line for c in matches for line in c.path) or \
        any(set(c.about) == {"kb:iskp", "kb:pakistan-army"} for c in matches)


def test_agreements_and_silences_between_the_perspectives(seeds: dict[str, Any]) -> None:
    report = compare(seeds["corpus"], builtin_kb(), by="perspective", a="indian", b="pakistani",
                     analysis=seeds["analysis"])
    [comparison] = report.comparisons
    agreed = {str(a.proposition) for a in comparison.agreements}
    assert {"kb:iskp splinter_of kb:afghan-taliban", "kb:iskp attacks kb:pakistan"} <= agreed
    only_indian = {str(s.proposition) for s in comparison.silences_a}
    only_pakistani = {str(s.proposition) for s in comparison.silences_b}
    assert any(p.startswith(("kb:isi ", "kb:pakistan supports")) for p in only_indian)
    assert "kb:afghan-taliban supports kb:ttp" in only_pakistani
    assert "kb:iskp allied_with kb:ttp" in only_pakistani


def test_the_two_bajaur_attacks_stay_two_events(seeds: dict[str, Any]) -> None:
    bajaur = [e for e in seeds["analysis"].events if e.place and e.place["name"] == "Bajaur"]
    years = sorted(e.dates[0].year for e in bajaur if e.dates)
    assert years == [2023, 2025]
    newer = next(e for e in bajaur if e.dates and e.dates[0].year == 2025)
    [report] = newer.reports
    assert sorted(report.event.claimed_by) == ["kb:iskp", "kb:ttp"]


def test_october_2021_takeover_is_flagged(seeds: dict[str, Any]) -> None:
    flags = check_timeline(seeds["corpus"])
    assert [(f.document, f.reference.id, f.stated.value) for f in flags] == [
        (seeds["ids"][NEWER], "ref:taliban-capture-kabul-2021", "2021-10")]
