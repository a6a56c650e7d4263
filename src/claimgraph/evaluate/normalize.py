"""Name normalisation used by the scorer to decide that two surface forms name the same thing."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

_POSSESSIVE = re.compile(r"(?<=\w)['’ʼ`]s\b")
_APOSTROPHES = re.compile(r"['’‘ʼ`´.]")
_NON_WORD = re.compile(r"[^\w]+")
_PARENTHESIS = re.compile(r"\(([^)]*)\)")
# Words that describe a place rather than name it: "Malang area", "Borno State", "central Mali".
_PLACE_DESCRIPTORS = frozenset({
    "area", "city", "district", "province", "state", "region", "town", "village",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern",
})
SPEAKER_FUZZY_THRESHOLD = 80


def normalize_name(name: str) -> str:
    """Fold a name for comparison: case, diacritics, dashes, apostrophes, possessive 's, leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _POSSESSIVE.sub("", text.casefold())
    text = _APOSTROPHES.sub("", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ").strip()
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


def name_variants(name: str) -> set[str]:
    """The normalised name, plus its parts outside and inside a parenthesis ("Jaza'a (Tal Kocher)")."""
    variants = {normalize_name(name)}
    inside = _PARENTHESIS.findall(name)
    if inside:
        variants.add(normalize_name(_PARENTHESIS.sub(" ", name)))
        variants.update(normalize_name(part) for part in inside)
    return {v for v in variants if v}


def place_parts(place: str) -> set[str]:
    """Every name a gold event place offers: the whole, its comma and "and" parts, without descriptors.

    "Malang area, Dera Ismail Khan" gives {"malang area dera ismail khan", "malang", "dera ismail khan", …}.
    """
    parts = {place}
    for piece in re.split(r",|\band\b|\bbetween\b", place):
        if piece.strip():
            parts.add(piece)
    names: set[str] = set()
    for part in parts:
        for variant in name_variants(part):
            names.add(variant)
            bare = strip_place_descriptors(variant)
            if bare:
                names.add(bare)
    return names


def strip_place_descriptors(normalized: str) -> str:
    """Drop descriptor words ("area", "province", "central") from a normalised place name."""
    return " ".join(word for word in normalized.split() if word not in _PLACE_DESCRIPTORS)


def place_matches(predicted: str, gold: str) -> bool:
    """A predicted place is right when it names the gold place or one of its comma parts."""
    gold_names = place_parts(gold)
    variants = name_variants(predicted)
    candidates = variants | {strip_place_descriptors(v) for v in variants}
    return bool((candidates - {""}) & gold_names)


def speaker_matches(predicted: str, gold: str) -> bool:
    """Fuzzy agreement of a speaker name with the gold ``asserted_by`` (which may carry a role)."""
    pred, ref = normalize_name(predicted), normalize_name(gold)
    if not pred or not ref:
        return False
    if f" {pred} " in f" {ref} ":
        return True
    return fuzz.token_set_ratio(pred, ref) >= SPEAKER_FUZZY_THRESHOLD
