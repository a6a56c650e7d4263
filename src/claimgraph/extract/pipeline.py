"""The extractor's entry point: Document → Extraction (actors, places, events, claims with evidence)."""

from __future__ import annotations

import datetime as dt
import re

from claimgraph.extract import events, relations
from claimgraph.extract.attribution import Attribution, attributions, credit_publisher, report_publisher, speaker_of
from claimgraph.extract.cues import in_denying_frame, is_denial, is_dismissed, is_hedged, is_negated
from claimgraph.extract.events import (
    ATTACK_CLAIM,
    EventDraft,
    draft_events,
    inferred_year,
    reference_date,
    sentence_dates,
)
from claimgraph.extract.relations import Candidate, candidates, sentence_units
from claimgraph.kb import KnowledgeBase, builtin_kb
from claimgraph.model import AUTHOR_SPEAKER, Claim, Document, Event, EventPlace, Extraction, Span, Speaker, short_hash
from claimgraph.nlp import AnnotatedDoc, annotate
from claimgraph.nlp.keywords import forget_texts as forget_keyword_readings
from claimgraph.nlp.sentences import Sentence

EXTRACTOR = "claimgraph-rules/0.1"


def forget_texts() -> None:
    """Forget what the extractor keeps about texts it has read (the trigger words of the stretches between two
    names, the dates of sentences, the keyword readings of texts), so that it reads every text as new. The
    answers never depend on it: a long-running process may call it to free that memory, and the speed benchmark
    calls it before each pass, so that no pass over a corpus profits from having read the same texts before."""
    relations.forget_texts()
    events.forget_texts()
    forget_keyword_readings()


_TIME_LEAD = re.compile(r"\b(?:in|since|by|from|until|during|on|as of|after|before)\s+(?:early\s+|late\s+|mid-)?$",
                        re.IGNORECASE)
_SELF_CLAIM = re.compile(r"\bclaim(?:s|ed)?\s+to\s+(?:have\s+)?", re.IGNORECASE)
_FORMER = re.compile(r"\b(?:former|ex-|erstwhile|once|previously)\b", re.IGNORECASE)

_RELATIVE = re.compile(r"\b(?:which|that)\b")
_ACTOR_OBJECTS = frozenset({"supports", "allied_with", "rival_of", "member_of", "splinter_of", "leads"})

def extract_document(doc: Document, kb: KnowledgeBase | None = None) -> Extraction:
    """Extract actors, places, attack events and relation claims from one document."""
    annotated = annotate(doc, kb or builtin_kb())
    published = reference_date(annotated)
    year = None if published else inferred_year(annotated)
    claims: list[Claim] = []
    text, entities = doc.text, annotated.entities
    publisher = report_publisher(text, annotated.mentions, entities)
    in_sentence = [annotated.mentions_in(sentence.start, sentence.end) for sentence in annotated.sentences]
    units = [sentence_units(text, mentions, entities) if mentions else [] for mentions in in_sentence]
    attributed: dict[int, list[Attribution]] = {}

    def reported(index: int) -> list[Attribution]:  # read once, and only for sentences with claims or events
        found = attributed.get(index)
        if found is None:
            mentions = in_sentence[index]
            found = attributed[index] = credit_publisher(attributions(
                text, annotated.sentences[index], mentions, entities), publisher) if mentions else []
        return found

    def first_speaker(sentence: Sentence) -> Speaker | None:
        found = reported(sentence.index)
        return found[0].speaker if found else None

    for sentence, mentions, its_units in zip(annotated.sentences, in_sentence, units, strict=True):
        found = candidates(text, sentence.start, sentence.end, mentions, entities, its_units) if mentions else []
        if not found:
            continue
        time = _time_qualifier(sentence.text, published, year)
        evidence = Span(sentence.start, sentence.end, sentence.text)
        said = reported(sentence.index)
        seen: set[tuple[str, str, str]] = set()
        for candidate in found:
            key = (candidate.subject, candidate.relation, candidate.object)
            if key in seen:
                continue
            seen.add(key)
            claims.append(_claim(annotated, candidate, speaker_of(candidate.start, candidate.end, said), evidence,
                                 time))
    events = _unique_ids([_event(annotated, draft) for draft in draft_events(annotated, first_speaker, units)])
    claims += [_responsibility_claim(annotated, event, claimant) for event in events for claimant in event.claimed_by]
    # a state named only as a place acts when it is a claim's subject or what another actor joins or backs
    acting = {c.subject for c in claims} | {c.object for c in claims if c.relation in _ACTOR_OBJECTS} | {
        actor for event in events for actor in (*event.perpetrators, *event.claimed_by)}
    return Extraction(document=doc, actors=annotated.actor_records(acting), places=annotated.place_records(acting),
                      events=events, claims=claims)


