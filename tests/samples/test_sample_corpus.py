"""The bundled sample corpus: readable by claimgraph's own reader, original, with one syndicated pair."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml

from claimgraph.errors import InputError
from claimgraph.ingest import NearDuplicateIndex, iter_documents, signature
from claimgraph.model import Document
from claimgraph.samples import sample_corpus_dir

WordRuns = Callable[[str, int], set[tuple[str, ...]]]
WIRE = "03-wire-bajaur-bombing.md"
SYNDICATED = "04-syndicated-bajaur-bombing.md"


def sample_files() -> list[Path]:
    return sorted(sample_corpus_dir().glob("*.md"))


def front_matter(path: Path) -> tuple[dict, str]:
    """The YAML front matter and the body of a sample file, split by hand (independent of claimgraph)."""
    _, meta, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(meta), body


def read_samples() -> dict[str, Document]:
    docs: dict[str, Document] = {}
    for result in iter_documents([sample_corpus_dir()]):
        assert not isinstance(result, InputError), str(result)
        docs[Path(result.source or "").name] = result
    return docs


def test_the_folder_holds_six_to_eight_articles() -> None:
    assert sample_corpus_dir().is_dir()
    assert 6 <= len(sample_files()) <= 8


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_front_matter_has_every_field(path: Path) -> None:
    meta, body = front_matter(path)
    assert set(meta) == {"title", "outlet", "author", "published", "url", "tags"}
    assert all(isinstance(meta[key], str) and meta[key].strip() for key in ("title", "outlet", "author"))
    assert isinstance(meta["published"], date)
    assert meta["url"] is None
    assert isinstance(meta["tags"].get("perspective"), str)
    assert 250 <= len(body.split()) <= 600


def test_perspectives_oppose_each_other() -> None:
    perspectives = {front_matter(p)[0]["tags"]["perspective"] for p in sample_files()}
    assert {"indian", "pakistani", "afghan", "international"} <= perspectives


def test_the_ingest_reader_takes_the_metadata_from_front_matter() -> None:
    docs = read_samples()
    assert sorted(docs) == [p.name for p in sample_files()]
    for name, doc in docs.items():
        meta, _ = front_matter(sample_corpus_dir() / name)
        assert doc.title == meta["title"]
        assert doc.outlet == meta["outlet"]
        assert doc.published == meta["published"].isoformat()
        assert doc.tags.get("perspective") == meta["tags"]["perspective"]
        assert not doc.text.startswith("---")


def test_the_syndicated_copy_repeats_the_wire_story_under_another_outlet(word_runs: WordRuns) -> None:
    wire_meta, wire = front_matter(sample_corpus_dir() / WIRE)
    copy_meta, copy = front_matter(sample_corpus_dir() / SYNDICATED)
    assert wire != copy
    assert wire_meta["outlet"] != copy_meta["outlet"]
    assert wire_meta["title"] != copy_meta["title"]
    shared = word_runs(wire, 5) & word_runs(copy, 5)
    assert len(shared) / len(word_runs(wire, 5) | word_runs(copy, 5)) >= 0.9


def test_near_duplicate_index_links_the_copy_and_nothing_else() -> None:
    docs = read_samples()
    index = NearDuplicateIndex()
    index.add(docs[WIRE].id, signature(docs[WIRE].text))
    assert index.find(signature(docs[SYNDICATED].text)) == docs[WIRE].id
    for name, doc in docs.items():
        if name not in (WIRE, SYNDICATED):
            assert index.find(signature(doc.text)) is None, name


def test_articles_do_not_repeat_each_other_beyond_the_syndicated_pair(word_runs: WordRuns) -> None:
    bodies = {p.name: word_runs(front_matter(p)[1], 12) for p in sample_files()}
    names = sorted(bodies)
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            if {first, second} != {WIRE, SYNDICATED}:
                assert not bodies[first] & bodies[second], (first, second)


def test_no_sample_repeats_twelve_words_of_the_shared_corpus(shared_corpus: Path,
                                                             word_runs: WordRuns) -> None:
    shared: set[tuple[str, ...]] = set()
    for path in shared_corpus.rglob("*.txt"):
        shared |= word_runs(path.read_text(encoding="utf-8", errors="replace"), 12)
    assert shared, "the shared corpus has no text files"
    for path in sample_files():
        overlap = word_runs(path.read_text(encoding="utf-8"), 12) & shared
        assert not overlap, f"{path.name} repeats: {' '.join(next(iter(overlap)))}"
