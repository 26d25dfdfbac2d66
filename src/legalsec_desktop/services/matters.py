"""Opening, editing and closing matters, and what the detail pane shows about one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import (
    CommunicationRow,
    ContactRow,
    EventRow,
    FirmRow,
    MatterRow,
    PartyRow,
    TimekeeperRow,
    TimeEntryRow,
)
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import MEDIA
from legalsec_desktop.domain.matters import (
    DEADLINE_KINDS,
    MatterDraft,
    format_matter_number,
    number_prefix,
    validate_matter,
)
from legalsec_desktop.services import billing_sql, contacts, matter_sol, retention, todos
from legalsec_desktop.services.rows import FileLocation, OpenDeadline, TodoItem, UpcomingEvent


def next_matter_number(store: Store, today: date | None = None) -> str:
    """The next free number from the firm's pattern for this year."""
    year = (today or store.clock.today()).year
    with store.read() as session:
        pattern = session.scalar(select(FirmRow.matter_number_pattern).where(FirmRow.id == 1)) or "{year}-{seq:04d}"
        prefix = number_prefix(pattern, year)
        taken = set(session.scalars(select(MatterRow.number)
                                    .where(MatterRow.number.startswith(prefix, autoescape=True))))
    seq = len(taken) + 1
    while format_matter_number(pattern, year, seq) in taken:
        seq += 1
    return format_matter_number(pattern, year, seq)


def client_names(store: Store) -> list[str]:
    """Existing clients' names, for completion in the matter dialog."""
    with store.read() as session:
        query = (select(ContactRow.name).where(ContactRow.is_client, ContactRow.deleted_at.is_(None))
                 .order_by(ContactRow.sort_name))
        return list(session.scalars(query))


def attorneys(store: Store) -> list[tuple[int, str]]:
    """(id, 'Name (INI)') of the active timekeepers, attorneys first."""
    with store.read() as session:
        rows = session.execute(
            select(TimekeeperRow.id, TimekeeperRow.name, TimekeeperRow.initials)
            .where(TimekeeperRow.active)
            .order_by(TimekeeperRow.is_attorney.desc(), TimekeeperRow.name)
        ).all()
    return [(row.id, f"{row.name} ({row.initials})") for row in rows]


def _find_or_add_contact(session: Session, name: str, client: bool = False) -> ContactRow:
    """The live contact of that exact name (any case, any script), or a new one: a person or an organisation
    as the words of the name say, a person's "Last, First" kept as "First Last"."""
    found = contacts.new_or_same_contact(session, name, clients_first=True)
    if client:
        found.is_client = True
    session.flush()
    return found


def _check_number_free(session: Session, number: str, matter_id: int | None) -> None:
    used = session.scalar(select(MatterRow.id).where(MatterRow.number == number))
    if used is not None and used != matter_id:
        raise ValidationError("number", f"Matter number {number} is already used. Choose another.")


def _apply(row: MatterRow, draft: MatterDraft) -> None:
    row.number, row.title = draft.number.strip(), draft.title.strip()
    row.caption = draft.caption.strip() or (row.title if " v. " in row.title and not row.caption else row.caption)
    for key in ("practice_area", "court", "case_number", "judge", "jurisdiction", "sol_note", "notes"):
        setattr(row, key, getattr(draft, key).strip())
    row.responsible_attorney_id = draft.responsible_attorney_id
    row.opened_on, row.closed_on, row.status = draft.opened_on, draft.closed_on, draft.status
    row.sol_date, row.rate_override_cents = draft.sol_date, draft.rate_override_cents
    row.uses_utbms, row.client_matter_id = draft.uses_utbms, draft.client_matter_id.strip()


def create_matter(store: Store, draft: MatterDraft) -> int:
    """Open a matter with its client (new or existing) and any opposing parties, in one transaction; a limitation
    date goes on the calendar (services.matter_sol)."""
    validate_matter(draft)
    with store.write() as session:
        _check_number_free(session, draft.number.strip(), None)
        client = _find_or_add_contact(session, draft.client_name, client=True)
        matter = MatterRow(client_id=client.id)
        _apply(matter, draft)
        session.add(matter)
        session.flush()
        matter_sol.sync(session, matter, store.clock.now(), store.clock.utc_now())
        session.add(PartyRow(matter_id=matter.id, contact_id=client.id, role="client"))
        added = {client.id}
        for name in draft.adverse_names:
            if name.strip():
                contact = _find_or_add_contact(session, name)
                if contact.id not in added:
                    added.add(contact.id)
                    session.add(PartyRow(matter_id=matter.id, contact_id=contact.id, role="opposing party"))
        return matter.id


