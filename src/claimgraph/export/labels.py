"""Who published a document, and which document a syndicated copy stands for."""

from __future__ import annotations

from claimgraph.analyze.statements import doc_label
from claimgraph.model import Corpus, Document


def source_label(doc: Document) -> str:
    """Who published the document: the outlet, else the author, else the document itself."""
    return doc.outlet or doc.author or doc_label(doc)


def independent_key(corpus: Corpus, doc_id: str) -> str:
    """The document a copy repeats (syndicated copies count as their first copy), else the document."""
    return corpus.syndicated.get(doc_id, doc_id)
