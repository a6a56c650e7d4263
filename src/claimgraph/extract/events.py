"""Attack events: one per incident, with date, place, perpetrators kept apart from claimants, and tolls.

A sentence opens an event when it names an attack and a place or a date; a later sentence that only refers
back to it ("the attack", "the blast") adds the details it gives. Distinct places or years are never merged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.extract.cues import is_hedged
from claimgraph.extract.relations import Unit, sentence_units
from claimgraph.extract.triggers import BRANCH_NOUNS, ROLE_BEFORE_PERSON
from claimgraph.model import Speaker
from claimgraph.nlp.annotate import BASED, DIRECTION, AnnotatedDoc, EntityInfo, Mention, by_name
from claimgraph.nlp.casualties import ATTACKERS_KILLED, KILLED, WOUNDED, Casualty, find_casualties
from claimgraph.nlp.coref import QUALIFIER
from claimgraph.nlp.datelines import stated_date
from claimgraph.nlp.dates import DateMention, find_dates
from claimgraph.nlp.dates import forget_texts as forget_date_expressions
from claimgraph.nlp.keywords import KeywordPattern, openings
from claimgraph.nlp.sentences import Sentence
from claimgraph.nlp.text import initials

_ATTACK_MODIFIERS = (r"suicide|terror(?:ist)?|militant|bomb|gun|grenade|rocket|drone|missile|mortar|IED|car bomb|"
                     r"truck bomb")
_ATTACK_NOUNS = (r"attacks?|bombings?|blasts?|explosions?|ambush(?:es)?|shootings?|massacres?|assaults?|"
                 r"air ?strikes?|drone strikes?|missile strikes?|strikes?|hijackings?|siege|carnage|explosive device|"
                 r"car bomb|suicide bomber|air raids?|raids?|shelling|killings?|IEDs?|hijack(?:ing|ed)?")
_ATTACK_NOUN = KeywordPattern(re.compile(
    rf"\b{initials(_ATTACK_MODIFIERS + '|' + _ATTACK_NOUNS)}(?:(?:{_ATTACK_MODIFIERS})\s+)?(?:{_ATTACK_NOUNS})\b",
    re.IGNORECASE), openings(f"{_ATTACK_MODIFIERS}|{_ATTACK_NOUNS}"), word_start=True, opens_match=True)
_ATTACK_VERBS = (r"attacked|attacking|bombed|ambushed|stormed|targeted|targeting|struck|killed|killing|hijacked|"
                 r"massacred|shot(?: dead)?|gunned down|opened fire|blew up|detonated|raided|hit|shelled|launched|"
                 r"carried out|carrying out|stabbed|abducted|kidnapped|beheaded|executed|set off|rammed|set fire to|"
                 r"torched|set ablaze|blown up|overran|overrun|eliminated|neutrali[sz]ed|"
                 r"fired (?:[\w-]+\s+){0,3}?(?:missiles?|rockets?|mortars?|shells?|drones?|projectiles?|artillery|"
                 r"grenades?)")
_ATTACK_VERB = KeywordPattern(re.compile(rf"\b{initials(_ATTACK_VERBS)}(?:{_ATTACK_VERBS})\b", re.IGNORECASE),
                              openings(_ATTACK_VERBS), word_start=True, opens_match=True)
# a group claiming an attack: "claimed responsibility for", "said it had killed"
_CLAIM_VERBS = "claimed|claims|claim|claiming|took|takes|taken|accepted|accepts|owned"
_SAY_VERBS = "claimed|said|stated|announced"
ATTACK_CLAIM = KeywordPattern(re.compile(  # the look-ahead holds the first letters of all alternatives
    rf"\b(?=[acost])(?:(?:{_CLAIM_VERBS})\s+(?:\w+\s+){{0,2}}"
    r"(?:responsibility|credit|ownership)\b|claimed\s+(?:the|this|that|both|two|an?)\s+(?:\w+\s+){0,2}"
    r"(?:attacks?|bombings?|blasts?|assaults?|strikes?|killings?|operations?|ambush(?:es)?|raids?|shootings?)\b|"
    rf"(?:{_SAY_VERBS})\s+(?:(?:on|in|late|early|last)\s+\w+\s+)?"
    r"(?:in\s+(?:an?|its|their)\s+(?:[\w-]+\s+)?(?:statement|message|post|video|communiqu[eé])\b[^.;]{0,40}?\s+)?"
    r"(?:that\s+)?"
    r"(?:(?:on|in|late|early|last)\s+[\w ]{1,20},?\s+)?"
    r"(?:it|they|(?:\w+\s+of\s+)?(?:its\s+|their\s+)?(?:fighters|militants|mujahideen|members))\s+"
    r"(?:had\s+|have\s+)?(?:\w+\s+)?(?:killed|attacked|carried out|targeted|launched|committed|shot|downed|"
    r"destroyed|ambushed|stormed|struck|hit|detonated|set fire to|torched)\b)", re.IGNORECASE),
    openings(f"{_CLAIM_VERBS}|{_SAY_VERBS}"), word_start=True, opens_match=True)
# the words of a claim that names neither an attack noun nor an attack verb ("claimed responsibility", "its
# fighters had destroyed"); a sentence without one is not read for such a claim ("said it had downed" alone is not)
_CLAIM_WORDS = "responsibility|credit|ownership|fighters|militants|mujahideen|members"
_CLAIM_WORD = KeywordPattern(re.compile(rf"\b(?:{_CLAIM_WORDS})\b", re.IGNORECASE), openings(_CLAIM_WORDS),
                             word_start=True)
_APPOSITION_TO = re.compile(r"\s*\)?\s*,\s+(?:(?:the|a|an|its|their|which|who|whose)\s+|[^\s,;.]+['’]s\s+)[^;.]*,\s*"
                            r"(?:(?:has|have|had|also|quickly|later|reportedly|swiftly|soon)\s+)*", re.IGNORECASE)
_CLAIM_BY = KeywordPattern(re.compile(r"\b(?:claimed|claim(?:ed)? of responsibility)\s+by\s+(?:the\s+)?$",
                                      re.IGNORECASE), ["claim"], word_start=True, opens_match=True)
_PERPETRATOR_AFTER = KeywordPattern(re.compile(
    r"\bby\s+(?:the\s+)?(?:(?:banned|outlawed|proscribed|militant|terrorist|terror|jihadist|"
    r"armed|suspected|alleged|[A-Z][\w-]*-based)\s+)*(?:\w+\s+)?(?:(?:members|fighters|militants|gunmen|"
    r"operatives|elements|cadres|suspects)\s+of\s+(?:the\s+)?)?$", re.IGNORECASE), ["by"], word_start=True,
    opens_match=True)
_BLAMED_ON = KeywordPattern(re.compile(r"\b(?:blamed|pinned)\s+(?:\w+\s+){0,6}?on\s+(?:the\s+)?$|"
                                       r"\battributed\s+(?:\w+\s+){0,3}to\s+(?:the\s+)?$", re.IGNORECASE),
                            openings("blamed|pinned|attributed"), word_start=True, opens_match=True)
_GROUP_NOUN = re.compile(r"\s+(?:affiliates?|branch|wing|faction|offshoot|splinter|ally|allies|proxy|proxies|"
                         r"cells?|loyalists)\b", re.IGNORECASE)
_ATTACKERS = "attackers|assailants|gunmen|bombers|perpetrators"
_ATTACKERS_OF = KeywordPattern(re.compile(rf"\b(?:{_ATTACKERS}),?\s+(?:\w+\s+)?(?:affiliated with|linked to|"
                                          r"belonging to|loyal to|members of)\s+(?:the\s+)?$", re.IGNORECASE),
                               openings(_ATTACKERS), word_start=True, opens_match=True)
_TARGET_AFTER = re.compile(r"\s*(?:\w+\s+){0,3}?(?:on|against|targeting|at)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
                           re.IGNORECASE)
_INDEFINITE_ATTACK = re.compile(rf"\b(?:an?|another)\s+(?:[\w-]+\s+){{0,3}}?(?:{_ATTACK_NOUNS})\b", re.IGNORECASE)
_INDEFINITE_LEAD = re.compile(r"\b(?:an?|another|of|two|three|several|recent|deadly|fresh|new|more)\s+$", re.IGNORECASE)
_ANAPHOR_NOUNS = (r"attacks?|bombings?|blasts?|explosions?|assaults?|ambush|strikes?|air ?strikes|incident|massacre|"
                  r"hijacking|shooting|raid|carnage|siege")
_ANAPHOR = KeywordPattern(re.compile(
    r"\b(?:the|this|that|its|their|today['’]s|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]s)\s+"
    rf"(?:\w+\s+)?(?:{_ANAPHOR_NOUNS})\b", re.IGNORECASE),
    openings("the|this|that|its|their|today|Mon|Tues|Wednes|Thurs|Fri|Satur|Sun"), word_start=True, opens_match=True)
_NEGATED_ATTACK = KeywordPattern(re.compile(r"\b(?=n)(?:never|not|no)\s+(?:\w+\s+){0,2}(?:attacked|targeted|"
                                            r"struck|carried out|launched|mounted)\b", re.IGNORECASE),
                                 openings("never|not|no"), word_start=True, opens_match=True)
_GENERIC = KeywordPattern(re.compile(r"\b(?=[abs])(?:attacks|bombings|strikes)\s+(?:have|has)\s+(?:\w+\s+)?"
                                     r"(?:increased|risen|grown|declined|fallen|surged)", re.IGNORECASE),
                          openings("attacks|bombings|strikes"), word_start=True,
                          opens_match=True)
_OPERATIONS = "operation|raid|encounter|rescue|crackdown|clearance operation"
_OPERATION = re.compile(rf"\b{initials(_OPERATIONS)}(?:{_OPERATIONS})\b", re.IGNORECASE)
_SINCE = "since|until|till|before|after|by|from|as of"  # "as of August 15": a tally's cut-off
_REPORTED_ON = "said|says|told|reported|announced|stated|added"
_NOT_WHEN = re.compile(rf"\b{initials(_SINCE)}(?:{_SINCE})\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?$|"
                       rf"\b{initials(_REPORTED_ON)}(?:{_REPORTED_ON})\s+(?:on\s+)?$|"  # the day of the report
                       r"\bsince\s+(?!(?:early|late|mid)\b)[^,;]{0,60}?\b(?:in|on)\s+$", re.IGNORECASE)
_REPORTING_WORDS = "say|says|said|told|reported|stated|claim|claims"
_REPORTING_BETWEEN = re.compile(rf"\b{initials(_REPORTING_WORDS)}(?:{_REPORTING_WORDS})\b", re.IGNORECASE)
_STATEMENTS = "statement|communiqu[eé]|claim"
_STATEMENT = re.compile(rf"\b{initials(_STATEMENTS)}(?:{_STATEMENTS})s?\b", re.IGNORECASE)
_STATEMENT_SPEAKER = re.compile(r"(?:the|that|this|its|their|the group['’]s)\s+(?:statement|communiqu[eé]|claim)$",
                                re.IGNORECASE)  # not "the police statement": another body's
_CLOSERS = "\"'”’)"  # what may follow a sentence's full stop
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+)?$", re.IGNORECASE)
_AGGREGATE = KeywordPattern(re.compile(
    r"\b(?:series|spate|wave|string|number|dozens|scores|hundreds|surge|rise|uptick)\s+of\s+"
    r"(?:\w+\s+){0,2}(?:attacks|strikes|bombings|assaults)\b|\battacks\s+(?:in|across)\s+|"
    r"\b(?:multiple|numerous|many|countless|repeated|frequent)\s+(?:\w+\s+){0,2}(?:attacks|strikes|bombings|assaults)\b|"
    # "more than 180 attacks", "launched 45 strikes": a tally, not an incident
    r"\b(?:(?:more than|over|at least|nearly|almost|about|some|around|roughly)\s+\d[\d,]*|\d\d[\d,]*)\s+"
    r"(?:\w+\s+){0,2}(?:attacks|strikes|bombings|assaults)\b",
    re.IGNORECASE),
    openings("attacks|strikes|bombings|assaults"), word_start=True)
_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?", re.IGNORECASE)
_ONE_OF = re.compile(r"\b(?:an?|the|this)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_HYPOTHETICAL_WORDS = (r"could|would|will|may|might|threat(?:en|ens|ened)?|plan(?:s|ned|ning)?|vow(?:s|ed)?|"
                       r"warn(?:s|ed)?|capable|capacity|ability|risk|fear(?:s|ed)?|prevent|future")
_HYPOTHETICAL = re.compile(rf"\b{initials(_HYPOTHETICAL_WORDS)}(?:{_HYPOTHETICAL_WORDS})\b", re.IGNORECASE)
_CLAUSE_BETWEEN = re.compile(r"[;.]|\b(?:which|that|who)\b")
_BY_AFTER = re.compile(r"\s+by\b")
_RELATIVE_OR_AGENT = re.compile(r"[;,]\s+(?:which|who|that)\b|\b(?:by|of)\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:by|on|against|in|at)\s*$")
_POSSESSIVE_LINK = re.compile(r"['’]s?\s+")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# "JNIM, al-Qaeda's branch in the Sahel, said …": where a group is, not where an attack was
_GROUP_AREA = re.compile(r"\b(?:branch|affiliate|wing|franchise|province|faction|chapter|offshoot|based|active|"
                         r"operating)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
_DAY_CUE = re.compile(r"\b(?:on|last|this|early|late)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
                      r"\b(?:yesterday|overnight)\b", re.IGNORECASE)
_INSTANCE = re.compile(r"\b(?:including|such as|notably|particularly|especially|among them)\b", re.IGNORECASE)
_LIST_JOIN = re.compile(r"(?:,|\band\b|\bwhile\b|\bas well as\b)")
_PERPETRATOR_TYPES = frozenset({"armed_group", "state", "state_agency", "person", "political_party"})
_GROUP_TYPES = _PERPETRATOR_TYPES - {"person"}  # bodies a spokesman or a commander can speak for
# a year with no digit on either side; the look-back follows "19"/"20", which the search skips ahead on
_YEAR = re.compile(r"(?:19|20)(?<!\d..)\d\d(?!\d)")


@dataclass
class EventDraft:
    """An event being assembled from one or more sentences."""

    sentence: Sentence
    kind: str = "attack"
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None  # entity id (place or state)
    place_text: str | None = None  # how the text names it
    perpetrators: list[str] = field(default_factory=list)
    claimed_by: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    alleged: list[str] = field(default_factory=list)  # actors another accuses of the attack
    killed: int | None = None
    wounded: int | None = None
    casualty_text: str | None = None
    hedged: bool = False
    asserted_by: Speaker | None = None  # None: the author


def reference_date(doc: AnnotatedDoc) -> dt.date | None:
    """The publication date; without one, the day the first dated dateline states ("QUETTA, Jan 5:"), its
    year from the text when it gives none (as ``inferred_year`` reads it); without that, the full date a
    header line states (" date 2024-03-18", "by VOA News November 01, 2015", "Posted: Sep 23, 2011")."""
    published = doc.document.published
    if published and len(published) >= 10:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            return None
    dated = next((d for d in doc.datelines if d.date), None)
    if dated is None:
        return None if published else header_date(doc.text)
    return stated_date(doc.text, dated, int(published[:4]) if published else inferred_year(doc))


_DATE_ARTEFACT = re.compile(r"\s*date (\d{4}-\d\d-\d\d)\b")  # the line some stored pages open with
_HEADER_LINES = 6
_HEADER_LINE_LENGTH = 80


def header_date(text: str) -> dt.date | None:
    """The day a page's header states: the " date YYYY-MM-DD" opening some stored pages carry, or a full date
    (day, month and year) on one of the first short lines that is no sentence (a byline, "Posted: …")."""
    artefact = _DATE_ARTEFACT.match(text)
    if artefact:
        try:
            return dt.date.fromisoformat(artefact.group(1))
        except ValueError:
            return None
    for line in text[:_HEADER_LINES * _HEADER_LINE_LENGTH].splitlines()[:_HEADER_LINES]:
        if len(line) > _HEADER_LINE_LENGTH or _ends_with_full_stop(line):
            continue
        day = next((d for d in find_dates(line, None) if d.precision == "day"), None)
        if day is not None:
            return dt.date.fromisoformat(day.value)
    return None


def inferred_year(doc: AnnotatedDoc) -> int | None:
    """With no publication date, the latest year the text states (an article speaks of its present)."""
    return _latest_year(doc.text, dt.date.today().year)


def forget_texts() -> None:
    """Forget the dates and years found in the sentences and documents read so far."""
    sentence_dates.cache_clear()
    _latest_year.cache_clear()
    forget_date_expressions()


@lru_cache(maxsize=1)  # the pipeline and the event drafter ask in turn about the same document
def _latest_year(text: str, this_year: int) -> int | None:
    return max((year for year in map(int, _YEAR.findall(text)) if year <= this_year), default=None)


@lru_cache(maxsize=4096)
def sentence_dates(text: str, published: dt.date | None, year: int | None) -> list[DateMention]:
    """Dates of a sentence: against the publication date when known; otherwise only dates that carry a year,
    and "April 22" completed with the year the article speaks of (never a bare weekday)."""
    if published is not None:
        return find_dates(text, published)
    found = find_dates(text, None)
    if found or year is None:
        return found
    return [d for d in find_dates(text, dt.date(year, 12, 31)) if d.precision == "day" and _MONTH.search(d.text)]


def _units_before(units: Sequence[Unit], offset: int) -> list[Unit]:
    return [u for u in units if u.end <= offset]


_ARE_THE_PERPETRATORS = re.compile(r"\s+(?:are|is|was|were)\s+(?:the\s+)?(?:perpetrators?|authors?|culprits?)\s+of\b",
                                   re.IGNORECASE)
_POSSESSOR_OF = re.compile(r"['’]s?\s+(?:\w+\s+)?")
_AND_THEN = re.compile(r"\band\s+(?:also\s+|later\s+)?$", re.IGNORECASE)
_BORDER = re.compile(r"(?:['’]s?)?\s+border\b", re.IGNORECASE)
_NEAR = re.compile(r"\b(?:near|along|close to|by|off)\s+(?:the\s+)?$", re.IGNORECASE)
_LINKED = re.compile(r"-(?:linked|affiliated|allied|aligned|inspired|backed|sponsored)\b", re.IGNORECASE)
# "an al-Qaeda affiliate claimed …", "the Islamic State's regional branch": another group acts
_ITS_BRANCH = re.compile(rf"(?:['’]s?)?\s+(?:[\w-]+\s+)?(?:{BRANCH_NOUNS}|proxy|allies|ally)\b", re.IGNORECASE)


def _actors(text: str, units: Sequence[Unit], entities: dict[str, EntityInfo], types: frozenset[str]) -> list[str]:
    """Actors of the units that can act: not a state named as a place ("Pakistan-based"), not the patron of
    a linked group or of a branch ("al-Qaeda-linked militants", "an al-Qaeda affiliate" are not al-Qaeda)."""
    return [e for u in units for m in u.mentions
            if not m.place_like and not _LINKED.match(text, m.end) and not _ITS_BRANCH.match(text, m.end)
            for e in m.ids if entities[e].kind == "actor" and entities[e].type in types]


def _claimants(text: str, actors: Sequence[Unit], sentence: Sentence, entities: dict[str, EntityInfo]) -> list[str]:
    """Actors the sentence says claimed an attack; ``actors`` are its units of actors."""
    found: list[str] = []
    for claim in ATTACK_CLAIM.finditer(text, sentence.start, sentence.end):
        if found and _AND_THEN.search(text, max(sentence.start, claim.start() - 12), claim.start()):
            continue  # "X claimed the attack on a Nigerian army base and said its fighters …": X again
        before = _units_before(actors, claim.start())
        # "ISKP, the regional affiliate of ISIS, claimed …", "TRF, a proxy of the Pakistan-based LeT, has claimed":
        # the claimant is the name the apposition describes
        head = next((i for i, u in enumerate(before[:-1]) if _APPOSITION_TO.fullmatch(text, u.end, claim.start())),
                    None)
        if head is not None:
            before = before[:head + 1]
        if before and (head is not None or claim.start() - before[-1].end <= 60 and not _CLAUSE_BETWEEN.search(
                text[before[-1].end:claim.start()])) and not QUALIFIER.search(
                text, max(0, before[-1].start - 30), before[-1].start):  # "militants allied with the Houthis claimed"
            found += _actors(text, [_speaks_for(text, before, entities)], entities, _PERPETRATOR_TYPES)
    if _CLAIM_BY.may_occur_in(sentence.text):
        for unit in actors:
            if _CLAIM_BY.search(text[max(sentence.start, unit.start - 40):unit.start]):
                found += _actors(text, [unit], entities, _PERPETRATOR_TYPES)
    return list(dict.fromkeys(found))


def _speaks_for(text: str, before: Sequence[Unit], entities: dict[str, EntityInfo]) -> Unit:
    """The claimant among the units before a claim: "the TTP's spokesman Ahsan claimed …" is the TTP's claim."""
    person = before[-1]
    if len(before) > 1 and all(entities[e].type == "person" for e in person.ids):
        group = before[-2]
        if all(entities[e].type in _GROUP_TYPES for e in group.ids) and ROLE_BEFORE_PERSON.match(
                text[group.end:person.start]):
            return group
    return person


