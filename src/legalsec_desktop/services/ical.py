"""iCalendar export and import for the calendar: the events gathered, or saved, in one transaction each.

The file format lives in formats/: formats/ics_write.py builds and writes the file, formats/ics.py reads
one (the first problem with its line number). Nothing read is saved until the user accepts the preview,
and then everything is saved in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timezone
from pathlib import Path

from sqlalchemy import select

from legalsec_desktop.db.models import EventRow, MatterRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.formats.ics import IcsReading, Incoming, Skipped, read_ics, series_links
from legalsec_desktop.formats.ics_write import IcsEvent, write_ics
from legalsec_desktop.services import lookups
from legalsec_desktop.services.calendar import Filters, add_note, apply_filters, derivation_text, fill_row

# the shell and the command line read files through here
__all__ = ["IcsReading", "Incoming", "Skipped", "attorney_id", "export_ics", "import_events", "matter_id",
           "read_ics", "series_links"]


def matter_id(store: Store, number: str) -> int | None:
    """The id of the matter numbered `number` (None for blank); ValidationError names an unknown number."""
    if not number.strip():
        return None
    with store.read() as session:
        return lookups.matter_by_number(session, number)


def attorney_id(store: Store, initials: str) -> int | None:
    """The id of the timekeeper with these initials (None for blank); ValidationError lists the known ones."""
    if not initials.strip():
        return None
    with store.read() as session:
        return lookups.timekeeper_by_initials(session, initials, "attorney", "none yet (set them up in Settings)")


def export_ics(store: Store, path: Path, filters: Filters = Filters(), first: date | None = None,
               last: date | None = None) -> int:
    """Write the events matching `filters` (and, if given, first <= date < last) to `path`; returns the count."""
    stamp = store.clock.utc_now().replace(tzinfo=timezone.utc)
    with store.read() as session:
        query = apply_filters(select(EventRow, MatterRow.number)
                              .outerjoin(MatterRow, MatterRow.id == EventRow.matter_id)
                              .order_by(EventRow.on_date, EventRow.id), filters)
        if last is not None:
            query = query.where(EventRow.on_date < last)
        if first is not None:
            query = query.where((EventRow.on_date >= first) | (EventRow.rrule != ""))
        events = [_ics_event(row, number) for row, number in session.execute(query).all()]
    write_ics(path, events, stamp)
    return len(events)


def _ics_event(row: EventRow, number: str | None) -> IcsEvent:
    return IcsEvent(
        uid=row.series_id or row.id, kind=row.kind, title=row.title, on_date=row.on_date, all_day=row.all_day,
        start_utc=row.start_utc, end_utc=row.end_utc, tz=row.tz, matter_number=number or "", status=row.status,
        location=row.location, docketed_by=row.docketed_by, verified_by=row.verified_by, notes=row.notes,
        derivation=derivation_text(row.derivation),
        rrule=row.rrule, exdates=tuple(date.fromisoformat(d) for d in row.exdates.split(",") if d),
        occurrence_date=row.occurrence_date if row.series_id else None)


def import_events(store: Store, drafts: list[EventDraft],
                  links: Mapping[int, tuple[int, date]] | None = None) -> list[int]:
    """Save the previewed events in one transaction: all of them or, on any error, none.

    `links` (formats.ics.series_links) makes a changed occurrence a change of its series, as if it had been
    changed in the program: index of the occurrence → (index of its series, the date it replaces).
    """
    links = links or {}
    with store.write() as session:
        rows: dict[int, EventRow] = {}
        for index, draft in sorted(enumerate(drafts), key=lambda pair: pair[0] in links):  # each series first
            row = EventRow()
            if index in links:
                series, replaces = links[index]
                row.series_id, row.occurrence_date = rows[series].id, replaces
                add_note(row, f"Imported as a change of one occurrence of a series; it was the "
                              f"{format_date(replaces)} occurrence.", store.clock.now())
            fill_row(session, row, draft)
            rows[index] = row
        return [rows[index].id for index in range(len(drafts))]
