"""A corpus as a STIX 2.1 bundle: reports, actors, places, claims with notes, denials, contradictions.

The mapping is in docs/exports.md. Every object's id is derived from claimgraph's own id
(``stix_ids``), so exporting the same corpus again gives the same ids.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import stix2
from stix2validator import ValidationOptions, validate_string

from claimgraph.analyze import Contradiction, stix_confidence
from claimgraph.analyze.statements import speaker_name
from claimgraph.export.assessment import Assessment
from claimgraph.export.countries import Countries
from claimgraph.export.entities import ActorInfo, Entities, PlaceInfo, claim_object_kind, collect, event_place_id
from claimgraph.export.stix_ids import stix_id
from claimgraph.export.stix_mapping import (
    ACTOR_LABELS,
    IDENTITY_CLASSES,
    LABEL_CLAIMED,
    LABEL_CONTRADICTION,
    LABEL_HEDGED,
    LABEL_KB,
    LABEL_NEGATED,
    LABEL_PERPETRATOR,
    PROFILES,
    relationship_type,
    sectors_of,
)
from claimgraph.kb import KnowledgeBase
from claimgraph.model import Claim, Corpus, Document, Event, Extraction

EXTENSION_ID = stix_id("extension-definition", "claimgraph", "1.0")
CLAIMGRAPH_IDENTITY_ID = stix_id("identity", "claimgraph")
EXTENSION_PROPERTIES = (
    "x_claimgraph_aliases", "x_opencti_aliases", "x_claimgraph_reliability", "x_claimgraph_tags",
    "x_claimgraph_speaker", "x_claimgraph_speaker_id", "x_claimgraph_hedged", "x_claimgraph_polarity",
    "x_claimgraph_evidence_start", "x_claimgraph_evidence_end", "x_claimgraph_credibility",
    "x_claimgraph_date", "x_claimgraph_date_precision", "x_claimgraph_killed", "x_claimgraph_wounded",
    "x_claimgraph_casualty_text",
)
_EXTENSIONS = {EXTENSION_ID: {"extension_type": "toplevel-property-extension"}}
CLAIMGRAPH_SOURCE = "claimgraph"


@dataclass
class ValidationReport:
    """What stix2-validator says about a bundle."""

    valid: bool
    errors: list[str]
    warnings: list[str]


def validate(bundle_json: str) -> ValidationReport:
    """Validate a serialised bundle with stix2-validator (STIX 2.1, default checks)."""
    result = validate_string(bundle_json, ValidationOptions(version="2.1"))
    return ValidationReport(valid=bool(result.is_valid), errors=[str(e) for e in result.errors],
                            warnings=[str(w) for w in result.warnings])


def _custom(properties: dict[str, Any]) -> dict[str, Any]:
    """Custom properties (dropping empty ones) under claimgraph's top-level property extension."""
    kept = {k: v for k, v in properties.items() if v is not None and v != [] and v != {}}
    return {**kept, "extensions": _EXTENSIONS, "allow_custom": True} if kept else {}


def _stix_date(value: str) -> str:
    """``YYYY[-MM[-DD]]`` as a STIX timestamp at midnight UTC (a month or year counts as its first day)."""
    parts = value.split("-")
    return "-".join([*parts, *["01"] * (3 - len(parts))]) + "T00:00:00Z"


def _words(relation: str) -> str:
    return relation.replace("_", " ")