def _perpetrators(text: str, actors: Sequence[Unit], sentence: Sentence, entities: dict[str, EntityInfo],
                  earlier: tuple[int, int] | None) -> tuple[list[str], list[str], list[str]]:
    """Actors the sentence says carried out the attack, the actors it says were attacked, and those it says
    another accuses of it; ``actors`` are its units of actors, ``earlier`` the stretch that tells an earlier
    event (``_earlier_event``), whose actors are none of these."""
    perpetrators: list[str] = []
    named_attackers: list[str] = []  # "an al-Shabab attack"
    alleged: list[str] = []  # "Pakistan blamed the TTP for the blast"
    targets: list[str] = []
    actor_units = [u for u in actors if not (earlier[0] <= u.start < earlier[1])] if earlier else actors
    # the stretches around each actor are searched for a verb and for the rarer cues only where the sentence
    # holds their words
    verb_cue, by_cue, blame_cue, attackers_cue = (pattern.may_occur_in(sentence.text) for pattern in
                                                  (_ATTACK_VERB, _PERPETRATOR_AFTER, _BLAMED_ON, _ATTACKERS_OF))
    apposition_end = -1  # "al-Shabab, the Somali armed group, carried out …": Somalia is no doer
    object_cue, accusing_cue = _OBJECT_OF_ATTACK.may_occur_in(sentence.text), _ACCUSING.may_occur_in(sentence.text)
    for index, unit in enumerate(actor_units):
        after = text[unit.end:min(sentence.end, unit.end + 70)]
        lead_in = text[max(sentence.start, unit.start - 50):unit.start]
        if object_cue and _OBJECT_OF_ATTACK.search(lead_in) and not (blame_cue and _BLAMED_ON.search(lead_in)):
            targets += [e for e in unit.ids if entities[e].kind == "actor"]
            continue
        tail = lead_in[-16:]  # every qualifier ends "to" or "with", then "the" or "both" maybe: a cheap test first
        if (" to " in tail or " with " in tail) and QUALIFIER.search(lead_in):
            continue  # "jihadists linked to al-Qaeda attacked": al-Qaeda only qualifies the attackers
        if accusing_cue and _alleged(lead_in, after, unit):
            alleged += _actors(text, [unit], entities, _PERPETRATOR_TYPES)
            continue
        appositive = _APPOSITIVE_AFTER.match(after)
        skip = appositive.end() if appositive else 0
        # "Kenya Attack", "Pulwama attack", "an al Qaeda affiliate": the name qualifies another noun, it does not act
        noun_after = bool(_ATTACK_NOUN.pattern.match(after.lstrip(" -")))  # one place: the regex alone is cheaper
        verb = _ATTACK_VERB.search(after, skip) if (
            verb_cue and unit.start >= apposition_end and not noun_after and not _GROUP_NOUN.match(after)) else None
        apposition_end = max(apposition_end, unit.end + skip)
        if verb and not _BY_AFTER.match(after, verb.end()) and unit.end + verb.start() < next(
                (u.start for u in actor_units[index + 1:] if u.start >= unit.end + skip), sentence.end):
            # not "the attack carried out by", nor the verb of the next actor
            lead = after[skip:verb.start()]
            suspected = _SUSPECTED_OF.search(lead)  # "were suspected of carrying out": the doer, not a target
            lead = lead[:suspected.start()] if suspected else lead
            if not (_RELATIVE_OR_AGENT.search(lead) or _REPORTING_BETWEEN.search(lead)):
                if not suspected and (_PASSIVE.search(lead) or _POSSESSOR_OF.fullmatch(lead)):
                    targets += [e for e in unit.ids if entities[e].kind == "actor"]  # "al-Zawahiri's killing in …"
                elif not _PREPOSITION_BEFORE.search(text[max(0, unit.start - 8):unit.start]):
                    perpetrators += _actors(text, [unit], entities, _PERPETRATOR_TYPES)
        before = text[max(sentence.start, unit.start - 60):unit.start]
        attackers_of = attackers_cue and verb_cue and _ATTACKERS_OF.search(before) and _ATTACK_VERB.search(
            text, unit.end, sentence.end)
        if (by_cue and _PERPETRATOR_AFTER.search(before) and _ATTACK_NOUN.search(before)) or (
                blame_cue and _BLAMED_ON.search(before)) or attackers_of or _ARE_THE_PERPETRATORS.match(after):
            perpetrators += _actors(text, [unit], entities, _PERPETRATOR_TYPES)
        elif noun_after and _names_its_attack(text, unit, sentence, entities):
            named_attackers += _actors(text, [unit], entities, _PERPETRATOR_TYPES)
        elif _POSSESSED_ATTACK.match(after) and all(entities[e].type == "armed_group" for e in unit.ids):
            named_attackers += _actors(text, [unit], entities, _PERPETRATOR_TYPES)  # "al-Shabab's deadly attack"
        elif index > 0 and _TARGET_AFTER.match(text, actor_units[index - 1].end, unit.start) and (
                (verb_cue and _ATTACK_VERB.search(text, actor_units[index - 1].end, unit.start))
                or _ATTACK_NOUN.search(text, actor_units[index - 1].end, unit.start)):
            targets += [e for e in unit.ids if entities[e].kind == "actor"]
    perpetrators = list(dict.fromkeys(perpetrators or named_attackers))  # a doer named by its verb comes first
    targets = [t for t in dict.fromkeys(targets) if t not in perpetrators]
    return perpetrators, targets, [a for a in dict.fromkeys(alleged) if a not in perpetrators]


