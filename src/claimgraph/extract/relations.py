"""Relation candidates within one sentence, from the words that link coordinated mention groups.

Mentions are first grouped into units ("TTP and ISKP", "the Taliban, the TTP, and India"); then each unit
is paired with the next actor unit (and with the places that follow it, for ``operates_in``), and the
linking words decide the relation, its direction and its cues (see ``triggers``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from claimgraph.extract import triggers as tr
from claimgraph.nlp.annotate import GROUP_NOUN, EntityInfo, Mention
from claimgraph.nlp.coref import QUALIFIER
from claimgraph.nlp.keywords import KeywordPattern, openings
from claimgraph.nlp.text import initials

MAX_LINK_CHARS = 170
MAX_TRIGGER_TO_OBJECT = 45  # a verb far from the object is rarely its verb
_COORDINATION = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/|&|[-–—]|as well as\s+|,?\s*along with\s+|,?\s*including\s+)"
    r"(?:the\s+|both\s+|its\s+)?$", re.IGNORECASE)
_SAME_ENTITY_LINK = re.compile(r"^\s*(?:\(|,?\s*(?:or|also known as|known as|a\.k\.a\.?)\s+)(?:the\s+)?$",
                               re.IGNORECASE)
_CLOSE = re.compile(r"\s*\)")
_CLAUSE_BREAK = KeywordPattern(re.compile(r";|\b(?=[wbu])(?:while|whereas|but|unlike)\b", re.IGNORECASE),
                               [";", *openings("while|whereas|but|unlike")], opens_match=True)
_PLACE_LIST = re.compile(r"^[\s,]*(?:and|or|as well as|including|notably|especially|particularly|such as|"
                         r"like|in|of|the|country['’]s|eastern|western|northern|southern|central|provinces?|"
                         r"districts?|regions?|areas?|parts of|[\s,])*$", re.IGNORECASE)


@dataclass(slots=True, eq=False)
class Unit:
    """One or more coordinated mentions acting together in a sentence (compared by identity)."""

    mentions: list[Mention]
    start: int
    end: int
    ids: list[str] = field(init=False)  # the entities of the mentions, each once, in order
    kind: str = field(init=False)

    def __post_init__(self) -> None:
        mentions = self.mentions
        self.ids = list(dict.fromkeys(mentions[0].ids if len(mentions) == 1 else
                                      [entity for mention in mentions for entity in mention.ids]))
        self.kind = mentions[0].kind

    @property
    def via(self) -> str | None:
        for mention in self.mentions:
            if mention.via:
                return mention.via
        return None


@dataclass(slots=True)
class Candidate:
    """A relation between two entities found in a sentence, before attribution and cues are applied."""

    subject: str
    relation: str
    object: str
    start: int  # the stretch of text that expresses it (used for attribution)
    end: int
    link: str  # the linking words (for negation and hedging)
    via: str | None = None


_LIST_TAIL = re.compile(r"\)?,?\s+(?:and|or)\s+(?:other|several|various|many|some|smaller|allied)\b", re.IGNORECASE)
_AGENT_NOUN = re.compile(r"^\W*(?:[A-Za-z]+(?:ors|ers)|commander|facilitator|supporter|backer|financier|trainer|"
                         r"handler|founder|fighter|attacker|bomber|sponsor)\b", re.IGNORECASE)
_PLACE_OBJECT_LINK = re.compile(r"\b(?:on|against|in|inside|into|at|targeting|targeted|struck|hit|bombed|attacked)\s+"
                                r"(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*,\s*)?$")
_MODIFIER_USE = re.compile(r"(?:anti|pro|non)-$", re.IGNORECASE)
_NOMINAL_OF_UNIT = re.compile(r"^\s*(?:cells?\s+)?(?:alliance|nexus|relationship|ties|cooperation|coordination|rivalry|"
                              r"convergence|partnership|links|axis|conflict|war|pact)\b", re.IGNORECASE)


_RELATION_NOUN_OF = re.compile(rf"\b(?:{tr.BACKING_NOUNS}|prox(?:y|ies)|arm|tool|instrument|puppet|pawn|behest|"
                               r"bidding|instigation|pay|behalf|agents?|clients?|all(?:y|ies)|partners?|"
                               r"enem(?:y|ies)|rivals?|foes?|adversar(?:y|ies)|sponsors?|backers?|patrons?)\s+"
                               r"(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)


def as_used(text: str, mentions: Sequence[Mention], entities: dict[str, EntityInfo]) -> list[Mention]:
    """Mentions as they act in the sentence: a state named as a location ("in Afghanistan", "Krasnogorsk,
    Russia") acts as a place, but not one that gives, directs or pays ("with the help of Iran", "a proxy of
    India"); "anti-Pakistan" is a modifier, not a participant."""
    used: list[Mention] = []
    for mention in mentions:
        if "-" in text[max(0, mention.start - 2):mention.start] and _MODIFIER_USE.search(
                text, max(0, mention.start - 5), mention.start):
            continue
        if mention.place_like and not _RELATION_NOUN_OF.search(text, max(0, mention.start - 30), mention.start) and (
                not _turned_to(text, mention.start, mention.end)):
            mention = mention.as_place()
        used.append(mention)
    return used


def _turned_to(text: str, start: int, end: int) -> bool:
    """Whether the name between ``start`` and ``end`` is one turned to for help ("turned to Russia for help")."""
    return text.startswith(" for ", end) and bool(tr.FOR_HELP.match(text, end)) and bool(
        tr.TURNED_TO.search(text, max(0, start - 60), start))


def build_units(text: str, mentions: Sequence[Mention]) -> list[Unit]:
    """Group mentions joined by "and", "A, B and C" lists or an acronym in brackets into units."""
    units: list[Unit] = []
    for mention in mentions:
        if units:
            last = units[-1]
            link = text[last.end:mention.start]
            same_kind = last.kind == mention.kind
            if same_kind and mention.entity in last.ids and _SAME_ENTITY_LINK.match(link):
                close = _CLOSE.match(text, mention.end)
                units[-1] = Unit([*last.mentions, mention], last.start, close.end() if close else mention.end)
                continue
            if same_kind and _COORDINATION.match(link):
                units[-1] = Unit([*last.mentions, mention], last.start, mention.end)
                continue
        units.append(Unit([mention], mention.start, mention.end))
    return [part for unit in units for part in (_split_unfinished_list(text, unit) if len(unit.mentions) > 1
                                                 else (unit,))]


def _split_unfinished_list(text: str, unit: Unit) -> list[Unit]:
    """"A, B" with no closing "and" is an apposition or two clauses, not a list: split it."""
    mentions = unit.mentions
    if len(mentions) < 2 or _LIST_TAIL.match(text, unit.end):
        return [unit]
    last = len(mentions) - 1  # where the last name starts: "…, Jama'at Nusrat al-Islam (JNIM)" is one name
    while last > 0 and mentions[last].entity == mentions[last - 1].entity and _SAME_ENTITY_LINK.match(
            text[mentions[last - 1].end:mentions[last].start]):
        last -= 1
    if last == 0 or not _COMMA_JOIN.fullmatch(text[mentions[last - 1].end:mentions[last].start]) or \
            mentions[last].entity in [m.entity for m in mentions[:last]]:
        return [unit]
    head = Unit(mentions[:last], unit.start, mentions[last - 1].end)
    return [*_split_unfinished_list(text, head), Unit(mentions[last:], mentions[last].start, unit.end)]


def forget_texts() -> None:
    """Forget what the stretches between two names read so far were found to hold."""
    _best_trigger.cache_clear()
    _links_no_pair.cache_clear()


def _last_words(link: str) -> int:
    """Where the space before the link's last two words starts (0 for a shorter link): an anchored trigger's
    tail (a word, "the" maybe, then spaces) lies past it, so its search may start there."""
    words = link.rsplit(None, 2)
    return len(words[0]) if len(words) == 3 else 0


@lru_cache(maxsize=8192)
def _best_trigger(link: str) -> tuple[tr.Trigger, re.Match[str]] | None:
    best: tuple[tr.Trigger, re.Match[str]] | None = None
    tails_from = _last_words(link)
    for trigger in tr.triggers_for(link):
        if trigger.tail is not None and not trigger.tail.search(link, tails_from):
            continue  # an anchored trigger whose ending the link lacks
        for match in trigger.finditer(link):  # a whole trigger's match starts the link
            if trigger.anchored and match.end() != len(link):
                continue
            if len(match.group().split()) == 1 and _AGENT_NOUN.search(match.group()):
                continue  # "financial facilitators of", "regional commander": nouns, not the verb
            if len(link) - match.end() > MAX_TRIGGER_TO_OBJECT:
                continue
            if trigger.forward and not trigger.anchored and _PASSIVE_AFTER.match(link, match.end()):
                continue  # "opportunities created by the end of the UN mission": a passive of something else
            if trigger.relation in ("rival_of", "allied_with") and _BETWEEN_AFTER.match(link, match.end()):
                continue  # "renewed fighting between the army and the rebels": the pair after it
            if best is None or match.end() > best[1].end() or (
                    match.end() == best[1].end() and match.start() < best[1].start()):
                best = (trigger, match)
        if best is not None and best[1].start() == 0 and best[1].end() == len(link):
            break  # a match of the whole link: no later one ends later or starts sooner
    return best


def _pairs(subjects: Sequence[str], relation: str, objects: Sequence[str], start: int, end: int, link: str,
           via: str | None) -> list[Candidate]:
    return [Candidate(s, relation, o, start, end, link, via) for s in subjects for o in objects if s != o]


def _role_relation(match: re.Match[str]) -> str:
    return "leads" if match.group("lead") else "member_of"


def sentence_units(text: str, mentions: Sequence[Mention], entities: dict[str, EntityInfo]) -> list[Unit]:
    """The units of a sentence's mentions as they act in it (``as_used``, then ``build_units``)."""
    return build_units(text, as_used(text, mentions, entities))


def candidates(text: str, sentence_start: int, sentence_end: int, mentions: Sequence[Mention],
               entities: dict[str, EntityInfo], units: Sequence[Unit] | None = None) -> list[Candidate]:
    """Every relation the linking words between units of this sentence express; ``units`` are the
    ``sentence_units`` of its mentions when the caller has them already."""
    if units is None:
        units = sentence_units(text, [m for m in mentions if sentence_start <= m.start and m.end <= sentence_end],
                               entities)
    found: list[Candidate] = []
    units, possessive = _fold_possessors(text, units, entities)
    found += possessive
    for mention in mentions:
        if mention.owner and mention.kind == "actor" and (
                sentence_start <= mention.start and mention.end <= sentence_end):  # "Yemen's Houthis" as one name
            unit = Unit([mention], mention.start, mention.end)
            found += _possession(Unit([replace(mention, ids=(mention.owner,))], mention.start, mention.end), unit,
                                 entities)
    # participants: actors, and states named as places (they can still be attacked: "strikes in Lebanon")
    participants = [u for u in units if u.kind == "actor" or _is_state_place(u, entities)]
    if _NAVIGATION.match(text, sentence_start):
        return found  # "Read: …" and "Related: …" lines link to other articles
    governors: dict[int, Unit] = {}  # the subject of the verb whose object a unit is ("X attacked Y")
    for index, left in enumerate(participants):
        if left.kind != "actor":
            continue
        later = participants[index + 1:]
        if len(left.ids) > 1:
            found.extend(_reciprocal(text, left, later, sentence_end))
        left_ids = set(left.ids)
        for right in later:
            if set(right.ids) == left_ids or (right.kind == "actor" and _MODIFIER_LINK.match(text, right.end)):
                continue  # itself again; "measures against Iran-backed groups": Iran qualifies the groups
            paired = _pair(text, left, right, entities, governors.get(id(left)))
            if paired and QUALIFIER.search(text, max(0, left.start - 40), left.start):
                # "a group affiliated with al-Qaeda claimed attacks": al-Qaeda does not act here
                paired = [c for c in paired if c.relation in ("member_of", "splinter_of", "leads")]
            # the name an apposition around ``left`` describes acts: "Al-Shabaab, the Somali group that is an
            # affiliate of al-Qaeda, has attacked Kenya", "Somalia's government, backed by AU troops, has been
            # fighting al-Shabaab"
            head = _apposition_head(text, participants[:index], left) if paired and _APPOSITION_CLOSE.match(
                text, left.end) else None
            if head is None and paired and _CLOSES_APPOSITION.match(text, left.end, right.start):
                head = _participle_head(text, participants[:index], left)
            if head is not None:
                paired = [replace(c, subject=s) for c in paired if c.subject in left.ids for s in head.ids]
            passive_subject = _passive_subject(text, participants[:index], left) if paired and _AS_A.match(
                text, left.end) else None
            if passive_subject is not None:
                # "TRF was floated by the ISI as a front for LeT": the front is TRF, not the ISI
                paired = [replace(c, subject=s) for c in paired for s in passive_subject.ids]
            if paired:
                found.extend(paired)
                found.extend(_continued_objects(text, paired, right, later, entities))
                if all(c.subject in left.ids and c.relation in _VERBAL for c in paired):
                    governors[id(right)] = left
                break
            if right.kind == "actor":
                break
        if all(entities[e].type in _OPERATING_TYPES for e in left.ids):
            found.extend(_operates(text, left, units, entities))
    found.extend(_fronted_operates(text, sentence_start, units, entities))
    found.extend(_defectors(text, sentence_start, units))
    return found


_REPORTING_VERBS = (r"said|says|say|told|stated|claimed|claims|alleged|added|noted|reported|warned|insisted|argued|"
                    r"believes|believed|announced|confirmed|denied|denies")
_REPORTED_THAT = KeywordPattern(re.compile(  # "denied that they": itself
    rf"\b{initials(_REPORTING_VERBS)}(?:{_REPORTING_VERBS})\s+(?:\w+\s+){{0,3}}?that\b(?!\s+(?:they|it|he|she|we)\b)",
    re.IGNORECASE), ["that"], word_start=True)
_REPORTED_BY_SPEAKER = "said|says|reported|stated|added"
_REPORTED = KeywordPattern(re.compile(  # "said militants attacked", not "said it attacked" (itself)
    rf"\b{initials(_REPORTED_BY_SPEAKER)}(?:{_REPORTED_BY_SPEAKER})\s+"
    r"(?!(?:that\s+)?(?:they|it|he|she|we|its|their|his|her)\b)(?:that\s+)?\w", re.IGNORECASE),
    openings(_REPORTED_BY_SPEAKER), word_start=True, opens_match=True)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:an?\s+|the\s+)?(?:[\w.-]+\s+){0,2}$", re.IGNORECASE)
