"""The linker reads text as ASCII bytes: names and acronyms that are not all ASCII must still match exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.kb import KBActor, KnowledgeBase
from claimgraph.nlp.linker import find_matches, select_longest
from claimgraph.nlp.text import fold, fold_ascii

# letters whose folding is special: dotted capital I, sigma (lower-cased by its neighbours), Kelvin sign,
# curly quotes and dashes, letters that keep no ASCII form, a lone surrogate, an emoji
TRICKY = "İΣσςKÅ’‘“”–—\u00a0…ḩẖıßé?\ud800😀"


@given(st.text(alphabet=st.sampled_from("aZ ,'-?" + TRICKY) | st.characters()))
def test_fold_ascii_is_fold_read_as_ascii(text: str) -> None:
    assert fold_ascii(text) == fold(text).encode("ascii", "replace")
    assert len(fold_ascii(text)) == len(text)


def kb_of(*names: str) -> KnowledgeBase:
    actors = {f"kb:a{i}": KBActor(f"kb:a{i}", name, "armed_group") for i, name in enumerate(names)}
    return KnowledgeBase(actors=actors)


def found(text: str, kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    return {text[m.start:m.end]: m.ids for m in find_matches(text, kb)}


def test_names_that_read_as_the_same_bytes_stay_apart() -> None:
    kb = kb_of("Gaḩa Front", "Gaẖa Front")  # both read "ga?a front" as ASCII
    text = "The Gaḩa Front, the GAẖA FRONT, the Ga?a Front and the Gaña Front met."
    assert found(text, kb) == {"Gaḩa Front": ("kb:a0",), "GAẖA FRONT": ("kb:a1",)}
    assert found(text, kb) == {text[m.start:m.end]: m.ids for m in find_matches(text, kb, fold(text))}


def test_a_name_with_a_question_mark_needs_the_question_mark() -> None:
    kb = kb_of("Who? Brigade")
    assert found("Who? Brigade and Who’ Brigade", kb) == {"Who? Brigade": ("kb:a0",)}


def test_acronyms_outside_ascii_and_with_quotes_match_exactly() -> None:
    kb = kb_of("ŞKM", "T'KP")
    text = "ŞKM, ŠKM, ?KM, şkm; T’KP, T`KP, T´KP, T\"KP, T–KP, t'kp."
    assert found(text, kb) == {"ŞKM": ("kb:a0",), "T’KP": ("kb:a1",), "T`KP": ("kb:a1",), "T´KP": ("kb:a1",)}


def test_of_two_overlapping_matches_the_longer_wins_wherever_it_starts() -> None:
    a, b = ("kb:a",), ("kb:b",)
    assert select_longest([(2, 9, b), (0, 4, a)]) == [(2, 9, b)]
    assert select_longest([(0, 7, a), (2, 9, b)]) == [(0, 7, a)]