def _alleged(lead_in: str, after: str, unit: Unit) -> bool:
    """Whether the actor is accused of the attack: "accused ISKP of carrying out", "blamed the TTP for the
    blast", "held the BLA responsible for it", "ISKP was blamed for the attack" (not "police held two men")."""
    accusing = _ACCUSING.search(lead_in)
    if accusing is None:
        passive = _ACCUSED_PASSIVE.match(after)
        if passive is None:
            return False
        act = _ALLEGED_ACT.match(after, passive.end())
        held = passive.group().lower().endswith("held")
    else:
        act = _ALLEGED_ACT.match(after)
        held = accusing.group().lower().startswith(("held", "hold"))
    return act is not None and (not held or act.group().lower().lstrip().startswith("responsible"))


_EARLIER_EVENT = KeywordPattern(re.compile(r"\b(?:in\s+(?:response|retaliation|reprisal|revenge)\s+(?:to|for)|"
                                           r"to\s+avenge|revenge\s+for|"
                                           r"(?:hours|days|weeks|months|a\s+day|a\s+week|a\s+month)\s+after|"
                                           r"(?:came|comes|occurred|follows|followed)\s+(?:just\s+|shortly\s+)?after)\b",
                                           re.IGNORECASE),
                                ["response", "retaliation", "reprisal", "revenge", "avenge", "after"])
