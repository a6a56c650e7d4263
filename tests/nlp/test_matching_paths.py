"""The shortcuts the linker and the rule patterns take must find exactly what the plain search finds."""

from __future__ import annotations

import re

import pytest

from claimgraph.kb import builtin_kb
from claimgraph.nlp.linker import find_matches, select_longest
from claimgraph.nlp.text import initials

WORDS = r"said|says|told|claimed|alleg(?:ed|es)|warned"


def test_initials_rule_out_no_match() -> None:
    plain = re.compile(rf"\b(?:{WORDS})\b", re.IGNORECASE)
    quick = re.compile(rf"\b{initials(WORDS)}(?:{WORDS})\b", re.IGNORECASE)
    text = "He SAID, she Told us; they warned and Alleges it, unsaid saidx claimed. Said."
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(list(quick.finditer(text))) == 6


@pytest.mark.parametrize("alternatives", ["s?aid|told", "(?:said)|told", "said||told", r"\bsaid|told"])
def test_initials_refuse_alternatives_without_a_plain_first_letter(alternatives: str) -> None:
    with pytest.raises(ValueError):
        initials(alternatives)


def ids_at(text: str) -> dict[str, tuple[str, ...]]:
    return {text[m.start:m.end]: m.ids for m in find_matches(text, builtin_kb())}


@pytest.mark.parametrize("text", ["IS-K struck.", "IS\u2013K struck.", "A raid by IS\u2011K", "IS-K"])
def test_acronyms_match_in_any_dash_and_at_the_edges(text: str) -> None:
    found = ids_at(text)
    assert any("kb:iskp" in ids for ids in found.values()), found


@pytest.mark.parametrize("text", ["xISKP struck", "ISKPx struck", "ISKP_ struck", "1ISKP struck"])
def test_acronyms_stay_on_word_boundaries(text: str) -> None:
    assert not any("kb:iskp" in ids for ids in ids_at(text).values())


def test_acronym_and_folded_name_in_one_text() -> None:
    text = "Both ISKP and Islamic State Khorasan Province, and the TTP too."
    found = ids_at(text)
    assert found["ISKP"] == found["Islamic State Khorasan Province"]
    assert "kb:ttp" in found["TTP"]


def test_overlapping_matches_keep_the_longest_then_the_earliest() -> None:
    a, b, c = ("kb:a",), ("kb:b",), ("kb:c",)
    candidates = [(10, 14, c), (0, 8, a), (4, 12, b), (20, 25, a), (22, 25, b), (30, 34, a), (30, 34, b)]
    assert select_longest(candidates) == [(0, 8, a), (10, 14, c), (20, 25, a), (30, 34, a)]
