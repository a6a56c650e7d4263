"""Fixtures of the store tests: a fresh store per test.

The ``store`` fixture is SQLite. With ``CLAIMGRAPH_TEST_POSTGRES`` set to a PostgreSQL server URL
(e.g. ``postgresql+psycopg://postgres@/postgres?host=/tmp/pg&port=5432``), every test using it runs
on PostgreSQL too, each in a database of its own that is dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from claimgraph.store import Store, open_store

POSTGRES = os.environ.get("CLAIMGRAPH_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", "postgresql"] if POSTGRES else ["sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        with open_store(f"sqlite:///{tmp_path / 'test.db'}") as opened:
            yield opened
        return
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    name = f"claimgraph_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        with open_store(make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)) as opened:
            yield opened
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {name}"))
        admin.dispose()
