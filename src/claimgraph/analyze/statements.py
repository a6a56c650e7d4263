"""Claims in their document context: the proposition, the stance and who stands behind it.

A *statement* is one claim read in its document. Syndicated copies (``Corpus.syndicated``) are not
statements of their own: the original stands for them and lists them in ``copies``, so a story printed
by several outlets counts once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, Protocol

from claimgraph.errors import InputError
from claimgraph.model import AUTHOR, SYMMETRIC_RELATIONS, Claim, Corpus, Document, Extraction, Speaker

Stance = Literal["affirms", "denies", "hedges"]
STANCES: tuple[Stance, ...] = ("affirms", "denies", "hedges")
FACETS: tuple[str, ...] = ("doc", "outlet", "perspective", "speaker")


@dataclass(frozen=True, order=True)
class Proposition:
    """What a claim says, independent of who says it: symmetric relations keep their ids in sorted order."""

    subject: str
    relation: str
    object: str

    @classmethod
    def of(cls, subject: str, relation: str, obj: str) -> Proposition:
        if relation in SYMMETRIC_RELATIONS and obj < subject:
            subject, obj = obj, subject
        return cls(subject, relation, obj)

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.subject, self.object))

    def __str__(self) -> str:
        return f"{self.subject} {self.relation} {self.object}"


def doc_label(doc: Document) -> str:
    """A short human name for a document: its title, else its file name, else its id's beginning."""
    if doc.title:
        return doc.title
    if doc.source and doc.source != "-":
        return Path(doc.source.split(":")[0]).stem or doc.source
    return doc.id[:19]


def author_key(doc: Document) -> str:
    """The speaker key of a document's author: the author's name when known, else the document."""
    return f"author:{doc.author}" if doc.author else f"author:{doc.id}"


def author_name(doc: Document) -> str:
    """The author's name, else "author of <document> (<outlet>)"."""
    if doc.author:
        return doc.author
    return f"author of {doc_label(doc)}" + (f" ({doc.outlet})" if doc.outlet else "")


def speaker_key(speaker: Speaker, doc: Document) -> str:
    """Who stands behind an assertion, across documents: a quoted speaker's id, or the document's author.

    Two statements with the same key are not independent of each other.
    """
    return author_key(doc) if speaker.id == AUTHOR else speaker.id


def speaker_name(speaker: Speaker, doc: Document) -> str:
    return author_name(doc) if speaker.id == AUTHOR else speaker.name


@dataclass(frozen=True)
class Statement:
    """One proposition as asserted by one speaker in one (original) document.

    ``claim`` is its first occurrence; ``repeats`` are later claims of the same document and speaker with
    the same proposition, polarity and hedging (an article that says the same thing three times is one
    source saying it once, with three sentences).
    """

    claim: Claim
    document: Document
    copies: tuple[Document, ...] = ()
    repeats: tuple[Claim, ...] = ()

    @property
    def proposition(self) -> Proposition:
        return Proposition.of(self.claim.subject, self.claim.relation, self.claim.object)

    @property
    def negated(self) -> bool:
        return self.claim.polarity == "negated"

    @property
    def hedged(self) -> bool:
        return self.claim.hedged

    @property
    def stance(self) -> Stance:
        if self.claim.hedged:
            return "hedges"
        return "denies" if self.negated else "affirms"

    @property
    def speaker_key(self) -> str:
        return speaker_key(self.claim.asserted_by, self.document)

    @property
    def speaker_name(self) -> str:
        return speaker_name(self.claim.asserted_by, self.document)

    @property
    def documents(self) -> tuple[Document, ...]:
        """The document and its syndicated copies."""
        return (self.document, *self.copies)


class Sourced(Protocol):
    """A statement or an event report: something asserted by a speaker in a document and its copies."""

    document: Document
    copies: tuple[Document, ...]

    @property
    def speaker_key(self) -> str: ...


def group_keys(item: Sourced, by: str) -> set[str]:
    """The groups an item belongs to when sources are grouped ``by`` a facet (copies count for their outlet)."""
    if by == "speaker":
        return {item.speaker_key}
    return {key for doc in (item.document, *item.copies) if (key := document_key(doc, by)) is not None}


