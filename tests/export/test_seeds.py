"""Exports of the two founding articles (../shared/corpus/seeds), extracted with the project's extractor."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claimgraph.analyze import Analysis, Contradiction
from claimgraph.export import export
from claimgraph.export.assessment import assess
from claimgraph.export.briefing import report
from claimgraph.export.stix_export import build_bundle, validate
from claimgraph.export.stix_import import read_stix
from claimgraph.export.stix_mapping import WARNED_RELATIONSHIP_TYPES
from claimgraph.extract import extract_document
from claimgraph.kb import KnowledgeBase, builtin_kb
from claimgraph.model import Corpus, Document

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds" / "docs"
MOMENT = datetime(2025, 10, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def seeds() -> tuple[Corpus, KnowledgeBase]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip(f"the seed corpus is not at {SEEDS}")
    kb = builtin_kb()
    return Corpus([extract_document(Document(p.read_text(encoding="utf-8"), source=str(p)), kb) for p in paths]), kb


@pytest.mark.parametrize("profile", ["default", "opencti"])
def test_seed_bundle_validates_with_only_documented_warnings(seeds, profile):
    corpus, kb = seeds
    bundle = build_bundle(corpus, kb, assess(corpus, kb), profile, MOMENT)
    serialised = bundle.serialize()
    result = validate(serialised)
    assert result.valid and result.errors == []
    objects = {o["id"]: o for o in json.loads(serialised)["objects"]}
    assert sum(o["type"] == "report" for o in objects.values()) == len(corpus.extractions)
    assert any(o["type"] == "relationship" and "description" in o for o in objects.values())
    for warning in result.warnings:
        assert "{202}" in warning, warning
        assert objects[warning.split(":", 1)[0]]["relationship_type"] in WARNED_RELATIONSHIP_TYPES, warning


def test_seed_round_trip_keeps_actors_and_relations(seeds, tmp_path):
    corpus, kb = seeds
    (path,) = export(corpus, kb, "stix", tmp_path / "seeds.json", timestamp=MOMENT)
    imported = read_stix(path, kb)
    again = Corpus(imported.extractions)
    (second,) = export(again, imported.kb(kb), "stix", tmp_path / "again.json", timestamp=MOMENT)

    def content(bundle_path: Path) -> tuple[set, set]:
        objects = json.loads(bundle_path.read_text())["objects"]
        names = {o["id"]: o.get("name") for o in objects}
        actors = {(o["type"], o["name"]) for o in objects if o["type"] == "threat-actor" or (
            o["type"] == "identity" and not {"outlet", "author"} & set(o.get("labels", []))
            and o.get("identity_class") != "system")}
        relations = {(names[o["source_ref"]], o["relationship_type"], names[o["target_ref"]], o.get("description"))
                     for o in objects if o["type"] == "relationship" and o.get("description")}
        return actors, relations

    before, after = content(path), content(second)
    assert after[0] == before[0]
    assert after[1] == before[1] and before[1]


def _matching(found: list[Contradiction], kinds: set[str], about: set[str], relation: str | None = None) -> list:
    return [c for c in found if c.kind in kinds and about <= set(c.about) and (
        relation is None or relation in c.first.summary or relation in c.second.summary)]


def test_iskp_briefing_shows_the_seed_contradictions(seeds):
    corpus, kb = seeds
    found = Analysis(corpus, kb).contradictions()
    expected = {
        "C1 support versus hostility (ISI/Pakistan and ISKP)": _matching(
            found, {"hierarchy", "incompatible_relation"}, {"kb:iskp", "kb:pakistan"}, "supports"),
        "C2 rivalry versus alliance (ISKP and the Afghan Taliban)": _matching(
            found, {"incompatible_relation"}, {"kb:iskp", "kb:afghan-taliban"}),
        "C3 attacks on Pakistan affirmed and denied": _matching(found, {"polarity"}, {"kb:iskp"}, "attacks"),
    }
    missing = [name for name, items in expected.items() if not items]
    assert not missing, f"the analysis does not find {missing}"
    page = report(corpus, kb, actor="ISKP", generated=MOMENT)
    shown = page[page.index('id="contradictions"'):page.index('id="sources"')]
    for name, items in expected.items():
        assert any(html.escape(c.first.text) in shown and html.escape(c.second.text) in shown for c in items), name
