"""iCalendar (RFC 5545) export and import, so Outlook and Google Calendar show the docket.

Export keeps all-day deadlines as dates, timed events in their own time zone (with VTIMEZONE), and
series as one VEVENT with RRULE and EXDATE plus a RECURRENCE-ID VEVENT for each changed occurrence.
Import: formats/ics.py reads the file (the first problem with its line number); nothing is saved until the
user accepts the preview, and then everything is saved in one transaction.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur
from sqlalchemy import select

from legalsec_desktop import __version__
from legalsec_desktop.db.models import EventRow, MatterRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import from_utc
from legalsec_desktop.domain.events import KIND_LABELS, EventDraft
from legalsec_desktop.formats.files import write_bytes_atomically
from legalsec_desktop.formats.ics import Incoming, read_ics  # noqa: F401 - the shell reads files through here
from legalsec_desktop.services.calendar import Filters, apply_filters, derivation_text, fill_row

PRODID = f"-//legalsec-desktop//legalsec-desktop {__version__}//EN"
STATUS_OUT = {"scheduled": "CONFIRMED", "done": "CONFIRMED", "continued": "TENTATIVE", "vacated": "CANCELLED"}


# ---- export -----------------------------------------------------------------------------------------------------


def export_ics(store: Store, path: Path, filters: Filters = Filters(), first: date | None = None,
               last: date | None = None) -> int:
    """Write the events matching `filters` (and, if given, first <= date < last) to `path`; returns the count."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = store.clock.utc_now().replace(tzinfo=timezone.utc)
    count = 0
    with store.read() as session:
        query = apply_filters(select(EventRow, MatterRow.number)
                              .outerjoin(MatterRow, MatterRow.id == EventRow.matter_id)
                              .order_by(EventRow.on_date, EventRow.id), filters)
        if last is not None:
            query = query.where(EventRow.on_date < last)
        if first is not None:
            query = query.where((EventRow.on_date >= first) | (EventRow.rrule != ""))
        for row, number in session.execute(query).all():
            cal.add_component(_vevent(row, number, stamp))
            count += 1
    cal.add_missing_timezones()
    data = cal.to_ical()
    write_bytes_atomically(path, data)
    return count


def _when(row: EventRow) -> date | datetime:
    if row.all_day or row.start_utc is None:
        return row.on_date
    if row.tz:
        return from_utc(row.start_utc, row.tz).replace(tzinfo=ZoneInfo(row.tz))
    return row.start_utc.replace(tzinfo=timezone.utc)


def _vevent(row: EventRow, number: str | None, stamp: datetime) -> Event:
    event = Event()
    uid_id = row.series_id or row.id
    event.add("uid", f"event-{uid_id}@legalsec-desktop")
    event.add("dtstamp", stamp)
    start = _when(row)
    event.add("dtstart", start)
    if isinstance(start, datetime) and row.end_utc is not None:
        end = from_utc(row.end_utc, row.tz).replace(tzinfo=ZoneInfo(row.tz)) if row.tz else \
            row.end_utc.replace(tzinfo=timezone.utc)
        event.add("dtend", end)
    elif not isinstance(start, datetime):
        event.add("dtend", start + timedelta(days=1))
    summary = row.title + (f" [{number}]" if number else "")
    event.add("summary", summary)
    event.add("categories", [KIND_LABELS.get(row.kind, row.kind)])
    event.add("x-legalsec-kind", row.kind)
    event.add("status", STATUS_OUT.get(row.status, "CONFIRMED"))
    if row.location:
        event.add("location", row.location)
    description = [f"Matter {number}" if number else "", f"Status: {row.status}",
                   f"Docketed by {row.docketed_by}" if row.docketed_by else "",
                   f"Verified by {row.verified_by}" if row.verified_by else "", row.notes,
                   derivation_text(row.derivation)]
    event.add("description", "\n".join(part for part in description if part))
    if row.rrule:
        event.add("rrule", vRecur.from_ical(row.rrule))
        skipped = [date.fromisoformat(d) for d in row.exdates.split(",") if d]
        if skipped:
            if isinstance(start, datetime):
                event.add("exdate", [datetime.combine(d, start.timetz()) for d in skipped])
            else:
                event.add("exdate", skipped)
    if row.series_id and row.occurrence_date:
        if isinstance(start, datetime):
            event.add("recurrence-id", datetime.combine(row.occurrence_date, start.timetz()))
        else:
            event.add("recurrence-id", row.occurrence_date)
    return event


# ---- import -----------------------------------------------------------------------------------------------------


def import_events(store: Store, drafts: list[EventDraft]) -> list[int]:
    """Save the previewed events in one transaction: all of them or, on any error, none."""
    with store.write() as session:
        ids = []
        for draft in drafts:
            row = EventRow()
            fill_row(session, row, draft)
            ids.append(row.id)
        return ids
