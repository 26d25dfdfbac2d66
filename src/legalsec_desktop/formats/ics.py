"""Reading iCalendar (RFC 5545) files: each VEVENT becomes an event draft, or a reason it was skipped, with its line.

A file that is not iCalendar at all (or whose blocks do not nest) is refused whole; within a readable file, one
bad event is skipped with its line number and the good ones are kept. icalendar does the unfolding and parsing;
formats/ics_event.py turns one VEVENT into a draft. Nothing is saved here (services/ical.py saves what the user
accepts); formats/ics_write.py writes files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from icalendar import Calendar

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.ics_event import Incoming, Skipped, incoming

__all__ = ["MAX_IMPORT", "IcsReading", "Incoming", "Skipped", "read_ics", "read_ics_text"]

_LINE = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")
MAX_IMPORT = 20_000


@dataclass
class IcsReading:
    """What a file holds: the events that can be imported and those skipped, each with the line it begins on."""

    events: list[Incoming] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


@dataclass
class _Logical:
    """One content line after unfolding, with the physical line it starts on."""

    number: int
    text: str


def _unfold(text: str) -> list[_Logical]:
    """RFC 5545 3.1: a line that begins with a space or a tab continues the one before; blank lines are dropped."""
    found: list[_Logical] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and found:
            found[-1].text += line[1:]
        elif line.strip():
            found.append(_Logical(number, line))
    return found


def _scan(lines: list[_Logical]) -> tuple[list[str], list[int], dict[int, str]]:
    """Check the nesting of BEGIN/END; returns the lines to parse, each VEVENT's first line, and bad lines by event.

    A line that is not a content line inside an event spoils only that event (it is left out and the event is
    skipped); outside events it refuses the whole file, since its structure is then unclear.
    """
    if not lines or lines[0].text.strip().upper() != "BEGIN:VCALENDAR":
        first = lines[0].number if lines else 1
        raise UserFixableError(f"This is not an iCalendar file: line {first} should be BEGIN:VCALENDAR.")
    stack: list[tuple[str, int]] = []
    kept: list[str] = []
    starts: list[int] = []
    spoiled: dict[int, str] = {}
    for line in lines:
        event = starts[-1] if starts and any(what == "VEVENT" for what, _ in stack) else None
        if not _LINE.match(line.text):
            if event is None:
                raise UserFixableError(f"Line {line.number} is not an iCalendar line: “{line.text[:60]}”. "
                                       f"Nothing was imported.")
            spoiled.setdefault(event, f"line {line.number} is not an iCalendar line: “{line.text[:40]}”")
            continue
        name, _, value = line.text.partition(":")
        name, value = name.split(";")[0].upper(), value.strip().upper()
        if name == "BEGIN":
            stack.append((value, line.number))
            if value == "VEVENT":
                starts.append(line.number)
        elif name == "END":
            if not stack or stack[-1][0] != value:
                raise UserFixableError(f"Line {line.number}: END:{value} does not close the block opened "
                                       f"before it. Nothing was imported.")
            stack.pop()
        kept.append(line.text)
    if stack:
        what, number = stack[-1]
        raise UserFixableError(f"Line {number}: BEGIN:{what} is never closed (the file may be cut short). "
                               f"Nothing was imported.")
    return kept, starts, spoiled


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def read_ics(path: Path, default_tz: str) -> IcsReading:
    """Every VEVENT in the file, as drafts without a matter, or skipped with a reason; UserFixableError when the
    file cannot be read at all."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserFixableError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    return read_ics_text(_decode(raw), default_tz)


def read_ics_text(text: str, default_tz: str) -> IcsReading:
    """read_ics for text already read."""
    kept, starts, spoiled = _scan(_unfold(text))
    try:
        calendars = Calendar.from_ical("\r\n".join(kept) + "\r\n", multiple=True)
    except ValueError as exc:
        raise UserFixableError(f"The file could not be read as iCalendar: {exc}. Nothing was imported.") from None
    vevents = [vevent for calendar in calendars for vevent in calendar.walk("VEVENT")]
    if len(vevents) > MAX_IMPORT:
        raise UserFixableError(f"The file holds {len(vevents):,} events; import at most {MAX_IMPORT:,} at a time.")
    reading = IcsReading()
    for vevent, line in zip(vevents, starts):
        if line in spoiled:
            reading.skipped.append(Skipped(line, str(vevent.get("summary") or "")[:60], spoiled[line]))
            continue
        item = incoming(vevent, line, default_tz)
        if isinstance(item, Skipped):
            reading.skipped.append(item)
        else:
            reading.events.extend(item)
    reading.events = _fold_overrides(reading.events)
    return reading


def _fold_overrides(items: list[Incoming]) -> list[Incoming]:
    """A changed occurrence (RECURRENCE-ID) leaves a gap in its series and stands as an event of its own; a
    cancelled one only leaves the gap. Each change is said in a warning."""
    series = {item.uid: item for item in items if item.draft.rrule and item.recurrence_id is None and item.uid}
    kept: list[Incoming] = []
    for item in items:
        if item.recurrence_id is None:
            kept.append(item)
            continue
        parent = series.get(item.uid)
        moved_from = item.recurrence_id.isoformat()
        if parent is not None:
            parent.draft = replace(parent.draft, exdates=tuple(sorted({*parent.draft.exdates, item.recurrence_id})))
        if parent is not None and item.draft.status == "vacated":
            parent.warnings.append(f"the occurrence of {moved_from} is cancelled (line {item.line})")
            continue
        where = f"of the series on line {parent.line}" if parent is not None else "of a series not in the file"
        item.warnings.append(f"a changed occurrence {where} (originally {moved_from}): imported as its own event")
        kept.append(item)
    return kept
