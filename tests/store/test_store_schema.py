"""Opening stores: schema versions, bad URLs and files, and the PostgreSQL dialect."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

from claimgraph.errors import StoreError
from claimgraph.store import SCHEMA_VERSION, open_store, resolve_url
from claimgraph.store import schema as t


def test_newer_schema_version_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'future.db'}"
    open_store(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(update(t.schema_version).values(version=SCHEMA_VERSION + 1))
    engine.dispose()
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}, newer"):
        open_store(url)


def test_missing_store_is_an_error_when_not_creating(tmp_path):
    with pytest.raises(StoreError, match="no store there yet"):
        open_store(f"sqlite:///{tmp_path / 'absent.db'}", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_file_that_is_not_a_database(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match="cannot open store"):
        open_store(f"sqlite:///{bogus}")


def test_database_without_claimgraph_tables_when_not_creating(tmp_path):
    path = tmp_path / "other.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE unrelated (x INTEGER)")
    engine.dispose()
    with pytest.raises(StoreError, match="not a claimgraph store"):
        open_store(f"sqlite:///{path}", create=False)


def test_missing_folder_and_unknown_dialect(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(f"sqlite:///{tmp_path / 'no' / 'such' / 'x.db'}")
    with pytest.raises(StoreError, match="cannot open"):
        open_store("nosuchdb://host/name")


def test_url_resolution(monkeypatch):
    monkeypatch.delenv("CLAIMGRAPH_DB", raising=False)
    assert resolve_url(None) == "sqlite:///claimgraph.db"
    monkeypatch.setenv("CLAIMGRAPH_DB", "postgresql+psycopg://u@h/claims")
    assert resolve_url(None) == "postgresql+psycopg://u@h/claims"
    assert resolve_url("here.db") == "sqlite:///here.db"


def test_schema_compiles_for_postgresql():
    dialect = postgresql.dialect()
    for table in t.metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=dialect))
        assert f"CREATE TABLE {table.name}" in ddl
        for index in table.indexes:
            assert "CREATE INDEX" in str(CreateIndex(index).compile(dialect=dialect))
    claims_ddl = str(CreateTable(t.claims).compile(dialect=dialect))
    assert "BOOLEAN" in claims_ddl and "PRIMARY KEY (doc_id, id)" in claims_ddl
    assert "JSON" in str(CreateTable(t.documents).compile(dialect=dialect))
    assert "BYTEA" in str(CreateTable(t.documents).compile(dialect=dialect))
    assert "SERIAL" in str(CreateTable(t.evidence).compile(dialect=dialect))


def test_passwords_never_appear_in_messages():
    with pytest.raises(StoreError) as caught:
        open_store("postgresql+psycopg://analyst:s3cret@127.0.0.1:1/claims")
    assert "s3cret" not in str(caught.value) and "analyst:***@" in str(caught.value)
