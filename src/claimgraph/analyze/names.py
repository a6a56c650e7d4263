"""Human names for the ids found in claims: from the documents' actor records, then the knowledge base."""

from __future__ import annotations

from claimgraph.kb import KnowledgeBase
from claimgraph.model import Corpus


class NameBook:
    """Maps actor, place and event ids to display names; unknown ids stand for themselves."""

    def __init__(self, corpus: Corpus, kb: KnowledgeBase) -> None:
        self._names: dict[str, str] = {}
        for extraction in corpus.extractions:
            for claim in extraction.claims:
                if claim.object_name:
                    self._names.setdefault(claim.object, claim.object_name)
            for record in (*extraction.actors, *extraction.places):
                self._names.setdefault(record.id, record.name)
        for entry in (*kb.actors.values(), *kb.places.values()):
            self._names[entry.id] = entry.name

    def add(self, names: dict[str, str]) -> None:
        """Name more ids (e.g. events resolved across documents)."""
        self._names.update(names)

    def __call__(self, entry_id: str) -> str:
        return self._names.get(entry_id, entry_id)

    def chain(self, chain: tuple[str, ...]) -> str:
        """``("kb:isi", "kb:pakistan")`` → ``"Inter-Services Intelligence part of Pakistan"``."""
        return " part of ".join(self(entry) for entry in chain)

    def triple(self, subject: str, relation: str, obj: str) -> str:
        return f"{self(subject)} {relation} {self(obj)}"
