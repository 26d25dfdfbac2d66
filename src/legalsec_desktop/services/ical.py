"""iCalendar (RFC 5545) export and import, so Outlook and Google Calendar show the docket.

Export keeps all-day deadlines as dates, timed events in their own time zone (with VTIMEZONE), and
series as one VEVENT with RRULE and EXDATE plus a RECURRENCE-ID VEVENT for each changed occurrence.
Import reads the whole file first and reports the first problem with its line number; nothing is saved
until the user accepts the preview, and then everything is saved in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur
from sqlalchemy import select

from legalsec_desktop import __version__
from legalsec_desktop.db.models import EventRow, MatterRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import from_utc
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.events import KIND_LABELS, KINDS, EventDraft, validate_event
from legalsec_desktop.formats.files import write_bytes_atomically
from legalsec_desktop.services.calendar import Filters, apply_filters, derivation_text, fill_row

PRODID = f"-//legalsec-desktop//legalsec-desktop {__version__}//EN"
_LINE = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")
STATUS_OUT = {"scheduled": "CONFIRMED", "done": "CONFIRMED", "continued": "TENTATIVE", "vacated": "CANCELLED"}
MAX_IMPORT = 20_000


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


@dataclass
class Incoming:
    """One VEVENT read from a file, ready to save."""

    line: int
    draft: EventDraft
    warnings: list[str] = field(default_factory=list)


def _scan(text: str) -> list[int]:
    """Check the content lines and BEGIN/END nesting; returns the line number of each BEGIN:VEVENT."""
    lines = text.splitlines()
    if not lines or lines[0].strip().upper() != "BEGIN:VCALENDAR":
        raise UserFixableError("This is not an iCalendar file: line 1 should be BEGIN:VCALENDAR.")
    stack: list[tuple[str, int]] = []
    starts = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line[:1] in (" ", "\t"):
            continue  # folded continuation, or a blank line some programs leave
        if not _LINE.match(line):
            raise UserFixableError(f"Line {number} is not an iCalendar line: “{line[:60]}”. Nothing was imported.")
        name, _, value = line.partition(":")
        name = name.split(";")[0].upper()
        if name == "BEGIN":
            stack.append((value.strip().upper(), number))
            if value.strip().upper() == "VEVENT":
                starts.append(number)
        elif name == "END":
            if not stack or stack[-1][0] != value.strip().upper():
                raise UserFixableError(f"Line {number}: END:{value.strip()} does not close the block opened "
                                       f"before it. Nothing was imported.")
            stack.pop()
    if stack:
        what, number = stack[-1]
        raise UserFixableError(f"Line {number}: BEGIN:{what} is never closed (the file may be cut short). "
                               f"Nothing was imported.")
    return starts


def read_ics(path: Path, default_tz: str) -> list[Incoming]:
    """Every VEVENT in the file, as drafts without a matter; UserFixableError names the line of a problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserFixableError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    starts = _scan(text)
    try:
        calendar = Calendar.from_ical(text)
    except ValueError as exc:
        raise UserFixableError(f"The file could not be read as iCalendar: {exc}. Nothing was imported.") from None
    events = list(calendar.walk("VEVENT"))
    if len(events) > MAX_IMPORT:
        raise UserFixableError(f"The file holds {len(events):,} events; import at most {MAX_IMPORT:,} at a time.")
    found = [_incoming(vevent, line, default_tz) for vevent, line in zip(events, starts)]
    return [item for item in found if item is not None]


def _value(vevent: Event, name: str, line: int):  # noqa: ANN202
    prop = vevent.get(name)
    if prop is None:
        return None
    if type(prop).__name__ == "vBroken":
        raise UserFixableError(f"The event that begins on line {line} has a {name} that cannot be read: "
                               f"“{prop.to_ical().decode(errors='replace')[:40]}”. Nothing was imported.")
    return getattr(prop, "dt", prop)


def _incoming(vevent: Event, line: int, default_tz: str) -> Incoming | None:
    if vevent.get("recurrence-id") is not None:
        return None  # a changed occurrence of a series: the series itself is imported
    start = _value(vevent, "dtstart", line)
    if start is None:
        raise UserFixableError(f"The event that begins on line {line} has no start (DTSTART). Nothing was imported.")
    end = _value(vevent, "dtend", line)
    title = str(vevent.get("summary") or "").strip() or "(untitled)"
    kind = str(vevent.get("x-legalsec-kind") or "")
    if kind not in KINDS:
        categories = vevent.get("categories")
        labels = {label.lower(): k for k, label in KIND_LABELS.items()}
        names = [str(c).lower() for c in (categories.cats if hasattr(categories, "cats") else [])]
        kind = next((labels[n] for n in names if n in labels), "")
        if not kind:
            kind = "filing deadline" if "deadline" in title.lower() else "meeting"
    warnings = []
    if isinstance(start, datetime):
        tz = getattr(start.tzinfo, "key", "") if start.tzinfo else default_tz
        if start.tzinfo is not None and not tz:
            start = start.astimezone(ZoneInfo(default_tz))
            tz = default_tz
            end = end.astimezone(ZoneInfo(default_tz)) if isinstance(end, datetime) else end
        local_end = end.astimezone(ZoneInfo(tz)).replace(tzinfo=None) if isinstance(end, datetime) and end.tzinfo \
            else end if isinstance(end, datetime) else None
        local_start = start.astimezone(ZoneInfo(tz)).replace(tzinfo=None) if start.tzinfo else start
        end_time: time | None = None
        if local_end is not None and local_end.date() == local_start.date():
            end_time = local_end.time()
        elif local_end is not None:
            warnings.append("ends on a later day: imported with its start time only")
        draft = EventDraft(None, kind, title[:300], local_start.date(), False, local_start.time(), end_time, tz)
    else:
        draft = EventDraft(None, kind, title[:300], start, True)
    rrule = vevent.get("rrule")
    status = str(vevent.get("status") or "").upper()
    draft = replace(draft, location=str(vevent.get("location") or "")[:300],
                    notes=str(vevent.get("description") or ""),
                    status="vacated" if status == "CANCELLED" else "scheduled",
                    rrule=rrule.to_ical().decode() if rrule is not None else "", exdates=_exdates(vevent.get("exdate")))
    try:
        validate_event(draft)
    except ValidationError as exc:
        raise UserFixableError(f"The event “{title[:60]}” that begins on line {line}: {exc.message} "
                               f"Nothing was imported.") from None
    return Incoming(line, draft, warnings)


def _exdates(prop) -> tuple[date, ...]:  # noqa: ANN001 - one vDDDLists or a list of them
    if prop is None:
        return ()
    lists = prop if isinstance(prop, list) else [prop]
    found = []
    for item in lists:
        for value in getattr(item, "dts", []):
            day = value.dt
            found.append(day.date() if isinstance(day, datetime) else day)
    return tuple(found)


def import_events(store: Store, drafts: list[EventDraft]) -> list[int]:
    """Save the previewed events in one transaction: all of them or, on any error, none."""
    with store.write() as session:
        ids = []
        for draft in drafts:
            row = EventRow()
            fill_row(session, row, draft)
            ids.append(row.id)
        return ids
