"""The exported .ics as other programs read it: recurring-ical-events, vobject and ical expand what the app shows.

Each occurrence is compared as (summary, local date, wall-clock time in the event's own zone or "all day",
"cancelled" or ""): a reader's instant is converted to the event's zone with zoneinfo, so a reader that misreads
the file's VTIMEZONE (an hour off in summer) shows up as a wrong time. A vacated event or occurrence is exported
as STATUS:CANCELLED and every reader keeps it, so it is compared with its status on both sides; an occurrence
deleted from a series (an EXDATE) is in neither.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.formats.ics_zone import changes
from legalsec_desktop.services import calendar, deadlines, ical

recurring_ical_events = pytest.importorskip("recurring_ical_events")
vobject = pytest.importorskip("vobject")
ical_stream = pytest.importorskip("ical.calendar_stream")

NY, LA, CHICAGO, LONDON, TOKYO = ("America/New_York", "America/Los_Angeles", "America/Chicago", "Europe/London",
                                  "Asia/Tokyo")
WINDOW = (date(2016, 1, 1), date(2028, 7, 1))  # the whole demo calendar and every series below
Key = tuple[str, str, str, str]


def _timed(title: str, day: date, at: time, tz: str, rule: str, minutes: int = 30) -> EventDraft:
    end = (datetime.combine(day, at) + timedelta(minutes=minutes)).time()
    return EventDraft(None, "meeting", title, day, False, at, end, tz, rrule=rule)


def _all_day(title: str, day: date, rule: str) -> EventDraft:
    return EventDraft(None, "reminder", title, day, rrule=rule)


def _move(store: Any, series: int, occurrence: date, day: date, at: time | None = None,
          status: str = "scheduled") -> None:
    """Change one occurrence of `series` as the calendar's "this occurrence only" does."""
    draft = calendar.load_event(store, series)
    moved = replace(draft, rrule="", exdates=(), on_date=day, status=status)
    if at is not None:
        moved = replace(moved, start=at, end=(datetime.combine(day, at) + timedelta(minutes=30)).time())
    deadlines.save_event(store, moved, series, occurrence=occurrence)


@pytest.fixture
def docket(demo_store: Any) -> Any:
    """The demo practice plus fourteen series, made through the services as the calendar makes them."""
    store = demo_store
    save = deadlines.save_event
    # weekly on two days across the start of US daylight saving (8 Mar 2026); a date UNTIL on a timed series
    # ends before that day's 8:30 (as dateutil reads it), so 1 Apr is not an occurrence
    save(store, _timed("Staff meeting", date(2026, 2, 23), time(8, 30), NY, "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260401"))
    # every two weeks in London: the weeks of March when London and New York change on different days
    save(store, _timed("Fortnightly review", date(2026, 3, 5), time(14), LONDON,
                       "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=8"))
    save(store, _timed("Bar lunch", date(2026, 1, 13), time(12), CHICAGO, "FREQ=MONTHLY;BYDAY=2TU;COUNT=12"))
    save(store, _timed("Billing run", date(2026, 1, 30), time(16), LA,
                       "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T235959", 60))
    save(store, _all_day("Month-end close", date(2026, 1, 31), "FREQ=MONTHLY;COUNT=6"))  # months with a 31st
    save(store, _all_day("Bar dues", date(2020, 7, 1), "FREQ=YEARLY"))
    save(store, _all_day("Leap-day review", date(2024, 2, 29), "FREQ=YEARLY"))  # 2024 and 2028 only
    save(store, _timed("Docket check", date(2026, 10, 28), time(7, 45), NY, "FREQ=DAILY;COUNT=10", 15))
    # UNTIL is the last occurrence itself, after the end of daylight saving (1 Nov 2026)
    save(store, _timed("Deposition prep", date(2026, 10, 20), time(17), NY,
                       "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261112T170000", 60))
    save(store, _timed("Tokyo call", date(2026, 3, 2), time(9), TOKYO, "FREQ=WEEKLY;COUNT=8"))  # UTC: the day before
    closed = save(store, _all_day("Office closed", date(2026, 11, 6), "FREQ=WEEKLY;BYDAY=FR;COUNT=12"))
    calendar.delete_event(store, closed, occurrence=date(2026, 11, 27))
    calendar.delete_event(store, closed, occurrence=date(2026, 12, 25))
    check_in = save(store, _timed("Client check-in", date(2026, 10, 13), time(10), NY, "FREQ=WEEKLY;COUNT=8"))
    _move(store, check_in, date(2026, 10, 27), date(2026, 10, 29), time(15, 30))  # another day and time, in EDT
    _move(store, check_in, date(2026, 11, 10), date(2026, 11, 9), time(8))  # the original in EST
    calendar.delete_event(store, check_in, occurrence=date(2026, 11, 17))
    _move(store, check_in, date(2026, 11, 24), date(2026, 11, 24), status="vacated")
    # 23:30 in Los Angeles is the next day in UTC, on both sides of the end of daylight saving
    save(store, _timed("Late filing check", date(2026, 10, 21), time(23, 30), LA, "FREQ=WEEKLY;COUNT=6", 20))
    trial = save(store, _all_day("Trial days", date(2027, 1, 11), "FREQ=DAILY;UNTIL=20270115"))
    _move(store, trial, date(2027, 1, 13), date(2027, 1, 18))
    # a first date the rule does not name (a Monday for "the 2nd Tuesday"): the app starts at the 2nd Tuesday
    save(store, _timed("Misaligned start", date(2026, 1, 5), time(9), NY, "FREQ=MONTHLY;BYDAY=2TU;COUNT=3"))
    return store


