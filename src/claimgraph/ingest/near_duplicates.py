"""Syndicated copies: MinHash signatures of word shingles and an index that finds the first near-duplicate.

Two documents are near-duplicates when the estimated Jaccard similarity of their sets of 5-word shingles
(lower-cased words) is at least 0.8: the same wire story under another headline or with another
outlet's boilerplate lines, but not two different stories about the same actors.
datasketch (which loads scipy, slow to import) is imported when a signature is first made or read.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import LeanMinHash

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 20250901
THRESHOLD = 0.8
_BATCH = 10_000
_BYTE_ORDER = "<"
_WORD = re.compile(r"\w+")


def signature(text: str) -> bytes:
    """The MinHash signature of a text's word shingles, as bytes to keep in a store."""
    from datasketch import LeanMinHash, MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    batch: list[bytes] = []
    for shingle in _shingles(text):
        batch.append(shingle)
        if len(batch) >= _BATCH:
            minhash.update_batch(batch)
            batch.clear()
    if batch:
        minhash.update_batch(batch)
    lean = LeanMinHash(minhash)
    buffer = bytearray(lean.bytesize(byteorder=_BYTE_ORDER))
    lean.serialize(buffer, byteorder=_BYTE_ORDER)
    return bytes(buffer)


class NearDuplicateIndex:
    """Signatures of documents seen so far; ``find`` names the first one a new signature repeats."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._minhashes: dict[str, LeanMinHash] = {}
        self._order: dict[str, int] = {}

    def add(self, doc_id: str, sig: bytes) -> None:
        """Index a document's signature; adding a known id again changes nothing."""
        if doc_id in self._minhashes:
            return
        minhash = _load(sig)
        self._lsh.insert(doc_id, minhash)
        self._minhashes[doc_id] = minhash
        self._order[doc_id] = len(self._order)

    def find(self, sig: bytes) -> str | None:
        """The earliest-added document whose estimated Jaccard similarity is at least 0.8, or None."""
        minhash = _load(sig)
        matches = [doc_id for doc_id in self._lsh.query(minhash)
                   if self._minhashes[doc_id].jaccard(minhash) >= THRESHOLD]
        return min(matches, key=self._order.__getitem__, default=None)


def _load(sig: bytes) -> LeanMinHash:
    from datasketch import LeanMinHash

    return LeanMinHash.deserialize(sig, byteorder=_BYTE_ORDER)


def _shingles(text: str) -> Iterator[bytes]:
    """Each run of SHINGLE_WORDS consecutive words, or the whole text when it is shorter than that."""
    window: deque[str] = deque(maxlen=SHINGLE_WORDS)
    for match in _WORD.finditer(text):
        window.append(match.group().lower())
        if len(window) == SHINGLE_WORDS:
            yield " ".join(window).encode("utf-8")
    if len(window) < SHINGLE_WORDS:
        yield " ".join(window).encode("utf-8")
