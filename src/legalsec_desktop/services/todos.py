"""The to-do list: add, edit, tick done, delete; what is due, per matter and across matters; follow-ups feed it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, TypeAlias

from typing_extensions import Unpack

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import CommunicationRow, ContactRow, MatterRow, TimekeeperRow, TodoRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.todos import TodoDraft, follow_up_title, validate_todo
from legalsec_desktop.services.rows import TodoItem

GONE = "That to-do no longer exists."
STALE_DAYS = 60  # follow-ups older than this when brought in come in done (see migration 0008)
AnySelect: TypeAlias = "Select[Unpack[tuple[Any, ...]]]"


def _query(*conditions: ColumnElement[bool]) -> AnySelect:
    return (select(TodoRow.id, TodoRow.title, TodoRow.due_on, TodoRow.matter_id,
                   func.coalesce(MatterRow.number, ""), func.coalesce(ContactRow.name, ""), TodoRow.assigned_to,
                   func.coalesce(TimekeeperRow.initials, ""), TodoRow.done_at, TodoRow.communication_id,
                   TodoRow.notes)
            .outerjoin(MatterRow, MatterRow.id == TodoRow.matter_id)
            .outerjoin(ContactRow, ContactRow.id == MatterRow.client_id)
            .outerjoin(TimekeeperRow, TimekeeperRow.id == TodoRow.assigned_to)
            .where(TodoRow.deleted_at.is_(None), *conditions)
            .order_by(TodoRow.due_on, TodoRow.id))


def _listed(store: Store, *conditions: ColumnElement[bool]) -> list[TodoItem]:
    with store.read() as session:
        return [TodoItem(*row) for row in session.execute(_query(*conditions)).all()]


def _narrowed(matter_id: int | None, attorney_id: int | None) -> list[ColumnElement[bool]]:
    """One matter's; an attorney's: assigned to them, or to no one on a matter they are responsible for."""
    found: list[ColumnElement[bool]] = []
    if matter_id is not None:
        found.append(TodoRow.matter_id == matter_id)
    if attorney_id is not None:
        found.append(or_(TodoRow.assigned_to == attorney_id,
                         and_(TodoRow.assigned_to.is_(None), MatterRow.responsible_attorney_id == attorney_id)))
    return found


# --- lists ------------------------------------------------------------------------------------
def matter_todos(store: Store, matter_id: int, include_done: bool = True) -> list[TodoItem]:
    """A matter's to-dos by due date (the done ones too, unless not wanted)."""
    done = () if include_done else (TodoRow.done_at.is_(None),)
    return _listed(store, TodoRow.matter_id == matter_id, *done)


def all_todos(store: Store, include_done: bool = False, *, matter_id: int | None = None,
              attorney_id: int | None = None) -> list[TodoItem]:
    """Every to-do across matters (and on none), by due date; open ones only unless `include_done`."""
    done = () if include_done else (TodoRow.done_at.is_(None),)
    return _listed(store, *done, *_narrowed(matter_id, attorney_id))


def todos_between(store: Store, first: date, last: date, *, matter_id: int | None = None,
                  attorney_id: int | None = None) -> list[TodoItem]:
    """To-dos due from `first` up to (not including) `last`, done or not: what a calendar's days show."""
    return _listed(store, TodoRow.due_on >= first, TodoRow.due_on < last, *_narrowed(matter_id, attorney_id))


def todos_due(store: Store, by: date, *, matter_id: int | None = None,
              attorney_id: int | None = None) -> list[TodoItem]:
    """Open to-dos due on or before `by`, the overdue ones first (oldest first)."""
    return _listed(store, TodoRow.done_at.is_(None), TodoRow.due_on <= by, *_narrowed(matter_id, attorney_id))


def docket_todos(store: Store, first: date, last: date, attorney_id: int | None = None) -> list[TodoItem]:
    """What a docket of the days `first` up to `last` lists: open to-dos due before `last` (overdue ones too), and
    those due in the range ticked done."""
    return _listed(store, TodoRow.due_on < last, or_(TodoRow.done_at.is_(None), TodoRow.due_on >= first),
                   *_narrowed(None, attorney_id))


def overdue_todos(store: Store, today: date, *, matter_id: int | None = None,
                  attorney_id: int | None = None) -> list[TodoItem]:
    """Open to-dos due before `today`, oldest first."""
    return _listed(store, TodoRow.done_at.is_(None), TodoRow.due_on < today, *_narrowed(matter_id, attorney_id))


def load_todo(store: Store, todo_id: int) -> TodoItem:
    with store.read() as session:
        row = session.execute(_query(TodoRow.id == todo_id)).first()
    if row is None:
        raise ValidationError("title", GONE)
    return TodoItem(*row)


def follow_ups_due(session: Session, matter_id: int, today: date) -> tuple[int, int]:
    """(open follow-ups of a matter's log, how many of them are overdue) — due any day, overdue included."""
    open_count, overdue = session.execute(
        select(func.count(), func.coalesce(func.sum(case((TodoRow.due_on < today, 1), else_=0)), 0))
        .join(CommunicationRow, CommunicationRow.id == TodoRow.communication_id)
        .where(TodoRow.matter_id == matter_id, TodoRow.deleted_at.is_(None), TodoRow.done_at.is_(None),
               CommunicationRow.deleted_at.is_(None))).one()
    return int(open_count), int(overdue)


