"""Searching the knowledge base, and its queries: ancestors, states, demonyms, metonyms."""

from __future__ import annotations

import pytest

from claimgraph.kb import KBActor, KBPlace, KnowledgeBase, builtin_kb, search
from claimgraph.kb.search import normalise


@pytest.fixture(scope="module")
def kb():
    return builtin_kb()


def ids(results):
    return [entry.id for entry, _ in results]


@pytest.mark.parametrize(("query", "first"), [
    ("ISKP", "kb:iskp"),
    ("iskp", "kb:iskp"),
    ("Taliban", "kb:afghan-taliban"),
    ("Inter-Services Intelligence", "kb:isi"),
    ("inter services intelligence", "kb:isi"),
    ("kb:majeed-brigade", "kb:majeed-brigade"),
    ("majeed-brigade", "kb:majeed-brigade"),
    ("Hezbolah", "kb:hezbollah"),  # a typo
    ("Jaish Mohammad", "kb:jem"),
    ("tehreek taliban", "kb:ttp"),
    ("Bajaur", "place:bajaur"),
    ("Côte d’Ivoire", "kb:ivory-coast"),
])
def test_best_hit(kb, query, first):
    assert ids(search(kb, query))[0] == first


def test_exact_hits_rank_above_fuzzy_ones(kb):
    results = search(kb, "Pakistan", limit=5)
    assert ids(results)[:2] == ["kb:pakistan", "place:pakistan"]  # actor before place on a tie
    assert [score for _, score in results[:2]] == [100.0, 100.0]
    assert all(score < 99 for _, score in results[2:])
    alias = search(kb, "Pakistani Taliban", limit=3)
    assert alias[0][0].id == "kb:ttp" and alias[0][1] == 99.0


def test_scores_decrease_and_limit_is_respected(kb):
    results = search(kb, "Islamic State", limit=7)
    assert len(results) == 7
    scores = [score for _, score in results]
    assert scores == sorted(scores, reverse=True)
    assert all(60 <= score <= 100 for score in scores)


def test_nothing_for_empty_or_unrelated_queries(kb):
    assert search(kb, "   ") == []
    assert search(kb, "ISKP", limit=0) == []
    assert search(kb, "qqqqxxxzzzz") == []


def test_search_sees_user_entries():
    kb = KnowledgeBase(actors={"kb:abc": KBActor("kb:abc", "Alpha Bravo Company", "armed_group", aliases=["ABC"])},
                       places={"place:abc": KBPlace("place:abc", "Abcville", "town", None)})
    assert ids(search(kb, "abc"))[0] == "kb:abc"
    assert ids(search(kb, "Alpha Bravo"))[0] == "kb:abc"


def test_normalise():
    assert normalise("  Jama’at–ul  Ahrar ") == "jama'at-ul ahrar"
    assert normalise("Côte") == "cote"


def test_ancestors_and_state_of(kb):
    assert kb.ancestors("kb:majeed-brigade") == ["kb:bla"]
    assert kb.ancestors("kb:ispr") == ["kb:pakistan-armed-forces", "kb:pakistan"]
    assert kb.state_of("kb:pakistan") == "kb:pakistan"
    assert kb.state_of("kb:ttp") is None
    assert kb.ancestors("kb:unknown") == []


def test_ancestors_stop_at_cycles():
    kb = KnowledgeBase(actors={"kb:a": KBActor("kb:a", "A", "armed_group", parent="kb:b"),
                               "kb:b": KBActor("kb:b", "B", "armed_group", parent="kb:a")})
    assert kb.ancestors("kb:a") == ["kb:b"]


def test_demonyms_and_metonyms(kb):
    demonyms = kb.demonyms()
    assert demonyms["pakistani"] == "kb:pakistan" and demonyms["afghans"] == "kb:afghanistan"
    assert "pakistan" not in demonyms
    metonyms = kb.metonyms()
    assert metonyms["place:tehran"] == "kb:iran" and metonyms["place:pakistan"] == "kb:pakistan"
    assert all(place_id.startswith("place:") and actor_id in kb.actors for place_id, actor_id in metonyms.items())
