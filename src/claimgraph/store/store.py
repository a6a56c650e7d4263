"""The claim store: one class over a SQLAlchemy engine, returning plain JSON-ready dicts."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Connection, Engine, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from claimgraph.errors import StoreError
from claimgraph.model import Corpus, Extraction, short_hash
from claimgraph.store import schema as t
from claimgraph.store.engine import connect, resolve_url, shown_url
from claimgraph.store.reader import load_extractions, rows_in
from claimgraph.store.review import apply_review
from claimgraph.store.rows import claim_dict, claim_values, event_dict, iso_time
from claimgraph.store.writer import duplicate_ids, write_extraction

if TYPE_CHECKING:
    from claimgraph.ingest import NearDuplicateIndex

AddStatus = Literal["ingested", "duplicate", "near_duplicate"]
GRADES = ("A", "B", "C", "D", "E", "F")
GRADE_MEANINGS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "cannot be judged",
}
DEFAULT_GRADE = "F"
SOURCE_KINDS = ("outlet", "speaker")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_HEX = re.compile(r"^[0-9a-f]+$")


@dataclass(frozen=True)
class AddResult:
    """What happened to one document: stored, an exact duplicate (nothing stored) or a near-duplicate
    (stored, linked to the copy it repeats through ``duplicate_of``)."""

    status: AddStatus
    doc_id: str
    duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """Documents, actors, claims and events of many extractions, plus grades, reviews and the user KB."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url  # for display: the password, if any, is masked
        self._near: NearDuplicateIndex | None = None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------------

    def add(self, extraction: Extraction, signature: bytes | None = None) -> AddResult:
        """Store one document's extraction in one transaction.

        The same text again is a no-op ("duplicate"). A text whose ``signature`` (see
        ``claimgraph.ingest.signature``) matches a stored one is stored and linked to it ("near_duplicate").
        """
        doc_id = extraction.document.id
        if self.has_document(doc_id):
            return AddResult("duplicate", doc_id, doc_id)
        problem = duplicate_ids(extraction)
        if problem:
            raise StoreError(f"cannot store {doc_id[:19]}…: {problem}")
        original = self._near_duplicate_of(signature) if signature is not None else None
        try:
            with self.engine.begin() as conn:
                write_extraction(conn, extraction, signature, original)
        except IntegrityError as exc:
            if self.has_document(doc_id):
                return AddResult("duplicate", doc_id, doc_id)
            raise StoreError(f"cannot store {doc_id[:19]}…: {_reason(exc)}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store {doc_id[:19]}…: {_reason(exc)}") from exc
        if signature is not None and self._near is not None:
            self._near.add(doc_id, signature)
        if original is not None:
            return AddResult("near_duplicate", doc_id, original)
        return AddResult("ingested", doc_id)

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this full id is stored."""
        with self.engine.connect() as conn:
            return conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is not None

    def _near_duplicate_of(self, signature: bytes) -> str | None:
        """The first copy of the story a signature repeats (following links back to the original)."""
        if self._near is None:
            # imported here: the MinHash machinery is slow to import and only writing needs it
            from claimgraph.ingest import NearDuplicateIndex

            self._near = NearDuplicateIndex()
            with self.engine.connect() as conn:
                for row in conn.execute(
                    select(t.documents.c.id, t.documents.c.signature)
                    .where(t.documents.c.signature.is_not(None))
                    .order_by(t.documents.c.ingested_at, t.documents.c.id)
                ):
                    self._near.add(row.id, row.signature)
        match = self._near.find(signature)
        if match is None:
            return None
        with self.engine.connect() as conn:
            original = conn.execute(select(t.documents.c.duplicate_of).where(t.documents.c.id == match)).scalar()
        return original or match

    # -- documents -------------------------------------------------------------------------------------

    def documents(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Every document's metadata (no text), in the order they were ingested, with claim/event counts."""
        query = (
            select(*[c for c in t.documents.c if c.name not in ("text", "signature")])
            .order_by(t.documents.c.ingested_at, t.documents.c.id)
            .offset(offset)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
            counts = self._doc_counts(conn, [r.id for r in rows])
        return [self._document_dict(row, counts) for row in rows]

    @staticmethod
    def _doc_counts(conn: Connection, ids: list[str]) -> dict[str, Counter]:
        counts: dict[str, Counter] = defaultdict(Counter)
        for label, table in (("claims", t.claims), ("events", t.events)):
            query = select(table.c.doc_id, func.count()).group_by(table.c.doc_id)
            if label == "claims":
                query = query.where(table.c.review_status != "rejected")
            for doc_id, n in rows_in(conn, query, table.c.doc_id, ids):
                counts[doc_id][label] = n
        return counts

    @staticmethod
    def _document_dict(row: Any, counts: Mapping[str, Counter]) -> dict[str, Any]:
        data = {
            key: row._mapping[key]
            for key in (
                "id",
                "title",
                "url",
                "outlet",
                "author",
                "published",
                "language",
                "source",
                "n_words",
                "duplicate_of",
            )
        }
        data["tags"] = dict(row.tags or {})
        data["ingested_at"] = iso_time(row.ingested_at)
        data["claims"] = counts.get(row.id, Counter())["claims"]
        data["events"] = counts.get(row.id, Counter())["events"]
        return data

    def document_id(self, ref: str) -> str:
        """The full id of the document named by ``ref``: its id, a unique prefix of its hex digest,
        its source path or its title. StoreError when nothing or several documents match."""
        ref = ref.strip()
        if not ref:
            raise StoreError("document reference is empty")
        col = t.documents.c
        with self.engine.connect() as conn:
            if conn.execute(select(col.id).where(col.id == ref)).first():
                return ref
            digest = ref.removeprefix("sha256:").lower()
            matches: list[str] = []
            if _HEX.match(digest):
                matches = list(
                    conn.execute(
                        select(col.id).where(col.id.startswith("sha256:" + digest)).order_by(col.id).limit(6)
                    ).scalars()
                )
            if not matches:
                matches = list(
                    conn.execute(
                        select(col.id).where(or_(col.source == ref, col.title == ref)).order_by(col.id).limit(6)
                    ).scalars()
                )
        if not matches:
            raise StoreError(f"{ref}: no document has this id, id prefix, source or title")
        if len(matches) > 1:
            shown = ", ".join(m.removeprefix("sha256:")[:12] for m in matches[:5])
            raise StoreError(
                f"{ref}: matches several documents ({shown}{', …' if len(matches) > 5 else ''}); give more of the id"
            )
        return matches[0]

    def document(self, ref: str) -> dict[str, Any]:
        """One document's metadata and clean text (see ``document_id`` for what ``ref`` may be)."""
        doc_id = self.document_id(ref)
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).one()
            data = self._document_dict(row, self._doc_counts(conn, [doc_id]))
        data["text"] = row.text
        return data

    # -- actors ----------------------------------------------------------------------------------------

    def actors(self, origin: str | None = None) -> list[dict[str, Any]]:
        """Every actor (``origin`` "kb" or "new" to narrow), with document, mention and claim counts."""
        query = select(t.actors).order_by(t.actors.c.name, t.actors.c.id)
        if origin is not None:
            query = query.where(t.actors.c.origin == origin)
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
            docs = dict(
                conn.execute(
                    select(t.document_entities.c.entity_id, func.count())
                    .where(t.document_entities.c.kind == "actor")
                    .group_by(t.document_entities.c.entity_id)
                ).all()
            )
            mentions = dict(
                conn.execute(
                    select(t.mentions.c.entity_id, func.count())
                    .where(t.mentions.c.kind == "actor")
                    .group_by(t.mentions.c.entity_id)
                ).all()
            )
            claims: Counter = Counter()
            for column in (t.claims.c.subject, t.claims.c.object):
                claims.update(
                    dict(
                        conn.execute(
                            select(column, func.count()).where(t.claims.c.review_status != "rejected").group_by(column)
                        ).all()
                    )
                )
        return [
            {
                "id": r.id,
                "name": r.name,
                "type": r.type,
                "wikidata": r.wikidata,
                "aliases": list(r.aliases),
                "origin": r.origin,
                "documents": docs.get(r.id, 0),
                "mentions": mentions.get(r.id, 0),
                "claims": claims.get(r.id, 0),
            }
            for r in rows
        ]

    def actor_id(self, ref: str) -> str:
        """The id of the actor named by ``ref``: its id (``kb:`` may be left out), name or an alias."""
        ref = ref.strip()
        with self.engine.connect() as conn:
            for candidate in (ref, f"kb:{ref}", f"new:{ref}"):
                if conn.execute(select(t.actors.c.id).where(t.actors.c.id == candidate)).first():
                    return candidate
            rows = list(conn.execute(select(t.actors.c.id, t.actors.c.name, t.actors.c.aliases)))
        folded = ref.casefold()
        by_name = [r.id for r in rows if r.name.casefold() == folded]
        matches = by_name or [r.id for r in rows if any(a.casefold() == folded for a in r.aliases)]
        if not matches:
            raise StoreError(f"{ref}: no actor in the store has this id, name or alias")
        if len(matches) > 1:
            raise StoreError(f"{ref}: names several actors ({', '.join(sorted(matches))}); give the id")
        return matches[0]

    def actor(self, ref: str) -> dict[str, Any]:
        """One actor (by id, name or alias) with its counts."""
        actor_id = self.actor_id(ref)
        return next(a for a in self.actors() if a["id"] == actor_id)

    # -- claims and events -----------------------------------------------------------------------------

    def claims(
        self,
        actor: str | None = None,
        relation: str | None = None,
        doc: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        include_rejected: bool = False,
    ) -> list[dict[str, Any]]:
        """Claims with their evidence, document and current review state, filtered by actor (subject or
        object), relation and document; rejected claims only when asked for."""
        subj, obj = t.actors.alias("subj"), t.actors.alias("obj")
        query = (
            select(
                t.claims,
                t.evidence.c.start.label("ev_start"),
                t.evidence.c.end.label("ev_end"),
                t.evidence.c.text.label("ev_text"),
                t.documents.c.title.label("doc_title"),
                t.documents.c.outlet,
                t.documents.c.published,
                t.documents.c.duplicate_of,
                subj.c.name.label("subject_name"),
                obj.c.name.label("object_actor_name"),
            )
            .join(t.evidence, t.claims.c.evidence_id == t.evidence.c.id)
            .join(t.documents, t.claims.c.doc_id == t.documents.c.id)
            .outerjoin(subj, subj.c.id == t.claims.c.subject)
            .outerjoin(obj, obj.c.id == t.claims.c.object)
            .order_by(t.documents.c.ingested_at, t.claims.c.doc_id, t.claims.c.position)
            .offset(offset)
            .limit(limit)
        )
        if not include_rejected:
            query = query.where(t.claims.c.review_status != "rejected")
        if actor is not None:
            actor_id = self.actor_id(actor)
            query = query.where(or_(t.claims.c.subject == actor_id, t.claims.c.object == actor_id))
        if relation is not None:
            query = query.where(t.claims.c.relation == relation)
        if doc is not None:
            query = query.where(t.claims.c.doc_id == self.document_id(doc))
        with self.engine.connect() as conn:
            return [claim_dict(row) for row in conn.execute(query)]

    def claim(self, claim_id: str, doc: str | None = None) -> dict[str, Any]:
        """One claim (rejected ones included) by id; ``doc`` picks it when the id is in several documents."""
        doc_id = self._claim_doc(claim_id, doc)
        found = [c for c in self.claims(doc=doc_id, include_rejected=True) if c["id"] == claim_id]
        return found[0]

    def _claim_doc(self, claim_id: str, doc: str | None) -> str:
        query = select(t.claims.c.doc_id).where(t.claims.c.id == claim_id)
        if doc is not None:
            query = query.where(t.claims.c.doc_id == self.document_id(doc))
        with self.engine.connect() as conn:
            docs = list(conn.execute(query).scalars())
        if not docs:
            raise StoreError(f"{claim_id}: no such claim" + (f" in document {doc}" if doc else ""))
        if len(docs) > 1:
            raise StoreError(f"{claim_id}: claim id found in {len(docs)} documents; name the document")
        return docs[0]

    def events(
        self,
        actor: str | None = None,
        doc: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events with their evidence and document, filtered by participant actor, document and kind."""
        query = (
            select(
                t.events,
                t.evidence.c.start.label("ev_start"),
                t.evidence.c.end.label("ev_end"),
                t.evidence.c.text.label("ev_text"),
                t.documents.c.title.label("doc_title"),
                t.documents.c.outlet,
                t.documents.c.published,
                t.documents.c.duplicate_of,
            )
            .join(t.evidence, t.events.c.evidence_id == t.evidence.c.id)
            .join(t.documents, t.events.c.doc_id == t.documents.c.id)
            .order_by(t.documents.c.ingested_at, t.events.c.doc_id, t.events.c.position)
            .offset(offset)
            .limit(limit)
        )
        if actor is not None:
            actor_id = self.actor_id(actor)
            part = t.event_participants
            query = query.where(
                select(part.c.event_id)
                .where(
                    part.c.doc_id == t.events.c.doc_id,
                    part.c.event_id == t.events.c.id,
                    part.c.actor == actor_id,
                )
                .exists()
            )
        if doc is not None:
            query = query.where(t.events.c.doc_id == self.document_id(doc))
        if kind is not None:
            query = query.where(t.events.c.kind == kind)
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
            roles: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
            for p in rows_in(
                conn,
                select(t.event_participants).order_by(t.event_participants.c.position),
                t.event_participants.c.doc_id,
                sorted({r.doc_id for r in rows}),
            ):
                roles[(p.doc_id, p.event_id)][p.role].append(p.actor)
        return [event_dict(row, roles[(row.doc_id, row.id)]) for row in rows]

    def corpus(self, doc_ids: Sequence[str] | None = None) -> Corpus:
        """What the analysis reads: the (reviewed) extractions, the syndication links and source grades."""
        with self.engine.connect() as conn:
            extractions = load_extractions(conn, doc_ids)
            wanted = {e.document.id for e in extractions}
            syndicated = {
                row.id: row.duplicate_of
                for row in conn.execute(
                    select(t.documents.c.id, t.documents.c.duplicate_of).where(t.documents.c.duplicate_of.is_not(None))
                )
                if row.id in wanted
            }
            grades = {
                row.name: row.grade for row in conn.execute(select(t.source_grades).order_by(t.source_grades.c.kind))
            }
        return Corpus(extractions=extractions, syndicated=syndicated, grades=grades)

    # -- source grades ---------------------------------------------------------------------------------

    def set_grade(self, name: str, grade: str, kind: str = "outlet") -> dict[str, Any]:
        """Set the Admiralty reliability grade A–F of an outlet or a speaker."""
        name, grade = name.strip(), grade.strip().upper()
        if not name:
            raise StoreError("source name is empty")
        if grade not in GRADES:
            raise StoreError(f"{grade!r}: grade must be one of {', '.join(GRADES)}")
        if kind not in SOURCE_KINDS:
            raise StoreError(f"{kind!r}: source kind must be outlet or speaker")
        now = _now()
        key = (t.source_grades.c.name == name) & (t.source_grades.c.kind == kind)
        with self.engine.begin() as conn:
            if conn.execute(select(t.source_grades.c.name).where(key)).first():
                conn.execute(update(t.source_grades).where(key).values(grade=grade, set_at=now))
            else:
                conn.execute(insert(t.source_grades).values(name=name, kind=kind, grade=grade, set_at=now))
        return {
            "name": name,
            "kind": kind,
            "grade": grade,
            "meaning": GRADE_MEANINGS[grade],
            "set_at": iso_time(now),
        }

    def grades(self) -> list[dict[str, Any]]:
        """The grades set by users."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.source_grades).order_by(t.source_grades.c.kind, t.source_grades.c.name))
            return [
                {
                    "name": r.name,
                    "kind": r.kind,
                    "grade": r.grade,
                    "meaning": GRADE_MEANINGS[r.grade],
                    "set_at": iso_time(r.set_at),
                }
                for r in rows
            ]

    def sources(self) -> list[dict[str, Any]]:
        """Every outlet of the stored documents and every graded speaker, with its grade (default F)."""
        set_grades = {(g["kind"], g["name"]): g for g in self.grades()}
        with self.engine.connect() as conn:
            outlets = dict(
                conn.execute(
                    select(t.documents.c.outlet, func.count())
                    .where(t.documents.c.outlet.is_not(None))
                    .group_by(t.documents.c.outlet)
                ).all()
            )
        names = {("outlet", name) for name in outlets} | set(set_grades)
        result = []
        for kind, name in sorted(names):
            graded = set_grades.get((kind, name))
            grade = graded["grade"] if graded else DEFAULT_GRADE
            result.append(
                {
                    "name": name,
                    "kind": kind,
                    "grade": grade,
                    "meaning": GRADE_MEANINGS[grade],
                    "set_at": graded["set_at"] if graded else None,
                    "documents": outlets.get(name, 0) if kind == "outlet" else None,
                }
            )
        return result

    # -- review ----------------------------------------------------------------------------------------

    def review_claim(
        self,
        claim_id: str,
        reviewer: str,
        action: str,
        changes: Mapping[str, Any] | None = None,
        doc: str | None = None,
    ) -> dict[str, Any]:
        """Confirm, reject or edit a claim: the claim takes the new values and the audit trail keeps who,
        when, the values before and after. Nothing is deleted. Returns the claim as it now stands."""
        if not reviewer.strip():
            raise StoreError("reviewer name is empty")
        doc_id = self._claim_doc(claim_id, doc)
        key = (t.claims.c.doc_id == doc_id) & (t.claims.c.id == claim_id)
        now = _now()
        with self.engine.begin() as conn:
            row = conn.execute(select(t.claims).where(key)).one()
            before = claim_values(row._mapping)
            values = apply_review(before, action, changes or {})
            if "object" in values and "object_name" not in (changes or {}):
                name = conn.execute(select(t.actors.c.name).where(t.actors.c.id == values["object"])).scalar()
                values["object_name"] = name or values["object"]
            values.update(reviewed_by=reviewer.strip(), reviewed_at=now)
            conn.execute(update(t.claims).where(key).values(**values))
            after = claim_values(conn.execute(select(t.claims).where(key)).one()._mapping)
            conn.execute(
                insert(t.claim_reviews).values(
                    doc_id=doc_id,
                    claim_id=claim_id,
                    reviewer=reviewer.strip(),
                    at=now,
                    action=action,
                    before=before,
                    after=after,
                )
            )
        return self.claim(claim_id, doc_id)

    def audit(self, claim_id: str | None = None) -> list[dict[str, Any]]:
        """The review trail, oldest first (of one claim, or of all)."""
        query = select(t.claim_reviews).order_by(t.claim_reviews.c.at, t.claim_reviews.c.id)
        if claim_id is not None:
            query = query.where(t.claim_reviews.c.claim_id == claim_id)
        with self.engine.connect() as conn:
            return [
                {
                    "id": r.id,
                    "doc_id": r.doc_id,
                    "claim_id": r.claim_id,
                    "reviewer": r.reviewer,
                    "at": iso_time(r.at),
                    "action": r.action,
                    "before": r.before,
                    "after": r.after,
                }
                for r in conn.execute(query)
            ]

    # -- user knowledge base and reference timeline ----------------------------------------------------

    def add_kb_entries(
        self, source: str, actors: Sequence[Mapping[str, Any]] = (), places: Sequence[Mapping[str, Any]] = ()
    ) -> int:
        """Keep user KB entries (validated mappings with an ``id``) with the store; an entry with the id of
        an earlier one replaces it. Returns how many were written."""
        entries = [("actor", dict(a)) for a in actors] + [("place", dict(p)) for p in places]
        for kind, data in entries:
            if not isinstance(data.get("id"), str) or not data["id"]:
                raise StoreError(f"{source}: {kind} entry without an id")
        now = _now()
        with self.engine.begin() as conn:
            for kind, data in entries:
                key = (t.kb_entries.c.kind == kind) & (t.kb_entries.c.id == data["id"])
                if conn.execute(select(t.kb_entries.c.id).where(key)).first():
                    conn.execute(update(t.kb_entries).where(key).values(data=data, source=source, added_at=now))
                else:
                    conn.execute(
                        insert(t.kb_entries).values(kind=kind, id=data["id"], data=data, source=source, added_at=now)
                    )
        return len(entries)

    def kb_entries(self) -> list[dict[str, Any]]:
        """The user KB entries kept with the store, in the order they were added."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.kb_entries).order_by(t.kb_entries.c.added_at, t.kb_entries.c.kind, t.kb_entries.c.id)
            )
            return [
                {"kind": r.kind, "id": r.id, "data": r.data, "source": r.source, "added_at": iso_time(r.added_at)}
                for r in rows
            ]

    def add_reference_event(self, entry: Mapping[str, Any], source: str = "user") -> dict[str, Any]:
        """Keep a user reference-timeline entry (``date`` YYYY[-MM[-DD]] and ``description`` required,
        other fields kept as given); an entry with the id of an earlier one replaces it."""
        date, description = str(entry.get("date") or "").strip(), str(entry.get("description") or "").strip()
        if not _DATE.match(date):
            raise StoreError(f"{source}: reference event date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if not description:
            raise StoreError(f"{source}: reference event needs a description")
        ref_id = str(entry.get("id") or "ref:" + short_hash(date, description))
        data = {**dict(entry), "id": ref_id, "date": date, "description": description}
        now = _now()
        with self.engine.begin() as conn:
            key = t.reference_events.c.id == ref_id
            values = {
                "date": date,
                "description": description,
                "data": data,
                "source": source,
                "added_at": now,
            }
            if conn.execute(select(t.reference_events.c.id).where(key)).first():
                conn.execute(update(t.reference_events).where(key).values(**values))
            else:
                conn.execute(insert(t.reference_events).values(id=ref_id, **values))
        return {**data, "source": source, "added_at": iso_time(now)}

    def reference_events(self) -> list[dict[str, Any]]:
        """The user reference-timeline entries, by date."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.reference_events).order_by(t.reference_events.c.date, t.reference_events.c.id))
            return [{**r.data, "source": r.source, "added_at": iso_time(r.added_at)} for r in rows]


def _reason(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


def open_store(url: str | None = None, create: bool = True) -> Store:
    """Open (and, with ``create``, make) the store at ``url``, ``$CLAIMGRAPH_DB`` or ./claimgraph.db."""
    resolved = resolve_url(url)
    return Store(connect(resolved, create=create), shown_url(resolved))
