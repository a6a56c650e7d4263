"""Datelines: where, and often when, a report was filed, written at the start of a line before its text.

The forms read: "KIGALI, Rwanda (AA) –", "BAMAKO (Reuters) -", "ISLAMABAD, Pakistan, March 14 (AP) —",
"Quetta, March 14 (Reuters) -", "Peshawar, 14 March 2025 —", the colon form of the South Asian press
("PESHAWAR:", "QUETTA, Jan 5:") and a city alone on its line in capitals ("ISTANBUL"). A line opens with a
place name, then optionally a country or region, a date and an agency in parentheses, then a dash or a colon.

How strict each form is depends on what else could open a line that way:

- a name in capitals before a dash is a dateline ("BEIRUT (Reuters) -");
- a title-case name before a dash needs a date or an agency, or must be a place of the knowledge base followed
  by a known country or region ("Kabul, Afghanistan —"), and the text after the dash must open with a capital:
  "Kabul — the capital …" is prose;
- a colon needs a place of the knowledge base that is not a country, then a sentence that opens with a
  capital and ends on the line: "Note:", "Update:", "Read:", a speaker's label ("Khan: we will …") and
  headlines ("Pakistan: a country at war", "Quetta: Five Killed in Blast") are not datelines;
- every form but the first counts only when a single line of the text reads as one: several are a list.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from claimgraph.nlp.dates import DAY, find_dates

PLACE = "place"  # a place of the knowledge base other than a country
STATE = "state"  # a state or a country
PlaceAt = Callable[[int], tuple[int, str] | None]
"""``named(offset)``: the end and the kind (PLACE or STATE) of the place or state named from ``offset``."""


@dataclass(frozen=True)
class Dateline:
    """A dateline at ``text[start:end]`` (its dash or colon included); ``date`` is the span of the date it
    states, if any."""

    start: int
    end: int
    date: tuple[int, int] | None = None


_MONTH = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_WEEKDAY = r"(?i:mon|tues|wednes|thurs|fri|satur|sun)day\b"
_DAY_NUMBER = r"[0-3]?\d(?:st|nd|rd|th)?\b"
_DATE = (rf"(?:{_WEEKDAY},?[ \t]+)?(?:{_DAY_NUMBER}[ \t]+{_MONTH}|{_MONTH}[ \t]*{_DAY_NUMBER})"
         r"(?:,?[ \t]+(?:19|20)\d\d\b)?|\d{4}-\d\d-\d\d\b|\d{1,2}[/.]\d{1,2}[/.]\d{4}\b")
# the artefact some stored pages open with (" date 2024-07-15 ISLAMABAD - …"), then spaces
_LINE_OPENING = re.compile(r"[ \t]*(?:date \S+[ \t]+)?")
_NOT_A_PLACE = rf"(?!(?:{_MONTH}|{_WEEKDAY}|By)(?:[\s,]|$))"
_CAPITALS_NAME = re.compile(rf"{_NOT_A_PLACE}[A-Z][A-Z.'’]*(?:[- ][A-Z][A-Z.'’]*){{0,3}}(?![\w'’])")
_TITLE_NAME = re.compile(rf"{_NOT_A_PLACE}[A-Z][a-z.'’]*[a-z](?:[- ][A-Z][a-z.'’]*[a-z]){{0,2}}(?![\w'’])")
_REST = re.compile(
    rf"(?:,[ \t]*(?P<region>{_NOT_A_PLACE}[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){{0,2}}))?"
    rf"(?:,?[ \t]*(?P<date>{_DATE}))?"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,30})\))?"
    r"(?:[ \t]*(?P<sep>--?|[–—:])(?=\s)|[ \t]*(?=\n|$))")
_BODY_OPENS = re.compile(r"[ \t]*[A-Z\"“‘'(]")
_SENTENCE_ENDS = re.compile(r"\w[.!?][\"”’']?(?:\s|$)")
_CAPITALS_DASH, _ONCE = "capitals and a dash", "once"
_WITHIN = 100  # characters: a dateline ends, with its dash or colon, this near the start of its line
_ALONE = 60  # characters: the longest line a name alone on it fills ("date …" before it included)
_SEPARATOR = re.compile(r"(?:--?|[–—:])(?=\s)")


def find_datelines(text: str, named: PlaceAt) -> list[Dateline]:
    """The datelines that open lines of ``text``; ``named`` tells which names there are places or states.

    A name in capitals before a dash is a dateline wherever it opens a line. The other forms count only when a
    single line of the text reads as one: several such lines are a list ("Quetta, 3 May 2024 – …" entries of
    a chronology, "Quetta: …" items, "KABUL" headings), whose places and dates are what the lines tell of."""
    always: list[Dateline] = []
    once: list[Dateline] = []
    line = 0
    while line >= 0:
        line_end = text.find("\n", line)
        end = line_end if line_end >= 0 else len(text)
        separated = _SEPARATOR.search(text, line, min(end, line + _WITHIN))
        opening = _LINE_OPENING.match(text, line) if separated or end - line <= _ALONE else None
        start = opening.end() if opening else line
        # a dash or a colon near the start of the line, or a name in capitals alone on it
        if separated or (opening and text[start:end].isupper()):
            found = _dateline_at(text, start, line, named)
            if found:
                (always if found[1] == _CAPITALS_DASH else once).append(found[0])
        line = line_end + 1 if line_end >= 0 else -1
    return sorted(always + once, key=lambda d: d.start) if len(once) == 1 else always


def _dateline_at(text: str, start: int, line: int, named: PlaceAt) -> tuple[Dateline, str] | None:
    if start >= len(text) or not text[start].isupper():
        return None
    known = named(start)
    names = [(known[0], known[1])] if known else []
    for pattern in (_CAPITALS_NAME, _TITLE_NAME):
        match = pattern.match(text, start)
        if match and (not known or match.end() != known[0]):
            names.append((match.end(), ""))
    for end, kind in names:
        rest = _REST.match(text, end)
        form = _form(text, text[start:end], kind, rest, named) if rest else None
        if rest and form:
            date = rest.span("date") if rest.group("date") else None
            return Dateline(line, rest.end(), date), form
    return None


def _form(text: str, name: str, kind: str, rest: re.Match[str], named: PlaceAt) -> str | None:
    """How the line's opening reads as a dateline (_CAPITALS_DASH or _ONCE), or None when it does not."""
    capitals = name.isupper() and len(name) >= 3
    region, date, agency, sep = rest.group("region"), rest.group("date"), rest.group("agency"), rest.group("sep")
    if sep is None:  # alone on its line
        return _ONCE if capitals and kind == PLACE and not (region or date or agency) else None
    if sep != ":" and capitals:
        return _CAPITALS_DASH
    if not _BODY_OPENS.match(text, rest.end()):
        return None
    if sep == ":":  # a sentence follows, not a headline's words or a list item's figures
        line_end = text.find("\n", rest.end())
        sentence = _SENTENCE_ENDS.search(text, rest.end(), line_end if line_end >= 0 else len(text))
        return _ONCE if kind == PLACE and sentence else None
    known_region = region is not None and named(rest.start("region")) is not None
    return _ONCE if date or agency or (kind == PLACE and known_region) else None


def stated_date(text: str, dateline: Dateline, year: int | None) -> datetime.date | None:
    """The day the dateline states: a full date, or a day and month ("QUETTA, Jan 5:") in ``year``."""
    if dateline.date is None:
        return None
    written = text[dateline.date[0]:dateline.date[1]]
    found = [d for d in find_dates(written, None) if d.precision == DAY]
    if not found and year is not None:
        found = [d for d in find_dates(written, datetime.date(year, 12, 31)) if d.precision == DAY]
    return datetime.date.fromisoformat(found[0].value) if found else None
