"""A small store of invented articles for the server tests: two perspectives that contradict each other and
one article whose text, title and outlet carry HTML and script."""

from __future__ import annotations

from claimgraph.model import (
    AUTHOR_SPEAKER,
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
from claimgraph.store import Store

ISI, ISKP, TTP, PAKISTAN = "kb:isi", "kb:iskp", "kb:ttp", "kb:pakistan"
NAMES = {ISI: "Inter-Services Intelligence", ISKP: "Islamic State Khorasan Province",
         TTP: "Tehrik-i-Taliban Pakistan", PAKISTAN: "Pakistan"}
TYPES = {ISI: "state_agency", ISKP: "armed_group", TTP: "armed_group", PAKISTAN: "state"}

NORTH = (
    "The Inter-Services Intelligence supports the Islamic State Khorasan Province, the Harbour Gazette was told. "
    "Militants of the Islamic State Khorasan Province bombed a market in Peshawar on 12 March 2024, killing nine "
    "people. The Tehrik-i-Taliban Pakistan may be allied with the Islamic State Khorasan Province."
)
SOUTH = (
    "Pakistan said the Inter-Services Intelligence does not support the Islamic State Khorasan Province. "
    "The Islamic State Khorasan Province attacked Pakistan in May 2024, the Ridge Courier reported."
)
HOSTILE = (
    "The Inter-Services Intelligence <script>window.__pwned = 1</script> supports "
    "<img src=x onerror=\"window.__pwned = 2\"> the Tehrik-i-Taliban Pakistan."
)
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned = 3\">Hostile title"


def find(text: str, part: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), part)


def sentence(text: str, part: str) -> Span:
    """The sentence of ``text`` holding ``part`` (sentences end with ". ")."""
    at = text.index(part)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


def actors(text: str, ids: list[str]) -> list[ActorRecord]:
    found = []
    for actor_id in ids:
        name = NAMES[actor_id]
        spans, at = [], text.find(name)
        while at >= 0:
            spans.append(Span(at, at + len(name), name))
            at = text.find(name, at + 1)
        found.append(ActorRecord(actor_id, name, TYPES[actor_id], None, [], spans))
    return found


def claim(claim_id: str, text: str, part: str, subject: str, relation: str, obj: str, **kw: object) -> Claim:
    return Claim(claim_id, subject, relation, obj, NAMES[obj], sentence(text, part), extractor="test", **kw)


def north() -> Extraction:
    doc = Document(NORTH, title="Gazette on the Khorasan province", outlet="Harbour Gazette", author="R. Vance",
                   published="2024-03-15", tags={"perspective": "north"}, source="north.txt")
    peshawar = PlaceRecord("place:peshawar", "Peshawar", "Pakistan", 3, 34.01, 71.58, [find(NORTH, "Peshawar")])
    return Extraction(
        doc, actors(NORTH, [ISI, ISKP, TTP]), [peshawar],
        [Event("event:north-1", "attack", sentence(NORTH, "bombed"), "2024-03-12", "day",
               EventPlace("Peshawar", "Pakistan", "place:peshawar"), [ISKP], [], ["market"], 9)],
        [claim("claim:north-1", NORTH, "supports", ISI, "supports", ISKP),
         claim("claim:north-2", NORTH, "may be allied", TTP, "allied_with", ISKP, hedged=True)])


def south() -> Extraction:
    doc = Document(SOUTH, title="Courier on Islamabad's denial", outlet="Ridge Courier", author="M. Okafor",
                   published="2024-06-02", tags={"perspective": "south"}, source="south.txt")
    return Extraction(
        doc, actors(SOUTH, [PAKISTAN, ISI, ISKP]), [],
        [Event("event:south-1", "attack", sentence(SOUTH, "attacked"), "2024-05", "month",
               EventPlace("border posts", "Pakistan", None), [ISKP], [], [PAKISTAN], None)],
        [claim("claim:south-1", SOUTH, "does not support", ISI, "supports", ISKP, polarity="negated",
               asserted_by=Speaker(PAKISTAN, "Pakistan")),
         claim("claim:south-2", SOUTH, "attacked", ISKP, "attacks", PAKISTAN, asserted_by=AUTHOR_SPEAKER)])


def hostile() -> Extraction:
    doc = Document(HOSTILE, title=HOSTILE_TITLE, outlet="<b>Bold</b> Outlet", published="2023-01-05",
                   tags={"perspective": "south"}, source="hostile.txt", url="javascript:alert(1)")
    return Extraction(doc, actors(HOSTILE, [ISI, TTP]), [], [],
                      [claim("claim:hostile-1", HOSTILE, "supports", ISI, "supports", TTP)])


def fill_store(store: Store) -> dict[str, str]:
    """Add the three articles; their document ids by name."""
    ids = {}
    for name, build in (("north", north), ("south", south), ("hostile", hostile)):
        extraction = build()
        store.add(extraction)
        ids[name] = extraction.document.id
    return ids
