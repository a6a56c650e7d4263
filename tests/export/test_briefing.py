"""The HTML briefing: self-contained, escaped, printable, with every required section's content."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest

from claimgraph.errors import InputError
from claimgraph.export.briefing import report

MOMENT = datetime(2025, 10, 1, tzinfo=UTC)


@pytest.fixture()
def page(corpus, kb) -> str:
    return report(corpus, kb, generated=MOMENT)


def test_page_is_self_contained_and_printable(page):
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r"""\bsrc\s*=""", page)
    assert not re.search(r"url\(\s*['\"]?https?:", page)
    assert "@media print" in page
    assert page.count("<svg") == 2  # the network and the timeline


def test_document_text_and_names_are_escaped(page):
    assert "<friends>" not in page and "<Sam>" not in page
    assert html.escape("Border groups & <friends>") in page
    assert "&lt;Sam&gt;" in page


def test_every_claim_sentence_and_both_sides_of_each_contradiction_are_shown(corpus, kb, page):
    for extraction in corpus.extractions:
        for claim in extraction.claims:
            assert html.escape(claim.evidence.text) in page
    # the hand-made corpus contradicts itself on the Red Valley Front attacking the Doran Army
    contradictions = page[page.index('id="contradictions"'):page.index('id="sources"')]
    denied = corpus.extractions[0].claims[2].evidence.text
    affirmed = corpus.extractions[1].claims[1].evidence.text
    assert html.escape(denied) in contradictions and html.escape(affirmed) in contradictions


def test_sources_with_grades_network_nodes_and_timeline_marks(corpus, kb, page):
    sources = page[page.index('id="sources"'):page.index('id="events"')]
    assert re.search(r"Northern Review.*?>B<", sources, re.S) and re.search(r"Southern Times.*?>C<", sources, re.S)
    network = page[page.index('id="network"'):page.index('id="timeline"')]
    for name in ("Red Valley Front", "Hill Brigade", "Kestrel Agency", "Aram Vell", "Tarsk"):
        assert f"<title>{name} (" in network
    timeline = page[page.index('id="timeline"'):page.index('id="contradictions"')]
    assert "Attack — Tarsk" in timeline and "2025" in timeline


def test_actor_and_topic_narrow_the_briefing(corpus, kb):
    kestrel = html.escape(corpus.extractions[0].claims[0].evidence.text)
    feud = html.escape(corpus.extractions[0].claims[1].evidence.text)
    by_actor = report(corpus, kb, actor="HB", generated=MOMENT)
    assert "Briefing: Hill Brigade" in by_actor and feud in by_actor and kestrel not in by_actor
    by_topic = report(corpus, kb, topic="trains", generated=MOMENT)
    assert kestrel in by_topic and feud not in by_topic
    with pytest.raises(InputError, match="not both"):
        report(corpus, kb, actor="HB", topic="trains")
    with pytest.raises(InputError, match="--topic submarines"):
        report(corpus, kb, topic="submarines")
