"""A name that agencies or groups of several states share means the one of the state the text is about."""

from __future__ import annotations

import pytest

from claimgraph.extract import extract_document
from claimgraph.model import Document


def actor_ids(text: str) -> list[str]:
    return [actor.id for actor in extract_document(Document(text)).actors]


@pytest.mark.parametrize(("text", "meant", "not_meant"), [
    ("Pakistan summoned the Afghan envoy. The Ministry of Foreign Affairs said Pakistan would not tolerate "
     "attacks from Afghan soil.", "kb:pakistan-mofa", "kb:iran-mofa"),
    ("Qatar hosted the talks in Doha. The Ministry of Foreign Affairs said Qatar would keep mediating.",
     "kb:qatar-mofa", "kb:iran-mofa"),
    ("Pakistan arrested three men in Quetta. The Intelligence Bureau said they were planning attacks in "
     "Pakistan, officials said.", "kb:ib-pakistan", "kb:ib-india"),
    ("India said the attack was planned across the border. The Intelligence Bureau had warned of it, "
     "Indian officials said.", "kb:ib-india", "kb:ib-pakistan"),
])
def test_the_state_the_text_names_decides(text: str, meant: str, not_meant: str) -> None:
    found = actor_ids(text)
    assert meant in found and not_meant not in found


def test_one_states_own_name_is_not_reassigned() -> None:
    # "the British government" names the United Kingdom whatever other states the text names
    found = actor_ids("Pakistan and India traded accusations. The British government urged both to show restraint.")
    assert "kb:uk-government" in found or "kb:united-kingdom" in found
