"""Time entries in the database: save with every check, lock billed time, totals, and days short of target."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import ContactRow, FirmRow, MatterRow, TimekeeperRow, TimeEntryRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.billing import format_hours
from legalsec_desktop.domain.durations import MAX_MINUTES
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.domain.time_entries import (
    STATUSES,
    TimeDraft,
    effective_increment,
    effective_rate,
    validate_entry,
)

LOCKED = "This entry has been billed, so it is locked. Billed time cannot be changed or deleted."


@dataclass(frozen=True)
class MatterTerms:
    """What a new entry on a matter starts with: the rate for the timekeeper, and the matter's rules."""

    rate_cents: int
    increment: int
    codes_required: bool


def firm_increment(session: Session) -> int:
    return session.scalar(select(FirmRow.billing_increment_minutes).where(FirmRow.id == 1)) or 6


def terms_in(session: Session, timekeeper_id: int | None, matter_id: int | None) -> MatterTerms:
    """terms() inside a transaction the caller holds."""
    matter = session.get(MatterRow, matter_id) if matter_id is not None else None
    if matter_id is not None and matter is None:
        raise ValidationError("matter_id", "That matter no longer exists.")
    keeper = session.get(TimekeeperRow, timekeeper_id) if timekeeper_id is not None else None
    if timekeeper_id is not None and keeper is None:
        raise ValidationError("timekeeper_id", "That timekeeper no longer exists.")
    client = session.get(ContactRow, matter.client_id) if matter is not None else None
    rate = effective_rate(keeper.default_rate_cents if keeper else 0,
                          client.rate_override_cents if client else None,
                          matter.rate_override_cents if matter else None)
    increment = effective_increment(firm_increment(session), client.billing_increment_minutes if client else None)
    return MatterTerms(rate, increment, bool(matter and matter.uses_utbms))


def terms(store: Store, timekeeper_id: int | None, matter_id: int | None) -> MatterTerms:
    """The rate (matter, else client, else timekeeper), increment and code rule for an entry."""
    with store.read() as session:
        return terms_in(session, timekeeper_id, matter_id)


def closed_matter_warning(store: Store, matter_id: int | None) -> str:
    """A warning to confirm before recording time on a closed matter ('' when the matter is open)."""
    if matter_id is None:
        return ""
    with store.read() as session:
        matter = session.get(MatterRow, matter_id)
        if matter is None or matter.status != "closed":
            return ""
        since = f" on {format_date(matter.closed_on)}" if matter.closed_on else ""
        return (f"Matter {matter.number} ({matter.title}) was closed{since}. Time recorded on a closed matter may "
                "never be billed. Record it anyway?")


def _day_total(session: Session, timekeeper_id: int, day: date, leaving_out: int | None) -> int:
    query = select(func.coalesce(func.sum(TimeEntryRow.minutes), 0)).where(
        TimeEntryRow.timekeeper_id == timekeeper_id, TimeEntryRow.entry_date == day)
    if leaving_out is not None:
        query = query.where(TimeEntryRow.id != leaving_out)
    return int(session.scalar(query) or 0)


def save_entry(store: Store, draft: TimeDraft, entry_id: int | None = None) -> int:
    """Add or change an entry; returns its id. Billed entries are refused, and so is a day over 24 hours."""
    with store.write() as session:
        return save_in(session, draft, entry_id)


def save_in(session: Session, draft: TimeDraft, entry_id: int | None = None) -> int:
    """save_entry inside a transaction the caller holds."""
    matter_terms = terms_in(session, draft.timekeeper_id, draft.matter_id)
    draft = validate_entry(draft, matter_terms.codes_required)
    row = TimeEntryRow() if entry_id is None else session.get(TimeEntryRow, entry_id)
    if row is None:
        raise ValidationError("minutes", "That time entry no longer exists (it may have been deleted).")
    if entry_id is not None and row.status == "billed":
        raise ValidationError("status", LOCKED)
    assert draft.timekeeper_id is not None
    day_total = _day_total(session, draft.timekeeper_id, draft.entry_date, entry_id) + draft.minutes
    # A change that leaves the day no fuller than it was goes through, so an over-full day (an import, a typing
    # mistake made elsewhere) can be put right an entry at a time.
    no_fuller = (entry_id is not None and row.timekeeper_id == draft.timekeeper_id
                 and row.entry_date == draft.entry_date and draft.minutes <= row.minutes)
    if day_total > MAX_MINUTES and not no_fuller:
        initials = session.get_one(TimekeeperRow, draft.timekeeper_id).initials  # terms_in found the timekeeper
        raise ValidationError("minutes", f"{initials} would have {format_hours(day_total, 2)} hours on "
                                         f"{format_date(draft.entry_date)}: a day has only 24. Check the date "
                                         "and the durations.")
    _fill(row, draft)
    session.add(row)
    session.flush()
    return row.id