_FRONTED_AFTER = re.compile(r"\s*(?:(?:a|an|one|two|three|four|five|six|several|just|only|shortly|hours|days|weeks|"
                            r"months|day|week|month)\s+){0,2}after\b", re.IGNORECASE)


def _earlier_event(text: str, sentence: Sentence) -> tuple[int, int] | None:
    """The stretch of a sentence that tells an earlier event, up to the next comma: "in retaliation for a raid by
    French forces", "A week after the United States claimed an air strike, …"."""
    cue = _FRONTED_AFTER.match(text, sentence.start, sentence.end)
    if cue is None and _EARLIER_EVENT.may_occur_in(sentence.text):  # the regex alone reads every character
        cue = _EARLIER_EVENT.pattern.search(text, sentence.start, sentence.end)
    if cue is None:
        return None
    comma = text.find(",", cue.end(), sentence.end)
    return cue.start(), comma if comma >= 0 else sentence.end
_APPOSITIVE_AFTER = re.compile(r",\s+(?:the|a|an)\s+[^,;.()]{1,50},")
_HIT_VERBS = (r"attacked|attacking|bombed|ambushed|ambushing|stormed|storming|targeted|targeting|struck|striking|"
              r"killed|killing|hijacked|massacred|shot|gunned down|raided|raiding|hit|hitting|shelled|shelling|"
              r"abducted|kidnapped|rammed|torched|set fire to|overran|overrunning")
