"""GraphML, GEXF, CSV and JSON exports load back in networkx and pandas with their documented attributes."""

from __future__ import annotations

import json

import networkx as nx
import pandas as pd
import pytest

from claimgraph.errors import InputError
from claimgraph.export import export
from claimgraph.export.assessment import Assessment
from claimgraph.export.network import claim_graph
from claimgraph.export.tables import ACTOR_COLUMNS, CLAIM_COLUMNS, EVENT_COLUMNS, csv_paths
from claimgraph.model import Claim

EDGE_ATTRIBUTES = {"relation", "polarity", "hedged", "hedged_claims", "claims", "documents", "sources", "speakers",
                   "best_credibility", "first_evidence", "first_document", "first_published", "claim_ids"}
NODE_ATTRIBUTES = {"label", "kind", "type", "country", "wikidata", "aliases", "parent", "documents"}


def _edges(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str, str], dict]:
    return {(u, v, d["relation"], d["polarity"]): d for u, v, d in graph.edges(data=True)}


def test_claim_graph_aggregates_claims_per_proposition_and_polarity(corpus, kb, assessment):
    graph = claim_graph(corpus, kb, assessment)
    edges = _edges(graph)
    attacks_denied = edges[("kb:rvf", "kb:doran-army", "attacks", "negated")]
    attacks_affirmed = edges[("kb:rvf", "kb:doran-army", "attacks", "affirmed")]
    assert (attacks_denied["claims"], attacks_affirmed["claims"]) == (1, 1)
    assert attacks_denied["speakers"] == "<Sam>" and attacks_affirmed["sources"] == "Southern Times"
    allied = edges[("kb:hill", "kb:rvf", "allied_with", "affirmed")]  # symmetric: ids in sorted order
    assert allied["hedged"] is True and allied["best_credibility"] == 5
    assert graph.nodes["kb:rvf"]["aliases"] == "RVF; Red Valley" and graph.nodes["kb:rvf"]["wikidata"] == "Q4242"
    assert graph.nodes["place:tarsk"]["kind"] == "place"
    assert graph.nodes["kb:rvf"]["documents"] == 2


def test_the_same_proposition_in_two_documents_is_one_edge_with_two_sources(corpus, kb, assessment):
    second = corpus.extractions[1]
    second.claims.append(Claim(
        id="b6", subject="kb:rvf", relation="rival_of", object="kb:hill", object_name="Hill Brigade",
        evidence=second.claims[0].evidence, extractor="test"))
    edge = _edges(claim_graph(corpus, kb, assessment))[("kb:hill", "kb:rvf", "rival_of", "affirmed")]
    assert (edge["claims"], edge["documents"]) == (2, 2)
    assert edge["sources"] == "Northern Review; Southern Times"
    assert edge["first_document"] == corpus.extractions[0].document.title  # published first
    corpus.syndicated[second.document.id] = corpus.extractions[0].document.id
    edge = _edges(claim_graph(corpus, kb, assessment))[("kb:hill", "kb:rvf", "rival_of", "affirmed")]
    assert edge["documents"] == 1  # a syndicated copy is not an independent document


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files_load_in_networkx_with_attributes(corpus, kb, tmp_path, fmt, reader):
    (path,) = export(corpus, kb, fmt, tmp_path / f"graph.{fmt}")
    loaded = reader(path)
    expected = claim_graph(corpus, kb, Assessment())
    assert loaded.number_of_nodes() == expected.number_of_nodes()
    assert loaded.number_of_edges() == expected.number_of_edges()
    for _, data in loaded.nodes(data=True):
        assert set(data) >= NODE_ATTRIBUTES
    for _, _, data in loaded.edges(data=True):
        assert set(data) >= EDGE_ATTRIBUTES
    denied = [d for _, _, d in loaded.edges(data=True) if d["polarity"] == "negated"]
    assert [d["relation"] for d in denied] == ["attacks"]
    assert "never attacked" in denied[0]["first_evidence"]


