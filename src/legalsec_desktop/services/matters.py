"""Opening matters (the Matters issue grows this into the full matter workflow)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from legalsec_desktop.db.models import ContactRow, FirmRow, MatterRow, PartyRow, TimekeeperRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.matters import NewMatter, format_matter_number, number_prefix, validate_new_matter


def next_matter_number(store: Store, today: date | None = None) -> str:
    """The next free number from the firm's pattern for this year."""
    year = (today or date.today()).year
    with store.read() as session:
        pattern = session.scalar(select(FirmRow.matter_number_pattern).where(FirmRow.id == 1)) or "{year}-{seq:04d}"
        prefix = number_prefix(pattern, year)
        taken = set(session.scalars(select(MatterRow.number).where(MatterRow.number.startswith(prefix, autoescape=True))))
    seq = len(taken) + 1
    while format_matter_number(pattern, year, seq) in taken:
        seq += 1
    return format_matter_number(pattern, year, seq)


def client_names(store: Store) -> list[str]:
    """Existing clients' names, for completion in the New Matter dialog."""
    with store.read() as session:
        query = select(ContactRow.name).where(ContactRow.is_client, ContactRow.deleted_at.is_(None)).order_by(ContactRow.sort_name)
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


def create_matter(store: Store, new: NewMatter) -> int:
    """Open a matter (and its client, if new) in one transaction; return the matter's id."""
    validate_new_matter(new)
    number, client_name = new.number.strip(), new.client_name.strip()
    with store.write() as session:
        if session.scalar(select(MatterRow.id).where(MatterRow.number == number)) is not None:
            raise ValidationError("number", f"Matter number {number} is already used. Choose another.")
        client = session.scalars(
            select(ContactRow).where(func.lower(ContactRow.name) == client_name.lower(), ContactRow.deleted_at.is_(None))
        ).first()
        if client is None:
            client = ContactRow(name=client_name, sort_name=client_name, is_client=True)
            session.add(client)
        client.is_client = True
        session.flush()
        matter = MatterRow(
            number=number, title=new.title.strip(), caption=new.title.strip() if " v. " in new.title else "",
            client_id=client.id, practice_area=new.practice_area.strip(), court=new.court.strip(),
            case_number=new.case_number.strip(), responsible_attorney_id=new.responsible_attorney_id,
            opened_on=new.opened_on, status="open",
        )
        session.add(matter)
        session.flush()
        session.add(PartyRow(matter_id=matter.id, contact_id=client.id, role="client"))
        return matter.id
