"""Dates as spans of days, and whether two claims' time qualifiers name different periods."""

from __future__ import annotations

import calendar
from datetime import date

Interval = tuple[date, date]
FORMER = "former"


def date_interval(value: str | None) -> Interval | None:
    """The days an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) covers, or None when it is not one."""
    if not value:
        return None
    try:
        parts = [int(part) for part in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(*parts)[1])
        if len(parts) == 3:
            day = date(*parts)
            return day, day
    except ValueError:
        return None
    return None


def overlap(first: Interval, second: Interval) -> Interval | None:
    start, end = max(first[0], second[0]), min(first[1], second[1])
    return (start, end) if start <= end else None


def different_periods(first: str | None, second: str | None) -> bool:
    """True when two time qualifiers cannot name the same time: two dates that do not overlap, or
    "former" against no qualifier (the present). Anything unknown may be the same time."""
    if first is None or second is None:
        return (first or second) == FORMER
    if FORMER in (first, second):
        return False
    one, two = date_interval(first), date_interval(second)
    return one is not None and two is not None and overlap(one, two) is None
