"""The filters every export shares: one actor, one document, documents published since a date."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.kb import KnowledgeBase
from claimgraph.model import Claim, Corpus, Document, Event, Extraction

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def actor_ids(corpus: Corpus, kb: KnowledgeBase, actor: str) -> set[str]:
    """The ids an ``--actor`` value names: an id, or a name or alias (any case) of the KB or the corpus."""
    wanted = actor.strip().casefold()
    found: set[str] = set()
    for entry in kb.actors.values():
        if wanted in {entry.id.casefold(), entry.name.casefold(), *(a.casefold() for a in entry.aliases)}:
            found.add(entry.id)
    for extraction in corpus.extractions:
        for record in extraction.actors:
            if wanted in {record.id.casefold(), record.name.casefold(), *(a.casefold() for a in record.aliases)}:
                found.add(record.id)
    if not found:
        raise InputError(f"--actor {actor}", "no actor with this id, name or alias in the knowledge base or corpus")
    return found


def _document_matches(document: Document, wanted: str) -> bool:
    hexdigest = document.id.removeprefix("sha256:")
    if wanted in {document.id.casefold(), (document.title or "").casefold()}:
        return True
    if len(wanted.removeprefix("sha256:")) >= 6 and hexdigest.startswith(wanted.removeprefix("sha256:")):
        return True
    if document.source:
        path = Path(document.source)
        return wanted in {path.name.casefold(), path.stem.casefold()}
    return False


def document_ids(corpus: Corpus, doc: str) -> set[str]:
    """The documents a ``--doc`` value names: id (or a prefix of at least 6 hex digits), title, file name."""
    wanted = doc.strip().casefold()
    found = {e.document.id for e in corpus.extractions if _document_matches(e.document, wanted)}
    if not found:
        raise InputError(f"--doc {doc}", "no document with this id, id prefix, title or file name")
    return found


def check_since(since: str) -> str:
    """``since`` if it is a date written YYYY, YYYY-MM or YYYY-MM-DD; InputError otherwise."""
    if not _DATE.match(since.strip()):
        raise InputError(f"--since {since}", "expected a date written YYYY-MM-DD, YYYY-MM or YYYY")
    return since.strip()


def published_since(document: Document, since: str) -> bool:
    """Whether the document was published on or after ``since`` (undated documents never are).

    A date known only to the month or year counts as its first day.
    """
    if not document.published:
        return False
    return _padded(document.published) >= _padded(since)


def _padded(date: str) -> str:
    parts = date.split("-")
    return "-".join([*parts, *["01"] * (3 - len(parts))])


def _keeps_claim(claim: Claim, actors: set[str]) -> bool:
    return claim.subject in actors or claim.object in actors


def _keeps_event(event: Event, actors: set[str]) -> bool:
    return bool(actors.intersection([*event.perpetrators, *event.claimed_by, *event.targets]))


def _narrow(extraction: Extraction, actors: set[str]) -> Extraction:
    claims = [c for c in extraction.claims if _keeps_claim(c, actors)]
    events = [e for e in extraction.events if _keeps_event(e, actors)]
    involved = set(actors)
    places: set[str] = set()
    for claim in claims:
        involved.update((claim.subject, claim.object, claim.asserted_by.id))
        places.add(claim.object)
    for event in events:
        involved.update([*event.perpetrators, *event.claimed_by, *event.targets])
        if event.place is not None and event.place.id:
            places.add(event.place.id)
    return replace(extraction, claims=claims, events=events,
                   actors=[a for a in extraction.actors if a.id in involved],
                   places=[p for p in extraction.places if p.id in places])


def select_topic(corpus: Corpus, kb: KnowledgeBase, topic: str) -> Corpus:
    """The claims and events whose sentence, actors, place or relation mention ``topic`` (any case).

    InputError when nothing does.
    """
    wanted = topic.strip().casefold()
    names = {entry.id: [entry.name, *entry.aliases] for entry in (*kb.actors.values(), *kb.places.values())}
    for extraction in corpus.extractions:
        for record in (*extraction.actors, *extraction.places):
            names.setdefault(record.id, [record.name])

    def mentions(text: str | None, ids: list[str]) -> bool:
        words = [text or "", *(n for i in ids for n in names.get(i, [i]))]
        return any(wanted in w.casefold() for w in words)

    extractions = []
    for extraction in corpus.extractions:
        claims = [c for c in extraction.claims if mentions(c.evidence.text, [c.subject, c.object]) or
                  wanted in (c.relation.casefold(), c.relation.replace("_", " ").casefold(), c.object_name.casefold())]
        events = [e for e in extraction.events if mentions(e.evidence.text, [*e.perpetrators, *e.claimed_by,
                                                                              *e.targets]) or
                  wanted in (e.kind.casefold(), (e.place.name if e.place else "").casefold())]
        if claims or events:
            extractions.append(replace(extraction, claims=claims, events=events))
    if not extractions:
        raise InputError(f"--topic {topic}", "no claim or event mentions it")
    kept = {e.document.id for e in extractions}
    return Corpus(extractions, {d: f for d, f in corpus.syndicated.items() if d in kept}, dict(corpus.grades))


def select(corpus: Corpus, kb: KnowledgeBase, actor: str | None = None, doc: str | None = None,
           since: str | None = None) -> Corpus:
    """The part of the corpus the filters keep; InputError names a filter that matches nothing.

    ``actor`` keeps the claims with the actor as subject or object and the events it perpetrated, claimed
    or was targeted by (and drops documents left with neither); ``doc`` keeps one document; ``since``
    keeps documents published on or after the date.
    """
    extractions = list(corpus.extractions)
    if doc is not None:
        wanted = document_ids(corpus, doc)
        extractions = [e for e in extractions if e.document.id in wanted]
    if since is not None:
        start = check_since(since)
        extractions = [e for e in extractions if published_since(e.document, start)]
    if actor is not None:
        ids = actor_ids(corpus, kb, actor)
        extractions = [n for n in (_narrow(e, ids) for e in extractions) if n.claims or n.events]
    kept = {e.document.id for e in extractions}
    return Corpus(extractions=extractions,
                  syndicated={d: f for d, f in corpus.syndicated.items() if d in kept},
                  grades=dict(corpus.grades))
