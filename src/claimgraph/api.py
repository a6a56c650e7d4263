"""claimgraph's Python API: every command of the CLI is one of these calls.

>>> import claimgraph
>>> result = claimgraph.extract_text("ISKP claimed the attack in Kabul.", "note-1")
>>> with claimgraph.open_store("sqlite:///claims.db") as store:
...     report = claimgraph.ingest_paths(["articles/"], store)
...     claims = claimgraph.api.rated_claims(store, actor="ISKP")  # each with its Admiralty rating

The calls over a store (``rated_claims``, ``compare``, ``contradictions``, ``export``, ``report``,
``import_stix``…) take an open ``Store`` or a store URL (None: ``$CLAIMGRAPH_DB``, else
./claimgraph.db). The exports are imported when first called: they are slow to load.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from claimgraph.analyze import Analysis, ComparisonReport, Contradiction, Rating, rate, rated_claim
from claimgraph.analyze import compare as compare_sources
from claimgraph.errors import InputError, KBError, StoreError
from claimgraph.evaluate import Report, evaluate_corpus
from claimgraph.extract import extract_document
from claimgraph.ingest import DocDefaults, iter_documents, signature
from claimgraph.kb import KBActor, KBPlace, KnowledgeBase, load_kb
from claimgraph.kb.entries import actor_from_mapping, entry_to_mapping, place_from_mapping
from claimgraph.kb.user import read_user_file
from claimgraph.model import SYMMETRIC_RELATIONS, Document, Extraction
from claimgraph.resolve import resolver_for
from claimgraph.store import AddResult, Store, open_store, resolve_url
from claimgraph.store.engine import sqlite_path

if TYPE_CHECKING:
    from claimgraph.export.stix_import import StixImport

DEMO_URL = "sqlite:///claimgraph-demo.db"
SAMPLE_CORPUS = ("samples", "corpus")

Progress = Callable[[str, str], None]  # (input, status) after each document: ingested, duplicate, … failed


def extract_text(
    text: str, doc_id_or_title: str | None = None, kb: KnowledgeBase | None = None, **meta: Any
) -> dict[str, Any]:
    """The extraction contract (``Extraction.to_dict()``) of one text.

    ``doc_id_or_title`` becomes the document's title; ``meta`` may give url, outlet, author, published,
    language and tags. The document id is always the hash of the text.
    """
    doc = Document(text=text, title=doc_id_or_title, **meta)
    return extract_document(doc, kb).to_dict()


def _label(doc: Document) -> str:
    return doc.source or doc.title or doc.id


def iter_extractions(
    paths: Sequence[str | Path],
    defaults: DocDefaults | None = None,
    kb: KnowledgeBase | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Extraction | InputError]:
    """Read and extract every input in order; an input that cannot be read or extracted is an InputError."""
    for item in iter_documents(paths, defaults, stdin):
        yield item if isinstance(item, InputError) else _extract(item, kb)


def _extract(doc: Document, kb: KnowledgeBase | None) -> Extraction | InputError:
    try:
        return extract_document(doc, kb)
    except Exception as exc:  # a document the extractor chokes on is reported; the batch goes on
        return InputError(_label(doc), f"extraction failed ({type(exc).__name__}: {exc})")


def extract_paths(
    paths: Sequence[str | Path],
    defaults: DocDefaults | None = None,
    kb: KnowledgeBase | None = None,
    stdin: TextIO | None = None,
) -> tuple[list[Extraction], list[InputError]]:
    """Extract every document of the inputs (no store): the extractions and the failures, in input order."""
    extractions: list[Extraction] = []
    failures: list[InputError] = []
    for item in iter_extractions(paths, defaults, kb, stdin):
        (failures if isinstance(item, InputError) else extractions).append(item)
    return extractions, failures


@dataclass(frozen=True)
class IngestedDocument:
    """One document that reached the store (or was already there)."""

    source: str
    title: str | None
    result: AddResult

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "title": self.title, **self.result.to_dict()}


@dataclass
class IngestReport:
    """What an ingest run did: documents stored, already there, stored as syndicated copies, failures."""

    ingested: list[IngestedDocument] = field(default_factory=list)
    duplicates: list[IngestedDocument] = field(default_factory=list)
    near_duplicates: list[IngestedDocument] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": [d.to_dict() for d in self.ingested],
            "duplicates": [d.to_dict() for d in self.duplicates],
            "near_duplicates": [d.to_dict() for d in self.near_duplicates],
            "failed": [{"input": e.source, "reason": e.reason} for e in self.failed],
        }


def _stored_kb_entries(store: Store) -> tuple[list[KBActor], list[KBPlace]]:
    entries = store.kb_entries()
    actors = [actor_from_mapping(e["data"], e["source"]) for e in entries if e["kind"] == "actor"]
    places = [place_from_mapping(e["data"], e["source"]) for e in entries if e["kind"] == "place"]
    return actors, places


def kb_for_store(store: Store) -> KnowledgeBase:
    """The built-in knowledge base extended (overridden by id) with the user entries kept in ``store``."""
    return load_kb(extra=_stored_kb_entries(store))


def knowledge_base(db_url: str | None = None) -> KnowledgeBase:
    """The knowledge base of the store at ``db_url`` (built-in only when that SQLite store does not exist)."""
    path = sqlite_path(resolve_url(db_url))
    if path is not None and not path.exists():
        return load_kb()
    with open_store(db_url, create=False) as store:
        return kb_for_store(store)


def find_kb_entry(kb: KnowledgeBase, ref: str) -> KBActor | KBPlace:
    """The actor or place named by ``ref``: its id (``kb:`` may be left out), its name or an alias.

    Actors are preferred over places of the same name. KBError when nothing or several entries match.
    """
    ref = ref.strip()
    for candidate in (ref, f"kb:{ref}", f"place:{ref}"):
        entry = kb.actor(candidate) or kb.place(candidate)
        if entry is not None:
            return entry
    folded = ref.casefold()
    for pool in (kb.actors.values(), kb.places.values()):
        by_name = [e for e in pool if e.name.casefold() == folded]
        matches = by_name or [e for e in pool if any(a.casefold() == folded for a in e.aliases)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise KBError(f"{ref}: names several entries ({', '.join(sorted(e.id for e in matches))}); give the id")
    raise KBError(
        f"{ref}: no actor or place of the knowledge base has this id, name or alias (try `claimgraph kb search`)"
    )


def kb_add_file(store: Store, path: str | Path) -> tuple[int, int]:
    """Validate a user KB file (YAML, JSON or CSV) and keep its entries with ``store``; (actors, places) added.

    The entries must fit with the built-in KB and the entries already kept (parents, affiliations and
    countries must exist). Later ingests into that store link mentions of them. KBError when invalid.
    """
    actors, places = read_user_file(Path(path))
    kept_actors, kept_places = _stored_kb_entries(store)
    load_kb(extra=([*kept_actors, *actors], [*kept_places, *places]))
    store.add_kb_entries(str(path), [entry_to_mapping(a) for a in actors], [entry_to_mapping(p) for p in places])
    return len(actors), len(places)


def ingest_paths(
    paths: Sequence[str | Path],
    store: Store,
    defaults: DocDefaults | None = None,
    progress: Progress | None = None,
    stdin: TextIO | None = None,
) -> IngestReport:
    """Read, extract and store every document of the inputs, one transaction per document.

    Documents already in the store are not extracted again. A document that cannot be read, extracted
    or stored is reported in ``failed`` and nothing of it is stored; the others go on. Discovered actors
    take the ids of the same actors in earlier documents (``claimgraph.resolve``).
    """
    report = IngestReport()
    kb = kb_for_store(store)
    resolver = resolver_for(store)

    def done(label: str, status: str) -> None:
        if progress is not None:
            progress(label, status)

    for item in iter_documents(paths, defaults, stdin):
        if isinstance(item, InputError):
            report.failed.append(item)
            done(item.source, "failed")
            continue
        label = _label(item)
        if store.has_document(item.id):
            report.duplicates.append(IngestedDocument(label, item.title, AddResult("duplicate", item.id, item.id)))
            done(label, "duplicate")
            continue
        extraction = _extract(item, kb)
        if isinstance(extraction, InputError):
            report.failed.append(extraction)
            done(label, "failed")
            continue
        extraction = resolver.resolve(extraction)
        try:
            result = store.add(extraction, signature(item.text))
        except StoreError as exc:
            report.failed.append(InputError(label, str(exc)))
            done(label, "failed")
            continue
        if result.status != "duplicate":
            resolver.learn(extraction)
        bucket = {
            "ingested": report.ingested,
            "duplicate": report.duplicates,
            "near_duplicate": report.near_duplicates,
        }[result.status]
        bucket.append(IngestedDocument(label, item.title, result))
        done(label, result.status)
    return report


def score_extractor(gold_path: str | Path, docs_dir: str | Path) -> Report:
    """Score the extractor against gold annotations (see ``claimgraph.evaluate``)."""
    return evaluate_corpus(Path(gold_path), Path(docs_dir), extract_text)


def sample_corpus() -> Path:
    """The folder of bundled sample articles."""
    return Path(str(resources.files("claimgraph").joinpath(*SAMPLE_CORPUS)))


@dataclass
class DemoSummary:
    """The demo store's contents in reading order: documents, actors by type, relations, events."""

    db_url: str
    report: IngestReport
    documents: list[dict[str, Any]]
    actors_by_type: dict[str, list[str]]
    relations: list[dict[str, Any]]
    events: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "db": self.db_url,
            "ingest": self.report.to_dict(),
            "documents": self.documents,
            "actors_by_type": self.actors_by_type,
            "relations": self.relations,
            "events": self.events,
        }


