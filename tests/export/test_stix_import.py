"""STIX import: claimgraph's own bundles round-trip; OpenCTI-style bundles become KB entries and claims."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claimgraph.api import kb_for_store
from claimgraph.errors import InputError
from claimgraph.export.assessment import Assessment
from claimgraph.export.stix_export import build_bundle, write_stix
from claimgraph.export.stix_import import import_stix, read_stix
from claimgraph.kb import KBActor, KnowledgeBase
from claimgraph.model import Corpus
from claimgraph.store import open_store

MOMENT = datetime(2025, 10, 1, tzinfo=UTC)


def _objects(corpus: Corpus, kb: KnowledgeBase, assessment: Assessment, profile: str = "default") -> list[dict]:
    return json.loads(build_bundle(corpus, kb, assessment, profile, MOMENT).serialize())["objects"]


def _actors(objects: list[dict]) -> set[tuple]:
    """Actors as (STIX type, name, labels, aliases, Wikidata id); outlets and claimgraph itself left out."""
    found = set()
    for o in objects:
        if o["type"] in {"threat-actor", "identity"} and not {"outlet", "author"} & set(o.get("labels", [])) \
                and o.get("identity_class") != "system":
            wikidata = next((r["external_id"] for r in o.get("external_references", [])
                             if r["source_name"] == "wikidata"), None)
            aliases = o.get("aliases") or o.get("x_claimgraph_aliases") or o.get("x_opencti_aliases") or []
            found.add((o["type"], o["name"], tuple(o.get("labels", [])), tuple(aliases), wikidata))
    return found


def _relations(objects: list[dict]) -> set[tuple]:
    """Relationships as (source name, type, target name, labels, evidence)."""
    names = {o["id"]: o.get("name", o["type"]) for o in objects}
    return {(names[o["source_ref"]], o["relationship_type"], names[o["target_ref"]], tuple(sorted(o.get("labels", []))),
             o.get("description")) for o in objects if o["type"] == "relationship"}


def _round_trip(corpus, kb, assessment, tmp_path: Path, import_kb: KnowledgeBase, profile: str = "default"):
    path = write_stix(corpus, kb, assessment, tmp_path / "bundle.json", profile, MOMENT)
    imported = read_stix(path, import_kb)
    again = Corpus(imported.extractions)
    return imported, _objects(corpus, kb, assessment, profile), _objects(
        again, imported.kb(import_kb), Assessment(), profile)


@pytest.mark.parametrize("profile", ["default", "opencti"])
def test_export_import_export_keeps_actors_and_relations(corpus, kb, assessment, tmp_path, profile):
    states_only = KnowledgeBase({"kb:pakistan": KBActor("kb:pakistan", "Pakistan", "state")})
    imported, before, after = _round_trip(corpus, kb, assessment, tmp_path, states_only, profile)
    assert _actors(after) == _actors(before)
    assert _relations(after) == _relations(before)
    assert len(imported.extractions) == len(corpus.extractions)
    # every actor became a user KB entry that names the bundle it came from
    assert {a.name for a in imported.actors} == {a.name for a in kb.actors.values()}
    assert all(a.source == str(tmp_path / "bundle.json") for a in imported.actors)
    assert imported.kb(states_only).actors["kb:kestrel"].parent == "kb:doran"


def test_import_into_a_kb_that_knows_the_actors_adds_no_entries(corpus, kb, assessment, tmp_path):
    imported, before, after = _round_trip(corpus, kb, assessment, tmp_path, kb)
    assert imported.actors == []
    assert _relations(after) == _relations(before)


def test_imported_claims_keep_stance_speaker_evidence_and_stix_ids(corpus, kb, assessment, tmp_path):
    path = write_stix(corpus, kb, assessment, tmp_path / "bundle.json", timestamp=MOMENT)
    imported = read_stix(path, kb)
    bundle_ids = {o["id"] for o in json.loads(path.read_text())["objects"]}
    by_text = {c.evidence.text: (e.document, c) for e in imported.extractions for c in e.claims}
    events = {ev.id for e in imported.extractions for ev in e.events}
    for extraction in corpus.extractions:
        for original in extraction.claims:
            doc, claim = by_text[original.evidence.text]
            if original.relation == "claims_responsibility":  # the event is now the incident's
                assert (claim.subject, claim.relation) == (original.subject, original.relation)
                assert claim.object in events
            else:
                assert (claim.subject, claim.relation, claim.object) == (original.subject, original.relation,
                                                                         original.object)
            assert (claim.polarity, claim.hedged) == (original.polarity, original.hedged)
            assert claim.asserted_by.id == original.asserted_by.id
            assert doc.text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
            assert claim.id.startswith("stix:relationship--") and claim.id.removeprefix("stix:") in bundle_ids
            assert doc.outlet == extraction.document.outlet and doc.source == str(path)
            assert doc.published == extraction.document.published and doc.title == extraction.document.title
    (event,) = [ev for e in imported.extractions for ev in e.events]
    assert (event.kind, event.date, event.killed) == ("attack", "2025-07-03", 5)
    assert (event.perpetrators, event.claimed_by, event.targets) == (["kb:rvf"], ["kb:rvf"], ["kb:doran-army"])
    assert event.place is not None and event.place.id == "place:tarsk"


def _opencti_bundle() -> dict:
    """A bundle written the way OpenCTI exports a small case: no claimgraph labels or properties."""
    return {"type": "bundle", "id": "bundle--0d3c5c52-6a8e-4d1f-9f4e-1f1f1f1f1f1f", "objects": [
        {"type": "identity", "spec_version": "2.1", "id": "identity--9a3a3c1e-2b1d-4f4a-8a49-1b2c3d4e5f60",
         "name": "Example CTI Team", "identity_class": "organization",
         "created": "2025-01-01T00:00:00.000Z", "modified": "2025-01-01T00:00:00.000Z"},
        {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--1b6a1f0e-4c1d-4e0a-9b1c-2d3e4f506172",
         "name": "Granite Lions", "aliases": ["GL"], "created_by_ref": "identity--9a3a3c1e-2b1d-4f4a-8a49-1b2c3d4e5f60",
         "external_references": [{"source_name": "wikidata", "url": "https://www.wikidata.org/wiki/Q777"}],
         "created": "2025-01-01T00:00:00.000Z", "modified": "2025-01-01T00:00:00.000Z"},
        {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--2c7b2f1f-5d2e-4f1b-8c2d-3e4f50617283",
         "name": "Red Valley", "created": "2025-01-01T00:00:00.000Z", "modified": "2025-01-01T00:00:00.000Z"},
        {"type": "identity", "spec_version": "2.1", "id": "identity--3d8c3a2a-6e3f-4a2c-9d3e-4f5061728394",
         "name": "Mira Sol", "identity_class": "individual", "x_opencti_aliases": ["M. Sol"],
         "created": "2025-01-01T00:00:00.000Z", "modified": "2025-01-01T00:00:00.000Z"},
        {"type": "location", "spec_version": "2.1", "id": "location--4e9d4b3b-7f4a-4b3d-8e4f-5061728394a5",
         "name": "Pakistan", "country": "PK", "x_opencti_location_type": "Country",
         "created": "2025-01-01T00:00:00.000Z", "modified": "2025-01-01T00:00:00.000Z"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--5fae5c4c-8a5b-4c4e-9f5a-6172839405b6",
         "relationship_type": "related-to", "labels": ["rival-of"],
         "source_ref": "threat-actor--1b6a1f0e-4c1d-4e0a-9b1c-2d3e4f506172",
         "target_ref": "intrusion-set--2c7b2f1f-5d2e-4f1b-8c2d-3e4f50617283",
         "created_by_ref": "identity--9a3a3c1e-2b1d-4f4a-8a49-1b2c3d4e5f60",
         "created": "2025-01-01T00:00:00.000Z", "modified": "2025-01-01T00:00:00.000Z"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--6abf6d5d-9b6c-4d5f-8a6b-72839405a6c7",
         "relationship_type": "located-at", "description": "Granite Lions fighters were seen in the north.",
         "source_ref": "threat-actor--1b6a1f0e-4c1d-4e0a-9b1c-2d3e4f506172",
         "target_ref": "location--4e9d4b3b-7f4a-4b3d-8e4f-5061728394a5",
         "created_by_ref": "identity--9a3a3c1e-2b1d-4f4a-8a49-1b2c3d4e5f60",
         "created": "2025-01-01T00:00:00.000Z", "modified": "2025-01-01T00:00:00.000Z"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--7bc07e6e-ac7d-4e6a-9b7c-839405a6b7d8",
         "relationship_type": "uses", "source_ref": "threat-actor--1b6a1f0e-4c1d-4e0a-9b1c-2d3e4f506172",
         "target_ref": "identity--3d8c3a2a-6e3f-4a2c-9d3e-4f5061728394",
         "created": "2025-01-01T00:00:00.000Z", "modified": "2025-01-01T00:00:00.000Z"},
    ]}


def test_opencti_style_bundle_becomes_kb_entries_and_claims(kb, tmp_path):
    path = tmp_path / "opencti.json"
    path.write_text(json.dumps(_opencti_bundle()))
    kb_with_pakistan = KnowledgeBase(dict(kb.actors), dict(kb.places))
    imported = read_stix(path, kb_with_pakistan)
    new = {a.name: a for a in imported.actors}
    assert set(new) == {"Granite Lions", "Mira Sol"}  # "Red Valley" is an alias of a KB actor
    assert new["Granite Lions"].type == "armed_group" and new["Granite Lions"].wikidata == "Q777"
    assert new["Mira Sol"].type == "person" and new["Mira Sol"].aliases == ["M. Sol"]
    assert "threat-actor--1b6a1f0e-4c1d-4e0a-9b1c-2d3e4f506172" in new["Granite Lions"].description
    (extraction,) = imported.extractions
    assert extraction.document.outlet == "Example CTI Team"
    relations = {(c.subject, c.relation, c.object) for c in extraction.claims}
    lions = new["Granite Lions"].id
    assert (lions, "rival_of", "kb:rvf") in relations
    assert any(c.relation == "operates_in" and c.evidence.text == "Granite Lions fighters were seen in the north."
               for c in extraction.claims)
    assert [s for s in imported.skipped if "'uses'" in s]


def test_bad_bundles_are_one_line_input_errors(kb, tmp_path):
    not_json = tmp_path / "broken.json"
    not_json.write_text("{not json")
    not_bundle = tmp_path / "list.json"
    not_bundle.write_text("[1, 2]")
    for path, reason in ((not_json, "not a JSON file"), (not_bundle, "not a STIX bundle"),
                         (tmp_path / "missing.json", "")):
        with pytest.raises(InputError) as raised:
            read_stix(path, kb)
        assert str(raised.value).startswith(str(path)) and reason in str(raised.value)
        assert "\n" not in str(raised.value)


class _FakeStore:
    """Records what import_stix writes (the real store is exercised in test_store_round_trip)."""

    def __init__(self) -> None:
        self.kb_entries: list[tuple[str, list, list]] = []
        self.added = []

    def add_kb_entries(self, source, actors=(), places=()):
        self.kb_entries.append((source, list(actors), list(places)))
        return len(actors) + len(places)

    def add(self, extraction):
        self.added.append(extraction)


def test_import_stix_writes_kb_entries_with_their_source_and_the_documents(corpus, kb, assessment, tmp_path):
    path = write_stix(corpus, kb, assessment, tmp_path / "bundle.json", timestamp=MOMENT)
    store = _FakeStore()
    found = import_stix(path, store, KnowledgeBase({"kb:rvf": KBActor("kb:rvf", "Red Valley Front", "armed_group")}))
    ((source, actors, places),) = store.kb_entries
    assert source == str(path)
    assert "kb:rvf" not in {a["id"] for a in actors}
    assert {a["name"] for a in actors} == {a.name for a in kb.actors.values()} - {"Red Valley Front"}
    assert [p["id"] for p in places] == ["place:tarsk"]
    assert store.added == found.extractions and len(found.extractions) == 2


def test_imported_entries_are_kept_in_the_store_and_load_as_user_kb(tmp_path):
    path = tmp_path / "opencti.json"
    path.write_text(json.dumps(_opencti_bundle()))
    with open_store(f"sqlite:///{tmp_path / 'store.db'}") as store:
        found = import_stix(path, store, kb_for_store(store))
        kb = kb_for_store(store)
        corpus = store.corpus()
    lions = next(a for a in found.actors if a.name == "Granite Lions")
    assert kb.actors[lions.id].source == str(path) and kb.actors[lions.id].aliases == ["GL"]
    (extraction,) = corpus.extractions
    assert extraction.document.source == str(path) and extraction.document.outlet == "Example CTI Team"
    assert {c.id for c in extraction.claims} == {f"stix:{o['id']}" for o in _opencti_bundle()["objects"]
                                                if o.get("relationship_type") in {"related-to", "located-at"}}
