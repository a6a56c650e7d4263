"""Fixtures for the sample-corpus and corpus-generator tests."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED_CORPUS = REPO / ".." / "shared" / "corpus"
WORD = re.compile(r"[a-z0-9]+")


WordRuns = Callable[[str, int], set[tuple[str, ...]]]


def _word_runs(text: str, n: int) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@pytest.fixture(scope="session")
def word_runs() -> WordRuns:
    """A function giving every run of ``n`` consecutive lower-cased words of a text."""
    return _word_runs


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """The team's shared corpus (<repo>/../shared/corpus); tests skip when it is absent."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS.resolve()}")
    return SHARED_CORPUS


def _load_bench_script(name: str) -> ModuleType:
    """A script of bench/ loaded as a module (bench/ is not a package; its scripts import each other)."""
    if name in sys.modules:
        return sys.modules[name]
    bench = str(REPO / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the module runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generator() -> ModuleType:
    """bench/generate_corpus.py."""
    return _load_bench_script("generate_corpus")


@pytest.fixture(scope="session")
def throughput() -> ModuleType:
    """bench/throughput.py."""
    return _load_bench_script("throughput")
