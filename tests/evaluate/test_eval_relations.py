from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimgraph.evaluate import Accuracy, GoldDoc, GoldRelation, Report, score_documents
from claimgraph.evaluate.metrics import PRF
from claimgraph.model import AUTHOR

Perfect = Callable[[GoldDoc], dict[str, Any]]

# Actor ids of the perfect prediction:
# kb:0 Kestrel Front, kb:1 Northern Command, kb:2 Dov Almer, kb:3 Grey Banner.


def claim(prediction: dict[str, Any], relation: str) -> dict[str, Any]:
    return next(c for c in prediction["claims"] if c["relation"] == relation)


def score(gold: GoldDoc, prediction: dict[str, Any]) -> Report:
    return score_documents([gold], {gold.id: prediction})


def test_claims_responsibility_is_not_a_scored_relation(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    report = score(gold_doc, prediction)
    assert report.total.relations_typed == PRF(tp=4)
    prediction["claims"] = [c for c in prediction["claims"] if c["relation"] != "claims_responsibility"]
    assert score(gold_doc, prediction).total.relations_typed == PRF(tp=4)


def test_symmetric_relations_match_either_way(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    allied = claim(prediction, "allied_with")
    allied["subject"], allied["object"], allied["object_name"] = "kb:3", "kb:2", "Dov Almer"
    assert score(gold_doc, prediction).total.relations_typed == PRF(tp=4)


def test_direction_matters_for_other_relations(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    supports = claim(prediction, "supports")
    supports["subject"], supports["object"], supports["object_name"] = "kb:0", "kb:1", "Northern Command"
    report = score(gold_doc, prediction)
    assert report.total.relations_typed == PRF(tp=3, fp=1, fn=1)
    assert report.total.relations_by_relation["supports"] == PRF(fp=1, fn=1)
    assert report.total.relations_untyped == PRF(tp=4)
    errors = report.documents[0].errors["relations"]
    assert [e["relation"] for e in errors["false_positives"]] == ["Kestrel Front supports Northern Command"]
    assert [e["relation"] for e in errors["false_negatives"]] == ["Northern Command supports Kestrel Front"]


def test_polarity_must_agree(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    claim(prediction, "allied_with")["polarity"] = "affirmed"
    report = score(gold_doc, prediction)
    assert report.total.relations_typed == PRF(tp=3, fp=1, fn=1)
    assert report.total.relations_untyped == PRF(tp=4)
    errors = report.documents[0].errors["relations"]
    missed = [e["relation"] for e in errors["false_negatives"]]
    assert missed == ["Dov Almer allied_with Grey Banner [negated]"]


def test_repeated_triples_count_once(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    wrong = dict(claim(prediction, "supports"), subject="kb:3", id="x")
    prediction["claims"] += [dict(claim(prediction, "supports"), id="again"), wrong, dict(wrong, id="x2")]
    assert score(gold_doc, prediction).total.relations_typed == PRF(tp=4, fp=1)


def test_untyped_pairs_ignore_the_relation(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    claim(prediction, "leads")["relation"] = "member_of"
    report = score(gold_doc, prediction)
    assert report.total.relations_typed == PRF(tp=3, fp=1, fn=1)
    assert report.total.relations_untyped == PRF(tp=4)


def test_operates_in_compares_place_names(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    place = claim(prediction, "operates_in")
    place["object"], place["object_name"] = "geo:123", "LISMORE"
    assert score(gold_doc, prediction).total.relations_typed == PRF(tp=4)
    place["object_name"] = "Tarsia"
    report = score(gold_doc, prediction)
    assert report.total.relations_typed == PRF(tp=3, fp=1, fn=1)
    errors = report.documents[0].errors["relations"]
    assert [e["relation"] for e in errors["false_negatives"]] == ["Kestrel Front operates_in Lismore"]
    assert [e["relation"] for e in errors["false_positives"]] == ["Kestrel Front operates_in ?tarsia"]


def test_claims_on_unknown_actors_are_false_positives(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    prediction["claims"].append(dict(claim(prediction, "supports"), subject="new:stranger", id="s"))
    report = score(gold_doc, prediction)
    assert report.total.relations_typed == PRF(tp=4, fp=1)
    false_positive = report.documents[0].errors["relations"]["false_positives"][0]
    assert false_positive["relation"].startswith("?new:stranger")


def test_object_resolves_by_name_when_its_id_is_not_an_actor(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    supports = claim(prediction, "supports")
    supports["object"], supports["object_name"] = "new:kestrel-front", "the Kestrel Front"
    assert score(gold_doc, prediction).total.relations_typed == PRF(tp=4)


def test_person_links_are_left_out_of_the_second_score(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    prediction["claims"].append(dict(claim(prediction, "leads"), relation="member_of", id="m"))
    report = score(gold_doc, prediction)
    assert report.total.relations_typed == PRF(tp=4, fp=1)
    assert report.total.relations_typed_without_person_links == PRF(tp=3)


def test_attribution_of_matched_relations(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    supports = claim(prediction, "supports")
    expectations = [
        ({"id": "new:mira-olsen", "name": "Mira Olsen"}, 4),
        ({"id": "new:ministry", "name": "Tarsian Interior Ministry"}, 4),
        ({"id": AUTHOR, "name": AUTHOR}, 3),
        ({"id": "kb:3", "name": "Grey Banner"}, 3),
    ]
    for speaker, right in expectations:
        supports["asserted_by"] = speaker
        assert score(gold_doc, prediction).total.attribution == Accuracy(right, 4), speaker
    claim(prediction, "leads")["asserted_by"] = {"id": "new:mira-olsen", "name": "Mira Olsen"}
    report = score(gold_doc, prediction)
    assert report.total.attribution == Accuracy(2, 4)
    assert {e["gold"] for e in report.documents[0].errors["relations"]["attribution_errors"]} == {
        "Mira Olsen (Tarsian Interior Ministry)", AUTHOR}


def test_speaker_resolves_through_actor_matching(perfect: Perfect, gold_doc: GoldDoc) -> None:
    text = gold_doc.text
    sentence = "The Kestrel Front is active in Lismore."
    gold = GoldDoc("g", text, gold_doc.actors, (),
                   (GoldRelation("Kestrel Front", "rival_of", "Grey Banner", "Kestrel Front", False, False,
                                 sentence),))
    prediction = perfect(gold)
    prediction["actors"][0]["aliases"] = ["KF"]
    claim(prediction, "rival_of")["asserted_by"] = {"id": "kb:0", "name": "the group"}
    assert score(gold, prediction).total.attribution == Accuracy(1, 1)
    claim(prediction, "rival_of")["asserted_by"] = {"id": "kb:3", "name": "the group"}
    assert score(gold, prediction).total.attribution == Accuracy(0, 1)


def test_hedged_accuracy_of_matched_relations(gold_doc: GoldDoc, perfect: Perfect) -> None:
    prediction = perfect(gold_doc)
    claim(prediction, "supports")["hedged"] = False
    claim(prediction, "leads")["hedged"] = True
    report = score(gold_doc, prediction)
    assert report.total.hedged == Accuracy(2, 4)
    assert report.total.relations_typed == PRF(tp=4)
