"""Relation claims: typed with polarity, untyped pairs, and attribution and hedging of the matched ones.

Predicted claims are mapped onto gold names through the document's actor alignment; the object of
``operates_in`` is a place, compared by its name. ``claims_responsibility`` is left out on both sides: it
is scored through the events' ``claimed_by``. Repeated predicted triples count once (the first claim
stands for them when attribution and hedging are checked).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimgraph.evaluate.actors import UNRESOLVED, ActorAlignment
from claimgraph.evaluate.gold import GoldDoc, GoldRelation
from claimgraph.evaluate.metrics import PRF, Accuracy
from claimgraph.evaluate.normalize import name_variants, normalize_name, speaker_matches
from claimgraph.model import AUTHOR, SYMMETRIC_RELATIONS

UNSCORED_RELATIONS = frozenset({"claims_responsibility"})
PLACE_RELATIONS = frozenset({"operates_in"})
PERSON_LINK_RELATIONS = frozenset({"member_of", "leads"})

TypedKey = tuple[str, str, str, str]  # subject, relation, object, polarity


def _typed_key(subject: str, relation: str, obj: str, polarity: str) -> TypedKey:
    if relation in SYMMETRIC_RELATIONS and obj < subject:
        subject, obj = obj, subject
    return subject, relation, obj, polarity


def _pair_key(key: TypedKey) -> tuple[str, str]:
    first, second = sorted((key[0], key[2]))
    return first, second


def _label(key: TypedKey, place_names: dict[str, str]) -> str:
    subject, relation, obj, polarity = key
    obj = place_names.get(obj, obj) if relation in PLACE_RELATIONS else obj
    return f"{subject} {relation} {obj}" + (" [negated]" if polarity == "negated" else "")


def _gold_key(relation: GoldRelation) -> TypedKey:
    obj = normalize_name(relation.object) if relation.relation in PLACE_RELATIONS else relation.object
    return _typed_key(relation.subject, relation.relation, obj, "negated" if relation.negated else "affirmed")


def _place_key(names: list[str], gold_places: list[str]) -> str:
    """The gold place that the predicted place's name or any of its mention texts names."""
    for name in names:
        variants = name_variants(name)
        for place in gold_places:
            if variants & name_variants(place):
                return normalize_name(place)
    return UNRESOLVED + normalize_name(names[0])


def place_mention_names(predicted: dict[str, Any]) -> dict[str, list[str]]:
    """Id → the texts a predicted place (or state) is mentioned by, to match ``operates_in`` objects."""
    names: dict[str, list[str]] = {}
    for entry in [*(predicted.get("places") or []), *(predicted.get("actors") or [])]:
        names[str(entry.get("id"))] = [m.get("text", "") for m in entry.get("mentions") or []]
    return names


def _predicted_key(claim: dict[str, Any], alignment: ActorAlignment, gold_places: list[str],
                   mention_names: dict[str, list[str]]) -> TypedKey:
    relation = str(claim.get("relation") or "")
    subject = alignment.key(str(claim.get("subject") or ""))
    if relation in PLACE_RELATIONS:
        name = str(claim.get("object_name") or claim.get("object") or "")
        obj = _place_key([name, *mention_names.get(str(claim.get("object")), [])], gold_places)
    else:
        obj = alignment.key(str(claim.get("object") or ""), claim.get("object_name"))
    return _typed_key(subject, relation, obj, "negated" if claim.get("polarity") == "negated" else "affirmed")


def attribution_correct(claim: dict[str, Any], gold: GoldRelation, alignment: ActorAlignment) -> bool:
    """The predicted speaker agrees with the gold ``asserted_by`` (author, or a fuzzy name match)."""
    speaker = claim.get("asserted_by") or {}
    speaker_id, speaker_name = str(speaker.get("id") or AUTHOR), str(speaker.get("name") or "")
    if gold.asserted_by == AUTHOR or speaker_id == AUTHOR:
        return gold.asserted_by == AUTHOR and speaker_id == AUTHOR
    if speaker_name and speaker_matches(speaker_name, gold.asserted_by):
        return True
    canonical = alignment.resolve(speaker_id, speaker_name or None)
    return canonical is not None and speaker_matches(canonical, gold.asserted_by)


