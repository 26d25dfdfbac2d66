"""iCalendar export and import: dates stay dates, series stay series, bad files name the line, nothing half-imported."""

from dataclasses import replace
from datetime import date, time
from zoneinfo import ZoneInfo

import time as time_module

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
    assert "exdate" not in series  # the 3rd is replaced by the changed occurrence, not skipped
    changed = [e for e in cal.walk("VEVENT") if "recurrence-id" in e][0]
    assert changed["uid"] == series["uid"] and changed["recurrence-id"].dt.date() == date(2026, 11, 3)
    assert cal.walk("VTIMEZONE")  # Outlook needs the zone definition


def test_round_trip_through_import(filled, tmp_path, store):
    path = tmp_path / "docket.ics"
    ical.export_ics(filled, path)
    items = ical.read_ics(path, NY).events
    assert len(items) == 3  # the changed occurrence is kept as an event of its own, on its new day
    ids = ical.import_events(store, [i.draft for i in items])
    copy = next(calendar.load_event(store, i) for i in ids if calendar.load_event(store, i).rrule)
    assert copy.rrule == "FREQ=WEEKLY;COUNT=4" and copy.start == time(9) and copy.tz == NY
    assert copy.exdates == (date(2026, 11, 3),)
    found = calendar.events_between(store, date(2026, 10, 1), date(2026, 12, 1))
    days = [o.day for o in found if o.title == "Team call"]
    once = [date(2026, 10, 27), date(2026, 11, 4), date(2026, 11, 10), date(2026, 11, 17)]
    assert sorted(days) == sorted(once * 2)  # the original (`filled` is `store`) and its copy: the same days


GOOD_EVENT = "BEGIN:VEVENT\nUID:1\nDTSTART;VALUE=DATE:20261204\nSUMMARY:Answer due\nEND:VEVENT\n"


@pytest.mark.parametrize("text, message", [
    ("hello\n", "line 1 should be BEGIN:VCALENDAR"),
    ("BEGIN:VCALENDAR\n" + GOOD_EVENT + "this is not a line\nEND:VCALENDAR\n", "Line 7 is not an iCalendar line"),
    ("BEGIN:VCALENDAR\n" + GOOD_EVENT + "BEGIN:VEVENT\nDTSTART:20261204T100000\n", "line 7: BEGIN:VEVENT is never"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n", "Line 3: END:VTODO"),
])
def test_a_file_that_is_not_icalendar_names_the_line_and_imports_nothing(store, tmp_path, text, message):
    path = tmp_path / "bad.ics"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserFixableError) as caught:
        ical.read_ics(path, NY)
    assert message.lower() in caught.value.message.lower()
    assert calendar.events_between(store, date(2000, 1, 1), date(2100, 1, 1)) == []


@pytest.mark.parametrize("event, reason", [
    ("DTSTART:2026xx\nSUMMARY:x\n", "its DTSTART cannot be read"),
    ("SUMMARY:x\n", "no start"),
    ("DTSTART;TZID=America/New_York:20260308T023000\nSUMMARY:x\n", "does not exist"),
    ("DTSTART:PT1H\nSUMMARY:x\n", "its DTSTART is not a date"),  # a duration parses, but is no start
    ("DTSTART:20261204T100000Z\nDTSTART:20261205T100000Z\nSUMMARY:x\n", "2 DTSTART lines"),
    ("DTSTART:20261204T100000Z\nRRULE:FREQ=DAILY;COUNT=2\nRRULE:FREQ=WEEKLY;COUNT=2\nSUMMARY:x\n", "2 RRULE lines"),
    ("DTSTART:20261204T100000Z\nRRULE:FREQ=DAILY;COUNT=3\nEXDATE:2026\nSUMMARY:x\n", "its EXDATE cannot be read"),
    ("DTSTART:20261204T100000Z\nRRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=31\nSUMMARY:x\n", "repeats secondly"),
    ("DTSTART:20261204T100000Z\nSUMMARY:x\nnot a line at all\n", "line 11 is not an iCalendar line"),
    ("DTSTART:20261204T100000Z\nRRULE:FREQ=DAILY;COUNT=x\nSUMMARY:x\n", "its RRULE cannot be read"),
])
def test_a_bad_event_is_skipped_with_its_line_and_the_good_ones_are_kept(tmp_path, event, reason):
    path = tmp_path / "mixed.ics"
    path.write_text("BEGIN:VCALENDAR\n" + GOOD_EVENT + "BEGIN:VEVENT\nUID:2\n" + event + "END:VEVENT\n"
                    + GOOD_EVENT.replace("Answer due", "Reply due") + "END:VCALENDAR\n", encoding="utf-8")
    reading = ical.read_ics(path, NY)
    assert [item.draft.title for item in reading.events] == ["Answer due", "Reply due"]
    [skipped] = reading.skipped
    assert skipped.line == 7 and reason.lower() in skipped.reason.lower(), skipped.reason
    assert skipped.text().startswith("line 7: event")


