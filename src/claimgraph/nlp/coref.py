"""Light coreference: "the group", "the outfit", "it", "its", "both groups", "he", "the former" → their antecedent."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from claimgraph.nlp.keywords import KeywordPattern, openings

_GROUP_NOUNS = (r"group|outfit|organi[sz]ation|militant group|terror(?:ist)? group|jihadist group|militant outfit|"
                r"terror outfit|militants|insurgents|network|faction|movement")
# Reference phrases by kind; the kinds never overlap, so one pass over the text with one alternative per kind
# finds what each pattern alone would. Every phrase opens with one of the letters b, t, i, h, s.
_KINDS: tuple[tuple[str, str], ...] = (
    ("pair", r"(?:both groups|the two groups|both outfits|both sides)\b(?!\s+of\b)"),
    ("group", rf"(?:the|this|that)\s+(?:{_GROUP_NOUNS})\b"),
    ("it", r"(?:it|its)\b(?!\s+kind\b)(?!\s+(?:is|was|has been|seems|appears|remains|would be)\s+"
           r"(?!believed|said|reported|suspected|accused|alleged|thought|known))"
           # "It is believed that …", "It remains unclear whether …": an "it" that only announces a clause
           r"(?!\s+(?:is|was|has been|had been|seems|seemed|appears|appeared|remains|remained)\s+(?:\w+ly\s+)?"
           r"(?:\w+ed|said|thought|known|unclear|clear|likely|unlikely|possible|true|false|evident)"
           r"(?:\s+by\s+[^,;.]{1,60}?)?\s+(?:that|whether|if)\b)"),
    ("person", r"(?:he|his|she|her)\b"),
    ("former", r"the\s+(?:former|latter)\b(?=\s*[,;.]|\s+(?:is|are|was|were|has|have|had|will|would|could|may|might|"
               r"also|later|then|did|does|not|never|\w+ed)\b)"),
)
_REFERENCE = re.compile(r"\b(?=[bthis])(?:" + "|".join(f"(?P<{kind}>{source})" for kind, source in _KINDS) + ")", re.I)
# every phrase opens a word with one of these: the regex is tried only there, not at every character of the text
_REFERENCE_SEARCH = KeywordPattern(_REFERENCE, ("both", "the", "this", "that", "it", "he", "his", "she"),
                                   word_start=True, opens_match=True)
# "… denied sheltering the group": a description in its own clause is not that clause's subject; these words
# (and punctuation) open another clause
_CLAUSE_BREAK = re.compile(r"[.,;:!?()—–]|\b(?:that|which|who|whom|whose|when|while|after|before|because|since|as|but|"
                           r"and|or|if|until|said|says|told|added|claimed|according)\b|['’]s?\s", re.I)
# "The group, which is the Taliban's main rival, …": an actor named in the description's own modifier is another
_OWN_MODIFIER = re.compile(r"\s*,\s*(?:which|who|whose|a|an|the)\b[^,;.]*", re.I)
# "X is allied with Y": after a copula these words state a relation, and Y is an antecedent like any other
_PREDICATIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|remains?|remained|became|become|becomes)\s+(?:\w+ly\s+)?"
                          r"\w+\s+(?:to|with)\s+(?:the\s+)?(?:both\s+)?$", re.I)
# a speaker described, not named, right before "it": "the army said it", "a spokesman added that it" ("the
# group said it" is a reference itself, resolved like "it")
_UNNAMED_SPEAKER = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*\s+){0,2}?(?!(?:group|outfit|organi[sz]ation|"
                              r"militants|insurgents|network|faction|movement)\b)[a-z][\w-]*\s+(?:said|says|added|"
                              r"claimed|claims|announced|stated|insisted|reported)\s+(?:that\s+)?$")
# "in Mali", "Krasnogorsk, Russia": a state named as a place
_LOCATIVE = re.compile(r"(?:\b(?:in|inside|across|throughout|within)|\b(?-i:[A-Z])[\w-]+,)\s+$", re.I)
_OBJECT_IT = re.compile(r"\b(?:with|against|to|on|for|from|by|at|towards)\s+$", re.I)
_TERRITORY = re.compile(r"\s+(?:own\s+)?(?:territory|soil|land|borders?|airspace|cities|citizens|people|government)\b",
                        re.I)
_COMBATANTS = re.compile(r"\s+(?:fighters|militants|gunmen|cadres|commanders|suicide bombers|mujahideen)\b", re.I)
# "claimed by its rival", "his backers", "and its client organisation": another actor than the antecedent
_ANOTHER_ACTOR = re.compile(r"\s+(?:own\s+|main\s+|chief\s+|arch-?)?(?:rivals?|enem(?:y|ies)|all(?:y|ies)|"
                            r"adversar(?:y|ies)|foes?|patrons?|sponsors?|backers?|opponents?|competitors?|clients?|"
                            r"prox(?:y|ies)|offshoots?|splinters?|affiliates?|branch(?:es)?|franchises?)\b", re.I)
# the words before a name that only qualifies another noun: "a group affiliated with al-Qaeda", "insurgents linked
# to both"; that group, not the name, is the one that acts ("… said it had killed 20")
_QUALIFYING = "affiliated|linked|loyal|aligned|associated|tied|allied|connected|belonging"
QUALIFIER = KeywordPattern(re.compile(rf"\b(?=[abclt])(?:{_QUALIFYING})\s+(?:to|with)\s+(?:the\s+)?(?:both\s+)?$",
                                      re.IGNORECASE), openings(_QUALIFYING), word_start=True, opens_match=True)
# "ISKP, the regional affiliate of ISIS": a group named only as what another belongs to is not an antecedent either
_BELONGS_TO = re.compile(r"\b(?:branch|affiliate|province|wing|faction|offshoot|franchise|chapter|arm|splinter|"
                         r"subsidiary)s?\s+of\s+(?:the\s+)?$", re.IGNORECASE)


_ORG_TYPES = frozenset({"armed_group", "state_agency", "political_party", "international_org", "state"})
_WANTED: dict[str, Callable[[str], bool]] = {
    "pair": lambda t: t == "armed_group",
    "group": lambda t: t == "armed_group",
    "it": lambda t: t in _ORG_TYPES,
    "person": lambda t: t == "person",
    "state": lambda t: t == "state",
    "former": lambda t: t in _ORG_TYPES or t == "person",
}


@dataclass(slots=True, unsafe_hash=True)  # not frozen: cheaper to build; never changed once built
class Antecedent:
    """An actor mention a pronoun can point to."""

    start: int
    end: int
    entity: str
    type: str
    text: str


@dataclass(slots=True, unsafe_hash=True)  # not frozen: cheaper to build; never changed once built
class Reference:
    """A pronoun or definite description resolved to one or two actors (``both groups``)."""

    start: int
    end: int
    text: str
    ids: tuple[str, ...]
    antecedent: str


def resolve_references(text: str, window_start: Callable[[int], int], antecedents: Sequence[Antecedent],
                       taken: Callable[[int, int], bool],
                       previous_sentence: Callable[[int], tuple[int, int] | None] = lambda _: None) -> list[Reference]:
    """Resolve references in ``text`` to the nearest earlier antecedent of a fitting type.

    ``window_start(pos)`` gives the earliest offset an antecedent may start at (a few sentences back);
    ``taken(start, end)`` tells whether a span is already a mention; ``previous_sentence(pos)`` gives the span
    of the sentence before when ``pos`` opens a sentence: a sentence-initial "It" or "The group" continues
    that sentence's first fitting actor, its subject ("The team released a report. It stated …").
    """
    references: list[Reference] = []
    ordered = sorted(antecedents, key=lambda a: a.start)
    all_starts = [a.start for a in ordered]
    pools: dict[str, tuple[list[int], list[Antecedent]]] = {}  # by wanted type: the fitting antecedents, in order
    by_kind: dict[str, list[re.Match[str]]] = {kind: [] for kind, _ in _KINDS}
    for match in _REFERENCE_SEARCH.finditer(text):
        by_kind[match.lastgroup or ""].append(match)
    for kind, matches in by_kind.items():
        for match in matches:
            if taken(match.start(), match.end()) or (kind in ("it", "person") and _ANOTHER_ACTOR.match(
                    text, match.end())):
                continue
            if kind == "it" and _UNNAMED_SPEAKER.search(text, max(0, match.start() - 50), match.start()):
                continue  # "the army said it had killed 23 militants": the army, which names no KB actor
            earliest = window_start(match.start())
            found: list[Antecedent] = []
            # "ISKP is locked in rivalry with it": an object pronoun is not its own clause's subject
            skip_nearest = kind == "it" and bool(_OBJECT_IT.search(text, max(0, match.start() - 12), match.start()))
            wanted = kind
            if kind == "it" and _TERRITORY.match(text, match.end()):
                wanted = "state"
            elif kind == "it" and _COMBATANTS.match(text, match.end()):
                wanted = "group"  # "its fighters" are an armed group's
            pool = pools.get(wanted)
            if pool is None:
                fitting = [a for a in ordered if _WANTED[wanted](a.type)]
                pool = pools[wanted] = ([a.start for a in fitting], fitting)
            starts, fitting = pool
            modifier = _OWN_MODIFIER.match(text, match.end()) if kind in ("it", "group") else None
            others = {a.entity for a in ordered if modifier and match.end() <= a.start and a.end <= modifier.end()}
            # the actors named between an antecedent and the reference ("… sending troops into Somalia to fight the
            # group"): the reference may then sit in another clause than the antecedent's
            nearby = ordered[bisect.bisect_left(all_starts, max(0, match.start() - 300)):
                             bisect.bisect_left(all_starts, match.start())] if kind == "group" else []
            # antecedents that start at or after the reference cannot precede it: start below them
            for candidate in reversed(fitting[:bisect.bisect_left(starts, match.start())]):
                if candidate.start < earliest:
                    break
                if candidate.end > match.start() or candidate.entity in others:
                    continue
                if wanted == "it" and candidate.type == "state" and _LOCATIVE.search(
                        text, max(0, candidate.start - 30), candidate.start):
                    continue  # "the actions of Wagner in Mali and its crimes": a state named as a place
                if kind == "group" and not _CLAUSE_BREAK.search(text, candidate.end, match.start()) and not any(
                        candidate.end <= a.start < match.start() for a in nearby):
                    others.add(candidate.entity)  # nor is it named again a sentence earlier
                    continue
                if all(candidate.entity != f.entity for f in found) and not (
                        kind != "person" and _qualified(text, _named_from(text, candidate, ordered, all_starts))):
                    if skip_nearest:
                        skip_nearest = False
                        continue
                    found.append(candidate)
                    if kind not in ("pair", "former") or len(found) == 2:
                        break
            previous = previous_sentence(match.start()) if kind in ("it", "group") else None
            if previous is not None:
                subject = next((a for a in fitting[bisect.bisect_left(starts, previous[0]):]
                                if a.end <= previous[1] and a.entity not in others), None)
                found = [subject] if subject is not None else found
            if kind in ("pair", "former") and len(found) < 2:
                continue
            if kind == "former":  # the first or the last of the two actors named last
                found = found[1:] if match.group().lower().endswith("former") else found[:1]
            if found:
                ids = tuple(f.entity for f in reversed(found))
                references.append(Reference(match.start(), match.end(), match.group(), ids,
                                            " and ".join(f.text for f in reversed(found))))
    return references


def _named_from(text: str, candidate: Antecedent, ordered: Sequence[Antecedent], starts: Sequence[int]) -> int:
    """Where the name that ``candidate`` repeats begins: at "Syrian Democratic Forces" for "… Forces (SDF)"."""
    index = bisect.bisect_left(starts, candidate.start)
    if index > 0:
        before = ordered[index - 1]
        if before.entity == candidate.entity and text[before.end:candidate.start].strip() == "(":
            return before.start
    return candidate.start


def _qualified(text: str, start: int) -> bool:
    """Whether the name at ``start`` only qualifies another noun ("a faction affiliated with ISIS", "the regional
    affiliate of ISIS") rather than being stated as related after a copula ("is allied with ISIS")."""
    if QUALIFIER.search(text, max(0, start - 30), start) and not _PREDICATIVE.search(text, max(0, start - 40), start):
        return True
    before = text[max(0, start - 8):start].lower()  # every ``_BELONGS_TO`` match ends so: a cheap test first
    return before.endswith(("of ", "of the ")) and bool(_BELONGS_TO.search(text, max(0, start - 40), start))
