"""Contradictions: polarity, incompatible relations, through the KB hierarchy, event details; and non-conflicts."""

from __future__ import annotations

from analysis_builders import DocBuilder, corpus_of

from claimgraph.analyze import Analysis, contradictions, hedged_disagreements
from claimgraph.analyze.compatibility import INCOMPATIBLE_RELATIONS, incompatible
from claimgraph.analyze.conflicts import Assertion, clash
from claimgraph.kb import KnowledgeBase


def _kinds(found, first_doc: str, second_doc: str) -> dict[str, list]:
    """Conflicts between two documents (titles), by kind."""
    kinds: dict[str, list] = {}
    for c in found:
        if {c.first.document_label, c.second.document_label} == {first_doc, second_doc}:
            kinds.setdefault(c.kind, []).append(c)
    return kinds


def test_hierarchy_incompatible_and_polarity_between_two_articles(kb: KnowledgeBase) -> None:
    a = (DocBuilder("patron", perspective="indian")
         .claim("Islamabad's spy service has groomed the Khorasan branch for years.", "kb:isi", "supports", "kb:iskp")
         .claim("The branch still fights the Taliban over recruits.", "kb:iskp", "rival_of", "kb:afghan-taliban")
         .claim("It has not once struck the army.", "kb:iskp", "attacks", "kb:pakistan-army", negated=True))
    b = (DocBuilder("enemy", perspective="pakistani")
         .claim("The Taliban and the branch work hand in hand.", "kb:afghan-taliban", "allied_with", "kb:iskp")
         .claim("The branch keeps hitting Pakistan.", "kb:iskp", "attacks", "kb:pakistan"))
    found = contradictions(corpus_of(a, b), kb)
    kinds = _kinds(found, "patron", "enemy")
    assert sorted(kinds) == ["hierarchy", "incompatible_relation", "polarity"]

    [hierarchy] = kinds["hierarchy"]
    assert {hierarchy.first.text, hierarchy.second.text} == {
        "Islamabad's spy service has groomed the Khorasan branch for years.", "The branch keeps hitting Pakistan."}
    assert hierarchy.path == ("kb:isi part of kb:pakistan",)
    assert "Inter-Services Intelligence part of Pakistan" in hierarchy.reason
    assert set(hierarchy.about) == {"kb:iskp", "kb:pakistan"}

    [rivalry] = kinds["incompatible_relation"]
    assert set(rivalry.about) == {"kb:iskp", "kb:afghan-taliban"}
    assert rivalry.path == ()

    [polarity] = kinds["polarity"]
    assert polarity.path == ("kb:pakistan-army part of kb:pakistan-armed-forces part of kb:pakistan",)
    assert {polarity.first.polarity, polarity.second.polarity} == {"affirmed", "negated"}
    assert {polarity.first.document_label, polarity.second.document_label} == {"patron", "enemy"}


def test_output_carries_both_sentences_documents_and_speakers(kb: KnowledgeBase) -> None:
    a = DocBuilder("one").claim("The agency arms the group, a defector said.", "kb:isi", "supports", "kb:iskp",
                                speaker="new:a-defector")
    b = DocBuilder("two").claim("The agency does not arm the group.", "kb:isi", "supports", "kb:iskp", negated=True)
    [found] = contradictions(corpus_of(a, b), kb)
    data = found.to_dict()
    assert data["kind"] == "polarity"
    sides = {side["document_label"]: side for side in (data["a"], data["b"])}
    assert sides["one"]["speaker"] == "a-defector"
    assert sides["one"]["evidence"]["text"] == "The agency arms the group, a defector said."
    assert sides["two"]["speaker"] == "author of two"
    assert sides["two"]["polarity"] == "negated"
    text = corpus_of(a, b).extractions[1].document.text
    evidence = sides["two"]["evidence"]
    assert text[evidence["start"]:evidence["end"]] == evidence["text"]


def test_compatible_relations_on_the_same_pair_do_not_conflict(kb: KnowledgeBase) -> None:
    a = DocBuilder("a").claim("The agency funds the group.", "kb:isi", "supports", "kb:iskp")
    b = DocBuilder("b").claim("The agency and the group are allies.", "kb:isi", "allied_with", "kb:iskp")
    c = DocBuilder("c").claim("The group operates in Kunar.", "kb:iskp", "operates_in", "place:kunar")
    d = DocBuilder("d").claim("The group attacks the Taliban.", "kb:iskp", "attacks", "kb:afghan-taliban")
    e = DocBuilder("e").claim("The group is a rival of the Taliban.", "kb:afghan-taliban", "rival_of", "kb:iskp")
    assert contradictions(corpus_of(a, b, c, d, e), kb) == []