def test_valid_files_other_programs_write_are_read(tmp_path):
    """Folding before the colon, a blank line first, two VCALENDARs, UTC UNTIL on a zoned start, a rule that
    ends before it starts, DURATION, a multi-day all-day event, RDATE, a UTC EXDATE, a Windows zone name."""
    text = ("\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Weekly\r\nATTENDEE;CN=\"Ana\r\n Rivera\";R\r\n"
            " OLE=REQ-PARTICIPANT:mailto:ana@example.com\r\nDTSTART;TZID=America/New_York:20261105T090000\r\n"
            "DURATION:PT90M\r\nRRULE:FREQ=WEEKLY;UNTIL=20261126T140000Z\r\nEXDATE:20261112T140000Z\r\n"
            "RDATE;TZID=America/New_York:20261201T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Trial\r\nDTSTART;VALUE=DATE:20261207\r\n"
            "DTEND;VALUE=DATE:20261210\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Once\r\n"
            "DTSTART:20261204T150000Z\r\nRRULE:FREQ=DAILY;UNTIL=20261101T000000Z\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:Outlook\r\nDTSTART;TZID=\"Pacific Standard Time\":20261102T100000\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")
    path = tmp_path / "others.ics"
    path.write_text(text, encoding="utf-8")
    reading = ical.read_ics(path, NY)
    assert reading.skipped == []
    weekly, extra, trial, once, outlook = (item.draft for item in reading.events)
    assert (weekly.start, weekly.end, weekly.tz) == (time(9), time(10, 30), NY)
    assert weekly.rrule == "FREQ=WEEKLY;UNTIL=20261126T090000" and weekly.exdates == (date(2026, 11, 12),)
    assert (extra.on_date, extra.rrule) == (date(2026, 12, 1), "")
    assert trial.all_day and trial.rrule == "FREQ=DAILY;COUNT=3"
    assert once.rrule == "" and "imported once" in " ".join(reading.events[3].warnings)
    assert (outlook.tz, outlook.start) == ("America/Los_Angeles", time(10))


def test_a_rule_that_never_happens_is_dropped_quickly_and_said(tmp_path):
    """FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31 has no date: dateutil would search until the year 9999 (seconds)."""
    path = tmp_path / "never.ics"
    path.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTART:20261204T100000Z\nSUMMARY:Never\n"
                    "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31;COUNT=5\nEND:VEVENT\nEND:VCALENDAR\n", encoding="utf-8")
    started = time_module.perf_counter()
    [item] = ical.read_ics(path, NY).events
    assert time_module.perf_counter() - started < 3
    assert item.draft.rrule == "" and "never happens" in " ".join(item.warnings)


def test_an_export_to_a_missing_folder_says_so_and_keeps_nothing_half_written(filled, tmp_path):
    with pytest.raises(UserFixableError):
        ical.export_ics(filled, tmp_path / "no such folder" / "x.ics")
    target = tmp_path / "keep.ics"
    target.write_text("earlier", encoding="utf-8")
    ical.export_ics(filled, target)
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def _shown(store, first, last, title):
    """What the app's calendar shows for `title`: each occurrence's local day and wall-clock time."""
    return sorted((o.day, o.start.time()) for o in calendar.events_between(store, first, last) if o.title == title)


@pytest.fixture
def across_dst(store):
    """A weekly 9:00 New York call across the end of daylight saving (1 Nov 2026): the 3 Nov occurrence moved
    to 4 Nov at 11:00, the 10 Nov one cancelled."""
    series = deadlines.save_event(store, EventDraft(None, "meeting", "Status call", date(2026, 10, 20), False,
                                                    time(9), time(9, 30), NY, rrule="FREQ=WEEKLY;COUNT=6"))
    moved = replace(calendar.load_event(store, series), rrule="", on_date=date(2026, 11, 4), start=time(11),
                    end=time(11, 30))
    deadlines.save_event(store, moved, series, occurrence=date(2026, 11, 3))
    calendar.delete_event(store, series, occurrence=date(2026, 11, 10))
    return store


