"""Fixtures of the scorer's tests: a small invented gold doc, a perfect prediction from gold, corpus files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.evaluate import GoldActor, GoldDoc, GoldEvent, GoldRelation
from claimgraph.model import AUTHOR

Perfect = Callable[[GoldDoc], dict[str, Any]]
CorpusWriter = Callable[[Path, GoldDoc, tuple[str, ...]], Path]


def _span(text: str, quote: str) -> dict[str, Any]:
    start = text.index(quote)
    return {"start": start, "end": start + len(quote), "text": quote}


def perfect_prediction(gold: GoldDoc) -> dict[str, Any]:
    """The extraction contract a flawless extractor would print for this gold document."""
    ids = {actor.canonical: f"kb:{number}" for number, actor in enumerate(gold.actors)}

    def ref(name: str) -> str:
        return ids.get(name, f"new:{name}")

    actors = [{"id": ids[a.canonical], "name": a.canonical, "type": a.type, "wikidata": None, "aliases": [],
               "mentions": [_span(gold.text, m) for m in a.mentions]} for a in gold.actors]
    precision = {4: "year", 7: "month", 10: "day"}
    events = [{"id": f"e{n}", "kind": e.kind, "date": e.date,
               "date_precision": precision[len(e.date)] if e.date else None,
               "place": {"id": None, "name": e.place, "country": e.country} if e.place else None,
               "perpetrators": [ref(e.perpetrator)] if e.perpetrator else [],
               "claimed_by": [ref(c) for c in e.claimed_by], "targets": [], "killed": e.killed,
               "wounded": e.wounded, "evidence": _span(gold.text, e.evidence)}
              for n, e in enumerate(gold.events)]
    claims = []
    for n, r in enumerate(gold.relations):
        speaker = ({"id": AUTHOR, "name": AUTHOR} if r.asserted_by == AUTHOR
                   else {"id": ref(r.asserted_by), "name": r.asserted_by})
        obj = f"place:{r.object}" if r.relation == "operates_in" else ref(r.object)
        claims.append({"id": f"c{n}", "subject": ref(r.subject), "relation": r.relation, "object": obj,
                       "object_name": r.object, "polarity": "negated" if r.negated else "affirmed",
                       "hedged": r.hedged, "asserted_by": speaker, "time": None, "confidence": 0.9,
                       "evidence": _span(gold.text, r.evidence)})
    return {"document": {"id": gold.id}, "actors": actors, "places": [], "events": events, "claims": claims}


@pytest.fixture
def perfect() -> Perfect:
    return perfect_prediction


TEXT = (
    "Kestrel Front fighters attacked a checkpoint in Varno, Lismore province, on 3 May 2024, killing "
    "four guards. The Kestrel Front claimed the attack. "
    "The Northern Command of Tarsia is said to arm the Kestrel Front, according to Mira Olsen of the "
    "Tarsian Interior Ministry. "
    "Kestrel Front's leader, Dov Almer, has never allied with the Grey Banner. "
    "The Kestrel Front is active in Lismore."
)


@pytest.fixture
def gold_doc() -> GoldDoc:
    """An invented article with two known groups, a state agency, a person, one attack and four relations."""
    actors = (
        GoldActor("Kestrel Front", "armed_group", ("Kestrel Front",)),
        GoldActor("Northern Command", "state_agency", ("Northern Command of Tarsia",)),
        GoldActor("Dov Almer", "person", ("Dov Almer",)),
        GoldActor("Grey Banner", "armed_group", ("Grey Banner",)),
    )
    events = (GoldEvent("attack", "2024-05-03", "Varno, Lismore", "Tarsia", "Kestrel Front",
                        ("Kestrel Front",), 4, None, TEXT[:TEXT.index(".") + 1]),)
    arm_sentence = TEXT[TEXT.index("The Northern"):TEXT.index("Ministry.") + len("Ministry.")]
    lead_sentence = TEXT[TEXT.index("Kestrel Front's"):TEXT.index("Banner.") + len("Banner.")]
    relations = (
        GoldRelation("Northern Command", "supports", "Kestrel Front",
                     "Mira Olsen (Tarsian Interior Ministry)", True, False, arm_sentence),
        GoldRelation("Dov Almer", "leads", "Kestrel Front", AUTHOR, False, False, lead_sentence),
        GoldRelation("Dov Almer", "allied_with", "Grey Banner", AUTHOR, False, True, lead_sentence),
        GoldRelation("Kestrel Front", "operates_in", "Lismore", AUTHOR, False, False,
                     "The Kestrel Front is active in Lismore."),
        GoldRelation("Kestrel Front", "claims_responsibility", "Varno checkpoint attack", "Kestrel Front",
                     False, False, "The Kestrel Front claimed the attack."),
    )
    return GoldDoc("t1", TEXT, actors, events, relations)


def write_corpus(root: Path, gold: GoldDoc, extra_ids: tuple[str, ...] = ()) -> Path:
    """Write a gold.jsonl and docs/<id>.txt holding the gold doc under its id and each extra id."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    lines = []
    for doc_id in (gold.id, *extra_ids):
        (docs / f"{doc_id}.txt").write_text(gold.text, encoding="utf-8")
        lines.append(json.dumps({
            "id": doc_id,
            "actors": [{"canonical": a.canonical, "type": a.type, "mentions": list(a.mentions)}
                       for a in gold.actors],
            "events": [{"kind": e.kind, "date": e.date, "place": e.place, "country": e.country,
                        "perpetrator": e.perpetrator, "claimed_by": list(e.claimed_by), "killed": e.killed,
                        "wounded": e.wounded, "evidence": e.evidence} for e in gold.events],
            "relations": [{"subject": r.subject, "relation": r.relation, "object": r.object,
                           "asserted_by": r.asserted_by, "hedged": r.hedged, "negated": r.negated,
                           "evidence": r.evidence} for r in gold.relations]}))
    (root / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root / "gold.jsonl"


@pytest.fixture
def corpus_writer() -> CorpusWriter:
    return write_corpus
