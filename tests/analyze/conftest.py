"""Fixtures of the analysis tests."""

from __future__ import annotations

import pytest
from analysis_builders import small_kb

from claimgraph.kb import KnowledgeBase


@pytest.fixture
def kb() -> KnowledgeBase:
    return small_kb()
