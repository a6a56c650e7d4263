"""The same actor across documents: discovered (``new:``) actors matched by normalised and fuzzy name."""

from claimgraph.resolve.actors import ActorResolver, KnownActor, normalize_name, rename_actors, resolver_for

__all__ = ["ActorResolver", "KnownActor", "normalize_name", "rename_actors", "resolver_for"]
