"""Bad input: every failure is one InputError line naming the input and the reason; the batch goes on."""

from __future__ import annotations

import os
import struct
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest

from claimgraph.errors import InputError
from claimgraph.ingest import SUPPORTED_EXTENSIONS, iter_documents
from claimgraph.model import Document

WRITE_ONLY_FOR_EVERYONE = Path("/proc/sys/vm/compact_memory")  # mode 0200: even root may not read it


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def single_error(path: Path | str, **kwargs: object) -> InputError:
    results = list(iter_documents([path], **kwargs))
    assert len(results) == 1, results
    assert isinstance(results[0], InputError), results[0]
    assert "\n" not in str(results[0])
    return results[0]


def test_png_renamed_to_txt_is_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(png_bytes())
    assert str(single_error(path)) == f"{path}: binary file, not text"


def test_nul_bytes_late_in_a_file_make_it_binary(tmp_path: Path) -> None:
    path = tmp_path / "dump.md"
    path.write_bytes(b"A readable start.\n" * 100_000 + b"\x00\x01\x02")
    assert str(single_error(path)) == f"{path}: binary file, not text"


@pytest.mark.parametrize("content", [b"", b" \n\t\r\n  "])
@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html", "empty.jsonl", "empty.pdf"])
def test_empty_or_whitespace_file_is_an_empty_document(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert str(single_error(path)) == f"{path}: empty document"


def test_cp1252_text_with_curly_quotes_and_accents_is_decoded(tmp_path: Path) -> None:
    text = ("\u201cThe ceasefire will hold,\u201d said the envoy, adding that the r\u00e9gime\u2019s "
            "d\u00e9l\u00e9gation had arrived \u2013 late \u2013 at the caf\u00e9.\n")
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    [doc] = list(iter_documents([path]))
    assert isinstance(doc, Document)
    assert doc.text == text


def test_unknown_extension_is_an_error_naming_the_supported_types(tmp_path: Path) -> None:
    path = tmp_path / "table.xyz"
    path.write_text("Some words.")
    assert str(single_error(path)) == (
        f"{path}: unsupported file type .xyz (supported: {', '.join(SUPPORTED_EXTENSIONS)})")


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "gone.txt"
    assert str(single_error(path)) == f"{path}: no such file"


def test_file_readable_by_nobody_is_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    if os.geteuid() != 0:
        path.write_text("Private words.")
        path.chmod(0)
    elif WRITE_ONLY_FOR_EVERYONE.exists():
        path.symlink_to(WRITE_ONLY_FOR_EVERYONE)  # root bypasses chmod 000, but not this file's mode
    else:
        pytest.skip("running as root and no file that root may not read is available")
    assert str(single_error(path)) == f"{path}: permission denied"


def test_fifo_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert str(single_error(path)) == f"{path}: not a regular file"


def test_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 500_000)
    assert str(single_error(path, max_bytes=1_000_000)) == f"{path}: file too large (2.5 MB > 1 MB limit)"


def test_a_batch_goes_on_after_failures_and_keeps_input_order(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A claim about the valley.\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(png_bytes())
    results = list(iter_documents([tmp_path / "missing.txt", binary, good, tmp_path / "x.xyz"]))
    assert [type(r).__name__ for r in results] == ["InputError", "InputError", "Document", "InputError"]
    assert [r.source for r in results] == [str(p) for p in
                                           (tmp_path / "missing.txt", binary, good, tmp_path / "x.xyz")]


def test_directory_is_read_recursively_in_sorted_order_skipping_other_types(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("Second.\n")
    (tmp_path / "a.txt").write_text("First.\n")
    (tmp_path / "c.txt").write_text("")
    (tmp_path / "notes.xyz").write_text("Not an article.\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text("Hidden.\n")
    results = list(iter_documents([tmp_path]))
    assert [r.source for r in results] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.md"),
                                           str(tmp_path / "c.txt")]
    assert [r.text for r in results[:2] if isinstance(r, Document)] == ["First.\n", "Second.\n"]
    assert str(results[2]) == f"{tmp_path / 'c.txt'}: empty document"


def test_directory_without_supported_files_is_reported(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n")
    assert str(single_error(tmp_path)).startswith(f"{tmp_path}: no supported files in directory (supported: ")


def test_fifty_megabyte_text_file_completes_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "large.txt"
    line = "Witnesses said the convoy reached the caf\u00e9 near the crossing at dawn.   \r\n"
    with path.open("w", encoding="utf-8", newline="") as out:
        block = line * 10_000
        while out.tell() < 50_000_000:
            out.write(block)
    size = path.stat().st_size
    lines = size // len(line.encode("utf-8"))
    started = time.perf_counter()
    tracemalloc.start()
    try:
        [doc] = list(iter_documents([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        path.unlink()
    assert isinstance(doc, Document)
    assert len(doc.text) == lines * len(line.rstrip() + "\n")
    assert doc.text.endswith("at dawn.\n") and "\r" not in doc.text
    assert peak < 3 * size, f"peak {peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB file"
    assert time.perf_counter() - started < 120
