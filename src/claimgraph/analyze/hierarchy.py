"""Part-of paths through the knowledge base: ISI is part of Pakistan, the Pakistan Army of its armed forces."""

from __future__ import annotations

from claimgraph.kb import KnowledgeBase

Chain = tuple[str, ...]  # an entry followed by its parents up to some ancestor, e.g. ("kb:isi", "kb:pakistan")


def chain_to(kb: KnowledgeBase, entry_id: str, ancestor: str) -> Chain | None:
    """The chain from ``entry_id`` up to ``ancestor`` (``(entry_id,)`` when they are equal), or None."""
    if entry_id == ancestor:
        return (entry_id,)
    ancestors = kb.ancestors(entry_id)
    if ancestor not in ancestors:
        return None
    return (entry_id, *ancestors[:ancestors.index(ancestor) + 1])


def lifts(kb: KnowledgeBase, entry_id: str) -> list[Chain]:
    """The entry itself and each ancestor, as chains from the entry, nearest first."""
    ancestors = kb.ancestors(entry_id)
    return [(entry_id, *ancestors[:depth]) for depth in range(len(ancestors) + 1)]


def related(kb: KnowledgeBase, first: str, second: str) -> bool:
    """True when the two are the same entry or one is part of the other."""
    return chain_to(kb, first, second) is not None or chain_to(kb, second, first) is not None


def descendants(kb: KnowledgeBase, entry_id: str) -> set[str]:
    """Every actor or place whose chain of parents reaches ``entry_id``."""
    return {other for other in (*kb.actors, *kb.places) if entry_id in kb.ancestors(other)}


def is_place(kb: KnowledgeBase, entry_id: str) -> bool:
    return entry_id in kb.places or entry_id.startswith("place:")


def describe_chain(chain: Chain) -> str:
    """``("kb:isi", "kb:pakistan")`` → ``"kb:isi part of kb:pakistan"``."""
    return " part of ".join(chain)
