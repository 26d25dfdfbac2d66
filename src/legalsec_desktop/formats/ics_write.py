"""Writing iCalendar (RFC 5545) files, so Outlook and Google Calendar show the docket.

All-day deadlines stay dates, timed events keep their own time zone (with its VTIMEZONE, see ics_zone.py),
and a series is one VEVENT with RRULE and EXDATE plus a VEVENT for each changed occurrence whose RECURRENCE-ID
is the start the series gave that occurrence (a zoned series' UNTIL is written in UTC, RFC 5545 3.3.10). A series'
DTSTART is its first occurrence as the app counts it: RFC 5545 counts DTSTART as an occurrence even where the rule
does not name it, the app (dateutil) does not. The rows come from services/ical.py; the file is written whole or not
at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

from legalsec_desktop import __version__
from legalsec_desktop.domain.clock import from_utc
from legalsec_desktop.domain.events import KIND_LABELS
from legalsec_desktop.formats.files import write_bytes_atomically
from legalsec_desktop.formats.ics_zone import vtimezone

PRODID = f"-//legalsec-desktop//legalsec-desktop {__version__}//EN"
STATUS_OUT = {"scheduled": "CONFIRMED", "done": "CONFIRMED", "continued": "TENTATIVE", "vacated": "CANCELLED"}


@dataclass(frozen=True)
class IcsEvent:
    """One stored event as the file shows it: times in naive UTC, `tz` empty for floating UTC times."""

    uid: int  # the series' id for a series and its changed occurrences, else the event's own
    kind: str
    title: str
    on_date: date
    all_day: bool = True
    start_utc: datetime | None = None
    end_utc: datetime | None = None
    tz: str = ""
    matter_number: str = ""
    status: str = "scheduled"
    location: str = ""
    docketed_by: str = ""
    verified_by: str = ""
    notes: str = ""
    derivation: str = ""  # how a computed deadline was counted, as lines of text
    rrule: str = ""
    exdates: tuple[date, ...] = ()
    occurrence_date: date | None = None  # set on a changed occurrence: the date of the series it replaces


def ics_bytes(events: Iterable[IcsEvent], stamp: datetime) -> bytes:
    """The calendar file for `events`; `stamp` (aware UTC) is each event's DTSTAMP."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    items = list(events)
    zoned = [item for item in items if item.tz and not item.all_day and item.start_utc is not None]
    for tzid in sorted({item.tz for item in zoned}):  # before the events that name them, as Outlook wants
        cal.add_component(vtimezone(tzid, min(item.on_date.year for item in zoned if item.tz == tzid)))
    series = {item.uid: item for item in items if item.rrule and item.occurrence_date is None}
    changed: dict[int, set[date]] = {}
    for item in items:
        if item.occurrence_date is not None and item.uid in series:
            changed.setdefault(item.uid, set()).add(item.occurrence_date)
    for item in items:
        master = series.get(item.uid) if item.occurrence_date is not None else None
        cal.add_component(_vevent(item, stamp, master, changed.get(item.uid, set()) if item.rrule else set()))
    data: bytes = cal.to_ical()
    return data


def write_ics(path: Path, events: Iterable[IcsEvent], stamp: datetime) -> Path:
    """Write the calendar file for `events` at `path`, whole or not at all."""
    return write_bytes_atomically(path, ics_bytes(events, stamp))


def _local(utc: datetime, tz: str) -> datetime:
    if tz:
        return from_utc(utc, tz).replace(tzinfo=ZoneInfo(tz))
    return utc.replace(tzinfo=timezone.utc)


def _start(item: IcsEvent) -> date | datetime:
    if not item.all_day and item.start_utc is not None:
        return _local(item.start_utc, item.tz)
    return item.on_date


def _first(item: IcsEvent, start: date | datetime) -> date | datetime:
    """The series' first occurrence as the app expands it (from its first date, in wall-clock time)."""
    from dateutil.rrule import rrulestr

    begin = start.replace(tzinfo=None) if isinstance(start, datetime) else datetime.combine(start, time())
    try:
        found = rrulestr(item.rrule, dtstart=begin)[0:1]
    except (ValueError, TypeError):  # a rule the app cannot read either: left as it is
        return start
    first: datetime | None = found[0] if found else None
    if first is None or first == begin:
        return start
    return first.replace(tzinfo=start.tzinfo) if isinstance(start, datetime) else first.date()


def _rule(item: IcsEvent, start: date | datetime) -> vRecur:
    """The stored rule (UNTIL in the event's wall-clock time) with a timed event's UNTIL in UTC (a date UNTIL
    includes its day, as the calendar shows it: domain.events.until_end_of_day)."""
    rule: vRecur = vRecur.from_ical(item.rrule)
    until = rule.get("UNTIL")
    if until and isinstance(start, datetime):
        end = until[0] if isinstance(until[0], datetime) else datetime.combine(until[0], time(23, 59, 59))
        if end.tzinfo is None:
            end = end.replace(tzinfo=start.tzinfo)
        rule["UNTIL"] = [end.astimezone(timezone.utc)]
    return rule


def _vevent(item: IcsEvent, stamp: datetime, series: IcsEvent | None, changed: set[date]) -> Event:
    """`series` is the series a changed occurrence belongs to (None when the file does not carry it: then the
    occurrence stands on its own, as a RECURRENCE-ID pointing at nothing is dropped by other readers);
    `changed` the dates of a series that have a changed occurrence in the file (an EXDATE would hide them)."""
    event = Event()
    uid = str(item.uid)
    if item.occurrence_date is not None and series is None:
        uid += f"-{item.occurrence_date:%Y%m%d}"
    event.add("uid", f"event-{uid}@legalsec-desktop")
    event.add("dtstamp", stamp)
    written = _start(item)
    start = _first(item, written) if item.rrule and item.occurrence_date is None else written
    event.add("dtstart", start)
    if isinstance(start, datetime) and isinstance(written, datetime) and item.end_utc is not None:
        end = _local(item.end_utc, item.tz)
        event.add("dtend", end if start is written else start + (end - written))  # as long as the first date's
    elif not isinstance(start, datetime):
        event.add("dtend", start + timedelta(days=1))
    number = item.matter_number
    event.add("summary", item.title + (f" [{number}]" if number else ""))
    event.add("categories", [KIND_LABELS.get(item.kind, item.kind)])
    event.add("x-legalsec-kind", item.kind)
    event.add("status", STATUS_OUT.get(item.status, "CONFIRMED"))
    if item.location:
        event.add("location", item.location)
    description = [f"Matter {number}" if number else "", f"Status: {item.status}",
                   f"Docketed by {item.docketed_by}" if item.docketed_by else "",
                   f"Verified by {item.verified_by}" if item.verified_by else "", item.notes, item.derivation]
    event.add("description", "\n".join(part for part in description if part))
    if item.rrule:
        event.add("rrule", _rule(item, start))
        skipped = sorted(set(item.exdates) - changed)
        if skipped:
            if isinstance(start, datetime):
                event.add("exdate", [datetime.combine(d, start.timetz()) for d in skipped])
            else:
                event.add("exdate", skipped)
    if item.occurrence_date is not None and series is not None:
        original = _start(series)  # the occurrence's start as the series gave it: same wall-clock time and zone
        if isinstance(original, datetime):
            event.add("recurrence-id", datetime.combine(item.occurrence_date, original.timetz()))
        else:
            event.add("recurrence-id", item.occurrence_date)
    return event
