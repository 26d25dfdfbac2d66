"""Files to bring back: those out past (or by) a due-back date, as Needs attention and the docket's To do list them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from legalsec_desktop.db.models import ContactRow, FileRecordRow, MatterRow, TimekeeperRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.formatting import format_date

Keeper = aliased(TimekeeperRow)
Responsible = aliased(TimekeeperRow)


@dataclass(frozen=True)
class FileToReturn:
    """A checked-out file due back: who has it, and whose list it goes on."""

    file_id: int
    barcode: str
    label: str
    matter_id: int
    matter_number: str
    client: str
    out_to: str
    out_on: date | None
    due_back_on: date
    keeper: str  # the initials of the timekeeper who has it; '' for a typed name ("Court reporter")
    attorney_id: int | None  # whose it is to chase: the attorney who has it, else the matter's responsible one
    attorney: str  # that attorney's initials

    def overdue(self, today: date) -> bool:
        return self.due_back_on < today

    def text(self, with_matter: bool = True) -> str:
        """'Return file F000123 'Pleadings vol. 2' (2024-0012 Smith) — out to Court reporter since …, due back …'."""
        named = " ".join(part for part in (self.matter_number, self.client) if part)
        matter = f" ({named})" if with_matter and named else ""
        since = f" since {format_date(self.out_on)}" if self.out_on is not None else ""
        return (f"Return file {self.barcode} '{self.label}'{matter} — out to {self.out_to}{since}, "
                f"due back {format_date(self.due_back_on)}")


def files_to_return(store: Store, before: date, *, attorney_id: int | None = None,
                    matter_id: int | None = None) -> list[FileToReturn]:
    """Files checked out and due back before `before` (today: the overdue ones), the longest overdue first.

    With `attorney_id`, only those on that attorney's list: out to them, or out to someone who is not an attorney
    (a paralegal, a court reporter) on a matter they are responsible for."""
    query = (select(FileRecordRow.id, FileRecordRow.barcode, FileRecordRow.label, FileRecordRow.matter_id,
                    MatterRow.number, func.coalesce(ContactRow.name, ""), FileRecordRow.out_to, FileRecordRow.out_at,
                    FileRecordRow.due_back_on, Keeper.id, func.coalesce(Keeper.initials, ""), Keeper.is_attorney,
                    Responsible.id, func.coalesce(Responsible.initials, ""))
             .join(MatterRow, MatterRow.id == FileRecordRow.matter_id)
             .outerjoin(ContactRow, ContactRow.id == MatterRow.client_id)
             .outerjoin(Keeper, Keeper.id == FileRecordRow.out_timekeeper_id)
             .outerjoin(Responsible, Responsible.id == MatterRow.responsible_attorney_id)
             .where(FileRecordRow.destroyed_at.is_(None), FileRecordRow.out_to != "",
                    FileRecordRow.due_back_on.is_not(None), FileRecordRow.due_back_on < before)
             .order_by(FileRecordRow.due_back_on, FileRecordRow.barcode))
    if matter_id is not None:
        query = query.where(FileRecordRow.matter_id == matter_id)
    found = []
    with store.read() as session:
        for (file_id, barcode, label, matter, number, client, out_to, out_at, due, keeper_id, keeper, keeper_is_lawyer,
             responsible_id, responsible) in session.execute(query):
            assert due is not None  # the query asks for a due-back date
            lawyer_has_it = keeper_id is not None and bool(keeper_is_lawyer)
            chaser_id, chaser = (keeper_id, keeper) if lawyer_has_it else (responsible_id, responsible)
            if attorney_id is not None and chaser_id != attorney_id:
                continue
            out_on = to_local(out_at).date() if out_at is not None else None
            found.append(FileToReturn(file_id, barcode, label, matter, number, client, out_to, out_on, due, keeper,
                                      chaser_id, chaser))
    return found
