"""Claims, events and actors as flat tables: three CSV files or one JSON document (columns in docs/exports.md)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from claimgraph.analyze.statements import doc_label, speaker_name
from claimgraph.export.assessment import Assessment
from claimgraph.export.entities import Entities, claim_object_kind, collect, event_place_id
from claimgraph.export.labels import independent_key
from claimgraph.kb import KnowledgeBase
from claimgraph.model import Corpus, Document

CLAIM_COLUMNS = (
    "claim_id", "document_id", "document", "outlet", "published", "url", "subject_id", "subject", "relation",
    "object_id", "object", "polarity", "hedged", "speaker_id", "speaker", "time", "credibility",
    "source_reliability", "extractor_confidence", "extractor", "evidence", "evidence_start", "evidence_end",
    "syndicated_from",
)
EVENT_COLUMNS = (
    "event_id", "document_id", "document", "outlet", "published", "kind", "date", "date_precision", "place",
    "country", "perpetrator_ids", "perpetrators", "claimed_by_ids", "claimed_by", "target_ids", "targets",
    "killed", "wounded", "casualty_text", "hedged", "speaker", "evidence", "evidence_start", "evidence_end",
)
ACTOR_COLUMNS = (
    "actor_id", "name", "type", "aliases", "wikidata", "parent_id", "parent", "country", "documents",
    "claims_as_subject", "claims_as_object", "events",
)
TABLES = {"claims": CLAIM_COLUMNS, "events": EVENT_COLUMNS, "actors": ACTOR_COLUMNS}
LIST_SEPARATOR = "; "


def _document_columns(doc: Document) -> dict[str, Any]:
    return {"document_id": doc.id, "document": doc_label(doc), "outlet": doc.outlet,
            "published": doc.published}


def claim_rows(corpus: Corpus, assessment: Assessment, entities: Entities) -> list[dict[str, Any]]:
    """One row per claim: the proposition, its stance, speaker, credibility, evidence and source."""
    rows = []
    for extraction in corpus.extractions:
        doc = extraction.document
        for claim in extraction.claims:
            kind = claim_object_kind(claim, entities)
            object_name = (entities.places[claim.object].name if kind == "place" else
                           claim.object_name if kind == "event" else entities.actor(claim.object).name)
            copy_of = independent_key(corpus, doc.id)
            rows.append({
                "claim_id": claim.id, **_document_columns(doc), "url": doc.url, "subject_id": claim.subject,
                "subject": entities.actor(claim.subject).name, "relation": claim.relation,
                "object_id": claim.object, "object": object_name, "polarity": claim.polarity,
                "hedged": claim.hedged, "speaker_id": claim.asserted_by.id,
                "speaker": speaker_name(claim.asserted_by, doc), "time": claim.time,
                "credibility": assessment.credibility(claim.id),
                "source_reliability": corpus.grades.get(doc.outlet or ""),
                "extractor_confidence": claim.confidence, "extractor": claim.extractor,
                "evidence": claim.evidence.text, "evidence_start": claim.evidence.start,
                "evidence_end": claim.evidence.end, "syndicated_from": copy_of if copy_of != doc.id else None})
    return rows


def _names(entities: Entities, ids: list[str]) -> list[str]:
    return [entities.actor(i).name for i in ids]


def event_rows(corpus: Corpus, entities: Entities) -> list[dict[str, Any]]:
    """One row per event as each document reports it, with actors as ids and as names."""
    rows = []
    for extraction in corpus.extractions:
        doc = extraction.document
        for event in extraction.events:
            place = entities.places.get(event_place_id(event) or "")
            rows.append({
                "event_id": event.id, **_document_columns(doc), "kind": event.kind, "date": event.date,
                "date_precision": event.date_precision, "place": place.name if place else None,
                "country": place.country if place else None, "perpetrator_ids": event.perpetrators,
                "perpetrators": _names(entities, event.perpetrators), "claimed_by_ids": event.claimed_by,
                "claimed_by": _names(entities, event.claimed_by), "target_ids": event.targets,
                "targets": _names(entities, event.targets), "killed": event.killed, "wounded": event.wounded,
                "casualty_text": event.casualty_text, "hedged": event.hedged,
                "speaker": speaker_name(event.asserted_by, doc), "evidence": event.evidence.text,
                "evidence_start": event.evidence.start, "evidence_end": event.evidence.end})
    return rows


def actor_rows(corpus: Corpus, entities: Entities) -> list[dict[str, Any]]:
    """One row per actor the corpus mentions (and their KB parents), with how often it appears."""
    documents: dict[str, set[str]] = {}
    as_subject: dict[str, int] = {}
    as_object: dict[str, int] = {}
    events: dict[str, int] = {}
    for extraction in corpus.extractions:
        doc_id = extraction.document.id
        for record in extraction.actors:
            documents.setdefault(record.id, set()).add(doc_id)
        for claim in extraction.claims:
            as_subject[claim.subject] = as_subject.get(claim.subject, 0) + 1
            as_object[claim.object] = as_object.get(claim.object, 0) + 1
            for actor_id in (claim.subject, claim.object):
                documents.setdefault(actor_id, set()).add(doc_id)
        for event in extraction.events:
            for actor_id in dict.fromkeys([*event.perpetrators, *event.claimed_by, *event.targets]):
                events[actor_id] = events.get(actor_id, 0) + 1
                documents.setdefault(actor_id, set()).add(doc_id)
    rows = []
    for info in sorted(entities.actors.values(), key=lambda a: (a.name.casefold(), a.id)):
        parent = entities.actors.get(info.parent) if info.parent else None
        rows.append({
            "actor_id": info.id, "name": info.name, "type": info.type, "aliases": list(info.aliases),
            "wikidata": info.wikidata, "parent_id": info.parent, "parent": parent.name if parent else None,
            "country": info.country, "documents": len(documents.get(info.id, ())),
            "claims_as_subject": as_subject.get(info.id, 0), "claims_as_object": as_object.get(info.id, 0),
            "events": events.get(info.id, 0)})
    return rows


def tables(corpus: Corpus, kb: KnowledgeBase, assessment: Assessment) -> dict[str, list[dict[str, Any]]]:
    """The three tables, keyed ``claims``, ``events`` and ``actors``."""
    entities = collect(corpus, kb)
    return {"claims": claim_rows(corpus, assessment, entities), "events": event_rows(corpus, entities),
            "actors": actor_rows(corpus, entities)}


def names_folder(path: Path | str) -> bool:
    """Whether an output path names a folder: an existing one, or one written with a trailing slash."""
    return Path(path).is_dir() or str(path).endswith(("/", "\\"))


def csv_paths(path: Path | str) -> dict[str, Path]:
    """Where the three CSV files go: inside ``path`` when it is a folder (existing, or written with a
    trailing slash), else next to it with its name as a prefix (``out/seeds`` → ``out/seeds-claims.csv``;
    a ``.csv`` ending is dropped)."""
    folder = Path(path)
    if names_folder(path):
        return {name: folder / f"{name}.csv" for name in TABLES}
    stem = folder.name.removesuffix(".csv")
    return {name: folder.with_name(f"{stem}-{name}.csv") for name in TABLES}


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def write_csv(corpus: Corpus, kb: KnowledgeBase, assessment: Assessment, path: Path | str) -> list[Path]:
    """Write claims, events and actors as three CSV files (UTF-8, header row); return their paths.

    A folder named with a trailing slash is created when missing."""
    paths = csv_paths(path)
    if names_folder(path):
        paths["claims"].parent.mkdir(parents=True, exist_ok=True)
    for name, rows in tables(corpus, kb, assessment).items():
        with paths[name].open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=TABLES[name])
            writer.writeheader()
            writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return list(paths.values())


def write_json(corpus: Corpus, kb: KnowledgeBase, assessment: Assessment, path: Path) -> Path:
    """Write the three tables as one JSON object ``{"claims": [...], "events": [...], "actors": [...]}``."""
    path.write_text(json.dumps(tables(corpus, kb, assessment), indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return path