@dataclass
class _Builder:
    corpus: Corpus
    kb: KnowledgeBase
    assessment: Assessment
    profile: str
    timestamp: datetime
    entities: Entities = field(init=False)
    countries: Countries = field(init=False)
    objects: dict[str, Any] = field(default_factory=dict)
    claim_refs: dict[tuple[str, str], str] = field(default_factory=dict)  # (doc, claim/event) → STIX id
    touched: dict[str, None] | None = None  # the current document's objects, in order

    def __post_init__(self) -> None:
        self.entities = collect(self.corpus, self.kb)
        self.countries = Countries(self.kb)

    def _common(self) -> dict[str, Any]:
        return {"created": self.timestamp, "modified": self.timestamp}

    def _touch(self, sid: str) -> str:
        """Count ``sid`` among the objects of the document being exported."""
        if self.touched is not None:
            self.touched.setdefault(sid, None)
        return sid

    def _add(self, obj: Any) -> str:
        self.objects.setdefault(obj.id, obj)
        return self._touch(str(obj.id))

    # --- who ---------------------------------------------------------------------------------------
    def system(self) -> None:
        self._add(stix2.Identity(id=CLAIMGRAPH_IDENTITY_ID, name="claimgraph", identity_class="system",
                                 description="claimgraph claim-graph workbench (the exporter)", **self._common()))
        self._add(stix2.ExtensionDefinition(
            id=EXTENSION_ID, created_by_ref=CLAIMGRAPH_IDENTITY_ID, name="claimgraph properties",
            description="Top-level properties claimgraph adds: actor aliases on identities, source "
                        "reliability, claim speaker, hedging, polarity, evidence offsets, credibility, "
                        "and event dates and casualty figures.",
            schema="Plain-text definition in claimgraph's docs/exports.md (section 'Custom properties').",
            version="1.0", extension_types=["toplevel-property-extension"],
            extension_properties=list(EXTENSION_PROPERTIES), **self._common()))

    def actor(self, info: ActorInfo) -> str:
        refs = [{"source_name": CLAIMGRAPH_SOURCE, "external_id": info.id}]
        if info.wikidata:
            refs.append({"source_name": "wikidata", "external_id": info.wikidata})
        labels = [ACTOR_LABELS.get(info.type, "other")]
        if info.type == "armed_group":
            sid = stix_id("threat-actor", "actor", info.id)
            if sid not in self.objects:
                self._add(stix2.ThreatActor(id=sid, name=info.name, aliases=list(info.aliases) or None,
                                            labels=labels, external_references=refs, **self._common()))
            return self._touch(sid)
        sid = stix_id("identity", "actor", info.id)
        if sid not in self.objects:
            aliases = list(info.aliases) or None
            alias_key = "x_opencti_aliases" if self.profile == "opencti" else "x_claimgraph_aliases"
            self._add(stix2.Identity(
                id=sid, name=info.name, identity_class=IDENTITY_CLASSES.get(info.type, "unknown"),
                sectors=sectors_of(info.type, info.sector) or None, labels=labels, external_references=refs,
                **self._common(), **_custom({alias_key: aliases})))
        return self._touch(sid)

    def actor_id(self, actor_id: str) -> str:
        return self.actor(self.entities.actor(actor_id))

    def place(self, info: PlaceInfo) -> str | None:
        """A location for the place, or None when neither its country nor its coordinates are known."""
        country = self.countries.code(info.country) or (
            self.countries.code(info.name) if info.kind in (None, "country") else None)
        has_point = info.lat is not None and info.lon is not None
        if country is None and not has_point:
            return None
        sid = stix_id("location", "place", info.id)
        if sid not in self.objects:
            point = {"latitude": info.lat, "longitude": info.lon} if has_point else {}
            self._add(stix2.Location(
                id=sid, name=info.name, country=country, labels=[info.kind] if info.kind else None,
                external_references=[{"source_name": CLAIMGRAPH_SOURCE, "external_id": info.id}],
                **point, **self._common()))
        return self._touch(sid)

    def source(self, document: Document) -> str | None:
        """The identity of the outlet (else the author) that published the document."""
        if document.outlet:
            grade = self.corpus.grades.get(document.outlet)
            sid = stix_id("identity", "outlet", document.outlet)
            self._add(stix2.Identity(
                id=sid, name=document.outlet, identity_class="organization", labels=["outlet"],
                description=f"Admiralty source reliability: {grade}" if grade else None,
                **self._common(), **_custom({"x_claimgraph_reliability": grade})))
            return sid
        if document.author:
            sid = stix_id("identity", "author", document.author)
            self._add(stix2.Identity(id=sid, name=document.author, identity_class="individual",
                                     labels=["author"], **self._common()))
            return sid
        return None

    # --- what ---------------------------------------------------------------------------------------
    def relationship(self, key: tuple[str, ...], rel_type: str, source: str, target: str,
                     labels: list[str], created_by: str | None, **extra: Any) -> str:
        return self._add(stix2.Relationship(
            id=stix_id("relationship", *key), relationship_type=rel_type, source_ref=source, target_ref=target,
            labels=labels or None, created_by_ref=created_by, **extra, **self._common()))

    def incident(self, extraction: Extraction, event: Event, created_by: str | None) -> str:
        doc = extraction.document
        sid = stix_id("incident", "event", doc.id, event.id)
        if sid in self.objects:
            return self._touch(sid)
        place = self.entities.places.get(event_place_id(event) or "")
        name_parts = [event.kind.replace("_", " ").capitalize()]
        if place is not None:
            name_parts.append(f"{place.name}, {place.country}" if place.country and place.country != place.name
                              else place.name)
        if event.date:
            name_parts.append(event.date)
        labels = [event.kind.replace("_", "-")] + ([LABEL_HEDGED] if event.hedged else [])
        self._add(stix2.Incident(
            id=sid, name=" — ".join(name_parts), description=event.evidence.text, labels=labels,
            created_by_ref=created_by, confidence=_confidence(self.assessment.credibility(event.id)),
            external_references=[{"source_name": CLAIMGRAPH_SOURCE, "external_id": event.id}],
            **self._common(), **_custom({
                "x_claimgraph_date": event.date, "x_claimgraph_date_precision": event.date_precision,
                "x_claimgraph_killed": event.killed, "x_claimgraph_wounded": event.wounded,
                "x_claimgraph_casualty_text": event.casualty_text,
                "x_claimgraph_speaker": speaker_name(event.asserted_by, doc),
                "x_claimgraph_evidence_start": event.evidence.start,
                "x_claimgraph_evidence_end": event.evidence.end})))
        self.claim_refs[(doc.id, event.id)] = sid
        roles = [(a, LABEL_PERPETRATOR) for a in event.perpetrators] + [(a, LABEL_CLAIMED) for a in event.claimed_by]
        for actor_id, role in roles:
            self.relationship(("event", doc.id, event.id, role, actor_id), "attributed-to", sid,
                              self.actor_id(actor_id), [role], created_by)
        for target in event.targets:
            self.relationship(("event", doc.id, event.id, "target", target), "targets", sid,
                              self.actor_id(target), [], created_by)
        if place is not None:
            location = self.place(place)
            if location is not None:
                self.relationship(("event", doc.id, event.id, "place"), "located-at", sid, location, [], created_by)
        return sid

    def claim(self, extraction: Extraction, claim: Claim, created_by: str | None) -> None:
        """The relationship, note and (for a denial) opinion of one claim."""
        doc = extraction.document
        made = self._claim_relationship(extraction, claim, created_by)
        if made is None:
            return
        rel, object_name = made
        self.claim_refs[(doc.id, claim.id)] = rel
        credibility = self.assessment.credibility(claim.id)
        speaker = speaker_name(claim.asserted_by, doc)
        statement = f"{self.entities.actor(claim.subject).name} {_words(claim.relation)} {object_name}"
        where = f"“{doc.title}”" if doc.title else doc.id
        content = (f"{claim.evidence.text}\n\nAsserted by {speaker} in {where}"
                   f"{f' ({doc.outlet})' if doc.outlet else ''}, characters {claim.evidence.start}–"
                   f"{claim.evidence.end}. {'Hedged' if claim.hedged else 'Not hedged'}; {claim.polarity}."
                   + (f" Credibility {credibility} (Admiralty)." if credibility else ""))
        negated = claim.polarity == "negated"
        self._add(stix2.Note(
            id=stix_id("note", "claim", doc.id, claim.id), abstract=statement + (" (denied)" if negated else ""),
            content=content, authors=[speaker], object_refs=[rel], created_by_ref=created_by,
            labels=_flags(claim) or None, **self._common(), **_custom({
                "x_claimgraph_speaker": speaker, "x_claimgraph_speaker_id": claim.asserted_by.id,
                "x_claimgraph_hedged": claim.hedged, "x_claimgraph_polarity": claim.polarity,
                "x_claimgraph_evidence_start": claim.evidence.start,
                "x_claimgraph_evidence_end": claim.evidence.end, "x_claimgraph_credibility": credibility})))
        if negated:
            self._add(stix2.Opinion(
                id=stix_id("opinion", "denial", doc.id, claim.id),
                opinion="disagree" if claim.hedged else "strongly-disagree",
                explanation=f"{speaker} denies that {statement}: {claim.evidence.text}", authors=[speaker],
                object_refs=[rel], labels=["denial"], confidence=_confidence(credibility),
                created_by_ref=created_by, **self._common()))

    def _claim_relationship(self, extraction: Extraction, claim: Claim,
                            created_by: str | None) -> tuple[str, str] | None:
        """The claim's relationship id and its object's name; None when the object cannot be placed."""
        doc = extraction.document
        subject = self.actor_id(claim.subject)
        credibility = self.assessment.credibility(claim.id)
        details = {"description": claim.evidence.text,
                   "confidence": _confidence(credibility) if claim.polarity == "affirmed" else None}
        kind = claim_object_kind(claim, self.entities)
        if kind == "event":
            event = next((e for e in extraction.events if e.id == claim.object), None)
            incident = (self.incident(extraction, event, created_by) if event
                        else self._claimed_incident(extraction, claim, created_by))
            rel = self.relationship(("claim", doc.id, claim.id), "attributed-to", incident, subject,
                                    [LABEL_CLAIMED, *_flags(claim)], created_by, **details)
            return rel, claim.object_name
        target: str | None
        if kind == "place":
            place = self.entities.places[claim.object]
            target, object_name = self.place(place), place.name
        else:
            target, object_name = self.actor_id(claim.object), self.entities.actor(claim.object).name
        if target is None:
            return None
        rel_type, extra_labels = relationship_type(claim.relation, self.profile)
        rel = self.relationship(("claim", doc.id, claim.id), rel_type, subject, target,
                                [*extra_labels, *_flags(claim)], created_by, **details)
        return rel, object_name

    def _claimed_incident(self, extraction: Extraction, claim: Claim, created_by: str | None) -> str:
        """An incident for a claim of responsibility whose event the extraction did not record."""
        return self._add(stix2.Incident(
            id=stix_id("incident", "claim", extraction.document.id, claim.id), name=claim.object_name,
            description=claim.evidence.text, created_by_ref=created_by,
            external_references=[{"source_name": CLAIMGRAPH_SOURCE, "external_id": claim.object}],
            **self._common()))

    def document(self, extraction: Extraction) -> None:
        doc = extraction.document
        created_by = self.source(doc)
        self.touched = {}
        for record in extraction.actors:
            self.actor_id(record.id)
        for place in extraction.places:
            self.place(self.entities.places[place.id])
        for event in extraction.events:
            self.incident(extraction, event, created_by)
        for claim in extraction.claims:
            self.claim(extraction, claim, created_by)
        refs = [sid for sid in self.touched if sid != created_by]
        self.touched = None
        digest = doc.id.removeprefix("sha256:")
        article = {"source_name": doc.outlet or CLAIMGRAPH_SOURCE, "external_id": doc.id,
                   "hashes": {"SHA-256": digest},
                   "description": "SHA-256 of the article's clean text as claimgraph read it"}
        if doc.url:
            article["url"] = doc.url
        details = [f"Author: {doc.author}" if doc.author else "", f"Read from: {doc.source}" if doc.source else "",
                   *(f"{k.capitalize()}: {v}" for k, v in sorted(doc.tags.items()))]
        labels = [] if doc.published else ["published-date-unknown"]
        self._add(stix2.Report(
            id=stix_id("report", "document", doc.id), name=doc.title or f"Document {digest[:12]}",
            published=_stix_date(doc.published) if doc.published else self.timestamp,
            report_types=["threat-report"], object_refs=refs or [created_by or CLAIMGRAPH_IDENTITY_ID],
            created_by_ref=created_by, description="\n".join(d for d in details if d) or None,
            labels=labels or None, external_references=[article], lang=doc.language,
            **self._common(), **_custom({"x_claimgraph_tags": dict(doc.tags)})))

    def hierarchy(self) -> None:
        """``part-of`` relationships from the knowledge base between actors already in the bundle."""
        for info in list(self.entities.actors.values()):
            if info.parent and info.parent in self.entities.actors:
                child = self.actor(info)
                parent = self.actor_id(info.parent)
                self.relationship(("kb-parent", info.id, info.parent), "part-of", child, parent, [LABEL_KB],
                                  CLAIMGRAPH_IDENTITY_ID)

    def syndication(self) -> None:
        """``duplicate-of`` from each syndicated copy's report to the first copy's."""
        exported = {e.document.id for e in self.corpus.extractions}
        for copy, first in sorted(self.corpus.syndicated.items()):
            if copy in exported and first in exported:
                self.relationship(("syndicated", copy, first), "duplicate-of", stix_id("report", "document", copy),
                                  stix_id("report", "document", first), [], CLAIMGRAPH_IDENTITY_ID)

    def contradiction(self, found: Contradiction) -> None:
        """A neutral opinion of claimgraph's pointing at both sides of a contradiction."""
        refs = [self.claim_refs.get((side.document, side.ref)) for side in (found.first, found.second)]
        if None in refs:
            return
        explanation = "\n".join([f"Contradiction ({found.kind.replace('_', ' ')}): {found.reason}",
                                  *(f"- {side.summary} — {side.speaker}, {side.document_label}: {side.text}"
                                    for side in (found.first, found.second))])
        self._add(stix2.Opinion(
            id=stix_id("opinion", "contradiction", found.id), opinion="neutral", explanation=explanation,
            object_refs=[r for r in refs if r is not None],
            labels=[LABEL_CONTRADICTION, found.kind.replace("_", "-")], created_by_ref=CLAIMGRAPH_IDENTITY_ID,
            **self._common()))


