"""Killed and wounded figures in a sentence ("killed at least 46", "21 passengers and 4 police were killed").

Rules, applied around trigger words ("killed", "dead", "wounded", "death toll", "claimed the lives of"):

* active verbs take the figure on their right ("killing 12 soldiers", "claimed the lives of ..."),
  passive and stative words take it on their left ("13 others were wounded", "left six dead");
* coordinated figures of one toll are summed ("20 security personnel and three civilians" -> 23,
  "an assistant commissioner and four other officials" -> 5); "including ..." asides are not added;
* qualifiers are dropped ("at least 46" -> 46, "up to 600" -> 600); vague amounts ("dozens",
  "scores of civilians") and combined tolls ("12 killed or wounded") give ``count=None``, phrase kept;
* a singular "a/an" counts as one only before a noun that names a person ("a soldier was killed");
* figures whose noun names attackers ("three attackers", "six terrorists", "33 militants") get the
  kinds ``attackers_killed`` / ``attackers_wounded``: the event extractor decides whether they are
  victims (fights between two armed groups) and ``first_figures`` never counts them.
  "N others" takes the side of the figure before it ("killed a gunman and injured two others").
* hypothetical and negated figures are skipped ("could have killed 100", "none of the 12 hostages");
* a figure never spans a line break (headlines and body lines are not joined).

The patterns are case-sensitive and written in lower case: they read the text folded to lower case
(``_fold``), which the regex engine matches far faster than it applies ``re.IGNORECASE``, with the same
answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ahocorasick_rs import BytesAhoCorasick, Implementation, MatchKind

from claimgraph.nlp.keywords import KeywordPattern
from claimgraph.nlp.numbers import NUMBER_PATTERN, parse_number

KILLED = "killed"
WOUNDED = "wounded"
ATTACKERS_KILLED = "attackers_killed"
ATTACKERS_WOUNDED = "attackers_wounded"
_ATTACKER_KINDS = {KILLED: ATTACKERS_KILLED, WOUNDED: ATTACKERS_WOUNDED}


@dataclass(frozen=True)
class Casualty:
    """One killed or wounded figure; ``text[start:end] == phrase``."""

    kind: str
    count: int | None
    phrase: str
    start: int
    end: int


def _compile(pattern: str) -> re.Pattern[str]:
    """Regex for folded text (see ``_fold``) in which whitespace never matches a line break."""
    return re.compile(pattern.replace(r"\s", r"[^\S\n]"))


# Letters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into it alone.
_FOLD_TRAPS = {"\u0130": "i", "\u0131": "i", "\u017f": "s"}
_FOLD_TABLE = str.maketrans(_FOLD_TRAPS)


def _fold(text: str) -> str:
    """``text`` lower-cased one character for one, as re.IGNORECASE compares letters ("İ", "ı" → "i",
    "ſ" → "s"): a case-sensitive pattern with lower-case letters matches the folded text where the same
    pattern with re.IGNORECASE matches ``text``, at the same offsets."""
    if text.isascii() or not any(trap in text for trap in _FOLD_TRAPS):
        return text.lower()
    return text.translate(_FOLD_TABLE).lower()


_TIME_WORDS = (
    r"days?|weeks?|months?|years?|hours?|minutes?|nights?|mornings?|evenings?|afternoons?|weekend|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|ago|earlier|later|overnight|yesterday|"
    r"today|tonight|this|last|next"
)
_QUALIFIER = (
    r"(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|no\s+(?:fewer|less)\s+than|"
    r"not\s+less\s+than|upwards\s+of|up\s+to|as\s+many\s+as|close\s+to|nearly|almost|about|around|"
    r"approximately|roughly|some|over|under|an\s+estimated|a\s+total\s+of|a\s+further|an\s+additional|"
    r"another|only|just|all(?:\s+of)?|the|his|her|their|its|our|a\s+reported|a\s+confirmed|reportedly|"
    r"officially)"
)
_VAGUE = (
    r"(?:dozens|scores|hundreds(?:\s+of\s+thousands)?|thousands|tens\s+of\s+thousands|many|several|"
    r"numerous|countless|a\s+number|a\s+few|a\s+handful)"
)
_AMOUNT = (
    rf"(?P<amount>(?P<num>{NUMBER_PATTERN})(?:\s*(?:to|-|–|or)\s*{NUMBER_PATTERN})?"
    rf"|(?P<vague>\b{_VAGUE}\b)|\ban?\b)"
)
_BREAK = (
    r"and|or|but|nor|of|in|on|at|near|during|from|by|with|after|before|since|across|inside|outside|over|"
    r"under|about|around|through|within|without|against|per|via|off|up|down|out|while|when|where|who|"
    r"whom|whose|which|that|including|as|to|into|for|among|amid|following|said|says|say|told|according|"
    r"than|were|was|is|are|be|been|being|have|has|had|also|all|it|its|they|them|their|he|she|his|her|we|"
    r"our|you|your|there|here|what|killed|killing|dead|died|wounded|wounding|"
    rf"injured|injuring|hurt|martyred|slain|lost|deaths?|fatalities|injur(?:y|ies)|lives|the|a|an|{_TIME_WORDS}"
)
_WORD = (
    rf"(?:(?:[a-z]\.){{2,}}|\d+-[^\W\d_][\w'’-]*|(?!(?:{_BREAK})\b)(?!{NUMBER_PATTERN})[^\W\d_][\w'’-]*)"
)
_WORDS = rf"(?:\s+(?:of\s+(?:(?:the|an?|its|their|his|her|our)\s+)?)?{_WORD}){{0,5}}"
_ELEMENT = rf"\b(?<!no\s)(?:{_QUALIFIER}\s+){{0,2}}(?:{_AMOUNT}){_WORDS}"
_PLAIN_ELEMENT = re.sub(r"\(\?P<\w+>", "(?:", _ELEMENT)
_SEPARATOR = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
_LIST = rf"{_PLAIN_ELEMENT}(?:{_SEPARATOR}{_PLAIN_ELEMENT})*"
_ASIDE = r"(?:\s*[,(—–]\s*|\s+[-–]\s+)(?:including|among\s+them|among\s+whom)\b[^,.;:()—–\n]{0,100}[,)—–]"
_AUX = (
    r"(?:(?:were|was|are|is|be|been|being|have\s+been|has\s+been|had\s+been|had|have|has|got|get|"
    r"will\s+be)\s+)?"
)
_ADVERB = (
    r"(?:(?:also|reportedly|allegedly|all|both|later|subsequently|confirmed|reported|feared|believed\s+to\s+"
    r"have\s+been|said\s+to\s+have\s+been|critically|seriously|severely|fatally|badly|gravely|mortally|"
    r"lightly|slightly|instantly|either|then)\s+){0,2}"
)

_ELEMENT_RE = _compile(_ELEMENT)
_SEPARATOR_RE = _compile(_SEPARATOR)
_LEFT_RE = _compile(rf"(?P<list>{_LIST})(?:{_ASIDE})?\s+{_AUX}{_ADVERB}$")
_RIGHT_RE = _compile(rf"\s+(?:of\s+)?(?P<list>{_LIST})")
_OF_RE = _compile(r"\s+of\s")
_PARTITIVE_RE = _compile(r"\s+of\s+(?:them|whom|those|these)\b")
_SPEAKS_RE = _compile(r"\s+(?:said|says|told|added|reported|stated|confirmed)\b")
_LIVES_VERB_RE = _compile(r"\b(?:claim|cost|took|take|taking)\w*\s+$")
_LIVES_OF_VERB_RE = _compile(r"\b(?:claim\w*|took|tak\w*|cost\w*)\s+the\s+$")
_TOLL_RE = _compile(
    r"[^.;:!?\d\n]{0,60}?\b(?:to|at|of|reached|hit|topped|passed|exceeded|is|was|as)\s+"
    rf"(?P<list>{_PLAIN_ELEMENT})"
)
_COMBINED_TOLL_RE = _compile(r"\b(?:casualty|injury)\s+$")
_AUX_BEFORE_RE = _compile(rf"\b(?:were|was|are|is|be|been|being|got|get)\s+{_ADVERB}$")
_HYPOTHETICAL_RE = _compile(
    r"\b(?:could|would|might|may|can|should|will|to)\s+(?:not\s+)?(?:have\s+)?(?:been\s+)?$"
)
_NONE_OF_RE = _compile(r"\b(?:none|neither)\s+of\s+(?:the\s+|its\s+|their\s+)?$")
_TIME_AFTER_RE = _compile(rf"\s+(?:{_TIME_WORDS})\b")
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")

# Trigger group -> (kinds, figure on the left, figure on the right).
_TRIGGERS: dict[str, tuple[tuple[str, ...], bool, bool]] = {
    "both": ((KILLED, WOUNDED), True, True),
    "kill": ((KILLED,), True, True),
    "kill_left": ((KILLED,), True, False),
    "kill_right": ((KILLED,), False, True),
    "lives_of": ((KILLED,), False, True),
    "kill_noun": ((KILLED,), True, True),
    "wound": ((WOUNDED,), True, True),
    "wound_right": ((WOUNDED,), False, True),
    "wound_noun": ((WOUNDED,), True, True),
    "lives": ((KILLED,), True, False),
    "toll": ((KILLED,), False, False),
    "toll_noun": ((KILLED,), False, False),
}
# Every trigger starts with one of these stems; an Aho-Corasick automaton finds them in one fast pass.
_STEMS = (
    "kill", "dead", "died", "wound", "injur", "hurt", "martyr", "slain", "slew", "shot", "shoot", "gunn",
    "behead", "massacr", "murder", "execut", "assassin", "neutrali", "eliminat", "perish", "lost", "lives",
    "death", "fatalit", "toll", "maim",
)
# read over the lower-cased text as one byte a character ("?" for any that is not ASCII; the stems are ASCII)
_STEM_AUTOMATON = BytesAhoCorasick([stem.encode() for stem in _STEMS], matchkind=MatchKind.Standard,
                                   implementation=Implementation.DFA)
# the stems in any case: whether a text holds one is told from the lower-cased reading the keyword patterns keep of
# it (most sentences, already read by them, hold none)
_ANY_STEM = KeywordPattern(re.compile("|".join(_STEMS), re.IGNORECASE), _STEMS)
_TRIGGER_RE = _compile(
    r"\b(?:"
    r"(?P<toll_noun>(?<=number of )(?:dead|deaths|fatalities))"
    r"|(?P<both>(?:killed|dead)\s+(?:and|or)\s+(?:wounded|injured)|killing\s+(?:and|or)\s+(?:wounding|injuring))"
    r"|(?P<kill>killed|martyred|shot\s+dead|gunned\s+down|beheaded|massacred|murdered|executed|assassinated|"
    r"neutrali[sz]ed|eliminated|slain)"
    r"|(?P<kill_left>dead|died|perished|lost\s+their\s+lives)"
    r"|(?P<kill_right>killing|kills|slew|martyring|massacring|murdering|executing|neutrali[sz]ing|"
    r"eliminating|shooting\s+dead|gunning\s+down)"
    r"|(?P<lives_of>lives\s+of)"
    r"|(?P<kill_noun>deaths?(?!\s+toll)|fatalities|killings?)"
    r"|(?P<wound>wounded|injured|hurt|maimed)"
    r"|(?P<wound_right>wounding|injuring|maiming)"
    r"|(?P<wound_noun>injury|injuries)"
    r"|(?P<lives>lives)"
    r"|(?P<toll>toll)"
    r")\b"
)
# Words that can open a figure ("at least", "some", "dozens", "a", digits, number words).
_OPENERS = frozenset(
    {"at", "more", "less", "fewer", "no", "not", "upwards", "up", "as", "close", "nearly", "almost", "about",
     "around", "approximately", "roughly", "some", "over", "under", "an", "a", "another", "only", "just",
     "all", "the", "reportedly", "officially", "dozens", "scores", "hundreds", "thousands", "tens", "many",
     "several", "numerous", "countless", "half", "hundred", "thousand", "one", "two", "three", "four", "five",
     "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
     "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
     "ninety"}
)
_OPENER_RE = re.compile(r"(?<![\w'’-])[^\W_]+")
_LEFT_WINDOW = 160

_ATTACKERS = frozenset({
    "attacker", "attackers", "assailant", "assailants", "militant", "militants", "terrorist", "terrorists",
    "gunman", "gunmen", "insurgent", "insurgents", "bomber", "bombers", "jihadist", "jihadists", "extremist",
    "extremists", "rebel", "rebels", "hijacker", "hijackers", "kidnapper", "kidnappers", "abductor",
    "abductors", "raider", "raiders", "infiltrator", "infiltrators",
})
_NOT_PEOPLE = frozenset({
    "attack", "attacks", "blast", "blasts", "bomb", "bombs", "bombing", "bombings", "explosion", "explosions",
    "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "rocket", "rockets", "missile",
    "missiles", "drone", "drones", "shell", "shells", "mortar", "mortars", "vehicle", "vehicles", "car",
    "cars", "truck", "trucks", "bus", "buses", "house", "houses", "home", "homes", "building", "buildings",
    "village", "villages", "town", "towns", "percent", "km", "kilometres", "kilometers", "miles", "incident",
    "incidents", "operation", "operations", "assault", "assaults", "ambush", "ambushes", "round", "rounds",
    "shot", "shots", "grenade", "grenades", "device", "devices", "checkpoint", "checkpoints", "base", "bases",
    "camp", "camps", "post", "posts", "district", "districts", "province", "provinces", "area", "areas",
    "place", "places", "point", "points", "total", "number", "times", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "hour", "hours", "minute", "minutes", "night", "nights",
})
# Adjectives that end like person nouns ("a higher toll", "a further blast").
_NOT_PERSON_HEADS = frozenset({
    "higher", "lower", "greater", "larger", "smaller", "bigger", "further", "other", "former", "latter",
    "older", "younger", "border", "order", "corner", "center", "centre",
    "tanker", "container", "helicopter", "computer", "sector", "corridor", "tower", "water", "power",
})
_OTHERS = frozenset({"other", "others", "more"})
_PERSON_RE = re.compile(
    r"(?:er|or|man|men|ist|ian|ee|eer)$|^(?:student|resident|president|agent|parent|patient|sergeant|"
    r"lieutenant|militant|assistant|servant|migrant|inhabitant|participant|official|child|boy|girl|person|"
    r"wife|husband|son|daughter|chief|guard|jawan|youth|cleric|pilgrim|villager|troop|envoy|mayor|"
    r"judge|infant|baby|teen|adult|imam|priest|monk|nun|aide|diplomat|pilot|medic|nurse|crew|marine|"
    r"cadet|recruit|hostage|captive|victim|local|national|citizen|relative|friend|colleague|general|"
    r"colonel|captain|major|constable|deputy|candidate|head)$"
)


@dataclass(frozen=True)
class _Element:
    start: int
    end: int
    count: int | None
    attackers: bool
    inherits: bool


def _element(text: str, match: re.Match[str]) -> _Element | None:
    """One coordinated figure, or None where its noun is not people ("3 rockets", "a day", "two days");
    ``match`` reads the folded ``text``."""
    if _TIME_AFTER_RE.match(match.string, match.end("amount")):
        return None
    words = [w.lower() for w in _WORD_RE.findall(text, match.end("amount"), match.end())]
    if words and words[-1] in _NOT_PEOPLE:
        return None
    if match.group("num"):
        count = parse_number(text[match.start("num"):match.end("num")])
    elif match.group("vague"):
        count = None
    elif words and words[-1] not in _NOT_PERSON_HEADS and _PERSON_RE.search(words[-1]):
        count = 1
    else:
        return None
    return _Element(
        start=match.start(),
        end=match.end(),
        count=count,
        attackers=any(w in _ATTACKERS for w in words),
        inherits=any(w in _OTHERS for w in words[-2:]),
    )


def _elements(text: str, folded: str, start: int, end: int) -> list[_Element]:
    """Split a matched list of figures into its elements, dropping those that are not people."""
    found: list[_Element] = []
    pos = start
    while pos < end:
        match = _ELEMENT_RE.match(folded, pos, end)
        if match is None or (pos > start and (_PARTITIVE_RE.match(folded, match.end()) or _SPEAKS_RE.match(
                folded, match.end()))):
            # "killed two people, one of them a child": the part is not added to the whole; "killing 20 soldiers,
            # a local commander said": the speaker is no victim
            break
        element = _element(text, match)
        if element is not None:
            found.append(element)
        separator = _SEPARATOR_RE.match(folded, match.end(), end)
        pos = separator.end() if separator else end
    return found


def _casualties(
    text: str, elements: list[_Element], kinds: tuple[str, ...], after_attackers: bool, combined: bool
) -> list[Casualty]:
    """Sum the elements into one victims figure and one attackers figure for each kind."""
    result: list[Casualty] = []
    for attackers in (False, True):
        group = [
            e for e in elements
            if (after_attackers if e.inherits and not e.attackers else e.attackers) == attackers
        ]
        if not group:
            continue
        counts = [e.count for e in group]
        total = None if combined or None in counts else sum(c for c in counts if c is not None)
        start, end = group[0].start, group[-1].end
        for kind in kinds:
            kind_name = _ATTACKER_KINDS[kind] if attackers else kind
            result.append(Casualty(kind_name, total, text[start:end], start, end))
    return result


def _left_list(text: str, folded: str, trigger_start: int) -> re.Match[str] | None:
    """The figure list that ends just before a trigger ("13 others were" + "wounded"), leftmost first.

    Only words that can open a figure are tried as starts, which keeps the search cheap.
    """
    window = max(0, trigger_start - _LEFT_WINDOW)
    for stop in ";:!?\n":  # a figure never reaches back over the end of a clause ("." ends "U.S.")
        window = max(window, text.rfind(stop, window, trigger_start) + 1)
    for opener in _OPENER_RE.finditer(text, window, trigger_start):
        word = opener.group().lower()
        if word in _OPENERS or word[0].isdigit():
            match = _LEFT_RE.match(folded, opener.start(), trigger_start)
            if match:
                return match
    return None


def _figure_span(text: str, folded: str, trigger: re.Match[str]) -> tuple[int, int] | None:
    """Span of the list of figures a trigger word governs, if any."""
    group = trigger.lastgroup or ""
    _, left, right = _TRIGGERS[group]
    start, end = trigger.span()
    if _HYPOTHETICAL_RE.search(folded, max(0, start - 30), start):
        return None
    if group.startswith("toll"):
        if _COMBINED_TOLL_RE.search(folded, max(0, start - 12), start):
            return None
        toll = _TOLL_RE.match(folded, end)
        return toll.span("list") if toll else None
    if group == "lives_of" and not _LIVES_OF_VERB_RE.search(folded, max(0, start - 30), start):
        return None
    if right and (not group.endswith("noun") or _OF_RE.match(folded, end)):
        match = _RIGHT_RE.match(folded, end)  # a figure on the right, unless the trigger is passive ("were killed")
        if match and not _AUX_BEFORE_RE.search(folded, max(0, start - 60), start):
            return match.span("list")
    if left:
        match = _left_list(text, folded, start)
        if match is None:
            return None
        figure_start = match.start("list")
        if _NONE_OF_RE.search(folded, max(0, figure_start - 20), figure_start):
            return None
        if group != "lives" or _LIVES_VERB_RE.search(folded, max(0, figure_start - 20), figure_start):
            return match.span("list")
    return None


def _triggers(text: str, folded: str) -> list[re.Match[str]]:
    """Trigger words of ``text`` (matches in its folded form), found through their stems in the lower-cased
    text."""
    lower = folded if text.isascii() else text.lower()  # the folded text, but for "ı" and "ſ"
    if len(lower) != len(text):  # lower-casing changed offsets ("İ"): scan the whole text
        return list(_TRIGGER_RE.finditer(folded))
    hits = _STEM_AUTOMATON.find_matches_as_indexes(lower.encode("ascii", "replace"), overlapping=True)
    found: list[re.Match[str]] = []
    for start in sorted({start for _, start, _ in hits}):
        if found and start < found[-1].end():
            continue
        trigger = _TRIGGER_RE.match(folded, start)
        if trigger:
            found.append(trigger)
    return found


def find_casualties(text: str) -> list[Casualty]:
    """All killed/wounded figures in ``text``, ordered by position (see the module rules)."""
    if not _ANY_STEM.may_occur_in(text):
        return []  # no trigger word
    found: list[Casualty] = []
    folded = _fold(text)
    for trigger in _triggers(text, folded):
        span = _figure_span(text, folded, trigger)
        if span is None:
            continue
        kinds = _TRIGGERS[trigger.lastgroup or ""][0]
        after_attackers = bool(found) and found[-1].kind in _ATTACKER_KINDS.values()
        elements = _elements(text, folded, *span)
        combined = trigger.lastgroup == "both"
        found.extend(_casualties(text, elements, kinds, after_attackers, combined))
    return _without_repeats(found)


def _without_repeats(found: list[Casualty]) -> list[Casualty]:
    """Drop a figure that overlaps an earlier one of the same kind (two triggers, one phrase)."""
    if len(found) < 2:  # most sentences: nothing to compare
        return found
    kept: list[Casualty] = []
    reach: dict[str, int] = {}
    for item in sorted(found, key=lambda c: (c.start, -c.end)):
        if reach.get(item.kind, -1) <= item.start:
            kept.append(item)
            reach[item.kind] = item.end
    return kept


def first_figures(text: str) -> tuple[int | None, int | None]:
    """(killed, wounded) of one sentence: the first victims figure of each kind, None if vague or absent."""
    casualties = find_casualties(text)
    killed = next((c.count for c in casualties if c.kind == KILLED), None)
    wounded = next((c.count for c in casualties if c.kind == WOUNDED), None)
    return killed, wounded