_HIT_NOUNS = r"attacks?|assaults?|raids?|strikes?|bombings?|ambush(?:es)?|offensive"
# an actor in the object of an attack ("attacked a Pakistan Army camp", "an assault on an ISI office") is hit
_OBJECT_OF_ATTACK = KeywordPattern(re.compile(
    rf"\b(?:(?:{_HIT_VERBS})|(?:{_HIT_NOUNS})\s+(?:on|against)|bombing\s+of)\s+(?:(?:the|a|an|another|its|their|two|three|"
    r"several)\s+)?(?:[a-z][\w-]*\s+)?(?:of\s+(?:the\s+)?)?$", re.IGNORECASE),  # "attacked a convoy of Malian soldiers"
    openings(f"{_HIT_VERBS}|{_HIT_NOUNS}"), word_start=True, opens_match=True)
_ACCUSERS = "accused|accuses|accusing|blamed|blames|blaming|held|holds|holding"
# "Pakistan accused the TTP of …", "the Taliban blamed ISKP for …": the accused one, alleged
_ACCUSING = KeywordPattern(re.compile(rf"\b(?:{_ACCUSERS})\s+(?:the\s+)?$", re.IGNORECASE), openings(_ACCUSERS),
                           word_start=True, opens_match=True)
# "ISKP was blamed for …", "the TTP has been held responsible for …"
_ACCUSED_PASSIVE = re.compile(r"\s+(?:(?:was|were|is|are|being|has been|have been|had been)\s+)(?:\w+\s+)?"
                              r"(?:accused|blamed|held)\b", re.IGNORECASE)
_ALLEGED_ACTS = (r"carrying out|having carried out|staging|orchestrating|masterminding|perpetrating|launching|"
                 r"mounting|conducting|attacking|killing|bombing|targeting|ambushing|striking|shelling|"
                 r"being behind|involvement in")
_ALLEGED_ACT = re.compile(
    rf"\s+(?:(?:responsible\s+)?for|of)\s+(?:{_ALLEGED_ACTS}|it\b|(?:the|a|an|this|that|these|its|their|"
    rf"[\w-]+['’]s)\s+(?:[\w-]+\s+){{0,2}}?(?:{_ATTACK_NOUNS})\b)", re.IGNORECASE)

# an armed group's own attack, named by its possessive: "al-Shabab's deadly attack on a base" (not "its killing")
_POSSESSED_ATTACK = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}?(?:{_HIT_NOUNS})\b", re.IGNORECASE)
_SUSPECTED_OF = re.compile(r"\b(?:suspected|accused)\s+of\s+$", re.IGNORECASE)


def _names_its_attack(text: str, unit: Unit, sentence: Sentence, entities: dict[str, EntityInfo]) -> bool:
    """Whether the attack the actor's name qualifies is its own: "an al-Shabab attack", "Israeli air raids",
    "highlighting ISKP attacks" (a state by its name only with an indefinite lead, since "the Israel attack" may
    be one on Israel; by its demonym always: "Pakistani air strikes" are Pakistan's)."""
    return unit.start == sentence.start or bool(_INDEFINITE_LEAD.search(text, sentence.start, unit.start)) or all(
        entities[e].type == "armed_group" for e in unit.ids) or _by_demonym(unit, entities)


def _by_demonym(unit: Unit, entities: dict[str, EntityInfo]) -> bool:
    """A state named by its demonym ("Pakistani", "Israeli"), not by its name or an alias."""
    return all(entities[m.entity].type == "state" and not by_name(m, entities[m.entity]) for m in unit.mentions)


_HEADING = "heading|headed|bound|travell?ing|en route|sailing|flying|driving|on its way"
_ROUTE = KeywordPattern(re.compile(rf"\b(?:{_HEADING})\s+(?:from\s+[\w'’ -]{{1,30}}?\s+)?(?:to|toward|towards|for|from)"
                                   r"\s+(?:the\s+)?(?:(?:city|town|village|port|capital)\s+of\s+)?$", re.IGNORECASE),
                        openings(_HEADING), word_start=True, opens_match=True)


_NEIGHBOUR = re.compile(r"\b(?=b)(?:bordering|borders?\s+with)\s+(?:the\s+)?$", re.IGNORECASE)


