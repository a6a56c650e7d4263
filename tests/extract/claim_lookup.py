"""Reading the claims the extractor finds in a text written for a test."""

from __future__ import annotations

from claimgraph.extract import extract_document
from claimgraph.model import Claim, Document


def claims(text: str, published: str = "2025-03-10") -> list[Claim]:
    return extract_document(Document(text, published=published)).claims


def triples(text: str, published: str = "2025-03-10") -> set[tuple[str, str, str]]:
    return {(c.subject, c.relation, c.object) for c in claims(text, published)}


def claim_of(text: str, subject: str, relation: str, obj: str, published: str = "2025-03-10") -> Claim:
    """The first claim of ``subject relation obj``; fails listing every claim found when there is none."""
    found = claims(text, published)
    wanted = [c for c in found if (c.subject, c.relation, c.object) == (subject, relation, obj)]
    assert wanted, sorted((c.subject, c.relation, c.object) for c in found)
    return wanted[0]
