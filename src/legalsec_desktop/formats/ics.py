"""Reading iCalendar (RFC 5545) files: each VEVENT becomes an event draft with the line it starts on.

The whole file is read first and the first problem is reported with its line number; nothing is saved
here (services/ical.py saves what the user accepts in the preview); formats/ics_write.py writes files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component

from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.events import KIND_LABELS, KINDS, EventDraft, validate_event

_LINE = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")
MAX_IMPORT = 20_000


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


def _value(vevent: Component, name: str, line: int) -> object:
    """The property's value (a date or a time for DTSTART and DTEND), None if the event has none."""
    prop = vevent.get(name)
    if prop is None:
        return None
    if type(prop).__name__ == "vBroken":
        raise UserFixableError(f"The event that begins on line {line} has a {name} that cannot be read: "
                               f"“{prop.to_ical().decode(errors='replace')[:40]}”. Nothing was imported.")
    return getattr(prop, "dt", prop)


def _start(vevent: Component, line: int) -> date:
    """DTSTART: a date, or a datetime (which is a date too)."""
    start = _value(vevent, "dtstart", line)
    if start is None:
        raise UserFixableError(f"The event that begins on line {line} has no start (DTSTART). Nothing was imported.")
    if not isinstance(start, date):  # a duration or a time of day alone, which RFC 5545 does not allow here
        raise UserFixableError(f"The event that begins on line {line} has a DTSTART that is not a date or a date "
                               f"and time. Nothing was imported.")
    return start


def _incoming(vevent: Component, line: int, default_tz: str) -> Incoming | None:
    if vevent.get("recurrence-id") is not None:
        return None  # a changed occurrence of a series: the series itself is imported
    start = _start(vevent, line)
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


def _exdates(prop: object) -> tuple[date, ...]:
    """The dates of EXDATE: `prop` is None, one vDDDLists or a list of them."""
    if prop is None:
        return ()
    lists = prop if isinstance(prop, list) else [prop]
    found = []
    for item in lists:
        for value in getattr(item, "dts", []):
            day = value.dt
            found.append(day.date() if isinstance(day, datetime) else day)
    return tuple(found)
