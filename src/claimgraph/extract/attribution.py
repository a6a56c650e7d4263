"""Who asserts what in a sentence: the author, or a quoted or reported speaker and the span they assert."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from string import ascii_uppercase

from claimgraph.model import AUTHOR_SPEAKER, Speaker
from claimgraph.nlp.annotate import EntityInfo, Mention
from claimgraph.nlp.discovery import slug
from claimgraph.nlp.keywords import KeywordPattern, openings
from claimgraph.nlp.sentences import Sentence
from claimgraph.nlp.text import initials

_VERBS = (r"said|says|say|told|tells|tell|stated|states|state|claimed|claims|claim|alleged|alleges|allege|"
          r"revealed|reveals|accused|accuses|accuse|added|adds|noted|notes|remarked|remarks|warned|warns|"
          r"insisted|insists|denied|denies|deny|confirmed|confirms|announced|announces|reported|reports|"
          r"argued|argues|asserted|asserts|maintained|maintains|blamed|blames|charged|contended|"
          r"acknowledged|acknowledges|admitted|admits|declared|declares|disclosed|discloses|stressed|"
          r"emphasi[sz]ed|wrote|writes|believes|believed|believe|suspects|suspected|suspect|testified|informed|"
          r"briefed|"
          r"observed|concluded|found|estimated|assessed|assesses|assess|explained|reiterated|affirmed|"
          r"indicated|indicates|suggested|suggests|suggest|thinks|think|argue|note|warn|insist|contend|acknowledge|admit|"
          r"stress|conclude|cautioned|cautions|caution|explain")
# a verb with a noun that carries the reported clause: "rejected allegations that …", "expressed concern that …"
_FRAMING_VERBS = (r"rejected|rejects|reject|dismissed|dismisses|dismiss|refuted|refutes|refute|denied|denies|deny|"
                  r"expressed|expresses|voiced|voices|raised|raises")
_FRAMED = (rf"(?:{_FRAMING_VERBS})\s+(?:the|these|those|all|any|such|its|their)?\s*(?:[\w-]+\s+){{0,2}}?"
           r"(?:allegations?|claims?|reports?|charges?|accusations?|suggestions?|assertions?|insinuations?|"
           r"concerns?|fears?|doubts?|suspicions?)\s+(?:that|of)\b")
_REPORTING = KeywordPattern(re.compile(
    rf"\b(?:{initials(_FRAMING_VERBS)}{_FRAMED}|{initials(_VERBS)}(?:{_VERBS})\b(?!\s+(?:responsibility|credit|"
    r"the lives|lives|the attack|the bombing|ownership|to have)))", re.IGNORECASE),
    [*openings(_VERBS), *openings(_FRAMING_VERBS)], word_start=True, opens_match=True)
_HEDGING_VERBS = re.compile(r"^(?:claim|alleg|accus|blam|suspect|charg|believ|suggest|think|(?:expresse?|voice|raise)"
                            r"[ds]?\s+(?!(?:the\s+)?(?:allegations?|claims?|reports?|charges?|accusations?)\b))",
                            re.IGNORECASE)
_DENYING_VERBS = re.compile(r"^(?:den|reject|dismiss|refut)", re.IGNORECASE)
_LEFT_LINK = re.compile(
    r"\)?(?:\s*,[^,;]{0,90},)?\s*,?\s*(?:who\s+|which\s+)?(?:(?:has|have|had|also|further|later|then|previously|"
    r"recently|earlier|publicly|repeatedly|once|again|reportedly|officially|strongly|flatly|categorically|"
    r"firmly|on \w+day|in a statement,?|in a statement)\s+)*", re.IGNORECASE)
_ROLE_APPOSITION = re.compile(
    r",[^,]*\b(?:chairman|chairperson|spokes(?:man|person|woman)|leader|head|chief|minister|president|director|"
    r"commander|founder|secretary|official|ambassador|envoy|emir|amir|governor|general)\b", re.IGNORECASE)
# the people and bodies that report: "officials say", "Some researchers argue", "One Member State reported"
_SPEAKER_NOUNS = (r"officials?|sources?|authorities|police|spokes(?:man|person|woman)|analysts?|experts?|military|"
                  r"army|government|ministry|statement|report|observers?|residents?|witness(?:es)?|investigators?|"
                  r"officers?|prosecutors?|monitors|team|committee|agency|office|states?|countries|diplomats?|"
                  r"researchers?|scholars?|academics?|specialists?|journalists?|reporters?|commentators?|critics?|"
                  r"activists?|villagers?|elders?|lawmakers?|legislators?|insiders?|aides?|leaders?|members?|"
                  r"commanders?|militants|fighters|soldiers|troops|forces")
_CAPITALISED_NOUNS = "|".join(f"[{noun[0]}{noun[0].upper()}]{noun[1:]}" for noun in _SPEAKER_NOUNS.split("|"))
# "Sources close to the investigation said", "Officials in Kabul said", "an official, speaking on condition of
# anonymity, said": what follows the noun still belongs to the speaker
_POSTMODIFIER = r"(?:\s+(?:close to|familiar with|with knowledge of|privy to|involved in|in|at|of|from|within)" \
                r"\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)?"
_SPEAKER_MODIFIERS = (r"senior|top|local|security|intelligence|government|military|police|western|foreign|defence|"
                      r"defense|provincial|federal|district|one|two|three|four|several|some|many|most|other|a|an")
_NOUN_SPEAKER = KeywordPattern(re.compile(  # "officials say", "Pakistani officials said", "Officials say" opening
    # the look-aheads let the engine pass over most characters after one test (see ``initials``)
    rf"((?:{initials(_SPEAKER_MODIFIERS + '|' + '|'.join(ascii_uppercase))}"
    rf"(?:[A-Z][\w'’.-]*\s+|(?:{_SPEAKER_MODIFIERS})\s+)){{0,4}}"
    rf"{initials(_SPEAKER_NOUNS + '|' + _SPEAKER_NOUNS.upper())}"
    rf"(?:{_CAPITALISED_NOUNS}){_POSTMODIFIER})(?:\s*,[^,;]{{0,90}},)?\s+(?:(?:have|has|had|also|further|\w+ly)\s+)*$"),
    [*openings(_SPEAKER_NOUNS), *(word.capitalize() for word in openings(_SPEAKER_NOUNS))])
_DOCUMENT = r"(?:report|assessment|review|study)\b"  # a document that can speak for its authors
_DOCUMENT_AFTER = re.compile(rf"['’]?s?\s+(?:[\w-]+\s+)?{_DOCUMENT}", re.IGNORECASE)
_SHORT_TAIL = re.compile(r"(?:\s+(?!that\b)[\w'’.-]+){0,6}\s*[.!?]?[\"”’]?\s*")
_ACCORDING = KeywordPattern(re.compile(r"\baccording to\s+", re.IGNORECASE), ["according to"], word_start=True,
                            opens_match=True)
_CLAUSE_MARK = re.compile(r"[,;:.]")
_SOURCE_PHRASE = re.compile(r"(?:the\s+|a\s+|an\s+)?((?:(?:one|two|three|four|several|some|many|other)\s+)?(?:"
                            rf"(?:[\w'’-]+\s+){{0,4}}(?:{_CAPITALISED_NOUNS}|reports|data|estimates)\b"
                            r"|(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*))")
# "It was claimed by officials that …", "It is widely believed that …": a passive report, its agent the speaker
_PASSIVE = KeywordPattern(re.compile(
    r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+)?(claimed|alleged|reported|said|stated|"
    r"believed|suspected|feared|thought|understood|learnt|learned|assessed|estimated|rumou?red)"
    r"(?:\s+by\s+([^,;]{1,80}?))?\s+that\b", re.IGNORECASE), ["it"], word_start=True, opens_match=True)
_HEDGING_PASSIVE = re.compile(r"^(?:claim|alleg|believ|suspect|fear|thought|rumou?r)", re.IGNORECASE)
_BEFORE_PARENTHETICAL = re.compile(r"[,”\"]\s*(?:(?:the|a|an|its|his|her|their)\s+)?$", re.IGNORECASE)
_AFTER_SPEAKER = re.compile(rf"[,”\"]\s*(?:(?:{_VERBS})\s+)$", re.IGNORECASE)


_PUBLISHES = re.compile(r"\s+(?:has\s+|have\s+)?(?:released|published|issued|submitted|presented|compiled|produced)"
                        rf"\s+(?:its|their|a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_DOCUMENT}", re.IGNORECASE)
_DOCUMENT_SPEAKER = re.compile(rf"\b{_DOCUMENT}", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """The stretch of a sentence a speaker asserts, and how they assert it."""

    speaker: Speaker
    start: int
    end: int
    hedged: bool = False
    denial: bool = False
    speaker_start: int = -1
    speaker_end: int = -1

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def _speaker_for(mention: Mention, entities: dict[str, EntityInfo]) -> Speaker:
    info = entities[mention.entity]
    return Speaker(info.id, info.name)


def _phrase_speaker(phrase: str, inside: Sequence[Mention], entities: dict[str, EntityInfo]) -> Speaker:
    phrase = phrase.strip()
    return Speaker(inside[0].entity if inside else "source:" + slug(phrase),
                   phrase if not inside or len(phrase) > len(inside[0].text) else entities[inside[0].entity].name)


def attributions(text: str, sentence: Sentence, mentions: Sequence[Mention],
                 entities: dict[str, EntityInfo]) -> list[Attribution]:
    """Reported speech in a sentence: "X said that …", "according to X", "…, X said", "officials say …"."""
    found: list[Attribution] = []
    start, end = sentence.start, sentence.end
    actors = [m for m in mentions if m.kind == "actor"]
    for verb in _REPORTING.finditer(text, start, end):
        if verb.group()[0].isupper() and verb.start() > start:
            continue  # a capitalised word inside a sentence is a name's: "Islamic State", "Member State"
        hedged = bool(_HEDGING_VERBS.match(verb.group()))
        denial = bool(_DENYING_VERBS.match(verb.group()))
        before = [m for m in actors if m.end <= verb.start()]
        speaker: Speaker | None = None
        speaker_span = (-1, -1)
        # "Naseem Baloch, Chairman of the BNM, told …": the head before an apposition speaks
        for candidate in ([before[-2]] if len(before) > 1 else []) + before[-1:]:
            link = _LEFT_LINK.fullmatch(text, candidate.end, verb.start())
            if link is not None and (candidate is before[-1] or _ROLE_APPOSITION.search(link.group())):
                speaker, speaker_span = _speaker_for(candidate, entities), (candidate.start, candidate.end)
                break
        if speaker is None:
            phrase = _NOUN_SPEAKER.search(text, start, verb.start())
            if phrase is not None:
                inside = [m for m in actors if phrase.start(1) <= m.start and m.end <= phrase.end(1)]
                speaker = _phrase_speaker(phrase.group(1), inside, entities)
                speaker_span = (phrase.start(1), phrase.end(1))
        if speaker is not None:
            after_comma = text[start:speaker_span[0]].rstrip().endswith((",", ",”", ',"'))
            if text.startswith(",", verb.end()) and _BEFORE_PARENTHETICAL.search(text, start, speaker_span[0]):
                # "The office in Doha, he added, was …": the whole sentence, around a speaker who takes no part
                found.append(Attribution(speaker, start, end, hedged, denial))
                continue
            if after_comma and _SHORT_TAIL.fullmatch(text, verb.end(), end):
                asserted = (start, speaker_span[0])  # "… in Kunar, sources told the channel."
            else:
                asserted = (verb.end(), end)
            found.append(Attribution(speaker, *asserted, hedged, denial, *speaker_span))
            continue
        # "…, X said." at the end of the sentence: the speaker follows the verb.
        after = [m for m in actors if m.start >= verb.end()]
        if after and _AFTER_SPEAKER.search(text, start, verb.end()) and after[0].start - verb.end() < 6:
            found.append(Attribution(_speaker_for(after[0], entities), start, verb.start(), hedged, denial,
                                     after[0].start, after[0].end))
    for according in _ACCORDING.finditer(text, start, end) if _ACCORDING.may_occur_in(sentence.text) else ():
        after = [m for m in actors if m.start >= according.end() and m.start - according.end() < 40
                 and not _CLAUSE_MARK.search(text, according.end(), m.start)]  # "according to AFP, ISKP …"
        document = _DOCUMENT_AFTER.match(text, after[0].end) if after else None
        if after and document is None:
            found.append(Attribution(_speaker_for(after[0], entities), start, end, False, False,
                                     after[0].start, after[0].end))
        elif document is not None:  # "according to the UN report": the report speaks
            found.append(Attribution(_phrase_speaker(text[after[0].start:document.end()], after[:1], entities),
                                     start, end, False, False, after[0].start, document.end()))
        else:
            phrase = _SOURCE_PHRASE.match(text[according.end():end])
            if phrase:
                found.append(Attribution(_phrase_speaker(phrase.group(1).rstrip("."), [], entities), start, end))
    for passive in _PASSIVE.finditer(text, start, end) if _PASSIVE.may_occur_in(sentence.text) else ():
        hedged = bool(_HEDGING_PASSIVE.match(passive.group(1)))
        if passive.group(2) is None:  # "It is believed that …": the author, hedging
            found.append(Attribution(AUTHOR_SPEAKER, passive.end(), end, hedged))
            continue
        agent_start, agent_end = passive.span(2)
        inside = [m for m in actors if agent_start <= m.start and m.end <= agent_end]
        found.append(Attribution(_phrase_speaker(passive.group(2), inside, entities), passive.end(), end, hedged,
                                 False, agent_start, agent_end))
    return found


def speaker_of(start: int, end: int, found: Sequence[Attribution]) -> Attribution | None:
    """The innermost attribution whose asserted stretch covers ``[start, end)`` and not its speaker."""
    covering = [a for a in found if a.covers(start, end) and not (a.speaker_start >= start and a.speaker_end <= end)]
    return min(covering, key=lambda a: a.end - a.start) if covering else None


def report_publisher(text: str, mentions: Sequence[Mention], entities: dict[str, EntityInfo]) -> EntityInfo | None:
    """The actor the document says released a report ("The UN monitoring team released its report …")."""
    for mention in mentions:
        if mention.kind == "actor" and mention.via is None and _PUBLISHES.match(text, mention.end):
            return entities[mention.entity]
    return None


def credit_publisher(found: Sequence[Attribution], publisher: EntityInfo | None) -> list[Attribution]:
    """"The UN report said …" speaks for the body that published the report, when that body is the report's
    owner or part of it (the monitoring team of the UN)."""
    if publisher is None:
        return list(found)
    return [replace(a, speaker=Speaker(publisher.id, publisher.name))
            if _DOCUMENT_SPEAKER.search(a.speaker.name) and (
                a.speaker.id.startswith("source:") or a.speaker.id == publisher.id
                or a.speaker.id in publisher.ancestors) else a
            for a in found]
