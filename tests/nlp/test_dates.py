"""Date mentions: explicit, reference-relative and relative forms, precision, spans."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.nlp.dates import find_dates, parse_published

# 2025-09-03 is a Wednesday.
REF = datetime.date(2025, 9, 3)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def values(text: str, reference: datetime.date | None = REF) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.precision) for m in find_dates(text, reference)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen stormed the depot on 22 April 2025.", [("22 April 2025", "2025-04-22", "day")]),
        ("The convoy was hit on April 22, 2025, near the pass.", [("April 22, 2025", "2025-04-22", "day")]),
        ("A second blast followed on 22nd April 2019.", [("22nd April 2019", "2019-04-22", "day")]),
        ("Talks broke down on the 3rd of May 2021.", [("3rd of May 2021", "2021-05-03", "day")]),
        ("The cell was formed in March 2020 by defectors.", [("March 2020", "2020-03", "month")]),
        ("Raids resumed in September of 2018.", [("September of 2018", "2018-09", "month")]),
        ("The archive copy is stamped 2025-07-30.", [("2025-07-30", "2025-07-30", "day")]),
        ("The memo is dated 30/07/2025.", [("30/07/2025", "2025-07-30", "day")]),
        ("The memo is dated 07/30/2025.", [("07/30/2025", "2025-07-30", "day")]),
        ("Posted Sept. 4, 2012 at noon.", [("Sept. 4, 2012", "2012-09-04", "day")]),
        ("Thursday, 05 March 2020 09:00 GMT", [("Thursday, 05 March 2020", "2020-03-05", "day")]),
        ("The strikes lasted from June 3-9, 2024.", [("June 3-9, 2024", "2024-06", "month")]),
    ],
)
def test_explicit_dates_need_no_reference(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(sentence, None) == expected
    assert values(sentence, REF) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The front expanded in 2024.", [("2024", "2024", "year")]),
        ("The 2023 Quetta bombing was never solved.", [("2023", "2023", "year")]),
        ("The movement has grown since 2015.", [("2015", "2015", "year")]),
        ("By 2019 the faction had split.", [("2019", "2019", "year")]),
        ("The ceasefire held from 2019 to 2021.", [("2019", "2019", "year"), ("2021", "2021", "year")]),
        ("Recruitment peaked in the summer of 2016.", [("2016", "2016", "year")]),
        ("By mid-2024 the group controlled the valley.", [("mid-2024", "2024", "year")]),
        ("Fighting intensified in early 2023.", [("early 2023", "2023", "year")]),
        ("The town fell in late 2019.", [("late 2019", "2019", "year")]),
    ],
)
def test_years_read_as_dates(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(sentence, None) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The militia counts 2,023 fighters.",
        "The council passed Resolution 2023 unanimously.",
        "The insurgency has roots in the 1990s.",
        "In the 2010s the movement spread.",
        "Order 13224 applies to the network.",
        "He said 2019 casualties were lower.",
    ],
)
def test_numbers_that_are_not_dates(sentence: str) -> None:
    assert values(sentence, None) == []
    assert values(sentence, REF) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # most recent such day not after the reference
        ("The ambush on April 22 left the road closed.", [("April 22", "2025-04-22", "day")]),
        ("The ambush on 22 April left the road closed.", [("22 April", "2025-04-22", "day")]),
        ("The raid on December 5 was repelled.", [("December 5", "2024-12-05", "day")]),
        ("The raid on the 22nd April was repelled.", [("22nd April", "2025-04-22", "day")]),
        ("KARACHI, Oct 12 (Reuters) - Police said", [("Oct 12", "2024-10-12", "day")]),
        ("MOGADISHU, Sept. 2 (AP) - A blast", [("Sept. 2", "2025-09-02", "day")]),
        ("The checkpoint was attacked on Monday.", [("Monday", "2025-09-01", "day")]),
        ("The checkpoint was attacked on Wednesday.", [("Wednesday", "2025-09-03", "day")]),
        ("Thursday's attack was claimed within hours.", [("Thursday", "2025-08-28", "day")]),
        ("The convoy was ambushed last Wednesday.", [("last Wednesday", "2025-08-27", "day")]),
        ("Officials confirmed yesterday that the camp fell.", [("yesterday", "2025-09-02", "day")]),
        ("The ministry said today that talks failed.", [("today", "2025-09-03", "day")]),
        ("Three days ago the bridge was mined.", [("Three days ago", "2025-08-31", "day")]),
        # "last <month>": the most recent such month before the reference month
        ("The group struck again last August.", [("last August", "2025-08", "month")]),
        ("The group struck again last September.", [("last September", "2024-09", "month")]),
        ("The group struck again last October.", [("last October", "2024-10", "month")]),
        ("The outpost was overrun last month.", [("last month", "2025-08", "month")]),
        ("Clashes erupted earlier this month.", [("this month", "2025-09", "month")]),
        ("Shelling continued this week.", [("this week", "2025-09", "month")]),
        ("The envoy visited last week.", [("last week", "2025-08", "month")]),
        ("Two months ago the group changed leaders.", [("Two months ago", "2025-07", "month")]),
        ("The clashes began in March.", [("March", "2025-03", "month")]),
        ("The clashes began in November.", [("November", "2024-11", "month")]),
        ("The March offensive stalled.", [("March", "2025-03", "month")]),
        ("Raids have continued since mid-November.", [("mid-November", "2024-11", "month")]),
        ("The town fell in May last year.", [("May last year", "2024-05", "month")]),
        ("The group regrouped last year.", [("last year", "2024", "year")]),
        ("Five years ago the front was quiet.", [("Five years ago", "2020", "year")]),
    ],
)
def test_dates_relative_to_the_reference(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The ambush on April 22 left the road closed.",
        "The checkpoint was attacked on Monday.",
        "The group struck again last August.",
        "The outpost was overrun last month.",
        "Officials confirmed yesterday that the camp fell.",
        "The clashes began in March.",
    ],
)
def test_no_reference_means_no_guessed_year(sentence: str) -> None:
    assert find_dates(sentence, None) == []


def test_weekday_picks_the_year_a_month_day_fell_on_it() -> None:
    # 15 September fell on a Thursday in 2022 (not in 2025, 2024 or 2023).
    assert values("Fighters were killed on Thursday Sept. 15 near the river.") == [
        ("Thursday Sept. 15", "2022-09-15", "day")
    ]


def test_month_names_that_are_not_dates() -> None:
    assert values("Officials may say the Long March was a myth; May said so.") == []


def test_several_mentions_in_order_without_overlap() -> None:
    text = "On Monday (September 1) the army said the March 2024 raid, like one in 2019, was planned."
    found = find_dates(text, REF)
    assert [(m.text, m.value) for m in found] == [
        ("Monday", "2025-09-01"), ("September 1", "2025-09-01"), ("March 2024", "2024-03"), ("2019", "2019")
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_date_line_at_the_start_of_an_excerpt() -> None:
    assert values(" date 2025-03-12 The army said on Tuesday that", None) == [
        ("2025-03-12", "2025-03-12", "day")
    ]


def test_invalid_calendar_dates_are_skipped() -> None:
    assert values("The order is dated 31 February 2024 and 2024-13-01.", None) == []


def test_leap_day_looks_back_to_a_leap_year() -> None:
    assert values("The raid on February 29 was repelled.") == [("February 29", "2024-02-29", "day")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-09-01", "2025-09-01"),
        ("2025-09-01T08:30:00Z", "2025-09-01"),
        ("Sept 1, 2025", "2025-09-01"),
        ("1 September 2025", "2025-09-01"),
        ("Mon, 01 Sep 2025 10:00:00 +0000", "2025-09-01"),
        ("2025/09/01", "2025-09-01"),
        ("1 septembre 2025", "2025-09-01"),
        ("September 2025", None),
        ("not a date", None),
        ("", None),
    ],
)
def test_parse_published(value: str, expected: str | None) -> None:
    assert parse_published(value) == expected


_REFERENCES = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2060, 12, 31))
_DATEY_TEXT = st.lists(
    st.sampled_from(
        ["in", "on", "last", "the", "March", "May", "Monday", "2024", "2,023", "12", "22nd", "of", "April",
         "ago", "two", "days", "mid-", "early", "yesterday", "week", ",", "-", "/", "07", "2025-01-02",
         "Sept.", " ", "\n", "Oct", "since", "year", "this", "(", ")"]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=300), _DATEY_TEXT), reference=st.one_of(st.none(), _REFERENCES))
def test_spans_match_text_and_never_overlap(text: str, reference: datetime.date | None) -> None:
    found = find_dates(text, reference)
    for mention in found:
        assert text[mention.start:mention.end] == mention.text
        assert mention.precision in ("day", "month", "year")
        assert len(mention.value) == {"day": 10, "month": 7, "year": 4}[mention.precision]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)))
def test_written_dates_round_trip(day: datetime.date) -> None:
    month = MONTHS[day.month - 1]
    for text in (f"on {day.day} {month} {day.year}.", f"on {month} {day.day}, {day.year}.", day.isoformat()):
        assert [m.value for m in find_dates(text, None)] == [day.isoformat()]


def test_a_count_back_beyond_four_digit_years_is_no_date() -> None:
    reference = datetime.date(2000, 1, 1)
    assert find_dates("10000 years ago", reference) == []
    assert [m.value for m in find_dates("two years ago", reference)] == ["1998"]
