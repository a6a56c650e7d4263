"""The words that express each relation between two mentions, as regular expressions.

A trigger is looked for in the words linking two mentions (the "between" text). Where several match, the
one ending nearest the second mention wins (in "X launched an attack against Y" that is "attack against").
Patterns are general English constructions, not phrases of particular articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LEADER_ROLES = (r"leader|head|chief|emir|amir|founder|co-founder|chairman|chairperson|chairwoman|"
                r"director[- ]general|director|president|prime minister|commander-in-chief|supreme leader|"
                r"inspector[- ]general|secretary[- ]general|boss|premier|king|chief minister|governor|"
                r"army chief|chief of (?:the )?army staff")
MEMBER_ROLES = (r"spokes(?:man|person|woman)|member|commander|official|fighter|militant|operative|"
                r"emissary|envoy|representative|minister|officer|ambassador|deputy|lieutenant|ideologue|"
                r"recruiter|financier|negotiator|negotiating team member|senior figure|cadre|general|"
                r"colonel|soldier|agent|adviser|advisor|aide|loyalist|mufti|judge|senator|lawmaker|"
                r"cleric")
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


def _t(relation: str, pattern: str, forward: bool = True, anchored: bool = False, whole: bool = False) -> Trigger:
    suffix = r"\s*$" if anchored else ""
    return Trigger(relation, re.compile(pattern + suffix, re.IGNORECASE), forward, anchored, whole)


_SUPPORT_VERBS = (r"support|back|sponsor|fund|financ|bankroll|arm(?:s|ed|ing)?\b(?!\s+(?:group|forces|wing|"
                  r"struggle|conflict|attack|men|militants|faction|outfit|insurgen))|train|shelter|harbou?r|"
                  r"protect|patroni[sz]|nurtur|cultivat|court|equip|supplie|supply|assist|aid(?:s|ed|ing)?\b|"
                  r"host|creat|float|set up|strengthen|sustain|prop(?:ped|s)? up|mentor|groom|radicali[sz]|"
                  r"weaponi[sz]|endors|finance|arm and train|handl|bolster|empower|reinforc|supervis|help|"
                  r"facilitat|enabl|abet|order|direct|instruct|command|guid|"
                  r"sanctuary (?:to|for)|safe havens? (?:to|for)")
# Longer phrases first: Python takes the first alternative that matches, so "attack against" must come
# before "attack" (or "against" alone, a rivalry cue, would end later and win).
_ATTACK = (r"(?:warfare|offensive|operations?|violence|hostilities|strikes?|attacks?|assaults?|raids?|"
           r"bombings?|airstrikes?|air strikes?|retaliation)\s+(?:\w+\s+){0,2}(?:against|on)\b|"
           r"(?:launch|fir)\w*\s+(?:\w+\s+){0,4}(?:at|on|against|into)\b|"
           r"attack(?!er)|target|struck|strikes?\b|striking|bomb|kill|ambush|assault|raid|storm|shell|shot at|"
           r"bombard|shoot|massacr|abduct|kidnap|behead|execut|hit|gunned down|murder|assassinat|slaughter")
_ALLIED = (r"allied|ally|allies|alliance|cooperat|co-operat|collaborat|coordinat|partner|"
           r"work(?:ed|ing|s)?\s+(?:closely\s+)?(?:together|with|hand in hand)|joined (?:forces|hands)|"
           r"join(?:s)? (?:forces|hands)|teamed up|merged with|alongside|in league with|nexus|ties with|"
           r"ties to|aligned|pact|convergence|converg|collusion|colluding|colluded|in cahoots|common cause|"
           r"share[sd]?\s+(?:\w+\s+){0,2}(?:objectives|goals|agenda|interests|aims|ideology)|"
           r"common (?:goals|objectives|agenda)|close (?:ties|links|relations)|links? (?:to|with)")
_RIVAL = (r"rival|rivalry|fight(?!er)|fought|clash|compet|enem|hostil|oppos|against|at war|war (?:with|on)|feud|"
          r"conflict with|battl|pushed back|driven out|expelled|despis|hatred|antagonis|confront|"
          r"friction|turf war|enmity|anti-")

# How a noun phrase of relation attaches to its subject: "X, an affiliate of Y", "X is a branch of Y",
# "X, which has become a wing of Y". The whole link must be such a phrase.
_APPOSITION = (r"^\s*(?:,\s*|\(\s*|[-–—]\s*)?(?:(?:who|which|that)\s+)?(?:(?:is|was|are|were|remains?|remained|became|"
               r"becomes|has become|had been|has been|being|as|now|also|originally|once|still|reportedly|"
               r"allegedly|widely|long|known|seen|considered|described|regarded|viewed|designated|identified|"
               r"believed to be|said to be)\s+)*(?:an?|the|its|their|one of the|one of its|part of the)?\s*"
               r"(?:[\w-]+\s+){0,3}?")
_OF = r"\s+(?:of|for|with|to|within|in|under)\s+(?:the\s+)?"

TRIGGERS: tuple[Trigger, ...] = (
    # membership, leadership, splits: "X, an affiliate of Y", "X, the leader of Y"
    _t("splinter_of", _APPOSITION + r"(?:splinter|breakaway|offshoot|off-shoot|spin-off|splinter group|"
                      r"splinter faction)s?(?:\s+(?:group|faction|outfit))?\s+(?:of|from)\s+(?:the\s+)?",
       anchored=True, whole=True),
    _t("splinter_of", r"\b(?:split|broke|broken|breaking|splintered|defected|defecting)\s+(?:away\s+)?"
                      r"(?:off\s+)?from\s+(?:the\s+)?", anchored=True),
    _t("splinter_of", r"\b(?:fighters|members|commanders|militants|cadres)\s+who\s+(?:were|had been)\s+"
                      r"(?:once\s+|formerly\s+)?(?:part|members)\s+of\s+(?:the\s+)?", anchored=True),
    _t("leads", _APPOSITION + rf"(?:{LEADER_ROLES})\s+(?:of|at)\s+(?:the\s+)?", anchored=True, whole=True),
    _t("leads", r"\b(?:led|headed|founded|run|commanded|spearheaded|chaired|co-founded)\s+by\s+(?:the\s+)?",
       forward=False, anchored=True),
    _t("leads", r"^\s*(?:,\s*who\s+|\s+)?(?:\w+ly\s+)?(?:leads|led|heads|headed|founded|runs|ran|commands|"
                r"commanded|spearheads|spearheaded|chairs|chaired)\s+(?:the\s+)?", anchored=True, whole=True),
    _t("member_of", _APPOSITION + r"(?:affiliate|branch|wing|faction|unit|cell|chapter|province|arm|front|"
                    r"member|subsidiary|franchise|division|component|outfit|offshoot|proxy|extension|"
                    r"alias|media (?:arm|wing|outlet)|mouthpiece|"
                    rf"{MEMBER_ROLES})s?" + _OF, anchored=True, whole=True),
    _t("member_of", _APPOSITION + r"(?:affiliated|aligned|linked|loyal|allegiance|belongs?|belonged|part)\s+"
                    r"(?:\w+\s+)?(?:with|to|of)\s+(?:the\s+)?", anchored=True, whole=True),
    _t("supports", r"\b(?:get|gets|getting|got|receiv\w*|obtain\w*|with|enjoy\w*|seek\w*|sought)\s+(?:\w+\s+){0,3}"
                   r"(?:support|help|funding|funds|aid|weapons|arms|training|backing|assistance|shelter|sanctuary|"
                   r"protection|money)\s+from\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}(?:like|such as|including)\s+)?",
       forward=False, anchored=True),
    _t("member_of", r"^\s*(?:has\s+|had\s+)?(?:joined|joins|join)\s+(?:the\s+)?", anchored=True, whole=True),
    _t("member_of", r"^\s*(?:,\s*)?and\s+its\s+(?:\w+\s+)?(?:alias|affiliate|wing|branch|faction|arm|offshoot|"
                    r"front|proxy|unit|subsidiary)(?:es|s)?\s*,?\s*(?:the\s+)?", forward=False, anchored=True,
       whole=True),
    # actions
    _t("supports", rf"\b(?:{_SUPPORT_VERBS})\w*\s+(?:\w+\s+){{0,3}}by\s+(?:the\s+)?", forward=False,
       anchored=True),
    _t("attacks", rf"\b(?:{_ATTACK})\w*\s+(?:\w+\s+){{0,3}}by\s+(?:the\s+)?", forward=False, anchored=True),
    _t("rival_of", r"\b(?:pushed back|driven out|expelled|defeated|routed|ousted|fought|opposed|targeted)\s+"
                   r"(?:\w+\s+){0,2}by\s+(?:the\s+)?", forward=False, anchored=True),
    _t("supports", rf"(?:-|\b)(?:{_SUPPORT_VERBS})\w*"),
    _t("supports", r"\b(?:use[sd]?|using|turned to|relies on|relied on|rely on|deploy(?:s|ed)?)\b.{0,40}"
                   r"\bas\s+(?:a|an|its|their)?\s*(?:\w+\s+)?(?:proxy|proxies|tool|instrument|asset)"),
    _t("rival_of", r"\b(?:insurgency|campaign|war|jihad|rebellion|uprising|struggle|fight)\s+(?:\w+\s+){0,2}"
                   r"(?:against|on|with)\b|\b(?:insurgency|rebellion|uprising)\s+in\b"),
    _t("attacks", rf"\b(?:{_ATTACK})\w*"),
    _t("allied_with", rf"\b(?:{_ALLIED})\w*"),
    _t("rival_of", rf"\b(?:{_RIVAL})\w*"),
)
POSSESSIVE_BRANCH = re.compile(
    r"^['’]s?\s+(?:[\w-]+\s+){0,2}?(?P<role>affiliate|branch|wing|faction|offshoot|arm|front|proxy|unit|splinter group|"
    r"franchise|province)\s*,\s*(?:the\s+)?$", re.IGNORECASE)
PREPOSED = re.compile(
    r"(?:^|[,;:(]\s*|\b)(?:originally\s+|once\s+|formerly\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?P<role>affiliate|branch|"
    r"wing|faction|offshoot|splinter(?: group)?|off-shoot|breakaway faction|proxy|front|unit|arm|"
    rf"{LEADER_ROLES}|{MEMBER_ROLES})\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)


def preposed_relation(match: re.Match[str]) -> str:
    """The relation a preposed apposition expresses ("An offshoot of al-Qaeda, IS …" → splinter_of)."""
    role = match.group("role").lower()
    if role.startswith(("offshoot", "off-shoot", "splinter", "breakaway")):
        return "splinter_of"
    if re.fullmatch(LEADER_ROLES, role):
        return "leads"
    return "member_of"


# The right-hand context can carry the trigger too: "turned to ISKP as a proxy".
AFTER_OBJECT_PROXY = re.compile(r"^\s*as\s+(?:a|an|its|their)?\s*(?:\w+\s+)?(?:proxy|proxies|tool|instrument|"
                                r"asset)\b", re.IGNORECASE)
PROXY_OF = re.compile(r"\b(?:proxy|proxies|arm|tool|instrument|front)\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)

# Reciprocal predicates over a coordinated subject: "TTP and ISKP cooperate", "are rivals".
RECIPROCAL = (
    ("rival_of", re.compile(r"^\W{0,3}(?:\w+\s+){0,3}(?:are|were|remain(?:ed)?|have been|became)?\s*"
                            r"(?:not\s+|never\s+|no longer\s+)?(?:\w+\s+)?(?:rivals|enemies|adversaries|"
                            r"foes|at war|locked in (?:a\s+)?(?:\w+\s+)?rivalry|fighting each other|"
                            r"fought each other|clash(?:ed)? with each other)", re.IGNORECASE)),
    ("allied_with", re.compile(rf"^\W{{0,3}}(?:\w+\s+){{0,4}}(?:{_ALLIED})\w*(?!\s+with\b)", re.IGNORECASE)),
)
BETWEEN_PAIR = (
    ("allied_with", re.compile(r"\b(?:convergence|alliance|cooperation|co-operation|collaboration|coordination|"
                               r"nexus|ties|links|partnership|collusion|pact|agreement|merger)\s+between\s+"
                               r"(?:the\s+)?$", re.IGNORECASE)),
    ("rival_of", re.compile(r"\b(?:rivalry|fighting|clashes|war|conflict|hostilities|enmity|competition|"
                            r"feud|tensions)\s+between\s+(?:the\s+)?$", re.IGNORECASE)),
)
OPERATES = re.compile(
    r"\b(?:operat\w*|based|active|activity|activities|present|presence|foothold|strongholds?|bases?|havens?|"
    r"sanctuar\w*|hideouts?|camps?|control\w*|concentrated|entrenched|deployed|stationed|"
    r"footprint|territory|headquartered|headquarters|offices?|bureau|cells?|expand\w*|spread|resurg\w*|roots?|"
    r"networks?)\b"
    r"(?:[^;]{0,60})\b(?:in|across|throughout|inside|within|over|of)\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
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
PERSON_THE_ORGS_ROLE = re.compile(rf"['’]s?\s+{_ROLE_PREFIX}(?:(?P<lead>{LEADER_ROLES})|(?P<member>"
                                  rf"{MEMBER_ROLES}))\b", re.IGNORECASE)
