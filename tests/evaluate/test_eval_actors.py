from __future__ import annotations

from typing import Any

from claimgraph.evaluate import GoldDoc, score_documents
from claimgraph.evaluate.actors import score_actors
from claimgraph.evaluate.metrics import PRF


def actor(actor_id: str, name: str, kind: str = "armed_group", aliases: tuple[str, ...] = (),
          mentions: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"id": actor_id, "name": name, "type": kind, "wikidata": None, "aliases": list(aliases),
            "mentions": [{"start": 0, "end": len(m), "text": m} for m in mentions]}


def test_names_aliases_and_mentions_match_after_normalisation(gold_doc: GoldDoc) -> None:
    predicted = [
        actor("new:kf", "KF", aliases=("the Kestrel Front",)),
        actor("new:almer", "D. Almer", "person", mentions=("Dóv Almer",)),
        actor("new:grey", "Grey-Banner"),
        actor("kb:tarsia", "Tarsia", "state"),
    ]
    score = score_actors(gold_doc, predicted)
    assert score.prf == PRF(tp=3, fp=1, fn=1)
    assert score.by_type == {"armed_group": PRF(tp=2), "person": PRF(tp=1), "state": PRF(fp=1),
                             "state_agency": PRF(fn=1)}
    assert score.alignment.matched == {"new:kf": "Kestrel Front", "new:almer": "Dov Almer",
                                       "new:grey": "Grey Banner"}
    assert score.errors["false_negatives"] == [{"name": "Northern Command", "type": "state_agency"}]
    assert [e["name"] for e in score.errors["false_positives"]] == ["Tarsia"]


def test_possessive_mention_matches_the_gold_name(gold_doc: GoldDoc) -> None:
    score = score_actors(gold_doc, [actor("kb:nc", "NC", "state_agency", mentions=("Northern Command’s",))])
    assert score.prf == PRF(tp=1, fp=0, fn=3)


def test_matching_is_one_to_one(gold_doc: GoldDoc) -> None:
    predicted = [actor("kb:kf", "Kestrel Front"), actor("new:kf", "Kestrel Front")]
    score = score_actors(gold_doc, predicted)
    assert score.prf == PRF(tp=1, fp=1, fn=3)
    # The second record still resolves by name when a claim refers to it.
    assert score.alignment.resolve("new:kf") == "Kestrel Front"


def test_matching_takes_the_largest_pairing(gold_doc: GoldDoc) -> None:
    # The first prediction names both gold groups; the second only one. Both must be paired.
    predicted = [actor("p1", "Kestrel Front", aliases=("Grey Banner",)), actor("p2", "Kestrel Front")]
    score = score_actors(gold_doc, predicted)
    assert score.prf.tp == 2
    assert score.alignment.matched == {"p1": "Grey Banner", "p2": "Kestrel Front"}


def test_places_are_not_actors(gold_doc: GoldDoc) -> None:
    place = {"id": "p", "name": "Grey Banner", "country": None, "mentions": []}
    prediction = {"actors": [], "places": [place]}
    report = score_documents([gold_doc], {"t1": prediction})
    assert report.total.actors == PRF(tp=0, fp=0, fn=4)


def test_actor_type_accuracy_counts_matched_pairs(gold_doc: GoldDoc) -> None:
    predicted = [actor("a", "Kestrel Front", "armed_group"), actor("b", "Northern Command", "state")]
    score = score_actors(gold_doc, predicted)
    assert (score.type_accuracy.correct, score.type_accuracy.total) == (1, 2)
    assert score.errors["type_errors"] == [{"actor": "Northern Command", "gold": "state_agency",
                                            "predicted": "state"}]
