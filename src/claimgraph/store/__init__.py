"""The claim store: SQLAlchemy Core over SQLite (default, WAL) or PostgreSQL, one transaction per document.

``open_store(url)`` gives a ``Store``; see docs/store.md for the schema.
"""

from claimgraph.store.engine import DEFAULT_URL, ENV_VAR, resolve_url
from claimgraph.store.review import EDITABLE_FIELDS, REVIEW_ACTIONS
from claimgraph.store.schema import SCHEMA_VERSION
from claimgraph.store.store import DEFAULT_GRADE, GRADE_MEANINGS, GRADES, AddResult, Store, open_store

__all__ = [
    "DEFAULT_GRADE",
    "DEFAULT_URL",
    "EDITABLE_FIELDS",
    "ENV_VAR",
    "GRADES",
    "GRADE_MEANINGS",
    "REVIEW_ACTIONS",
    "SCHEMA_VERSION",
    "AddResult",
    "Store",
    "open_store",
    "resolve_url",
]
