"""Knowledge base of actors and places shipped with the package, extended by user files."""

from claimgraph.kb.knowledge import KnowledgeBase
from claimgraph.kb.loader import builtin_kb, load_kb
from claimgraph.kb.schema import Affiliation, KBActor, KBPlace

__all__ = ["Affiliation", "KBActor", "KBPlace", "KnowledgeBase", "builtin_kb", "load_kb"]
