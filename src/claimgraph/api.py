"""claimgraph's Python API: every command of the CLI is one of these calls.

>>> import claimgraph
>>> result = claimgraph.extract_text("ISKP claimed the attack in Kabul.", "note-1")
>>> with claimgraph.open_store("sqlite:///claims.db") as store:
...     report = claimgraph.ingest_paths(["articles/"], store)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

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
    added to (ingest is idempotent) and the summary covers the sample documents only.
    """
    url = resolve_url(db_url or DEMO_URL)
    if db_url is None:
        _remove_sqlite_files(url)
    with open_store(url) as store:
        report = ingest_paths([sample_corpus()], store)
        doc_ids = [d.result.doc_id for d in (*report.ingested, *report.duplicates, *report.near_duplicates)]
        return _summarise(store, store.url, report, doc_ids)


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