# --- changes ----------------------------------------------------------------------------------
def save_todo(store: Store, draft: TodoDraft, todo_id: int | None = None, done: bool | None = None) -> int:
    """Add a to-do (or change one), ticked done or not if `done` says; a follow-up's new due date becomes its log
    entry's follow-up date too."""
    validate_todo(draft)
    assert draft.due_on is not None  # validated
    now = store.clock.utc_now()
    with store.write() as session:
        if draft.matter_id is not None and session.get(MatterRow, draft.matter_id) is None:
            raise ValidationError("matter_id", "That matter no longer exists.")
        if draft.assigned_to is not None and session.get(TimekeeperRow, draft.assigned_to) is None:
            raise ValidationError("assigned_to", "That timekeeper no longer exists.")
        row = TodoRow(created_at=now) if todo_id is None else session.get(TodoRow, todo_id)
        if row is None or row.deleted_at is not None:
            raise ValidationError("title", GONE)
        row.title, row.due_on, row.notes = draft.title.strip(), draft.due_on, draft.notes.strip()
        row.matter_id, row.assigned_to, row.updated_at = draft.matter_id, draft.assigned_to, now
        if done is not None and done != (row.done_at is not None):
            row.done_at = now if done else None
        if row.communication_id is not None:
            entry = session.get(CommunicationRow, row.communication_id)
            if entry is not None and draft.due_on is not None and draft.due_on >= to_local(entry.occurred_at).date():
                entry.follow_up_on = draft.due_on
        session.add(row)
        session.flush()
        return row.id


def set_done(store: Store, todo_ids: Iterable[int], done: bool) -> list[int]:
    """Tick (or untick) to-dos; returns the ids that changed, for an undo that changes just those back."""
    now = store.clock.utc_now()
    changed = []
    with store.write() as session:
        for todo_id in todo_ids:
            row = session.get(TodoRow, todo_id)
            if row is None or row.deleted_at is not None or (row.done_at is not None) == done:
                continue
            row.done_at, row.updated_at = (now if done else None), now
            changed.append(todo_id)
    return changed


def delete_todo(store: Store, todo_id: int) -> str:
    """Mark a to-do deleted (a follow-up's log entry loses its follow-up date); returns text for the undo."""
    with store.write() as session:
        row = session.get(TodoRow, todo_id)
        if row is None or row.deleted_at is not None:
            raise ValidationError("title", "That to-do was already deleted.")
        row.deleted_at = store.clock.utc_now()
        entry = session.get(CommunicationRow, row.communication_id) if row.communication_id else None
        if entry is not None:
            entry.follow_up_on = None
        return f"to-do “{row.title}”"


def restore_todo(store: Store, todo_id: int) -> None:
    with store.write() as session:
        row = session.get(TodoRow, todo_id)
        if row is None:
            raise ValidationError("title", GONE)
        row.deleted_at = None
        entry = session.get(CommunicationRow, row.communication_id) if row.communication_id else None
        if entry is not None:
            entry.follow_up_on = row.due_on


# --- follow-ups ------------------------------------------------------------------------------
def keep_follow_up(session: Session, entry: CommunicationRow, was_title: str | None, now: datetime) -> None:
    """Keep a log entry's to-do in step with its follow-up date, in the entry's own transaction.

    A date makes (or brings back) the to-do; a new date reopens one ticked done; no date deletes it. The text
    follows the entry unless the user rewrote it (`was_title`: the text the entry gave before this change).
    """
    row = session.scalar(select(TodoRow).where(TodoRow.communication_id == entry.id))
    if entry.follow_up_on is None:
        if row is not None and row.deleted_at is None:
            row.deleted_at = row.updated_at = now
        return
    title = follow_up_title(entry.kind, entry.with_whom, entry.subject)
    if row is None:
        session.add(TodoRow(matter_id=entry.matter_id, title=title, due_on=entry.follow_up_on,
                            communication_id=entry.id, notes="", created_at=now, updated_at=now))
        return
    if row.deleted_at is not None or row.due_on != entry.follow_up_on:
        row.done_at = None  # a new follow-up date is a new follow-up
    row.deleted_at, row.due_on, row.matter_id, row.updated_at = None, entry.follow_up_on, entry.matter_id, now
    if was_title is None or row.title == was_title:
        row.title = title


def follow_entry_deletion(session: Session, entry: CommunicationRow) -> None:
    """A log entry deleted (or restored): its to-do goes (or comes back) with it.

    One deleted on its own took the entry's follow-up date with it, so restoring the entry leaves it deleted.
    """
    row = session.scalar(select(TodoRow).where(TodoRow.communication_id == entry.id))
    if row is None:
        return
    if entry.deleted_at is not None and row.deleted_at is None:
        row.deleted_at = entry.deleted_at
    elif entry.deleted_at is None and row.deleted_at is not None and entry.follow_up_on is not None:
        row.deleted_at = None


def bring_in_follow_ups(session: Session, now: datetime, today: date) -> int:
    """Give every live log entry with a follow-up date and no to-do its to-do (the demo's entries); returns how many.

    As migration 0008 brought them in: one on a closed matter, or due STALE_DAYS before `today`, comes in done.
    """
    entries = session.scalars(select(CommunicationRow).where(
        CommunicationRow.follow_up_on.is_not(None), CommunicationRow.deleted_at.is_(None),
        ~select(TodoRow.id).where(TodoRow.communication_id == CommunicationRow.id).exists())).all()
    closed = set(session.scalars(select(MatterRow.id).where(MatterRow.status == "closed")))
    for entry in entries:
        keep_follow_up(session, entry, None, now)
    session.flush()
    stale_before = today - timedelta(days=STALE_DAYS)
    for row in session.scalars(select(TodoRow).where(TodoRow.communication_id.in_([e.id for e in entries]))):
        if row.matter_id in closed or row.due_on < stale_before:
            row.done_at = now
    return len(entries)
