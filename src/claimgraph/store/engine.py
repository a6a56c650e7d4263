"""Open a database by URL: SQLite (WAL, foreign keys on) by default, PostgreSQL or any SQLAlchemy URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from claimgraph.errors import StoreError
from claimgraph.store.schema import SCHEMA_VERSION, metadata, schema_version

DEFAULT_URL = "sqlite:///claimgraph.db"
ENV_VAR = "CLAIMGRAPH_DB"


def resolve_url(url: str | None = None) -> str:
    """The URL to open: the argument, else ``$CLAIMGRAPH_DB``, else ``sqlite:///claimgraph.db``.

    A plain path (no ``://``) means an SQLite file at that path.
    """
    chosen = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    return chosen if "://" in chosen else f"sqlite:///{chosen}"


def shown_url(url: str) -> str:
    """The URL with its password masked, for messages and output."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: never corrupts; a power cut may lose the last commits
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL (None for other databases and for in-memory SQLite)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def connect(url: str, create: bool = True) -> Engine:
    """An engine with the current schema in place; StoreError when that cannot be done.

    With ``create=False`` a store that does not exist yet is an error instead of being made.
    """
    label = shown_url(url)
    path = sqlite_path(url)
    if path is not None and not create and not path.exists():
        raise StoreError(f"{label}: no store there yet (run `claimgraph ingest` or give --db)")
    if path is not None and create and not path.parent.exists():
        raise StoreError(f"{label}: folder {path.parent} does not exist")
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"{label}: cannot open ({exc})") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        _ensure_schema(engine, label, create)
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(exc.orig if getattr(exc, "orig", None) is not None else exc).splitlines()[0]
        raise StoreError(f"{label}: cannot open store ({reason})") from exc
    except StoreError:
        engine.dispose()
        raise
    return engine


def _ensure_schema(engine: Engine, label: str, create: bool) -> None:
    with engine.begin() as conn:
        has_version = inspect(conn).has_table(schema_version.name)
        if not has_version:
            if not create:
                raise StoreError(f"{label}: not a claimgraph store (no schema version)")
            metadata.create_all(conn)
            conn.execute(schema_version.insert().values(version=SCHEMA_VERSION))
            return
        found = conn.execute(select(schema_version.c.version)).scalar()
        if found is None:
            raise StoreError(f"{label}: not a claimgraph store (empty schema version)")
        if found > SCHEMA_VERSION:
            raise StoreError(
                f"{label}: store has schema version {found}, newer than this claimgraph understands "
                f"({SCHEMA_VERSION}); upgrade claimgraph to open it"
            )
        if found < SCHEMA_VERSION:
            raise StoreError(
                f"{label}: store has old schema version {found} (current {SCHEMA_VERSION}); re-ingest into a new store"
            )
