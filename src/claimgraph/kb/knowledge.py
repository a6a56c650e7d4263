"""The knowledge base: built-in actors and places merged with user files, indexed for lookup."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from claimgraph.kb.schema import KBActor, KBPlace
from claimgraph.kb.variants import variants

_QUALIFIED = re.compile(r"(.+) \((.+)\)")


@dataclass(eq=False)
class KnowledgeBase:
    """Actors and places by id, plus the indexes the linker and the analysis need."""

    actors: dict[str, KBActor] = field(default_factory=dict)
    places: dict[str, KBPlace] = field(default_factory=dict)
    # Precomputed spelling variants of the built-in names (surface → variants); others are computed.
    variant_table: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def actor(self, actor_id: str) -> KBActor | None:
        return self.actors.get(actor_id)

    def place(self, place_id: str) -> KBPlace | None:
        return self.places.get(place_id)

    def names(self) -> Iterator[tuple[str, str]]:
        """Every (surface form, id) pair: names and aliases of actors and places (not demonyms)."""
        for entry in (*self.actors.values(), *self.places.values()):
            yield entry.name, entry.id
            for alias in entry.aliases:
                yield alias, entry.id

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """What a linker indexes: names and aliases, then their spelling variants (see ``kb.variants``).

        A name qualified by a state ("Intelligence Bureau (Pakistan)") also gives its bare form
        ("Intelligence Bureau"), which several entries may share. Each (surface, id) pair comes once. A
        generated variant is left out when it is, case aside, the name or alias of another entry: written
        data wins over generated spellings.
        """
        explicit = self.written_surfaces()
        owners: dict[str, set[str]] = {}
        for surface, entry_id in explicit:
            owners.setdefault(surface.casefold(), set()).add(entry_id)
        yield from explicit
        emitted = set(explicit)
        for surface, entry_id in explicit:
            known = self.variant_table.get(surface)
            for variant in variants(surface) if known is None else known:
                pair = (variant, entry_id)
                if pair in emitted or not owners.get(variant.casefold(), {entry_id}) <= {entry_id}:
                    continue
                emitted.add(pair)
                yield pair

    def written_surfaces(self) -> dict[tuple[str, str], None]:
        """Names and aliases, plus the bare form of state-qualified names, as (surface, id) pairs in order."""
        explicit: dict[tuple[str, str], None] = dict.fromkeys(self.names())
        states = {a.name for a in self.actors.values() if a.type == "state"}
        for entry in (*self.actors.values(), *self.places.values()):
            qualified = _QUALIFIED.fullmatch(entry.name)
            if qualified and qualified[2] in states:
                explicit[(qualified[1], entry.id)] = None
        return explicit

    def metonyms(self) -> dict[str, str]:
        """Place id → the actor its name stands for ("place:islamabad" → "kb:pakistan")."""
        return {p.id: p.metonym_of for p in self.places.values() if p.metonym_of}

    def demonyms(self) -> dict[str, str]:
        """Lower-cased demonym → state id ("pakistani" → "kb:pakistan")."""
        return {d.lower(): a.id for a in self.actors.values() for d in a.demonyms}

    def ancestors(self, entry_id: str) -> list[str]:
        """The chain of parents of an actor or place, nearest first (cycles are cut)."""
        chain: list[str] = []
        seen = {entry_id}
        entry = self.actors.get(entry_id) or self.places.get(entry_id)
        while entry is not None and entry.parent and entry.parent not in seen:
            chain.append(entry.parent)
            seen.add(entry.parent)
            entry = self.actors.get(entry.parent) or self.places.get(entry.parent)
        return chain

    def state_of(self, actor_id: str) -> str | None:
        """The state an actor belongs to through its parents (a state is its own state)."""
        for candidate in (actor_id, *self.ancestors(actor_id)):
            entry = self.actors.get(candidate)
            if entry is not None and entry.type == "state":
                return candidate
        return None
