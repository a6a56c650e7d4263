"""A small hand-written corpus about invented actors, with the knowledge base that describes them."""

from __future__ import annotations

import pytest

from claimgraph.analyze import Contradiction, Rating
from claimgraph.analyze.evidence import Evidence
from claimgraph.export.assessment import Assessment
from claimgraph.kb import KBActor, KBPlace, KnowledgeBase
from claimgraph.model import (
    ActorRecord,
    Claim,
    Corpus,
    Document,
    Event,
    EventPlace,
    Extraction,
    PlaceRecord,
    Span,
    Speaker,
)

TEXT_A = (
    "Officials in Tarsk said the Kestrel Agency trains fighters of the Red Valley Front. "
    "The Red Valley Front is locked in a feud with the Hill Brigade. "
    "The Red Valley Front never attacked army posts in Doran, its spokesman <Sam> said. "
    "On 3 July 2025 a bombing in Tarsk killed 5 officials; the Red Valley Front claimed it. "
    "The Red Valley Front operates in Tarsk."
)
TEXT_B = (
    "The Red Valley Front may be cooperating with the Hill Brigade. "
    "The Red Valley Front has repeatedly attacked army posts in Doran. "
    "Commander Aram Vell leads the Red Valley Front. "
    "The Red Valley Front broke away from the Old Crescent Movement. "
    "The Hill Brigade is a branch of the Old Crescent Movement."
)


def span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(start, start + len(sentence), sentence)


def sentence(text: str, fragment: str) -> Span:
    """The whole sentence of ``text`` that contains ``fragment``."""
    at = text.index(fragment)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.index(".", at) + 1
    return Span(start, end, text[start:end])


def claim(cid: str, text: str, fragment: str, subject: str, relation: str, obj: str, name: str,
          **extra: object) -> Claim:
    return Claim(id=cid, subject=subject, relation=relation, object=obj, object_name=name,
                 evidence=sentence(text, fragment), extractor="test", **extra)


@pytest.fixture()
def kb() -> KnowledgeBase:
    actors = [
        KBActor("kb:rvf", "Red Valley Front", "armed_group", sector="REB", aliases=["RVF", "Red Valley"],
                wikidata="Q4242", parent="kb:ocm"),
        KBActor("kb:hill", "Hill Brigade", "armed_group", aliases=["HB"]),
        KBActor("kb:ocm", "Old Crescent Movement", "armed_group"),
        KBActor("kb:doran", "Doran", "state", aliases=["Republic of Doran"], country="Doran"),
        KBActor("kb:kestrel", "Kestrel Agency", "state_agency", sector="SPY", parent="kb:doran"),
        KBActor("kb:doran-army", "Doran Army", "state_agency", sector="MIL", parent="kb:doran"),
        KBActor("kb:vell", "Aram Vell", "person"),
    ]
    places = [KBPlace("place:tarsk", "Tarsk", "district", "Pakistan", admin_level=2, lat=34.5, lon=71.4)]
    return KnowledgeBase({a.id: a for a in actors}, {p.id: p for p in places})


def _records(text: str, kb: KnowledgeBase, ids: list[str]) -> list[ActorRecord]:
    records = []
    for actor_id in ids:
        entry = kb.actors[actor_id]
        name = entry.name
        records.append(ActorRecord(actor_id, name, entry.type, entry.wikidata, list(entry.aliases),
                                   [span(text, name)] if name in text else []))
    return records


