"""The claims of a store as compact arrays, for drawing the graph of a large store quickly.

Grouping a hundred thousand claims into edges takes SQLite about half a second; the same grouping over numpy
arrays takes a few milliseconds. ``GraphIndex.load`` reads every claim once (about a second for 100,000 claims);
after reviews, ``updated`` reads again only the claims reviewed since, so that a review does not cost the next
graph request a full reload. ``edges`` answers each request. Document filters (outlet, perspective, publication
dates, documents) are decided by SQL, exactly as for the other listings, and arrive here as the set of documents
kept.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, and_, func, or_, select

from claimgraph.model import RELATIONS, SYMMETRIC_RELATIONS
from claimgraph.server.queries import Filters
from claimgraph.store import schema as t

STATUSES = ("unreviewed", "confirmed", "edited", "rejected")
_NO_DATE = ""
_C = t.claims.c
# what the index keeps of a claim, in this order
_COLUMNS = (_C.doc_id, _C.id, _C.subject, _C.relation, _C.object, _C.polarity, _C.hedged, _C.asserted_by_id,
            _C.asserted_by_name, _C.review_status, _C.object_name)
_CHUNK = 100  # claims read per query when re-reading reviewed ones
_REGROUP = 200  # beyond this many reviewed claims, group every claim again rather than move each


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


def _codes(values: Iterable[str]) -> tuple[list[str], dict[str, int]]:
    """Distinct values in sorted order and value → code, so that codes compare as the values do."""
    distinct = sorted(set(values))
    return distinct, {value: code for code, value in enumerate(distinct)}


def _missing(ordered: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The distinct ``values`` not in the sorted array ``ordered``, sorted."""
    values = np.unique(values)
    at = np.searchsorted(ordered, values)
    known = at < len(ordered)
    known[known] = ordered[at[known]] == values[known]
    return values[~known]


def _renumbering(ordered: np.ndarray, added: np.ndarray) -> np.ndarray:
    """Old index → new index of each value of the sorted array ``ordered`` once the sorted ``added`` values
    (none of them in it) are inserted."""
    return np.arange(len(ordered)) + np.searchsorted(added, ordered)


