"""The claim graph as a networkx graph, written as GraphML or GEXF for Gephi, Cytoscape or yEd.

One node per actor, place or claimed event; one edge per proposition (subject, relation, object) and
polarity, aggregating every claim that makes it. GraphML and GEXF hold scalar attributes only, so lists
are joined with ``"; "`` and missing values are empty strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from claimgraph.analyze.statements import doc_label, speaker_name
from claimgraph.export.assessment import Assessment
from claimgraph.export.entities import Entities, claim_object_kind, collect
from claimgraph.export.labels import independent_key, source_label
from claimgraph.kb import KnowledgeBase
from claimgraph.model import SYMMETRIC_RELATIONS, Claim, Corpus, Document

LIST_SEPARATOR = "; "


@dataclass
class _Edge:
    claims: list[tuple[Document, Claim]] = field(default_factory=list)


def _node_attributes(entities: Entities, node_id: str, kind: str, label: str) -> dict[str, str | int]:
    if kind == "place":
        place = entities.places[node_id]
        return {"label": place.name, "kind": "place", "type": place.kind or "place", "country": place.country or "",
                "wikidata": "", "aliases": "", "parent": ""}
    if kind == "event":
        return {"label": label, "kind": "event", "type": "event", "country": "", "wikidata": "", "aliases": "",
                "parent": ""}
    actor = entities.actor(node_id)
    return {"label": actor.name, "kind": "actor", "type": actor.type, "country": actor.country or "",
            "wikidata": actor.wikidata or "", "aliases": LIST_SEPARATOR.join(actor.aliases),
            "parent": actor.parent or ""}


def _ordered(claim: Claim) -> tuple[str, str]:
    if claim.relation in SYMMETRIC_RELATIONS and claim.object < claim.subject:
        return claim.object, claim.subject
    return claim.subject, claim.object


def claim_graph(corpus: Corpus, kb: KnowledgeBase, assessment: Assessment) -> nx.MultiDiGraph:
    """Actors (and places, claimed events) as nodes; one edge per proposition and polarity.

    Edge attributes: ``relation``, ``polarity``, ``hedged`` (every claim hedged), ``hedged_claims``,
    ``claims``, ``documents`` (independent documents: syndicated copies count once), ``sources``,
    ``speakers``, ``best_credibility`` (0 when unrated), ``first_evidence``, ``first_document``,
    ``first_published``, ``claim_ids``. Node attributes: ``label``, ``kind``, ``type``, ``country``,
    ``wikidata``, ``aliases``, ``parent``, ``documents``.
    """
    entities = collect(corpus, kb)
    graph = nx.MultiDiGraph()
    edges: dict[tuple[str, str, str, str], _Edge] = {}
    node_docs: dict[str, set[str]] = {}
    for extraction in corpus.extractions:
        doc = extraction.document
        for claim in extraction.claims:
            source, target = _ordered(claim)
            for node in (source, target):
                if node not in graph:
                    known_actor = node != claim.object or node in entities.actors  # a state can be a place too
                    kind = "actor" if known_actor else claim_object_kind(claim, entities)
                    graph.add_node(node, **_node_attributes(entities, node, kind, claim.object_name))
                node_docs.setdefault(node, set()).add(independent_key(corpus, doc.id))
            edges.setdefault((source, target, claim.relation, claim.polarity), _Edge()).claims.append((doc, claim))
    for node, docs in node_docs.items():
        graph.nodes[node]["documents"] = len(docs)
    for (source, target, relation, polarity), edge in edges.items():
        ordered = sorted(edge.claims, key=lambda dc: (dc[0].published or "9999", dc[1].evidence.start))
        first_doc, first_claim = ordered[0]
        ratings = [assessment.credibility(c.id) for d, c in edge.claims]
        graph.add_edge(
            source, target, key=f"{relation}|{polarity}", relation=relation, polarity=polarity,
            hedged=all(c.hedged for _, c in edge.claims), hedged_claims=sum(c.hedged for _, c in edge.claims),
            claims=len(edge.claims), documents=len({independent_key(corpus, d.id) for d, _ in edge.claims}),
            sources=_joined(source_label(d) for d, _ in ordered),
            speakers=_joined(speaker_name(c.asserted_by, d) for d, c in ordered),
            best_credibility=min((r for r in ratings if r), default=0),
            first_evidence=first_claim.evidence.text, first_document=doc_label(first_doc),
            first_published=first_doc.published or "", claim_ids=_joined(c.id for _, c in ordered))
    return graph


def _joined(values: Iterable[str]) -> str:
    """Distinct values in order of first appearance, joined."""
    return LIST_SEPARATOR.join(dict.fromkeys(values))


def write_graphml(corpus: Corpus, kb: KnowledgeBase, assessment: Assessment, path: Path) -> Path:
    nx.write_graphml(claim_graph(corpus, kb, assessment), path)
    return path


def write_gexf(corpus: Corpus, kb: KnowledgeBase, assessment: Assessment, path: Path) -> Path:
    nx.write_gexf(claim_graph(corpus, kb, assessment), path)
    return path