def check_facet(by: str) -> str:
    """Validate a grouping facet: doc, outlet, perspective, speaker or tag:KEY."""
    if by in FACETS or (by.startswith("tag:") and len(by) > 4):
        return by
    raise InputError("--by", f"{by!r} is not one of doc, outlet, perspective, speaker or tag:KEY")


def document_key(doc: Document, by: str) -> str | None:
    """The group of a document for a document-level facet (None when the document lacks it)."""
    if by == "doc":
        return doc.id
    if by == "outlet":
        return doc.outlet
    if by == "perspective":
        return doc.tags.get("perspective")
    if by.startswith("tag:"):
        return doc.tags.get(by[4:])
    raise InputError("--by", f"{by!r} is not a document facet")


def original_ids(corpus: Corpus) -> dict[str, str]:
    """Document id → id of the original it repeats (itself when it is an original or its original is absent)."""
    present = {ex.document.id for ex in corpus.extractions}
    result: dict[str, str] = {}
    for doc_id in present:
        current, seen = doc_id, {doc_id}
        while (nxt := corpus.syndicated.get(current)) is not None and nxt in present and nxt not in seen:
            current = nxt
            seen.add(nxt)
        result[doc_id] = current
    return result


def unique_extractions(corpus: Corpus) -> list[Extraction]:
    """The corpus's extractions, one per document id (the first one wins)."""
    seen: set[str] = set()
    unique = []
    for extraction in corpus.extractions:
        if extraction.document.id not in seen:
            seen.add(extraction.document.id)
            unique.append(extraction)
    return unique


def originals_with_copies(corpus: Corpus) -> list[tuple[Extraction, tuple[Document, ...]]]:
    """Each original extraction with the documents that are syndicated copies of it."""
    originals = original_ids(corpus)
    copies: dict[str, list[Document]] = {}
    for extraction in unique_extractions(corpus):
        origin = originals[extraction.document.id]
        if origin != extraction.document.id:
            copies.setdefault(origin, []).append(extraction.document)
    return [(ex, tuple(copies.get(ex.document.id, ())))
            for ex in unique_extractions(corpus) if originals[ex.document.id] == ex.document.id]


def statements(corpus: Corpus, event_ids: Mapping[str, str] | None = None) -> list[Statement]:
    """The statements of every original document (carrying its syndicated copies), in document order.

    ``event_ids`` maps a document's event ids to the ids of events resolved across documents: a claim of
    responsibility then names the event every source reports, not one document's copy of it.
    """
    found: list[Statement] = []
    for extraction, copies in originals_with_copies(corpus):
        grouped: dict[tuple[object, ...], list[Claim]] = {}
        for claim in sorted(extraction.claims, key=lambda c: (c.evidence.start, c.evidence.end)):
            if event_ids and claim.relation == "claims_responsibility" and claim.object in event_ids:
                claim = replace(claim, object=event_ids[claim.object])
            single = Statement(claim, extraction.document)
            key = (single.speaker_key, single.proposition, claim.polarity, claim.hedged)
            grouped.setdefault(key, []).append(claim)
        found.extend(Statement(claims[0], extraction.document, copies, tuple(claims[1:]))
                     for claims in grouped.values())
    return found


def facet_values(items: list[Statement]) -> dict[str, list[str]]:
    """Documents, outlets, perspectives and speakers behind some statements (sorted, each once)."""
    documents = {st.document.id for st in items}
    outlets = {doc.outlet for st in items for doc in st.documents if doc.outlet}
    perspectives = {doc.tags["perspective"] for st in items for doc in st.documents if doc.tags.get("perspective")}
    speakers = {st.speaker_name for st in items}
    return {"documents": sorted(documents), "outlets": sorted(outlets), "perspectives": sorted(perspectives),
            "speakers": sorted(speakers)}


def copies_of(items: list[Statement]) -> list[str]:
    return sorted({doc.id for st in items for doc in st.copies})

