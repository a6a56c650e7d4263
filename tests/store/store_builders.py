"""Hand-built extractions of invented sentences, so store tests do not depend on the extractor."""

from __future__ import annotations

from claimgraph.model import (
    ActorRecord,
    Claim,
    Document,
    Event,
    EventPlace,
    Extraction,
    PlaceRecord,
    Span,
    Speaker,
)

TEXT = (
    "The Northern Hill Front attacked a convoy near Varsa on 3 May 2024, killing four guards. "
    "Officials said the Blue River Council funds the Northern Hill Front. "
    "The Blue River Council denied that it supports the group."
)


def span(text: str, part: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), part)


def sentence(text: str, part: str) -> Span:
    """The whole sentence of ``text`` that contains ``part``."""
    start = text.rfind(". ", 0, text.index(part))
    start = 0 if start < 0 else start + 2
    end = text.index(".", text.index(part)) + 1
    return Span(start, end, text[start:end])


def build_extraction(
    text: str = TEXT,
    title: str = "Convoy attack",
    outlet: str | None = "Valley Post",
    front_id: str = "new:northern-hill-front",
    front_name: str = "Northern Hill Front",
    tags: dict[str, str] | None = None,
) -> Extraction:
    doc = Document(
        text=text,
        title=title,
        outlet=outlet,
        author="A. Writer",
        published="2024-05-04",
        language="en",
        tags=tags or {"perspective": "local"},
        source=f"{title}.txt",
    )
    front = ActorRecord(
        front_id, front_name, "armed_group", None, [], [span(text, front_name, 0), span(text, front_name, 1)]
    )
    council = ActorRecord(
        "kb:blue-river-council",
        "Blue River Council",
        "state_agency",
        "Q1",
        ["BRC"],
        [span(text, "Blue River Council", 0), span(text, "Blue River Council", 1)],
    )
    varsa = PlaceRecord("place:varsa", "Varsa", "Examplestan", 2, 10.5, 20.25, [span(text, "Varsa")])
    attack = Event(
        "ev1",
        "attack",
        sentence(text, "convoy"),
        date="2024-05-03",
        date_precision="day",
        place=EventPlace("Varsa", "Examplestan", "place:varsa"),
        perpetrators=[front_id],
        claimed_by=[],
        targets=["guards"],
        killed=4,
        wounded=None,
    )
    officials = Speaker("officials", "officials")
    funds = Claim(
        "c1",
        "kb:blue-river-council",
        "supports",
        front_id,
        front_name,
        sentence(text, "funds"),
        asserted_by=officials,
        confidence=0.7,
        extractor="test/1",
    )
    denial = Claim(
        "c2",
        "kb:blue-river-council",
        "supports",
        front_id,
        "the group",
        sentence(text, "denied"),
        polarity="negated",
        asserted_by=Speaker("kb:blue-river-council", "Blue River Council"),
        confidence=0.6,
        extractor="test/1",
        subject_via=None,
    )
    attacks = Claim(
        "c3",
        front_id,
        "attacks",
        "guards",
        "guards",
        sentence(text, "convoy"),
        hedged=True,
        time="2024-05-03",
        extractor="test/1",
    )
    return Extraction(doc, [front, council], [varsa], [attack], [funds, denial, attacks])
