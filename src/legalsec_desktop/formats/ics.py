"""Reading iCalendar (RFC 5545) files: each VEVENT becomes an event draft, or a reason it was skipped, with its line.

A file that is not iCalendar at all (or whose blocks do not nest) is refused whole; within a readable file, one
bad event is skipped with its line number and the good ones are kept. icalendar does the unfolding and parsing;
formats/ics_event.py turns one VEVENT into a draft. Nothing is saved here (services/ical.py saves what the user
accepts); formats/ics_write.py writes files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from icalendar import Calendar

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.ics_event import Incoming, Skipped, incoming

__all__ = ["MAX_IMPORT", "IcsReading", "Incoming", "Skipped", "read_ics", "read_ics_text", "series_links"]

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
    placeholders: dict[str, tuple[Any, int]] = {}
    versions: dict[int, tuple[int, str]] = {}
    for vevent, line in zip(vevents, starts):
        if line in spoiled:
            reading.skipped.append(Skipped(line, str(vevent.get("summary") or "")[:60], spoiled[line]))
            continue
        if _placeholder(vevent):
            placeholders[str(vevent.get("uid") or "")] = (vevent, line)
            continue
        versions[line] = _version(vevent)
        _add(reading, incoming(vevent, line, default_tz))
    reading.events = _fold_overrides(_newest(reading, versions))
    for uid, (vevent, line) in placeholders.items():
        changed = [item for item in reading.events if item.uid == uid and item.recurrence_id is not None]
        for item in changed:
            item.warnings.append(f"Thunderbird's placeholder for it (line {line}) is left out")
        if not changed:  # never seen from Thunderbird, but nothing is dropped unsaid
            found = incoming(vevent, line, default_tz)
            for one in found if isinstance(found, list) else []:
                one.warnings.append("a Thunderbird placeholder (X-MOZ-FAKED-MASTER) without its changed occurrence")
            _add(reading, found)
    reading.events.sort(key=lambda item: item.line)
    return reading


def _add(reading: IcsReading, found: list[Incoming] | Skipped) -> None:
    if isinstance(found, Skipped):
        reading.skipped.append(found)
    else:
        reading.events.extend(found)


def _version(vevent: Any) -> tuple[int, str]:
    """Which of two versions of an event is newer: its SEQUENCE, then when it was last changed (UTC text sorts)."""
    try:
        sequence = int(str(vevent.get("sequence") or 0))
    except ValueError:
        sequence = 0
    changed = vevent.get("last-modified") or vevent.get("dtstamp")
    return sequence, str(getattr(changed, "to_ical", lambda: b"")().decode() if changed is not None else "")


def _newest(reading: IcsReading, versions: dict[int, tuple[int, str]]) -> list[Incoming]:
    """Events with one UID, no RECURRENCE-ID and different SEQUENCE numbers are versions of one event (RFC 5545
    3.8.7.4): the newest is imported, as Outlook and Google do, and each older one is listed as skipped. Events that
    merely share a UID (a careless writer) are all imported."""
    lines: dict[str, set[int]] = {}
    for item in reading.events:
        if item.uid and item.recurrence_id is None:
            lines.setdefault(item.uid, set()).add(item.line)
    older: dict[int, int] = {}
    for found in lines.values():
        if len({versions[line][0] for line in found}) > 1:
            newest = max(found, key=lambda line: (versions[line], line))
            older.update({line: newest for line in found - {newest}})
    for line, newest in sorted(older.items()):
        title = next(item.draft.title for item in reading.events if item.line == line)
        reading.skipped.append(Skipped(line, title[:60], f"an older version (SEQUENCE {versions[line][0]}) of the "
                                                         f"event on line {newest}, which is imported"))
    return [item for item in reading.events if item.line not in older]


def _placeholder(vevent: Any) -> bool:
    """Thunderbird writes a stand-in series (X-MOZ-FAKED-MASTER:1, no title, DTSTART and RDATE at the occurrence)
    beside a changed occurrence whose series it does not have; the occurrence holds the event."""
    return str(vevent.get("x-moz-faked-master") or "").strip() == "1"


def series_links(items: list[Incoming]) -> dict[int, tuple[int, date]]:
    """For the events about to be saved (in this order): index of a changed occurrence → (index of its series,
    the date it replaces), where its series is saved too."""
    where = {id(item): index for index, item in enumerate(items)}
    return {index: (where[id(item.series)], item.recurrence_id) for index, item in enumerate(items)
            if item.series is not None and item.recurrence_id is not None and id(item.series) in where}


def _fold_overrides(items: list[Incoming]) -> list[Incoming]:
    """A changed occurrence (RECURRENCE-ID) leaves a gap in its series and is saved as a change of that series
    (deleting the series deletes it too); a cancelled one only leaves the gap. Where a copy stands for that
    occurrence (an extra date, a repeat of a multi-day event), the change takes the copy's place. Each is said."""
    series = {item.uid: item for item in items if item.draft.rrule and item.recurrence_id is None and item.uid
              and item.copy_of is None}
    copies = {(item.uid, item.copy_of): item for item in items if item.copy_of is not None and item.uid}
    replaced: set[int] = set()
    kept: list[Incoming] = []
    for item in items:
        if item.recurrence_id is None:
            kept.append(item)
            continue
        parent = series.get(item.uid)
        moved_from = item.recurrence_id.isoformat()
        copy = copies.get((item.uid, item.recurrence_id))
        if copy is not None:
            replaced.add(id(copy))
            parent = None  # the occurrence is the copy, not a date of the series' rule
        elif parent is not None:
            parent.draft = replace(parent.draft, exdates=tuple(sorted({*parent.draft.exdates, item.recurrence_id})))
        if item.draft.status == "vacated" and (parent or copy) is not None:
            told = parent or next((other for other in copies.values() if other.uid == item.uid
                                   and id(other) not in replaced), series.get(item.uid))
            if told is not None:
                told.warnings.append(f"the occurrence of {moved_from} is cancelled (line {item.line})")
                continue
        if parent is not None:
            item.series = parent
            item.warnings.append(f"a changed occurrence of the series on line {parent.line} "
                                 f"(originally {moved_from})")
        elif copy is not None:
            item.warnings.append(f"a changed occurrence (originally {moved_from}) of the event on line "
                                 f"{copy.line}: imported in its place")
        else:
            same = next((other for other in kept if other.recurrence_id is None and _same_time(other, item)), None)
            if same is not None:  # Google's birthdays: the series under one UID, its dates again under another
                same.warnings.append(f"line {item.line} has it again (a changed occurrence of a series not in "
                                     f"the file): left out")
                continue
            item.warnings.append(f"a changed occurrence (originally {moved_from}) of a series not in the file: "
                                 f"imported as its own event")
        kept.append(item)
    return [item for item in kept if id(item) not in replaced]


def _same_time(one: Incoming, other: Incoming) -> bool:
    """Two events with the same title and times on the same (first) day."""
    a, b = one.draft, other.draft
    return (a.title, a.on_date, a.all_day, a.start, a.end, a.tz) == (b.title, b.on_date, b.all_day, b.start, b.end,
                                                                      b.tz)
