"""STIX 2.1 export: the mapping of DESIGN.md, validation, deterministic ids and the OpenCTI profile."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

from claimgraph.export.assessment import Assessment
from claimgraph.export.stix_export import build_bundle, validate, write_stix
from claimgraph.export.stix_mapping import CUSTOM_RELATIONSHIP_TYPES, WARNED_RELATIONSHIP_TYPES
from claimgraph.kb import KnowledgeBase
from claimgraph.model import Corpus

MOMENT = datetime(2025, 10, 1, tzinfo=UTC)


def _objects(corpus: Corpus, kb: KnowledgeBase, assessment: Assessment, profile: str = "default") -> list[dict]:
    return json.loads(build_bundle(corpus, kb, assessment, profile, MOMENT).serialize())["objects"]


def _by_type(objects: list[dict], stix_type: str) -> list[dict]:
    return [o for o in objects if o["type"] == stix_type]


def _named(objects: list[dict]) -> dict[str, dict]:
    return {o["id"]: o for o in objects}


def test_bundle_validates_with_only_documented_warnings(corpus, kb, assessment):
    for profile in ("default", "opencti"):
        bundle = build_bundle(corpus, kb, assessment, profile, MOMENT)
        report = validate(bundle.serialize())
        assert report.valid, report.errors
        assert report.errors == []
        objects = _named(json.loads(bundle.serialize())["objects"])
        for warning in report.warnings:
            assert "{202}" in warning, warning
            object_id = warning.split(":", 1)[0]
            assert objects[object_id]["relationship_type"] in WARNED_RELATIONSHIP_TYPES, warning


def test_reports_carry_document_metadata_hash_and_outlet(corpus, kb, assessment):
    objects = _objects(corpus, kb, assessment)
    index = _named(objects)
    reports = {r["name"]: r for r in _by_type(objects, "report")}
    assert set(reports) == {"Border groups & <friends>", "Valley alliances"}
    first = reports["Border groups & <friends>"]
    doc = corpus.extractions[0].document
    assert first["published"].startswith("2025-08-01T00:00:00")
    (ref,) = first["external_references"]
    assert ref["url"] == "https://north.example/a"
    assert ref["hashes"]["SHA-256"] == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert ref["external_id"] == doc.id
    assert index[first["created_by_ref"]]["name"] == "Northern Review"
    assert index[first["created_by_ref"]]["x_claimgraph_reliability"] == "B"
    # an actor named in both documents is referenced by both reports
    rvf = next(o["id"] for o in objects if o.get("name") == "Red Valley Front")
    assert all(rvf in r["object_refs"] for r in reports.values())
    assert all(ref in index for r in reports.values() for ref in r["object_refs"])


def test_actor_kinds_map_to_threat_actors_identities_and_locations(corpus, kb, assessment):
    objects = _objects(corpus, kb, assessment)
    actors = {o["name"]: o for o in objects if o["type"] in {"threat-actor", "identity"}}
    assert actors["Red Valley Front"]["type"] == "threat-actor"
    assert actors["Red Valley Front"]["aliases"] == ["RVF", "Red Valley"]
    assert {"source_name": "wikidata", "external_id": "Q4242"} in actors["Red Valley Front"]["external_references"]
    assert actors["Doran"]["type"] == "identity"
    assert actors["Doran"]["identity_class"] == "organization"
    assert actors["Doran"]["x_claimgraph_aliases"] == ["Republic of Doran"]
    assert actors["Doran Army"]["sectors"] == ["defense"]
    assert actors["Kestrel Agency"]["sectors"] == ["government-national"]
    assert actors["Aram Vell"]["identity_class"] == "individual"
    (tarsk,) = _by_type(objects, "location")
    assert (tarsk["name"], tarsk["country"], tarsk["latitude"], tarsk["longitude"]) == ("Tarsk", "PK", 34.5, 71.4)


def _claim_relationships(objects: list[dict]) -> dict[str, dict]:
    """Relationships of claims, by the evidence sentence they carry."""
    return {o["description"]: o for o in _by_type(objects, "relationship") if "description" in o}


def test_claims_become_relationships_with_notes_and_confidence(corpus, kb, assessment):
    objects = _objects(corpus, kb, assessment)
    index = _named(objects)
    relationships = _claim_relationships(objects)
    types = {}
    for extraction in corpus.extractions:
        for claim in extraction.claims:
            types[claim.relation] = relationships[claim.evidence.text]["relationship_type"]
    assert types == {"supports": "supports", "rival_of": "rival-of", "attacks": "targets",
                     "claims_responsibility": "attributed-to", "operates_in": "located-at",
                     "allied_with": "cooperates-with", "leads": "leads", "splinter_of": "splinter-of",
                     "member_of": "part-of"}
    supports = relationships[corpus.extractions[0].claims[0].evidence.text]
    assert (index[supports["source_ref"]]["name"], index[supports["target_ref"]]["name"]) == (
        "Kestrel Agency", "Red Valley Front")
    assert supports["confidence"] == 50  # credibility 3
    assert relationships[corpus.extractions[0].claims[1].evidence.text]["confidence"] == 70  # credibility 2
    assert "confidence" not in relationships[corpus.extractions[1].claims[2].evidence.text]  # credibility 6
    hedged = relationships[corpus.extractions[1].claims[0].evidence.text]
    assert hedged["labels"] == ["hedged"] and hedged["confidence"] == 10
    notes = {n["object_refs"][0]: n for n in _by_type(objects, "note")}
    assert len(notes) == sum(len(e.claims) for e in corpus.extractions)
    note = notes[supports["id"]]
    assert note["authors"] == ["officials in Tarsk"]
    assert note["content"].startswith(supports["description"])
    assert (note["x_claimgraph_evidence_start"], note["x_claimgraph_hedged"]) == (0, False)
    assert notes[hedged["id"]]["x_claimgraph_hedged"] is True


def test_denials_and_contradictions_become_opinions(corpus, kb, assessment):
    objects = _objects(corpus, kb, assessment)
    relationships = _claim_relationships(objects)
    denied = relationships[corpus.extractions[0].claims[2].evidence.text]
    assert denied["labels"] == ["negated"] and "confidence" not in denied
    opinions = _by_type(objects, "opinion")
    (denial,) = [o for o in opinions if "denial" in o["labels"]]
    assert denial["object_refs"] == [denied["id"]]
    assert denial["opinion"] == "strongly-disagree"
    assert denial["authors"] == ["<Sam>"]
    assert denial["confidence"] == 30  # credibility 4
    contradictions = [o for o in opinions if "contradiction" in o["labels"]]
    assert len(contradictions) == len(assessment.contradictions)
    by_kind = {o["labels"][1]: o for o in contradictions}
    assert set(by_kind) == {"polarity", "incompatible-relation"}
    affirmed = relationships[corpus.extractions[1].claims[1].evidence.text]
    assert set(by_kind["polarity"]["object_refs"]) == {denied["id"], affirmed["id"]}
    assert corpus.extractions[0].claims[2].evidence.text in by_kind["polarity"]["explanation"]
    assert corpus.extractions[1].claims[1].evidence.text in by_kind["polarity"]["explanation"]


def test_attacks_become_incidents_with_perpetrators_and_claimants(corpus, kb, assessment):
    objects = _objects(corpus, kb, assessment)
    index = _named(objects)
    (incident,) = _by_type(objects, "incident")
    assert incident["x_claimgraph_date"] == "2025-07-03" and incident["x_claimgraph_killed"] == 5
    links = [r for r in _by_type(objects, "relationship") if r["source_ref"] == incident["id"]]
    by_role = {(r["relationship_type"], tuple(r.get("labels", ())), index[r["target_ref"]]["name"]) for r in links}
    assert ("attributed-to", ("perpetrator",), "Red Valley Front") in by_role
    assert ("attributed-to", ("claimed",), "Red Valley Front") in by_role
    assert ("targets", (), "Doran Army") in by_role
    assert ("located-at", (), "Tarsk") in by_role


def test_ids_are_stable_and_output_is_identical_for_the_same_moment(corpus, kb, assessment, tmp_path: Path):
    first = write_stix(corpus, kb, assessment, tmp_path / "a.json", timestamp=MOMENT).read_text()
    second = write_stix(corpus, kb, assessment, tmp_path / "b.json", timestamp=MOMENT).read_text()
    assert first == second
    later = json.loads(build_bundle(corpus, kb, assessment, "default",
                                    datetime(2026, 1, 1, tzinfo=UTC)).serialize())["objects"]
    assert {o["id"] for o in later} == {o["id"] for o in json.loads(first)["objects"]}
    assert all(re.fullmatch(r"[a-z-]+--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", o["id"])
               for o in later)


def test_opencti_profile_writes_custom_types_as_related_to_with_a_label(corpus, kb, assessment):
    default = _claim_relationships(_objects(corpus, kb, assessment))
    opencti = _claim_relationships(_objects(corpus, kb, assessment, "opencti"))
    assert set(default) == set(opencti)
    for evidence, relationship in default.items():
        other = opencti[evidence]
        if relationship["relationship_type"] in CUSTOM_RELATIONSHIP_TYPES:
            assert other["relationship_type"] == "related-to"
            assert relationship["relationship_type"] in other["labels"]
        else:
            assert other["relationship_type"] == relationship["relationship_type"]
    assert not {r["relationship_type"] for r in opencti.values()} & CUSTOM_RELATIONSHIP_TYPES


def test_syndicated_copies_and_undated_documents(corpus, kb, assessment):
    first, copy = (e.document for e in corpus.extractions)
    corpus.syndicated[copy.id] = first.id
    copy.published = None
    objects = _objects(corpus, kb, assessment)
    reports = {r["name"]: r for r in _by_type(objects, "report")}
    (link,) = [r for r in _by_type(objects, "relationship") if r["relationship_type"] == "duplicate-of"]
    assert (link["source_ref"], link["target_ref"]) == (reports[copy.title]["id"], reports[first.title]["id"])
    assert reports[copy.title]["labels"] == ["published-date-unknown"]
    assert validate(build_bundle(corpus, kb, assessment, "default", MOMENT).serialize()).errors == []
