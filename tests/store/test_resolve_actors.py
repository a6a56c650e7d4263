"""Cross-document identity of discovered actors."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_builders import TEXT, build_extraction

from claimgraph.model import ActorRecord, Span, Speaker
from claimgraph.resolve import ActorResolver, KnownActor, normalize_name, resolver_for


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tehreek-e-Azadi Front", "Tehrik-i-Azadi Front"),
        ("The Crescent Shield's", "crescent shield"),
        ("Jamaat al-Nur", "Jamat Al Nur"),
        ("Kataib Sayyid al-Shuhada", "Kata'ib Sayyid al Shuhadā"),
    ],
)
def test_spelling_variants_normalise_alike(a, b):
    assert normalize_name(a) == normalize_name(b)


def record(name: str, type_: str = "armed_group", slug: str | None = None) -> ActorRecord:
    return ActorRecord(slug or "new:" + name.lower().replace(" ", "-"), name, type_)


def test_match_by_normalised_name_fuzzy_name_and_type():
    resolver = ActorResolver(
        [
            KnownActor("new:tehreek-e-azadi-front", "Tehreek-e-Azadi Front", "armed_group"),
            KnownActor("new:salim-qadri", "Salim Qadri", "person", ("Commander Qadri",)),
        ]
    )
    assert resolver.match(record("Tehrik-i-Azadi Front")).id == "new:tehreek-e-azadi-front"
    assert resolver.match(record("Tehreek-e-Azaadi Fronts")).id == "new:tehreek-e-azadi-front"  # fuzzy
    assert resolver.match(record("Commander Qadri", "person")).id == "new:salim-qadri"  # by alias
    assert resolver.match(record("Tehrik-i-Azadi Front", "political_party")) is None  # other type
    assert resolver.match(record("Azadi Brigade")) is None
    assert resolver.match(record("Salim Qadri", "person", slug="kb:salim-qadri")) is None  # KB ids stay


def test_resolve_rewrites_ids_everywhere_and_merges_records():
    resolver = ActorResolver([KnownActor("new:northern-hill-front", "Northern Hill Front", "armed_group")])
    extraction = build_extraction(
        text=TEXT.replace("Northern Hill Front", "Northern Hills Front"),
        front_id="new:northern-hills-front",
        front_name="Northern Hills Front",
    )
    extra_span = Span(0, 3, TEXT[:3])
    extraction.actors.append(
        ActorRecord("new:the-northern-hills-front", "the Northern Hills Front", "armed_group", mentions=[extra_span])
    )
    extraction.claims[2] = replace(extraction.claims[2], asserted_by=Speaker("new:northern-hills-front", "the front"))
    resolved = resolver.resolve(extraction)
    ids = [a.id for a in resolved.actors]
    assert ids == ["new:northern-hill-front", "kb:blue-river-council"]
    front = resolved.actors[0]
    assert front.name == "Northern Hill Front"
    assert set(front.aliases) == {"Northern Hills Front", "the Northern Hills Front"}
    assert front.mentions[0] == extra_span and len(front.mentions) == 3
    assert {c.object for c in resolved.claims[:2]} == {"new:northern-hill-front"}
    assert resolved.claims[2].subject == "new:northern-hill-front"
    assert resolved.events[0].perpetrators == ["new:northern-hill-front"]
    assert resolved.claims[2].asserted_by == Speaker("new:northern-hill-front", "the front")
    # the original extraction is left as it was
    assert extraction.actors[0].id == "new:northern-hills-front"


def test_same_unknown_group_gets_one_id_across_documents_in_the_store(store):
    first = build_extraction()
    resolver = resolver_for(store)
    store.add(resolver.resolve(first))
    resolver.learn(first)
    later = build_extraction(
        text=TEXT.replace("Northern Hill Front", "Northern Hills Front"),
        title="Later",
        front_id="new:northern-hills-front",
        front_name="Northern Hills Front",
    )
    # a fresh resolver reads what the store already knows
    store.add(resolver_for(store).resolve(later))
    assert [a["id"] for a in store.actors(origin="new")] == ["new:northern-hill-front"]
    assert len(store.claims(actor="Northern Hills Front")) == 6
    assert len(store.events(actor="new:northern-hill-front")) == 2


def test_learning_makes_later_documents_of_one_batch_match():
    resolver = ActorResolver()
    first = build_extraction()
    assert resolver.resolve(first) is first
    resolver.learn(first)
    later = build_extraction(front_id="new:northern-hills-front", front_name="Northern Hill Front")
    assert resolver.resolve(later).actors[0].id == "new:northern-hill-front"
