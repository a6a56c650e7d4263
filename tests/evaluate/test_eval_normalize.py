from __future__ import annotations

import pytest

from claimgraph.evaluate.normalize import name_variants, normalize_name, place_matches, speaker_matches


@pytest.mark.parametrize(("left", "right"), [
    ("The Kestrel Front", "kestrel front"),
    ("Kestrel Front’s", "Kestrel Front"),
    ("Kestrel Front's", "KESTREL FRONT"),
    ("Dóv Älmer", "Dov Almer"),
    ("Grey–Banner", "Grey-Banner"),
    ("Grey-Banner", "Grey Banner"),
    ("Ahl al‑Sa’ir", "Ahl al-Sa'ir"),
    ("T.R.A.", "TRA"),
])
def test_normalize_name_folds_surface_differences(left: str, right: str) -> None:
    assert normalize_name(left) == normalize_name(right)


@pytest.mark.parametrize(("left", "right"), [
    ("Kestrel Front", "Kestrel Fronts"),
    ("Theodor Army", "Odor Army"),
    ("Grey Banner", "Grey Bannerman"),
])
def test_normalize_name_keeps_distinct_names_apart(left: str, right: str) -> None:
    assert normalize_name(left) != normalize_name(right)


def test_name_variants_split_a_parenthesis() -> None:
    assert name_variants("Varno (Old Quay)") == {"varno old quay", "varno", "old quay"}
    assert name_variants("Varno") == {"varno"}


@pytest.mark.parametrize(("predicted", "gold", "expected"), [
    ("Lismore", "Varno, Lismore", True),
    ("Varno", "Varno, Lismore", True),
    ("Varno, Lismore", "Varno, Lismore", True),
    ("Lismore Province", "Varno, Lismore", True),
    ("Varno", "Varno area, Lismore", True),
    ("Tarsia", "central Tarsia", True),
    ("Ostrel", "Varno and Ostrel, Lismore", True),
    ("Tarsia", "Varno, Lismore", False),
    ("Var", "Varno, Lismore", False),
    ("Province", "Lismore Province", False),
])
def test_place_matches_the_place_or_one_of_its_parts(predicted: str, gold: str, expected: bool) -> None:
    assert place_matches(predicted, gold) is expected


@pytest.mark.parametrize(("predicted", "gold", "expected"), [
    ("Mira Olsen", "Mira Olsen (Tarsian Interior Ministry)", True),
    ("Olsen", "Mira Olsen (Tarsian Interior Ministry)", True),
    ("Tarsian Interior Ministry", "Mira Olsen (Tarsian Interior Ministry)", True),
    ("Mira Olssen", "Mira Olsen", True),
    ("Interior", "Mira Olsen (Tarsian Interior Ministry)", True),
    ("Grey Banner", "Mira Olsen (Tarsian Interior Ministry)", False),
    ("Tarsia", "Tarsian government sources", False),
    ("", "Mira Olsen", False),
])
def test_speaker_matches_fuzzily(predicted: str, gold: str, expected: bool) -> None:
    assert speaker_matches(predicted, gold) is expected
