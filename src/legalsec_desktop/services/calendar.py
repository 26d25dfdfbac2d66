"""Calendar events: save, load, delete (with undo), series, verification, and what falls in a date range."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from typing_extensions import Unpack
from typing import TypeAlias

from sqlalchemy import ColumnElement, Row, Select, SQLColumnExpression, and_, delete, or_, select, update
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import (
    ContactRow,
    EventAttendeeRow,
    EventRow,
    MatterRow,
    TimekeeperRow,
)
from legalsec_desktop.db.store import Store
from legalsec_desktop.services.collector import collector_paused
from legalsec_desktop.domain.clock import from_utc, to_local, utc_of
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import DEADLINE_KINDS, EventDraft, occurrences, validate_event
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.services.rows import EventFilters

AnySelect: TypeAlias = "Select[Unpack[tuple[Any, ...]]]"
DEFAULT_LENGTH = timedelta(hours=1)  # a timed event with no end blocks an hour, for double-booking checks


@dataclass(frozen=True)
class Occurrence:
    """One event (or one occurrence of a series) as the views show it; times are wall clock in `tz`."""

    event_id: int
    day: date
    kind: str
    title: str
    status: str
    start: datetime | None = None
    end: datetime | None = None
    tz: str = ""
    location: str = ""
    matter_id: int | None = None
    matter_number: str = ""
    client: str = ""
    docketed_by: str = ""
    verified_by: str = ""
    attendees: str = ""  # initials, comma-separated
    attendee_ids: tuple[int, ...] = ()
    series: bool = False  # an occurrence of a repeating series
    computed: bool = False  # a deadline with a stored derivation
    notes: str = ""

    @property
    def unverified(self) -> bool:
        return self.kind in DEADLINE_KINDS and not self.verified_by and self.status == "scheduled"

    def overdue(self, today: date) -> bool:
        return self.status == "scheduled" and self.day < today and not self.series

    def utc_span(self) -> tuple[datetime, datetime] | None:
        if self.start is None:
            return None
        start = utc_of(self.start, self.tz)
        end = utc_of(self.end, self.tz) if self.end else start + DEFAULT_LENGTH
        return start, max(end, start + timedelta(minutes=1))


Filters = EventFilters  # the calendar's filter object (services.rows); the name other modules import
EVERY_EVENT = EventFilters()


@dataclass(frozen=True)
class Dependent:
    """A deadline computed from a trigger event."""

    event_id: int
    title: str
    on_date: date
    status: str


def _columns() -> tuple[SQLColumnExpression[Any], ...]:
    return (EventRow.id.label("event_id"), EventRow.on_date, EventRow.kind, EventRow.title, EventRow.status,
            EventRow.all_day, EventRow.start_utc, EventRow.end_utc, EventRow.tz, EventRow.location, EventRow.matter_id,
            MatterRow.number.label("matter_number"), ContactRow.name.label("client"), EventRow.docketed_by,
            EventRow.verified_by, EventRow.rrule, EventRow.exdates, (EventRow.derivation != "").label("computed"),
            EventRow.notes)


def _attendees(session: Session, rows: Sequence[Row[Any]]) -> dict[int, list[tuple[int, str]]]:
    """(timekeeper id, initials) of each event's attendees, read in one query per 500 events."""
    ids = [row.event_id for row in rows]
    found: dict[int, list[tuple[int, str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        pairs = session.execute(select(EventAttendeeRow.event_id, TimekeeperRow.id, TimekeeperRow.initials)
                                .join(TimekeeperRow, TimekeeperRow.id == EventAttendeeRow.timekeeper_id)
                                .where(EventAttendeeRow.event_id.in_(chunk))
                                .order_by(TimekeeperRow.initials)).all()
        for event_id, keeper_id, initials in pairs:
            found.setdefault(event_id, []).append((keeper_id, initials))
    return found


def attorney_condition(attorney_id: int) -> ColumnElement[bool]:
    """An attorney's calendar: events they attend, and everything on the matters they are responsible for.

    The query must join MatterRow.
    """
    attends = select(EventAttendeeRow.event_id).where(EventAttendeeRow.event_id == EventRow.id,
                                                      EventAttendeeRow.timekeeper_id == attorney_id)
    return or_(attends.exists(), MatterRow.responsible_attorney_id == attorney_id)


def event_conditions(filters: EventFilters) -> list[ColumnElement[bool]]:
    """The conditions `filters` puts on events (the query must join MatterRow); none for the default filters."""
    found: list[ColumnElement[bool]] = []
    if filters.matter_id is not None:
        found.append(EventRow.matter_id == filters.matter_id)
    if filters.kinds:
        found.append(EventRow.kind.in_(filters.kinds))
    if filters.scheduled_only:
        found.append(EventRow.status == "scheduled")
    if filters.attorney_id is not None:
        found.append(attorney_condition(filters.attorney_id))
    return found


def apply_filters(query: AnySelect, filters: EventFilters) -> AnySelect:
    """Live events narrowed by `filters` (the views, the tickler, the .ics export and the list share this).

    The query must join MatterRow.
    """
    return query.where(EventRow.deleted_at.is_(None), *event_conditions(filters))


def _query(filters: EventFilters) -> AnySelect:
    return apply_filters(select(*_columns()).outerjoin(MatterRow, MatterRow.id == EventRow.matter_id)
                         .outerjoin(ContactRow, ContactRow.id == MatterRow.client_id), filters)


def wall_clock(instant: datetime, tz: str) -> datetime:
    """A stored instant as naive wall-clock time in the event's zone; a blank zone: this computer's zone."""
    return from_utc(instant, tz) if tz else to_local(instant)


def _occurrence(row: Row[Any], people: dict[int, list[tuple[int, str]]], day: date | None = None,
                start: datetime | None = None) -> Occurrence:
    attending = people.get(row.event_id, [])
    tz = row.tz
    local_start = local_end = None
    if not row.all_day and row.start_utc is not None:
        local_start = wall_clock(row.start_utc, tz)
        local_end = wall_clock(row.end_utc, tz) if row.end_utc else None
        if start is not None:  # an occurrence of a series keeps the wall-clock times of the first
            length = (local_end - local_start) if local_end else None
            local_start, local_end = start, (start + length if length is not None else None)
    return Occurrence(row.event_id, day or row.on_date, row.kind, row.title, row.status, local_start, local_end, tz,
                      row.location or "", row.matter_id, row.matter_number or "", row.client or "",
                      row.docketed_by or "", row.verified_by or "", ", ".join(i for _, i in attending),
                      tuple(k for k, _ in attending), bool(row.rrule), bool(row.computed), row.notes or "")


def _exdates(text: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(part) for part in text.split(",") if part)


def events_between(store: Store, first: date, last: date, filters: EventFilters = EVERY_EVENT) -> list[Occurrence]:
    """Every event and series occurrence with first <= day < last, by day and time."""
    with collector_paused():  # a busy month is thousands of rows and occurrences: no full collection meanwhile
        with store.read() as session:
            single = session.execute(_query(filters).where(EventRow.rrule == "", EventRow.on_date >= first,
                                                           EventRow.on_date < last)).all()
            series = session.execute(_query(filters).where(EventRow.rrule != "", EventRow.on_date < last)).all()
            people = _attendees(session, [*single, *series])
        found = [_occurrence(row, people) for row in single]
        for row in series:
            found += _expand(row, people, first, last)
        found.sort(key=lambda o: (o.day, o.start is not None, o.start or datetime.min, o.title))
        return found


def _expand(row: Row[Any], people: dict[int, list[tuple[int, str]]], first: date, last: date) -> list[Occurrence]:
    if not row.all_day and row.start_utc is not None:
        begin = wall_clock(row.start_utc, row.tz)
    else:
        begin = datetime.combine(row.on_date, datetime.min.time())
    window = (datetime.combine(first, datetime.min.time()), datetime.combine(last, datetime.min.time()))
    return [_occurrence(row, people, when.date(), None if row.all_day else when)
            for when in occurrences(row.rrule, begin, *window, exdates=_exdates(row.exdates))]


def event_occurrence(store: Store, event_id: int, day: date | None = None) -> Occurrence | None:
    """The occurrence of event `event_id` on `day` (by default its first date)."""
    if day is None:
        with store.read() as session:
            row = session.get(EventRow, event_id)
            if row is None:
                return None
            day = row.on_date if row.all_day or row.start_utc is None else \
                wall_clock(row.start_utc, row.tz).date()
    for occ in events_between(store, day, day + timedelta(days=1)):
        if occ.event_id == event_id:
            return occ
    return None


# ---- one event -------------------------------------------------------------------------------------------------


def load_event(store: Store, event_id: int) -> EventDraft:
    with store.read() as session:
        row = _row(session, event_id)
        attendees = tuple(session.scalars(select(EventAttendeeRow.timekeeper_id)
                                          .where(EventAttendeeRow.event_id == event_id)).all())
        start = end = None
        day = row.on_date
        if not row.all_day and row.start_utc is not None:
            local = wall_clock(row.start_utc, row.tz)
            start, day = local.time(), local.date()
            if row.end_utc is not None:
                end = wall_clock(row.end_utc, row.tz).time()
        return EventDraft(row.matter_id, row.kind, row.title, day, row.all_day, start, end, row.tz, row.location,
                          attendees, row.status, row.docketed_by, row.verified_by, row.notes, row.rrule,
                          row.derivation, row.trigger_id, row.rule_key, _exdates(row.exdates))


def event_history(store: Store, event_id: int) -> str:
    with store.read() as session:
        return _row(session, event_id).history


def _row(session: Session, event_id: int) -> EventRow:
    row = session.get(EventRow, event_id)
    if row is None or row.deleted_at is not None:
        raise ValidationError("title", "That calendar entry no longer exists (it may have been deleted).")
    return row


def fill_row(session: Session, row: EventRow, draft: EventDraft) -> None:
    start, end = validate_event(draft)
    if draft.matter_id is not None and session.get(MatterRow, draft.matter_id) is None:
        raise ValidationError("matter_id", "That matter no longer exists.")
    row.matter_id, row.kind, row.title = draft.matter_id, draft.kind, draft.title.strip()
    row.all_day, row.on_date = draft.all_day, draft.on_date
    row.start_utc, row.end_utc = start, end
    row.tz = "" if draft.all_day else draft.tz
    row.location, row.status = draft.location.strip(), draft.status
    row.docketed_by, row.verified_by = draft.docketed_by.strip().upper(), draft.verified_by.strip().upper()
    row.notes, row.rrule, row.derivation = draft.notes, draft.rrule, draft.derivation
    row.trigger_id, row.rule_key = draft.trigger_id, draft.rule_key
    row.exdates = ",".join(sorted({d.isoformat() for d in draft.exdates}))
    session.add(row)
    session.flush()
    session.execute(delete(EventAttendeeRow).where(EventAttendeeRow.event_id == row.id))
    for keeper in sorted(set(draft.attendee_ids)):
        session.add(EventAttendeeRow(event_id=row.id, timekeeper_id=keeper))


def add_note(row: EventRow, text: str, now: datetime) -> None:
    """A dated line in the event's history ("why this date?")."""
    stamp = now.strftime("%m/%d/%Y %I:%M %p")
    row.history = (row.history + "\n" if row.history else "") + f"{stamp}: {text}"


Recompute = Callable[[Session, EventRow, date, datetime], object]  # (session, trigger row, old date, now)


def save_event(store: Store, draft: EventDraft, event_id: int | None = None, *, occurrence: date | None = None,
               recompute: Recompute | None = None) -> int:
    """Add or change an event; returns its id.

    With `occurrence`, only that occurrence of the series `event_id` changes: it becomes an event of its own
    and the series skips that date. A changed date of a trigger recomputes its linked deadlines through
    `recompute` (see services.deadlines), in the same transaction.
    """
    with store.write() as session:
        if event_id is None:
            row = EventRow()
            fill_row(session, row, draft)
            return row.id
        row = _row(session, event_id)
        if occurrence is not None and row.rrule:
            skipped = set(_exdates(row.exdates)) | {occurrence}
            row.exdates = ",".join(sorted(d.isoformat() for d in skipped))
            single = EventRow(series_id=row.id, occurrence_date=occurrence)
            fill_row(session, single, replace(draft, rrule="", exdates=()))
            add_note(single, f"Changed on its own; it was the {format_date(occurrence)} occurrence of a series.",
                     store.clock.now())
            return single.id
        old_date, old_status = row.on_date, row.status
        fill_row(session, row, draft)
        if old_date != draft.on_date:
            add_note(row, f"Moved from {format_date(old_date)} to {format_date(draft.on_date)}.", store.clock.now())
            if recompute is not None:
                recompute(session, row, old_date, store.clock.now())
        if old_status != draft.status:
            add_note(row, f"Status changed from {old_status} to {draft.status}.", store.clock.now())
        return row.id


def delete_event(store: Store, event_id: int, occurrence: date | None = None) -> str:
    """Delete an event, a whole series, or (with `occurrence`) one date of a series; returns a description."""
    with store.write() as session:
        row = _row(session, event_id)
        if occurrence is not None and row.rrule:
            row.exdates = ",".join(sorted(set(filter(None, row.exdates.split(","))) | {occurrence.isoformat()}))
            return f"“{row.title}” on {format_date(occurrence)}"
        row.deleted_at = store.clock.utc_now()
        session.execute(update(EventRow).where(EventRow.series_id == event_id, EventRow.deleted_at.is_(None))
                        .values(deleted_at=row.deleted_at))
        return f"“{row.title}”"


def restore_event(store: Store, event_id: int, occurrence: date | None = None) -> None:
    """Undo delete_event with the same arguments."""
    with store.write() as session:
        row = session.get(EventRow, event_id)
        if row is None:
            return
        if occurrence is not None and row.rrule:
            row.exdates = ",".join(d for d in row.exdates.split(",") if d and d != occurrence.isoformat())
            return
        if row.deleted_at is not None:
            session.execute(update(EventRow).where(or_(EventRow.id == event_id, and_(
                EventRow.series_id == event_id, EventRow.deleted_at == row.deleted_at))).values(deleted_at=None))


def set_status(store: Store, event_id: int, status: str) -> str:
    """Mark an event done, continued, vacated or scheduled; returns the previous status (for undo)."""
    with store.write() as session:
        row = _row(session, event_id)
        old = row.status
        row.status = status
        add_note(row, f"Status changed from {old} to {status}.", store.clock.now())
        return old


def verify(store: Store, event_ids: list[int], initials: str) -> int:
    """Record `initials` as the verifier of these deadlines; returns how many were verified."""
    initials = initials.strip().upper()
    if not initials or len(initials) > 5:
        raise ValidationError("verified_by", "Enter your initials (up to five letters) to verify.")
    with store.write() as session:
        rows = session.scalars(select(EventRow).where(EventRow.id.in_(event_ids), EventRow.deleted_at.is_(None),
                                                      EventRow.kind.in_(DEADLINE_KINDS))).all()
        for row in rows:
            row.verified_by = initials
            add_note(row, f"Verified by {initials}.", store.clock.now())
        return len(rows)


def unverified(store: Store, filters: EventFilters = EVERY_EVENT) -> list[Occurrence]:
    """Scheduled deadlines no one has verified yet, soonest first."""
    with store.read() as session:
        rows = session.execute(_query(filters).where(EventRow.kind.in_(DEADLINE_KINDS), EventRow.verified_by == "",
                                                     EventRow.status == "scheduled")
                               .order_by(EventRow.on_date)).all()
        people = _attendees(session, rows)
    return [_occurrence(row, people) for row in rows]


def overdue(store: Store, today: date, filters: EventFilters = EVERY_EVENT) -> list[Occurrence]:
    """Events before today still marked scheduled (not done, continued or vacated), oldest first."""
    with store.read() as session:
        rows = session.execute(_query(filters).where(EventRow.on_date < today, EventRow.status == "scheduled",
                                                     EventRow.rrule == "").order_by(EventRow.on_date)).all()
        people = _attendees(session, rows)
    return [_occurrence(row, people) for row in rows]


def dependents(store: Store, trigger_id: int) -> list[Dependent]:
    """The live deadlines computed from a trigger, soonest first."""
    with store.read() as session:
        rows = session.execute(select(EventRow.id, EventRow.title, EventRow.on_date, EventRow.status)
                               .where(EventRow.trigger_id == trigger_id, EventRow.deleted_at.is_(None))
                               .order_by(EventRow.on_date)).all()
    return [Dependent(row.id, row.title, row.on_date, row.status) for row in rows]


def double_bookings(store: Store, draft: EventDraft, event_id: int | None = None) -> list[str]:
    """Descriptions of other timed events that overlap this one for one of its attendees."""
    if draft.all_day or not draft.attendee_ids or draft.start is None or draft.status != "scheduled":
        return []
    start, end = validate_event(draft)
    assert start is not None
    end = end if end is not None and end > start else start + DEFAULT_LENGTH
    day = draft.on_date
    names = attorney_initials(store)
    found = []
    for occ in events_between(store, day - timedelta(days=1), day + timedelta(days=2)):
        if occ.event_id == event_id or occ.status != "scheduled" or occ.start is None:
            continue
        shared = set(occ.attendee_ids) & set(draft.attendee_ids)
        span = occ.utc_span()
        if shared and span and span[0] < end and start < span[1]:
            who = ", ".join(names.get(k, "?") for k in sorted(shared))
            when = occ.start.strftime("%I:%M %p").lstrip("0")
            found.append(f"{who}: {occ.title} ({occ.matter_number or 'no matter'}) at {when} on {format_date(occ.day)}")
    return found


def attorney_initials(store: Store) -> dict[int, str]:
    """Every timekeeper's initials, by id."""
    with store.read() as session:
        return {row.id: row.initials for row in session.execute(select(TimekeeperRow.id, TimekeeperRow.initials))}


def derivation_text(derivation: str) -> str:
    """The stored derivation of a computed deadline as lines of text."""
    if not derivation:
        return ""
    try:
        data = json.loads(derivation)
    except ValueError:
        return derivation
    lines = list(data.get("steps", [])) + [f"WARNING: {w}" for w in data.get("warnings", [])]
    return "\n".join(lines)
