"""Propositions (who affirms, denies, hedges) and comparisons between groups of sources."""

from __future__ import annotations

import json

import pytest
from analysis_builders import DocBuilder, corpus_of

from claimgraph.analyze import compare, propositions
from claimgraph.analyze.statements import Proposition
from claimgraph.errors import InputError
from claimgraph.kb import KnowledgeBase


def _two_perspectives() -> tuple[DocBuilder, DocBuilder, DocBuilder]:
    patron = (DocBuilder("patron", outlet="Delhi Desk", perspective="indian")
              .claim("Islamabad's spy service has groomed the Khorasan branch.", "kb:isi", "supports", "kb:iskp")
              .claim("The branch fights the Taliban for recruits.", "kb:iskp", "rival_of", "kb:afghan-taliban")
              .claim("Deserters from the Taliban founded the branch.", "kb:iskp", "splinter_of", "kb:afghan-taliban")
              .claim("The branch has bombed Pakistani towns, officials insist.", "kb:iskp", "attacks", "kb:pakistan",
                     speaker="kb:pakistan")
              .text("The Taliban and the TTP are said to be close."))
    enemy = (DocBuilder("enemy", outlet="Lahore Ledger", perspective="pakistani")
             .claim("The Taliban and the branch work hand in hand.", "kb:afghan-taliban", "allied_with", "kb:iskp")
             .claim("Many of the branch's fighters once were Taliban.", "kb:iskp", "splinter_of", "kb:afghan-taliban")
             .claim("The branch keeps hitting Pakistan.", "kb:iskp", "attacks", "kb:pakistan")
             .claim("The Taliban shelter the TTP.", "kb:afghan-taliban", "supports", "kb:ttp")
             .claim("TTP and branch cells coordinate.", "kb:ttp", "allied_with", "kb:iskp"))
    third = (DocBuilder("third", outlet="Lahore Ledger", perspective="pakistani")
             .claim("The TTP may be working with the branch.", "kb:iskp", "allied_with", "kb:ttp", hedged=True))
    return patron, enemy, third


def test_symmetric_relations_normalise_to_one_order() -> None:
    assert Proposition.of("kb:ttp", "allied_with", "kb:iskp") == Proposition.of("kb:iskp", "allied_with", "kb:ttp")
    assert Proposition.of("kb:ttp", "rival_of", "kb:iskp").subject == "kb:iskp"
    assert Proposition.of("kb:ttp", "supports", "kb:iskp") != Proposition.of("kb:iskp", "supports", "kb:ttp")


def test_propositions_list_who_affirms_denies_and_hedges(kb: KnowledgeBase) -> None:
    patron, enemy, third = _two_perspectives()
    negator = DocBuilder("negator", outlet="Kabul Wire").claim(
        "The branch never hit Pakistan.", "kb:iskp", "attacks", "kb:pakistan", negated=True)
    props = {(p.proposition.subject, p.proposition.relation, p.proposition.object): p.to_dict()
             for p in propositions(corpus_of(patron, enemy, third, negator), kb)}
    attacks = props[("kb:iskp", "attacks", "kb:pakistan")]
    assert attacks["affirmed_by"]["outlets"] == ["Delhi Desk", "Lahore Ledger"]
    assert attacks["affirmed_by"]["perspectives"] == ["indian", "pakistani"]
    assert sorted(attacks["affirmed_by"]["speakers"]) == ["author of enemy (Lahore Ledger)", "pakistan"]
    assert attacks["denied_by"]["outlets"] == ["Kabul Wire"]
    assert attacks["hedged_by"]["documents"] == []
    alliance = props[("kb:iskp", "allied_with", "kb:ttp")]  # written both ways round, one proposition
    assert alliance["affirmed_by"]["outlets"] == ["Lahore Ledger"]
    assert len(alliance["affirmed_by"]["documents"]) == 1
    assert len(alliance["hedged_by"]["documents"]) == 1
    assert alliance["summary"] == "Islamic State Khorasan Province allied_with Tehrik-i-Taliban Pakistan"


def test_syndicated_copies_count_once_but_list_their_outlet(kb: KnowledgeBase) -> None:
    original = DocBuilder("original", outlet="Wire").claim("The agency funds the group.", "kb:isi", "supports",
                                                           "kb:iskp").build()
    copy = DocBuilder("copy", outlet="Reprint").claim("The agency funds the group.", "kb:isi", "supports",
                                                      "kb:iskp").build(body=original.document.text + "\n")
    corpus = corpus_of(original, copy, syndicated={copy.document.id: original.document.id})
    [prop] = propositions(corpus, kb)
    data = prop.to_dict()
    assert data["affirmed_by"]["documents"] == [original.document.id]
    assert data["affirmed_by"]["outlets"] == ["Reprint", "Wire"]
    assert data["copies"] == [copy.document.id]
    assert len(data["evidence"]) == 1


