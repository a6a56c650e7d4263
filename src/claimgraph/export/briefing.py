"""The briefing: one self-contained, printable HTML page for readers who will never run a command.

A summary, a network picture and a timeline (inline SVG drawn here), the contradictions with both
sentences, the sources with their grades, the events, and every claim's evidence. No scripts, fonts or
images are fetched: the page opens offline. All document text goes through Jinja2's autoescaping.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from jinja2 import Environment, PackageLoader, StrictUndefined

from claimgraph.analyze import Analysis, Contradiction, Rating, ResolvedEvent, resolve_events, statements
from claimgraph.analyze.credibility import CREDIBILITY, RELIABILITY, reliability
from claimgraph.analyze.events import date_interval
from claimgraph.analyze.statements import Proposition, Statement, doc_label
from claimgraph.errors import InputError
from claimgraph.export.assessment import Assessment
from claimgraph.export.entities import Entities, collect
from claimgraph.export.network import claim_graph
from claimgraph.export.pictures import (
    RELATION_COLOURS,
    TimeItem,
    network_picture,
    timeline_picture,
)
from claimgraph.export.selection import actor_ids, select, select_topic
from claimgraph.kb import KnowledgeBase
from claimgraph.model import Corpus

STANCE_WORDS = {"affirms": "affirmed", "denies": "denied", "hedges": "hedged"}
KIND_WORDS = {"polarity": "affirmed and denied", "incompatible_relation": "incompatible relations",
              "hierarchy": "incompatible through the KB hierarchy", "event_detail": "event details differ"}


@dataclass
class ClaimLine:
    stance: str
    speaker: str
    document: str
    outlet: str | None
    published: str | None
    rating: Rating | None
    text: str
    start: int
    end: int
    copies: list[str]


@dataclass
class PropositionBlock:
    title: str
    relation: str
    claims: list[ClaimLine] = field(default_factory=list)

    @property
    def stances(self) -> Counter[str]:
        return Counter(c.stance for c in self.claims)


@dataclass
class ConflictGroup:
    title: str
    kind: str
    items: list[Contradiction] = field(default_factory=list)


@dataclass
class SourceRow:
    label: str
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None
    tags: str
    grade: str
    claims: int
    events: int
    copy_of: str | None


def _blocks(items: list[Statement], entities: Entities, ratings: dict[str, Rating]) -> list[PropositionBlock]:
    grouped: dict[Proposition, list[Statement]] = {}
    for statement in items:
        grouped.setdefault(statement.proposition, []).append(statement)

    def name(entry_id: str) -> str:
        return entities.places[entry_id].name if entry_id in entities.places else entities.actor(entry_id).name

    blocks = []
    for prop, found in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))):
        claim = found[0].claim
        object_name = claim.object_name if claim.relation == "claims_responsibility" else name(prop.object)
        block = PropositionBlock(f"{name(prop.subject)} {prop.relation.replace('_', ' ')} {object_name}", prop.relation)
        for st in sorted(found, key=lambda s: (s.document.published or "", doc_label(s.document))):
            block.claims.append(ClaimLine(
                STANCE_WORDS[st.stance], st.speaker_name, doc_label(st.document), st.document.outlet,
                st.document.published, ratings.get(st.claim.id), st.claim.evidence.text, st.claim.evidence.start,
                st.claim.evidence.end, [doc_label(d) for d in st.copies]))
        blocks.append(block)
    return blocks


def _conflict_groups(found: list[Contradiction]) -> list[ConflictGroup]:
    groups: dict[tuple[str, tuple[str, ...]], ConflictGroup] = {}
    for item in found:
        key = (item.kind, tuple(sorted(item.about_names)))
        title = " ↔ ".join(key[1])
        groups.setdefault(key, ConflictGroup(title, item.kind)).items.append(item)
    return sorted(groups.values(), key=lambda g: (-len(g.items), g.title, g.kind))


def _sources(corpus: Corpus) -> list[SourceRow]:
    labels = {e.document.id: doc_label(e.document) for e in corpus.extractions}
    rows = []
    for extraction in sorted(corpus.extractions, key=lambda e: (e.document.published or "", labels[e.document.id])):
        doc = extraction.document
        copy_of = corpus.syndicated.get(doc.id)
        rows.append(SourceRow(
            labels[doc.id], doc.outlet, doc.author, doc.published, doc.url,
            ", ".join(f"{k}: {v}" for k, v in sorted(doc.tags.items())),
            reliability(corpus.grades, (doc.author, doc.outlet)), len(extraction.claims), len(extraction.events),
            labels.get(copy_of, copy_of) if copy_of else None))
    return rows


def _event_title(event: ResolvedEvent) -> str:
    place = event.place
    return event.kind.replace("_", " ").capitalize() + (f" — {place['name']}" if place else "")


def _timeline_items(corpus: Corpus, events: list[ResolvedEvent]) -> list[TimeItem]:
    items = []
    for extraction in corpus.extractions:
        doc = extraction.document
        span = date_interval(doc.published)
        if span:
            items.append(TimeItem(span[0], span[1], "Published", doc_label(doc)[:40],
                                  f"{doc_label(doc)} ({doc.outlet or 'unknown outlet'}), {doc.published}",
                                  "#1b4f72"))
    for event in events:
        span = event.dates
        if span:
            label = _event_title(event)
            items.append(TimeItem(span[0], span[1], "Events", label[:40],
                                  f"{label}: {span[0].isoformat()} to {span[1].isoformat()}, "
                                  f"{len(event.reports)} report(s)", RELATION_COLOURS["attacks"]))
    return items


def _summary(corpus: Corpus, entities: Entities, blocks: list[PropositionBlock], events: list[ResolvedEvent],
             conflicts: list[Contradiction], hedged: list[Contradiction]) -> dict[str, object]:
    published = sorted(e.document.published for e in corpus.extractions if e.document.published)
    outlets = {e.document.outlet or e.document.author or e.document.id for e in corpus.extractions}
    mentioned = Counter(i for e in corpus.extractions for c in e.claims for i in (c.subject, c.object)
                        if i in entities.actors)
    return {
        "documents": len(corpus.extractions), "sources": len(outlets),
        "first": published[0] if published else None, "last": published[-1] if published else None,
        "claims": sum(len(e.claims) for e in corpus.extractions), "propositions": len(blocks),
        "events": sum(len(e.events) for e in corpus.extractions), "resolved_events": len(events),
        "contradictions": len(conflicts), "hedged": len(hedged),
        "by_kind": Counter(KIND_WORDS.get(c.kind, c.kind) for c in conflicts).most_common(),
        "actors": [(entities.actor(i).name, n) for i, n in mentioned.most_common(8)],
        "top": [b for b in blocks if len(b.claims) > 1][:6] or blocks[:6],
    }


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("claimgraph.export", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["words"] = lambda value: str(value).replace("_", " ")
    return env


def report(corpus: Corpus, kb: KnowledgeBase, actor: str | None = None, topic: str | None = None,
           generated: datetime | None = None) -> str:
    """The HTML briefing of the corpus, or of what concerns one ``actor`` or one ``topic`` (not both).

    Ratings and contradictions are computed over the whole corpus; a contradiction is shown when both of
    its sides are in the briefing's scope.
    """
    if actor and topic:
        raise InputError("--actor/--topic", "give one of them, not both")
    chosen = select(corpus, kb, actor=actor) if actor else corpus
    if topic:
        chosen = select_topic(chosen, kb, topic)
    analysis = Analysis(corpus, kb)
    ratings = {**analysis.event_ratings, **analysis.claim_ratings}
    scoped = Assessment(ratings, analysis.contradictions(), analysis.hedged_disagreements()).within(chosen)
    entities = collect(chosen, kb)
    graph = claim_graph(chosen, kb, scoped)
    hierarchy = [(n, entities.actors[n].parent or "") for n in graph if n in entities.actors and
                 entities.actors[n].parent in graph]
    events = resolve_events(chosen)
    blocks = _blocks(statements(chosen), entities, ratings)
    scope = f"actor {actor}" if actor else f"topic “{topic}”" if topic else "all documents"
    return _environment().get_template("briefing.html.j2").render(
        title=_title(corpus, kb, entities, actor, topic), scope=scope,
        generated=(generated or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        summary=_summary(chosen, entities, blocks, events, scoped.contradictions, scoped.hedged_disagreements),
        network=network_picture(graph, hierarchy=hierarchy), timeline=timeline_picture(_timeline_items(chosen, events)),
        undated=[e for e in events if e.dates is None], events=events, event_title=_event_title,
        conflicts=_conflict_groups(scoped.contradictions), hedged=scoped.hedged_disagreements,
        sources=_sources(chosen), blocks=blocks, reliability_words=RELIABILITY, credibility_words=CREDIBILITY,
        names=lambda ids: ", ".join(entities.actor(i).name for i in ids),
        relation_colour=lambda relation: RELATION_COLOURS.get(relation, "#717d7e"))


def _title(corpus: Corpus, kb: KnowledgeBase, entities: Entities, actor: str | None, topic: str | None) -> str:
    if actor:
        found = sorted(actor_ids(corpus, kb, actor), key=lambda i: (not i.startswith("kb:"), i))[0]
        return f"Briefing: {entities.actor(found).name}"
    return f"Briefing: {topic}" if topic else "Briefing"
