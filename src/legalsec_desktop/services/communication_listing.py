"""The correspondence register in SQL: every live log entry with its matter, its follow-up and its document."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from typing_extensions import Unpack

from sqlalchemy import ColumnElement, RowMapping, Select, and_, case, func, select

from legalsec_desktop.db.document_models import DocumentRow
from legalsec_desktop.db.models import CommunicationRow, MatterRow, TodoRow
from legalsec_desktop.domain.clock import from_local, to_local
from legalsec_desktop.domain.communications import DIRECTION_LABELS, KIND_LABELS, follow_up_text
from legalsec_desktop.services.rows import CommunicationFilters, CommunicationListRow


def communication_query(today: date) -> Select[Unpack[tuple[Any, ...]]]:
    """One row per entry. The follow-up's to-do and the filed document are each at most one (both keep the entry's
    id unique), found through those unique indexes; a deleted document or to-do counts as none."""
    return (
        select(
            CommunicationRow.id,
            CommunicationRow.occurred_at.label("occurred_at"),
            MatterRow.number.label("matter"),
            MatterRow.title.label("matter_title"),
            CommunicationRow.kind.label("kind"),
            CommunicationRow.direction.label("direction"),
            CommunicationRow.with_whom.label("with_whom"),
            CommunicationRow.subject.label("subject"),
            CommunicationRow.follow_up_on.label("follow_up"),
            func.coalesce(DocumentRow.title, "").label("document"),
            CommunicationRow.summary.label("summary"),
            TodoRow.done_at.is_not(None).label("done"),
            case((CommunicationRow.follow_up_on < today, True), else_=False).label("overdue"),
        )
        .outerjoin(MatterRow, MatterRow.id == CommunicationRow.matter_id)
        .outerjoin(TodoRow, and_(TodoRow.communication_id == CommunicationRow.id, TodoRow.deleted_at.is_(None)))
        .outerjoin(DocumentRow, and_(DocumentRow.communication_id == CommunicationRow.id,
                                     DocumentRow.deleted_at.is_(None)))
    )


def communication_row(row: RowMapping) -> CommunicationListRow:
    """Sorted by the stored instant; shown as wall-clock time in this computer's zone. No subject: the summary's
    first line, so that the register always says what an entry was about."""
    subject = row["subject"] or next(iter((row["summary"] or "").splitlines()), "")
    return CommunicationListRow(
        occurred_at=to_local(row["occurred_at"]), matter=row["matter"] or "", matter_title=row["matter_title"] or "",
        kind=KIND_LABELS.get(row["kind"], row["kind"]), direction=DIRECTION_LABELS.get(row["direction"], ""),
        with_whom=row["with_whom"], subject=subject,
        follow_up=follow_up_text(row["follow_up"], bool(row["done"]), bool(row["overdue"])),
        document=row["document"])


def communication_scope() -> ColumnElement[bool]:
    return CommunicationRow.deleted_at.is_(None)


def communication_conditions(filters: CommunicationFilters) -> list[ColumnElement[bool]]:
    """The filters in SQL; the days are this computer's, turned into the UTC instants the entries keep (so the
    index on occurred_at serves them)."""
    found: list[ColumnElement[bool]] = []
    if filters.kind is not None:
        found.append(CommunicationRow.kind == filters.kind)
    if filters.direction is not None:
        found.append(CommunicationRow.direction == filters.direction)
    if filters.matter_id is not None:
        found.append(CommunicationRow.matter_id == filters.matter_id)
    if filters.first is not None:
        found.append(CommunicationRow.occurred_at >= _instant(filters.first))
    if filters.last is not None:
        found.append(CommunicationRow.occurred_at < _instant(filters.last + timedelta(days=1)))
    if filters.open_follow_ups:
        found.append(and_(CommunicationRow.follow_up_on.is_not(None), TodoRow.done_at.is_(None)))
    return found


def _instant(day: date) -> datetime:
    """The start of a local day as the instant the store compares."""
    return from_local(datetime.combine(day, time()))


def communication_search() -> tuple[Any, ...]:
    return (CommunicationRow.search_key, MatterRow.search_key)