DST_WINDOW = (date(2026, 10, 1), date(2027, 1, 1))
DST_SHOWN = [(date(2026, 10, 20), time(9)), (date(2026, 10, 27), time(9)), (date(2026, 11, 4), time(11)),
             (date(2026, 11, 17), time(9)), (date(2026, 11, 24), time(9))]


def test_a_moved_occurrence_names_its_original_start_across_a_dst_change(across_dst, tmp_path):
    assert _shown(across_dst, *DST_WINDOW, "Status call") == DST_SHOWN
    path = tmp_path / "calls.ics"
    ical.export_ics(across_dst, path)
    cal = Calendar.from_ical(path.read_bytes())
    [series] = [e for e in cal.walk("VEVENT") if "rrule" in e]
    [moved] = [e for e in cal.walk("VEVENT") if "recurrence-id" in e]
    assert moved["uid"] == series["uid"]
    original = moved["recurrence-id"].dt  # 9:00 EST, where the series put it, not the new 11:00 on the 4th
    assert (original.date(), original.time(), original.tzinfo.key) == (date(2026, 11, 3), time(9), NY)
    assert original.utcoffset().total_seconds() == -5 * 3600
    assert [d.dt.date() for d in series["exdate"].dts] == [date(2026, 11, 10)]  # cancelled; the 3rd is replaced


def test_an_exported_series_with_changes_reads_back_as_the_app_shows_it(across_dst, tmp_path):
    path = tmp_path / "calls.ics"
    ical.export_ics(across_dst, path)
    reading = ical.read_ics(path, NY)
    assert reading.skipped == []
    ical.import_events(across_dst, [item.draft for item in reading.events])
    # the original series and its imported copy: every occurrence twice, on the same local days and times
    assert _shown(across_dst, *DST_WINDOW, "Status call") == sorted(DST_SHOWN * 2)


def test_other_readers_expand_the_exported_series_as_the_app_shows_it(across_dst, tmp_path):
    recurring_ical_events = pytest.importorskip("recurring_ical_events")
    path = tmp_path / "calls.ics"
    ical.export_ics(across_dst, path)
    expanded = recurring_ical_events.of(Calendar.from_ical(path.read_bytes())).between(*DST_WINDOW)
    starts = [e["dtstart"].dt.astimezone(ZoneInfo(NY)) for e in expanded]
    assert sorted((s.date(), s.time()) for s in starts) == DST_SHOWN


def test_an_imported_changed_occurrence_belongs_to_its_series(across_dst, tmp_path):
    """Read back from a file, the moved 4 Nov call is a change of its series again: it is exported with a
    RECURRENCE-ID and deleting the series deletes it too, as when it was changed in the program."""
    path = tmp_path / "calls.ics"
    ical.export_ics(across_dst, path)
    calendar.delete_event(across_dst, min(o.event_id for o in calendar.events_between(across_dst, *DST_WINDOW)))
    assert calendar.events_between(across_dst, *DST_WINDOW) == []  # the series, and its moved occurrence with it
    reading = ical.read_ics(path, NY)
    moved = next(item for item in reading.events if item.recurrence_id is not None)
    assert "a changed occurrence of the series on line" in " ".join(moved.warnings)
    ids = ical.import_events(across_dst, [item.draft for item in reading.events], ical.series_links(reading.events))
    assert _shown(across_dst, *DST_WINDOW, "Status call") == DST_SHOWN
    again = tmp_path / "again.ics"
    ical.export_ics(across_dst, again)
    events = Calendar.from_ical(again.read_bytes()).walk("VEVENT")
    assert [e["recurrence-id"].dt.date() for e in events if "recurrence-id" in e] == [date(2026, 11, 3)]
    assert len({str(e["uid"]) for e in events}) == 1
    series_id = ids[reading.events.index(moved.series)]
    calendar.delete_event(across_dst, series_id)
    assert _shown(across_dst, *DST_WINDOW, "Status call") == []


def test_a_changed_occurrence_whose_series_is_not_ticked_is_saved_on_its_own(across_dst, tmp_path):
    path = tmp_path / "calls.ics"
    ical.export_ics(across_dst, path)
    reading = ical.read_ics(path, NY)
    moved = [item for item in reading.events if item.recurrence_id is not None]
    assert ical.series_links(moved) == {}
    [only] = ical.import_events(across_dst, [item.draft for item in moved], ical.series_links(moved))
    assert calendar.event_occurrence(across_dst, only).day == date(2026, 11, 4)