def run_demo(db_url: str | None = None) -> DemoSummary:
    """Build a store from the bundled sample corpus and summarise it.

    Without ``db_url`` the store is ./claimgraph-demo.db, made afresh each time. A store given by URL is
    added to (ingest is idempotent) and the summary covers the sample documents only (rated against the
    whole store).
    """
    url = resolve_url(db_url or DEMO_URL)
    if db_url is None:
        _remove_sqlite_files(url)
    with open_store(url) as store:
        report = ingest_paths([sample_corpus()], store)
        doc_ids = [d.result.doc_id for d in (*report.ingested, *report.duplicates, *report.near_duplicates)]
        return _summarise(store, store.url, report, doc_ids)


def _rating_dict(rating: Rating | None) -> dict[str, Any] | None:
    return rating.to_dict() if rating else None


def _remove_sqlite_files(url: str) -> None:
    path = sqlite_path(url)
    if path is None:
        return
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _summarise(store: Store, url: str, report: IngestReport, doc_ids: list[str]) -> DemoSummary:
    wanted = set(doc_ids)
    names = {a["id"]: a["name"] for a in store.actors()}
    documents = [d for d in store.documents() if d["id"] in wanted]
    titles = {d["id"]: d["title"] or d["source"] for d in documents}
    corpus = store.corpus(doc_ids)
    ratings = store_ratings(store)
    by_type: dict[str, set[str]] = defaultdict(set)
    for extraction in corpus.extractions:
        for actor in extraction.actors:
            by_type[actor.type].add(actor.name)
    relations: dict[tuple[str, str, str], dict[str, Any]] = {}
    for doc_id in doc_ids:
        for claim in store.claims(doc=doc_id):
            pair = (claim["subject"], claim["object"])
            if claim["relation"] in SYMMETRIC_RELATIONS:
                pair = tuple(sorted(pair))
            key = (pair[0], claim["relation"], pair[1])
            entry = relations.setdefault(
                key,
                {
                    "subject": names.get(pair[0], pair[0]),
                    "relation": claim["relation"],
                    "object": names.get(pair[1], claim["object_name"] if pair[1] == claim["object"] else pair[1]),
                    "sources": [],
                },
            )
            source = {
                "document": titles.get(doc_id),
                "outlet": claim["outlet"],
                "speaker": claim["asserted_by"]["name"],
                "polarity": claim["polarity"],
                "hedged": claim["hedged"],
                "evidence": claim["evidence"]["text"],
                "syndicated_copy_of": claim["duplicate_of"],
                "rating": _rating_dict(ratings.get(claim["id"])),
            }
            if source not in entry["sources"]:  # a symmetric relation stated both ways is one statement
                entry["sources"].append(source)
    events = []
    for doc_id in doc_ids:
        for event in store.events(doc=doc_id):
            events.append(
                {
                    "kind": event["kind"],
                    "date": event["date"],
                    "place": event["place"]["name"] if event["place"] else None,
                    "country": event["place"]["country"] if event["place"] else None,
                    "perpetrators": [names.get(a, a) for a in event["perpetrators"]],
                    "claimed_by": [names.get(a, a) for a in event["claimed_by"]],
                    "killed": event["killed"],
                    "wounded": event["wounded"],
                    "document": titles.get(doc_id),
                    "outlet": event["outlet"],
                    "syndicated_copy_of": event["duplicate_of"],
                    "rating": _rating_dict(ratings.get(event["id"])),
                }
            )
    events.sort(key=lambda e: (e["date"] or "", e["place"] or ""))
    return DemoSummary(
        url,
        report,
        documents,
        {t: sorted(n) for t, n in sorted(by_type.items())},
        sorted(relations.values(), key=lambda r: (r["subject"], r["relation"], r["object"])),
        events,
    )


