"""Attack events: one per incident, with date, place, perpetrators kept apart from claimants, and tolls.

A sentence opens an event when it names an attack and a place or a date; a later sentence that only refers
back to it ("the attack", "the blast") adds the details it gives. Distinct places or years are never merged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimgraph.extract.cues import is_hedged
from claimgraph.extract.relations import Unit, as_used, build_units
from claimgraph.model import Speaker
from claimgraph.nlp.annotate import AnnotatedDoc, EntityInfo, Mention
from claimgraph.nlp.casualties import ATTACKERS_KILLED, KILLED, WOUNDED, find_casualties
from claimgraph.nlp.dates import find_dates
from claimgraph.nlp.linker import reads_as_place
from claimgraph.nlp.sentences import Sentence

_ATTACK_NOUN = re.compile(
    r"\b(?:(?:suicide|terror(?:ist)?|militant|bomb|gun|grenade|rocket|drone|missile|mortar|IED|car bomb|"
    r"truck bomb)\s+)?(?:attacks?|bombings?|blasts?|explosions?|ambush(?:es)?|shootings?|massacres?|assaults?|"
    r"air ?strikes?|drone strikes?|missile strikes?|strikes?|hijackings?|siege|carnage|explosive device|"
    r"car bomb|suicide bomber|raid|shelling|killings?)\b", re.IGNORECASE)
_ATTACK_VERB = re.compile(
    r"\b(?:attacked|attacking|bombed|ambushed|stormed|targeted|targeting|struck|killed|killing|hijacked|"
    r"massacred|shot dead|gunned down|opened fire|blew up|detonated|raided|hit|shelled|launched|carried out|"
    r"stabbed|abducted|beheaded|executed|set off|rammed)\b", re.IGNORECASE)
_CLAIM = re.compile(
    r"\b(?:claimed|claims|claim|claiming|took|takes|taken|accepted|accepts|owned)\s+(?:\w+\s+){0,2}"
    r"(?:responsibility|credit|ownership)\b|\bclaimed\s+(?:the|this|that|both|two)\s+(?:\w+\s+){0,2}"
    r"(?:attacks?|bombings?|blasts?|assaults?|strikes?|killings?|operations?)\b", re.IGNORECASE)
_CLAIM_BY = re.compile(r"\b(?:claimed|claim(?:ed)? of responsibility)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_PERPETRATOR_AFTER = re.compile(
    r"\b(?:by|of|from)\s+(?:the\s+)?(?:(?:banned|outlawed|proscribed|militant|terrorist|terror|jihadist|"
    r"armed|suspected|alleged)\s+)*(?:\w+\s+)?$", re.IGNORECASE)
_BLAMED_ON = re.compile(r"\b(?:blamed|pinned)\s+(?:\w+\s+){0,3}on\s+(?:the\s+)?$|\battributed\s+(?:\w+\s+){0,3}"
                        r"to\s+(?:the\s+)?$", re.IGNORECASE)
_TARGET_AFTER = re.compile(r"\s*(?:\w+\s+){0,3}?(?:on|against|targeting|at)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
                           re.IGNORECASE)
_ANAPHOR = re.compile(r"\b(?:the|this|that|its|their)\s+(?:\w+\s+)?(?:attack|bombing|blast|explosion|assault|"
                      r"ambush|strike|incident|massacre|hijacking|shooting|raid|carnage|siege)\b", re.IGNORECASE)
_NEGATED_ATTACK = re.compile(r"\b(?:never|not|no)\s+(?:\w+\s+){0,2}(?:attacked|targeted|struck|carried out|"
                             r"launched|mounted)\b", re.IGNORECASE)
_GENERIC = re.compile(r"\b(?:attacks|bombings|strikes)\s+(?:have|has)\s+(?:\w+\s+)?(?:increased|risen|grown|"
                      r"declined|fallen|surged)", re.IGNORECASE)
_OPERATION = re.compile(r"\b(?:operation|raid|encounter|rescue|crackdown|clearance operation)\b", re.IGNORECASE)
_PERPETRATOR_TYPES = frozenset({"armed_group", "state", "state_agency", "person", "political_party"})
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@dataclass
class EventDraft:
    """An event being assembled from one or more sentences."""

    sentence: Sentence
    kind: str = "attack"
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None  # entity id (place or state)
    perpetrators: list[str] = field(default_factory=list)
    claimed_by: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    killed: int | None = None
    wounded: int | None = None
    casualty_text: str | None = None
    hedged: bool = False
    asserted_by: Speaker | None = None  # None: the author


def reference_date(doc: AnnotatedDoc) -> dt.date | None:
    """The publication date, or else the latest year stated in the text (an article speaks of its present)."""
    if doc.document.published:
        try:
            return dt.date.fromisoformat(doc.document.published[:10])
        except ValueError:
            pass
    years = [int(y) for y in _YEAR.findall(doc.text) if int(y) <= dt.date.today().year]
    return dt.date(max(years), 12, 31) if years else None


def _units_before(units: Sequence[Unit], offset: int) -> list[Unit]:
    return [u for u in units if u.end <= offset]


def _actors(units: Sequence[Unit], entities: dict[str, EntityInfo], types: frozenset[str]) -> list[str]:
    return [e for u in units for e in u.ids if entities[e].kind == "actor" and entities[e].type in types]


def _claimants(text: str, units: Sequence[Unit], sentence: Sentence, entities: dict[str, EntityInfo]) -> list[str]:
    found: list[str] = []
    for claim in _CLAIM.finditer(text, sentence.start, sentence.end):
        before = [u for u in _units_before(units, claim.start()) if u.kind == "actor"]
        if before and claim.start() - before[-1].end <= 60 and not re.search(r"[;.]", text[before[-1].end:
                                                                                               claim.start()]):
            found += _actors([before[-1]], entities, _PERPETRATOR_TYPES)
    for unit in units:
        if unit.kind == "actor" and _CLAIM_BY.search(text[max(sentence.start, unit.start - 40):unit.start]):
            found += _actors([unit], entities, _PERPETRATOR_TYPES)
    return list(dict.fromkeys(found))


def _perpetrators(text: str, units: Sequence[Unit], sentence: Sentence,
                  entities: dict[str, EntityInfo]) -> tuple[list[str], list[str]]:
    """Actors the sentence says carried out the attack, and the actors it says were attacked."""
    perpetrators: list[str] = []
    targets: list[str] = []
    actor_units = [u for u in units if u.kind == "actor"]
    for index, unit in enumerate(actor_units):
        after = text[unit.end:min(sentence.end, unit.end + 70)]
        verb = _ATTACK_VERB.search(after)
        next_start = actor_units[index + 1].start if index + 1 < len(actor_units) else sentence.end
        if verb and unit.end + verb.start() < next_start and not re.search(r"[;,]\s+(?:which|who|that)\b",
                                                                          after[:verb.start()]):
            if not re.search(r"\b(?:by|on|against|in)\s*$", text[max(0, unit.start - 8):unit.start]):
                perpetrators += _actors([unit], entities, _PERPETRATOR_TYPES)
        before = text[max(sentence.start, unit.start - 60):unit.start]
        if (_PERPETRATOR_AFTER.search(before) and _ATTACK_NOUN.search(before)) or _BLAMED_ON.search(before):
            perpetrators += _actors([unit], entities, _PERPETRATOR_TYPES)
        elif index > 0 and _TARGET_AFTER.match(text, actor_units[index - 1].end, unit.start) and (
                _ATTACK_VERB.search(text, actor_units[index - 1].end, unit.start)
                or _ATTACK_NOUN.search(text, actor_units[index - 1].end, unit.start)):
            targets += [e for e in unit.ids if entities[e].kind == "actor"]
    perpetrators = list(dict.fromkeys(perpetrators))
    targets = [t for t in dict.fromkeys(targets) if t not in perpetrators]
    return perpetrators, targets


def _place(doc: AnnotatedDoc, mentions: Sequence[Mention], entities: dict[str, EntityInfo]) -> str | None:
    """The most specific place the sentence names (a state counts when used as a place: "in Pakistan")."""
    candidates = [m for m in mentions if m.kind == "place" and m.via is None]
    candidates += [m for m in mentions if m.kind == "actor" and entities[m.entity].type == "state"
                   and m.via is None and reads_as_place(doc.text, m.start)]
    if not candidates:
        return None
    return max(candidates, key=lambda m: (entities[m.entity].admin_level or (0 if m.kind == "actor" else 1),
                                          -m.start)).entity


def draft_events(doc: AnnotatedDoc, speakers: dict[int, Speaker | None]) -> list[EventDraft]:
    """Event drafts of the document, merged across the sentences that describe the same incident."""
    text = doc.text
    reference = reference_date(doc)
    events: list[EventDraft] = []
    for sentence in doc.sentences:
        has_noun = _ATTACK_NOUN.search(sentence.text)
        casualties = find_casualties(sentence.text)
        victims = [c for c in casualties if c.kind in (KILLED, WOUNDED)]
        if not has_noun and not victims:
            continue
        if _NEGATED_ATTACK.search(sentence.text) or _GENERIC.search(sentence.text):
            continue
        mentions = doc.mentions_in(sentence.start, sentence.end)
        units = build_units(text, as_used(text, mentions, doc.entities))
        place = _place(doc, mentions, doc.entities)
        dates = find_dates(sentence.text, reference)
        claimants = _claimants(text, units, sentence, doc.entities)
        perpetrators, targets = _perpetrators(text, units, sentence, doc.entities)
        killed = next((c for c in victims if c.kind == KILLED), None)
        wounded = next((c for c in victims if c.kind == WOUNDED), None)
        draft = EventDraft(sentence, place=place, claimed_by=claimants, perpetrators=perpetrators,
                           targets=targets, killed=killed.count if killed else None,
                           wounded=wounded.count if wounded else None,
                           casualty_text=killed.phrase if killed and killed.count is None else None,
                           hedged=is_hedged(sentence.text), asserted_by=speakers.get(sentence.index))
        if dates:
            draft.date, draft.date_precision = dates[0].value, dates[0].precision
        only_attackers = casualties and all(c.kind == ATTACKERS_KILLED for c in casualties)
        if only_attackers and _OPERATION.search(sentence.text):
            draft.kind = "security_operation"
        target = _merge_target(events, draft, doc)
        if target is not None:
            _merge(target, draft)
        elif place or draft.date:
            if not has_noun and not (perpetrators or claimants):
                continue
            events.append(draft)
    for event in events:
        if not event.perpetrators and len(event.claimed_by) == 1:
            event.perpetrators = list(event.claimed_by)
    return events


def _compatible_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    common = min(len(a), len(b))
    return a[:common] == b[:common]


def _merge_target(events: Sequence[EventDraft], draft: EventDraft, doc: AnnotatedDoc) -> EventDraft | None:
    if not events:
        return None
    last = events[-1]
    refers_back = bool(_ANAPHOR.search(draft.sentence.text)) and draft.sentence.index - last.sentence.index <= 3
    if draft.place is None and draft.date is None:
        return last if refers_back else None
    for event in reversed(events):
        same_place = draft.place is not None and event.place == draft.place
        if same_place and _compatible_dates(event.date, draft.date) and (
                event.date is None or draft.date is None or event.date == draft.date or refers_back
                or len(event.date) != len(draft.date)):
            return event
    if refers_back and draft.place in (None, last.place) and _compatible_dates(last.date, draft.date):
        return last
    return None


def _merge(event: EventDraft, draft: EventDraft) -> None:
    for name in ("date", "date_precision", "place", "killed", "wounded", "casualty_text"):
        if getattr(event, name) is None and getattr(draft, name) is not None:
            setattr(event, name, getattr(draft, name))
    if event.date and draft.date and len(draft.date) > len(event.date) and draft.date.startswith(event.date):
        event.date, event.date_precision = draft.date, draft.date_precision
    event.claimed_by = list(dict.fromkeys(event.claimed_by + draft.claimed_by))
    event.perpetrators = list(dict.fromkeys(event.perpetrators + draft.perpetrators))
    event.targets = list(dict.fromkeys(event.targets + draft.targets))
