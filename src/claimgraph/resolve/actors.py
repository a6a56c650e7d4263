"""The same discovered actor across documents: map an extraction's ``new:`` ids onto the store's.

KB actors already carry stable ids. An actor the extractor discovered gets a ``new:<slug>`` id from its
own spelling, so "Tehreek-e-Foo" and "Tehrik-i-Foo" would become two actors. Before an extraction is
stored, each ``new:`` actor is matched against the ``new:`` actors already known, by normalised name
(case, diacritics, hyphens, apostrophes, possessive, a leading "the", the izafa "-e-"/"-i-", doubled
vowels of transliteration) and then by rapidfuzz ``token_sort_ratio`` ≥ 92 between actors of the same
type; a match takes the known id and name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from claimgraph.model import ActorRecord, Claim, Event, Extraction, Speaker
from claimgraph.store import Store

FUZZY_THRESHOLD = 92
NEW_PREFIX = "new:"
_POSSESSIVE = re.compile(r"(?<=\w)['’ʼ`]s\b")
_APOSTROPHES = re.compile(r"['’‘ʼ`´]")
_NON_WORD = re.compile(r"[\W_]+")
_IZAFA = frozenset({"e", "i"})  # the linking vowel of "Tehrik-i-Taliban" / "Tehreek-e-Taliban"
_VOWELS = (("ee", "i"), ("oo", "u"), ("aa", "a"))  # transliterated long vowels: Tehreek/Tehrik, Jamaat/Jamat


def normalize_name(name: str) -> str:
    """Fold a name for matching: case, diacritics, punctuation, possessive 's, a leading "the", the izafa
    -e-/-i- and doubled vowels of transliteration (ee→i, oo→u, aa→a)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _APOSTROPHES.sub("", _POSSESSIVE.sub("", text))
    words = _NON_WORD.sub(" ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    text = " ".join(w for w in words if w not in _IZAFA)
    for long, short in _VOWELS:
        text = text.replace(long, short)
    return text


@dataclass(frozen=True)
class KnownActor:
    """A discovered actor already in the store."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()


class ActorResolver:
    """Matches discovered actors of new extractions against those seen before; learns as it goes."""

    def __init__(self, known: Iterable[KnownActor] = ()) -> None:
        self._actors: dict[str, KnownActor] = {}
        self._exact: dict[tuple[str, str], str] = {}  # (type, normalised name) → id
        self._names: dict[str, list[tuple[str, str]]] = {}  # type → [(normalised name, id)]
        for actor in known:
            self._learn(actor)

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, object]]) -> ActorResolver:
        """From actor dicts as ``Store.actors(origin="new")`` returns them."""
        return cls(
            KnownActor(str(r["id"]), str(r["name"]), str(r["type"]), tuple(r.get("aliases") or ())) for r in rows
        )

    def _learn(self, actor: KnownActor) -> None:
        current = self._actors.get(actor.id)
        if current is not None:
            actor = KnownActor(current.id, current.name, current.type, (*current.aliases, actor.name, *actor.aliases))
        self._actors[actor.id] = actor
        for name in (actor.name, *actor.aliases):
            key = normalize_name(name)
            if key and (actor.type, key) not in self._exact:
                self._exact[(actor.type, key)] = actor.id
                self._names.setdefault(actor.type, []).append((key, actor.id))

    def match(self, record: ActorRecord) -> KnownActor | None:
        """The known actor a discovered one is, or None (KB actors never match)."""
        if not record.id.startswith(NEW_PREFIX):
            return None
        if record.id in self._actors:
            return self._actors[record.id]
        keys = [k for k in (normalize_name(n) for n in (record.name, *record.aliases)) if k]
        for key in keys:
            found = self._exact.get((record.type, key))
            if found is not None:
                return self._actors[found]
        candidates = self._names.get(record.type, [])
        best: tuple[float, str] | None = None
        for key in keys:
            hit = process.extractOne(
                key,
                [name for name, _ in candidates],
                scorer=fuzz.token_sort_ratio,
                score_cutoff=FUZZY_THRESHOLD,
            )
            if hit is not None and (best is None or hit[1] > best[0]):
                best = (hit[1], candidates[hit[2]][1])
        return self._actors[best[1]] if best else None

    def resolve(self, extraction: Extraction) -> Extraction:
        """The extraction with its discovered actors renamed to the ids (and names) already known."""
        mapping: dict[str, KnownActor] = {}
        for record in extraction.actors:
            known = self.match(record)
            if known is not None and known.id != record.id:
                mapping[record.id] = known
        if not mapping:
            return extraction
        return rename_actors(extraction, mapping)

    def learn(self, extraction: Extraction) -> None:
        """Remember the discovered actors of a stored extraction for the next ones."""
        for record in extraction.actors:
            if record.id.startswith(NEW_PREFIX):
                self._learn(KnownActor(record.id, record.name, record.type, tuple(record.aliases)))


def rename_actors(extraction: Extraction, mapping: Mapping[str, KnownActor]) -> Extraction:
    """A copy of ``extraction`` where every id in ``mapping`` is replaced by the known actor's id.

    Records that end up with the same id are merged (mentions in text order); the earlier spelling is
    kept as an alias.
    """
    actors: dict[str, ActorRecord] = {}
    for record in extraction.actors:
        known = mapping.get(record.id)
        if known is not None:
            aliases = [a for a in dict.fromkeys((*record.aliases, record.name)) if a != known.name]
            record = replace(record, id=known.id, name=known.name, aliases=aliases)
        merged = actors.get(record.id)
        if merged is None:
            actors[record.id] = record
            continue
        mentions = sorted({*merged.mentions, *record.mentions}, key=lambda m: (m.start, m.end))
        aliases = [a for a in dict.fromkeys((*merged.aliases, record.name, *record.aliases)) if a != merged.name]
        actors[record.id] = replace(merged, mentions=mentions, aliases=aliases)

    def ids(values: list[str]) -> list[str]:
        return list(dict.fromkeys(mapping[v].id if v in mapping else v for v in values))

    def speaker(value: Speaker) -> Speaker:
        return Speaker(mapping[value.id].id, value.name) if value.id in mapping else value

    def claim(c: Claim) -> Claim:
        subject = mapping[c.subject].id if c.subject in mapping else c.subject
        obj = mapping[c.object].id if c.object in mapping else c.object
        return replace(c, subject=subject, object=obj, asserted_by=speaker(c.asserted_by))

    def event(e: Event) -> Event:
        return replace(
            e,
            perpetrators=ids(e.perpetrators),
            claimed_by=ids(e.claimed_by),
            targets=ids(e.targets),
            asserted_by=speaker(e.asserted_by),
        )

    return replace(
        extraction,
        actors=list(actors.values()),
        claims=[claim(c) for c in extraction.claims],
        events=[event(e) for e in extraction.events],
    )


def resolver_for(store: Store) -> ActorResolver:
    """A resolver that knows the discovered actors already in ``store``."""
    return ActorResolver.from_rows(store.actors(origin="new"))