def test_csv_files_load_in_pandas_with_the_documented_columns(corpus, kb, tmp_path):
    paths = export(corpus, kb, "csv", str(tmp_path) + "/")
    assert [p.name for p in paths] == ["claims.csv", "events.csv", "actors.csv"]
    claims, events, actors = (pd.read_csv(p, keep_default_na=False) for p in paths)
    assert tuple(claims.columns) == CLAIM_COLUMNS
    assert tuple(events.columns) == EVENT_COLUMNS
    assert tuple(actors.columns) == ACTOR_COLUMNS
    assert len(claims) == sum(len(e.claims) for e in corpus.extractions)
    row = claims.set_index("claim_id").loc["a1"]
    text = corpus.extractions[0].document.text
    assert text[int(row["evidence_start"]):int(row["evidence_end"])] == row["evidence"]
    assert (row["subject"], row["relation"], row["object"], row["outlet"]) == (
        "Kestrel Agency", "supports", "Red Valley Front", "Northern Review")
    assert row["source_reliability"] == "B"
    event = events.iloc[0]
    assert (event["perpetrators"], event["killed"], event["place"]) == ("Red Valley Front", 5, "Tarsk")
    rvf = actors.set_index("actor_id").loc["kb:rvf"]
    assert (rvf["aliases"], rvf["parent"], rvf["documents"]) == ("RVF; Red Valley", "Old Crescent Movement", 2)


def test_csv_prefix_and_json(corpus, kb, tmp_path):
    assert [p.name for p in csv_paths(tmp_path / "seeds.csv").values()] == [
        "seeds-claims.csv", "seeds-events.csv", "seeds-actors.csv"]
    (path,) = export(corpus, kb, "json", tmp_path / "all.json")
    data = json.loads(path.read_text())
    assert set(data) == {"claims", "events", "actors"}
    assert set(data["claims"][0]) == set(CLAIM_COLUMNS)
    assert data["events"][0]["claimed_by_ids"] == ["kb:rvf"]
    frame = pd.DataFrame(data["claims"])
    assert set(frame["relation"]) == {c.relation for e in corpus.extractions for c in e.claims}


def test_filters_are_the_same_for_every_format(corpus, kb, tmp_path):
    by_actor = json.loads(export(corpus, kb, "json", tmp_path / "a.json", actor="Hill Brigade")[0].read_text())
    assert {c["claim_id"] for c in by_actor["claims"]} == {"a2", "b1", "b5"}
    by_doc = json.loads(export(corpus, kb, "json", tmp_path / "d.json", doc="b.txt")[0].read_text())
    assert {c["document"] for c in by_doc["claims"]} == {"Valley alliances"}
    since = json.loads(export(corpus, kb, "json", tmp_path / "s.json", since="2025-09")[0].read_text())
    assert {c["published"] for c in since["claims"]} == {"2025-09-10"}
    graph = nx.read_graphml(export(corpus, kb, "graphml", tmp_path / "a.graphml", actor="HB")[0])
    assert {d["relation"] for _, _, d in graph.edges(data=True)} == {"rival_of", "allied_with", "member_of"}
    bundle = json.loads(export(corpus, kb, "stix", tmp_path / "a.stix.json", actor="hb")[0].read_text())
    described = {o["description"] for o in bundle["objects"] if o["type"] == "relationship" and "description" in o}
    assert described == {c.evidence.text for e in corpus.extractions for c in e.claims if c.id in {"a2", "b1", "b5"}}


def test_bad_filters_and_formats_are_one_line_errors(corpus, kb, tmp_path):
    cases = [(dict(fmt="xml"), "--format xml"), (dict(fmt="json", actor="Nobody"), "--actor Nobody"),
             (dict(fmt="json", doc="zzz"), "--doc zzz"), (dict(fmt="json", since="last week"), "--since last week"),
             (dict(fmt="stix", profile="misp"), "--profile misp")]
    for kwargs, start in cases:
        with pytest.raises(InputError) as raised:
            export(corpus, kb, path=tmp_path / "out.json", **kwargs)
        assert str(raised.value).startswith(start)
    with pytest.raises(InputError, match="does not exist"):
        export(corpus, kb, "json", tmp_path / "missing" / "out.json")