@dataclass
class RelationScore:
    typed: PRF
    by_relation: dict[str, PRF]
    typed_without_person_links: PRF
    untyped: PRF
    attribution: Accuracy
    hedged: Accuracy
    errors: dict[str, list[Any]]


def _by_relation(gold_keys: set[TypedKey], pred_keys: set[TypedKey]) -> dict[str, PRF]:
    counts: dict[str, PRF] = {}
    for key in gold_keys | pred_keys:
        hit = PRF(tp=int(key in gold_keys and key in pred_keys), fp=int(key not in gold_keys),
                  fn=int(key not in pred_keys))
        counts[key[1]] = counts.get(key[1], PRF()) + hit
    return dict(sorted(counts.items()))


def _prf(gold_keys: set[Any], pred_keys: set[Any]) -> PRF:
    return PRF(tp=len(gold_keys & pred_keys), fp=len(pred_keys - gold_keys), fn=len(gold_keys - pred_keys))


def score_relations(gold: GoldDoc, predicted: list[dict[str, Any]], alignment: ActorAlignment,
                    mention_names: dict[str, list[str]] | None = None) -> RelationScore:
    """Compare one document's predicted claims with its gold relations."""
    gold_relations: dict[TypedKey, GoldRelation] = {}
    for relation in gold.relations:
        if relation.relation not in UNSCORED_RELATIONS:
            gold_relations.setdefault(_gold_key(relation), relation)
    gold_places = [r.object for r in gold.relations if r.relation in PLACE_RELATIONS]
    place_names = {normalize_name(place): place for place in gold_places}

    def label(key: TypedKey) -> str:
        return _label(key, place_names)

    claims: dict[TypedKey, dict[str, Any]] = {}
    for claim in predicted:
        if claim.get("relation") not in UNSCORED_RELATIONS:
            claims.setdefault(_predicted_key(claim, alignment, gold_places, mention_names or {}), claim)
    gold_keys, pred_keys = set(gold_relations), set(claims)

    def is_person_link(key: TypedKey) -> bool:
        if key[1] not in PERSON_LINK_RELATIONS:
            return False
        if key in gold_relations or not key[0].startswith(UNRESOLVED):
            return gold.actor_type(key[0]) == "person"
        return alignment.types.get(str(claims[key].get("subject") or "")) == "person"

    attribution, hedged = Accuracy(), Accuracy()
    errors: dict[str, list[Any]] = {"false_negatives": [], "false_positives": [], "attribution_errors": [],
                                    "hedged_errors": []}
    for key in sorted(gold_keys & pred_keys):
        relation, claim = gold_relations[key], claims[key]
        right_speaker = attribution_correct(claim, relation, alignment)
        attribution += Accuracy(int(right_speaker), 1)
        if not right_speaker:
            errors["attribution_errors"].append({"relation": label(key), "gold": relation.asserted_by,
                                                 "predicted": claim.get("asserted_by")})
        right_hedge = bool(claim.get("hedged")) == relation.hedged
        hedged += Accuracy(int(right_hedge), 1)
        if not right_hedge:
            errors["hedged_errors"].append({"relation": label(key), "gold": relation.hedged,
                                            "predicted": bool(claim.get("hedged"))})
    for key in sorted(gold_keys - pred_keys):
        errors["false_negatives"].append({"relation": label(key), "evidence": gold_relations[key].evidence})
    for key in sorted(pred_keys - gold_keys):
        errors["false_positives"].append({"relation": label(key), "id": claims[key].get("id"),
                                          "evidence": (claims[key].get("evidence") or {}).get("text")})
    return RelationScore(
        typed=_prf(gold_keys, pred_keys),
        by_relation=_by_relation(gold_keys, pred_keys),
        typed_without_person_links=_prf({k for k in gold_keys if not is_person_link(k)},
                                        {k for k in pred_keys if not is_person_link(k)}),
        untyped=_prf({_pair_key(k) for k in gold_keys}, {_pair_key(k) for k in pred_keys}),
        attribution=attribution, hedged=hedged, errors=errors)
