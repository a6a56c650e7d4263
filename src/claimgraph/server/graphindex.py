"""The claims of a store as compact arrays, for drawing the graph of a large store quickly.

Grouping a hundred thousand claims into edges takes SQLite about half a second; the same grouping over numpy
arrays takes a few milliseconds. ``GraphIndex.load`` reads every claim once (the server keeps one index per
store fingerprint, so a review or a new document makes a fresh one) and ``edges`` answers each request.
Document filters (outlet, perspective, publication dates, documents) are decided by SQL, exactly as for the
other listings, and arrive here as the set of documents kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, select

from claimgraph.model import RELATIONS, SYMMETRIC_RELATIONS
from claimgraph.server.queries import Filters
from claimgraph.store import schema as t

STATUSES = ("unreviewed", "confirmed", "edited", "rejected")
_NO_DATE = ""


@dataclass(frozen=True)
class EdgeRow:
    """One edge: claims grouped by (source, relation, target), with their counts and date span."""

    source: str
    relation: str
    target: str
    claims: int
    negated: int
    hedged: int
    documents: int
    object_name: str
    first: str | None
    last: str | None


def _codes(values: Sequence[str]) -> tuple[list[str], dict[str, int]]:
    """Distinct values in sorted order and value → code, so that codes compare as the values do."""
    distinct = sorted(set(values))
    return distinct, {value: code for code, value in enumerate(distinct)}


class GraphIndex:
    """Every claim of a store as arrays of codes (actors, relation, document, polarity, hedging, review, speaker)."""

    def __init__(self, doc_ids: list[str], published: list[str | None], rows: list[tuple]) -> None:
        self.doc_ids = doc_ids
        doc_code = {doc_id: i for i, doc_id in enumerate(doc_ids)}
        dates, date_code = _codes([p or _NO_DATE for p in published])
        self.dates = dates
        self.doc_date = np.array([date_code[p or _NO_DATE] for p in published], dtype=np.int32)
        self.has_date = np.array([p is not None for p in published], dtype=bool)

        subjects = [r[0] for r in rows]
        objects = [r[2] for r in rows]
        self.actors, actor_code = _codes([*subjects, *objects])
        self.actor_code = actor_code
        speakers, speaker_code = _codes([r[6] for r in rows] + [r[7] for r in rows])
        self.speaker_code = speaker_code
        self.relations = [*RELATIONS, *sorted({r[1] for r in rows} - set(RELATIONS))]
        relation_code = {relation: i for i, relation in enumerate(self.relations)}
        status_code = {status: i for i, status in enumerate(STATUSES)}
        n = len(rows)
        subject = np.fromiter((actor_code[s] for s in subjects), dtype=np.int32, count=n)
        obj = np.fromiter((actor_code[o] for o in objects), dtype=np.int32, count=n)
        self.relation = np.fromiter((relation_code[r[1]] for r in rows), dtype=np.int16, count=n)
        self.doc = np.fromiter((doc_code[r[3]] for r in rows), dtype=np.int32, count=n)
        self.negated = np.fromiter((r[4] == "negated" for r in rows), dtype=bool, count=n)
        self.hedged = np.fromiter((bool(r[5]) for r in rows), dtype=bool, count=n)
        self.speaker_id = np.fromiter((speaker_code[r[6]] for r in rows), dtype=np.int32, count=n)
        self.speaker_name = np.fromiter((speaker_code[r[7]] for r in rows), dtype=np.int32, count=n)
        self.status = np.fromiter((status_code.get(r[8], 0) for r in rows), dtype=np.int8, count=n)
        self.subject, self.object = subject, obj
        # Edges: claims grouped by (source, relation, target), a symmetric relation's ends in sorted order.
        symmetric = np.isin(self.relation, [relation_code[r] for r in SYMMETRIC_RELATIONS])
        swap = symmetric & (subject > obj)
        source, target = np.where(swap, obj, subject), np.where(swap, subject, obj)
        key = (source.astype(np.int64) * len(self.relations) + self.relation) * len(self.actors) + target
        self.edge_keys, self.edge = np.unique(key, return_inverse=True)
        # (edge, document) pairs, to count the documents behind an edge, and the dated ones in date order.
        n_docs = max(1, len(doc_ids))
        pair_keys, self.pair = np.unique(self.edge.astype(np.int64) * n_docs + self.doc, return_inverse=True)
        self.pair_edge = pair_keys // n_docs
        pair_doc = pair_keys % n_docs
        self.pair_date = self.doc_date[pair_doc] if len(doc_ids) else np.zeros(0, dtype=np.int32)
        dated = np.flatnonzero(self.has_date[pair_doc]) if len(doc_ids) else np.zeros(0, dtype=np.int64)
        self.dated_pairs = dated[np.lexsort((self.pair_date[dated], self.pair_edge[dated]))]
        self.object_name: dict[int, str] = {}
        for code, row in zip(obj.tolist(), rows, strict=True):
            self.object_name.setdefault(code, row[9])

    @classmethod
    def load(cls, conn: Connection) -> GraphIndex:
        """Read the documents and claims of a store."""
        d, c = t.documents.c, t.claims.c
        docs = list(conn.execute(select(d.id, d.published).order_by(d.id)))
        rows = [tuple(r) for r in conn.execute(select(
            c.subject, c.relation, c.object, c.doc_id, c.polarity, c.hedged, c.asserted_by_id, c.asserted_by_name,
            c.review_status, c.object_name))]
        return cls([r.id for r in docs], [r.published for r in docs], rows)

    def _mask(self, filters: Filters, kept_docs: AbstractSet[str] | None) -> np.ndarray:
        mask = np.ones(len(self.relation), dtype=bool)
        if kept_docs is not None:
            wanted = np.zeros(len(self.doc_ids), dtype=bool)
            wanted[[i for i, doc_id in enumerate(self.doc_ids) if doc_id in kept_docs]] = True
            mask &= wanted[self.doc]
        if filters.review_status:
            mask &= np.isin(self.status, [STATUSES.index(s) for s in filters.review_status])
        elif not filters.include_rejected:
            mask &= self.status != STATUSES.index("rejected")
        if filters.relations:
            mask &= np.isin(self.relation, [self.relations.index(r) for r in filters.relations])
        if filters.actor is not None:
            code = self.actor_code.get(filters.actor, -1)
            mask &= (self.subject == code) | (self.object == code)
        if filters.speaker is not None:
            code = self.speaker_code.get(filters.speaker, -1)
            mask &= (self.speaker_id == code) | (self.speaker_name == code)
        return mask

    def edges(self, filters: Filters, kept_docs: AbstractSet[str] | None, limit: int,
              around: Sequence[str] | None = None) -> list[EdgeRow]:
        """The most-claimed edges (at most ``limit`` + 1, the extra one telling that more matched) among the
        claims the filters keep; ``around``: only edges touching these actors."""
        mask = self._mask(filters, kept_docs)
        if around is not None:
            codes = [self.actor_code[a] for a in around if a in self.actor_code]
            mask &= np.isin(self.subject, codes) | np.isin(self.object, codes)
        n_edges = len(self.edge_keys)
        claims = np.bincount(self.edge[mask], minlength=n_edges)
        candidates = np.flatnonzero(claims)
        if not len(candidates):
            return []
        negated = np.bincount(self.edge[mask & self.negated], minlength=n_edges)
        hedged = np.bincount(self.edge[mask & self.hedged], minlength=n_edges)
        present = np.zeros(len(self.pair_edge), dtype=bool)
        present[self.pair[mask]] = True
        documents = np.bincount(self.pair_edge[present], minlength=n_edges)
        first, last = self._date_span(present, n_edges)
        # most claims first, then by edge key; the score is unique, so the cut is the same every time
        score = claims[candidates].astype(np.int64) * n_edges + (n_edges - 1 - candidates)
        if len(candidates) > limit + 1:
            keep = np.argpartition(-score, limit + 1)[: limit + 1]
            candidates, score = candidates[keep], score[keep]
        rows = []
        n_actors, n_relations = len(self.actors), len(self.relations)
        for i in candidates[np.argsort(-score)].tolist():
            source, rest = divmod(int(self.edge_keys[i]), n_relations * n_actors)
            relation, target = divmod(rest, n_actors)
            rows.append(EdgeRow(
                self.actors[source], self.relations[relation], self.actors[target], int(claims[i]), int(negated[i]),
                int(hedged[i]), int(documents[i]), self.object_name.get(target, self.actors[target]),
                self.dates[first[i]] if first[i] >= 0 else None, self.dates[last[i]] if last[i] >= 0 else None))
        return rows

    def _date_span(self, present: np.ndarray, n_edges: int) -> tuple[np.ndarray, np.ndarray]:
        """The earliest and latest date code per edge among the present (edge, document) pairs (-1: none)."""
        first = np.full(n_edges, -1, dtype=np.int64)
        last = np.full(n_edges, -1, dtype=np.int64)
        ordered = self.dated_pairs[present[self.dated_pairs]]
        if len(ordered):
            group = self.pair_edge[ordered]
            starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
            ends = np.r_[starts[1:] - 1, len(ordered) - 1]
            first[group[starts]] = self.pair_date[ordered[starts]]
            last[group[ends]] = self.pair_date[ordered[ends]]
        return first, last
