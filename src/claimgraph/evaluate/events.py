"""Attack events: one-to-one matching of predicted to gold attacks, then accuracy per field.

Only events of kind ``attack`` are scored, in the gold and in the prediction. A predicted attack can pair
with a gold attack when its evidence span overlaps the gold evidence sentence, or when it names the same
place and the same (non-null) date. Pairs are taken best first: the share of the gold sentence the
predicted evidence covers, plus half a point each for place and date agreement (which tells apart two
attacks described in one sentence).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimgraph.evaluate.actors import ActorAlignment
from claimgraph.evaluate.gold import GoldDoc, GoldEvent
from claimgraph.evaluate.metrics import PRF, Accuracy
from claimgraph.evaluate.normalize import normalize_name, place_matches

ATTACK = "attack"
EVENT_FIELDS: tuple[str, ...] = ("date", "place", "perpetrator", "killed", "wounded", "claimed_by")
_PRECISION_LENGTH = {"day": 10, "month": 7, "year": 4}


def evidence_span(text: str, evidence: Any) -> tuple[int, int] | None:
    """The predicted evidence as offsets into ``text``; found by its text when the offsets do not hold it."""
    if not isinstance(evidence, dict):
        return None
    start, end, quote = evidence.get("start"), evidence.get("end"), evidence.get("text") or ""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text) and \
            (not quote or text[start:end] == quote):
        return start, end
    found = text.find(quote) if quote else -1
    return (found, found + len(quote)) if found >= 0 else None


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    spans, found = [], text.find(quote)
    while found >= 0:
        spans.append((found, found + len(quote)))
        found = text.find(quote, found + 1)
    return spans


def _coverage(gold_spans: list[tuple[int, int]], span: tuple[int, int] | None) -> float:
    """The largest share of a gold evidence occurrence that the predicted span covers."""
    if span is None:
        return 0.0
    return max((max(0, min(end, span[1]) - max(start, span[0])) / (end - start) for start, end in gold_spans),
               default=0.0)


def date_correct(predicted: str | None, precision: str | None, gold: str | None) -> bool:
    """Right at the gold's precision: the predicted date, cut to the gold's length, equals the gold date."""
    if gold is None:
        return predicted is None
    if not predicted:
        return False
    predicted = predicted[:_PRECISION_LENGTH.get(precision or "", len(predicted))]
    return len(predicted) >= len(gold) and predicted[:len(gold)] == gold


def place_correct(predicted: dict[str, Any] | None, gold: GoldEvent) -> bool:
    """Right when the predicted place names the gold place or one of its comma parts.

    A gold event with no place is right when the prediction has none either or names the gold country.
    """
    name = (predicted or {}).get("name")
    if gold.place is None:
        return not name or (gold.country is not None and normalize_name(name) == normalize_name(gold.country))
    return bool(name) and place_matches(name, gold.place)


def _actor_set(ids: list[str], alignment: ActorAlignment) -> set[str]:
    return {alignment.key(actor_id) for actor_id in ids}


def _field_values(pred: dict[str, Any], alignment: ActorAlignment) -> dict[str, Any]:
    place = pred.get("place") or None
    return {"date": pred.get("date"), "place": place.get("name") if place else None,
            "perpetrator": sorted(_actor_set(pred.get("perpetrators") or [], alignment)),
            "killed": pred.get("killed"), "wounded": pred.get("wounded"),
            "claimed_by": sorted(_actor_set(pred.get("claimed_by") or [], alignment))}


def _field_checks(gold: GoldEvent, pred: dict[str, Any], alignment: ActorAlignment) -> dict[str, bool]:
    perpetrators = _actor_set(pred.get("perpetrators") or [], alignment)
    return {
        "date": date_correct(pred.get("date"), pred.get("date_precision"), gold.date),
        "place": place_correct(pred.get("place"), gold),
        "perpetrator": perpetrators == ({gold.perpetrator} if gold.perpetrator else set()),
        "killed": pred.get("killed") == gold.killed,
        "wounded": pred.get("wounded") == gold.wounded,
        "claimed_by": _actor_set(pred.get("claimed_by") or [], alignment) == set(gold.claimed_by),
    }


@dataclass
class EventScore:
    prf: PRF
    fields: dict[str, Accuracy]
    errors: dict[str, list[Any]]


def _gold_summary(event: GoldEvent) -> dict[str, Any]:
    return {"date": event.date, "place": event.place, "perpetrator": event.perpetrator,
            "claimed_by": list(event.claimed_by), "killed": event.killed, "wounded": event.wounded,
            "evidence": event.evidence}


def score_events(gold: GoldDoc, predicted: list[dict[str, Any]], alignment: ActorAlignment) -> EventScore:
    """Pair gold and predicted attacks of one document and check each field of the pairs."""
    gold_events = [e for e in gold.events if e.kind == ATTACK]
    pred_events = [e for e in predicted if e.get("kind") == ATTACK]
    candidates: list[tuple[float, int, int]] = []
    for g, event in enumerate(gold_events):
        gold_spans = _occurrences(gold.text, event.evidence)
        for p, pred in enumerate(pred_events):
            coverage = _coverage(gold_spans, evidence_span(gold.text, pred.get("evidence")))
            same_place = event.place is not None and place_correct(pred.get("place"), event)
            same_date = event.date is not None and date_correct(pred.get("date"), pred.get("date_precision"),
                                                                event.date)
            if coverage > 0 or (same_place and same_date):
                candidates.append((coverage + 0.5 * same_place + 0.5 * same_date, g, p))
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_gold and p not in used_pred:
            pairs.append((g, p))
            used_gold.add(g)
            used_pred.add(p)

    fields = {name: Accuracy() for name in EVENT_FIELDS}
    errors: dict[str, list[Any]] = {"false_negatives": [], "false_positives": [], "field_errors": []}
    for g, p in sorted(pairs):
        checks = _field_checks(gold_events[g], pred_events[p], alignment)
        values = _field_values(pred_events[p], alignment)
        for name, ok in checks.items():
            fields[name] += Accuracy(int(ok), 1)
            if not ok:
                gold_event = gold_events[g]
                errors["field_errors"].append({"field": name, "gold": _gold_summary(gold_event)[name],
                                               "predicted": values[name], "evidence": gold_event.evidence})
    for g, event in enumerate(gold_events):
        if g not in used_gold:
            errors["false_negatives"].append(_gold_summary(event))
    for p, pred in enumerate(pred_events):
        if p not in used_pred:
            errors["false_positives"].append({**_field_values(pred, alignment), "id": pred.get("id"),
                                              "evidence": (pred.get("evidence") or {}).get("text")})
    prf = PRF(tp=len(pairs), fp=len(pred_events) - len(pairs), fn=len(gold_events) - len(pairs))
    return EventScore(prf, fields, errors)