_ATTACK_WORD = re.compile(r"\b(?:attack\w*|strike|strikes|struck|target\w*|raid\w*|bomb\w*|ambush\w*|assault\w*|"
                          r"stormed|overran|shelled|killed|killing)\b", re.IGNORECASE)
_EVENT_NOUNS = "attack|bombing|blast|assault|strike|massacre|killing"
_EVENT_AGENT = KeywordPattern(re.compile(
    rf"\b(?=[abksm])(?:{_EVENT_NOUNS})s?\b(?:,?\s+\w+){{0,4}}?\s+(?:(?:carried out|conducted|perpetrated|"
    r"orchestrated|claimed|staged|executed|committed)\s+by|(?:blamed|pinned)\s+on|attributed\s+to)\s+"
    r"(?:[\w-]+\s+){0,3}$", re.IGNORECASE), openings(_EVENT_NOUNS),
    word_start=True, opens_match=True)
_ATTACKED_RIVAL = re.compile(r"\b(?:attacked|struck|targeted|raided|ambushed|stormed)\s+(?:its|their|the)\s+"
                             r"(?:\w+\s+)?(?:rival|enemy|enemies|adversary|foe)", re.IGNORECASE)
_NAVIGATION = re.compile(r"\s*(?:read|also read|read more|related|see also|watch)\s*:", re.IGNORECASE)
_POSSESSED_AGENT = re.compile(rf"\s+(?:{tr.BRANCH_NOUNS})\b|"
                              r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:affiliate|branch|wing|faction|fighters|members|leaders?|"
                              r"commanders?|spokes(?:man|person)|militants|forces|troops|allies|proxies|units?|cells?|"
                              r"operatives|supporters|followers)\b", re.IGNORECASE)