def _confidence(credibility: int | None) -> int | None:
    return stix_confidence(credibility) if credibility else None


def _flags(claim: Claim) -> list[str]:
    return ([LABEL_HEDGED] if claim.hedged else []) + ([LABEL_NEGATED] if claim.polarity == "negated" else [])


def build_bundle(corpus: Corpus, kb: KnowledgeBase, assessment: Assessment, profile: str = "default",
                 timestamp: datetime | None = None) -> stix2.Bundle:
    """The STIX 2.1 bundle of a corpus (``profile`` ``default`` or ``opencti``; see docs/exports.md)."""
    if profile not in PROFILES:
        raise ValueError(f"unknown STIX profile {profile!r}; expected one of {', '.join(PROFILES)}")
    moment = (timestamp or datetime.now(UTC)).replace(microsecond=0)
    builder = _Builder(corpus, kb, assessment, profile, moment)
    builder.system()
    for extraction in corpus.extractions:
        builder.document(extraction)
    builder.hierarchy()
    builder.syndication()
    for found in assessment.contradictions:
        builder.contradiction(found)
    objects = list(builder.objects.values())
    bundle_id = stix_id("bundle", *sorted(builder.objects))
    return stix2.Bundle(id=bundle_id, objects=objects, allow_custom=True)


def write_stix(corpus: Corpus, kb: KnowledgeBase, assessment: Assessment, path: Path, profile: str = "default",
               timestamp: datetime | None = None) -> Path:
    """Write the bundle as JSON to ``path`` and return the path."""
    path.write_text(bundle_json(build_bundle(corpus, kb, assessment, profile, timestamp)), encoding="utf-8")
    return path


def bundle_json(bundle: stix2.Bundle) -> str:
    """The bundle as indented JSON with custom properties sorted, so equal bundles give equal text."""
    data = json.loads(bundle.serialize())
    data["objects"] = [{**{k: v for k, v in o.items() if not k.startswith("x_")},
                        **{k: o[k] for k in sorted(o) if k.startswith("x_")}} for o in data["objects"]]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
