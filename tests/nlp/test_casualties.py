"""Killed and wounded figures: qualifiers, sums, vague amounts, attackers, spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.nlp.casualties import find_casualties, first_figures
from claimgraph.nlp.numbers import parse_number


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Gunmen killed at least 46 in the market town.", 46, None),
        ("Fighters stormed the base, killing at least 20 soldiers, a local commander said.", 20, None),
        ("The blast killed 12 soldiers, a policeman and two children.", 15, None),
        ("At least 46 people were killed when the truck exploded.", 46, None),
        ("The ambush ended up killing 12 soldiers near the river.", 12, None),
        ("The blast claimed the lives of an assistant commissioner and four other officials.", 5, None),
        ("Police said 21 passengers and 4 paramilitary personnel were killed before the rescue.", 25, None),
        ("The group said it killed 20 security personnel and three civilians in the raids.", 23, None),
        ("A roadside bomb left 13 injured.", None, 13),
        ("Two people died and 13 others were wounded, officials said.", 2, 13),
        ("A car bomb went off near the market, injuring 30.", None, 30),
        ("More than 40 dead after the tanker exploded.", 40, None),
        ("Up to 600 villagers were killed in the assault.", 600, None),
        ("The death toll rose to 17 on Sunday and later to 25.", 17, None),
        ("Health officials put the death toll at at least 20.", 20, None),
        ("Two policemen martyred in the ambush on the highway.", 2, None),
        ("A soldier was killed and two were hurt.", 1, 2),
        ("Officials reported six dead and 13 injured.", 6, 13),
        ("The explosion killed six and wounded 13.", 6, 13),
        ("The bombing killed twenty-one worshippers.", 21, None),
        ("The raid killed a dozen guards.", 12, None),
        ("The attack killed 1,200 people over three days.", 1200, None),
        ("Another 23 recruits were killed at a second camp.", 23, None),
        ("Rockets struck the base, killing three soldiers and wounding 25 others.", 3, 25),
        ("A suicide bomber killed nine people and injured 30 others.", 9, 30),
        ("The raid left a soldier dead and 15 wounded.", 1, 15),
        ("Clinic staff counted five deaths and seven injuries.", 5, 7),
        ("Medical officials confirmed the deaths of at least 15 people.", 15, None),
        ("The attack resulted in the killing of four guards and the injury of three others.", 4, 3),
        ("The fire at the depot claimed 26 lives.", 26, None),
        ("Five people, including two children, were killed.", 5, None),
        ("Eight soldiers, among them a captain, were killed on patrol.", 8, None),
        ("A 12-year-old boy was killed in the crossfire.", 1, None),
        ("A woman and two children were killed when the shell hit.", 3, None),
        ("The blast killed 10 to 15 people.", 10, None),
        ("In 2019 twelve people were killed in a similar attack.", 12, None),
        ("Two blasts killed 5 people in the city.", 5, None),
        ("The drone strike wounded 77 soldiers and killed 3.", 3, 77),
        ("Kenya raid: 12 killed in border town", 12, None),
        ("Headline: 20 troops, 3 civilians dead", 23, None),
        ("The only figure: three U.S. soldiers were killed.", 3, None),
        ("The drone strike killed two US contractors and a guard.", 3, None),
        ("The strike killed a senior commander and his two bodyguards.", 3, None),
        ("The attack killed two people, one of them a child.", 2, None),
        ("Gunmen killed 12 villagers, 5 of whom were women.", 12, None),
        ("Three members of a family were killed when the roof fell.", 3, None),
        ("The number of dead rose to 50 by evening.", 50, None),
        ("The assault killed 4 soldiers, 2 police officers and 1 civilian.", 7, None),
        ("Nine members of the security forces lost their lives.", 9, None),
    ],
)
def test_first_figures(sentence: str, killed: int | None, wounded: int | None) -> None:
    assert first_figures(sentence) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "kind", "phrase"),
    [
        ("Scores of civilians were killed in the strikes.", "killed", "Scores of civilians"),
        ("Dozens of recruits were wounded in the blast.", "wounded", "Dozens of recruits"),
        ("Hundreds died in the famine that followed the siege.", "killed", "Hundreds"),
        ("Many were hurt in the stampede.", "wounded", "Many"),
    ],
)
def test_vague_amounts_keep_their_phrase(sentence: str, kind: str, phrase: str) -> None:
    found = [c for c in find_casualties(sentence) if c.kind == kind]
    assert [(c.count, c.phrase) for c in found] == [(None, phrase)]


def test_combined_killed_and_wounded_is_not_split() -> None:
    found = find_casualties("The bomb killed and wounded 40 shoppers.")
    assert {(c.kind, c.count, c.phrase) for c in found} == {
        ("killed", None, "40 shoppers"), ("wounded", None, "40 shoppers")
    }
    assert first_figures("Dozens were killed or injured in the shelling.") == (None, None)


@pytest.mark.parametrize(
    ("sentence", "kind", "count"),
    [
        ("Three attackers were killed by the guards.", "attackers_killed", 3),
        ("Security forces neutralised 33 militants during the operation.", "attackers_killed", 33),
        ("Several militants were killed in the exchange of fire.", "attackers_killed", None),
        ("Police killed a terrorist and injured two others.", "attackers_killed", 1),
        ("Police killed a terrorist and injured two others.", "attackers_wounded", 2),
        ("Seven gunmen were shot dead by the guards.", "attackers_killed", 7),
    ],
)
def test_attackers_are_kept_apart_from_victims(sentence: str, kind: str, count: int | None) -> None:
    assert (kind, count) in {(c.kind, c.count) for c in find_casualties(sentence)}
    assert first_figures(sentence) == (None, None)


def test_victims_and_attackers_in_one_sentence() -> None:
    sentence = "The army said two of its soldiers were killed and 5 were injured, while four terrorists also died."
    found = [(c.kind, c.count) for c in find_casualties(sentence)]
    assert found == [("killed", 2), ("wounded", 5), ("attackers_killed", 4)]
    assert first_figures(sentence) == (2, 5)


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants were killed in the raid.",
        "A terrorist killed in the raid was identified.",
        "The rebels released 20 hostages on Monday.",
        "About 2,000 people were displaced; none were hurt.",
        "The casualty toll of 40 includes the wounded.",
        "The group has 6,000 fighters and killed nobody.",
        "Three rockets were fired, the army said.",
        "The attack on the checkpoint killed Khalid Ahmad, a district chief.",
        "He was killed 3 days after his release.",
        "Local sources suggested a higher death toll.",
        "The device could have killed 100 people.",
        "None of the 12 hostages were hurt.",
        "No one was hurt in the attack.",
        "The rescue saved 40 lives.",
    ],
)
def test_no_victim_figure(sentence: str) -> None:
    assert first_figures(sentence) == (None, None)


def test_first_figure_rule_keeps_the_first_of_several() -> None:
    sentence = "Officials said only three people were killed, while a hospital put the death toll at 20."
    assert first_figures(sentence) == (3, None)
    assert [c.count for c in find_casualties(sentence)] == [3, 20]


def test_phrases_and_offsets() -> None:
    sentence = "Gunmen killed at least 46 people and wounded more than 60 others on Friday."
    found = find_casualties(sentence)
    assert [(c.kind, c.count, c.phrase) for c in found] == [
        ("killed", 46, "at least 46 people"), ("wounded", 60, "more than 60 others")
    ]
    for casualty in found:
        assert sentence[casualty.start:casualty.end] == casualty.phrase


def test_figures_do_not_run_across_lines() -> None:
    text = "Attack killed at least 18 soldiers\nOfficials named the victims"
    assert [c.phrase for c in find_casualties(text)] == ["at least 18 soldiers"]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("1,200", 1200), ("12", 12), ("eleven", 11), ("twenty-one", 21), ("ninety nine", 99),
        ("a dozen", 12), ("half a dozen", 6), ("three dozen", 36), ("a hundred", 100),
        ("two hundred and five", 205), ("one thousand two hundred", 1200), ("three hundred thousand", 300000),
    ],
)
def test_number_words(words: str, value: int) -> None:
    assert parse_number(words) == value


_CASUALTY_TEXT = st.lists(
    st.sampled_from(
        ["killed", "were", "at least", "12", "1,200", "a", "soldier", "and", "four", "other", "officials",
         "dozens", "of", "militants", "wounded", "injuring", "left", "dead", "toll", "rose", "to", "the",
         "lives", "claimed", ",", "including", "—", "others", "2019", "twenty-one", "\n", "(", "."]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=300), _CASUALTY_TEXT))
def test_spans_match_text(text: str) -> None:
    for casualty in find_casualties(text):
        assert text[casualty.start:casualty.end] == casualty.phrase
        assert casualty.kind in ("killed", "wounded", "attackers_killed", "attackers_wounded")
        assert casualty.count is None or casualty.count >= 0
    killed, wounded = first_figures(text)
    assert killed is None or killed >= 0
    assert wounded is None or wounded >= 0


def _figures(text: str) -> list[tuple[str, int | None, int, int]]:
    return [(c.kind, c.count, c.start, c.end) for c in find_casualties(text)]


@pytest.mark.parametrize("sentence", [
    "Gunmen killed at least 46 in the market town.",
    "The blast claimed the lives of an assistant commissioner and four other officials.",
    "Rockets struck the base, killing three soldiers and wounding 25 others.",
    "Health officials put the death toll at at least 20.",
    "The only figure: three U.S. soldiers were killed.",
    "The attack killed two people, one of them a child.",
])
def test_figures_are_read_whatever_the_letter_case(sentence: str) -> None:
    """A headline in capitals reads as the same figures at the same offsets (the grammar reads a lower-cased
    copy of the text)."""
    expected = _figures(sentence)
    assert expected
    assert _figures(sentence.upper()) == expected
    assert _figures(sentence.title()) == expected


def test_letters_that_only_regex_case_folding_equates_keep_offsets() -> None:
    """A dotted capital I (two characters once lower-cased) and the long s leave figures where they stand."""
    text = "İn the north, gunmen killed 12 villagers; ſoldiers said 3 more were wounded."
    for casualty in find_casualties(text):
        assert text[casualty.start:casualty.end] == casualty.phrase
    assert [(c.kind, c.count) for c in find_casualties(text)][:1] == [("killed", 12)]


@settings(max_examples=200, deadline=None)
@given(text=_CASUALTY_TEXT)
def test_upper_case_text_reads_the_same(text: str) -> None:
    assert _figures(text.upper()) == _figures(text)