# -- reading and analysing a store -------------------------------------------------------------------

StoreRef = Store | str | None  # an open store, or the URL of one (None: $CLAIMGRAPH_DB, else ./claimgraph.db)


@contextmanager
def _opened(db: StoreRef, create: bool = False) -> Iterator[Store]:
    """``db`` itself when it is an open store; else the store at that URL, closed afterwards."""
    if isinstance(db, Store):
        yield db
        return
    with open_store(db, create=create) as store:
        yield store


def store_ratings(db: StoreRef = None) -> dict[str, Rating]:
    """Claim id and event id → Admiralty rating (source reliability A–F, credibility 1–6), over the whole store."""
    with _opened(db) as store:
        return rate(store.corpus(), kb_for_store(store))


def rated_claims(
    db: StoreRef = None,
    actor: str | None = None,
    relation: str | None = None,
    doc: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    ratings: Mapping[str, Rating] | None = None,
) -> list[dict[str, Any]]:
    """``Store.claims`` (same filters), each claim with its Admiralty rating under ``rating``.

    The ratings are computed over the whole store whatever the filters (corroboration and contradiction
    come from every source); pass ``ratings`` (from ``store_ratings``) to reuse them across calls.
    """
    with _opened(db) as store:
        rows = store.claims(actor=actor, relation=relation, doc=doc, limit=limit, offset=offset)
        if rows and ratings is None:
            ratings = Analysis(store.corpus(), kb_for_store(store)).claim_ratings
    return [rated_claim(row, (ratings or {}).get(row["id"])) for row in rows]


