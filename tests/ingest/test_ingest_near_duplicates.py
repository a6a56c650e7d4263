"""Near-duplicates: a syndicated copy of a wire story is found; another story about the same actors is not."""

from __future__ import annotations

from claimgraph.ingest import NearDuplicateIndex, signature

WIRE_STORY = """Gunmen attack checkpoint on northern highway

Gunmen attacked a police checkpoint on the northern highway late on Saturday, killing four officers and
wounding two others, a district official said on Sunday. The official, who asked not to be named because
he was not authorised to speak to reporters, said the attackers arrived on motorcycles shortly after the
evening prayer and opened fire from two directions. Reinforcements reached the post about an hour later,
by which time the attackers had withdrawn towards the hills east of the river.

The Red Ridge Front said in a message to journalists that its fighters had carried out the raid in
revenge for the arrest of three of its members last month. The claim could not be independently
verified. The Valley Defence Council, a rival armed group that has clashed with the Front in the past,
denied any role and accused the provincial police of failing to protect the road.

The highway links the provincial capital with the border crossing and carries most of the region's
trade. Traders said traffic had been halted in both directions on Sunday morning while soldiers searched
nearby villages. A spokesman for the provincial government said security would be increased along the
route and that a committee had been formed to investigate the attack. Residents told reporters that
checkpoints on the road had been attacked several times this year and that many drivers now avoid
travelling after dark. Local elders called for talks between the armed groups and the authorities to
prevent further bloodshed, saying ordinary people were paying the price of the fighting.
"""

SYNDICATED_COPY = WIRE_STORY.replace(
    "Gunmen attack checkpoint on northern highway",
    "Four police officers killed in highway raid") + (
    "\nThis story was distributed by a news agency and has not been edited by our staff.\n")

OTHER_STORY = """Rival groups trade blame after market blast

The Valley Defence Council on Tuesday blamed the Red Ridge Front for an explosion at a vegetable market
that wounded eleven people, while the Front said the Council had staged the blast to discredit it. Police
said a device hidden in a handcart went off as stallholders were opening for the day. Doctors at the
district hospital said two of the wounded were in a serious condition. Both groups have recruited in the
surrounding villages for years and their feud has intensified since a local commander switched sides in
the spring. Shopkeepers closed early and many said they would not return until the army posted guards at
the entrances. The provincial governor promised compensation to the families of the injured and urged
community leaders to help identify those responsible for planting the device.
"""


def test_syndicated_copy_with_other_headline_and_boilerplate_is_found() -> None:
    index = NearDuplicateIndex()
    index.add("sha256:wire", signature(WIRE_STORY))
    assert index.find(signature(SYNDICATED_COPY)) == "sha256:wire"


def test_different_story_about_the_same_actors_is_not_a_duplicate() -> None:
    index = NearDuplicateIndex()
    index.add("sha256:wire", signature(WIRE_STORY))
    assert index.find(signature(OTHER_STORY)) is None


def test_find_returns_the_first_document_added_among_matches() -> None:
    index = NearDuplicateIndex()
    index.add("sha256:other", signature(OTHER_STORY))
    index.add("sha256:first", signature(WIRE_STORY))
    index.add("sha256:second", signature(SYNDICATED_COPY))
    index.add("sha256:first", signature(SYNDICATED_COPY))  # known id: ignored
    assert index.find(signature(WIRE_STORY.upper())) == "sha256:first"
    assert NearDuplicateIndex().find(signature(WIRE_STORY)) is None


def test_signature_is_deterministic_bytes_that_depend_on_the_words() -> None:
    first = signature(WIRE_STORY)
    assert isinstance(first, bytes)
    assert first == signature(WIRE_STORY)
    assert first != signature(OTHER_STORY)
    assert signature("Short text.") != signature("Other short text.")
    assert len(signature("Short text.")) == len(first)
