"""The iCalendar writer on its own: dates stay dates, zones stay zones, series keep their exceptions, and the
file is written whole (read back with icalendar and with our own reader)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.ics import read_ics
from legalsec_desktop.formats.ics_write import PRODID, IcsEvent, ics_bytes, write_ics

NY = "America/New_York"
EST, EDT = timedelta(hours=-5), timedelta(hours=-4)
STAMP = datetime(2026, 11, 23, 14, 30, tzinfo=timezone.utc)
DEADLINE = IcsEvent(7, "filing deadline", "File opposition", date(2026, 12, 4), matter_number="2026-0009",
                    verified_by="MAH", notes="Serve by hand", derivation="Rule 12: 21 days after service")
# 9:00-9:30 in New York is 14:00-14:30 UTC in winter (EST, UTC-5).
SERIES = IcsEvent(3, "meeting", "Team call", date(2026, 11, 10), all_day=False,
                  start_utc=datetime(2026, 11, 10, 14), end_utc=datetime(2026, 11, 10, 14, 30), tz=NY,
                  location="Room 4", rrule="FREQ=WEEKLY;COUNT=4", exdates=(date(2026, 11, 17), date(2026, 11, 24)))
MOVED = IcsEvent(3, "meeting", "Team call", date(2026, 11, 18), all_day=False,
                 start_utc=datetime(2026, 11, 18, 14), end_utc=datetime(2026, 11, 18, 14, 30), tz=NY,
                 status="continued", occurrence_date=date(2026, 11, 17))


def _events(data: bytes) -> dict[str, list]:
    cal = Calendar.from_ical(data)
    found: dict[str, list] = {}
    for vevent in cal.walk("VEVENT"):
        found.setdefault(str(vevent["summary"]), []).append(vevent)
    return found


def test_an_all_day_deadline_is_a_date_with_its_matter_and_derivation() -> None:
    data = ics_bytes([DEADLINE], STAMP)
    cal = Calendar.from_ical(data)
    assert str(cal["prodid"]) == PRODID and str(cal["version"]) == "2.0"
    [vevent] = _events(data)["File opposition [2026-0009]"]
    assert vevent["dtstart"].dt == date(2026, 12, 4) and vevent["dtend"].dt == date(2026, 12, 5)
    assert "DTSTART;VALUE=DATE:20261204" in vevent.to_ical().decode()
    assert str(vevent["uid"]) == "event-7@legalsec-desktop" and vevent["dtstamp"].dt == STAMP
    assert str(vevent["x-legalsec-kind"]) == "filing deadline" and vevent["categories"].cats == ["Filing deadline"]
    assert str(vevent["status"]) == "CONFIRMED" and "location" not in vevent
    assert str(vevent["description"]).split("\n") == [
        "Matter 2026-0009", "Status: scheduled", "Verified by MAH", "Serve by hand", "Rule 12: 21 days after service"]


def test_a_series_keeps_its_zone_its_skipped_day_and_its_moved_occurrence() -> None:
    data = ics_bytes([SERIES, MOVED], STAMP)
    [series, moved] = _events(data)["Team call"]
    assert series["dtstart"].dt == datetime(2026, 11, 10, 9, tzinfo=series["dtstart"].dt.tzinfo)
    assert series["dtstart"].dt.tzinfo.key == NY and series["dtend"].dt.time() == time(9, 30)
    assert series["rrule"]["FREQ"] == ["WEEKLY"] and series["rrule"]["COUNT"] == [4]
    # the 24th is cancelled; the 17th is not skipped but replaced (an EXDATE would hide the moved meeting)
    assert [d.dt for d in series["exdate"].dts] == [datetime(2026, 11, 24, 9, tzinfo=series["dtstart"].dt.tzinfo)]
    assert str(series["location"]) == "Room 4"
    assert moved["uid"] == series["uid"] and "rrule" not in moved
    assert moved["recurrence-id"].dt.date() == date(2026, 11, 17) and moved["recurrence-id"].dt.time() == time(9)
    assert str(moved["status"]) == "TENTATIVE"
    [zone] = Calendar.from_ical(data).walk("VTIMEZONE")  # Outlook needs it, with yearly rules as it writes them
    assert str(zone["tzid"]) == NY
    # the rules start where they began (2007), not in the year before the first event
    assert [(part.name, part["dtstart"].dt, part.get("rrule", {}).get("BYDAY"), part["tzoffsetto"].td)
            for part in zone.subcomponents] == [("STANDARD", datetime(2025, 1, 1), None, EST),
                                                ("DAYLIGHT", datetime(2007, 3, 11, 2), ["2SU"], EDT),
                                                ("STANDARD", datetime(2007, 11, 4, 2), ["1SU"], EST)]


def test_an_all_day_series_skips_dates_and_a_time_without_a_zone_stays_utc() -> None:
    weekly = IcsEvent(1, "reminder", "Check docket", date(2026, 11, 2), rrule="FREQ=WEEKLY",
                      exdates=(date(2026, 11, 9), date(2026, 11, 16)), status="vacated")
    floating = IcsEvent(2, "travel", "Flight", date(2026, 11, 5), all_day=False, start_utc=datetime(2026, 11, 5, 8))
    found = _events(ics_bytes([weekly, floating], STAMP))
    [series] = found["Check docket"]
    assert [d.dt for d in series["exdate"].dts] == [date(2026, 11, 9), date(2026, 11, 16)]
    assert str(series["status"]) == "CANCELLED"
    [flight] = found["Flight"]
    assert flight["dtstart"].dt == datetime(2026, 11, 5, 8, tzinfo=timezone.utc) and "dtend" not in flight


def test_what_is_written_reads_back_as_the_same_events(tmp_path: Path) -> None:
    path = tmp_path / "docket.ics"
    write_ics(path, [DEADLINE, SERIES, MOVED], STAMP)
    reading = read_ics(path, NY)
    items = reading.events
    assert reading.skipped == []
    assert [item.draft.title for item in items] == ["File opposition [2026-0009]", "Team call", "Team call"]
    deadline, series, moved = (item.draft for item in items)
    assert deadline.all_day and deadline.on_date == date(2026, 12, 4) and deadline.kind == "filing deadline"
    assert (series.start, series.end, series.tz) == (time(9), time(9, 30), NY)
    assert series.rrule == "FREQ=WEEKLY;COUNT=4" and series.exdates == (date(2026, 11, 17), date(2026, 11, 24))
    # the moved occurrence is kept, on its new day, as an event of its own (and says so)
    assert (moved.on_date, moved.start, moved.rrule) == (date(2026, 11, 18), time(9), "")
    assert "originally 2026-11-17" in " ".join(items[2].warnings)


def test_a_write_to_a_missing_folder_says_so_and_a_good_one_replaces_the_file_whole(tmp_path: Path) -> None:
    with pytest.raises(UserFixableError):
        write_ics(tmp_path / "no such folder" / "x.ics", [DEADLINE], STAMP)
    target = tmp_path / "keep.ics"
    target.write_text("earlier", encoding="utf-8")
    write_ics(target, [DEADLINE], STAMP)
    assert target.read_bytes() == ics_bytes([DEADLINE], STAMP)


def test_a_zoned_series_ends_in_utc_and_an_all_day_one_keeps_its_date() -> None:
    # the stored UNTIL is wall-clock time: 9:00 on 1 Dec in New York (EST) is 14:00 UTC; a date means its whole day
    timed = replace(SERIES, rrule="FREQ=WEEKLY;UNTIL=20261201T090000;BYDAY=TU", exdates=())
    [series] = _events(ics_bytes([timed], STAMP))["Team call"]
    assert "RRULE:FREQ=WEEKLY;UNTIL=20261201T140000Z;BYDAY=TU" in series.to_ical().decode()
    summer = replace(SERIES, on_date=date(2026, 6, 2), start_utc=datetime(2026, 6, 2, 13),
                     end_utc=datetime(2026, 6, 2, 13, 30), rrule="FREQ=DAILY;UNTIL=20260605", exdates=())
    [series] = _events(ics_bytes([summer], STAMP))["Team call"]
    assert series["rrule"]["UNTIL"] == [datetime(2026, 6, 6, 3, 59, 59, tzinfo=timezone.utc)]  # 23:59:59 EDT
    daily = IcsEvent(1, "reminder", "Check docket", date(2026, 11, 2), rrule="FREQ=DAILY;UNTIL=20261105")
    [series] = _events(ics_bytes([daily], STAMP))["Check docket"]
    assert series["rrule"]["UNTIL"] == [date(2026, 11, 5)]


def test_a_changed_occurrence_without_its_series_in_the_file_stands_on_its_own() -> None:
    [moved] = _events(ics_bytes([MOVED], STAMP))["Team call"]
    assert "recurrence-id" not in moved and str(moved["uid"]) == "event-3-20261117@legalsec-desktop"
    assert moved["dtstart"].dt.date() == date(2026, 11, 18)


def test_a_moved_occurrence_at_another_time_names_the_series_start() -> None:
    later = replace(MOVED, start_utc=datetime(2026, 11, 18, 19), end_utc=datetime(2026, 11, 18, 19, 30))
    [_, moved] = _events(ics_bytes([SERIES, later], STAMP))["Team call"]
    assert moved["recurrence-id"].dt == datetime(2026, 11, 17, 9, tzinfo=ZoneInfo(NY))
    assert moved["dtstart"].dt == datetime(2026, 11, 18, 14, tzinfo=ZoneInfo(NY))


@pytest.mark.parametrize("tzid", [NY, "Europe/Berlin", "Australia/Sydney", "Asia/Jerusalem", "America/Sao_Paulo",
                                  "Europe/Dublin", "Asia/Tokyo", "America/Phoenix"])
def test_a_time_zone_is_written_with_yearly_rules_that_give_the_offsets_zoneinfo_gives(tzid: str) -> None:
    event = replace(SERIES, tz=tzid, on_date=date(2006, 3, 1), start_utc=datetime(2006, 3, 1, 14),
                    end_utc=datetime(2006, 3, 1, 15))
    [vtimezone] = Calendar.from_ical(ics_bytes([event], STAMP)).walk("VTIMEZONE")
    text = vtimezone.to_ical().decode()
    # rules, not a list of dates (Israel changed on other days each year until 2013)
    assert "RDATE" not in text and len(vtimezone.subcomponents) <= 20, text
    assert str(vtimezone["tzid"]) == tzid
    theirs, ours = vtimezone.to_tz(), ZoneInfo(tzid)
    instant = datetime(2006, 1, 1, tzinfo=timezone.utc)
    while instant.year < 2060:  # every 5 hours: both sides of every change
        assert instant.astimezone(theirs).utcoffset() == instant.astimezone(ours).utcoffset(), (tzid, instant)
        instant += timedelta(hours=5)


def test_a_series_whose_first_date_the_rule_does_not_name_starts_at_its_first_occurrence() -> None:
    """The app (dateutil) skips a first date the rule does not name, RFC 5545 readers count DTSTART: the file
    starts the series where the app does, as long as the first date's event, with the same COUNT."""
    monday = replace(SERIES, on_date=date(2026, 1, 5), start_utc=datetime(2026, 1, 5, 14),
                     end_utc=datetime(2026, 1, 5, 14, 45), rrule="FREQ=MONTHLY;BYDAY=2TU;COUNT=3", exdates=())
    all_day = replace(DEADLINE, uid=8, title="Dues", on_date=date(2026, 1, 5), rrule="FREQ=MONTHLY;BYDAY=2TU")
    events = _events(ics_bytes([monday, all_day], STAMP))
    [series], [dues] = events["Team call"], events["Dues [2026-0009]"]
    zone = ZoneInfo(NY)
    assert (series["dtstart"].dt, series["dtend"].dt) == (datetime(2026, 1, 13, 9, tzinfo=zone),
                                                          datetime(2026, 1, 13, 9, 45, tzinfo=zone))
    assert series["rrule"]["COUNT"] == [3]
    assert (dues["dtstart"].dt, dues["dtend"].dt) == (date(2026, 1, 13), date(2026, 1, 14))
    # a first date the rule names stays as it is
    [kept] = _events(ics_bytes([SERIES], STAMP))["Team call"]
    assert kept["dtstart"].dt == datetime(2026, 11, 10, 9, tzinfo=zone)


def test_a_zone_rule_starts_where_it_began_so_vobject_does_not_take_london_for_utc() -> None:
    """vobject compares a VTIMEZONE with UTC over 2000-2020; one that starts its rules in 2025 has no change there,
    and vobject then reads London's events in pytz's zone, an hour off in summer."""
    london = replace(SERIES, tz="Europe/London", start_utc=datetime(2026, 11, 10, 9),
                     end_utc=datetime(2026, 11, 10, 10))
    [zone] = Calendar.from_ical(ics_bytes([london], STAMP)).walk("VTIMEZONE")
    starts = {part.name: part["dtstart"].dt for part in zone.subcomponents if "rrule" in part}
    assert starts["DAYLIGHT"].year < 2000 and starts["STANDARD"].year < 2000, starts
    theirs = zone.to_tz()
    for instant in (datetime(2026, 7, 1, tzinfo=timezone.utc), datetime(2026, 1, 1, tzinfo=timezone.utc)):
        assert instant.astimezone(theirs).utcoffset() == instant.astimezone(ZoneInfo("Europe/London")).utcoffset()