def load_matter(store: Store, matter_id: int) -> MatterDraft:
    with store.read() as session:
        row = session.get(MatterRow, matter_id)
        if row is None:
            raise ValidationError("number", "That matter no longer exists.")
        client = session.get(ContactRow, row.client_id)
        return MatterDraft(
            number=row.number, title=row.title, client_name=client.name if client else "", opened_on=row.opened_on,
            responsible_attorney_id=row.responsible_attorney_id, practice_area=row.practice_area, court=row.court,
            case_number=row.case_number, caption=row.caption, judge=row.judge, jurisdiction=row.jurisdiction,
            status=row.status, closed_on=row.closed_on, sol_date=row.sol_date, sol_note=row.sol_note,
            rate_override_cents=row.rate_override_cents, notes=row.notes, uses_utbms=row.uses_utbms,
            client_matter_id=row.client_matter_id,
        )


def update_matter(store: Store, matter_id: int, draft: MatterDraft) -> None:
    """Save the edited matter; a different client name moves the matter to that (new or existing) client. The
    calendar item of its limitation date follows the date (made, moved or removed). Closing goes through
    services.closing; reopening here stops its files' retention, and a corrected closing date moves their dates."""
    validate_matter(draft)
    with store.write() as session:
        row = session.get(MatterRow, matter_id)
        if row is None:
            raise ValidationError("number", "That matter no longer exists (it may have been restored from a backup).")
        if draft.status == "closed" and row.status != "closed":
            raise ValidationError("status", "A matter is closed through its closing checklist: Matters ▸ Close "
                                            "Matter….")
        was_closed, was_closed_on = row.status == "closed", row.closed_on
        apply_edits(session, store, row, draft)
        if was_closed and draft.status != "closed":
            retention.reopen_files(session, store, row)
        elif was_closed and draft.closed_on != was_closed_on:
            retention.redate_files(session, store, row)


def apply_edits(session: Session, store: Store, row: MatterRow, draft: MatterDraft) -> None:
    """Puts an edited matter into its row (a new client name moves it to that client); for update_matter and for
    closing, which saves the matter dialog's edits in the same transaction."""
    matter_id = row.id
    _check_number_free(session, draft.number.strip(), matter_id)
    current = session.get(ContactRow, row.client_id)
    if current is None or current.name.casefold() != " ".join(draft.client_name.split()).casefold():
        client = _find_or_add_contact(session, draft.client_name, client=True)
        party = session.scalars(select(PartyRow).where(
            PartyRow.matter_id == matter_id, PartyRow.role == "client",
            PartyRow.contact_id == row.client_id)).first()
        if party is not None:
            party.contact_id = client.id
        else:
            session.add(PartyRow(matter_id=matter_id, contact_id=client.id, role="client"))
        row.client_id = client.id
    old_note = row.sol_note
    _apply(row, draft)
    matter_sol.sync(session, row, store.clock.now(), store.clock.utc_now(), old_note)


def open_deadlines(store: Store, matter_id: int) -> list[OpenDeadline]:
    """The matter's deadlines that are still scheduled, earliest first: closing should ask first."""
    with store.read() as session:
        rows = session.execute(
            select(EventRow.on_date, EventRow.kind, EventRow.title)
            .where(EventRow.matter_id == matter_id, EventRow.kind.in_(DEADLINE_KINDS), EventRow.status == "scheduled")
            .order_by(EventRow.on_date)
        ).all()
    return [OpenDeadline(on_date, kind, title) for on_date, kind, title in rows]


def matter_choices(store: Store, include_closed: bool = False) -> list[tuple[int, str]]:
    """(id, 'number — title') of every open or pending matter, newest first, for pickers.

    With `include_closed`, closed matters follow, marked "(closed)".
    """
    query = select(MatterRow.id, MatterRow.number, MatterRow.title, MatterRow.status)
    if not include_closed:
        query = query.where(MatterRow.status != "closed")
    with store.read() as session:
        rows = session.execute(query.order_by(MatterRow.status == "closed", MatterRow.number.desc())).all()
    return [(r[0], f"{r[1]} — {r[2]}" + (" (closed)" if r[3] == "closed" else "")) for r in rows]


