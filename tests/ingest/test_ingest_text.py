"""Plain text and Markdown: clean text, front matter, defaults, standard input."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.ingest import DocDefaults, clean_text, iter_documents, read_text_document
from claimgraph.ingest.clean import clean_lines
from claimgraph.ingest.decode import read_clean_text
from claimgraph.model import Document, text_id

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

texts = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=300)


def only_document(results: list[Document | InputError]) -> Document:
    assert len(results) == 1, results
    assert isinstance(results[0], Document), results[0]
    return results[0]


def test_clean_text_changes_only_newlines_bom_normal_form_and_trailing_space() -> None:
    raw = "\ufeffCafe\u0301 line one  \r\nline two\t\rline three \u00a0\n\n  indented stays"
    assert clean_text(raw) == "Caf\u00e9 line one\nline two\nline three\n\n  indented stays"


@given(texts)
def test_clean_text_is_idempotent_and_leaves_no_carriage_return_or_trailing_space(raw: str) -> None:
    clean = clean_text(raw)
    assert clean_text(clean) == clean
    assert "\r" not in clean
    assert all(line == line.rstrip() for line in clean.split("\n"))
    assert unicodedata.is_normalized("NFC", clean)


@given(texts, st.integers(min_value=1, max_value=40))
def test_streamed_cleaning_equals_cleaning_in_memory(raw: str, batch_chars: int) -> None:
    stream = io.TextIOWrapper(io.BytesIO(raw.encode("utf-8")), encoding="utf-8-sig", newline=None)
    assert clean_lines(stream, batch_chars=batch_chars) == clean_text(raw)
    assert read_clean_text(io.BytesIO(raw.encode("utf-8")), "x") == clean_text(raw)


def test_text_file_id_is_sha256_of_clean_text_and_ignores_newline_style(tmp_path: Path) -> None:
    (tmp_path / "unix.txt").write_bytes(b"The envoy left Doha.\nTalks resume on Monday.\n")
    (tmp_path / "windows.txt").write_bytes(b"The envoy left Doha.  \r\nTalks resume on Monday.\r\n")
    unix, windows = list(iter_documents([tmp_path / "unix.txt", tmp_path / "windows.txt"]))
    assert isinstance(unix, Document) and isinstance(windows, Document)
    assert unix.text == "The envoy left Doha.\nTalks resume on Monday.\n"
    assert unix.id == windows.id == text_id(unix.text)
    assert unix.source == str(tmp_path / "unix.txt")


def test_front_matter_fields_become_metadata_and_are_cut_from_the_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Border talks stall\noutlet: Hill Courier\nauthor: A. Writer\n"
                    "published: 2025-09-01\nurl: https://example.org/talks\nlanguage: en\n"
                    "tags:\n  region: south_asia\nperspective: pakistani\n---\n\n"
                    "# Border talks stall\n\nNegotiators met twice this week.\n", encoding="utf-8")
    doc = only_document(list(iter_documents([path])))
    assert doc.text == "# Border talks stall\n\nNegotiators met twice this week.\n"
    assert (doc.title, doc.outlet, doc.author, doc.published, doc.url, doc.language) == (
        "Border talks stall", "Hill Courier", "A. Writer", "2025-09-01", "https://example.org/talks", "en")
    assert doc.tags == {"region": "south_asia", "perspective": "pakistani"}


def test_front_matter_tags_as_key_value_list_and_written_date() -> None:
    doc = read_text_document("---\ntags: [perspective=indian, 'desk = north']\npublished: 3 March 2024\n---\n"
                             "Body text.\n")
    assert doc.tags == {"perspective": "indian", "desk": "north"}
    assert doc.published == "2024-03-03"
    assert doc.source == "-"


def test_unreadable_published_date_is_left_out_and_the_document_kept() -> None:
    doc = read_text_document("---\npublished: sometime last spring\n---\nBody text.\n")
    assert doc.published is None
    assert doc.text == "Body text.\n"


@pytest.mark.parametrize("front, reason", [
    ("title: [unclosed\n", "invalid YAML front matter"),
    ("- just\n- a list\n", "invalid YAML front matter: expected 'key: value' lines"),
    ("tags: [noequals]\n", "invalid tag 'noequals' (expected key=value)"),
    ("title: {nested: map}\n", "metadata field 'title' must be text, not dict"),
])
def test_bad_front_matter_names_the_input_and_the_reason(tmp_path: Path, front: str, reason: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(f"---\n{front}---\nBody text.\n", encoding="utf-8")
    [error] = list(iter_documents([path]))
    assert isinstance(error, InputError)
    assert str(error).startswith(f"{path}: {reason}")
    assert "\n" not in str(error)


def test_a_leading_rule_without_closing_line_is_text_not_front_matter() -> None:
    doc = read_text_document("---\nJust a rule above this sentence.\n")
    assert doc.text == "---\nJust a rule above this sentence.\n"


def test_defaults_fill_only_what_the_file_lacks(tmp_path: Path) -> None:
    (tmp_path / "with.md").write_text("---\noutlet: Own Outlet\ntags: {perspective: afghan}\n---\nOne.\n")
    (tmp_path / "without.txt").write_text("Two.\n")
    defaults = DocDefaults(outlet="Flag Outlet", published="2025-01-31", title="Flag title",
                           tags={"perspective": "indian", "batch": "7"})
    with_meta, without = list(iter_documents([tmp_path / "with.md", tmp_path / "without.txt"], defaults))
    assert isinstance(with_meta, Document) and isinstance(without, Document)
    assert (with_meta.outlet, with_meta.tags) == ("Own Outlet", {"perspective": "afghan", "batch": "7"})
    assert (without.outlet, without.published, without.title) == ("Flag Outlet", "2025-01-31", "Flag title")
    assert without.tags == {"perspective": "indian", "batch": "7"}


def test_stdin_text_stream() -> None:
    stdin = io.StringIO("---\noutlet: Piped\n---\nRead from a pipe.\r\n")
    doc = only_document(list(iter_documents(["-"], stdin=stdin)))
    assert (doc.text, doc.outlet, doc.source) == ("Read from a pipe.\n", "Piped", "-")


def test_stdin_bytes_in_a_legacy_encoding_are_decoded() -> None:
    raw = "\u201cWe stand by the statement,\u201d the spokesman told reporters in the caf\u00e9 on Tuesday.\n"
    stdin = io.TextIOWrapper(io.BytesIO(raw.encode("cp1252")), encoding="utf-8")
    doc = only_document(list(iter_documents(["-"], stdin=stdin)))
    assert doc.text == raw


def test_empty_stdin_is_an_error() -> None:
    [error] = list(iter_documents(["-"], stdin=io.StringIO("  \n\t\n")))
    assert isinstance(error, InputError)
    assert str(error) == "-: empty document"


def test_stdin_over_the_size_limit_is_an_error() -> None:
    [error] = list(iter_documents(["-"], stdin=io.StringIO("x" * 101), max_bytes=100))
    assert isinstance(error, InputError)
    assert str(error) == "-: input too large (over the 0.0001 MB limit)"


def test_every_gold_string_of_the_shared_corpus_survives_cleaning() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    checked = 0
    for split in ("dev", "seeds"):
        docs = {Path(d.source).stem: d for d in iter_documents([CORPUS / split / "docs"])
                if isinstance(d, Document)}
        for line in (CORPUS / split / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            text = docs[gold["id"]].text
            strings = [m for actor in gold["actors"] for m in actor["mentions"]]
            strings += [item["evidence"] for item in gold["events"] + gold["relations"]]
            for string in strings:
                assert unicodedata.normalize("NFC", string) in text, (gold["id"], string)
                checked += 1
    assert checked > 100