def _time_qualifier(sentence: str, published: dt.date | None, year: int | None) -> str | None:
    for mention in sentence_dates(sentence, published, year):
        if _TIME_LEAD.search(sentence[max(0, mention.start - 16):mention.start]):
            return mention.value
    return None


def _claim(doc: AnnotatedDoc, candidate: Candidate, attribution: Attribution | None, evidence: Span,
           time: str | None) -> Claim:
    text = doc.text
    before = text[max(evidence.start, candidate.start - 30):candidate.start]
    speaker = attribution.speaker if attribution else AUTHOR_SPEAKER
    opening = text[evidence.start:candidate.start]  # the sentence up to the relation
    negated = (is_negated(candidate.link) or bool(attribution and attribution.denial) or in_denying_frame(opening)
               or is_dismissed(opening, text[candidate.end:evidence.end]))
    subject_info = doc.entities[candidate.subject]
    self_claim = bool(_SELF_CLAIM.search(candidate.link))
    if is_denial(candidate.link):
        denier = doc.entities[_named_first(doc, candidate)]
        speaker = Speaker(denier.id, denier.name)
    elif self_claim or (candidate.relation == "attacks" and _claims_own_attack(text, evidence, candidate)):
        speaker = Speaker(subject_info.id, subject_info.name)  # the group asserts its own act
    hedged = is_hedged(candidate.link, before) or bool(attribution and attribution.hedged) or self_claim
    if candidate.relation in ("member_of", "leads") and _FORMER.search(before + candidate.link):
        time = "former"
    confidence = 0.8 - (0.2 if hedged else 0) - (0.1 if candidate.via else 0) - (0.1 if len(candidate.link) > 80 else 0)
    obj = doc.entities[candidate.object]
    return Claim(
        id="claim:" + short_hash(doc.document_id, candidate.subject, candidate.relation, candidate.object,
                                 evidence.start),
        subject=candidate.subject, relation=candidate.relation, object=candidate.object, object_name=obj.name,
        evidence=evidence, polarity="negated" if negated else "affirmed", hedged=hedged, asserted_by=speaker,
        time=time, confidence=round(confidence, 2), extractor=EXTRACTOR, subject_via=candidate.via)


def _named_first(doc: AnnotatedDoc, candidate: Candidate) -> str:
    """The side of a relation named before its linking words: the one that denies it in "Qatar denied funding
    Hamas" (the subject) and in "Hamas denied receiving weapons from Iran" (the object)."""
    first = next((m for m in doc.mentions_in(candidate.start, candidate.end) if m.kind == "actor"), None)
    if first is not None and candidate.object in first.ids and candidate.subject not in first.ids:
        return candidate.object
    return candidate.subject


def _claims_own_attack(text: str, evidence: Span, candidate: Candidate) -> bool:
    """"BLA claimed responsibility for attacks targeting …": the claimant asserts the attack; "… for the attack
    which killed 40 troopers" states the attack in the author's own relative clause."""
    claim = ATTACK_CLAIM.search(text, candidate.start, candidate.end)
    return bool(claim) and not _RELATIVE.search(text[claim.end():candidate.end])


def _event(doc: AnnotatedDoc, draft: EventDraft) -> Event:
    sentence = draft.sentence
    place = None
    if draft.place is not None:
        info = doc.entities[draft.place]
        country = info.name if info.type == "state" else info.country
        place = EventPlace(draft.place_text or info.name, country, info.id)
    return Event(
        id="event:" + short_hash(doc.document_id, sentence.start, draft.place), kind=draft.kind,
        evidence=Span(sentence.start, sentence.end, sentence.text), date=draft.date,
        date_precision=draft.date_precision, place=place, perpetrators=draft.perpetrators,
        claimed_by=draft.claimed_by, targets=draft.targets, killed=draft.killed, wounded=draft.wounded,
        casualty_text=draft.casualty_text, hedged=draft.hedged, asserted_by=draft.asserted_by or AUTHOR_SPEAKER)


def _unique_ids(events: list[Event]) -> list[Event]:
    """Two events drawn from one sentence and one place keep distinct ids."""
    seen: set[str] = set()
    for event in events:
        base, count = event.id, 1
        while event.id in seen:
            count += 1
            event.id = f"{base}-{count}"
        seen.add(event.id)
    return events


def event_label(event: Event) -> str:
    """A short label for an event: "2025-07 Bajaur attack"."""
    parts = [event.date, event.place.name if event.place else None, event.kind.replace("_", " ")]
    return " ".join(p for p in parts if p)


def _responsibility_claim(doc: AnnotatedDoc, event: Event, claimant: str) -> Claim:
    speaker = event.asserted_by
    return Claim(
        id="claim:" + short_hash(doc.document_id, claimant, "claims_responsibility", event.id),
        subject=claimant, relation="claims_responsibility", object=event.id, object_name=event_label(event),
        evidence=event.evidence, asserted_by=speaker, hedged=event.hedged, time=event.date, confidence=0.7,
        extractor=EXTRACTOR)
