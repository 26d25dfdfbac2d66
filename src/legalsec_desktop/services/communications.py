"""The communication log of a matter, and the time entry a logged call can turn into."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from legalsec_desktop.db.document_models import DocumentRow
from legalsec_desktop.db.models import CommunicationRow, MatterRow, TimekeeperRow, TodoRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import from_local, skipped_locally, to_local
from legalsec_desktop.domain.communications import KIND_LABELS, CommunicationDraft, validate_communication
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.domain.time_entries import TimeDraft
from legalsec_desktop.domain.todos import follow_up_title
from legalsec_desktop.services import time_entries, todos
from legalsec_desktop.services.rows import LogEntry


@dataclass(frozen=True)
class TimeForEntry:
    """Time to record along with a logged communication."""

    timekeeper_id: int
    minutes: int
    narrative: str


def _check_time(time: TimeForEntry) -> None:
    if time.minutes <= 0:
        raise ValidationError("minutes", "A duration must be more than zero.")
    if time.minutes > 24 * 60:
        raise ValidationError("minutes", "A single entry cannot be longer than 24 hours.")
    if not time.narrative.strip():
        raise ValidationError("narrative", "Enter a narrative for the time entry.")


def stored_instant(local: datetime) -> datetime:
    """The typed wall-clock time of an entry (this computer's zone) as the UTC instant it is kept as.

    A time the clocks skip is refused; one they pass twice is the earlier of the two (see domain.clock.from_local).
    """
    local = local.replace(second=0, microsecond=0)
    if skipped_locally(local):
        when = f"{format_clock(local)} on {format_date(local.date())}"
        raise ValidationError("occurred_at", f"{when} does not exist on this computer's clock: the clocks spring "
                                             "forward an hour that night. Pick a time outside the skipped hour.")
    return from_local(local)


def save_communication(store: Store, draft: CommunicationDraft, entry_id: int | None = None,
                       time: TimeForEntry | None = None) -> tuple[int, int | None]:
    """Log (or update) an entry, with its time entry if asked, in one transaction: (entry id, time entry id).

    Its follow-up date is a to-do too (services.todos): made, moved or removed here, in the same transaction.
    """
    checked_entry(draft, time)
    with store.write() as session:
        return log_in(session, store.clock.utc_now(), draft, entry_id, time)


def checked_entry(draft: CommunicationDraft, time: TimeForEntry | None = None) -> datetime:
    """ValidationError when the entry (or its time) cannot be logged; else the UTC instant it happened."""
    validate_communication(draft)
    occurred_at = stored_instant(draft.occurred_at)
    if time is not None:
        _check_time(time)
    return occurred_at


def log_in(session: Session, now: datetime, draft: CommunicationDraft, entry_id: int | None = None,
           time: TimeForEntry | None = None) -> tuple[int, int | None]:
    """save_communication's work in the caller's transaction (`now`: the UTC instant of the change), so that
    another action (a letter filed) and its log entry are one: (entry id, time entry id)."""
    occurred_at = checked_entry(draft, time)
    matter = session.get(MatterRow, draft.matter_id)
    if matter is None:
        raise ValidationError("matter_id", "That matter no longer exists.")
    row = CommunicationRow() if entry_id is None else session.get(CommunicationRow, entry_id)
    if row is None:
        raise ValidationError("subject", "That log entry no longer exists.")
    was_title = follow_up_title(row.kind, row.with_whom, row.subject) if entry_id is not None else None
    row.matter_id, row.kind, row.direction = matter.id, draft.kind, draft.direction
    row.occurred_at = occurred_at
    row.with_whom, row.subject, row.summary = draft.with_whom.strip(), draft.subject.strip(), draft.summary.strip()
    row.follow_up_on = draft.follow_up_on
    session.add(row)
    session.flush()
    todos.keep_follow_up(session, row, was_title, now)
    time_id = None
    if time is not None:
        if session.get(TimekeeperRow, time.timekeeper_id) is None:
            raise ValidationError("timekeeper", "Choose who the time is for.")
        rate = time_entries.terms_in(session, time.timekeeper_id, matter.id).rate_cents
        time_id = time_entries.save_in(session, TimeDraft(draft.occurred_at.date(), time.timekeeper_id, matter.id,
                                                          time.minutes, rate, narrative=time.narrative))
    return row.id, time_id


def load_communication(store: Store, entry_id: int) -> CommunicationDraft:
    with store.read() as session:
        row = session.get(CommunicationRow, entry_id)
        if row is None:
            raise ValidationError("subject", "That log entry no longer exists.")
        return CommunicationDraft(row.matter_id, row.kind, row.direction, to_local(row.occurred_at), row.with_whom,
                                  row.subject, row.summary, row.follow_up_on)


def delete_communication(store: Store, entry_id: int) -> str:
    """Mark a log entry deleted; returns a short description for the undo text."""
    with store.write() as session:
        row = session.get(CommunicationRow, entry_id)
        if row is None or row.deleted_at is not None:
            raise ValidationError("subject", "That log entry was already deleted.")
        row.deleted_at = store.clock.utc_now()
        todos.follow_entry_deletion(session, row)
        return f"{KIND_LABELS.get(row.kind, row.kind).lower()} with {row.with_whom}"


def restore_communication(store: Store, entry_id: int) -> None:
    with store.write() as session:
        row = session.get(CommunicationRow, entry_id)
        if row is None:
            raise ValidationError("subject", "That log entry no longer exists.")
        row.deleted_at = None
        todos.follow_entry_deletion(session, row)


def matter_log(store: Store, matter_id: int) -> list[LogEntry]:
    """A matter's log, newest first; times in local wall-clock time, the summary's first line for no subject."""
    with store.read() as session:
        rows = session.execute(
            select(CommunicationRow.id, CommunicationRow.occurred_at, CommunicationRow.kind, CommunicationRow.direction,
                   CommunicationRow.with_whom, CommunicationRow.subject, CommunicationRow.summary,
                   CommunicationRow.follow_up_on, TodoRow.done_at.is_not(None))
            .outerjoin(TodoRow, and_(TodoRow.communication_id == CommunicationRow.id, TodoRow.deleted_at.is_(None)))
            .where(CommunicationRow.matter_id == matter_id, CommunicationRow.deleted_at.is_(None))
            .order_by(CommunicationRow.occurred_at.desc(), CommunicationRow.id.desc())
        ).all()
    return [LogEntry(r[0], to_local(r[1]), r[2], r[3], r[4], r[5] or (r[6].splitlines() or [""])[0], r[7], bool(r[8]))
            for r in rows]



@dataclass(frozen=True)
class EntryDocument:
    """The document filed with a log entry: an e-mail filed from the inbox, a letter drafted from a template."""

    document_id: int
    title: str


def entry_document(store: Store, entry_id: int) -> EntryDocument | None:
    """The live document whose log entry this is; None when it has none (a call, a meeting, a typed note)."""
    with store.read() as session:
        found = session.execute(select(DocumentRow.id, DocumentRow.title).where(
            DocumentRow.communication_id == entry_id, DocumentRow.deleted_at.is_(None))).first()
    return EntryDocument(found[0], found[1]) if found is not None else None


def entry_matter(store: Store, entry_id: int) -> int | None:
    """The matter of a log entry (None when the entry is gone)."""
    with store.read() as session:
        return session.scalar(select(CommunicationRow.matter_id).where(CommunicationRow.id == entry_id))


def has_entries(store: Store) -> bool:
    """Whether any matter has a live log entry (the register's empty state, as against a filter that finds none)."""
    with store.read() as session:
        return session.scalar(select(CommunicationRow.id).where(CommunicationRow.deleted_at.is_(None))
                              .limit(1)) is not None