def test_different_pairs_do_not_conflict(kb: KnowledgeBase) -> None:
    a = DocBuilder("a").claim("The agency funds the group.", "kb:isi", "supports", "kb:iskp")
    b = DocBuilder("b").claim("The group attacks India.", "kb:iskp", "attacks", "kb:india")
    c = DocBuilder("c").claim("The Taliban do not back the TTP.", "kb:afghan-taliban", "supports", "kb:ttp",
                              negated=True)
    d = DocBuilder("d").claim("Al-Qaeda backs the TTP.", "kb:al-qaeda", "supports", "kb:ttp")
    assert contradictions(corpus_of(a, b, c, d), kb) == []


def test_negated_claims_do_not_clash_with_incompatible_relations(kb: KnowledgeBase) -> None:
    a = DocBuilder("a").claim("The agency does not support the group.", "kb:isi", "supports", "kb:iskp",
                              negated=True)
    b = DocBuilder("b").claim("The group attacks Pakistan.", "kb:iskp", "attacks", "kb:pakistan")
    assert contradictions(corpus_of(a, b), kb) == []


def test_hedged_versus_affirmed_is_shown_apart_not_as_a_contradiction(kb: KnowledgeBase) -> None:
    a = DocBuilder("a").claim("The agency reportedly funds the group.", "kb:isi", "supports", "kb:iskp", hedged=True)
    b = DocBuilder("b").claim("The agency funds the group.", "kb:isi", "supports", "kb:iskp")
    corpus = corpus_of(a, b)
    assert contradictions(corpus, kb) == []
    [shown] = hedged_disagreements(corpus, kb)
    assert shown.kind == "hedged_disagreement"
    assert {shown.first.hedged, shown.second.hedged} == {True, False}


def test_the_same_author_is_not_contradicting_itself(kb: KnowledgeBase) -> None:
    a = (DocBuilder("a")
         .claim("The two groups were once rivals.", "kb:iskp", "rival_of", "kb:afghan-taliban")
         .claim("Today the two groups are allies.", "kb:afghan-taliban", "allied_with", "kb:iskp"))
    assert contradictions(corpus_of(a), kb) == []


def test_quoted_speaker_can_contradict_the_author_of_the_same_article(kb: KnowledgeBase) -> None:
    a = (DocBuilder("a")
         .claim("The agency shelters the group.", "kb:isi", "supports", "kb:iskp")
         .claim("The group bombs our cities, the government says.", "kb:iskp", "attacks", "kb:pakistan",
                speaker="kb:pakistan"))
    [found] = contradictions(corpus_of(a), kb)
    assert found.kind == "hierarchy"
    assert {found.first.speaker, found.second.speaker} == {"author of a", "pakistan"}


def test_syndicated_copies_do_not_contradict_or_double_count(kb: KnowledgeBase) -> None:
    original = DocBuilder("original").claim("The agency funds the group.", "kb:isi", "supports", "kb:iskp").build()
    copy = DocBuilder("copy", outlet="Reprint").claim("The agency funds the group.", "kb:isi", "supports",
                                                      "kb:iskp").build(body=original.document.text + " ")
    other = DocBuilder("other").claim("The group attacks Pakistan.", "kb:iskp", "attacks", "kb:pakistan")
    corpus = corpus_of(original, copy, other, syndicated={copy.document.id: original.document.id})
    found = contradictions(corpus, kb)
    assert len(found) == 1
    assert {found[0].first.document_label, found[0].second.document_label} == {"original", "other"}


def test_polarity_through_places_only_when_the_part_is_affirmed(kb: KnowledgeBase) -> None:
    negated_part = DocBuilder("a").claim("The group is absent from Kunar.", "kb:iskp", "operates_in", "place:kunar",
                                         negated=True)
    affirmed_whole = DocBuilder("b").claim("The group is active in Afghanistan.", "kb:iskp", "operates_in",
                                           "place:afghanistan")
    assert contradictions(corpus_of(negated_part, affirmed_whole), kb) == []
    affirmed_part = DocBuilder("c").claim("The group is active in Kunar.", "kb:iskp", "operates_in", "place:kunar")
    negated_whole = DocBuilder("d").claim("The group is absent from Afghanistan.", "kb:iskp", "operates_in",
                                          "place:afghanistan", negated=True)
    [found] = contradictions(corpus_of(affirmed_part, negated_whole), kb)
    assert found.kind == "polarity"
    assert found.path == ("place:kunar part of place:afghanistan",)


