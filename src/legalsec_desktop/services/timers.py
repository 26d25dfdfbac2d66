"""Timers kept in the database: several may exist, one runs at a time, and each survives a restart or a crash.

Times are aware UTC instants (a naive `now` is taken as UTC).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import MatterRow, TimekeeperRow, TimerRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.db.types import as_utc
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.time_entries import TimeDraft
from legalsec_desktop.domain.timers import MAX_TIMER_SECONDS, Timer, minutes_of
from legalsec_desktop.services import time_entries


def _timer(row: TimerRow, number: str = "", initials: str = "") -> Timer:
    return Timer(row.id, row.timekeeper_id, row.matter_id, row.narrative, row.elapsed_seconds, row.started_at,
                 number, initials)


def list_timers(store: Store) -> list[Timer]:
    """Every timer, oldest first, with its matter number and timekeeper's initials."""
    with store.read() as session:
        rows = session.execute(select(TimerRow, MatterRow.number, TimekeeperRow.initials)
                               .outerjoin(MatterRow, MatterRow.id == TimerRow.matter_id)
                               .join(TimekeeperRow, TimekeeperRow.id == TimerRow.timekeeper_id)
                               .order_by(TimerRow.id)).all()
        return [_timer(row, number or "", initials) for row, number, initials in rows]


def _pause_running(session: Session, now: datetime, except_id: int | None = None) -> None:
    for row in session.scalars(select(TimerRow).where(TimerRow.started_at.is_not(None))):
        if row.id != except_id:
            _bank(row, now)


def _bank(row: TimerRow, now: datetime) -> None:
    if row.started_at is not None:
        row.elapsed_seconds = min(MAX_TIMER_SECONDS, row.elapsed_seconds
                                  + max(0, int((now - row.started_at).total_seconds())))
        row.started_at = None


def _row(session: Session, timer_id: int) -> TimerRow:
    row = session.get(TimerRow, timer_id)
    if row is None:
        raise ValidationError("timer", "That timer no longer exists (it may have been stopped or discarded).")
    return row


def start_timer(store: Store, timekeeper_id: int | None, matter_id: int | None = None, narrative: str = "",
                now: datetime | None = None) -> int:
    """A new running timer (any other running timer pauses); returns its id."""
    if timekeeper_id is None:
        raise ValidationError("timekeeper_id", "Choose whose time the timer records.")
    now = as_utc(now or store.clock.utc_now())
    with store.write() as session:
        if session.get(TimekeeperRow, timekeeper_id) is None:
            raise ValidationError("timekeeper_id", "That timekeeper no longer exists.")
        _pause_running(session, now)
        row = TimerRow(timekeeper_id=timekeeper_id, matter_id=matter_id, narrative=narrative.strip(),
                       elapsed_seconds=0, started_at=now, created_at=now)
        session.add(row)
        session.flush()
        return row.id


def pause_timer(store: Store, timer_id: int, now: datetime | None = None) -> None:
    with store.write() as session:
        _bank(_row(session, timer_id), as_utc(now or store.clock.utc_now()))


def resume_timer(store: Store, timer_id: int, now: datetime | None = None) -> None:
    """Run this timer again; the one that was running pauses."""
    now = as_utc(now or store.clock.utc_now())
    with store.write() as session:
        row = _row(session, timer_id)
        _pause_running(session, now, except_id=timer_id)
        if row.started_at is None:
            row.started_at = now


def update_timer(store: Store, timer_id: int, matter_id: int | None, narrative: str) -> None:
    with store.write() as session:
        row = _row(session, timer_id)
        row.matter_id, row.narrative = matter_id, narrative.strip()


def stop_timer(store: Store, timer_id: int, entry_date: date | None = None, now: datetime | None = None) -> int:
    """Turn the timer into a draft time entry, in one transaction (never both, never neither); returns its id."""
    now = as_utc(now or store.clock.utc_now())
    with store.write() as session:
        row = _row(session, timer_id)
        if row.matter_id is None:
            raise ValidationError("matter_id", "Choose the matter for this timer before stopping it.")
        _bank(row, now)
        terms = time_entries.terms_in(session, row.timekeeper_id, row.matter_id)
        draft = TimeDraft(entry_date or store.clock.today(), row.timekeeper_id, row.matter_id,
                          minutes_of(row.elapsed_seconds), terms.rate_cents, narrative=row.narrative)
        entry_id = time_entries.save_in(session, draft)
        session.delete(row)
        return entry_id


def discard_timer(store: Store, timer_id: int, now: datetime | None = None) -> Timer:
    """Delete a timer without recording time; returns it (paused) so it can be put back."""
    with store.write() as session:
        row = _row(session, timer_id)
        _bank(row, as_utc(now or store.clock.utc_now()))
        gone = _timer(row)
        session.delete(row)
        return gone


def restore_timer(store: Store, timer: Timer) -> None:
    with store.write() as session:
        if session.get(TimerRow, timer.id) is None:
            session.add(TimerRow(id=timer.id, timekeeper_id=timer.timekeeper_id, matter_id=timer.matter_id,
                                 narrative=timer.narrative, elapsed_seconds=timer.elapsed, started_at=None,
                                 created_at=store.clock.utc_now()))
