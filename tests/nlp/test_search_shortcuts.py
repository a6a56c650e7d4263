"""The search shortcuts (keyword pre-filters, stretches, candidate starts) find exactly what the plain regexes do."""

import importlib
import random
import re

import pytest

from claimgraph.extract import attribution, cues, events, relations, triggers
from claimgraph.nlp import coref, discovery, sentences
from claimgraph.nlp.keywords import KeywordPattern, KeywordSet, openings

annotate = importlib.import_module("claimgraph.nlp.annotate")  # the package exports a function of that name

SENTENCES = [
    "Gunmen attacked a checkpoint in the north on Sunday, killing three soldiers, officials said.",
    "The Lashkar-e-Khurasan Front claimed responsibility for the ambush near the border.",
    "Commander Ahmad Rauf Khan, the group's spokesman, told reporters that talks had failed.",
    "Dr. Sara Malik said the Northern Resistance Army is active in three provinces.",
    "ATTACKS HAVE INCREASED SINCE MARCH; NO ONE HAS BEEN ARRESTED.",
    "The militia, which is allied with the Coastal Brigade, denied carrying out the bombing.",
    "Nobody was hurt.\nThe Valley Guard said it had shelled the\nHill Battalion positions.",
    "A spokesman for Jama'at al-Harb, Yusuf bin Tariq, said the raids would go on.",
    "Çatışma: the Kelvin \u212a sign and the long \u017f in ‘aſſault’ are not ASCII, so the regex always runs.",
    "Officials say the blast, the third this year, was blamed on the Eastern Front.",
    "They don't deny it, and the group WON’T reject the claim; nor has it been dismissed without proof.",
]


def _fuzz_texts(count: int) -> list[str]:
    rnd = random.Random(7)
    words = ("the Front Brigade Brigades said told Ahmad Khan Dr. Gen. Lt. chief leader Army of al-Harb bin "
             "Prime Minister co-founder Jama'at spokesman head attacked bombing claimed ; , . ( ) ’s 's").split()
    glue = [" ", "  ", "\n", "", ", ", ". "]
    return ["".join(rnd.choice(words) + rnd.choice(glue) for _ in range(rnd.randint(1, 30))) for _ in range(count)]


TEXTS = SENTENCES + _fuzz_texts(400)


def test_openings_take_the_plain_start_of_each_top_level_alternative() -> None:
    assert openings("Brigades?|accus(?:ed|es)|air ?strikes?|set fire to|Dr\\.?") == [
        "Brigade", "accus", "air", "set fire to", "Dr"]


def test_openings_reject_an_alternative_without_plain_text() -> None:
    with pytest.raises(ValueError):
        openings("attack|(?:air|drone) strike")


def test_keyword_pattern_skips_texts_without_a_keyword() -> None:
    pattern = KeywordPattern(re.compile(r"\b(?:ambush|raid)ed\b", re.IGNORECASE), ["ambush", "raid"], word_start=True)
    assert not pattern.may_match("Talks resumed on Monday.")
    assert not pattern.may_match("They were afraid.")  # "raid" inside a word
    assert pattern.may_match("Rebels AMBUSHED a convoy.")
    assert not pattern.may_match("Ünal said nothing.")
    assert pattern.may_match("Rebels ambuſhed a convoy.")  # the long s: the regex decides
    assert pattern.search("Rebels ambuſhed a convoy.").group() == "ambuſhed"  # type: ignore[union-attr]
    assert pattern.search("Rebels AMBUSHED a convoy.").group() == "AMBUSHED"  # type: ignore[union-attr]
    # may_occur_in answers for every stretch of the text, so it also counts a word inside another one
    assert pattern.may_occur_in("They were afraid.") and not pattern.may_occur_in("Talks resumed on Monday.")
    assert pattern.may_occur_in("Rebels ambuſhed a convoy.")


KEYWORD_PATTERNS = {f"{module.__name__}.{name}": value for module in (attribution, coref, cues, discovery, events,
                                                                          relations, triggers)
                    for name, value in vars(module).items() if isinstance(value, KeywordPattern)}


def test_the_rules_use_keyword_patterns() -> None:
    assert len(KEYWORD_PATTERNS) >= 14


@pytest.mark.parametrize("name", sorted(KEYWORD_PATTERNS))
def test_keyword_patterns_answer_as_their_regex(name: str) -> None:
    pattern = KEYWORD_PATTERNS[name]
    for text in TEXTS:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.pattern.finditer(text)]
        for start in range(0, len(text), 7):
            found, expected = pattern.search(text, start, start + 40), pattern.pattern.search(text, start, start + 40)
            assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("name", sorted(KEYWORD_PATTERNS))
def test_no_stretch_of_a_text_without_the_words_matches(name: str) -> None:
    pattern = KEYWORD_PATTERNS[name]
    for text in TEXTS:
        if not pattern.may_occur_in(text):
            assert not any(pattern.pattern.search(text[start:start + 40]) for start in range(len(text))), text


