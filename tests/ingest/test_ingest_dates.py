"""Published dates are normalised to ISO; what cannot be read is left out, never guessed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from claimgraph.ingest import parse_date


@pytest.mark.parametrize("value, expected", [
    ("2025-09-01", "2025-09-01"),
    ("2025-09-01T23:30:00-05:00", "2025-09-01"),
    ("2025-09-01 08:15:00", "2025-09-01"),
    ("2025-09", "2025-09"),
    ("2025", "2025"),
    (2025, "2025"),
    (date(2024, 2, 29), "2024-02-29"),
    (datetime(2024, 2, 29, 13, 5), "2024-02-29"),
    ("1 September 2025", "2025-09-01"),
    ("Sept. 3, 2025", "2025-09-03"),
    ("September 2025", "2025-09"),
    (" 12 March 2023 ", "2023-03-12"),
])
def test_dates_are_normalised(value: object, expected: str) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [
    None, "", "soon", "1 September", "yesterday", "2025-13-01", "2025-02-30", 12, True, ["2025"],
])
def test_unreadable_dates_give_none(value: object) -> None:
    assert parse_date(value) is None