def test_claims_about_different_periods_do_not_conflict(kb: KnowledgeBase) -> None:
    allied_2016 = DocBuilder("a").claim("In 2016 the two groups fought side by side.", "kb:iskp", "allied_with",
                                        "kb:ttp", time="2016")
    rivals_2019 = DocBuilder("b").claim("By June 2019 the two groups were enemies.", "kb:ttp", "rival_of",
                                        "kb:iskp", time="2019-06")
    assert contradictions(corpus_of(allied_2016, rivals_2019), kb) == []
    former = DocBuilder("c").claim("The two groups were once allies.", "kb:iskp", "allied_with", "kb:ttp",
                                   time="former")
    rivals_now = DocBuilder("d").claim("The two groups are enemies.", "kb:iskp", "rival_of", "kb:ttp")
    assert contradictions(corpus_of(former, rivals_now), kb) == []
    # A dated claim against an undated one, or "former" against a date, may be about the same time.
    assert [c.kind for c in contradictions(corpus_of(allied_2016, rivals_now), kb)] == ["incompatible_relation"]
    assert len(contradictions(corpus_of(former, rivals_2019), kb)) == 1


def test_siblings_under_one_state_do_not_make_a_polarity_conflict(kb: KnowledgeBase) -> None:
    a = DocBuilder("a").claim("The group never hit the army.", "kb:iskp", "attacks", "kb:pakistan-army", negated=True)
    b = DocBuilder("b").claim("The group hit the spy agency.", "kb:iskp", "attacks", "kb:isi")
    assert contradictions(corpus_of(a, b), kb) == []


def test_incompatibility_table_is_symmetric_and_limited_to_cooperation_versus_hostility() -> None:
    assert incompatible("supports", "attacks") and incompatible("attacks", "supports")
    assert incompatible("allied_with", "rival_of") and incompatible("rival_of", "allied_with")
    assert incompatible("supports", "rival_of") and incompatible("allied_with", "attacks")
    assert not incompatible("supports", "allied_with")
    assert not incompatible("attacks", "rival_of")
    assert not incompatible("member_of", "rival_of")
    assert len(INCOMPATIBLE_RELATIONS) == 4


def test_clash_reads_symmetric_relations_in_either_order(kb: KnowledgeBase) -> None:
    one = Assertion("kb:iskp", "allied_with", "kb:ttp")
    other = Assertion("kb:ttp", "allied_with", "kb:iskp", negated=True)
    found = clash(one, other, kb)
    assert found is not None and found.kind == "polarity"
    assert clash(Assertion("kb:iskp", "supports", "kb:ttp"),
                 Assertion("kb:ttp", "supports", "kb:iskp", negated=True), kb) is None


def test_event_detail_conflicts_perpetrator_and_casualties(kb: KnowledgeBase) -> None:
    a = DocBuilder("a").event("A blast at a Bajaur market killed nine on 2 March 2024.", place="Bajaur",
                              date="2024-03-02", perpetrators=("kb:ttp",), killed=9)
    b = DocBuilder("b").event("The Bajaur market bombing of 2 March 2024 left twelve dead.", place="Bajaur",
                              date="2024-03-02", perpetrators=("kb:iskp",), killed=12)
    c = DocBuilder("c").event("The March 2024 bombing in Bajaur was the work of IS.", place="Bajaur",
                              date="2024-03", perpetrators=("kb:islamic-state",))
    found = contradictions(corpus_of(a, b, c), kb)
    fields = sorted((c.detail["field"], c.first.document_label, c.second.document_label) for c in found)
    # ISKP is part of the Islamic State, so b and c agree on the perpetrator; TTP disagrees with both.
    assert fields == [("killed", "a", "b"), ("perpetrator", "a", "b"), ("perpetrator", "a", "c")]
    assert all(c.kind == "event_detail" for c in found)
    killed = next(c for c in found if c.detail["field"] == "killed")
    assert (killed.detail["a"], killed.detail["b"]) == (9, 12)


def test_event_date_conflict_within_the_window(kb: KnowledgeBase) -> None:
    a = DocBuilder("a").event("Gunmen stormed a checkpoint in Bajaur on 10 May 2024.", place="Bajaur",
                              date="2024-05-10")
    b = DocBuilder("b").event("Gunmen stormed a checkpoint in Bajaur on 12 May 2024.", place="Bajaur",
                              date="2024-05-12")
    [found] = contradictions(corpus_of(a, b), kb)
    assert found.detail["field"] == "date"
    assert Analysis(corpus_of(a, b), kb).events[0].to_dict()["dates"] == {"from": "2024-05-10", "to": "2024-05-12"}