THUNDERBIRD_PLACEHOLDER = """BEGIN:VCALENDAR
PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN
VERSION:2.0
BEGIN:VEVENT
CREATED:20261102T101500Z
LAST-MODIFIED:20261102T101500Z
DTSTAMP:20261102T101500Z
UID:040000008200E00074C5B7101A82E0080000000010B5
RDATE;VALUE=DATE-TIME:20261110T150000Z
DTSTART:20261110T150000Z
X-MOZ-FAKED-MASTER:1
X-MOZ-GENERATION:1
END:VEVENT
BEGIN:VEVENT
CREATED:20261102T101500Z
LAST-MODIFIED:20261102T101500Z
DTSTAMP:20261102T101500Z
UID:040000008200E00074C5B7101A82E0080000000010B5
SUMMARY:Settlement conference (moved)
RECURRENCE-ID:20261110T150000Z
DTSTART:20261111T160000Z
DTEND:20261111T170000Z
X-MOZ-GENERATION:1
END:VEVENT
END:VCALENDAR
"""


def test_a_thunderbird_placeholder_is_not_a_phantom_event(tmp_path):
    """Thunderbird writes a stand-in series (X-MOZ-FAKED-MASTER, no title) beside an invitation to one occurrence of
    a series it does not have (the shape of its ICS parser's faked parent); only the occurrence is imported."""
    path = tmp_path / "invite.ics"
    path.write_text(THUNDERBIRD_PLACEHOLDER, encoding="utf-8")
    reading = ical.read_ics(path, NY)
    assert reading.skipped == []
    [item] = reading.events
    assert item.draft.title == "Settlement conference (moved)" and item.draft.on_date == date(2026, 11, 11)
    assert (item.draft.start, item.draft.end, item.draft.tz) == (time(16), time(17), "UTC")
    assert "placeholder for it (line 4) is left out" in " ".join(item.warnings)
    alone = THUNDERBIRD_PLACEHOLDER.split("BEGIN:VEVENT")
    path.write_text(alone[0] + "BEGIN:VEVENT" + alone[1] + "END:VCALENDAR\n", encoding="utf-8")
    [kept] = ical.read_ics(path, NY).events  # a placeholder alone: kept, and said, rather than dropped
    assert "without its changed occurrence" in " ".join(kept.warnings)


def test_a_repeating_multi_day_event_covers_every_day_of_each_repeat(tmp_path):
    path = tmp_path / "trial.ics"
    path.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:t\nSUMMARY:Trial block\nDTSTART;VALUE=DATE:20261207\n"
                    "DTEND;VALUE=DATE:20261210\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3\n"
                    "EXDATE;VALUE=DATE:20261221\nEND:VEVENT\nBEGIN:VEVENT\nUID:f\nSUMMARY:Forever\n"
                    "DTSTART;VALUE=DATE:20261207\nDTEND;VALUE=DATE:20261209\nRRULE:FREQ=MONTHLY\nEND:VEVENT\n"
                    "END:VCALENDAR\n", encoding="utf-8")
    reading = ical.read_ics(path, NY)
    trial = [item for item in reading.events if item.draft.title == "Trial block"]
    assert [(i.draft.on_date, i.draft.rrule) for i in trial] == [
        (date(2026, 12, 7), "FREQ=DAILY;COUNT=3"), (date(2027, 1, 4), "FREQ=DAILY;COUNT=3")]
    assert "imported as 2 separate 3-day series" in " ".join(trial[0].warnings)
    [forever] = [item for item in reading.events if item.draft.title == "Forever"]  # no end: first days, said
    assert forever.draft.rrule == "FREQ=MONTHLY" and "repeats without end" in " ".join(forever.warnings)


def test_of_two_versions_of_one_event_the_newer_is_imported(tmp_path):
    path = tmp_path / "two.ics"
    event = "BEGIN:VEVENT\nUID:same\nSUMMARY:{}\nSEQUENCE:{}\nDTSTART;VALUE=DATE:2026120{}\nEND:VEVENT\n"
    path.write_text("BEGIN:VCALENDAR\n" + event.format("Newer", 2, 8) + event.format("Older", 1, 7)
                    + "END:VCALENDAR\n", encoding="utf-8")
    reading = ical.read_ics(path, NY)
    [item] = reading.events
    assert item.draft.title == "Newer"
    assert [s.text() for s in reading.skipped] == [
        "line 8: event “Older” skipped: an older version (SEQUENCE 1) of the event on line 2, which is imported"]
    path.write_text(path.read_text(encoding="utf-8").replace("SEQUENCE:1", "SEQUENCE:2"), encoding="utf-8")
    assert len(ical.read_ics(path, NY).events) == 2  # one UID, same version: two events, both kept
