"""Descriptions that name a group through its place in the KB: "ISIS's regional branch", "the Afghan wing of
the Islamic State", "Boko Haram's Islamic State-backed faction".

A description names the one armed group of the KB that belongs to the group it is built on (parent, member
or splinter, not a former one), that is tied to any other group named inside the description and fits the
description's own capitalised words (a demonym must be its country's, any other word part of its names);
where several fit, the one based in a country the sentence (or, failing that, the document) talks about.
When no single group is left, the description is not linked. A description in apposition to a name ("ISKP,
the regional affiliate of ISIS") is left alone: the name says who is meant and the apposition is a relation
between the two, and it tells what the same description means anywhere else in the text (when the name is
not a KB group, or one tied to the group the description is built on; two different names undo it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from claimgraph.kb import KnowledgeBase
from claimgraph.nlp.text import fold, fold_key

_PART = r"(?:branch|affiliate|province|wing|faction|offshoot|franchise|chapter|arm)"
_MODIFIERS = r"((?:[\w’'-]+\s+){0,3}?)"
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
_POSSESSIVE = re.compile(rf"['’]s?\s+{_MODIFIERS}{_PART}\b")
_OF_FORM = re.compile(rf"\bthe\s+{_MODIFIERS}{_PART}s?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_UNARMED = re.compile(r"\b(?:political|media|charit\w*|social|women['’]?s?|student|youth|diplomatic)\b",
                      re.IGNORECASE)
_BELONGING = ("member_of", "part_of", "splinter_of")


@dataclass(slots=True, unsafe_hash=True)  # not frozen: cheaper to build; never changed once built
class Named:
    """A mention the resolver can read: its span, entity, the country it places the text in (if any) and
    whether it names an actor other than a state (only those stand in apposition to a description)."""

    start: int
    end: int
    entity: str
    country: str | None
    non_state: bool


@dataclass(slots=True, unsafe_hash=True)  # not frozen: cheaper to build; never changed once built
class Description:
    """A description resolved to one KB group; ``covers`` are the mentions inside it that it replaces."""

    start: int
    end: int
    entity: str
    covers: tuple[Named, ...]


@dataclass(frozen=True)
class _Lookups:
    families: dict[str, list[str]]  # group → the armed groups that currently belong to it
    demonyms: dict[str, str]  # lower-cased demonym → state id
    owners: frozenset[str]  # the armed groups of ``families``: what descriptions are built on


_LOOKUPS: WeakKeyDictionary[KnowledgeBase, _Lookups] = WeakKeyDictionary()


def _lookups(kb: KnowledgeBase) -> _Lookups:
    """What descriptions are resolved with, built once per KB."""
    lookups = _LOOKUPS.get(kb)
    if lookups is None:
        families: dict[str, list[str]] = {}
        for actor in kb.actors.values():
            if actor.type != "armed_group":
                continue
            owners = {actor.parent} | {a.target for a in actor.affiliations
                                       if a.relation in _BELONGING and a.until is None}
            for owner in owners - {None, actor.id}:
                families.setdefault(owner, []).append(actor.id)
        owners = frozenset(g for g in families if g in kb.actors and kb.actors[g].type == "armed_group")
        lookups = _LOOKUPS[kb] = _Lookups(families, kb.demonyms(), owners)
    return lookups


def description_owners(kb: KnowledgeBase) -> frozenset[str]:
    """The KB's armed groups that other armed groups belong to: a text naming none of them holds no description."""
    return _lookups(kb).owners


def _tied(kb: KnowledgeBase, member: str, group: str) -> bool:
    actor = kb.actors[member]
    return actor.parent == group or any(a.target == group and a.until is None for a in actor.affiliations)


