"""Timesheets (Excel) and LEDES 1998B invoices from the time entries of a period."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import ContactRow, FirmRow, MatterRow, TimekeeperRow, TimeEntryRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.formats import ledes
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.domain.names import sort_name
from legalsec_desktop.domain.time_entries import BILLABLE_LABELS, STATUS_LABELS
from legalsec_desktop.formats.files import write_bytes_atomically
from legalsec_desktop.formats.timesheet_xlsx import SheetRow, SheetTitle, write_timesheet
from legalsec_desktop.services import billing_sql
from legalsec_desktop.services.time_entries import firm_increment

MAX_PERIOD_DAYS = 366 * 5


@dataclass(frozen=True)
class Scope:
    """Which entries: a period (inclusive), and optionally one timekeeper (initials) or matter (number)."""

    first: date
    last: date
    timekeeper: str = ""
    matter: str = ""


def _check(session: Session, scope: Scope) -> tuple[int | None, int | None]:
    if scope.last < scope.first:
        raise ValidationError("last", f"The period ends ({format_date(scope.last)}) before it starts "
                                      f"({format_date(scope.first)}).")
    if (scope.last - scope.first).days > MAX_PERIOD_DAYS:
        raise ValidationError("last", "A timesheet covers at most five years; choose a shorter period.")
    keeper_id = matter_id = None
    if scope.timekeeper:
        keeper_id = session.scalar(select(TimekeeperRow.id).where(TimekeeperRow.initials == scope.timekeeper.upper()))
        if keeper_id is None:
            known = ", ".join(session.scalars(select(TimekeeperRow.initials).order_by(TimekeeperRow.initials)))
            raise ValidationError("timekeeper", f"No timekeeper has the initials “{scope.timekeeper}”. "
                                                f"Known initials: {known or 'none'}.")
    if scope.matter:
        matter_id = session.scalar(select(MatterRow.id).where(MatterRow.number == scope.matter.strip()))
        if matter_id is None:
            raise ValidationError("matter", f"There is no matter numbered “{scope.matter}”.")
    return keeper_id, matter_id


def _query(scope: Scope, keeper_id: int | None, matter_id: int | None):  # noqa: ANN202 - a Select
    query = (select(TimeEntryRow.entry_date, TimekeeperRow.initials, TimekeeperRow.name, ContactRow.name,
                    MatterRow.number, MatterRow.title, billing_sql.billed_minutes(), TimeEntryRow.rate_cents,
                    billing_sql.amount_cents(), TimeEntryRow.billable, TimeEntryRow.status, TimeEntryRow.task_code,
                    TimeEntryRow.activity_code, TimeEntryRow.narrative, TimekeeperRow.classification,
                    TimekeeperRow.id, TimekeeperRow.is_attorney)
             .join(TimekeeperRow, TimekeeperRow.id == TimeEntryRow.timekeeper_id)
             .join(MatterRow, MatterRow.id == TimeEntryRow.matter_id)
             .join(ContactRow, ContactRow.id == MatterRow.client_id)
             .where(TimeEntryRow.entry_date >= scope.first, TimeEntryRow.entry_date <= scope.last)
             .order_by(TimeEntryRow.entry_date, TimekeeperRow.initials, MatterRow.number, TimeEntryRow.id))
    if keeper_id is not None:
        query = query.where(TimeEntryRow.timekeeper_id == keeper_id)
    if matter_id is not None:
        query = query.where(TimeEntryRow.matter_id == matter_id)
    return query


def _sheet_rows(session: Session, scope: Scope, keeper_id: int | None, matter_id: int | None) -> Iterator[SheetRow]:
    for (day, initials, name, client, number, title, billed, rate, amount, billable, status, task, activity,
         narrative, *_rest) in session.execute(_query(scope, keeper_id, matter_id)).yield_per(2000):
        yield SheetRow(day, initials, name, client, number, title, billed, rate, amount,
                       BILLABLE_LABELS.get(billable, billable), STATUS_LABELS.get(status, status), task, activity,
                       narrative)


def export_timesheet(store: Store, scope: Scope, path: Path,
                     progress: Callable[[int], bool] | None = None) -> tuple[Path, int]:
    """Write the timesheet workbook for `scope`; returns the path and how many entries it holds."""
    with store.read() as session:
        keeper_id, matter_id = _check(session, scope)
        firm = session.get(FirmRow, 1)
        increment = firm_increment(session)
        odd = session.scalar(select(ContactRow.id).where(ContactRow.billing_increment_minutes.is_not(None),
                                                         ContactRow.billing_increment_minutes % 6 != 0).limit(1))
        title = SheetTitle(firm.name if firm else "", scope.first, scope.last,
                           f"Timekeeper {scope.timekeeper.upper()}" if scope.timekeeper else
                           (f"Matter {scope.matter}" if scope.matter else ""),
                           "0.00" if odd is not None or increment % 6 else "0.0", made_at=store.clock.now())
        return write_timesheet(_sheet_rows(session, scope, keeper_id, matter_id), title, Path(path), progress)


def sheet_rows(store: Store, scope: Scope) -> list[SheetRow]:
    """The rows a timesheet for `scope` holds (what the Detail sheet lists)."""
    with store.read() as session:
        keeper_id, matter_id = _check(session, scope)
        return list(_sheet_rows(session, scope, keeper_id, matter_id))


# ---- LEDES ------------------------------------------------------------------------------------------------------

DEFAULT_CLASSIFICATION = {True: "ATTY", False: "PARLGL"}


def ledes_invoice(store: Store, matter_number: str, first: date, last: date, invoice_number: str = "",
                  invoice_date: date | None = None, description: str = "For services rendered") -> str:
    """The LEDES 1998B file for one matter's fee entries in a period (no-charge time shows discounted to 0)."""
    if not matter_number.strip():
        raise ValidationError("matter", "Name the matter to invoice.")
    scope = Scope(first, last, matter=matter_number)
    with store.read() as session:
        keeper_id, matter_id = _check(session, scope)
        matter = session.get(MatterRow, matter_id)
        client = session.get(ContactRow, matter.client_id)
        firm = session.get(FirmRow, 1)
        lines = []
        for (day, _initials, name, _client, _number, _title, billed, rate, amount, billable, _status, task, activity,
             narrative, classification, keeper, is_attorney) in session.execute(
                 _query(scope, keeper_id, matter_id)):
            if billable == "non-billable":
                continue
            lines.append(ledes.FeeLine(day, billed, rate, amount, task, activity, str(keeper),
                                       sort_name(name, False), classification or DEFAULT_CLASSIFICATION[is_attorney],
                                       narrative))
        invoice = ledes.Invoice(
            invoice_date=invoice_date or store.clock.today(),
            number=invoice_number.strip() or f"{matter.number}-{last:%Y%m}"[:ledes.ID_LIMIT],
            client_id=client.billing_id or f"C{client.id:05d}", matter_id=matter.number, start=first, end=last,
            description=description, law_firm_id=firm.tax_id if firm else "",
            client_matter_id=matter.client_matter_id, lines=tuple(lines))
    if not lines:
        raise ValidationError("matter", f"Matter {matter_number} has no billable time from {format_date(first)} to "
                                        f"{format_date(last)}.")
    return ledes.render([invoice])


def write_ledes(text: str, path: Path) -> Path:
    """Save a LEDES file made by ledes_invoice (an earlier file survives any failure)."""
    return write_bytes_atomically(Path(path), text.encode("ascii"))
