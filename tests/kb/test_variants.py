"""Spelling variants of names and the surface forms a linker indexes."""

from __future__ import annotations

import pytest

from claimgraph.kb import KBActor, KnowledgeBase, builtin_kb
from claimgraph.kb.variants import MAX_VARIANTS, variants


@pytest.fixture(scope="module")
def surface_ids():
    index: dict[str, set[str]] = {}
    for surface, entry_id in builtin_kb().surface_forms():
        index.setdefault(surface, set()).add(entry_id)
    return index


@pytest.mark.parametrize(("written", "expected"), [
    ("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan"),
    ("Tehrik-i-Taliban Pakistan", "Tahrik-i-Taliban Pakistan"),
    ("Tehrik-i-Taliban Pakistan", "Tehrik e Taliban Pakistan"),
    ("Tehrik-i-Taliban Pakistan", "Tehrik Taliban Pakistan"),
    ("Lashkar-e-Taiba", "Lashkar-i-Tayyiba"),
    ("Jaish-e-Mohammed", "Jaysh-e-Muhammad"),
    ("Islamic State Khorasan", "Islamic State Khurasan"),
    ("Daesh", "Da'esh"),
    ("Daesh", "Daish"),
    ("al-Qaeda", "Al-Qaeda"),
    ("al-Qaeda", "al Qaeda"),
    ("al-Qaeda", "el-Qaeda"),
    ("al-Qaeda", "al-Qaida"),
    ("Ahrar ash-Sham", "Ahrar al-Sham"),
    ("Jama'at Nusrat al-Islam wal-Muslimin", "Jamaat Nusrat al-Islam wal-Muslimin"),
    ("Jama'at Nusrat al-Islam wal-Muslimin", "Jama’at Nusrat al-Islam wal-Muslimin"),
    ("Jamaat-ul-Ahrar", "Jamaat ul Ahrar"),
    ("Jamaat-ul-Ahrar", "Jamaatul Ahrar"),
    ("Islamic State - Khorasan Province", "Islamic State–Khorasan Province"),
    ("Islamic State - Khorasan Province", "Islamic State—Khorasan Province"),
    ("Islamic State - Khorasan Province", "Islamic State-Khorasan Province"),
    ("ISIS-K", "ISIS K"),
    ("US", "U.S."),
    ("U.N.", "UN"),
    ("Jammu and Kashmir", "Jammu & Kashmir"),
    ("Côte d'Ivoire", "Cote d'Ivoire"),
])
def test_variant_rules(written, expected):
    assert expected in variants(written)


@pytest.mark.parametrize(("written", "unexpected"), [
    ("Côte d'Ivoire", "Côte dIvoire"),  # an elided article keeps its apostrophe
    ("Jaish-e-Mohammed", "Jaish-e–Mohammed"),  # a connector hyphen is not a dash between names
    ("Islamic State", "Islamic State"),  # the name itself is not among its variants
    ("Baloch Liberation Army", "Baloch-Liberation Army"),
])
def test_variant_rules_leave_alone(written, unexpected):
    assert unexpected not in variants(written)


def test_variants_are_capped():
    assert len(variants("Tehreek-e-Nafaz-e-Shariat-e-Mohammadi of Jama'at al-Qaeda - Khorasan")) <= MAX_VARIANTS


def test_plain_names_have_no_variants():
    assert variants("Pakistan") == ()
    assert variants("Houthis") == ("Huthis",)


@pytest.mark.parametrize("surface", [
    "Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan", "Tehrik-e-Taliban Pakistan", "TTP",
    "Tahreek-i-Taliban Pakistan", "Pakistani Taliban"])
def test_ttp_spellings_link_to_one_id(surface_ids, surface):
    assert surface_ids[surface] == {"kb:ttp"}


@pytest.mark.parametrize(("surface", "entry_id"), [
    ("Islamic State–Khorasan Province", "kb:iskp"), ("Islamic State Khurasan Province", "kb:iskp"),
    ("ISIS-K", "kb:iskp"), ("IS-K", "kb:iskp"), ("ISK", "kb:iskp"), ("ISKP", "kb:iskp"),
    ("Da'esh", "kb:islamic-state"), ("Al-Qaida", "kb:al-qaeda"), ("Lashkar-e-Tayyiba", "kb:let"),
    ("Jaish-e-Muhammad", "kb:jem"), ("Hizb-ul-Mujahideen", "kb:hizbul-mujahideen"),
    ("Jama’at Nusrat al-Islam wal-Muslimin", "kb:jnim"), ("Jammu & Kashmir", "place:in-jk"),
    ("Intelligence Bureau", "kb:ib-pakistan"),
])
def test_builtin_surface_forms(surface_ids, surface, entry_id):
    assert entry_id in surface_ids[surface]


def test_state_qualified_names_give_a_shared_bare_form(surface_ids):
    assert surface_ids["Intelligence Bureau"] == {"kb:ib-pakistan", "kb:ib-india"}
    assert "Communist Party of India" not in surface_ids  # "(Maoist)" is not a state


def test_written_names_win_over_generated_variants():
    kb = KnowledgeBase(actors={
        "kb:a": KBActor("kb:a", "Jamaat Alpha", "armed_group", aliases=["Jamaat-ul-Alpha"]),
        "kb:b": KBActor("kb:b", "Jamaatul Alpha", "armed_group"),
    })
    forms = list(kb.surface_forms())
    assert ("Jamaatul Alpha", "kb:b") in forms
    assert ("Jamaatul Alpha", "kb:a") not in forms  # a variant of kb:a, but kb:b's written name
    assert ("Jamaat ul Alpha", "kb:a") in forms
    assert len(forms) == len(set(forms))


def test_surface_forms_start_with_the_written_names():
    kb = KnowledgeBase(actors={"kb:x": KBActor("kb:x", "Tehrik Example", "armed_group", aliases=["TE"])})
    forms = list(kb.surface_forms())
    assert forms[:2] == [("Tehrik Example", "kb:x"), ("TE", "kb:x")]
    assert ("Tehreek Example", "kb:x") in forms


def test_precomputed_variants_match_computed_ones():
    kb = builtin_kb()
    assert kb.variant_table, "the compiled copy should be current (python -m claimgraph.kb.generate)"
    computed = KnowledgeBase(dict(kb.actors), dict(kb.places))
    assert set(computed.surface_forms()) == set(kb.surface_forms())
