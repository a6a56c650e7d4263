"""Cues of negation and hedging, looked for in the words that link two actors and just around them."""

from __future__ import annotations

import re

from claimgraph.nlp.keywords import KeywordPattern, openings
from claimgraph.nlp.text import initials

_DENYING = r"den(?:y|ies|ied|ying)|rejected|rejects|refuted|refutes|dismissed|dismisses"
_NEGATING = rf"not|never|no longer|no|neither|nor|without|refused to|refuses to|declined to|{_DENYING}"
# every match opens with one of the words ("n't" inside a word: "don't")
NEGATION = KeywordPattern(re.compile(rf"\b(?:{_NEGATING})\b|n['’]t\b", re.IGNORECASE),
                          [*openings(_NEGATING), "n'", "n’"], opens_match=True)
DENIAL = KeywordPattern(re.compile(rf"\b(?:{_DENYING})\b", re.IGNORECASE), openings(_DENYING), word_start=True,
                        opens_match=True)
_HEDGES = (r"alleged(?:ly)?|allegations?|alleging|alleges|accus(?:ed|es|ing|ations?)|suspect(?:ed|s)?|"
           r"suspicions?|reportedly|purported(?:ly)?|may|might|could|possibly|probably|likely|perhaps|presumably|"
           r"believed|thought to|said to|claimed to|claims? that|what (?:it|they|he|she) (?:claims?|calls?)|"
           r"apparently|unconfirmed|unverified|rumou?red|blam(?:ed|es|ing)|if true|whether|unclear|uncertain|"
           r"little evidence|scant evidence|limited evidence|scarce evidence|appears? to|appeared to|seems? to|"
           r"seemed to")
HEDGE = KeywordPattern(re.compile(rf"\b{initials(_HEDGES)}(?:{_HEDGES})\b", re.IGNORECASE), openings(_HEDGES),
                       word_start=True, opens_match=True)


_IN_RELATIVE_CLAUSE = re.compile(r"\b(?:that|which|who|where)\s+(?:\w+\s+)?$", re.IGNORECASE)


def is_negated(words: str) -> bool:
    """Whether the linking words deny the relation ("has never targeted", "denied funding"); a negation
    inside a relative clause ("an area that does not usually see …") does not."""
    return any(not _IN_RELATIVE_CLAUSE.search(words, 0, cue.start()) for cue in NEGATION.finditer(words))


def is_denial(words: str) -> bool:
    """Whether the linking words are a denial by the subject itself ("Qatar denied funding Hamas")."""
    return bool(DENIAL.search(words))


def is_hedged(*texts: str) -> bool:
    """Whether any of the texts presents the relation as an allegation or with an epistemic hedge."""
    return any(HEDGE.search(text) for text in texts)


# "There is no evidence that …", "It is not true that …": the frame denies the clause it opens, up to a clause
# that turns away from it ("…, but …")
_DENYING_FRAME = re.compile(
    r"\b(?:(?:no|not\s+any|never\s+any)\s+(?:\w+\s+)?(?:evidence|proof|indication|sign|signs|truth)\s+(?:that|of)"
    r"|not\s+true\s+that|untrue\s+that|false\s+that)\b"
    r"(?:(?![,;:]\s*(?:but|while|whereas|although|though|however|yet)\b|;)[^.!?])*$", re.IGNORECASE)


def in_denying_frame(before: str) -> bool:
    """Whether the words of a sentence before a relation open a clause that denies it ("There is no evidence
    that …")."""
    return bool(_DENYING_FRAME.search(before))


# "claims that Qatar funds Hamas are unfounded", "reports that … were false": a reported clause dismissed by the
# sentence's own predicate
_REPORTED_CLAUSE = re.compile(r"\b(?:claims?|allegations?|accusations?|reports?|suggestions?|assertions?|charges?|"
                              r"rumou?rs?)\s+that\s+(?:the\s+)?$", re.IGNORECASE)
_DISMISSED = re.compile(r"(?:\s+[\w'’-]+){0,3}?,?\s+(?:is|are|was|were|remains?|remained)\s+(?:\w+ly\s+|also\s+)?"
                        r"(?:unfounded|baseless|groundless|false|untrue|fabricated|incorrect|wrong|lies|"
                        r"without\s+(?:any\s+)?(?:basis|foundation|merit))\b", re.IGNORECASE)


def is_dismissed(before: str, after: str) -> bool:
    """Whether a relation is stated only in a reported clause that the sentence dismisses: ``before`` ends with
    "claims that", ``after`` goes on "… are unfounded"."""
    ending = before.rstrip()[-4:].lower()  # every "claims that" frame ends so: a cheap test first
    return ending in ("that", " the") and bool(_REPORTED_CLAUSE.search(before[-40:])) and bool(
        _DISMISSED.match(after))
