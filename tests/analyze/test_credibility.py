"""Admiralty ratings: reliability from the user's grades, credibility from corroboration and contradiction."""

from __future__ import annotations

import pytest
from analysis_builders import DocBuilder, corpus_of

from claimgraph.analyze import Analysis, credibility, rate, rated_claim, stix_confidence
from claimgraph.analyze.credibility import check_grade, reliability
from claimgraph.errors import InputError
from claimgraph.kb import KnowledgeBase


def test_stix_mapping() -> None:
    assert [stix_confidence(c) for c in range(1, 7)] == [90, 70, 50, 30, 10, None]


@pytest.mark.parametrize(("corroborating", "conflicting", "related", "hedged", "expected"), [
    (2, 0, False, False, 1), (3, 0, True, False, 1), (1, 0, False, False, 2), (0, 0, True, False, 3),
    (0, 0, False, False, 6), (2, 1, False, False, 3), (1, 1, False, False, 4), (0, 1, False, False, 5),
    (2, 0, False, True, 2), (1, 0, False, True, 3), (0, 0, True, True, 4), (1, 1, True, True, 5),
    (0, 2, True, True, 5), (0, 0, False, True, 6),
])
def test_credibility_rule(corroborating: int, conflicting: int, related: bool, hedged: bool, expected: int) -> None:
    assert credibility(corroborating, conflicting, related, hedged) == expected


def test_reliability_lookup_ignores_case_and_defaults_to_f() -> None:
    grades = {"Dawn": "b", "Ehsanullah Ehsan": "E"}
    assert reliability(grades, ("dawn",)) == "B"
    assert reliability(grades, (None, "EHSANULLAH EHSAN")) == "E"
    assert reliability(grades, ("Unknown Daily",)) == "F"
    assert check_grade(" c ") == "C"
    with pytest.raises(InputError, match="G: a source grade is one of A"):
        check_grade("G")


def _claims_by_doc(analysis: Analysis) -> dict[str, str]:
    return {st.document.title: st.claim.id for st in analysis.statements}


def test_corroboration_by_independent_sources_only(kb: KnowledgeBase) -> None:
    sentence = "The agency funds the group."
    one = DocBuilder("one", outlet="Wire").claim(sentence, "kb:isi", "supports", "kb:iskp").build()
    copy = DocBuilder("copy", outlet="Reprint").claim(sentence, "kb:isi", "supports", "kb:iskp").build(
        body=one.document.text + " ")
    two = DocBuilder("two", outlet="Daily").claim("The agency bankrolls the group.", "kb:isi", "supports", "kb:iskp")
    three = DocBuilder("three", outlet="Weekly").claim("The agency pays the group.", "kb:isi", "supports", "kb:iskp")
    corpus = corpus_of(one, copy, two, syndicated={copy.document.id: one.document.id}, grades={"wire": "B"})
    ratings = rate(corpus, kb)
    first = ratings[one.claims[0].id]
    assert (first.code, first.corroborated_by) == ("B2", ("author of two (Daily)",))
    assert ratings[copy.claims[0].id].credibility == 2  # rated as the original it repeats
    assert rate(corpus_of(one, two, three), kb)[one.claims[0].id].code == "F1"


def test_contradiction_and_hedging_lower_credibility(kb: KnowledgeBase) -> None:
    firm = DocBuilder("firm").claim("The agency funds the group.", "kb:isi", "supports", "kb:iskp")
    denial = DocBuilder("denial").claim("The agency does not fund the group.", "kb:isi", "supports", "kb:iskp",
                                        negated=True)
    hostile = DocBuilder("hostile").claim("The group bombs Pakistan.", "kb:iskp", "attacks", "kb:pakistan")
    hedge = DocBuilder("hedge").claim("The agency may be funding the group.", "kb:isi", "supports", "kb:iskp",
                                      hedged=True)
    analysis = Analysis(corpus_of(firm, denial, hostile, hedge), kb)
    ids = _claims_by_doc(analysis)
    ratings = analysis.claim_ratings
    assert ratings[ids["firm"]].credibility == 5  # opposed by the denial and, through ISI ⊂ Pakistan, the attack
    assert sorted(ratings[ids["firm"]].contradicted_by) == ["author of denial", "author of hostile"]
    assert ratings[ids["hedge"]].credibility == 5
    assert sorted(ratings[ids["denial"]].contradicted_by) == ["author of firm", "author of hedge"]
    assert ratings[ids["hostile"]].contradicted_by == ("author of firm", "author of hedge")  # not the denial


def test_uncorroborated_claim_with_nothing_related_cannot_be_judged(kb: KnowledgeBase) -> None:
    lone = DocBuilder("lone").claim("Al-Qaeda backs the TTP.", "kb:al-qaeda", "supports", "kb:ttp")
    near = DocBuilder("near").claim("The TTP and al-Qaeda are allies.", "kb:ttp", "allied_with", "kb:al-qaeda")
    alone = rate(corpus_of(lone), kb)
    assert [r.credibility for r in alone.values()] == [6]
    assert next(iter(alone.values())).stix_confidence is None
    with_related = Analysis(corpus_of(lone, near), kb)
    assert with_related.claim_ratings[_claims_by_doc(with_related)["lone"]].credibility == 3


def test_quoted_speaker_is_rated_by_its_own_grade(kb: KnowledgeBase) -> None:
    doc = DocBuilder("doc", outlet="Wire").claim("A defector said the agency arms the group.", "kb:isi",
                                                  "supports", "kb:iskp", speaker="new:defector")
    analysis = Analysis(corpus_of(doc, grades={"Wire": "A", "defector": "D"}), kb)
    [rating] = analysis.claim_ratings.values()
    assert rating.reliability == "D"


def test_event_reports_are_rated_and_ratings_attach_to_listed_claims(kb: KnowledgeBase) -> None:
    a = DocBuilder("a", outlet="Wire").event("Nine died in a Bajaur blast on 2 March 2024.", place="Bajaur",
                                              date="2024-03-02", killed=9)
    b = DocBuilder("b").event("A Bajaur blast on 2 March 2024 killed nine.", place="Bajaur", date="2024-03-02",
                              killed=9)
    c = DocBuilder("c").event("A Bajaur blast on 2 March 2024 killed twelve.", place="Bajaur", date="2024-03-02",
                              killed=12)
    analysis = Analysis(corpus_of(a, b, c, grades={"Wire": "C"}), kb)
    by_doc = {r.document.title: analysis.event_ratings[r.event.id] for r in analysis.events[0].reports}
    assert by_doc["a"].code == "C4"  # b gives the same toll, c another
    assert by_doc["a"].corroborated_by == ("author of b",)
    assert by_doc["c"].credibility == 5
    claim = DocBuilder("d").claim("The agency funds the group.", "kb:isi", "supports", "kb:iskp").build().claims[0]
    listed = rated_claim(claim.to_dict(), rate(corpus_of(DocBuilder("d").claim(
        "The agency funds the group.", "kb:isi", "supports", "kb:iskp")), kb)[claim.id])
    assert listed["rating"]["admiralty"] == "F6"
    assert listed["subject"] == "kb:isi"
