"""The extractor's memory of texts it has read changes its speed, never its answers."""

from __future__ import annotations

from claimgraph.extract import events, extract_document, forget_texts, relations
from claimgraph.model import Document

_TEXT = (
    "Published 12 March 2025. Gunmen attacked a police post near Quetta on Monday, killing four officers, "
    "officials said. The Balochistan Liberation Army claimed responsibility for the attack in a statement. "
    "The BLA, which is allied with the Baloch Liberation Front, has stepped up attacks since January."
)


def test_a_text_read_again_gives_the_same_extraction_as_when_read_as_new() -> None:
    forget_texts()
    first = extract_document(Document(_TEXT))
    again = extract_document(Document(_TEXT))  # trigger words and dates now come from memory
    forget_texts()
    anew = extract_document(Document(_TEXT))
    assert first.events and first.claims
    assert first == again == anew


def test_forgetting_empties_what_was_kept() -> None:
    extract_document(Document(_TEXT))
    assert relations._best_trigger.cache_info().currsize and events.sentence_dates.cache_info().currsize
    assert relations._links_no_pair.cache_info().currsize
    forget_texts()
    assert relations._best_trigger.cache_info().currsize == 0
    assert relations._links_no_pair.cache_info().currsize == 0
    assert events.sentence_dates.cache_info().currsize == 0