def _place_mentions(doc: AnnotatedDoc, mentions: Sequence[Mention]) -> list[Mention]:
    """Places the sentence names (a state counts when used as a place), without names in capitals ("KABUL"), a
    group's base ("a Mali-based group") and a border the scene lies near ("a camp near the Niger border")."""
    entities, text = doc.entities, doc.text
    found = [m for m in mentions if m.via is None and (m.kind == "place" or m.place_like) and (
        entities[m.entity].kind == "place" or (  # "the Somali group" names no place
            entities[m.entity].type == "state" and by_name(m, entities[m.entity])))]
    # mentions come in order: the stretches before them lie between the first's and the last's
    route_cue = bool(found) and _ROUTE.may_occur_in(text[max(0, found[0].start - 40):found[-1].start])
    return [m for m in found if not _in_capitals(m)
            and not (route_cue and _ROUTE.search(text, max(0, m.start - 40), m.start))
            and not _NEIGHBOUR.search(text, max(0, m.start - 20), m.start) and not BASED.match(text, m.end)
            and not (text.endswith(("in ", "in the "), 0, m.start) and _GROUP_AREA.search(text, max(0, m.start - 30),
                                                                                         m.start))
            and not (_BORDER.match(text, m.end) and _NEAR.search(text, max(0, m.start - 20), m.start))]


def _in_capitals(mention: Mention) -> bool:
    """A name in capitals heads a line or a dateline the annotator did not read as one."""
    return mention.text.isupper() and len(mention.text) > 3


# "Kidal, Mali", "in the countryside of X", "X, a town in Y", "X, eastern Syria", "X, west of Y"
_INSIDE_LINK = re.compile(rf"\s*(?:,|\(|of|in|,\s*in|,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}(?:in|of)|"
                          rf",\s*{DIRECTION}(?:\s+of)?)\s*(?:the\s+)?", re.IGNORECASE)


_THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|may|might|must|could|can|"
                    r"should|seems?|seemed|appears?|appeared|remains?|remained|be|being|exists?|existed)\b|['’])")


# where troops came from, or where an office sits ("the foreign ministry in Islamabad"), is not "there"
_NOT_WHERE = re.compile(r"\b(?:from|to|into|towards?|via|(?:ministry|office|embassy|headquarters|mission|"
                        r"consulate|parliament|court)\s+in)\s+(?:the\s+)?$", re.IGNORECASE)


def _there(doc: AnnotatedDoc, sentence: Sentence) -> list[list[Mention]]:
    """"Gunmen hijacked a bus there": the place the sentence before ended on."""
    if sentence.index == 0 or "there" not in sentence.text or not _THERE.search(sentence.text):
        return []
    before = doc.sentences[sentence.index - 1]
    places = [m for m in _place_mentions(doc, doc.mentions_in(before.start, before.end))
              if not _NOT_WHERE.search(doc.text, max(0, m.start - 30), m.start)]
    return [[places[-1]]] if places else []


def _place_groups(doc: AnnotatedDoc, places: Sequence[Mention]) -> list[list[Mention]]:
    """Places that name one location: "Buleda, Kech" or "Krasnogorsk, Russia" (the container follows)."""
    groups: list[list[Mention]] = []
    for mention in places:
        if groups:
            last = groups[-1][-1]
            inside = mention.entity in doc.entities[last.entity].ancestors or (
                doc.entities[mention.entity].type == "state") or last.entity.startswith("place:new:")
            outside = last.entity in doc.entities[mention.entity].ancestors
            link = doc.text[last.end:mention.start]
            if (inside and _INSIDE_LINK.fullmatch(link)) or (
                    outside and _POSSESSIVE_LINK.fullmatch(link)):
                groups[-1].append(mention)
                continue
        groups.append([mention])
    return groups


def _ends_with_full_stop(text: str) -> bool:
    """Whether ``text`` ends with ".", "!" or "?", then perhaps closing quotes or brackets, then spaces."""
    return text.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?"))


def _is_headline(sentence: str) -> bool:
    """A title-case line with no closing full stop ("Houthis Claim Missile Strike On 'American Ship'")."""
    if sentence.rstrip().endswith((".", "”", '"')):
        return False
    words = [w for w in _TITLE_WORD.findall(sentence) if len(w) > 3]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.7


def _names_only_an_earlier_attack(sentence: str) -> bool:
    """"… linking the attack to safe houses in Karachi": "the attack" goes back to one told before; with no
    victims or date of its own the sentence opens no new incident where it names another place."""
    earlier = [match.span() for match in _ANAPHOR.finditer(sentence)]
    return bool(earlier) and all(any(a <= noun.start() < b for a, b in earlier)
                                 for noun in _ATTACK_NOUN.finditer(sentence))


def _aggregate(sentence: str, victims: Sequence[Casualty], claimed_at_places: bool) -> bool:
    """Attacks counted or spoken of in general ("a wave of attacks"), with no victims of one incident; "an
    overnight attack …, the latest in a string of assaults" still tells one incident, and so does each place of
    attacks claimed at several (``claimed_at_places``: "claimed suicide attacks in Karachi and Gwadar")."""
    if victims:
        return False
    counted = [match.span() for match in _AGGREGATE.finditer(sentence)]
    if counted and not _one_attack_besides(sentence, counted):
        return True
    return _only_plural_or_hypothetical(sentence, plural_allowed=claimed_at_places)


def _one_attack_besides(sentence: str, counted: Sequence[tuple[int, int]]) -> bool:
    """Whether the sentence names one attack ("an overnight attack") outside the stretches that count attacks."""
    return any(not noun.group().lower().endswith("s") and not any(a <= noun.start() < b for a, b in counted)
               and _ONE_OF.search(sentence, max(0, noun.start() - 24), noun.start())
               for noun in _ATTACK_NOUN.finditer(sentence))


def _only_plural_or_hypothetical(sentence: str, plural_allowed: bool) -> bool:
    """"carry out attacks beyond its borders", "following several terrorist attacks": no one incident (a plural
    counts only without ``plural_allowed``)."""
    nouns = list(_ATTACK_NOUN.finditer(sentence))
    if not nouns:
        return False
    hypothetical = all(_HYPOTHETICAL.search(sentence[max(0, n.start() - 40):n.start()]) for n in nouns)
    plural = not plural_allowed and all(n.group().lower().endswith("s") for n in nouns) and not _ANAPHOR.search(
        sentence)
    return hypothetical or (plural and not _ATTACK_VERB.search(sentence.replace(nouns[0].group(), "")))


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)


def _coordinated(text: str, groups: Sequence[Sequence[Mention]]) -> bool:
    """Place groups joined as a list ("in Haifa Bay and the city of Tiberias", "… Kech and … in Dalbandin")."""
    return all(_LIST_JOIN.search(text[a[-1].end:b[0].start])
               and not _INSTANCE.search(text[a[-1].end:b[0].start])  # "in Kenya, including … in Nairobi"
               and not _BETWEEN.search(text, max(0, a[0].start - 12), a[0].start)
               and len(text[a[-1].end:b[0].start]) < 90 for a, b in zip(groups, groups[1:], strict=False))


def _contains_another(doc: AnnotatedDoc, group: Sequence[Mention], groups: Sequence[Sequence[Mention]]) -> bool:
    """"An attack in Afghanistan … in the city of Kandahar": a state around another named place says less."""
    outer = doc.entities[group[-1].entity]
    return outer.type == "state" and any(doc.entities[g[-1].entity].country == outer.name and
                                         doc.entities[g[-1].entity].type != "state" for g in groups)