def _app_keys(store: Any) -> tuple[list[Key], dict[str, str]]:
    """What the calendar shows, and each summary's zone ("" for all-day)."""
    keys, zones = [], {}
    for occ in calendar.events_between(store, *WINDOW):
        summary = occ.title + (f" [{occ.matter_number}]" if occ.matter_number else "")
        at = "all day" if occ.start is None else f"{occ.start:%H:%M}"
        keys.append((summary, occ.day.isoformat(), at, "cancelled" if occ.status == "vacated" else ""))
        assert zones.setdefault(summary, occ.tz) == occ.tz, summary  # one zone per summary, for the readers' side
    return sorted(keys), zones


def _key(summary: str, start: date | datetime, status: str, zones: dict[str, str]) -> Key | None:
    """A reader's occurrence as a key; None outside the window."""
    if isinstance(start, datetime):
        assert start.tzinfo is not None, summary  # the export writes no floating times
        start = start.astimezone(ZoneInfo(zones[summary]))
        day, at = start.date(), f"{start:%H:%M}"
    else:
        day, at = start, "all day"
    if not WINDOW[0] <= day < WINDOW[1]:
        return None
    return summary, day.isoformat(), at, "cancelled" if status.upper() == "CANCELLED" else ""


def _rie_keys(path: Path, zones: dict[str, str]) -> list[Key]:
    from icalendar import Calendar

    found = recurring_ical_events.of(Calendar.from_ical(path.read_bytes())).between(*WINDOW)
    keys = [_key(str(e["summary"]), e["dtstart"].dt, str(e.get("status", "")), zones) for e in found]
    return sorted(k for k in keys if k is not None)


@pytest.fixture
def vobject_zones(monkeypatch: pytest.MonkeyPatch) -> None:
    """vobject keeps one zone per TZID for the whole process, the first it met (a VTIMEZONE, or pytz's zone for a
    TZID met without one): each test starts with none, so the zones come from the file read."""
    import vobject.icalendar

    monkeypatch.setattr(vobject.icalendar, "__tzidMap", {"UTC": vobject.icalendar.utc})


def _vobject_keys(path: Path, zones: dict[str, str]) -> list[Key]:
    """vobject expands one VEVENT at a time and does not fold RECURRENCE-ID overrides into their series: its user
    does that, as here (the overridden start leaves the series' expansion, the override stands on its own)."""
    [cal] = vobject.readComponents(path.read_text(encoding="utf-8"))
    overridden: dict[str, set[date | datetime]] = {}
    for event in cal.vevent_list:
        if hasattr(event, "recurrence_id"):
            overridden.setdefault(event.uid.value, set()).add(event.recurrence_id.value)
    keys = []
    for event in cal.vevent_list:
        summary, status = event.summary.value, event.status.value if hasattr(event, "status") else ""
        start = event.dtstart.value
        if not hasattr(event, "rrule"):
            keys.append(_key(summary, start, status, zones))
            continue
        skip = overridden.get(event.uid.value, set())
        timed = isinstance(start, datetime)
        low = datetime.combine(WINDOW[0] - timedelta(days=1), time())
        high = datetime.combine(WINDOW[1] + timedelta(days=1), time())
        if timed:
            low, high = low.replace(tzinfo=timezone.utc), high.replace(tzinfo=timezone.utc)
        for when in event.getrruleset(addRDate=True).between(low, high, inc=True):
            instant: date | datetime = when if timed else when.date()
            if instant not in skip:
                keys.append(_key(summary, instant, status, zones))
    return sorted(k for k in keys if k is not None)


