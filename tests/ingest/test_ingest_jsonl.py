"""JSONL: one document per line with metadata; a bad line fails alone, named by its line number."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.ingest import DocDefaults, iter_documents
from claimgraph.model import Document


def test_each_line_is_a_document_with_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {"text": "First report.\r\nSecond line.  ", "title": "One", "outlet": "Wire A", "author": "B. Reporter",
         "published": "2024-05-06T08:00:00Z", "url": "https://example.org/1", "language": "en",
         "tags": {"region": "africa"}, "perspective": "kenyan", "ignored_field": 3},
        {"text": "Another report.", "tags": ["perspective=somali"], "published": "May 2024"},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    first, second = list(iter_documents([path]))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == "First report.\nSecond line."
    assert (first.title, first.outlet, first.author, first.published, first.url, first.language) == (
        "One", "Wire A", "B. Reporter", "2024-05-06", "https://example.org/1", "en")
    assert first.tags == {"region": "africa", "perspective": "kenyan"}
    assert (first.source, second.source) == (f"{path}:1", f"{path}:2")
    assert (second.tags, second.published) == ({"perspective": "somali"}, "2024-05")


def test_bad_lines_are_named_by_number_and_the_other_lines_go_through(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "Good one."}\n'
                    '{"text": "missing brace"\n'
                    "\n"
                    '["a", "list"]\n'
                    '{"title": "no text"}\n'
                    '{"text": 42}\n'
                    '{"text": "   "}\n'
                    '{"text": "Good two.", "tags": "bad"}\n'
                    '{"text": "Good three.", "outlet": "Wire B"}\n', encoding="utf-8")
    results = list(iter_documents([path], DocDefaults(outlet="Default outlet")))
    errors = [str(r) for r in results if isinstance(r, InputError)]
    assert errors == [
        f"{path}:2: invalid JSON: Expecting ',' delimiter (column 25)",
        f"{path}:4: expected a JSON object, not list",
        f'{path}:5: no "text" field',
        f'{path}:6: "text" must be a string, not int',
        f"{path}:7: empty document",
        f"{path}:8: invalid tag 'bad' (expected key=value)",
    ]
    docs = [r for r in results if isinstance(r, Document)]
    assert [(d.text, d.outlet, d.source) for d in docs] == [
        ("Good one.", "Default outlet", f"{path}:1"), ("Good three.", "Wire B", f"{path}:9")]
    assert [r.source for r in results] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7, 8, 9)]


def test_binary_jsonl_is_one_error_for_the_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b'{"text": "x"}\n\x00\x00\x00\xff')
    assert [str(r) for r in iter_documents([path])] == [f"{path}: binary file, not text"]