def resolve_descriptions(text: str, mentions: Sequence[Named], sentences: Iterable[tuple[int, int]],
                         kb: KnowledgeBase) -> list[Description]:
    """Every description in ``text`` built on an armed-group mention that names exactly one KB group."""
    lookups = _lookups(kb)
    ordered = sorted(mentions, key=lambda m: m.start)
    bounds = list(sentences)
    spans: list[tuple[int, int, Named]] = []
    defined: dict[str, str | None] = {}  # a description's words → the name the text puts it in apposition to
    for index, owner in enumerate(ordered):
        members = lookups.families.get(owner.entity)
        if not members or kb.actors[owner.entity].type != "armed_group":
            continue
        span = _description_span(text, owner, ordered, index)
        if span is None:
            continue
        start, end, partner = span
        if partner is None:
            spans.append((start, end, owner))
        elif partner.entity not in kb.actors or (partner.entity != owner.entity and _tied(kb, partner.entity,
                                                                                           owner.entity)):
            key = _key(text[start:end])
            defined[key] = partner.entity if defined.get(key, partner.entity) == partner.entity else None
    found: list[Description] = []
    for start, end, owner in spans:
        inside = tuple(m for m in ordered if start <= m.start and m.end <= end)
        named = defined.get(_key(text[start:end]))
        if named is not None:  # "al-Qaeda's strongest affiliate, al-Shabaab": the text said which group
            found.append(Description(start, end, named, inside))
            continue
        members = lookups.families[owner.entity]
        others = [m.entity for m in inside if m.entity != owner.entity and m.entity in kb.actors]
        words = _capitalised_words(text, start, end, [m for m in inside if m.entity in kb.actors])
        candidates = [c for c in members if all(_tied(kb, c, other) for other in others)
                      and all(_fits(kb, lookups.demonyms, c, word) for word in words)]
        if len(candidates) > 1:
            sentence = next(((s, e) for s, e in bounds if s <= start < e), (start, end))
            near = {m.country for m in ordered if sentence[0] <= m.start < sentence[1] and m.country}
            candidates = _one_in(kb, candidates, near) or _one_in(kb, candidates, _main_country(ordered))
        if len(candidates) == 1:
            found.append(Description(start, end, candidates[0], inside))
    return found


def _main_country(mentions: Sequence[Named]) -> set[str]:
    """The country the document places itself in most often (the first such on a tie), as a set."""
    return {c for c, _ in Counter(m.country for m in mentions if m.country).most_common(1)}


def _capitalised_words(text: str, start: int, end: int, actors: Sequence[Named]) -> list[str]:
    """Capitalised words of a description outside the actors it names ("Sahel", "Afghan", "Kandahar")."""
    return [w.group() for w in _CAPITALISED.finditer(text, start, end)
            if not any(a.start <= w.start() < a.end for a in actors) and w.group().lower() != "the"]


def _fits(kb: KnowledgeBase, demonyms: dict[str, str], candidate: str, word: str) -> bool:
    """A demonym must be the candidate's country's ("Afghan"), any other word part of its names ("Sahel")."""
    actor = kb.actors[candidate]
    state = demonyms.get(word.lower())
    if state is not None:
        return actor.country == kb.actors[state].name
    return any(fold(word) in fold(name).split() for name in (actor.name, *actor.aliases))


def _one_in(kb: KnowledgeBase, candidates: list[str], countries: set[str]) -> list[str]:
    """The one candidate based in one of ``countries``, as a list; empty when none or several are."""
    based = [c for c in candidates if kb.actors[c].country in countries]
    return based if len(based) == 1 else []


def _ends_with_of(stretch: str) -> bool:
    """Whether ``stretch`` ends with "of " or "of the ", as every ``_OF_FORM`` match does: a cheap test first."""
    words = stretch.lower().split() if stretch[-1:].isspace() else []
    return words[-1:] == ["of"] or words[-2:] == ["of", "the"]


def _key(description: str) -> str:
    """What two wordings of one description share: folded, spaces collapsed, without an opening "the"."""
    key = fold_key(description)
    return key[4:] if key.startswith("the ") else key


def _description_span(text: str, owner: Named, ordered: Sequence[Named],
                      index: int) -> tuple[int, int, Named | None] | None:
    """The span of "<owner>'s … branch" or "the … branch of <owner>", with the name it stands in apposition to."""
    after = _POSSESSIVE.match(text, owner.end)
    window = max(0, owner.start - 60)
    before = None if after or not _ends_with_of(text[window:owner.start]) else _OF_FORM.search(
        text, window, owner.start)
    found = after or before
    if found is None or _UNARMED.search(found.group(1)):
        return None  # "Hamas's political wing" is not one of its armed groups
    start, end = (owner.start, found.end()) if after else (found.start(), owner.end)
    previous = next((m for m in reversed(ordered[:index]) if m.end <= start), None)
    following = next((m for m in ordered[index + 1:] if m.start >= end), None)
    if previous is not None and previous.non_state and re.fullmatch(r"[\s)]*,\s*", text[previous.end:start]):
        return start, end, previous
    if following is not None and following.non_state and re.fullmatch(r"\s*[,(]\s*(?:the\s+)?",
                                                                       text[end:following.start]):
        return start, end, following
    return start, end, None