class GraphIndex:
    """Every claim of a store as arrays of codes (actors, relation, document, polarity, hedging, review, speaker).

    ``reviewed`` is the last review the arrays reflect (0: none)."""

    def __init__(self, doc_ids: list[str], published: list[str | None], rows: Sequence[tuple],
                 reviewed: int = 0) -> None:
        self.doc_ids = doc_ids
        self.reviewed = reviewed
        doc_code = {doc_id: i for i, doc_id in enumerate(doc_ids)}
        dates, date_code = _codes([p or _NO_DATE for p in published])
        self.dates = dates
        self.doc_date = np.array([date_code[p or _NO_DATE] for p in published], dtype=np.int32)
        self.has_date = np.array([p is not None for p in published], dtype=bool)
        self.row_of = {(r[0], r[1]): i for i, r in enumerate(rows)}
        self.actors, self.actor_code = _codes([r[2] for r in rows] + [r[4] for r in rows])
        self.speakers, self.speaker_code = _codes([r[7] for r in rows] + [r[8] for r in rows])
        self.relations = [*RELATIONS, *sorted({r[3] for r in rows} - set(RELATIONS))]
        n = len(rows)
        self.doc = np.fromiter((doc_code[r[0]] for r in rows), dtype=np.int32, count=n)
        self.subject = np.zeros(n, dtype=np.int32)
        self.object = np.zeros(n, dtype=np.int32)
        self.relation = np.zeros(n, dtype=np.int16)
        self.negated = np.zeros(n, dtype=bool)
        self.hedged = np.zeros(n, dtype=bool)
        self.speaker_id = np.zeros(n, dtype=np.int32)
        self.speaker_name = np.zeros(n, dtype=np.int32)
        self.status = np.zeros(n, dtype=np.int8)
        self.object_names: list[str] = [""] * n
        self._set_rows(range(n), rows)
        self._group()

    def _set_rows(self, at: Iterable[int], rows: Iterable[tuple]) -> None:
        """Write the claim rows into the arrays, row ``at[i]`` from ``rows[i]`` (every value already coded)."""
        at = list(at)
        rows = list(rows)
        actor, speaker = self.actor_code, self.speaker_code
        relation = {name: i for i, name in enumerate(self.relations)}
        status = {name: i for i, name in enumerate(STATUSES)}
        index = np.array(at, dtype=np.int64)
        self.subject[index] = [actor[r[2]] for r in rows]
        self.relation[index] = [relation[r[3]] for r in rows]
        self.object[index] = [actor[r[4]] for r in rows]
        self.negated[index] = [r[5] == "negated" for r in rows]
        self.hedged[index] = [bool(r[6]) for r in rows]
        self.speaker_id[index] = [speaker[r[7]] for r in rows]
        self.speaker_name[index] = [speaker[r[8]] for r in rows]
        self.status[index] = [status.get(r[9], 0) for r in rows]
        for i, r in zip(at, rows, strict=True):
            self.object_names[i] = r[10]

    def _edge_keys(self, rows: np.ndarray | slice = slice(None)) -> np.ndarray:
        """The edge of each claim at ``rows`` as one number, (source, relation, target) in that order, with a
        symmetric relation's ends in sorted order; keys compare as the edges' ids do."""
        subject, obj, relation = self.subject[rows], self.object[rows], self.relation[rows]
        symmetric = np.isin(relation, [self.relations.index(r) for r in SYMMETRIC_RELATIONS])
        swap = symmetric & (subject > obj)
        source, target = np.where(swap, obj, subject), np.where(swap, subject, obj)
        return (source.astype(np.int64) * len(self.relations) + relation) * len(self.actors) + target

    def _group(self) -> None:
        """Edges: claims grouped by edge key; the (edge, document) pairs, to count the documents behind an edge,
        and the dated ones in (edge, date) order."""
        self.edge_keys, self.edge = np.unique(self._edge_keys(), return_inverse=True)
        pair_keys, self.pair = np.unique(self._pair_keys(self.edge, self.doc), return_inverse=True)
        self._set_pairs(pair_keys)
        self.dated_pairs = np.flatnonzero(self.has_date[self.pair_doc]) if len(self.doc_ids) else np.zeros(0, np.int64)
        self.dated_pairs = self.dated_pairs[np.lexsort((self.pair_date[self.dated_pairs],
                                                        self.pair_edge[self.dated_pairs]))]
        self._name_objects()

    def _pair_keys(self, edge: np.ndarray, doc: np.ndarray) -> np.ndarray:
        return edge.astype(np.int64) * max(1, len(self.doc_ids)) + doc

    def _set_pairs(self, pair_keys: np.ndarray) -> None:
        n_docs = max(1, len(self.doc_ids))
        self.pair_edge, self.pair_doc = pair_keys // n_docs, pair_keys % n_docs
        self.pair_date = self.doc_date[self.pair_doc] if len(self.doc_ids) else np.zeros(0, dtype=np.int32)

    def _move(self, rows: np.ndarray) -> None:
        """Put the claims at ``rows`` on their edges and (edge, document) pairs, which may be new, without
        grouping the others again. Edges and pairs keep their sorted order (an edge or pair left without claims
        stays and counts nothing), so every answer is the one a fresh grouping gives."""
        keys = self._edge_keys(rows)
        added = _missing(self.edge_keys, keys)
        if len(added):
            renumber = _renumbering(self.edge_keys, added)
            self.edge, self.pair_edge = renumber[self.edge], renumber[self.pair_edge]
            self.edge_keys = np.insert(self.edge_keys, np.searchsorted(self.edge_keys, added), added)
        else:
            self.edge = self.edge.copy()
        self.edge[rows] = np.searchsorted(self.edge_keys, keys)
        pair_keys = self._pair_keys(self.pair_edge, self.pair_doc)
        wanted = self._pair_keys(self.edge[rows], self.doc[rows])
        added = _missing(pair_keys, wanted)
        if len(added):
            renumber = _renumbering(pair_keys, added)
            self.pair = renumber[self.pair]
            slots = np.searchsorted(pair_keys, added) + np.arange(len(added))  # where the new pairs land
            pair_keys = np.insert(pair_keys, np.searchsorted(pair_keys, added), added)
            self._set_pairs(pair_keys)
            # the dated pairs stay in (edge, date) order: the old ones renumbered, the new ones slotted in
            dated = renumber[self.dated_pairs]
            fresh = slots[self.has_date[self.pair_doc[slots]]]
            order = self.pair_edge.astype(np.int64) * max(1, len(self.dates)) + self.pair_date
            fresh = fresh[np.argsort(order[fresh], kind="stable")]
            self.dated_pairs = np.insert(dated, np.searchsorted(order[dated], order[fresh], side="right"), fresh)
        else:
            self.pair = self.pair.copy()
        self.pair[rows] = np.searchsorted(pair_keys, wanted)

    def _name_objects(self, codes: Iterable[int] | None = None) -> None:
        """Each object's name as its first claim gives it (the name of an actor the store does not list); only
        for the object ``codes`` given, when given."""
        if codes is None:
            found, first = np.unique(self.object, return_index=True)
            self.object_name = dict(zip(found.tolist(), [self.object_names[row] for row in first.tolist()],
                                        strict=True))
            return
        self.object_name = dict(self.object_name)
        for code in codes:
            rows = np.flatnonzero(self.object == code)
            if len(rows):
                self.object_name[code] = self.object_names[int(rows[0])]
            else:
                self.object_name.pop(code, None)

    def _recode(self, names: str, codes: str, arrays: Sequence[str], added: set[str]) -> None:
        """Take new values into a code table (``names`` sorted, ``codes`` value → code) and renumber ``arrays``."""
        old = getattr(self, names)
        values, code = _codes([*old, *added])
        renumber = np.array([code[value] for value in old], dtype=np.int32)
        setattr(self, names, values)
        setattr(self, codes, code)
        for array in arrays:
            setattr(self, array, renumber[getattr(self, array)])

    @classmethod
    def load(cls, conn: Connection) -> GraphIndex:
        """Read the documents and claims of a store."""
        # the last review first: one made while the claims are read is read again by the next ``updated``
        reviewed = conn.execute(select(func.max(t.claim_reviews.c.id))).scalar() or 0
        d = t.documents.c
        docs = list(conn.execute(select(d.id, d.published).order_by(d.id)))
        rows = [tuple(r) for r in conn.execute(select(*_COLUMNS))]
        return cls([r.id for r in docs], [r.published for r in docs], rows, reviewed)

    def updated(self, conn: Connection) -> GraphIndex | None:
        """This index with the claims reviewed since ``reviewed`` read again, as a new index (this one stays as it
        is for the requests using it); None when the store changed in a way a review does not explain (a claim or
        a relation the index does not know), and the index must be loaded again."""
        r = t.claim_reviews.c
        reviews = conn.execute(select(r.id, r.doc_id, r.claim_id).where(r.id > self.reviewed)).all()
        if not reviews:
            return self
        keys = sorted({(row.doc_id, row.claim_id) for row in reviews})
        if any(key not in self.row_of for key in keys):
            return None
        rows = []
        for at in range(0, len(keys), _CHUNK):
            # one (document, id) test per claim: SQLite answers each from the primary key, whereas it scans
            # the whole table for a row-value IN
            chunk = keys[at:at + _CHUNK]
            query = select(*_COLUMNS).where(or_(*[and_(_C.doc_id == doc, _C.id == claim) for doc, claim in chunk]))
            rows.extend(tuple(row) for row in conn.execute(query))
        if any(row[3] not in self.relations for row in rows):
            return None
        new = copy.copy(self)
        new.reviewed = max(row.id for row in reviews)
        for name in ("subject", "object", "relation", "negated", "hedged", "speaker_id", "speaker_name", "status"):
            setattr(new, name, getattr(self, name).copy())
        new.object_names = list(self.object_names)
        at = [self.row_of[(row[0], row[1])] for row in rows]
        named = {int(self.object[i]) for i in at}
        actors = {a for row in rows for a in (row[2], row[4])} - self.actor_code.keys()
        if actors:
            new._recode("actors", "actor_code", ("subject", "object"), actors)
        speakers = {s for row in rows for s in (row[7], row[8])} - self.speaker_code.keys()
        if speakers:
            new._recode("speakers", "speaker_code", ("speaker_id", "speaker_name"), speakers)
        new._set_rows(at, rows)
        if actors or len(at) > _REGROUP:
            new._group()  # actor codes changed, or many claims did: group every claim again (tens of ms)
        else:
            rows_at = np.array(at, dtype=np.int64)
            new._move(rows_at)
            new._name_objects(named | set(new.object[rows_at].tolist()))
        return new

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