def _distance(group: Sequence[Mention], offset: int) -> int:
    start, end = group[0].start, group[-1].end
    return start - offset if start >= offset else (offset - end) + 40  # places after the trigger are preferred


def _most_specific(doc: AnnotatedDoc, group: Sequence[Mention]) -> Mention:
    return max(group, key=lambda m: (doc.entities[m.entity].admin_level or (0 if m.kind == "actor" else 1),
                                     -m.start))


def draft_events(doc: AnnotatedDoc, speaker: Callable[[Sentence], Speaker | None],
                 units: Sequence[Sequence[Unit]] | None = None) -> list[EventDraft]:
    """Event drafts of the document, merged across the sentences that describe the same incident;
    ``speaker(sentence)`` is who asserts the sentence (None: the author); ``units[i]`` are the
    ``sentence_units`` of sentence ``i`` when the caller has them."""
    text = doc.text
    published = reference_date(doc)
    year = None if published else inferred_year(doc)
    dateline_dates = [d.date for d in doc.datelines if d.date]  # the day of the report, not of an event
    artefact = _DATE_ARTEFACT.match(text)
    if artefact:
        dateline_dates.append(artefact.span(1))
    events: list[EventDraft] = []
    last_claim: tuple[int, list[str]] = (-9, [])  # the latest sentence with a claim, and its claimants
    for sentence in doc.sentences:
        if _is_headline(sentence.text) or (sentence.index == 0 and not _ends_with_full_stop(sentence.text)):
            continue  # headlines and title lines repeat the body's events in fewer words
        noun = _ATTACK_NOUN.search(sentence.text)
        casualties = None  # read only where needed: most sentences are ruled out first
        if not noun and not _ATTACK_VERB.search(sentence.text) and not (
                _CLAIM_WORD.may_match(sentence.text) and ATTACK_CLAIM.search(sentence.text)):
            casualties = find_casualties(sentence.text)
            if not any(c.kind in (KILLED, WOUNDED) for c in casualties):
                continue
        if _NEGATED_ATTACK.search(sentence.text) or (noun and _GENERIC.search(sentence.text)):
            continue  # a general trend ("attacks have risen") always holds an attack noun
        if casualties is None:
            casualties = find_casualties(sentence.text)
        victims = [c for c in casualties if c.kind in (KILLED, WOUNDED)]
        mentions = doc.mentions_in(sentence.start, sentence.end)
        stretch = _earlier_event(text, sentence)  # "in response to a raid by French forces", "days after X …"
        # "The attack came days after the army killed 23 militants in Kech", right after that attack is told: the
        # toll, the place and the date after the cue are the earlier event's
        earlier = stretch if stretch and noun and events and (
            sentence.index - events[-1].sentence.index <= _REFERS_BACK) and _ANAPHOR.search(
            text, sentence.start, stretch[0]) else None
        if earlier is not None:
            start, end = earlier[0] - sentence.start, earlier[1] - sentence.start
            mentions = [m for m in mentions if not earlier[0] <= m.start < earlier[1]]
            casualties = [c for c in casualties if not start <= c.start < end]
            victims = [c for c in victims if not start <= c.start < end]
        actors = [u for u in (units[sentence.index] if units is not None else sentence_units(
            text, mentions, doc.entities)) if u.kind == "actor"]
        claimants = _claimants(text, actors, sentence, doc.entities) if actors else []
        # an attack verb or "thousands killed" alone opens an event in a claim, or with its actor, place and date
        verb_only = not noun and not claimants and all(c.count is None for c in victims)
        if verb_only and not (actors and any(m.kind == "place" or m.place_like for m in mentions)):
            continue
        perpetrators, targets, alleged = _perpetrators(text, actors, sentence, doc.entities, stretch) if actors else (
            [], [], [])
        if verb_only and not perpetrators:
            continue
        if claimants:
            last_claim = (sentence.index, claimants)
        elif not perpetrators and _told_by_the_statement(sentence, last_claim, speaker):
            claimants = list(last_claim[1])
        dates = [d for d in sentence_dates(sentence.text, published, year)
                 if not _NOT_WHEN.search(sentence.text, max(0, d.start - 80), d.start)
                 and not (earlier and earlier[0] <= sentence.start + d.start < earlier[1])
                 and not any(s <= sentence.start + d.start < e for s, e in dateline_dates)]
        # "On Thursday" names the day of one incident even where no reference date tells which
        dated = bool(dates) or bool(verb_only and _DAY_CUE.search(sentence.text))
        if verb_only and not dated:
            continue
        groups = _place_groups(doc, _place_mentions(doc, mentions)) or _there(doc, sentence) or [[]]
        trigger_at = sentence.start + (noun.start() if noun else 0)
        if len(groups) > 1 and not _coordinated(text, groups):
            inner = [g for g in groups if not _contains_another(doc, g, groups)]
            groups = [min(inner, key=lambda g: _distance(g, trigger_at))]
        for group_index, group in enumerate(groups):
            segment_end = groups[group_index + 1][0].start if group_index + 1 < len(groups) else sentence.end
            segment_start = group[0].start if group and group_index > 0 else sentence.start
            segment = text[segment_start:segment_end] if len(groups) > 1 else sentence.text
            seg_victims = [c for c in find_casualties(segment) if c.kind in (KILLED, WOUNDED)] if len(
                groups) > 1 else victims
            killed = next((c for c in seg_victims if c.kind == KILLED), None)
            wounded = next((c for c in seg_victims if c.kind == WOUNDED), None)
            place = _most_specific(doc, group) if group else None
            draft = EventDraft(sentence, place=place.entity if place else None,
                               place_text=place.text if place else None, claimed_by=list(claimants),
                               perpetrators=list(perpetrators), targets=list(targets), alleged=list(alleged),
                               killed=killed.count if killed else None,
                               wounded=wounded.count if wounded else None,
                               casualty_text=killed.phrase if killed and killed.count is None else None)
            if dates:
                draft.date, draft.date_precision = dates[0].value, dates[0].precision
            if casualties and all(c.kind == ATTACKERS_KILLED for c in casualties) and _OPERATION.search(
                    sentence.text):
                draft.kind = "security_operation"
            if verb_only and not (place and dated):
                continue
            target = _merge_target(events, draft, doc, named=noun is not None)
            if target is not None:
                _merge(doc, target, draft)
            elif (place or draft.date) and (noun or victims or perpetrators or claimants or alleged) and not _aggregate(
                    sentence.text, victims, claimed_at_places=bool(claimants) and len(groups) > 1) and not (
                    events and not victims and not draft.date and _names_only_an_earlier_attack(sentence.text)):
                draft.asserted_by = speaker(sentence)  # a merged draft gives only details, never its speaker
                draft.hedged = is_hedged(sentence.text)  # nor its hedging
                events.append(draft)
    for event in events:
        groups = [c for c in event.claimed_by if doc.entities[c].type != "person"]
        if groups:  # "the BLA claimed …; he claimed that the attack killed three": the spokesman speaks for it
            event.claimed_by = groups
        if not event.perpetrators and len(event.claimed_by) == 1:
            event.perpetrators = list(event.claimed_by)
        if not event.perpetrators and not event.claimed_by and event.alleged:
            event.perpetrators, event.hedged = list(event.alleged), True  # accused, not shown: an allegation
    _carry_perpetrators(doc, events)
    return events