_SPEAKS_NEXT = re.compile(r"\s+(?:said|says|told|added|stated|warned|insisted|explained|noted)\b", re.IGNORECASE)
_APPOSITION_CLOSE = re.compile(r"\s*,\s+(?:has|have|had|is|was|were|are|will|also|\w+ed)\b", re.IGNORECASE)
_APPOSITION_OPEN = re.compile(r"\s*,\s*(?:the|a|an)\b[^,;]*", re.IGNORECASE)
_THIRD_PARTY = re.compile(r"\b(?:sanction\w*|designat\w*|measures|penalt\w+|impos\w+|indict\w*|blacklist\w*|"
                          r"people|entities|individuals|those|businesses|companies|firms|facilitators|financiers|"
                          r"networks)\b", re.IGNORECASE)
_INSURGENCY = re.compile(r"insurgency|rebellion|uprising", re.IGNORECASE)
_ORG_AFFILIATE = re.compile(r"(?:['’]s?)?\s+(?:[\w-]+\s+)?(?P<role>affiliate|branch|wing|faction|offshoot|proxy|front|"
                            r"franchise|splinter group|province)\b", re.IGNORECASE)
_AFTER_PREPOSED = re.compile(r"\s*,\s*(?:[^,;()]{0,70}\(\s*|[A-Z][\w’'-]*\s+)?")  # "…, Name (ACRONYM)"
_COMMA_ARTICLE = re.compile(r"\s*,\s*(?:a|an|the)\s+")
_COMMA_JOIN = re.compile(r"\s*,\s*(?:the\s+|both\s+|its\s+)?")
_QUOTE_END = re.compile(  # '…," he said', '…," local official X told', "…, the US military said"
    r"[”\"'’]\s*,?\s*$|[,.]\s*[”\"'’]\s*$|,[”\"'’]?\s*(?:the\s+)?$|[,.]?[”\"]\s*(?:[\w-]+\s+){1,3}$")