def test_compare_by_perspective_reports_agreements_contradictions_and_silences(kb: KnowledgeBase) -> None:
    report = compare(corpus_of(*_two_perspectives()), kb, by="perspective", a="indian", b="pakistani")
    [comparison] = report.comparisons
    agreed = {(a.proposition.subject, a.proposition.relation, a.proposition.object) for a in comparison.agreements}
    assert agreed == {("kb:iskp", "splinter_of", "kb:afghan-taliban"), ("kb:iskp", "attacks", "kb:pakistan")}
    assert {c.kind for c in comparison.contradictions} == {"incompatible_relation", "hierarchy"}
    only_a = {str(s.proposition) for s in comparison.silences_a}
    only_b = {str(s.proposition) for s in comparison.silences_b}
    assert only_a == {"kb:isi supports kb:iskp", "kb:afghan-taliban rival_of kb:iskp"}
    assert only_b == {"kb:afghan-taliban allied_with kb:iskp", "kb:afghan-taliban supports kb:ttp",
                      "kb:iskp allied_with kb:ttp"}
    isi = next(s for s in comparison.silences_a if s.proposition.subject == "kb:isi")
    assert isi.discussed == ["kb:iskp"]  # the other side discusses ISKP, never the ISI
    data = json.loads(json.dumps(report.to_dict()))
    assert data["comparisons"][0]["a"] == "indian"
    assert {g["key"] for g in data["groups"]} == {"indian", "pakistani"}


def test_silence_needs_the_other_side_to_discuss_an_actor(kb: KnowledgeBase) -> None:
    a = DocBuilder("a").claim("Al-Qaeda backs the TTP.", "kb:al-qaeda", "supports", "kb:ttp")
    b = DocBuilder("b").claim("The agency funds the group.", "kb:isi", "supports", "kb:iskp")
    [comparison] = compare(corpus_of(a, b), kb, by="doc").comparisons
    assert comparison.silences_a == [] and comparison.silences_b == []


def test_compare_by_speaker_and_by_tag(kb: KnowledgeBase) -> None:
    patron, enemy, third = _two_perspectives()
    corpus = corpus_of(patron, enemy, third)
    [by_speaker] = compare(corpus, kb, by="speaker", a="pakistan", b="author of enemy (Lahore Ledger)").comparisons
    assert [str(a.proposition) for a in by_speaker.agreements] == ["kb:iskp attacks kb:pakistan"]
    report = compare(corpus, kb, by="tag:perspective", a="indian")
    assert report.comparisons[0].b.label == "(others)"
    assert report.comparisons[0].b.keys == {"pakistani"}


def test_compare_every_pair_of_documents(kb: KnowledgeBase) -> None:
    report = compare(corpus_of(*_two_perspectives()), kb, by="doc")
    assert sorted((c.a.label, c.b.label) for c in report.comparisons) == [
        ("enemy", "patron"), ("enemy", "third"), ("patron", "third")]
    enemy_third = next(c for c in report.comparisons if {c.a.label, c.b.label} == {"enemy", "third"})
    assert [c.kind for c in enemy_third.hedged_disagreements] == ["hedged_disagreement"]
    assert enemy_third.contradictions == []
    [agreement] = enemy_third.agreements
    assert agreement.to_dict()["hedged"] == {"a": False, "b": True}


def test_compare_finds_documents_by_file_name_and_id_prefix(kb: KnowledgeBase) -> None:
    patron, enemy, third = _two_perspectives()
    corpus = corpus_of(patron, enemy, third)
    enemy_id = corpus.extractions[1].document.id
    report = compare(corpus, kb, by="doc", a="patron.txt", b=enemy_id[:14])
    assert report.comparisons[0].b.documents == {enemy_id}


def test_compare_rejects_bad_facets_and_unknown_groups(kb: KnowledgeBase) -> None:
    corpus = corpus_of(*_two_perspectives())
    with pytest.raises(InputError, match="--by: 'colour' is not one of"):
        compare(corpus, kb, by="colour")
    with pytest.raises(InputError, match="russian: no perspective group of that name"):
        compare(corpus, kb, by="perspective", a="russian", b="indian")
    with pytest.raises(InputError, match="same group"):
        compare(corpus, kb, by="perspective", a="indian", b="INDIAN")


def test_compare_shows_events_both_sides_report(kb: KnowledgeBase) -> None:
    a = DocBuilder("a", perspective="x").event("A bomb hit a Bajaur market on 2 March 2024.", place="Bajaur",
                                               date="2024-03-02")
    b = DocBuilder("b", perspective="y").event("The Bajaur market bombing in March 2024 killed nine.",
                                               place="Bajaur", date="2024-03", killed=9)
    [comparison] = compare(corpus_of(a, b), kb, by="perspective").comparisons
    [shared] = comparison.shared_events
    assert len(shared.event.reports) == 2
    assert shared.first[0].document_label == "a"


def test_claims_of_responsibility_name_the_event_resolved_across_documents(kb: KnowledgeBase) -> None:
    extractions = []
    for name, date in (("a", "2025-07-30"), ("b", "2025-07")):
        extraction = (DocBuilder(name, perspective=name)
                      .event(f"Five officials died in the Bajaur attack ({name}).", place="Bajaur", date=date)
                      .claim(f"The branch said it carried out the Bajaur attack ({name}).", "kb:iskp",
                             "claims_responsibility", "event-placeholder")).build()
        extraction.claims[0].object = extraction.events[0].id
        extractions.append(extraction)
    corpus = corpus_of(*extractions)
    [prop] = propositions(corpus, kb)
    assert prop.proposition.object.startswith("resolved-event:")
    assert prop.to_dict()["summary"] == ("Islamic State Khorasan Province claims_responsibility "
                                         "attack at Bajaur, 2025-07-30")
    [comparison] = compare(corpus, kb, by="perspective").comparisons
    assert [a.proposition.relation for a in comparison.agreements] == ["claims_responsibility"]
