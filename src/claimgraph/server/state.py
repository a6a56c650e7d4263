"""What the server keeps between requests: the open store and caches keyed by the store's fingerprint.

A cache entry is used only while the store is unchanged (same documents, actors, reviews, grades and user
KB entries), so writes made by another process, such as ``claimgraph ingest``, show at the next request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from claimgraph.analyze.analysis import Analysis
from claimgraph.analyze.credibility import Rating
from claimgraph.analyze.hierarchy import descendants, lifts
from claimgraph.api import kb_for_store
from claimgraph.kb import KnowledgeBase
from claimgraph.server import queries
from claimgraph.server.graph import ActorIndex
from claimgraph.server.graphindex import GraphIndex
from claimgraph.store import Store

T = TypeVar("T")
CACHE_SIZE = 16


class _Lru:
    """A small least-recently-used cache, safe to share between request threads."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


class AppState:
    """The store and the derived data the routes share."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.write_lock = threading.Lock()  # ingests and reviews run one at a time
        self._cache = _Lru()
        self._graph: tuple[tuple[Any, ...], GraphIndex] | None = None  # (documents and actors counted, index)
        self._graph_lock = threading.Lock()

    def fingerprint(self) -> tuple[Any, ...]:
        with self.store.engine.connect() as conn:
            return queries.fingerprint(conn)

    def kb(self, fingerprint: tuple[Any, ...] | None = None) -> KnowledgeBase:
        """The built-in KB with the store's user entries."""
        key = ("kb", (fingerprint or self.fingerprint())[5:])
        return self._cache.get(key, lambda: kb_for_store(self.store))

    def actors(self, fingerprint: tuple[Any, ...] | None = None) -> ActorIndex:
        """Actor id → (name, type, origin)."""
        key = ("actors", (fingerprint or self.fingerprint())[:2])

        def load() -> ActorIndex:
            with self.store.engine.connect() as conn:
                return queries.actor_index(conn)

        return self._cache.get(key, load)

    def graph_index(self, fingerprint: tuple[Any, ...] | None = None) -> GraphIndex:
        """Every claim as arrays, for the graph and neighbourhood endpoints: loaded again when documents or
        actors change, brought up to date with the claims reviewed since when only reviews were added."""
        fingerprint = fingerprint or self.fingerprint()
        base, reviewed = fingerprint[:2], fingerprint[2] or 0
        with self._graph_lock:
            index = self._graph[1] if self._graph and self._graph[0] == base else None
            if index is None or index.reviewed != reviewed:
                with self.store.engine.connect() as conn:
                    if index is not None and index.reviewed < reviewed:
                        index = index.updated(conn)
                    if index is None or index.reviewed < reviewed:
                        index = GraphIndex.load(conn)
                self._graph = (base, index)
            return index

    def analysis(self, doc_ids: list[str] | None) -> Analysis:
        """The analysis of the (reviewed) documents given, or of the whole store for None."""
        fingerprint = self.fingerprint()
        key = ("analysis", fingerprint, None if doc_ids is None else tuple(doc_ids))
        return self._cache.get(key, lambda: Analysis(self.store.corpus(doc_ids), self.kb(fingerprint)))

    def ratings_around(self, subject: str, obj: str) -> dict[str, Rating]:
        """Admiralty ratings of the claims between two actors.

        A claim's credibility depends only on claims whose actors meet its own through the KB hierarchy, so
        the analysis reads just the documents with a claim about the two actors, their parents or their parts.
        """
        fingerprint = self.fingerprint()
        kb = self.kb(fingerprint)
        ups = {entry for actor in (subject, obj) for chain in lifts(kb, actor) for entry in chain}
        related = set(ups)
        for entry in ups:
            if entry in kb.actors or entry in kb.places:
                related |= descendants(kb, entry)
        with self.store.engine.connect() as conn:
            doc_ids = queries.docs_touching(conn, related)
        key = ("ratings", fingerprint, tuple(doc_ids))
        return self._cache.get(key, lambda: Analysis(self.store.corpus(doc_ids), kb).claim_ratings)
