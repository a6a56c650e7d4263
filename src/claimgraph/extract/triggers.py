"""The words that express each relation between two mentions, as regular expressions.

A trigger is looked for in the words linking two mentions (the "between" text). Where several match, the
one ending nearest the second mention wins (in "X launched an attack against Y" that is "attack against").
Patterns are general English constructions, not phrases of particular articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimgraph.nlp.keywords import KeywordPattern, KeywordSet, openings
from claimgraph.nlp.text import initials

LEADER_ROLES = (r"leader|head|chief|emir|amir|founder|co-founder|chairman|chairperson|chairwoman|"
                r"director[- ]general|director|president|prime minister|commander-in-chief|supreme leader|"
                r"inspector[- ]general|secretary[- ]general|boss|premier|king|chief minister|governor|"
                r"army chief|chief of (?:the )?army staff")
MEMBER_ROLES = (r"spokes(?:man|person|woman)|member|commander|official|fighter|militant|operative|"
                r"emissary|envoy|representative|minister|officer|ambassador|deputy|lieutenant|ideologue|"
                r"recruiter|financier|negotiator|negotiating team member|senior figure|cadre|general|"
                r"colonel|soldier|agent|adviser|advisor|aide|loyalist|mufti|judge|senator|lawmaker|"
                r"cleric|under-?secretary|under secretary|secretary")
_ROLE_PREFIX = r"(?:(?:former|then|first|new|current|top|senior|self-styled|alleged|acting|chief|de facto|" \
               r"late|slain|jailed|founding|military|deputy|key|second|third|ex-)\s+)*"


@dataclass(frozen=True)
class Trigger:
    """A relation cue: the relation, its pattern and whether the left mention is the subject."""

    relation: str
    pattern: re.Pattern[str]
    forward: bool = True  # False: the right mention is the subject ("courted by the ISI")
    anchored: bool = False  # the pattern must end where the right mention starts
    whole: bool = False  # the pattern must cover the whole link (an apposition or copula phrase)
    tail: re.Pattern[str] | None = None  # how an anchored pattern ends: a cheap first test of a link
    words: KeywordPattern | None = None  # the pattern, tried only on links that hold one of its opening words

    def finditer(self, link: str) -> Iterator[re.Match[str]]:
        """The matches of the pattern in a link; for a ``whole`` trigger only one at its start can count, so the
        pattern is tried there alone."""
        pattern = self.words or self.pattern
        if self.whole:
            match = pattern.match(link)
            return iter(() if match is None else (match,))
        return pattern.finditer(link)


def _t(relation: str, pattern: str, forward: bool = True, anchored: bool = False, whole: bool = False,
       tail: str = "", words: str = "", word_start: bool = True, opens: bool = False) -> Trigger:
    """A trigger; an anchored one ends with ``tail``, which is also tried alone first: a link that does not end
    that way needs no try of the whole pattern. Likewise every match holds a word (opening a word, with
    ``word_start``) that one of the alternatives ``words`` opens with, where given; with ``opens``, every match
    opens with it (see ``KeywordPattern``)."""
    end = tail + r"\s*$" if anchored else tail
    compiled = re.compile(pattern + end, re.IGNORECASE)
    return Trigger(relation, compiled, forward, anchored, whole,
                   re.compile(end, re.IGNORECASE) if tail and anchored else None,
                   KeywordPattern(compiled, openings(words), word_start, opens) if words else None)


_SUPPORT_VERBS = (r"support|back|sponsor|fund|financ|bankroll|arm(?:s|ed|ing)?\b(?!\s+(?:group|forces|wing|"
                  r"struggle|conflict|attack|men|militants|faction|outfit|insurgen))|train|shelter|harbou?r|"
                  r"protect|patroni[sz]|nurtur|cultivat|court|equip|supplie|supply|assist|aid(?:s|ed|ing)?\b|"
                  r"host|creat|float|set up|strengthen|sustain|prop(?:ped|s)? up|mentor|groom|radicali[sz]|"
                  r"weaponi[sz]|endors|finance|arm and train|handl|bolster|empower|reinforc|supervis|help|"
                  r"facilitat|enabl|abet|order|direct|instruct|command|guid|"
                  r"sanctuary (?:to|for)|safe havens? (?:to|for)")
# Longer phrases first: Python takes the first alternative that matches, so "attack against" must come
# before "attack" (or "against" alone, a rivalry cue, would end later and win).
_ATTACK_AGAINST = (r"warfare|offensive|operations?|violence|hostilities|strikes?|attacks?|assaults?|raids?|"
                   r"bombings?|airstrikes?|air strikes?|retaliation")
_ATTACK_LAUNCH = r"launch|fir|inflict"  # "inflicted heavy losses on X"
_ATTACK_VERBS = (r"attack(?!er)|target|struck|strikes?\b|striking|bomb|kill|ambush|assault|raid|storm|shell|shot at|"
                 r"bombard|shoot|massacr|abduct|kidnap|behead|execut|hit|gunned down|murder|assassinat|slaughter|"
                 r"neutrali[sz]|eliminat|airstrikes?\b|air strikes?\b|drone strikes?\b")
_ATTACK = (rf"(?:{_ATTACK_AGAINST})\s+(?:\w+\s+){{0,2}}(?:against|on)\b|"
           rf"(?:{_ATTACK_LAUNCH})\w*\s+(?:\w+\s+){{0,4}}(?:at|on|against|into)\b|{_ATTACK_VERBS}")
_ATTACK_WORDS = f"{_ATTACK_AGAINST}|{_ATTACK_LAUNCH}|{_ATTACK_VERBS}"  # the words that open an attack cue
_ATTACK_INITIALS = initials(_ATTACK_WORDS)
_ALLIED = (r"allied|ally|allies|alliance|cooperat|co-operat|collaborat|coordinat|partner|"
           r"work(?:ed|ing|s)?\s+(?:closely\s+)?(?:together|with|hand in hand)|join(?:s|ed|ing)? (?:forces|hands)|"
           r"team(?:s|ed|ing)? up|merged with|alongside|in league with|nexus|ties with|"
           r"ties to|aligned|pact|convergence|converg|collusion|colluding|colluded|in cahoots|common cause|"
           r"share[sd]?\s+(?:\w+\s+){0,2}(?:objectives|goals|agenda|interests|aims|ideology)|"
           r"common (?:goals|objectives|agenda)|close (?:ties|links|relations)|links? (?:to|with)|grown closer|"
           r"grew closer|growing closer|drawn closer|drew closer|moved closer")
_RIVAL = (r"rival|rivalry|fight(?!er)|fought|clash|compet|enem|nemes|hostil|oppos|against|at war|war (?:with|on)|feud|"
          r"conflict with|battl|pushed back|driven out|expelled|despis|hatred|antagonis|confront|"
          r"friction|turf war|enmity|anti-")

# How a noun phrase of relation attaches to its subject: "X, an affiliate of Y", "X is a branch of Y",
# "X, which has become a wing of Y". The whole link must be such a phrase.
_COPULAS = (r"is|was|are|were|remains?|remained|became|becomes|has become|had been|has been|being|as|now|also|"
            r"originally|once|still|reportedly|allegedly|widely|long|known|seen|considered|described|regarded|viewed|"
            r"designated|identified|believed to be|said to be")
_DETERMINERS = r"an?|the|its|their|one of the|one of its|part of the"
_APPOSITION = (r"^\s*(?:,\s*|\(\s*|[-–—]\s*)?(?:(?:who|which|that)\s+)?"
               rf"(?:{initials(_COPULAS)}(?:{_COPULAS})\s+)*(?:{initials(_DETERMINERS)}(?:{_DETERMINERS}))?\s*"
               r"(?:[\w-]+\s+){0,3}?")
_THE = r"\s+(?:the\s+)?"
_OF = r"\s+(?:of|for|with|to|within|in|under)" + _THE
_BY = r"by" + _THE

_RECEIVE = r"get|gets|getting|got|receiv\w*|obtain\w*|with|enjoy\w*|seek\w*|sought"
_MATERIEL = r"components|parts|technology|shipments|consignments|materiel"
_SEND = r"smuggl|ship|send|sent|transfer|provid|deliver|funnel|suppl"
_USE = r"use[sd]?|using|turned to|relies on|relied on|rely on|deploy(?:s|ed)?"
_CAMPAIGN = r"insurgency|campaign|war|jihad|rebellion|uprising|struggle|fight"

_SPLINTERS = r"splinter|breakaway|offshoot|off-shoot|spin-off|splinter group|splinter faction"
_PARTS = (r"affiliate|branch|wing|faction|unit|cell|chapter|province|arm|front|member|subsidiary|franchise|division|"
          rf"component|outfit|offshoot|proxy|extension|alias|media (?:arm|wing|outlet)|mouthpiece|{MEMBER_ROLES}")
_BELONGING = r"affiliated|aligned|linked|loyal|allegiance|belongs?|belonged|part"
_SPLIT = r"split|broke|broken|breaking|splintered|defected|defecting"
_RANKS = r"fighters|members|commanders|militants|cadres"
_LED = r"led|headed|founded|run|commanded|spearheaded|chaired|co-founded"
_LEADS = r"leads|led|heads|headed|founded|runs|ran|commands|commanded|spearheads|spearheaded|chairs|chaired"
_TRUCE = r"ceasefire|cease-fire|truce|armistice"
_REPELLED = r"pushed back|driven out|expelled|defeated|routed|ousted|fought|opposed|targeted"
# "with the support of X", "under the protection of X": X supports whoever acts in the clause
BACKING_NOUNS = (r"support|backing|help|assistance|aid|blessing|patronage|protection|sponsorship|funding|financing|"
                 r"encouragement|connivance|complicity")
_WITH = r"with|under|through|thanks to"
# "acts at the behest of X", "in the pay of X": a proxy (of a state: supports from it; of a group: member_of)
_FOR = r"at the behest|at the bidding|at the instigation|in the pay|on behalf|in the service"

BACKED_WITH = _t("supports", rf"\b{initials(_WITH)}(?:{_WITH})\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{BACKING_NOUNS})",
                 tail=r"\s+(?:of|from)" + _THE, forward=False, anchored=True)
# "the ISIS-run Amaq agency", "a Hezbollah-owned TV channel": an outlet or body the group runs (not a state)
RUN_BY = _t("member_of", r"^-(?:run|owned|operated)\s+(?:[\w-]+\s+)?", forward=False, anchored=True, whole=True)
# "the TTP ended its ceasefire with the government": the parties to a truce are at war
TRUCE_WITH = _t("rival_of", rf"\b{initials(_TRUCE)}(?:{_TRUCE})s?\s+with\b", words=_TRUCE, opens=True)
ACTING_FOR = _t("member_of", rf"\b{initials(_FOR)}(?:{_FOR})", tail=r"\s+of" + _THE, anchored=True)

TRIGGERS: tuple[Trigger, ...] = (
    # membership, leadership, splits: "X, an affiliate of Y", "X, the leader of Y"
    _t("splinter_of", _APPOSITION + rf"{initials(_SPLINTERS)}(?:{_SPLINTERS})s?(?:\s+(?:group|faction|outfit))?",
       tail=r"\s+(?:of|from)" + _THE, anchored=True, whole=True, words=_SPLINTERS, word_start=False),
    _t("splinter_of", rf"\b{initials(_SPLIT)}(?:{_SPLIT})\s+(?:away\s+)?(?:off\s+)?", tail=r"from" + _THE,
       anchored=True),
    _t("splinter_of", rf"\b{initials(_RANKS)}(?:{_RANKS})\s+who\s+(?:were|had been)\s+(?:once\s+|formerly\s+)?"
                      r"(?:part|members)", tail=r"\s+of" + _THE, anchored=True),
    _t("leads", _APPOSITION + rf"{initials(LEADER_ROLES)}(?:{LEADER_ROLES})", tail=r"\s+(?:of|at)" + _THE,
       anchored=True, whole=True, words=LEADER_ROLES, word_start=False),
    _t("leads", rf"\b{initials(_LED)}(?:{_LED})\s+", tail=_BY, forward=False, anchored=True),
    _t("leads", rf"^\s*(?:,\s*who\s+|\s+)?(?:\w+ly\s+)?{initials(_LEADS)}(?:{_LEADS})\s+(?:the\s+)?", anchored=True,
       whole=True),
    _t("member_of", _APPOSITION + rf"{initials(_PARTS)}(?:{_PARTS})s?", tail=_OF, anchored=True, whole=True,
       words=_PARTS, word_start=False),
    _t("member_of", _APPOSITION + rf"{initials(_BELONGING)}(?:{_BELONGING})\s+(?:\w+\s+)?",
       tail=r"(?:with|to|of)" + _THE, anchored=True, whole=True, words=_BELONGING, word_start=False),
    _t("supports", rf"\b{initials(_RECEIVE)}(?:{_RECEIVE})\s+(?:\w+\s+){{0,3}}"
                   r"(?:support|help|funding|funds|financing|aid|weapons|arms|ammunition|drones|missiles|rockets|"
                   r"explosives|training|backing|assistance|shelter|sanctuary|protection|money|cash|equipment|"
                   rf"supplies|{_MATERIEL})\s+from\s+(?:the\s+)?(?:(?:[\w-]+\s+){{0,3}}(?:like|such as|including)\s+)?",
       forward=False, anchored=True, words=_RECEIVE, opens=True),
    # "Iran continues to smuggle weapons to Hezbollah": what one sends another arms it
    _t("supports", rf"\b{initials(_SEND)}(?:{_SEND})\w*\s+(?:[\w-]+\s+){{0,3}}?(?:weapons|arms|ammunition|drones|"
                   rf"missiles|rockets|explosives|funds|money|cash|fighters|{_MATERIEL})\s+(?:[\w-]+\s+){{0,3}}?"
                   r"(?:to|for)\s+(?:the\s+)?", anchored=True, words=_SEND, opens=True),
    _t("member_of", r"^\s*(?:has\s+|had\s+)?(?:joined|joins|join)\s+(?:the\s+)?", anchored=True, whole=True),
    _t("member_of", r"^\s*(?:,\s*)?and\s+its\s+(?:\w+\s+)?(?:alias|affiliate|wing|branch|faction|arm|"
                    r"front|proxy|unit|subsidiary)(?:es|s)?\s*,?\s*(?:the\s+)?", forward=False, anchored=True,
       whole=True),
    _t("supports", r"^\s*(?:,\s*)?and\s+its\s+(?:\w+\s+)?(?:client|prot[eé]g[eé])(?:\s+(?:organi[sz]ation|group|"
                   r"outfit))?s?\s*,?\s*(?:the\s+)?", anchored=True, whole=True),
    _t("splinter_of", r"^\s*(?:,\s*)?and\s+its\s+(?:\w+\s+)?(?:offshoot|splinter group|breakaway faction)s?\s*,?\s*"
                      r"(?:the\s+)?", forward=False, anchored=True, whole=True),
    # actions
    _t("supports", rf"\b{initials(_SUPPORT_VERBS)}(?:{_SUPPORT_VERBS})\w*\s+(?:\w+\s+){{0,3}}", tail=_BY,
       forward=False, anchored=True, words=_SUPPORT_VERBS, opens=True),
    BACKED_WITH,
    ACTING_FOR,
    RUN_BY,
    _t("attacks", rf"\b{_ATTACK_INITIALS}(?:{_ATTACK})\w*\s+(?:\w+\s+){{0,3}}", tail=_BY, forward=False,
       anchored=True, words=_ATTACK_WORDS, opens=True),
    _t("rival_of", rf"\b{initials(_REPELLED)}(?:{_REPELLED})\s+(?:\w+\s+){{0,2}}", tail=_BY, forward=False,
       anchored=True),
    _t("supports", rf"(?:-|\b){initials(_SUPPORT_VERBS)}(?:{_SUPPORT_VERBS})\w*", words=_SUPPORT_VERBS),
    _t("supports", rf"\b{initials(_USE)}(?:{_USE})\b.{{0,40}}"
                   r"\bas\s+(?:a|an|its|their)?\s*(?:\w+\s+)?(?:proxy|proxies|tool|instrument|asset)", words=_USE,
       opens=True),
    _t("rival_of", rf"\b{initials(_CAMPAIGN)}(?:{_CAMPAIGN})\s+(?:\w+\s+){{0,2}}(?:against|on|with)\b|"
                   r"\b(?:insurgency|rebellion|uprising)\s+in\b", words=_CAMPAIGN, opens=True),
    _t("attacks", rf"\b{_ATTACK_INITIALS}(?:{_ATTACK})\w*", words=_ATTACK_WORDS, opens=True),
    _t("allied_with", rf"\b{initials(_ALLIED)}(?:{_ALLIED})\w*", words=_ALLIED, opens=True),
    _t("rival_of", rf"\b{initials(_RIVAL)}(?:{_RIVAL})\w*", words=_RIVAL, opens=True),
    TRUCE_WITH,
)
# who brings others to a truce is not a party to it: "Qatar brokered a ceasefire with Hamas"
MEDIATED = re.compile(r"\b(?:broker|mediat|facilitat|negotiat|secur|call|urg|push|press|seek|sought)\w*\s+"
                      r"(?:\w+\s+){0,3}$", re.IGNORECASE)
_TRIGGER_WORDS = KeywordSet([trigger.words for trigger in TRIGGERS])


def triggers_for(link: str) -> list[Trigger]:
    """The triggers that may match in a link, in order: those without opening words, and those one of whose
    words occurs in it (one pass over the link for all of them)."""
    present = _TRIGGER_WORDS.present(link)
    return [trigger for index, trigger in enumerate(TRIGGERS)
            if trigger.words is None or present is None or index in present]


POSSESSIVE_BRANCH = re.compile(
    r"^['’]s?\s+(?:[\w-]+\s+){0,2}?(?P<role>affiliate|branch|wing|faction|offshoot|arm|front|proxy|unit|splinter group|"
    r"franchise|province)\s*,\s*(?:the\s+)?$", re.IGNORECASE)
# nouns for a group that belongs to another one named beside it ("an al-Qaeda affiliate", "its branch")
BRANCH_NOUNS = "affiliate|branch|offshoot|franchise|splinter group"
# "Al Qaeda affiliate JNIM": the branch named with its parent as a modifier
COMPOUND_BRANCH = re.compile(rf"\s+(?P<role>{BRANCH_NOUNS}|wing|faction)\s+", re.IGNORECASE)
PREPOSED = re.compile(
    r"(?:^|[,;:(]\s*|\b)(?:originally\s+|once\s+|formerly\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?P<role>affiliate|branch|"
    r"wing|faction|offshoot|splinter(?: group)?|off-shoot|breakaway faction|proxy|front|unit|arm|"
    rf"{LEADER_ROLES}|{MEMBER_ROLES})\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)
_LEADER_ROLE = re.compile(LEADER_ROLES)


def preposed_relation(match: re.Match[str]) -> str:
    """The relation a preposed apposition expresses ("An offshoot of al-Qaeda, IS …" → splinter_of)."""
    role = match.group("role").lower()
    if role.startswith(("offshoot", "off-shoot", "splinter", "breakaway")):
        return "splinter_of"
    if _LEADER_ROLE.fullmatch(role):
        return "leads"
    return "member_of"


# The right-hand context can carry the trigger too: "turned to ISKP as a proxy".
AFTER_OBJECT_PROXY = re.compile(r"^\s*as\s+(?:a|an|its|their)?\s*(?:\w+\s+)?(?:proxy|proxies|tool|instrument|"
                                r"asset)\b", re.IGNORECASE)
# "accused the Taliban of allowing the TTP to use Afghan soil": letting a group use one's ground shelters it
ALLOWING = re.compile(r"\b(?:allow|permit|let)\w*\s+(?:the\s+)?$", re.IGNORECASE)
USE_OF_GROUND = re.compile(r"(?:\s*\([^()]{1,12}\))?\s+(?:to\s+)?(?:use|operate\s+from|operate\s+on|"
                           r"find\s+shelter\s+on)\s+(?:its|their|the|[A-Z][\w-]*)\s+(?:own\s+)?(?:soil|territory|land)\b")
PROXY_OF = re.compile(r"\b(?:proxy|proxies|arm|tool|instrument|front|puppet|behest|bidding|instigation|pay|behalf|"
                      r"service)\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)
# "Mali turned to Russia for help", "the junta looked to Ankara for drones": the one turned to backs the subject
TURNED_TO = re.compile(r"\b(?:turn(?:ed|s|ing)?|look(?:ed|s|ing)?|appeal(?:ed|s|ing)?)\s+(?:[\w-]+\s+){0,4}?to\s+"
                       r"(?:the\s+)?$", re.IGNORECASE)
FOR_HELP = re.compile(r"\s+for\s+(?:\w+\s+)?(?:help|support|assistance|aid|arms|weapons|backing|protection|funding|"
                      r"money|training|drones|equipment)\b", re.IGNORECASE)
# "with Iran's support": the backer named as the owner of the backing noun that follows it
POSSESSED_BACKING = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}?(?:{BACKING_NOUNS})\b", re.IGNORECASE)
WITH_BEFORE = re.compile(rf"\b(?:{_WITH})\s+$", re.IGNORECASE)
# "Iran's support, …": the backing noun of an owner with no object after it
BACKING_WITHOUT_OBJECT = re.compile(POSSESSED_BACKING.pattern + r"(?!\s+(?:for|of|to)\b)", re.IGNORECASE)
# "support any group against Pakistan", "fund militants who attack …": the supported ones act, not the supporter
SUPPORTED_AGENT = re.compile(
    r"\b(?:support|back|sponsor|fund|financ|bankroll|arm|train|shelter|harbou?r|equip|help|aid|assist)\w*\s+"
    r"(?:\w+\s+){0,3}?(?:groups?|militants?|outfits?|organi[sz]ations?|elements|fighters|proxies|insurgents|"
    r"militias?|terrorists?|anyone|those)\s+(?:\w+\s+){0,3}?$", re.IGNORECASE)

# Reciprocal predicates over a coordinated subject: "TTP and ISKP cooperate", "are rivals".
RECIPROCAL = (
    ("rival_of", re.compile(r"^\W{0,3}(?:\w+\s+){0,3}(?:are|were|remain(?:ed)?|have been|became)?\s*"
                            r"(?:not\s+|never\s+|no longer\s+)?(?:\w+\s+)?(?:rivals|enemies|adversaries|"
                            r"foes|at war|locked in (?:a\s+)?(?:\w+\s+)?rivalry|fighting each other|"
                            r"fought each other|clash(?:ed)? with each other|"
                            r"clash(?:ed|es)?\b(?!\s+(?:with|against)\b))",
                            re.IGNORECASE)),
    # not "… turned from Western allies" or "… against their allies": others' allies
    ("allied_with", re.compile(rf"^\W{{0,3}}(?:(?!(?:from|against|by|than|of)\b)\w+\s+){{0,4}}(?:{_ALLIED})\w*"
                               r"(?!\s+with\b)", re.IGNORECASE)),
)
BETWEEN_PAIR = (
    ("allied_with", re.compile(r"\b(?:convergence|alliance|cooperation|co-operation|collaboration|coordination|"
                               r"nexus|ties|links|partnership|collusion|pact|agreement|merger)\s+between\s+"
                               r"(?:the\s+)?$", re.IGNORECASE)),
    ("rival_of", re.compile(r"\b(?:rivalry|fighting|clashes|war|conflict|hostilities|enmity|competition|"
                            r"feud|tensions)\s+between\s+(?:the\s+)?$", re.IGNORECASE)),
)
_PRESENCE = (r"operat\w*|based|active|activity|activities|present|presence|foothold|strongholds?|bases?|havens?|"
             r"sanctuar\w*|hideouts?|camps?|control\w*|concentrated|entrenched|deployed|stationed|"
             r"footprint|territory|headquartered|headquarters|offices?|bureau|cells?|expand\w*|spread|resurg\w*|"
             r"roots?|networks?")
OPERATES = KeywordPattern(re.compile(
    rf"\b(?:{_PRESENCE})\b(?:[^;]{{0,60}})\b(?:in|across|throughout|inside|within|over|of)\s+(?:\w+\s+){{0,4}}$",
    re.IGNORECASE), openings(_PRESENCE), word_start=True, opens_match=True)
HAVENS_OF = re.compile(r"\b(?:hideouts?|bases|camps?|sanctuar(?:y|ies)|safe havens?|strongholds?|presence|cells|"
                       r"positions|training camps?)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
INSIDE = re.compile(r"\s*(?:\(\w+\)\s*)?(?:\w+\s+){0,2}(?:in|inside|across|within)\s+(?:the\s+)?(?:\w+\s+){0,3}",
                    re.IGNORECASE)
WHICH_CONTROLS = re.compile(r"\s*,?\s*(?:which|where)\s+(?:the\s+)?", re.IGNORECASE)
CONTROL_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}(?:control|controls|controlled|operate|operates|hold|holds|rule|rules|"
                           r"are based|is based|use it as|use as|run)\b", re.IGNORECASE)
PLACE_BASED_AFTER = re.compile(r"-based\b")
PLACE_BASED = re.compile(r"^-based\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
FRONTED_OPERATES = re.compile(r"\W*(?:operating|based|active|present|headquartered|entrenched)\b",
                              re.IGNORECASE)
DEFECTORS = re.compile(r"\b(?:defectors|breakaway members|former members|disgruntled members|dissidents)\s+"
                       r"(?:from|of)\s+(?:the\s+)?$", re.IGNORECASE)
ROLE_BEFORE_PERSON = re.compile(
    rf"^(?:['’]s?)?\s*,?\s*{_ROLE_PREFIX}(?:[\w-]+\s+){{0,2}}?(?:(?P<lead>{LEADER_ROLES})|(?P<member>{MEMBER_ROLES}))"
    r"(?:\s+(?:General|Gen\.|Lt\.? Gen\.|Maj\.? Gen\.|Brig\.|Col\.|Dr\.?|Maulana|Mullah|Mufti|Sheikh|Qari|"
    r"Hafiz|Commander|Field Marshal))?\s*,?\s*$", re.IGNORECASE)
TITLE_IN_NAME = re.compile(r"(?:Prime Minister|President|(?:[A-Z][a-z]+ )?Minister|General|Chief|Commander|"
                           r"Spokes(?:man|person)|Director General|Inspector General|Chairman|King|Crown Prince|"
                           r"Field Marshal)\b\s*")
TITLE_ONLY = re.compile(r"^\s*(?:General|Gen\.|Lt\.? Gen\.|Maj\.? Gen\.|Field Marshal|Admiral|Air Chief Marshal)"
                        r"\s*$")
PERSON_THEN_ROLE = re.compile(
    rf"^\s*,\s*(?:the\s+|a\s+|an\s+|its\s+)?{_ROLE_PREFIX}(?:(?P<lead>{LEADER_ROLES})|(?P<member>{MEMBER_ROLES}))"
    r"\s+(?:of|for|at|in)\s+(?:the\s+)?$", re.IGNORECASE)
# "X, the Taliban's spokesman", "X, the TTP chief", "X, the Pakistani interior minister"
PERSON_THE_ORGS_ROLE = re.compile(rf"(?:['’]s?)?\s+{_ROLE_PREFIX}(?:[a-z-]+\s+)?(?:(?P<lead>{LEADER_ROLES})|"
                                  rf"(?P<member>{MEMBER_ROLES}))\b", re.IGNORECASE)
