"""Knowledge base of actors and places shipped with the package, extended by user files."""

from claimgraph.kb.entries import entry_to_mapping
from claimgraph.kb.knowledge import KnowledgeBase
from claimgraph.kb.loader import builtin_kb, load_kb
from claimgraph.kb.schema import Affiliation, KBActor, KBPlace
from claimgraph.kb.search import search
from claimgraph.kb.user import read_user_file

__all__ = ["Affiliation", "KBActor", "KBPlace", "KnowledgeBase", "builtin_kb", "entry_to_mapping", "load_kb",
           "read_user_file", "search"]