@pytest.fixture()
def corpus(kb: KnowledgeBase) -> Corpus:
    doc_a = Document(TEXT_A, title="Border groups & <friends>", url="https://north.example/a", outlet="Northern Review",
                     author="J. Doe", published="2025-08-01", tags={"perspective": "north"}, source="docs/a.txt")
    doc_b = Document(TEXT_B, title="Valley alliances", outlet="Southern Times", published="2025-09-10",
                     tags={"perspective": "south"}, source="docs/b.txt")
    sam = Speaker("new:sam", "<Sam>")
    a = Extraction(
        document=doc_a,
        actors=_records(TEXT_A, kb, ["kb:rvf", "kb:hill", "kb:kestrel", "kb:doran-army"]),
        places=[PlaceRecord("place:tarsk", "Tarsk", "Pakistan", 2, mentions=[span(TEXT_A, "Tarsk")])],
        events=[Event("ev1", "attack", sentence(TEXT_A, "a bombing in Tarsk"), date="2025-07-03",
                      date_precision="day", place=EventPlace("Tarsk", "Pakistan", "place:tarsk"),
                      perpetrators=["kb:rvf"], claimed_by=["kb:rvf"], targets=["kb:doran-army"], killed=5)],
        claims=[
            claim("a1", TEXT_A, "Kestrel Agency trains", "kb:kestrel", "supports", "kb:rvf", "Red Valley Front",
                  asserted_by=Speaker("officials", "officials in Tarsk")),
            claim("a2", TEXT_A, "locked in a feud", "kb:rvf", "rival_of", "kb:hill", "Hill Brigade"),
            claim("a3", TEXT_A, "never attacked", "kb:rvf", "attacks", "kb:doran-army", "Doran Army",
                  polarity="negated", asserted_by=sam),
            claim("a4", TEXT_A, "the Red Valley Front claimed it", "kb:rvf", "claims_responsibility", "ev1",
                  "bombing in Tarsk"),
            claim("a5", TEXT_A, "operates in Tarsk", "kb:rvf", "operates_in", "place:tarsk", "Tarsk"),
        ])
    b = Extraction(
        document=doc_b,
        actors=_records(TEXT_B, kb, ["kb:rvf", "kb:hill", "kb:ocm", "kb:doran-army", "kb:vell"]),
        claims=[
            claim("b1", TEXT_B, "may be cooperating", "kb:rvf", "allied_with", "kb:hill", "Hill Brigade",
                  hedged=True),
            claim("b2", TEXT_B, "repeatedly attacked", "kb:rvf", "attacks", "kb:doran-army", "Doran Army"),
            claim("b3", TEXT_B, "Aram Vell leads", "kb:vell", "leads", "kb:rvf", "Red Valley Front"),
            claim("b4", TEXT_B, "broke away", "kb:rvf", "splinter_of", "kb:ocm", "Old Crescent Movement"),
            claim("b5", TEXT_B, "is a branch of", "kb:hill", "member_of", "kb:ocm", "Old Crescent Movement"),
        ])
    return Corpus([a, b], grades={"Northern Review": "B", "Southern Times": "C"})


def _evidence(corpus: Corpus, doc: int, claim_id: str, summary: str) -> Evidence:
    extraction = corpus.extractions[doc]
    found = next(c for c in extraction.claims if c.id == claim_id)
    return Evidence(claim_id, summary, extraction.document.id, extraction.document.title or "", None,
                    found.asserted_by.name, found.evidence.text, found.evidence.start, found.evidence.end,
                    found.polarity, found.hedged)


@pytest.fixture()
def assessment(corpus: Corpus) -> Assessment:
    grades = {"a1": 3, "a2": 2, "a3": 4, "a4": 2, "a5": 1, "ev1": 2, "b1": 5, "b2": 2, "b3": 6, "b4": 2, "b5": 3}
    return Assessment(
        ratings={item: Rating("F", value) for item, value in grades.items()},
        contradictions=[
            Contradiction("polarity", ("kb:rvf", "kb:doran-army"), ("Red Valley Front", "Doran Army"),
                          _evidence(corpus, 0, "a3", "Red Valley Front not attacks Doran Army"),
                          _evidence(corpus, 1, "b2", "Red Valley Front attacks Doran Army"),
                          "affirmed by one source and negated by the other"),
            Contradiction("incompatible_relation", ("kb:rvf", "kb:hill"), ("Red Valley Front", "Hill Brigade"),
                          _evidence(corpus, 0, "a2", "Red Valley Front rival_of Hill Brigade"),
                          _evidence(corpus, 1, "b1", "(hedged) Red Valley Front allied_with Hill Brigade"),
                          "'rival_of' and 'allied_with' cannot both hold"),
        ])
