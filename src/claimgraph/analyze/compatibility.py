"""Which relations cannot hold together between the same two actors (in either direction).

Cooperation (``supports``, ``allied_with``) and hostility (``attacks``, ``rival_of``) exclude each other.
Everything else is compatible: one actor can support another and operate in the same place, an offshoot
can be a ``splinter_of`` a group and later ally with it. The same table is documented in docs/analysis.md.
"""

from __future__ import annotations

COOPERATIVE: frozenset[str] = frozenset({"supports", "allied_with"})
HOSTILE: frozenset[str] = frozenset({"attacks", "rival_of"})

INCOMPATIBLE_RELATIONS: dict[frozenset[str], str] = {
    frozenset({"supports", "attacks"}): "an actor does not attack the actor it supports, nor the one supporting it",
    frozenset({"supports", "rival_of"}): "support and rivalry between the same two actors exclude each other",
    frozenset({"allied_with", "attacks"}): "allies do not attack each other",
    frozenset({"allied_with", "rival_of"}): "the same two actors cannot be both allies and rivals",
}


def incompatible(first: str, second: str) -> bool:
    """True when the two relations cannot both hold between the same pair of actors."""
    return frozenset({first, second}) in INCOMPATIBLE_RELATIONS


def incompatibility_reason(first: str, second: str) -> str:
    return INCOMPATIBLE_RELATIONS[frozenset({first, second})]