def _ical_keys(path: Path, zones: dict[str, str]) -> list[Key]:
    """ical folds RECURRENCE-ID overrides into their series itself. For a TZID it knows (every IANA name) it uses
    its own zone data, not the file's VTIMEZONE (vobject is the reader here that reads ours)."""
    cal = ical_stream.IcsCalendarStream.calendar_from_ics(path.read_text(encoding="utf-8"))
    keys = []
    end = datetime.combine(WINDOW[1] + timedelta(days=1), time(), timezone.utc)
    for event in cal.timeline_tz(ZoneInfo(NY)):  # in time order: stop after the window
        start = event.dtstart
        if (start if isinstance(start, datetime) else datetime.combine(start, time(), timezone.utc)) >= end:
            break
        keys.append(_key(event.summary or "", start, str(event.status.value if event.status else ""), zones))
    return sorted(k for k in keys if k is not None)


@pytest.fixture
def exported(docket: Any, tmp_path: Path) -> tuple[Path, list[Key], dict[str, str]]:
    path = tmp_path / "docket.ics"
    ical.export_ics(docket, path)
    shown, zones = _app_keys(docket)
    return path, shown, zones


READERS = {"recurring-ical-events": _rie_keys, "vobject": _vobject_keys, "ical": _ical_keys}


@pytest.mark.parametrize("reader", READERS)
def test_each_reader_expands_exactly_what_the_app_shows(exported, reader, vobject_zones):
    path, shown, zones = exported
    got = READERS[reader](path, zones)
    missing, extra = sorted(set(shown) - set(got)), sorted(set(got) - set(shown))
    assert (missing, extra) == ([], []), f"{reader}: missing {missing[:8]} extra {extra[:8]}"
    assert got == shown  # the same occurrences, none twice


def test_the_fixture_has_every_kind_of_series_and_the_demo_calendar(exported):
    """The comparison above is only as good as what it compares: check the cases are there as meant."""
    _, shown, zones = exported
    by_title: dict[str, list[Key]] = {}
    for key in shown:
        by_title.setdefault(key[0], []).append(key)
    assert len(shown) > 300 and len(by_title) > 100  # the demo practice's events, not only the series
    assert {zones[t] for t in by_title if zones[t]} == {NY, LA, CHICAGO, LONDON, TOKYO}
    check_in = [k[1:] for k in by_title["Client check-in"]]
    assert check_in == [("2026-10-13", "10:00", ""), ("2026-10-20", "10:00", ""), ("2026-10-29", "15:30", ""),
                        ("2026-11-03", "10:00", ""), ("2026-11-09", "08:00", ""), ("2026-11-24", "10:00", "cancelled"),
                        ("2026-12-01", "10:00", "")]
    assert [k[1] for k in by_title["Month-end close"]] == ["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31",
                                                           "2026-08-31", "2026-10-31"]
    assert [k[1] for k in by_title["Leap-day review"]] == ["2024-02-29", "2028-02-29"]
    assert [k[1] for k in by_title["Misaligned start"]] == ["2026-01-13", "2026-02-10", "2026-03-10"]
    assert by_title["Staff meeting"][-1][1] == "2026-04-01" and by_title["Deposition prep"][-1][1] == "2026-11-12"
    assert "2026-11-27" not in {k[1] for k in by_title["Office closed"]}
    assert [k[1] for k in by_title["Trial days"]] == ["2027-01-11", "2027-01-12", "2027-01-14", "2027-01-15",
                                                      "2027-01-18"]
    assert any(k[3] == "cancelled" for k in shown if k[0] not in by_title["Client check-in"])  # vacated demo events


def test_vobject_reads_each_zone_from_the_files_vtimezone_with_summer_time(exported, vobject_zones):
    """Each timed event's zone is the VTIMEZONE vobject read from the file (dateutil's tzical, not the pytz zone it
    falls back to), and it gives zoneinfo's offsets, summer and winter, over every year the file uses."""
    path, _, zones = exported
    [cal] = vobject.readComponents(path.read_text(encoding="utf-8"))
    read = {}
    for event in cal.vevent_list:
        start = event.dtstart.value
        if isinstance(start, datetime) and zones[event.summary.value]:
            tzid = vobject.icalendar.TimezoneComponent.pickTzid(start.tzinfo)
            assert tzid == zones[event.summary.value], event.summary.value
            assert type(start.tzinfo).__module__ == "dateutil.tz.tz" and not hasattr(start.tzinfo, "localize"), tzid
            read[tzid] = start.tzinfo
    assert set(read) == {NY, LA, CHICAGO, LONDON, TOKYO}
    for tzid, theirs in read.items():
        ours = ZoneInfo(tzid)
        noons = [datetime(year, month, 15, 12) for year in range(2017, 2029) for month in range(1, 13)]
        near = [c.utc + timedelta(seconds=s) for c in changes(tzid, 2017, 2028) for s in (-3600, -1, 0, 3600)]
        for instant in noons + near:
            instant = instant.replace(tzinfo=timezone.utc)
            assert instant.astimezone(theirs).utcoffset() == instant.astimezone(ours).utcoffset(), (tzid, instant)