def test_discovery_stretches_find_what_each_pattern_finds_in_the_whole_text() -> None:
    for text in TEXTS:
        found = [[m.span() for m in matches] for matches in discovery._SEARCH.matches(text)]
        assert found == [[m.span() for m in pattern.finditer(text)] for pattern, _, _ in discovery._SEARCH.searches]


def test_place_word_stretches_find_what_the_pattern_finds_in_the_whole_text() -> None:
    texts = [*TEXTS, "Shelling hit the Kolpur area, and fighting went on in the district of Lower Dir.",
             "They met near Mian Ghundi village; later in the\ncity of Tank — police said."]
    for text in texts:
        assert [m.span() for m in annotate._TEXT_SEARCH.matches(text)[-1]] == [
            m.span() for m in annotate._UNKNOWN_WITH_WORD.finditer(text)]


def test_sentence_boundaries_are_those_of_the_boundary_regex() -> None:
    for text in TEXTS:
        assert [m.span() for m in sentences._boundaries(text)] == [m.span() for m in
                                                                    sentences._BOUNDARY.finditer(text)]


def test_anchored_triggers_end_with_their_tail() -> None:
    for trigger in triggers.TRIGGERS:
        if trigger.tail is not None:
            assert trigger.anchored and trigger.pattern.pattern.endswith(trigger.tail.pattern)
    links = [", the leader of the ", " was founded by the ", " fought ", ", a splinter group of ", " joined the "]
    for link in links:
        for trigger in triggers.TRIGGERS:
            if trigger.tail is not None and not trigger.tail.search(link):
                assert not any(m.end() == len(link) for m in trigger.pattern.finditer(link))


def test_triggers_with_opening_words_find_what_their_pattern_finds() -> None:
    links = [*TEXTS, " has long backed the ", " and fought against the ", ", which used the militia as a proxy of ",
             " received funding and weapons from the ", " pro-sponsored and anti-rival ", " waged war on the ",
             ", an affiliate of the ", ", the leader of ", " is now part of the ", ", a splinter group of the ",
             " (the militant wing of ", ", which has become a media arm of ", ", theleader of the "]
    tested = [trigger for trigger in triggers.TRIGGERS if trigger.words is not None]
    assert len(tested) >= 6
    for trigger in tested:
        for link in links:
            assert [m.span() for m in trigger.finditer(link)] == [m.span() for m in trigger.pattern.finditer(link)]


def test_triggers_left_out_for_a_link_find_nothing_in_it() -> None:
    links = [*TEXTS, " has long backed the ", " and fought against the ", ", an affiliate of the ",
             " received funding and weapons from the ", " waged war on the ", " (the militant wing of "]
    kept_some = False
    for link in links:
        kept = triggers.triggers_for(link)
        assert kept == [t for t in triggers.TRIGGERS if t in kept]  # in order
        kept_some |= 0 < sum(t.words is not None for t in kept) < sum(t.words is not None for t in triggers.TRIGGERS)
        for trigger in triggers.TRIGGERS:
            if trigger not in kept:
                assert trigger.words is not None and not list(trigger.pattern.finditer(link))
    assert kept_some  # the set does leave triggers out


def test_a_keyword_set_names_the_patterns_whose_words_occur() -> None:
    patterns = [KeywordPattern(re.compile(r"\bambush\w*", re.I), ["ambush"]), None,
                KeywordPattern(re.compile(r"raid", re.I), ["raid", "ambush"])]
    found = KeywordSet(patterns)
    assert found.present("An AMBUSH near the post") == {0, 2}
    assert found.present("a raid at dawn") == {2}
    assert found.present("nothing here") == set()
    assert found.present("the Kelvin \u212a sign") is None  # lower-casing cannot compare it
    with pytest.raises(ValueError):
        KeywordSet([patterns[0], KeywordPattern(re.compile("Raid"), ["Raid"])])


def test_standalone_words_are_found_as_the_boundary_regexes_find_them() -> None:
    for text in [*TEXTS, "ISKP-linked ISKP, ISKPs and _ISKP ISKP_ (ISKP) ISKP", "Khan Khan-Ali Khanate al-Khan Khan"]:
        for word in ("ISKP", "Khan", "Ahmad"):
            assert list(annotate._standalone(text, word)) == [
                m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
            assert list(annotate._standalone(text, word, 3, hyphen_after=True)) == [
                m.span() for m in re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w])").finditer(text, 3)]


def test_overlap_test_agrees_with_a_scan_of_the_mentions() -> None:
    rnd = random.Random(3)
    spans = [(start, start + rnd.randint(1, 12)) for start in (rnd.randrange(200) for _ in range(40))]
    mentions = [annotate.Mention(s, e, "x" * (e - s), ("kb:x",), "actor") for s, e in spans]
    overlaps = annotate._overlap_test(mentions)
    for start in range(0, 215):
        for end in range(start + 1, start + 15):
            assert overlaps(start, end) == any(s < end and start < e for s, e in spans)
