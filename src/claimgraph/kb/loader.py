"""Load the knowledge base: states (ISO names + table), the package's data files, divisions, user files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimgraph.kb.divisions import division_places
from claimgraph.kb.entries import check_references, entries_from_data
from claimgraph.kb.knowledge import KnowledgeBase
from claimgraph.kb.schema import KBActor, KBPlace
from claimgraph.kb.sources import TABLES, builtin_sources, builtin_variant_table
from claimgraph.kb.states import state_entries
from claimgraph.kb.user import read_user_file


def merge(kb: KnowledgeBase, actors: Iterable[KBActor], places: Iterable[KBPlace]) -> None:
    """Add entries to ``kb``; an entry with an existing id replaces the earlier one."""
    for actor in actors:
        kb.actors[actor.id] = actor
    for place in places:
        kb.places[place.id] = place


@lru_cache(maxsize=1)
def builtin_kb() -> KnowledgeBase:
    """The knowledge base shipped with the package (loaded and validated once per process)."""
    return build_kb(builtin_sources(), builtin_variant_table())


def build_kb(sources: dict[str, Any], variant_table: dict[str, list[str]] | None = None) -> KnowledgeBase:
    """A knowledge base from parsed data files (file name → content, the state table included)."""
    kb = KnowledgeBase(variant_table=variant_table or {})
    merge(kb, *state_entries(sources[TABLES[0]]))
    for name, data in sources.items():
        if name not in TABLES:
            label = f"builtin {name}"
            merge(kb, *entries_from_data(data, label))
    names = {p.code: p.name for p in kb.places.values() if p.kind == "country" and p.code}
    merge(kb, (), division_places((p.code for p in kb.places.values() if p.code), names))
    check_references(kb)
    return kb


def load_kb(user_files: Sequence[Path | str] = (),
            extra: tuple[list[KBActor], list[KBPlace]] | None = None) -> KnowledgeBase:
    """The built-in knowledge base extended, and overridden by id, with user files (YAML or CSV) and ``extra``.

    Later sources win: the built-in entries, then each file in order, then ``extra`` (entries already
    parsed, e.g. kept in a store). References (parents, affiliations, countries) are checked after the merge.
    """
    base = builtin_kb()
    if not user_files and not extra:
        return base
    kb = KnowledgeBase(dict(base.actors), dict(base.places), variant_table=base.variant_table)
    for path in user_files:
        merge(kb, *read_user_file(Path(path)))
    if extra:
        merge(kb, *extra)
    check_references(kb)
    return kb