def rated_events(
    db: StoreRef = None,
    actor: str | None = None,
    doc: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    ratings: Mapping[str, Rating] | None = None,
) -> list[dict[str, Any]]:
    """``Store.events`` (same filters), each event report with its Admiralty rating under ``rating``.

    An event report is corroborated by the other sources reporting the same event (resolved across the
    whole store) and contradicted by those giving a different detail; see docs/analysis.md.
    """
    with _opened(db) as store:
        rows = store.events(actor=actor, doc=doc, kind=kind, limit=limit, offset=offset)
        if rows and ratings is None:
            ratings = Analysis(store.corpus(), kb_for_store(store)).event_ratings
    return [rated_claim(row, (ratings or {}).get(row["id"])) for row in rows]


@dataclass
class Conflicts:
    """The contradictions between sources, and apart the hedged disagreements (which are not contradictions)."""

    contradictions: list[Contradiction]
    hedged_disagreements: list[Contradiction]

    def to_dict(self) -> dict[str, Any]:
        return {
            "contradictions": [c.to_dict() for c in self.contradictions],
            "hedged_disagreements": [c.to_dict() for c in self.hedged_disagreements],
        }


def contradictions(db: StoreRef = None) -> Conflicts:
    """Every conflict between the store's sources (polarity, incompatible relation, hierarchy, event detail)."""
    with _opened(db) as store:
        analysis = Analysis(store.corpus(), kb_for_store(store))
        return Conflicts(analysis.contradictions(), analysis.hedged_disagreements())


def compare(db: StoreRef = None, by: str = "doc", a: str | None = None, b: str | None = None) -> ComparisonReport:
    """Agreements, contradictions and silences between groups of the store's sources (``claimgraph.analyze.compare``).

    ``by``: doc, outlet, perspective, speaker or tag:KEY. With ``a`` and ``b`` those two groups; with ``a``
    only, ``a`` against all the others; with neither, every pair of groups.
    """
    with _opened(db) as store:
        return compare_sources(store.corpus(), kb_for_store(store), by=by, a=a, b=b)


def export(
    db: StoreRef,
    fmt: str,
    path: str | Path,
    actor: str | None = None,
    doc: str | None = None,
    since: str | None = None,
    profile: str = "default",
    timestamp: datetime | None = None,
) -> list[Path]:
    """Write the store as ``fmt`` (stix, graphml, gexf, csv or json) at ``path``; the files written.

    ``actor``, ``doc`` and ``since`` narrow what is written; see ``claimgraph.export.export``.
    """
    from claimgraph.export import export as export_corpus

    with _opened(db) as store:
        corpus, kb = store.corpus(), kb_for_store(store)
    return export_corpus(corpus, kb, fmt, path, actor=actor, doc=doc, since=since, profile=profile, timestamp=timestamp)


def report(
    db: StoreRef = None, actor: str | None = None, topic: str | None = None, generated: datetime | None = None
) -> str:
    """The self-contained HTML briefing of the store, or of one ``actor`` or one ``topic`` (not both)."""
    from claimgraph.export.briefing import report as briefing

    with _opened(db) as store:
        corpus, kb = store.corpus(), kb_for_store(store)
    return briefing(corpus, kb, actor=actor, topic=topic, generated=generated)


def import_stix(bundle: str | Path, db: StoreRef = None) -> StixImport:
    """Keep a STIX 2.1 bundle in the store (made when missing): new actors and places as user KB entries,
    relationships as claims and incidents as events, one document per STIX report."""
    from claimgraph.export.stix_import import import_stix as import_bundle

    with _opened(db, create=True) as store:
        return import_bundle(bundle, store, kb_for_store(store))