def _told_by_the_statement(sentence: Sentence, last_claim: tuple[int, list[str]],
                           speaker: Callable[[Sentence], Speaker | None]) -> bool:
    """"The statement said that on Thursday a convoy was hit …", right after a group claimed attacks: the
    attack is part of that group's claim."""
    if sentence.index - last_claim[0] > 2 or len(last_claim[1]) != 1 or not _STATEMENT.search(sentence.text):
        return False
    told_by = speaker(sentence)
    return told_by is not None and bool(_STATEMENT_SPEAKER.fullmatch(told_by.name))


def _carry_perpetrators(doc: AnnotatedDoc, events: Sequence[EventDraft]) -> None:
    """An attack told right after another, naming no actor of its own ("In December they killed 36 …"), is
    by the same perpetrator as the one before it."""
    for previous, event in zip(events, events[1:], strict=False):
        if event.perpetrators or event.claimed_by or len(previous.perpetrators) != 1 or \
                event.sentence.index - previous.sentence.index > 2:
            continue
        mentions = doc.mentions_in(event.sentence.start, event.sentence.end)
        if not any(m.kind == "actor" and not m.place_like and doc.entities[m.entity].type in _PERPETRATOR_TYPES
                   for m in mentions):
            event.perpetrators = list(previous.perpetrators)
            if event.place is None:  # "In December they killed 36 …" goes on where the attack before was
                event.place, event.place_text = previous.place, previous.place_text


def _compatible_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    common = min(len(a), len(b))
    return a[:common] == b[:common]


def _places_agree(doc: AnnotatedDoc, a: str | None, b: str | None) -> bool:
    """The same place, or one inside the other (Dera Ismail Khan is in Khyber Pakhtunkhwa)."""
    if a is None or b is None or a == b:
        return True
    first, second = doc.entities[a], doc.entities[b]
    if first.type == "state" or second.type == "state":  # a state contains the places of its country
        state, other = (first, second) if first.type == "state" else (second, first)
        return other.country == state.name
    return a in second.ancestors or b in first.ancestors


def _same_actors(a: EventDraft, b: EventDraft) -> bool:
    first, second = set(a.perpetrators + a.claimed_by), set(b.perpetrators + b.claimed_by)
    return not first or not second or bool(first & second)


_REFERS_BACK = 4  # sentences: how far back "the attack" reaches


def _merge_target(events: Sequence[EventDraft], draft: EventDraft, doc: AnnotatedDoc,
                  named: bool) -> EventDraft | None:
    """The event ``draft`` tells more of, if any; ``named``: the draft's sentence names an attack (a noun)."""
    if not events:
        return None
    last = events[-1]
    refers_back = draft.sentence.index - last.sentence.index <= _REFERS_BACK and bool(
        _ANAPHOR.search(draft.sentence.text))
    if refers_back and draft.sentence is not last.sentence and _compatible_dates(last.date, draft.date):
        return last  # "the attack …" goes on about the last attack, even where it names another place
    if draft.place is None and draft.date is None:
        # "… occurred in Kandahar in March. Three people were killed.": a bare toll right after goes on about it
        bare_toll = not (draft.perpetrators or draft.claimed_by or draft.alleged) and (
            draft.killed is not None and last.killed is None or draft.wounded is not None and last.wounded is None)
        # "… killed 14 people in Balochistan. The BLA claimed responsibility.": a claim of no attack named anew
        bare_claim = not named and bool(draft.claimed_by) and not last.claimed_by
        follows = draft.sentence.index - last.sentence.index
        return last if (bare_toll and follows == 1) or (bare_claim and follows <= 2) else None
    if draft.sentence is last.sentence:
        return None  # a sentence naming two places describes two attacks
    for event in reversed(events):
        if not (_compatible_dates(event.date, draft.date) and _places_agree(doc, event.place, draft.place)
                and _same_actors(event, draft)) or _other_toll(event, draft):
            continue
        same_place = draft.place is not None and event.place == draft.place
        same_date = draft.date is not None and event.date == draft.date and len(draft.date) >= 7
        if same_place or same_date or refers_back or event.sentence.index == 0 or (
                draft.place is not None and event.place is not None):
            return event
    return None


_TOLL_UPDATE = re.compile(r"\b(?:toll|number of (?:dead|deaths|victims))\b", re.IGNORECASE)


def _other_toll(event: EventDraft, draft: EventDraft) -> bool:
    """A new attack ("an attack", "another bombing", or one dated where the one before is not) with a death
    toll of its own is not the one before."""
    if event.killed is None or draft.killed is None or event.killed == draft.killed:
        return False
    text = draft.sentence.text
    if _INDEFINITE_ATTACK.search(text):
        return True
    dated_anew = event.date is None and len(draft.date or "") >= 7  # "in November 2014", after an undated one
    return dated_anew and bool(_ATTACK_VERB.search(text)) and not _TOLL_UPDATE.search(text)


def _more_specific(doc: AnnotatedDoc, candidate: str, current: str) -> bool:
    """Whether ``candidate`` lies inside ``current`` (Mir Ali inside North Waziristan)."""
    return current in doc.entities[candidate].ancestors or (
        doc.entities[current].type == "state" and doc.entities[candidate].country == doc.entities[current].name)


def _merge(doc: AnnotatedDoc, event: EventDraft, draft: EventDraft) -> None:
    if not _ends_with_full_stop(event.sentence.text) and _ends_with_full_stop(draft.sentence.text):
        event.sentence = draft.sentence  # a title line gives way to the first full sentence as evidence
    for name in ("date", "date_precision", "killed", "wounded", "casualty_text"):
        if getattr(event, name) is None and getattr(draft, name) is not None:
            setattr(event, name, getattr(draft, name))
    if draft.place is not None and (event.place is None or _more_specific(doc, draft.place, event.place)):
        event.place, event.place_text = draft.place, draft.place_text
    if event.date and draft.date and len(draft.date) > len(event.date) and draft.date.startswith(event.date):
        event.date, event.date_precision = draft.date, draft.date_precision
    event.claimed_by = list(dict.fromkeys(event.claimed_by + draft.claimed_by))
    event.perpetrators = list(dict.fromkeys(event.perpetrators + draft.perpetrators))
    event.targets = list(dict.fromkeys(event.targets + draft.targets))
    event.alleged = list(dict.fromkeys(event.alleged + draft.alleged))
