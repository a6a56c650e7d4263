"""Search the knowledge base by name: exact name, alias or id hits first, then fuzzy matches (rapidfuzz)."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process, utils

from claimgraph.kb.knowledge import KnowledgeBase
from claimgraph.kb.schema import KBActor, KBPlace

EXACT_NAME = 100.0
EXACT_ALIAS = 99.0
_DASHES = re.compile(r"[‐-―−]")
_APOSTROPHES = re.compile(r"[’‘ʼʿʾ`]")


def normalise(text: str) -> str:
    """Case-folded, diacritic-free text with one kind of dash and apostrophe and single spaces."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(_APOSTROPHES.sub("'", _DASHES.sub("-", folded)).split())


def similarity(query: str, surface: str, **_: object) -> float:
    """Edit similarity, or token-set similarity (all query words in the surface) slightly discounted by length."""
    ratio = fuzz.ratio(query, surface)
    return max(ratio, 0.9 * fuzz.token_set_ratio(query, surface) + 0.1 * ratio)


def search(kb: KnowledgeBase, text: str, limit: int = 10) -> list[tuple[KBActor | KBPlace, float]]:
    """Entries matching ``text``, best first, each with a score from 0 to 100.

    An exact hit on a name or an id scores 100, on an alias 99 (actors before places on a tie); other entries
    follow by their best fuzzy score over names and aliases (see ``similarity``; at least 60).
    """
    query = normalise(text)
    if not query or limit <= 0:
        return []
    entries: list[KBActor | KBPlace] = [*kb.actors.values(), *kb.places.values()]
    best: dict[str, float] = {}
    surfaces: list[str] = []
    owners: list[str] = []
    for entry in entries:
        bare_id = entry.id.split(":", 1)[1]
        if query in (normalise(entry.name), entry.id, bare_id):
            best[entry.id] = EXACT_NAME
        for alias in entry.aliases:
            if normalise(alias) == query:
                best[entry.id] = max(best.get(entry.id, 0.0), EXACT_ALIAS)
        for surface in (entry.name, *entry.aliases):
            surfaces.append(surface)
            owners.append(entry.id)
    for _, score, index in process.extract(query, surfaces, scorer=similarity, processor=utils.default_process,
                                           limit=limit * 8, score_cutoff=60):
        entry_id = owners[index]
        best[entry_id] = max(best.get(entry_id, 0.0), min(float(score), EXACT_ALIAS - 1))
    by_id = {entry.id: entry for entry in entries}
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0].startswith("place:"), by_id[item[0]].name))
    return [(by_id[entry_id], round(score, 1)) for entry_id, score in ranked[:limit]]