_LEADER_ROLE = re.compile(rf"\b(?:{tr.LEADER_ROLES})\b", re.IGNORECASE)
_POSSESSIVE_LINK = re.compile(r"['’]s?\s+")
_COMMA_THE = re.compile(r"\s*,\s*(?:the\s+)?")
_COMMA_DETERMINER = re.compile(r"\s*,\s*(?:an?|the|its)\s+")
_NEW_SUBJECT = re.compile(r",\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:have|has|had)\s+(?!been\b)", re.IGNORECASE)
_PASSIVE_AFTER = re.compile(r"\s+by\b")
_MEMBERS_OF = re.compile(r"\bbelonging\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN_AFTER = re.compile(r"\s+between\s+(?:the\s+)?$")
_BY_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?[a-z]")
_VICTIM_OF = re.compile(r"['’]s?\s+(?:\w+\s+)?(?:killing|assassination|death|murder|execution|arrest|capture)\s+"
                        r"(?:in|by|at the hands of)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
_ATTACKED_BEFORE = re.compile(rf"{_ATTACK_WORD.pattern}\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been|being|became|becomes|remains?|remained)\s+$",
                            re.IGNORECASE)
_AS_A = re.compile(r"\s+as\s+(?:a|an|its|their)\s+", re.IGNORECASE)


def _apposition_head(text: str, earlier: Sequence[Unit], inner: Unit) -> Unit | None:
    """The unit an apposition describes, when ``inner`` is named inside that apposition."""
    for unit in reversed(earlier):
        if unit.kind == "actor" and _APPOSITION_OPEN.fullmatch(text, unit.end, inner.start):
            return unit
    return None


_PARTICIPLE_BY = re.compile(r",\s*(?:\w+ed|led|run)\s+by\s+(?:the\s+)?$", re.IGNORECASE)  # ", backed by "
_CLOSES_APPOSITION = re.compile(r"[^,;()]{0,60},\s+(?!and\b|or\b|the\b|a\b|an\b|who\b|which\b)")


def _participle_head(text: str, earlier: Sequence[Unit], agent: Unit) -> Unit | None:
    """The name a participle phrase describes when ``agent`` is its agent: Somalia in "Somalia's government,
    backed by African Union troops, …"."""
    opening = _PARTICIPLE_BY.search(text, max(0, agent.start - 30), agent.start)
    if opening is None:
        return None
    before = [u for u in earlier if u.kind == "actor" and u.end <= opening.start()]
    return before[-1] if before and opening.start() - before[-1].end <= 20 else None


def _passive_subject(text: str, earlier: Sequence[Unit], agent: Unit) -> Unit | None:
    """The subject of a passive whose agent is ``agent`` ("TRF was floated by the ISI")."""
    if not earlier or not _BY_AGENT.search(text, max(0, agent.start - 12), agent.start):
        return None
    previous = [u for u in earlier if u.kind == "actor" and u.end <= agent.start]
    return previous[-1] if previous else None


def _type(entities: dict[str, EntityInfo], entity: str) -> str:
    return entities[entity].type


def _is_state_place(unit: Unit, entities: dict[str, EntityInfo]) -> bool:
    return unit.kind == "place" and all(entities[e].kind == "actor" for e in unit.ids)


_POSSESSIVE = re.compile(r"^['’]s?\s+$")
_APOSTROPHES = ("'", "’")  # how a possessive link opens


def _fold_possessors(text: str, units: Sequence[Unit],
                     entities: dict[str, EntityInfo]) -> tuple[list[Unit], list[Candidate]]:
    """"Pakistan's ISI" acts as ISI; "Yemen's Houthis" also says the Houthis operate in Yemen."""
    folded: list[Unit] = []
    found: list[Candidate] = []
    pending: Unit | None = None  # "Yemen's Iran-backed Houthis": the possession passes over the modifier
    for unit in units:
        if folded and unit.kind == "actor" and text.startswith(_APOSTROPHES, folded[-1].end) and _POSSESSIVE.match(
                text[folded[-1].end:unit.start]):
            last = folded.pop()
            owner = Unit([last.mentions[-1]], last.mentions[-1].start, last.end)
            if len(last.mentions) > 1:  # "…, Yemen's Houthis": only the last of a list owns
                folded.append(Unit(last.mentions[:-1], last.start, last.mentions[-2].end))
            if _MODIFIER_LINK.match(text, unit.end):
                pending = owner
                folded.append(unit)
                continue
            found += _possession(owner, unit, entities)
            unit = Unit(unit.mentions, owner.start, unit.end)
        elif pending is not None and unit.kind == "actor" and _MODIFIER_LINK.match(text, folded[-1].end):
            found += _possession(pending, unit, entities)
        pending = None
        folded.append(unit)
    return folded, found


def _possession(owner: Unit, unit: Unit, entities: dict[str, EntityInfo]) -> list[Candidate]:
    """"Yemen's Houthis" operate in Yemen; "the Islamic State's Sahel Province" is a branch (per the KB)."""
    owner_is_place = all(_type(entities, e) == "state" or entities[e].kind == "place" for e in owner.ids)
    groups = all(_type(entities, e) == "armed_group" for e in unit.ids)
    if owner_is_place and groups:
        return _pairs(unit.ids, "operates_in", owner.ids, owner.start, unit.end, "'s", unit.via)
    if groups and all(o in entities[e].ancestors for e in unit.ids for o in owner.ids):
        return _pairs(unit.ids, "member_of", owner.ids, owner.start, unit.end, "'s", unit.via)
    return []


def _continued_objects(text: str, paired: list[Candidate], right: Unit, later: Sequence[Unit],
                       entities: dict[str, EntityInfo]) -> list[Candidate]:
    """"killed 50 Wagner mercenaries and 10 Malian soldiers": the verb governs both objects."""
    relations = {c.relation for c in paired if c.relation in ("attacks", "supports", "rival_of", "allied_with")}
    if len(relations) != 1 or right not in later:
        return []
    (relation,) = relations
    subjects = list(dict.fromkeys(c.subject for c in paired if right.ids and c.object in right.ids))
    found: list[Candidate] = []
    previous = right
    for unit in later[later.index(right) + 1:]:
        link = text[previous.end:unit.start]
        if not _CONTINUED.fullmatch(link):
            break
        found += _pairs(subjects, relation, unit.ids, previous.start, unit.end, link, unit.via)
        previous = unit
    return found


_CONTINUED = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:,?\s*and\s+|,?\s*as well as\s+)(?:\d[\d,]*\s+|the\s+|other\s+|"
                        r"several\s+|two\s+|three\s+)?(?:[\w-]+\s+){0,1}?", re.IGNORECASE)
_MODIFIER_LINK = re.compile(r"-(?:backed|based|linked|affiliated|allied|aligned|led|sponsored|funded|supported|"
                            r"inspired|trained)\b", re.IGNORECASE)


def _another_agent(link: str) -> bool:
    """Whether the link names who acts instead of the left unit: "al-Qaeda's Sahelian affiliate has increased …",
    "an al-Qaeda affiliate claimed …" (the affiliate acts, not al-Qaeda), "had no role in the attack carried out
    by JeM", "attacks blamed on the TTP" (the event's author)."""
    return bool(_POSSESSED_AGENT.match(link) or _EVENT_AGENT.search(link))


_VERBAL = ("attacks", "supports", "rival_of", "allied_with")  # the relations a clause's verb expresses


@lru_cache(maxsize=8192)  # the same short links (", the ", " and the ") come back sentence after sentence
def _links_no_pair(link: str) -> bool:
    """Whether the words between two names keep them apart: a clause break or a nominal ("… alliance"), a
    modifier ("Iran-backed militias attack US forces": Iran is no attacker) or a speaker in between
    ("Pakistan said (that) militants attacked a post", "…, according to a UN report")."""
    return bool(_CLAUSE_BREAK.search(link) or _NOMINAL_OF_UNIT.match(link)
                or (_MODIFIER_LINK.match(link) and len(link.split()) > 2)
                or _REPORTED_THAT.search(link) or _REPORTED.search(link) or _ACCORDING_TO.search(link))


def _pair(text: str, left: Unit, right: Unit, entities: dict[str, EntityInfo],
          governor: Unit | None = None) -> list[Candidate]:
    """The relations between two units from the words that link them; ``governor`` is the subject of the verb
    whose object ``left`` is, if any (it is the one an adjunct such as "with the help of X" is about)."""
    link = text[left.end:right.start]
    if len(link) > MAX_LINK_CHARS or _links_no_pair(link):
        return []
    if _SPEAKS_NEXT.match(text, right.end) and _QUOTE_END.search(link):
        return []  # "… against any country," he said; "…, the US military said": the speaker is not the object
    via = left.via or right.via
    span = (left.start, right.end)
    people_right = [e for e in right.ids if entities[e].type == "person"]
    people_left = [e for e in left.ids if entities[e].type == "person"]
    orgs_left = [e for e in left.ids if entities[e].type != "person"]
    orgs_right = [e for e in right.ids if entities[e].type != "person"]
    # "TTP spokesperson Ehsanullah Ehsan", "ISKP's first Emir, Hafiz Saeed Khan"
    if people_right and orgs_left:
        title = tr.TITLE_IN_NAME.match(right.mentions[0].text)  # "Prime Minister Shehbaz Sharif"
        role = tr.ROLE_BEFORE_PERSON.match(link + (title.group() if title else ""))
        if role:
            return _pairs(people_right, _role_relation(role), orgs_left, *span, link, via)
        lead_in_name = _LEADER_ROLE.search(left.mentions[-1].text)
        if lead_in_name and tr.TITLE_ONLY.match(link):
            return _pairs(people_right, "leads", orgs_left, *span, link, via)
    # "Naseem Baloch, Chairman of the Baloch National Movement"
    if people_left and orgs_right:
        role = tr.PERSON_THEN_ROLE.match(link)
        if role:
            return _pairs(people_left, _role_relation(role), orgs_right, *span, link, via)
        after = tr.PERSON_THE_ORGS_ROLE.match(text, right.end)
        if after and _COMMA_THE.fullmatch(link):
            return _pairs(people_left, _role_relation(after), orgs_right, left.start, after.end(), link, via)
    # "JNIM, an al-Qaeda affiliate", "JNIM, al-Qaeda's branch in the Sahel"
    apposed = _COMMA_DETERMINER.fullmatch(link) or (link.strip() == "," and _POSSESSIVE_LINK.match(text, right.end))
    affiliate = _ORG_AFFILIATE.match(text, right.end) if orgs_left and orgs_right and apposed else None
    if affiliate:
        return _pairs(left.ids, tr.preposed_relation(affiliate), right.ids, left.start, affiliate.end(), link, via)
    # "al-Qaeda's Sahelian affiliate, JNIM", "Al Qaeda affiliate JNIM"
    branch = tr.POSSESSIVE_BRANCH.match(link) or tr.COMPOUND_BRANCH.fullmatch(link)
    if branch and orgs_left and orgs_right:
        owner = list(left.mentions[-1].ids)  # "ISSP and al-Qaeda's affiliate, JNIM": only al-Qaeda owns
        return _pairs(right.ids, tr.preposed_relation(branch), owner, *span, link, via)
    # "An affiliate of al-Qaeda, JNIM, said …": the apposition comes first
    preposed = _AFTER_PREPOSED.fullmatch(link) and tr.PREPOSED.search(text, max(0, left.start - 60), left.start)
    if preposed and not _COPULA_BEFORE.search(text, max(0, preposed.start() - 16), preposed.start()):
        # not "Hamas is a proxy of Iran, Israeli officials said": a predicate, not an apposition
        return _pairs(right.ids, tr.preposed_relation(preposed), left.ids, preposed.start(), right.end, link, via)
    if _VICTIM_OF.match(link) and right.kind == "actor" and not _another_agent(link):
        return _pairs(right.ids, "attacks", left.ids, *span, link, via)  # "al-Zawahiri's killing in a US strike"
    if right.kind != "actor" and not _PLACE_OBJECT_LINK.search(link):
        return []  # a place is the object only of an attack or a fight placed "in", "on" or "against" it
    if link.startswith(_APOSTROPHES) and tr.BACKING_WITHOUT_OBJECT.match(link):
        return []  # "… with Pakistan's support, Indian officials said": the backing has no object here
    if tr.WITH_BEFORE.search(link, max(0, len(link) - 14)) and tr.POSSESSED_BACKING.match(text, right.end) and (
            not _another_agent(link)):  # "with Iran's help"
        return _backing(text, left, right, governor, link, via)
    if right.kind == "actor" and tr.USE_OF_GROUND.match(text, right.end) and tr.ALLOWING.search(
            link, max(0, len(link) - 20)):
        return _pairs(left.ids, "supports", right.ids, *span, link, via)  # "allowing the TTP to use Afghan soil"
    if right.kind == "actor" and link.endswith(("to ", "the ")) and _turned_to(text, right.start, right.end):
        return _pairs(right.ids, "supports", left.ids, *span, link, via)
    best = _best_trigger(link)
    if best is None:
        if right.kind == "actor" and tr.AFTER_OBJECT_PROXY.match(text[right.end:right.end + 60]) and not (
                _another_agent(link)):
            return _pairs(left.ids, "supports", right.ids, left.start, right.end + 40, link, via)
        return []
    if _another_agent(link):
        return []
    trigger, match = best
    if trigger is tr.BACKED_WITH:
        return _backing(text, left, right, governor, link, via)
    if trigger is tr.ACTING_FOR and (any(_type(entities, e) in ("state", "international_org") for e in left.ids) or
                                     any(_type(entities, e) in ("person", "international_org") for e in right.ids)):
        return []  # "Qatar spoke on behalf of the US", "on behalf of its leader": no proxy
    if trigger is tr.RUN_BY and any(_type(entities, e) == "state" for e in right.ids):
        return []  # "Taliban-run Afghanistan": a state ruled, not a body of the group
    if match.group().startswith("-") and match.start() > 0:
        return []  # "a joint operation with an Iranian-backed militia": the backer is the word before the dash
    if _NEW_SUBJECT.search(link, 0, match.start()):
        return []  # "… on Israel on October 7, the militias have launched attacks on": another clause's subject
    if not trigger.forward and _BY_AGENT_BEFORE.search(link, 0, match.start()):
        return []  # "attacked by armed groups supported by Iran": the groups are the ones supported
    relation = trigger.relation
    if relation in ("supports", "allied_with") and _THIRD_PARTY.search(link, 0, match.start()):
        return []  # "the US sanctioned facilitators of the Houthis": someone else supports them
    if relation in ("attacks", "rival_of") and tr.SUPPORTED_AGENT.search(link, 0, match.start()):
        return []  # "does not support any group against Pakistan": the groups would act, not the subject
    if relation != "member_of" and QUALIFIER.search(link, match.end()) and not (
            relation == "attacks" and _MEMBERS_OF.search(link, match.end())):
        # "fighting insurgents linked to al-Qaeda": al-Qaeda qualifies the real object; but killing "militants
        # belonging to the TTP" attacks the TTP
        return []
    if trigger is tr.TRUCE_WITH and tr.MEDIATED.search(link, 0, match.start()):
        return []  # "Qatar brokered a ceasefire with Hamas": a mediator, not a party
    if relation == "rival_of" and right.kind != "actor" and not _INSURGENCY.search(match.group()):
        return []  # "fights in Mali" places a fight, it does not oppose the state
    if right.kind != "actor" and relation not in ("attacks", "rival_of"):
        return []
    subjects, objects = (left.ids, right.ids) if trigger.forward else (right.ids, left.ids)
    if relation == "member_of" and tr.PROXY_OF.search(link) and all(
            _type(entities, o) in ("state", "state_agency") for o in objects):
        relation, subjects, objects = "supports", objects, subjects
    found = _pairs(subjects, relation, objects, *span, link, via)
    if relation == "rival_of" and trigger.forward and _ATTACKED_RIVAL.search(link):
        found += _pairs(subjects, "attacks", objects, *span, link, via)  # "attacked its rival faction X"
    return found


def _backing(text: str, left: Unit, right: Unit, governor: Unit | None, link: str, via: str | None
             ) -> list[Candidate]:
    """``right`` backs whoever acts in the clause: "X operates with the help of Z" (Z supports X), "X attacked Y
    with the help of Z" (Z supports the ``governor`` X), but "the army struck X hideouts with the help of Z"
    names no one Z helps."""
    if governor is None and _ATTACKED_BEFORE.search(text, max(0, left.start - 40), left.start):
        return []
    return _pairs(right.ids, "supports", (governor or left).ids, left.start, right.end, link, via)


# "the Somali militant group al-Shabab", "al-Shabab, the Somali armed group": where the group operates
_DEMONYM_THEN_GROUP = re.compile(rf"\s+{GROUP_NOUN}\s+(?:the\s+)?", re.IGNORECASE)
_GROUP_NOUN_AFTER = re.compile(rf"\s+{GROUP_NOUN}\b", re.IGNORECASE)
_ENDS_IN_GROUP_NOUN = re.compile(rf"\s{GROUP_NOUN}$", re.IGNORECASE)
_APPOSED_GROUP_NOUN = re.compile(rf"(?:['’]s?)?\s+(?:[\w-]+\s+)?(?:{tr.BRANCH_NOUNS}|wing|{GROUP_NOUN})\b",
                                 re.IGNORECASE)


def _reciprocal(text: str, unit: Unit, following: Sequence[Unit], sentence_end: int) -> list[Candidate]:
    """"TTP and ISKP have been working together" or "the convergence between TTP and ISKP" (``unit`` names
    two entities or more)."""
    found: list[Candidate] = []
    limit = following[0].start if following else sentence_end
    after = text[unit.end:min(limit, unit.end + 80)]
    before = text[max(0, unit.start - 60):unit.start]
    spans: dict[str, tuple[int, int]] = {}  # each relation's stretch: the names and the words that express it
    for relation, pattern in tr.BETWEEN_PAIR:
        match = pattern.search(before)
        if match:
            spans[relation] = (unit.start - len(before) + match.start(), unit.end)
    for relation, pattern in tr.RECIPROCAL:
        match = pattern.search(after)
        if match:
            start, _ = spans.get(relation, (unit.start, unit.end))
            spans[relation] = (start, unit.end + match.end())
    ids = unit.ids
    for relation, (start, end) in spans.items():
        for i, first in enumerate(ids):
            for second in ids[i + 1:]:
                found.append(Candidate(first, relation, second, start, end, after, unit.via))
    return found


_OPERATING_TYPES = ("armed_group", "political_party")  # states and their agencies are where they are


def _operates(text: str, actor: Unit, units: Sequence[Unit], entities: dict[str, EntityInfo]) -> list[Candidate]:
    """"ISKP is active in Kunar and Nangarhar", "Quetta-based LeJ", "Yemen's Houthis": said of an actor whose
    entities are all of the ``_OPERATING_TYPES``."""
    if _POSSESSED_AGENT.match(text, actor.end):
        return []  # "al-Qaeda's affiliate is active in Mali" places the affiliate
    found: list[Candidate] = []
    position = next(i for i, unit in enumerate(units) if unit is actor)
    if position > 0 and units[position - 1].kind == "actor" and _qualifies_apposition(text, units[position - 1],
                                                                                        actor):
        return []  # "ISWAP, an Islamic State group active in Nigeria" places ISWAP (see above)
    following = units[position + 1:]
    places: list[Unit] = []
    for unit in following:
        if unit.kind == "actor" and set(unit.ids) == set(actor.ids):
            continue  # "ISSP has spread its governance in Mali"
        if unit.kind == "actor" and not places and _qualifies_apposition(text, actor, unit):
            continue  # "JNIM, an al-Qaeda affiliate based in Mali": al-Qaeda only qualifies the apposition
        if unit.kind == "actor":
            break
        if not places:
            link = text[actor.end:unit.start]
            # "hideouts of the TTP deep inside Afghanistan": the cue stands before the group
            if len(link) > MAX_LINK_CHARS or _CLAUSE_BREAK.search(link) or not (tr.OPERATES.search(link) or (
                    tr.INSIDE.fullmatch(link) and tr.HAVENS_OF.search(text, max(0, actor.start - 40), actor.start))
                    ) or _ATTACK_WORD.search(link):
                break  # where one attack happened is not where a group operates
            places.append(unit)
        elif _PLACE_LIST.match(text[places[-1].end:unit.start]):
            places.append(unit)
        else:
            break
    if following and not places and _COMMA_ARTICLE.fullmatch(text, actor.end, following[0].start) and (
            following[0].kind == "place" or _is_state_place(following[0], entities)) and (tr.PLACE_BASED_AFTER.match(
            text, following[0].end) or _GROUP_NOUN_AFTER.match(text, following[0].end)):
        places.append(following[0])  # "LeT, a Pakistan-based group"
    for unit in places:
        found.extend(_pairs(actor.ids, "operates_in", unit.ids, actor.start, unit.end,
                            text[actor.end:unit.start], actor.via))
    previous = units[position - 1] if position > 0 else None
    if previous is not None and (previous.kind == "place" or all(
            _type(entities, e) == "state" for e in previous.ids)) and all(
            _type(entities, e) == "armed_group" for e in actor.ids):
        link = text[previous.end:actor.start]
        # "Quetta-based LeJ", "Yemen's Houthis", "North Waziristan, which the Haqqanis control",
        # "the Somali militant group al-Shabab"
        if tr.PLACE_BASED.match(link) or _POSSESSIVE_LINK.fullmatch(link) or (tr.WHICH_CONTROLS.fullmatch(
                link) and tr.CONTROL_AFTER.match(text, actor.end)) or _DEMONYM_THEN_GROUP.fullmatch(link):
            found.extend(_pairs(actor.ids, "operates_in", previous.ids, previous.start, actor.end, link, actor.via))
    return found


def _qualifies_apposition(text: str, head: Unit, unit: Unit) -> bool:
    """Whether ``unit`` only qualifies the noun of an apposition to ``head``: "JNIM, an al-Qaeda affiliate",
    "ISWAP, an Islamic State group"."""
    return bool(_COMMA_ARTICLE.fullmatch(text, head.end, unit.start) and (
        _APPOSED_GROUP_NOUN.match(text, unit.end) or _ENDS_IN_GROUP_NOUN.search(unit.mentions[-1].text)))


def _fronted_operates(text: str, sentence_start: int, units: Sequence[Unit],
                      entities: dict[str, EntityInfo]) -> list[Candidate]:
    """"Operating across Afghanistan and Pakistan, ISKP has …": the subject follows the places."""
    if not tr.FRONTED_OPERATES.match(text, sentence_start):
        return []
    for index, unit in enumerate(units[1:], start=1):
        is_group = unit.kind == "actor" and all(_type(entities, e) != "state" for e in unit.ids)
        if is_group and re.fullmatch(r"\s*,\s*", text[units[index - 1].end:unit.start]):
            places = [e for u in units[:index] for e in u.ids]
            return _pairs(unit.ids, "operates_in", places, sentence_start, unit.end,
                          text[sentence_start:unit.start], unit.via)
    return []


def _defectors(text: str, sentence_start: int, units: Sequence[Unit]) -> list[Candidate]:
    """"ISKP emerged when … defectors from the TTP": the sentence's subject (its first actor) split from the
    object (an actor after it)."""
    position = next((i for i, unit in enumerate(units) if unit.kind == "actor"), len(units))
    if position == len(units) or units[position].start - sentence_start > 4:
        return []
    subject = units[position]
    found: list[Candidate] = []
    for unit in units[position + 1:]:
        if unit.kind != "actor":
            continue
        if tr.DEFECTORS.search(text[max(subject.end, unit.start - 40):unit.start]):
            found.extend(_pairs(subject.ids, "splinter_of", unit.ids, subject.start, unit.end,
                                text[subject.end:unit.start], subject.via))
    return found
