from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from claimgraph.evaluate import GoldActor, GoldDoc, GoldEvent, score_documents
from claimgraph.evaluate.events import date_correct
from claimgraph.evaluate.metrics import PRF, Accuracy

Perfect = Callable[[GoldDoc], dict[str, Any]]


def attack(prediction: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in prediction["events"] if e["kind"] == "attack")


def fields(gold: GoldDoc, prediction: dict[str, Any]) -> dict[str, Accuracy]:
    return score_documents([gold], {gold.id: prediction}).total.event_fields


@pytest.mark.parametrize(("predicted", "precision", "gold", "expected"), [
    ("2024-05-03", "day", "2024-05-03", True),
    ("2024-05-03", "day", "2024-05", True),
    ("2024-05-03", "day", "2024", True),
    ("2024-05", "month", "2024-05-03", False),
    ("2024-05-01", "month", "2024-05-01", False),
    ("2024-06-03", "day", "2024-05", False),
    (None, None, None, True),
    ("2024", "year", None, False),
    (None, None, "2024", False),
])
def test_date_is_compared_at_the_gold_precision(predicted: str | None, precision: str | None,
                                                gold: str | None, expected: bool) -> None:
    assert date_correct(predicted, precision, gold) is expected


def test_each_field_is_checked_on_the_matched_pair(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    event = attack(prediction)
    event.update(date="2024-05", date_precision="month", killed=5, wounded=None,
                 place={"id": None, "name": "Lismore Province", "country": "Tarsia"},
                 perpetrators=["kb:3"], claimed_by=["kb:0", "kb:3"])
    result = fields(gold_doc, prediction)
    assert {name: acc.correct for name, acc in result.items()} == {
        "date": 0, "place": 1, "perpetrator": 0, "killed": 0, "wounded": 1, "claimed_by": 0}
    assert all(acc.total == 1 for acc in result.values())
    report = score_documents([gold_doc], {"t1": prediction})
    assert report.total.events == PRF(tp=1)
    wrong = {e["field"]: e["predicted"] for e in report.documents[0].errors["events"]["field_errors"]}
    assert wrong == {"date": "2024-05", "perpetrator": ["Grey Banner"], "killed": 5,
                     "claimed_by": ["Grey Banner", "Kestrel Front"]}


def test_perpetrator_must_be_exactly_the_gold_one(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    attack(prediction)["perpetrators"] = []
    assert fields(gold_doc, prediction)["perpetrator"] == Accuracy(0, 1)
    attack(prediction)["perpetrators"] = ["kb:0", "kb:3"]
    assert fields(gold_doc, prediction)["perpetrator"] == Accuracy(0, 1)
    attack(prediction)["perpetrators"] = ["kb:0"]
    assert fields(gold_doc, prediction)["perpetrator"] == Accuracy(1, 1)


def test_place_is_wrong_when_it_names_another_place(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    attack(prediction)["place"] = {"id": None, "name": "Tarsia", "country": "Tarsia"}
    assert fields(gold_doc, prediction)["place"] == Accuracy(0, 1)
    attack(prediction)["place"] = None
    assert fields(gold_doc, prediction)["place"] == Accuracy(0, 1)


def test_an_attack_from_another_sentence_is_a_false_positive(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    event = attack(prediction)
    sentence = "The Kestrel Front is active in Lismore."
    start = gold_doc.text.index(sentence)
    event.update(date=None, date_precision=None, place={"id": None, "name": "Ostrel", "country": None},
                 evidence={"start": start, "end": start + len(sentence), "text": sentence})
    report = score_documents([gold_doc], {"t1": prediction})
    assert report.total.events == PRF(tp=0, fp=1, fn=1)
    assert report.total.events.f1 == 0.0
    assert report.total.event_fields["date"] == Accuracy(0, 0)
    errors = report.documents[0].errors["events"]
    assert [e["place"] for e in errors["false_negatives"]] == ["Varno, Lismore"]
    assert [e["place"] for e in errors["false_positives"]] == ["Ostrel"]


def test_same_place_and_date_match_without_overlapping_evidence(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    sentence = "The Kestrel Front claimed the attack."
    start = gold_doc.text.index(sentence)
    attack(prediction)["evidence"] = {"start": start, "end": start + len(sentence), "text": sentence}
    assert score_documents([gold_doc], {"t1": prediction}).total.events == PRF(tp=1)


def test_only_attacks_are_scored(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    extra = dict(attack(prediction), id="raid", kind="security_operation")
    prediction["events"].append(extra)
    assert score_documents([gold_doc], {"t1": prediction}).total.events == PRF(tp=1)
    attack(prediction)["kind"] = "protest"
    assert score_documents([gold_doc], {"t1": prediction}).total.events == PRF(fn=1)


def test_two_attacks_in_one_sentence_pair_by_place(perfect: Perfect) -> None:
    text = "Raiders struck Varno and Ostrel on Monday, killing two in Varno and five in Ostrel."
    actors = (GoldActor("Kestrel Front", "armed_group", ()),)
    events = (GoldEvent("attack", None, "Varno", "Tarsia", None, (), 2, None, text),
              GoldEvent("attack", None, "Ostrel", "Tarsia", None, (), 5, None, text))
    gold = GoldDoc("two", text, actors, events, ())
    prediction = perfect(gold)
    prediction["events"].reverse()
    report = score_documents([gold], {"two": prediction})
    assert report.total.events == PRF(tp=2)
    assert report.total.event_fields["place"] == Accuracy(2, 2)
    assert report.total.event_fields["killed"] == Accuracy(2, 2)


def test_gold_without_place_accepts_the_country(perfect: Perfect) -> None:
    text = "Drones struck targets across Tarsia overnight."
    event = GoldEvent("attack", None, None, "Tarsia", None, (), None, None, text)
    gold = GoldDoc("c", text, (), (event,), ())
    prediction = perfect(gold)
    assert fields(gold, prediction)["place"] == Accuracy(1, 1)
    attack(prediction)["place"] = {"id": None, "name": "Tarsia", "country": "Tarsia"}
    assert fields(gold, prediction)["place"] == Accuracy(1, 1)
    attack(prediction)["place"] = {"id": None, "name": "Lismore", "country": "Tarsia"}
    assert fields(gold, prediction)["place"] == Accuracy(0, 1)


def test_evidence_found_by_text_when_offsets_are_off(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    evidence = attack(prediction)["evidence"]
    evidence["start"] += 3
    evidence["end"] += 3
    report = score_documents([gold_doc], {"t1": prediction})
    assert report.total.events == PRF(tp=1)
    exact = report.total.evidence_exact
    assert exact.total - exact.correct == 1
