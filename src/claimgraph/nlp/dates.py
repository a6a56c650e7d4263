"""Date mentions normalised against a reference date (usually the document's publication date).

``find_dates`` reads explicit dates ("22 April 2025", "April 22, 2025", "2025-07-30", "30/07/2025",
"March 2020", "mid-2024", "in 2024"), dates whose year comes from the reference ("April 22",
"ISLAMABAD, Oct 12 (Reuters)", "in March", "the March attack") and relative ones ("yesterday",
"on Tuesday", "last Saturday", "last month", "last August", "this week", "two months ago",
"last year"). Each mention keeps the precision the text supports: a weekday or "yesterday" is a day,
"last week" and "last August" a month, "last year" or "early 2023" a year. Without a reference, only
mentions that carry their own year are returned. Decades ("the 1990s") are skipped.

A mention's span covers the date expression and the words that change its meaning ("last", "early",
"mid-"), not a leading preposition ("in", "on", "since"); callers read ``text[:start]`` for that.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.nlp.numbers import NUMBER_PATTERN, NUMBER_WORDS, parse_number

DAY = "day"
MONTH = "month"
YEAR = "year"


@dataclass(frozen=True)
class DateMention:
    """A date expression at ``text[start:end]``; ``value`` is YYYY-MM-DD, YYYY-MM or YYYY."""

    start: int
    end: int
    text: str
    value: str
    precision: str


_MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]
_DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update({name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, start=1)})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(_DAY_NAMES)}


def _title_or_upper(words: list[str]) -> str:
    """Alternation of words written Title-case or UPPER-case (month and day names are capitalised)."""
    return "|".join(f"{w}|{w.upper()}" for w in sorted(words, key=len, reverse=True))


_MONTH_FULL = rf"(?:{_title_or_upper(_MONTH_NAMES)})\b"
_MONTH_ANY = (
    rf"(?:{_MONTH_FULL}|(?:{_title_or_upper([m[:3] for m in _MONTH_NAMES if len(m) > 3] + ['Sept'])})\b\.?)"
)
_WEEKDAY = rf"(?:{_title_or_upper(_DAY_NAMES)})\b"
_DAY = r"(?:[0-3]?\d)(?!\d)(?:st|nd|rd|th)?\b"
_YEAR4 = r"(?:1[89]|20)\d\d(?![\d%])"


def _weekday_prefix(name: str) -> str:
    return rf"(?:(?P<{name}>{_WEEKDAY}),?\s+(?:the\s+)?)?"


_MODIFIER = r"(?i:early|mid|late)[-\s]+"

_DATE_RE = re.compile(
    r"(?P<iso>(?<!\d)(?P<iso_y>\d{4})(?P<sep>[-/.])(?P<iso_m>\d{2})(?P=sep)(?P<iso_d>\d{2})(?!\d))"
    r"|(?P<num>(?<![\d/.])(?P<num_a>\d{1,2})(?P<nsep>[/.])(?P<num_b>\d{1,2})(?P=nsep)(?P<num_y>\d{4})(?!\d))"
    rf"|(?P<dmy>{_weekday_prefix('dmy_wd')}(?P<dmy_d>{_DAY})(?:\s+of)?\s+(?P<dmy_m>{_MONTH_ANY})"
    rf"(?:,?\s+(?P<dmy_y>{_YEAR4}))?)"
    rf"|(?P<mdy>{_weekday_prefix('mdy_wd')}(?P<mdy_m>{_MONTH_ANY})\s*(?P<mdy_d>{_DAY})(?!:)"
    rf"(?:\s*[-–]\s*(?P<mdy_d2>{_DAY}))?(?:,?\s+(?P<mdy_y>{_YEAR4}))?)"
    rf"|(?P<my>(?:{_MODIFIER})?(?P<my_m>{_MONTH_ANY})(?:,|\s+of)?\s+(?P<my_y>{_YEAR4}))"
    rf"|(?P<mly>(?P<mly_m>{_MONTH_FULL})\s+(?P<mly_rel>(?i:last|this|next))\s+(?i:year)\b)"
    rf"|(?P<ymod>{_MODIFIER}(?P<ymod_y>{_YEAR4})(?!['’]?s\b))"
    r"|(?P<relday>\b(?i:yesterday|today|tonight)\b)"
    r"|(?P<relunit>\b(?P<relunit_rel>(?i:last|this|next))\s+(?P<relunit_u>(?i:week|month|year))\b)"
    rf"|(?P<relmonth>\b(?P<relmonth_rel>(?i:last|this|next))\s+(?P<relmonth_m>{_MONTH_FULL}))"
    rf"|(?P<ago>\b(?P<ago_n>(?i:{NUMBER_PATTERN}|an?))\s+(?P<ago_u>(?i:days?|weeks?|months?|years?))\s+"
    r"(?i:ago)\b)"
    rf"|(?P<weekday>(?:\b(?P<weekday_rel>(?i:last|this|next))\s+)?(?P<weekday_d>{_WEEKDAY}))"
    rf"|(?P<bare>(?P<bare_mod>{_MODIFIER})?(?P<bare_m>{_MONTH_FULL}))"
    r"(?!,?\s+\d|\s+(?i:last|this|next)\s+(?i:year)\b)"
    rf"|(?P<year>(?<![\w,.$])(?P<year_y>{_YEAR4})(?![\w'’]|[.,]\d))"
)
# Every date mention contains one of these; a match never reaches further from it than the margins.
# (Flat alternations of literals: Python's re then skips ahead on their first letters, which is fast.)
_ANCHOR_RE = re.compile(
    rf"1[89]\d\d|20\d\d|{_title_or_upper([m[:3] for m in _MONTH_NAMES] + _DAY_NAMES)}"
)
_RELATIVE_ANCHOR_RE = re.compile(
    "|".join(["yesterday", "today", "tonight", r"ago\b"]
             + [rf"{rel}\s+{unit}" for rel in ("last", "this", "next") for unit in ("week", "month", "year")])
)
_RELATIVE_WORDS = ("yesterday", "today", "tonight", "ago", "last", "this", "next")  # one opens every relative anchor
_BEFORE_ANCHOR = 40
_WORD_RE = re.compile(r"(?<![^\W_])[^\W_]+")
# Lower-cased words a date mention can start with, besides digits.
_STARTERS = frozenset(
    ["early", "mid", "late", "last", "this", "next", "yesterday", "today", "tonight", "a", "an", "hundred",
     "sept"]
    + list(_MONTHS) + list(_WEEKDAYS) + list(NUMBER_WORDS)
)
# What must stand before a month name alone for it to be a date ("in March", "the March attack").
_MONTH_CONTEXT_RE = re.compile(
    r"\b(?i:in|since|during|by|until|till|from|through|throughout|between|before|after|around|of|the|"
    r"(?:end|beginning|start|middle)\s+of)\s+$"
)
# What may stand before a bare year for it to be read as a date ("in 2015", "the 2023 bombing").
_YEAR_CONTEXT_RE = re.compile(
    r"(?:\b(?i:in|since|by|until|till|through|throughout|from|during|before|after|around|circa|between|"
    r"year|early|late|mid|(?:summer|winter|spring|autumn|fall|end|beginning|start|middle|half|quarter)\s+of)"
    r"\s+|\()$"
)
_YEAR_RANGE_RE = re.compile(r"\b(?:1[89]|20)\d\d\s*(?:[-–]|(?i:to|and|or|through|until))\s*$")
_THE_YEAR_RE = re.compile(r"\b(?i:the)\s+$")
_WORD_AFTER_RE = re.compile(r"\s+[A-Za-z]")
_NOT_DIGITS = re.compile(r"\D")


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _day(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _latest_day(month: int, day: int, reference: datetime.date, weekday: str | None) -> datetime.date | None:
    """The most recent month/day not after the reference; with a weekday ("Thursday Sept. 15"), the most
    recent one falling on that weekday within seven years, else the most recent one."""
    candidates = [_day(year, month, day) for year in range(reference.year, reference.year - 8, -1)]
    past = [d for d in candidates if d is not None and d <= reference]
    if weekday:
        target = _WEEKDAYS[weekday.lower()]
        matching = [d for d in past if d.weekday() == target]
        if matching:
            return matching[0]
    return past[0] if past else None


def _month_number(name: str) -> int:
    key = name.rstrip(".").lower()
    return _MONTHS.get(key) or _MONTHS[key[:3]]


def _relative_year(month: int, rel: str, reference: datetime.date, inclusive: bool = True) -> int:
    """Year of a named month: most recent (last / bare), current (this) or coming (next)."""
    if rel == "this":
        return reference.year
    if rel == "next":
        return reference.year if month > reference.month else reference.year + 1
    before = month <= reference.month if inclusive else month < reference.month
    return reference.year if before else reference.year - 1


def _weekday(name: str, rel: str, reference: datetime.date) -> datetime.date:
    target = _WEEKDAYS[name.lower()]
    if rel == "next":
        return reference + datetime.timedelta(days=(target - reference.weekday()) % 7 or 7)
    back = (reference.weekday() - target) % 7
    if rel == "last" and back == 0:
        back = 7
    return reference - datetime.timedelta(days=back)


def _explicit(m: re.Match[str]) -> tuple[str, str] | None:
    """Value and precision of mentions that carry their own year, or None if invalid."""
    kind = m.lastgroup
    if kind == "iso":
        d = _day(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        return (d.isoformat(), DAY) if d else None
    if kind == "num":
        a, b = int(m["num_a"]), int(m["num_b"])
        day, month = (b, a) if b > 12 >= a else (a, b)
        d = _day(int(m["num_y"]), month, day)
        return (d.isoformat(), DAY) if d else None
    if kind == "my":
        return _month_value(int(m["my_y"]), _month_number(m["my_m"])), MONTH
    if kind == "ymod":
        return m["ymod_y"], YEAR
    return None


def _with_reference(m: re.Match[str], reference: datetime.date) -> tuple[str, str] | None:
    """Value and precision of mentions that need the reference date, or None if not a date."""
    kind = m.lastgroup
    rel = (m[f"{kind}_rel"] or "").lower() if f"{kind}_rel" in m.re.groupindex else ""
    if kind in ("dmy", "mdy"):
        month, day = _month_number(m[f"{kind}_m"]), int(_NOT_DIGITS.sub("", m[f"{kind}_d"]))
        d = _latest_day(month, day, reference, m[f"{kind}_wd"])
        if d is None:
            return None
        if kind == "mdy" and m["mdy_d2"]:
            return _month_value(d.year, month), MONTH
        return d.isoformat(), DAY
    if kind == "relday":
        shift = {"yesterday": -1}.get(m[kind].lower(), 0)
        return (reference + datetime.timedelta(days=shift)).isoformat(), DAY
    if kind == "weekday":
        return _weekday(m["weekday_d"], rel, reference).isoformat(), DAY
    if kind == "relunit":
        step = {"last": -1, "this": 0, "next": 1}[rel]
        unit = m["relunit_u"].lower()
        if unit == "year":
            return str(reference.year + step), YEAR
        if unit == "week":
            d = reference + datetime.timedelta(days=7 * step)
            return _month_value(d.year, d.month), MONTH
        return _month_value(*_shift_month(reference.year, reference.month, step)), MONTH
    if kind == "relmonth":
        month = _month_number(m["relmonth_m"])
        return _month_value(_relative_year(month, rel, reference, inclusive=False), month), MONTH
    if kind == "mly":
        step = {"last": -1, "this": 0, "next": 1}[rel]
        return _month_value(reference.year + step, _month_number(m["mly_m"])), MONTH
    if kind == "bare":
        if not m["bare_mod"] and not _MONTH_CONTEXT_RE.search(m.string, max(0, m.start() - 20), m.start()):
            return None
        month = _month_number(m["bare_m"])
        return _month_value(_relative_year(month, "", reference), month), MONTH
    if kind == "ago":
        count = 1 if m["ago_n"].lower() in ("a", "an") else parse_number(m["ago_n"])
        if count is None:
            return None
        unit = m["ago_u"].lower().rstrip("s")
        if unit == "day":
            return (reference - datetime.timedelta(days=count)).isoformat(), DAY
        if unit == "week":
            d = reference - datetime.timedelta(days=7 * count)
            return _month_value(d.year, d.month), MONTH
        year, month = _shift_month(reference.year, reference.month, -count) if unit == "month" else (
            reference.year - count, 0)
        if year < 1000:
            return None  # "10,000 years ago" is no date of the events we report
        return (_month_value(year, month), MONTH) if month else (str(year), YEAR)
    return None


def _is_year_date(text: str, start: int, end: int) -> bool:
    """A bare four-digit year is a date only after a temporal word ("in 2015", "the 2023 bombing")."""
    window = max(0, start - 30)
    if _YEAR_CONTEXT_RE.search(text, window, start) or _YEAR_RANGE_RE.search(text, window, start):
        return True
    return bool(_THE_YEAR_RE.search(text, window, start) and _WORD_AFTER_RE.match(text, end))


def _value(m: re.Match[str], reference: datetime.date | None) -> tuple[str, str] | None:
    """Value and precision of one match of _DATE_RE, or None where it is no date."""
    kind = m.lastgroup or ""
    if kind == "year":
        return (m["year_y"], YEAR) if _is_year_date(m.string, m.start(), m.end()) else None
    if kind in ("dmy", "mdy") and m[f"{kind}_y"]:
        month, day = _month_number(m[f"{kind}_m"]), int(_NOT_DIGITS.sub("", m[f"{kind}_d"]))
        d = _day(int(m[f"{kind}_y"]), month, day)
        if d is None:
            return None
        return (d.isoformat()[:7], MONTH) if kind == "mdy" and m["mdy_d2"] else (d.isoformat(), DAY)
    if kind in ("iso", "num", "my", "ymod"):
        return _explicit(m)
    if reference is None:
        return None
    try:
        return _with_reference(m, reference)
    except OverflowError:  # "two million days ago", or a reference at the edge of the calendar
        return None


def forget_texts() -> None:
    """Forget the date expressions found in the texts read so far."""
    _expressions.cache_clear()


def _anchors(text: str) -> list[tuple[int, int]]:
    """Spans of the words every date mention contains: a year, a month or day name, "yesterday", "ago",
    "last week"... The full date pattern is only tried just before and at these."""
    anchors = [m.span() for m in _ANCHOR_RE.finditer(text)]
    lower = text.lower()
    if any(map(lower.__contains__, _RELATIVE_WORDS)):
        # lower-casing can change offsets (rare scripts): then the text itself is read
        anchors += [m.span() for m in _RELATIVE_ANCHOR_RE.finditer(lower if len(lower) == len(text) else text)]
        anchors.sort()
    return anchors


@lru_cache(maxsize=16)  # a sentence is often read twice: without a reference date, then with one
def _expressions(text: str) -> tuple[re.Match[str], ...]:
    """The date expressions of ``text`` in order, without overlaps: matches of the full date pattern, tried at
    the words that can open one just before and at each anchor. Which of them are dates, and what their values
    are, depends on the reference date (``_value``)."""
    found: list[re.Match[str]] = []
    done = 0
    for anchor_start, anchor_end in _anchors(text):
        if anchor_start < done:
            continue
        for word in _WORD_RE.finditer(text, max(done, anchor_start - _BEFORE_ANCHOR), anchor_end):
            token = word.group()
            lowered = token.lower()
            if not (token[0].isdigit() or lowered in _STARTERS):
                continue
            if lowered in ("a", "an") and text[anchor_start:anchor_end] != "ago":
                continue
            m = _DATE_RE.match(text, word.start())
            if m is None or m.end() <= anchor_start:
                continue
            done = m.end()
            found.append(m)
            break
    return tuple(found)


def find_dates(text: str, reference: datetime.date | None) -> list[DateMention]:
    """All date mentions in ``text`` in order, without overlaps (see the module rules)."""
    found: list[DateMention] = []
    for m in _expressions(text):
        result = _value(m, reference)
        if result is not None:
            start, end = m.span(m.lastgroup or 0)
            found.append(DateMention(start, end, text[start:end], result[0], result[1]))
    return found


# Languages tried for metadata dates that are not in English; trying all of dateparser's takes seconds.
_METADATA_LANGUAGES = (
    "en", "fr", "es", "pt", "de", "it", "nl", "ru", "uk", "ar", "fa", "ur", "ps", "tr", "id", "hi", "zh",
    "so", "sw", "ha",
)


def parse_published(value: str) -> str | None:
    """ISO day (YYYY-MM-DD) of a metadata date such as "2025-09-01", "Sept 1, 2025", "1 September 2025",
    an RFC 822 feed date or a date in another language ("1 septembre 2025"); None without a full day."""
    value = value.strip()
    mentions = find_dates(value, None)
    if mentions:
        return next((m.value for m in mentions if m.precision == DAY), None)
    if not any(c.isdigit() for c in value):
        return None
    import dateparser  # slow to import; only metadata in unusual formats or languages needs it

    parsed = dateparser.parse(
        value,
        languages=list(_METADATA_LANGUAGES),
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["timestamp", "absolute-time"]},
    )
    return parsed.date().isoformat() if parsed else None
