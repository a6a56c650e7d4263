"""Readable names for documents, speakers and sources, shared by every export."""

from __future__ import annotations

from pathlib import Path

from claimgraph.model import AUTHOR, Corpus, Document, Speaker


def document_label(doc: Document) -> str:
    """A document's title, else its file name, else the start of its id."""
    if doc.title:
        return doc.title
    if doc.source and doc.source != "-":
        return Path(doc.source).name
    return doc.id[:19]


def source_label(doc: Document) -> str:
    """Who published the document: the outlet, else the author, else the document itself."""
    return doc.outlet or doc.author or document_label(doc)


def speaker_label(doc: Document, speaker: Speaker) -> str:
    """The name of whoever asserted something: a quoted speaker, else the document's author or outlet."""
    if speaker.id == AUTHOR:
        return doc.author or doc.outlet or "the author"
    return speaker.name


def independent_key(corpus: Corpus, doc_id: str) -> str:
    """The document a copy repeats (syndicated copies count as their first copy), else the document."""
    return corpus.syndicated.get(doc_id, doc_id)
