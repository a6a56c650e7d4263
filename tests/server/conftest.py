"""Fixtures of the server tests: a store of invented articles and a test client over it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_builders import fill_store

from claimgraph.server import ServerConfig, create_app
from claimgraph.store import Store, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette prefers httpx2 to httpx; both work
    from fastapi.testclient import TestClient


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{tmp_path / 'server.db'}") as opened:
        yield opened


@pytest.fixture
def doc_ids(store: Store) -> dict[str, str]:
    return fill_store(store)


@pytest.fixture
def client(store: Store, doc_ids: dict[str, str]) -> Iterator[TestClient]:
    with TestClient(create_app(ServerConfig(), store=store)) as test_client:
        yield test_client


def make_client(store: Store, **config: object) -> TestClient:
    """A client over ``store`` with a server configured by ``config`` (token, max_upload_bytes, …)."""
    return TestClient(create_app(ServerConfig(**config), store=store))  # type: ignore[arg-type]
