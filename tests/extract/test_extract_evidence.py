"""No invented evidence: every claim's and event's evidence is the document text at its offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract import extract_document
from claimgraph.model import Document, Extraction

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

FRAGMENTS = [
    "The Islamic State Khorasan Province (ISKP) attacked a mosque in Kabul on 3 May 2024, killing 12 people.",
    "Pakistani officials said the Afghan Taliban shelter the TTP.",
    "ISKP, an affiliate of the Islamic State, denied any link with al-Qaeda.",
    "According to the United Nations, the group is active in Kunar and Nangarhar.",
    "Iran reportedly armed the Houthis, who struck a ship in the Red Sea.",
    "Both groups claimed responsibility for the July 2025 Bajaur attack.",
    "Hafiz Saeed Khan, ISKP's first emir, was killed in 2016.",
    "“We will fight on,” said Zabihullah Mujahid.",
    "The ISI’s coordination with ISKP was never proven.\n",
    "Lashkar-e-Taiba’s front, The Resistance Front, was floated by Pakistan's ISI.",
]


def assert_evidence_exact(extraction: Extraction) -> None:
    text = extraction.document.text
    for item in [*extraction.claims, *extraction.events]:
        assert text[item.evidence.start:item.evidence.end] == item.evidence.text
    for record in [*extraction.actors, *extraction.places]:
        for mention in record.mentions:
            assert text[mention.start:mention.end] == mention.text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8), st.sampled_from([" ", "\n", "  ", "\n\n"]),
       st.text(alphabet="abc ,.’–-\n", max_size=20))
def test_evidence_is_exact_on_generated_documents(parts: list[str], joiner: str, noise: str) -> None:
    assert_evidence_exact(extract_document(Document(noise + joiner.join(parts) + noise)))


def corpus_files() -> list[Path]:
    return sorted([*(CORPUS / "seeds" / "docs").glob("*.txt"), *(CORPUS / "dev" / "docs").glob("*.txt")])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus (../shared/corpus) is not beside this clone")
def test_evidence_is_exact_on_the_shared_corpora() -> None:
    files = corpus_files()
    assert files
    for path in files:
        assert_evidence_exact(extract_document(Document(path.read_text(encoding="utf-8"))))
