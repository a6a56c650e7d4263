"""Builders for the analysis tests: a small knowledge base and hand-written documents with their claims.

All sentences are invented for these tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.kb import KBActor, KBPlace, KnowledgeBase
from claimgraph.model import (
    AUTHOR_SPEAKER,
    Claim,
    Corpus,
    Document,
    Event,
    EventPlace,
    Extraction,
    Span,
    Speaker,
    short_hash,
)


def small_kb() -> KnowledgeBase:
    actors = [
        KBActor("kb:pakistan", "Pakistan", "state"),
        KBActor("kb:isi", "Inter-Services Intelligence", "state_agency", aliases=["ISI"], parent="kb:pakistan"),
        KBActor("kb:pakistan-armed-forces", "Pakistan Armed Forces", "state_agency", parent="kb:pakistan"),
        KBActor("kb:pakistan-army", "Pakistan Army", "state_agency", parent="kb:pakistan-armed-forces"),
        KBActor("kb:islamic-state", "Islamic State", "armed_group", aliases=["ISIS"]),
        KBActor("kb:iskp", "Islamic State Khorasan Province", "armed_group", aliases=["ISKP", "IS-K"],
                parent="kb:islamic-state"),
        KBActor("kb:afghan-taliban", "Afghan Taliban", "armed_group", aliases=["Taliban"]),
        KBActor("kb:ttp", "Tehrik-i-Taliban Pakistan", "armed_group", aliases=["TTP"]),
        KBActor("kb:india", "India", "state"),
        KBActor("kb:al-qaeda", "al-Qaeda", "armed_group"),
    ]
    places = [
        KBPlace("place:afghanistan", "Afghanistan", "country", "Afghanistan", 0),
        KBPlace("place:kunar", "Kunar", "province", "Afghanistan", 1, parent="place:afghanistan"),
        KBPlace("place:bajaur", "Bajaur", "district", "Pakistan", 2),
    ]
    return KnowledgeBase({a.id: a for a in actors}, {p.id: p for p in places})


@dataclass
class DocBuilder:
    """Writes a document sentence by sentence, recording a claim or an event for each sentence."""

    name: str
    outlet: str | None = None
    perspective: str | None = None
    author: str | None = None
    published: str | None = None
    sentences: list[str] = field(default_factory=list)
    claims: list[tuple[int, dict]] = field(default_factory=list)
    events: list[tuple[int, dict]] = field(default_factory=list)

    def claim(self, sentence: str, subject: str, relation: str, obj: str, *, negated: bool = False,
              hedged: bool = False, speaker: str | None = None, time: str | None = None) -> DocBuilder:
        self.sentences.append(sentence)
        self.claims.append((len(self.sentences) - 1, {"subject": subject, "relation": relation, "object": obj,
                                                      "negated": negated, "hedged": hedged, "speaker": speaker,
                                                      "time": time}))
        return self

    def event(self, sentence: str, *, place: str | None, date: str | None, perpetrators: tuple[str, ...] = (),
              claimed_by: tuple[str, ...] = (), killed: int | None = None, kind: str = "attack",
              country: str | None = "Pakistan", speaker: str | None = None) -> DocBuilder:
        self.sentences.append(sentence)
        self.events.append((len(self.sentences) - 1, {
            "place": place, "date": date, "perpetrators": list(perpetrators), "claimed_by": list(claimed_by),
            "killed": killed, "kind": kind, "country": country, "speaker": speaker}))
        return self

    def text(self, sentence: str) -> DocBuilder:
        self.sentences.append(sentence)
        return self

    def build(self, body: str | None = None) -> Extraction:
        text = body if body is not None else " ".join(self.sentences)
        tags = {"perspective": self.perspective} if self.perspective else {}
        doc = Document(text=text, title=self.name, outlet=self.outlet, author=self.author,
                       published=self.published, tags=tags, source=f"{self.name}.txt")
        extraction = Extraction(document=doc)
        for index, spec in self.claims:
            span = _span(text, self.sentences[index])
            speaker = Speaker(spec["speaker"], spec["speaker"].split(":", 1)[-1]) if spec["speaker"] \
                else AUTHOR_SPEAKER
            extraction.claims.append(Claim(
                id=short_hash(doc.id, "claim", index, spec["subject"], spec["relation"], spec["object"]),
                subject=spec["subject"], relation=spec["relation"], object=spec["object"],
                object_name=spec["object"].removeprefix("kb:"), evidence=span,
                polarity="negated" if spec["negated"] else "affirmed", hedged=spec["hedged"],
                asserted_by=speaker, time=spec["time"]))
        for index, spec in self.events:
            span = _span(text, self.sentences[index])
            precision = {4: "year", 7: "month", 10: "day"}.get(len(spec["date"] or ""))
            speaker = Speaker(spec["speaker"], spec["speaker"]) if spec["speaker"] else AUTHOR_SPEAKER
            extraction.events.append(Event(
                id=short_hash(doc.id, "event", index), kind=spec["kind"], evidence=span, date=spec["date"],
                date_precision=precision,
                place=EventPlace(spec["place"], spec["country"]) if spec["place"] else None,
                perpetrators=spec["perpetrators"], claimed_by=spec["claimed_by"], killed=spec["killed"],
                asserted_by=speaker))
        return extraction


def _span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(start, start + len(sentence), sentence)


def corpus_of(*builders: DocBuilder | Extraction, syndicated: dict[str, str] | None = None,
              grades: dict[str, str] | None = None) -> Corpus:
    extractions = [b.build() if isinstance(b, DocBuilder) else b for b in builders]
    return Corpus(extractions, dict(syndicated or {}), dict(grades or {}))