def matter_clients(store: Store) -> dict[int, str]:
    """Each matter's client name, by matter id: what a picker also finds a matter by."""
    query = select(MatterRow.id, ContactRow.name).join(ContactRow, ContactRow.id == MatterRow.client_id)
    with store.read() as session:
        return {row[0]: row[1] or "" for row in session.execute(query)}


# --- what the detail pane shows ------------------------------------------------------------
@dataclass(frozen=True)
class MatterSummary:
    id: int
    draft: MatterDraft
    client_id: int
    client_phone: str
    client_email: str
    attorney: str
    upcoming: list[UpcomingEvent]
    overdue: int
    time_minutes: int  # billed minutes (each entry rounded up to its increment), as the Time tab shows them
    unbilled_cents: int
    time_entries: int
    files: list[FileLocation]
    communications: int
    follow_ups: int  # open follow-ups of the log, due any day (overdue ones included)
    follow_ups_overdue: int = 0
    todos: tuple[TodoItem, ...] = ()  # the matter's open to-dos, by due date
    closed_number: str = ""  # its closed-file number ('C-2026-0001'), kept if it was reopened


def matter_summary(store: Store, matter_id: int, today: date | None = None) -> MatterSummary:
    from legalsec_desktop.services import volumes  # loads the conflict matcher: when first needed, not at start-up

    today = today or store.clock.today()
    draft = load_matter(store, matter_id)
    with store.read() as session:
        row = session.get(MatterRow, matter_id)
        if row is None:  # as in load_matter above
            raise ValidationError("number", "That matter no longer exists.")
        client = session.get(ContactRow, row.client_id)
        lawyer = session.get(TimekeeperRow, row.responsible_attorney_id) if row.responsible_attorney_id else None
        upcoming = session.execute(
            select(EventRow.on_date, EventRow.start_utc, EventRow.tz, EventRow.kind, EventRow.title, EventRow.status)
            .where(EventRow.matter_id == matter_id, EventRow.on_date >= today, EventRow.status == "scheduled")
            .order_by(EventRow.on_date, EventRow.start_utc).limit(8)
        ).all()
        overdue = session.scalar(select(func.count()).select_from(EventRow).where(
            EventRow.matter_id == matter_id, EventRow.on_date < today, EventRow.status == "scheduled")) or 0
        # The one billing rule, in SQL: the client's increment, else the firm's.
        time_count, time_minutes, unbilled = session.execute(
            select(func.count(), func.coalesce(func.sum(billing_sql.billed_minutes()), 0),
                   func.coalesce(func.sum(case((TimeEntryRow.status != "billed", billing_sql.amount_cents()),
                                               else_=0)), 0))
            .select_from(TimeEntryRow).join(MatterRow, MatterRow.id == TimeEntryRow.matter_id)
            .outerjoin(ContactRow, ContactRow.id == MatterRow.client_id)
            .where(TimeEntryRow.matter_id == matter_id)).one()
        live = (CommunicationRow.matter_id == matter_id, CommunicationRow.deleted_at.is_(None))
        communications = session.scalar(select(func.count()).select_from(CommunicationRow).where(*live)) or 0
        follow_ups, follow_ups_overdue = todos.follow_ups_due(session, matter_id, today)
    return MatterSummary(
        id=matter_id, draft=draft, client_id=row.client_id, client_phone=client.phone if client else "",
        client_email=client.email if client else "", attorney=f"{lawyer.name} ({lawyer.initials})" if lawyer else "",
        upcoming=[UpcomingEvent(on_date, start_utc, tz, kind, title, status) for on_date, start_utc, tz, kind, title,
                  status in upcoming], overdue=overdue,
        time_minutes=time_minutes, unbilled_cents=unbilled, time_entries=time_count,
        files=[FileLocation(v.label, MEDIA.get(v.medium, v.medium), v.where, v.barcode, v.status)
               for v in volumes.matter_volumes(store, matter_id)],
        communications=communications, follow_ups=follow_ups, follow_ups_overdue=follow_ups_overdue,
        todos=tuple(todos.matter_todos(store, matter_id, include_done=False)), closed_number=row.closed_number or "",
    )
