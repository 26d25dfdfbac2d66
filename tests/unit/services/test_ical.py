"""iCalendar export and import: dates stay dates, series stay series, bad files name the line, nothing half-imported."""

from dataclasses import replace
from datetime import date, time

import pytest
from icalendar import Calendar

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.services import calendar, deadlines, ical

NY = "America/New_York"


@pytest.fixture
def filled(store):
    deadlines.save_event(store, EventDraft(None, "filing deadline", "File opposition", date(2026, 12, 4),
                                           verified_by="MAH"))
    series = deadlines.save_event(store, EventDraft(None, "meeting", "Team call", date(2026, 10, 27), False, time(9),
                                                    time(9, 30), NY, rrule="FREQ=WEEKLY;COUNT=4"))
    deadlines.save_event(store, replace(calendar.load_event(store, series), rrule="", on_date=date(2026, 11, 4)),
                         series, occurrence=date(2026, 11, 3))
    return store


def test_export_keeps_dates_zones_and_series(filled, tmp_path):
    path = tmp_path / "docket.ics"
    assert ical.export_ics(filled, path) == 3
    cal = Calendar.from_ical(path.read_bytes())
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    deadline = events["File opposition"]
    assert deadline["dtstart"].dt == date(2026, 12, 4) and "VALUE=DATE" in deadline.to_ical().decode()
    series = [e for e in cal.walk("VEVENT") if "rrule" in e][0]
    assert series["dtstart"].dt.tzinfo.key == NY and series["rrule"]["FREQ"] == ["WEEKLY"]
    assert [d.dt.date() for d in series["exdate"].dts] == [date(2026, 11, 3)]
    changed = [e for e in cal.walk("VEVENT") if "recurrence-id" in e][0]
    assert changed["uid"] == series["uid"] and changed["recurrence-id"].dt.date() == date(2026, 11, 3)
    assert cal.walk("VTIMEZONE")  # Outlook needs the zone definition


def test_round_trip_through_import(filled, tmp_path, store):
    path = tmp_path / "docket.ics"
    ical.export_ics(filled, path)
    items = ical.read_ics(path, NY)
    assert len(items) == 2  # the changed occurrence rides along with its series
    ids = ical.import_events(store, [i.draft for i in items])
    copy = calendar.load_event(store, ids[1]) if calendar.load_event(store, ids[1]).rrule else \
        calendar.load_event(store, ids[0])
    assert copy.rrule == "FREQ=WEEKLY;COUNT=4" and copy.start == time(9) and copy.tz == NY
    assert copy.exdates == (date(2026, 11, 3),)


GOOD_EVENT = "BEGIN:VEVENT\nUID:1\nDTSTART;VALUE=DATE:20261204\nSUMMARY:Answer due\nEND:VEVENT\n"


@pytest.mark.parametrize("text, message", [
    ("hello\n", "line 1 should be BEGIN:VCALENDAR"),
    ("BEGIN:VCALENDAR\n" + GOOD_EVENT + "this is not a line\nEND:VCALENDAR\n", "Line 7 is not an iCalendar line"),
    ("BEGIN:VCALENDAR\n" + GOOD_EVENT + "BEGIN:VEVENT\nDTSTART:2026xx\nEND:VEVENT\nEND:VCALENDAR\n",
     "begins on line 7 has a DTSTART that cannot be read"),
    ("BEGIN:VCALENDAR\n" + GOOD_EVENT + "BEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n",
     "line 7 has no start"),
    ("BEGIN:VCALENDAR\n" + GOOD_EVENT + "BEGIN:VEVENT\nDTSTART:20261204T100000\n", "line 7: BEGIN:VEVENT is never"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n", "Line 3: END:VTODO"),
    (("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=America/New_York:20260308T023000\nSUMMARY:x\nEND:VEVENT\n"
      "END:VCALENDAR\n"), "does not exist"),
    ("BEGIN:VCALENDAR\n" + GOOD_EVENT + "BEGIN:VEVENT\nDTSTART:PT1H\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n",
     "begins on line 7 has a DTSTART that is not a date"),  # a duration parses, but is no start
])
def test_a_malformed_file_names_the_line_and_imports_nothing(store, tmp_path, text, message):
    path = tmp_path / "bad.ics"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserFixableError) as caught:
        ical.read_ics(path, NY)
    assert message.lower() in caught.value.message.lower()
    assert calendar.events_between(store, date(2000, 1, 1), date(2100, 1, 1)) == []


def test_an_export_to_a_missing_folder_says_so_and_keeps_nothing_half_written(filled, tmp_path):
    with pytest.raises(UserFixableError):
        ical.export_ics(filled, tmp_path / "no such folder" / "x.ics")
    target = tmp_path / "keep.ics"
    target.write_text("earlier", encoding="utf-8")
    ical.export_ics(filled, target)
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
