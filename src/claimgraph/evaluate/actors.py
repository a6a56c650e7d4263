"""Actor matching: which predicted actor is which gold actor, one to one, within one document.

A predicted actor can match a gold actor when a normalised form of its name, one of its aliases or one of
its mention texts equals the normalised gold canonical name or one of the gold mentions. Among the possible
pairings the scorer takes the largest one-to-one set, preferring pairs whose names agree outright.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from claimgraph.evaluate.gold import GoldDoc
from claimgraph.evaluate.metrics import PRF, Accuracy
from claimgraph.evaluate.normalize import normalize_name

UNRESOLVED = "?"


def predicted_names(actor: dict[str, Any]) -> set[str]:
    """Normalised name, aliases and mention texts of a predicted actor."""
    forms = [actor.get("name") or "", *(actor.get("aliases") or ())]
    forms += [m.get("text") or "" for m in actor.get("mentions") or () if isinstance(m, dict)]
    return {n for n in (normalize_name(f) for f in forms) if n}


@dataclass
class ActorAlignment:
    """How a document's predicted actor ids map onto its gold canonical names."""

    matched: dict[str, str]  # predicted actor id -> gold canonical name (the one-to-one matching)
    names: dict[str, set[str]]  # predicted actor id -> its normalised names
    types: dict[str, str]  # predicted actor id -> predicted type
    labels: dict[str, str]  # predicted actor id -> display name
    gold_index: dict[str, str]  # normalised gold canonical or mention -> canonical, when unambiguous

    def resolve(self, actor_id: str, name: str | None = None) -> str | None:
        """The gold canonical name a predicted reference stands for, or None.

        The one-to-one matching decides first; a reference it leaves out (a second predicted record of the
        same actor, or an id absent from ``actors``) resolves when one of its names is a gold name or mention.
        """
        if actor_id in self.matched:
            return self.matched[actor_id]
        forms = set(self.names.get(actor_id, ()))
        if name:
            forms.add(normalize_name(name))
        hits = {self.gold_index[f] for f in forms if f in self.gold_index}
        return hits.pop() if len(hits) == 1 else None

    def key(self, actor_id: str, name: str | None = None) -> str:
        """The gold canonical name, or a marked placeholder that matches no gold name."""
        resolved = self.resolve(actor_id, name)
        if resolved is not None:
            return resolved
        return UNRESOLVED + (self.labels.get(actor_id) or name or actor_id)


@dataclass
class ActorScore:
    alignment: ActorAlignment
    prf: PRF
    by_type: dict[str, PRF]
    type_accuracy: Accuracy
    errors: dict[str, list[Any]]


def _gold_index(gold: GoldDoc) -> dict[str, str]:
    index: dict[str, set[str]] = {}
    for actor in gold.actors:
        for form in (actor.canonical, *actor.mentions):
            index.setdefault(normalize_name(form), set()).add(actor.canonical)
    return {name: next(iter(owners)) for name, owners in index.items() if len(owners) == 1 and name}


def score_actors(gold: GoldDoc, predicted: list[dict[str, Any]]) -> ActorScore:
    """Match predicted actors to gold actors one to one and count hits by gold type."""
    graph = nx.Graph()
    for g, actor in enumerate(gold.actors):
        canonical = normalize_name(actor.canonical)
        gold_forms = {canonical} | {normalize_name(m) for m in actor.mentions}
        for p, pred in enumerate(predicted):
            forms = predicted_names(pred)
            if forms & gold_forms:
                same_name = normalize_name(pred.get("name") or "") == canonical
                weight = 3 if same_name else 2 if canonical in forms else 1
                graph.add_edge(("g", g), ("p", p), weight=weight)
    pairs = sorted((a[1], b[1]) if a[0] == "g" else (b[1], a[1])
                   for a, b in nx.max_weight_matching(graph, maxcardinality=True))
    ids = [str(pred.get("id") or f"#{p}") for p, pred in enumerate(predicted)]
    alignment = ActorAlignment(
        matched={ids[p]: gold.actors[g].canonical for g, p in pairs},
        names={ids[p]: predicted_names(pred) for p, pred in enumerate(predicted)},
        types={ids[p]: str(pred.get("type") or "") for p, pred in enumerate(predicted)},
        labels={ids[p]: str(pred.get("name") or ids[p]) for p, pred in enumerate(predicted)},
        gold_index=_gold_index(gold))

    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    by_type: dict[str, PRF] = {}

    def add(kind: str, prf: PRF) -> None:
        by_type[kind] = by_type.get(kind, PRF()) + prf

    errors: dict[str, list[Any]] = {"false_negatives": [], "false_positives": [], "type_errors": []}
    type_accuracy = Accuracy()
    for g, p in pairs:
        actor, pred_type = gold.actors[g], str(predicted[p].get("type") or "")
        add(actor.type, PRF(tp=1))
        type_accuracy += Accuracy(int(pred_type == actor.type), 1)
        if pred_type != actor.type:
            errors["type_errors"].append({"actor": actor.canonical, "gold": actor.type,
                                          "predicted": pred_type})
    for g, actor in enumerate(gold.actors):
        if g not in matched_gold:
            add(actor.type, PRF(fn=1))
            errors["false_negatives"].append({"name": actor.canonical, "type": actor.type})
    for p, pred in enumerate(predicted):
        if p not in matched_pred:
            add(str(pred.get("type") or "unknown"), PRF(fp=1))
            errors["false_positives"].append({"id": ids[p], "name": pred.get("name"),
                                              "type": pred.get("type")})
    prf = PRF(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold.actors) - len(pairs))
    return ActorScore(alignment, prf, dict(sorted(by_type.items())), type_accuracy, errors)
