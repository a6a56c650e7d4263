"""One event across documents; distinct events never merged."""

from __future__ import annotations

from datetime import date

from analysis_builders import DocBuilder, corpus_of

from claimgraph.analyze import resolve_events
from claimgraph.analyze.periods import date_interval


def test_date_interval_covers_the_named_day_month_or_year() -> None:
    assert date_interval("2025-07") == (date(2025, 7, 1), date(2025, 7, 31))
    assert date_interval("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert date_interval("2024-02-29") == (date(2024, 2, 29), date(2024, 2, 29))
    assert date_interval("2023-02-29") is None
    assert date_interval("last year") is None


def test_same_attack_in_three_documents_is_one_event_with_details_per_source() -> None:
    a = DocBuilder("a").event("Gunmen killed five officials in Bajaur on 30 July 2025.", place="Bajaur",
                              date="2025-07-30", claimed_by=("kb:iskp",), killed=5)
    b = DocBuilder("b").event("The July 2025 Bajaur attack was claimed by the TTP.", place="Bajaur",
                              date="2025-07", claimed_by=("kb:ttp",))
    c = DocBuilder("c").event("Both groups claimed the Bajaur attack.", place="Bajaur", date=None,
                              claimed_by=("kb:ttp", "kb:iskp"))
    [event] = resolve_events(corpus_of(a, b, c))
    data = event.to_dict()
    assert data["dates"] == {"from": "2025-07-01", "to": "2025-07-31"}
    assert data["participants"] == ["kb:iskp", "kb:ttp"]
    by_doc = {r["document_label"]: r for r in data["reports"]}
    assert by_doc["a"]["killed"] == 5 and by_doc["b"]["killed"] is None
    assert by_doc["b"]["claimed_by"] == ["kb:ttp"]
    assert by_doc["c"]["date"] is None


def test_bajaur_2023_and_july_2025_are_two_events() -> None:
    old = DocBuilder("old").event("The 2023 Bajaur bombing was blamed on the Khorasan branch.", place="Bajaur",
                                  date="2023", perpetrators=("kb:iskp",))
    new = DocBuilder("new").event("The July 2025 Bajaur attack was claimed by two groups.", place="Bajaur",
                                  date="2025-07", claimed_by=("kb:iskp", "kb:ttp"), killed=5)
    events = resolve_events(corpus_of(old, new))
    assert [e.to_dict()["dates"]["from"][:4] for e in events] == ["2023", "2025"]


def test_other_places_kinds_and_far_apart_days_stay_apart() -> None:
    a = DocBuilder("a").event("A blast hit Bajaur on 1 May 2024.", place="Bajaur", date="2024-05-01")
    b = DocBuilder("b").event("A blast hit Khar on 1 May 2024.", place="Khar", date="2024-05-01")
    c = DocBuilder("c").event("Troops raided Bajaur on 1 May 2024.", place="Bajaur", date="2024-05-01",
                              kind="security_operation")
    d = DocBuilder("d").event("A blast hit Bajaur on 20 May 2024.", place="Bajaur", date="2024-05-20")
    e = DocBuilder("e").event("A blast hit Bajaur on 3 May 2024.", place="Bajaur", date="2024-05-03")
    events = resolve_events(corpus_of(a, b, c, d, e))
    groups = sorted(sorted(r.document.title for r in ev.reports) for ev in events)
    assert groups == [["a", "e"], ["b"], ["c"], ["d"]]


def test_undated_report_without_shared_participant_or_with_two_candidates_stays_alone() -> None:
    may = DocBuilder("may").event("A blast hit Bajaur on 1 May 2024.", place="Bajaur", date="2024-05-01",
                                  perpetrators=("kb:ttp",))
    june = DocBuilder("june").event("A blast hit Bajaur on 9 June 2024.", place="Bajaur", date="2024-06-09",
                                    perpetrators=("kb:ttp",))
    undated = DocBuilder("undated").event("The TTP bombed Bajaur.", place="Bajaur", date=None,
                                          perpetrators=("kb:ttp",))
    stranger = DocBuilder("stranger").event("Someone bombed Bajaur.", place="Bajaur", date=None,
                                            perpetrators=("kb:iskp",))
    events = resolve_events(corpus_of(may, june, undated, stranger))
    assert len(events) == 4
    events = resolve_events(corpus_of(may, undated))
    assert len(events) == 1


def test_syndicated_copy_is_not_a_second_report() -> None:
    original = DocBuilder("original").event("A blast hit Bajaur on 1 May 2024.", place="Bajaur",
                                            date="2024-05-01").build()
    copy = DocBuilder("copy").event("A blast hit Bajaur on 1 May 2024.", place="Bajaur",
                                    date="2024-05-01").build(body=original.document.text + " ")
    [event] = resolve_events(corpus_of(original, copy, syndicated={copy.document.id: original.document.id}))
    assert len(event.reports) == 1
    assert event.to_dict()["reports"][0]["copies"] == [copy.document.id]
