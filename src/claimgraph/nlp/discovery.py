"""Actors that the KB does not know: group-like names and titled person names, given ``new:`` ids."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimgraph.nlp.keywords import KeywordPattern, StretchSearch, openings
from claimgraph.nlp.text import fold, initials

_CAP = r"(?:[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*)"
_LINK = r"(?:al-|el-|ul-|e-|i-|bin |ibn |of |of the |for |for the |and |de |wal-|al )"
_GROUP_HEADS = (r"Front|Brigades?|Battalions?|Movement|Army|Organi[sz]ation|Group|Party|Council|Forces|Force|"
                r"Militia|Mujahideen|Corps|Alliance|League|Network|Tanzeem|Tanzim|Jamaat|Tehreek|Tehrik|Lashkar|"
                r"Commission|Committee|Guards?|Resistance|Sipah|Squad")
_GROUP = re.compile(rf"\b((?:{_CAP}\s+(?:{_LINK})?){{1,5}}(?:{_GROUP_HEADS}))\b(?![-\w]|\s+[A-Z][a-z])")
_PREFIXES = (r"Lashkar|Tehreek|Tehrik|Tahreek|Jaish|Jaysh|Harkat|Harakat|Hizb|Jamaat|Jama'at|Sipah|Ansar|Jund|Katiba|"
             r"Kataib|Kata'ib|Liwa|Saraya|Majlis|Tanzeem|Tanzim")
_PREFIXED_GROUP = re.compile(
    rf"\b((?:{_PREFIXES})(?:[-\s](?:e|i|ul|ut|al|ash|as|wal|el|ud|al-)[-\s]?|\s+)"
    r"[A-Z][\w'’]+(?:[-\s](?:[A-Z][\w'’]+|al-[A-Z][\w'’]+)){0,3})")
# a designation ("Foreign Terrorist Organization") or a firm ("SITE Intelligence Group") is not an armed group
_NOT_A_GROUP = re.compile(r"\b(?:Foreign Terrorist Organi[sz]ations?|Specially Designated|Terrorist Designation|"
                          r"Intelligence Group|Consult\w*|Analytics|Risks?|Research Group|Media Group|News Group)\b")
_TITLES = (r"Dr\.?|General|Gen\.|Lt\.?\s?Gen\.?|Maj\.?\s?Gen\.?|Brigadier|Brig\.|Colonel|Col\.|Major|Captain|Capt\.|"
           r"Maulana|Mullah|Mufti|Sheikh|Shaykh|Qari|Commander|President|Prime Minister|Minister|Senator|"
           r"Ambassador|Governor|Chief Minister|Spokesman|Spokesperson|spokesman|spokesperson|Emir|Amir|Chairman|"
           r"chairman|leader|chief|commander|Inspector General|Director General|Superintendent|Secretary|"
           r"Field Marshal|Marshal|Ayatollah|Imam|Mr\.?|Ms\.?|Mrs\.?|Justice|King|Crown Prince|Adm\.|Admiral|"
           r"Officer|officer|minister|president|secretary|ambassador|envoy|governor|commissioner|Commissioner|"
           r"Sheikh|Shaikh|Lt\.|Lieutenant|Sgt\.|Sergeant|Inspector|Deputy|deputy|Superintendent|"
           r"Senior Superintendent|Director|director|Chief|Mayor|mayor|Speaker|Judge|judge")
_NAME_PART = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|al-[A-Z][a-z'’]+|bin|ibn|ul|ud|ur|de)"
_TITLED_PERSON = re.compile(rf"\b{initials(_TITLES)}(?:{_TITLES})(?:\s+of\s+Police)?\s+"
                            rf"({_NAME_PART}(?:\s+{_NAME_PART}){{1,3}})\b")
_ROLES = (r"spokes(?:man|person|woman)|leader|chief|head|commander|founder|chairman|emir|amir|deputy|minister|"
          r"president|director|official|member|militant|co-founder")
_ROLE_AFTER = re.compile(
    rf"\b({_NAME_PART}(?:\s+{_NAME_PART}){{1,3}}),\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|[A-Z][\w-]*['’]s\s+)?"
    r"(?:[a-z][\w-]*\s+){0,3}?"  # "a senior local police official"
    rf"(?:{_ROLES})\b")
_NAMING_ROLES = r"commander|leader|chief|spokes(?:man|person|woman)|emir|amir|founder|head|led"
_NAMED_AFTER_ROLE = re.compile(  # "its commander, Sergei Shevchenko", "fighters led by Ba'ana Chigori"
    r"\b(?:its|their|his|her|the|a)\s+(?:[a-z][\w-]*\s+){0,2}?(?:commander|leader|chief|spokes(?:man|person|woman)|"
    rf"emir|amir|founder|head),\s+({_NAME_PART}(?:\s+{_NAME_PART}){{1,3}})\b|"
    rf"\bled\s+by\s+({_NAME_PART}(?:\s+{_NAME_PART}){{1,3}})\b")
_FACTION_WORDS = "group|faction"
_FACTION = re.compile(  # "the TTP-Gandapur group": a faction named after the group it belongs to
    rf"\b((?:[A-Z]{{2,6}}|[A-Z][a-z]+)-[A-Z][a-z]{{2,}}(?:\s+[A-Z][a-z]{{2,}})?\s+(?:{_FACTION_WORDS}))\b")
_NOT_NAMES = frozenset(
    "The This That These Those A An In On At By For From With As And But Or "
    "Its Their His Her Our It January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Islamic State Province Al".split())
_TITLE_WORDS = frozenset({"chief", "head", "commander", "minister", "secretary", "director", "leader", "deputy",
                          "spokesman", "spokesperson", "chairman", "general", "inspector", "president"})
_GENERIC_GROUP_WORDS = frozenset({"the", "this", "that", "a", "an", "its", "their", "his", "her", "our", "and"})


_SPEECH = "said|told|says|added|stated"
_SPEAKER_NAME = re.compile(
    rf"(?:\bsaid|\btold)\s+({_NAME_PART}(?:\s+{_NAME_PART}){{1,2}})\b|"
    rf"\b({_NAME_PART}(?:\s+{_NAME_PART}){{1,2}})\s+(?:{_SPEECH})\b")
_ORG_WORDS = frozenset(
    "Office Ministry Department Police Army Forces Force Government Agency Council Committee News Times Post "
    "Press Reuters Associated Media Network Group Front State States Republic Union Nations Province District "
    "City Region Islamic Party Movement Authority Directorate Bureau Service Services Command Corps Brigade "
    "University Institute Centre Center Foundation Organisation Organization Court Parliament Assembly House "
    "White Pentagon Kremlin Embassy Commission Coalition Alliance Emirate Taliban Jihad Daily Monitor".split())
_TITLE_PREFIX = re.compile(r"^(?:(?:Sheikh|Shaikh|Maulana|Mullah|Mufti|Qari|Hafiz|Dr|Dr\.|General|Gen\.|Adm\.|"
                           r"Colonel|Commander|Haji|Sayyid|Syed)\s+)+")
# patterns whose matches open with one of their words: tried only where one starts a word
_PREFIXED_SEARCH = KeywordPattern(_PREFIXED_GROUP, openings(_PREFIXES), word_start=True, opens_match=True)
_TITLED_SEARCH = KeywordPattern(_TITLED_PERSON, openings(_TITLES), word_start=True, opens_match=True)
# each other pattern, the words one of which every match holds, and the characters no match holds (see StretchSearch)
SEARCHES: list[tuple[re.Pattern[str], list[str], re.Pattern[str]]] = [
    (_GROUP, openings(_GROUP_HEADS), re.compile(r"[^\w'’\s-]")),
    (_ROLE_AFTER, openings(_ROLES), re.compile(r"[^\w'’\s,-]")),
    (_SPEAKER_NAME, openings(_SPEECH), re.compile(r"[^\w'’\s-]")),
    (_NAMED_AFTER_ROLE, openings(_NAMING_ROLES), re.compile(r"[^\w'’\s,-]")),
    (_FACTION, openings(_FACTION_WORDS), re.compile(r"[^\w\s-]")),
]
_SEARCH = StretchSearch(SEARCHES)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_PARTY = re.compile(r"\b(party|league)\b")
_BODY = re.compile(r"\b(commission|committee|council)\b")
_OWNER = re.compile(r"[A-Z][\w-]*['’]s\s+")


@dataclass(slots=True, unsafe_hash=True)  # not frozen: cheaper to build; never changed once built
class Discovered:
    """A name found by pattern: where it is, the name to record and the type it suggests."""

    start: int
    end: int
    name: str
    type: str
    faction: bool = False  # a faction named after its group ("TTP-Gandapur group") takes the group's place


def slug(name: str) -> str:
    """A stable id fragment for a name: lower-case ASCII words joined by hyphens."""
    return _NOT_SLUG.sub("-", fold(name)).strip("-")


def _group_type(name: str) -> str:
    lowered = name.lower()
    if _PARTY.search(lowered):
        return "political_party"
    if _BODY.search(lowered):
        return "other"
    return "armed_group"


def _clean_group(text: str, start: int) -> tuple[int, str] | None:
    owner = _OWNER.match(text)
    if owner:  # "Iran's Axis of Resistance": the owner is not part of the name
        start, text = start + owner.end(), text[owner.end():]
    words = text.split()
    while words and (words[0].lower() in _GENERIC_GROUP_WORDS or words[0] in _NOT_NAMES):
        start += text.index(words[0]) + len(words[0])
        text = text[text.index(words[0]) + len(words[0]):]
        stripped = len(text) - len(text.lstrip())
        start, text = start + stripped, text.lstrip()
        words = text.split()
    if (len(words) < 2 and text.count("-") < 2) or words[0].lower() in _TITLE_WORDS:
        return None  # one word only when hyphenated like "Lashkar-e-Khurasan"
    return start, text


def discover(text: str, searched: Sequence[list[re.Match[str]]] | None = None) -> list[Discovered]:
    """Group-like names and titled person names in ``text`` (not checked against the KB here). ``searched`` are
    the matches of ``SEARCHES`` in ``text``, when the caller has searched for them along with patterns of its own."""
    found: list[Discovered] = []
    groups, role_after, speaker, named_after_role, factions = _SEARCH.matches(text) if searched is None else searched
    titled = _TITLED_SEARCH.finditer(text)
    for matches in (_PREFIXED_SEARCH.finditer(text), groups):
        for match in matches:
            cleaned = _clean_group(match.group(1), match.start(1))
            if cleaned and not _NOT_A_GROUP.search(cleaned[1]):
                start, name = cleaned
                found.append(Discovered(start, start + len(name), name, _group_type(name)))
    found += [Discovered(m.start(1), m.end(1), m.group(1), "armed_group", faction=True) for m in factions]
    for matches in (titled, role_after, named_after_role, speaker):
        for match in matches:
            group = 1 if match.group(1) else 2
            start = match.start(group)
            name = match.group(group)
            title = _TITLE_PREFIX.match(name)
            if title:
                start, name = start + title.end(), name[title.end():]
            parts = name.split()
            while parts and parts[-1] in _NOT_NAMES:
                parts.pop()
            if len(parts) < 2 or parts[0] in _NOT_NAMES or any(p in _ORG_WORDS for p in parts):
                continue
            name = " ".join(parts)
            found.append(Discovered(start, start + len(name), name, "person"))
    return found