def _fill(row: TimeEntryRow, draft: TimeDraft) -> None:
    # validate_entry refuses a draft without a timekeeper or a matter, and _draft (from a stored row) has both.
    assert draft.timekeeper_id is not None and draft.matter_id is not None
    row.entry_date, row.timekeeper_id, row.matter_id = draft.entry_date, draft.timekeeper_id, draft.matter_id
    row.minutes, row.rate_cents, row.billable = draft.minutes, draft.rate_cents, draft.billable
    row.task_code, row.activity_code = draft.task_code, draft.activity_code
    row.narrative, row.status = draft.narrative, draft.status


def has_entries(store: Store) -> bool:
    with store.read() as session:
        return session.scalar(select(TimeEntryRow.id).limit(1)) is not None


def _draft(row: TimeEntryRow) -> TimeDraft:
    return TimeDraft(row.entry_date, row.timekeeper_id, row.matter_id, row.minutes, row.rate_cents, row.billable,
                     row.task_code, row.activity_code, row.narrative, row.status)


def load_entry(store: Store, entry_id: int) -> TimeDraft:
    with store.read() as session:
        row = session.get(TimeEntryRow, entry_id)
        if row is None:
            raise ValidationError("minutes", "That time entry no longer exists (it may have been deleted).")
        return _draft(row)


def previous_entry(store: Store, timekeeper_id: int | None = None) -> TimeDraft | None:
    """The most recently added entry (of a timekeeper, if given), to copy into a new one."""
    query = select(TimeEntryRow).order_by(TimeEntryRow.id.desc()).limit(1)
    if timekeeper_id is not None:
        query = query.where(TimeEntryRow.timekeeper_id == timekeeper_id)
    with store.read() as session:
        row = session.scalars(query).first()
        return _draft(row) if row is not None else None


def delete_entries(store: Store, entry_ids: list[int]) -> list[tuple[int, TimeDraft]]:
    """Delete entries (never billed ones); returns what was deleted, for undo."""
    with store.write() as session:
        found = [session.get(TimeEntryRow, entry_id) for entry_id in entry_ids]
        rows = [row for row in found if row is not None]
        if any(row.status == "billed" for row in rows):
            raise ValidationError("status", LOCKED)
        gone = [(row.id, _draft(row)) for row in rows]
        for row in rows:
            session.delete(row)
        return gone


def restore_entries(store: Store, deleted: list[tuple[int, TimeDraft]]) -> None:
    """Undo delete_entries: the same entries come back with their ids."""
    with store.write() as session:
        for entry_id, draft in deleted:
            if session.get(TimeEntryRow, entry_id) is None:
                row = TimeEntryRow(id=entry_id)
                _fill(row, draft)
                session.add(row)


def set_status(store: Store, entry_ids: list[int], status: str) -> dict[int, str]:
    """Mark entries draft, final or billed; returns their previous statuses (for undo). Billed stays billed."""
    if status not in STATUSES:
        raise ValidationError("status", "Choose draft, final or billed.")
    with store.write() as session:
        rows = [row for row in (session.get(TimeEntryRow, i) for i in entry_ids) if row is not None]
        if status != "billed" and any(row.status == "billed" for row in rows):
            raise ValidationError("status", LOCKED)
        if status != "draft":
            for row in rows:
                validate_entry(replace(_draft(row), status=status))  # a final entry needs its narrative
        before = {row.id: row.status for row in rows}
        for row in rows:
            row.status = status
        return before


def restore_statuses(store: Store, before: dict[int, str]) -> None:
    with store.write() as session:
        for entry_id, status in before.items():
            row = session.get(TimeEntryRow, entry_id)
            if row is not None:
                row.status = status


@dataclass(frozen=True)
class ShortDay:
    day: date
    timekeeper_id: int
    timekeeper: str  # initials
    minutes: int
    target: int


def short_days(store: Store, first: date, last: date, timekeeper_id: int | None = None,
               today: date | None = None) -> list[ShortDay]:
    """Weekdays from `first` to `last` (not after today) on which a timekeeper recorded less than their target."""
    today = today or store.clock.today()
    last = min(last, today)
    with store.read() as session:
        keepers = session.execute(select(TimekeeperRow.id, TimekeeperRow.initials, TimekeeperRow.daily_target_minutes)
                                  .where(TimekeeperRow.active, TimekeeperRow.daily_target_minutes > 0)
                                  .order_by(TimekeeperRow.initials)).all()
        if timekeeper_id is not None:
            keepers = [k for k in keepers if k[0] == timekeeper_id]
        recorded = dict(((keeper, day), total) for keeper, day, total in session.execute(
            select(TimeEntryRow.timekeeper_id, TimeEntryRow.entry_date, func.sum(TimeEntryRow.minutes))
            .where(TimeEntryRow.entry_date >= first, TimeEntryRow.entry_date <= last)
            .group_by(TimeEntryRow.timekeeper_id, TimeEntryRow.entry_date)))
    found = []
    day = first
    while day <= last:
        if day.weekday() < 5:
            for keeper_id, initials, target in keepers:
                minutes = int(recorded.get((keeper_id, day), 0))
                if minutes < target:
                    found.append(ShortDay(day, keeper_id, initials, minutes, target))
        day += timedelta(days=1)
    return found
