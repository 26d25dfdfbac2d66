"""Timesheets (Excel) and LEDES 1998B invoices from the time entries of a period."""

from __future__ import annotations

from collections.abc import Callable, Generator
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session
from typing_extensions import Unpack
from typing import TypeAlias

from legalsec_desktop.db.models import ContactRow, FirmRow, MatterRow, TimekeeperRow, TimeEntryRow
from legalsec_desktop.db.plain_read import plain_batches, plain_date
from legalsec_desktop.db.store import Store
from legalsec_desktop.formats import ledes
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.firm import default_classification
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.domain.names import sort_name
from legalsec_desktop.domain.time_entries import BILLABLE_LABELS, STATUS_LABELS
from legalsec_desktop.formats.files import write_bytes_atomically
from legalsec_desktop.formats.timesheet_xlsx import SheetRow, SheetTitle, write_timesheet
from legalsec_desktop.services import lookups
from legalsec_desktop.services import billing_sql
from legalsec_desktop.services.time_entries import firm_increment

AnySelect: TypeAlias = "Select[Unpack[tuple[Any, ...]]]"
MAX_PERIOD_DAYS = 366 * 5


@dataclass(frozen=True)
class Scope:
    """Which entries: a period (inclusive), and optionally one timekeeper and one matter.

    The window names them by id. The command line names them as typed (initials, a matter number), and the
    service looks those up, saying plainly when nothing matches. Name each by one or the other.
    """

    first: date
    last: date
    timekeeper: str = ""  # initials, as typed
    matter: str = ""  # a matter number, as typed
    timekeeper_id: int | None = None
    matter_id: int | None = None
    billable_only: bool = False  # leave out no-charge and non-billable time
    final_only: bool = False  # leave out drafts (final and billed entries stay)


@dataclass(frozen=True)
class _Chosen:
    """The timekeeper and matter a scope names, found in the database."""

    keeper_id: int | None = None
    initials: str = ""
    matter_id: int | None = None
    number: str = ""

    @property
    def heading(self) -> str:
        return f"Timekeeper {self.initials}" if self.initials else (f"Matter {self.number}" if self.number else "")


def _heading(scope: Scope, chosen: _Chosen) -> str:
    """What the timesheet's header says it holds: "Timekeeper MAH — Billable time only — Final entries only"."""
    parts = (chosen.heading, "Billable time only" if scope.billable_only else "",
             "Final entries only" if scope.final_only else "")
    return " — ".join(part for part in parts if part)


def _keeper(session: Session, scope: Scope) -> tuple[int | None, str]:
    if scope.timekeeper_id is not None:
        initials = session.scalar(select(TimekeeperRow.initials).where(TimekeeperRow.id == scope.timekeeper_id))
        if initials is None:
            raise ValidationError("timekeeper", "That timekeeper no longer exists.")
        return scope.timekeeper_id, initials
    if not scope.timekeeper:
        return None, ""
    return lookups.timekeeper_by_initials(session, scope.timekeeper), scope.timekeeper.strip().upper()


def _matter(session: Session, scope: Scope) -> tuple[int | None, str]:
    if scope.matter_id is not None:
        number = session.scalar(select(MatterRow.number).where(MatterRow.id == scope.matter_id))
        if number is None:
            raise ValidationError("matter", "That matter no longer exists.")
        return scope.matter_id, number
    if not scope.matter:
        return None, ""
    return lookups.matter_by_number(session, scope.matter), scope.matter.strip()


def _check(session: Session, scope: Scope) -> _Chosen:
    if scope.last < scope.first:
        raise ValidationError("last", f"The period ends ({format_date(scope.last)}) before it starts "
                                      f"({format_date(scope.first)}).")
    if (scope.last - scope.first).days > MAX_PERIOD_DAYS:
        raise ValidationError("last", "A timesheet covers at most five years; choose a shorter period.")
    return _Chosen(*_keeper(session, scope), *_matter(session, scope))


def _sheet_columns() -> tuple[Any, ...]:
    """The columns of a timesheet row, in SheetRow's order."""
    return (TimeEntryRow.entry_date, TimekeeperRow.initials, TimekeeperRow.name.label("keeper_name"),
            ContactRow.name.label("client"), MatterRow.number, MatterRow.title,
            billing_sql.billed_minutes().label("billed"), TimeEntryRow.rate_cents,
            billing_sql.amount_cents().label("amount"), TimeEntryRow.billable, TimeEntryRow.status,
            TimeEntryRow.task_code, TimeEntryRow.activity_code, TimeEntryRow.narrative)


def _query(scope: Scope, chosen: _Chosen, ledes_columns: bool = True) -> AnySelect:
    """The entries of `scope` in timesheet order: the timesheet's columns (and, for LEDES, the timekeeper's)."""
    extra = (TimekeeperRow.classification, TimekeeperRow.id.label("keeper_id"),
             TimekeeperRow.is_attorney) if ledes_columns else ()
    query = (select(*_sheet_columns(), *extra)
             .join(TimekeeperRow, TimekeeperRow.id == TimeEntryRow.timekeeper_id)
             .join(MatterRow, MatterRow.id == TimeEntryRow.matter_id)
             .join(ContactRow, ContactRow.id == MatterRow.client_id)
             .where(TimeEntryRow.entry_date >= scope.first, TimeEntryRow.entry_date <= scope.last)
             .order_by(TimeEntryRow.entry_date, TimekeeperRow.initials, MatterRow.number, TimeEntryRow.id))
    if chosen.keeper_id is not None:
        query = query.where(TimeEntryRow.timekeeper_id == chosen.keeper_id)
    if chosen.matter_id is not None:
        query = query.where(TimeEntryRow.matter_id == chosen.matter_id)
    if scope.billable_only:
        query = query.where(TimeEntryRow.billable == "billable")
    if scope.final_only:
        query = query.where(TimeEntryRow.status != "draft")
    return query


def _sheet_rows(session: Session, scope: Scope, chosen: _Chosen) -> Generator[SheetRow, None, None]:
    """The timesheet's rows, read as the driver's plain tuples (a year of a large firm's time is 25,000 rows)."""
    to_date, billable_labels, status_labels = plain_date, BILLABLE_LABELS, STATUS_LABELS
    with closing(plain_batches(session, _query(scope, chosen, ledes_columns=False))) as batches:
        for batch in batches:
            for (day, initials, keeper_name, client, number, title, billed, rate_cents, amount, billable, status,
                 task_code, activity_code, narrative) in batch:
                yield SheetRow(to_date(day), initials, keeper_name, client, number, title, billed, rate_cents,
                               amount, billable_labels.get(billable, billable), status_labels.get(status, status),
                               task_code, activity_code, narrative)


def export_timesheet(store: Store, scope: Scope, path: Path,
                     progress: Callable[[int], bool] | None = None) -> tuple[Path, int]:
    """Write the timesheet workbook for `scope`; returns the path and how many entries it holds."""
    with store.read() as session:
        chosen = _check(session, scope)
        firm = session.get(FirmRow, 1)
        increment = firm_increment(session)
        odd = session.scalar(select(ContactRow.id).where(ContactRow.billing_increment_minutes.is_not(None),
                                                         ContactRow.billing_increment_minutes % 6 != 0).limit(1))
        title = SheetTitle(firm.name if firm else "", scope.first, scope.last, _heading(scope, chosen),
                           "0.00" if odd is not None or increment % 6 else "0.0", made_at=store.clock.now())
        with closing(_sheet_rows(session, scope, chosen)) as rows:  # a cancel leaves no statement open
            return write_timesheet(rows, title, Path(path), progress)


def sheet_rows(store: Store, scope: Scope) -> list[SheetRow]:
    """The rows a timesheet for `scope` holds (what the Detail sheet lists)."""
    with store.read() as session:
        return list(_sheet_rows(session, scope, _check(session, scope)))


# ---- LEDES ------------------------------------------------------------------------------------------------------

def ledes_invoice(store: Store, matter: int | str | None, first: date, last: date, invoice_number: str = "",
                  invoice_date: date | None = None, description: str = "For services rendered") -> str:
    """The LEDES 1998B file for one matter's fee entries in a period (see ledes_export)."""
    return ledes_export(store, matter, first, last, invoice_number, invoice_date, description)[0]


def ledes_export(store: Store, matter: int | str | None, first: date, last: date, invoice_number: str = "",
                 invoice_date: date | None = None, description: str = "For services rendered",
                 ) -> tuple[str, list[str]]:
    """The LEDES 1998B file for one matter's fee entries in a period (no-charge time shows discounted to 0), and
    the warnings about what was changed to fit the format (a timekeeper name cut to 30 characters).

    `matter` is the matter's id, or its number as typed (None or blank: none was chosen). The firm's taxpayer ID
    is required (the LAW_FIRM_ID field).
    """
    if matter is None or (isinstance(matter, str) and not matter.strip()):
        raise ValidationError("matter", "Name the matter to invoice.")
    scope = Scope(first, last, matter=matter) if isinstance(matter, str) else Scope(first, last, matter_id=matter)
    with store.read() as session:
        chosen = _check(session, scope)
        matter_row = session.get(MatterRow, chosen.matter_id)
        assert matter_row is not None  # _check found it in this transaction
        client = session.get(ContactRow, matter_row.client_id)
        assert client is not None  # a matter's client is a foreign key
        firm = session.get(FirmRow, 1)
        lines = []
        for row in session.execute(_query(scope, chosen)):
            if row.billable == "non-billable":
                continue
            lines.append(ledes.FeeLine(row.entry_date, row.billed, row.rate_cents, row.amount, row.task_code,
                                       row.activity_code, str(row.keeper_id), sort_name(row.keeper_name, False),
                                       row.classification or default_classification(row.is_attorney),
                                       row.narrative))
        invoice = ledes.Invoice(
            invoice_date=invoice_date or store.clock.today(),
            number=invoice_number.strip() or f"{matter_row.number}-{last:%Y%m}"[:ledes.ID_LIMIT],
            client_id=client.billing_id or f"C{client.id:05d}", matter_id=matter_row.number, start=first, end=last,
            description=description, law_firm_id=firm.tax_id if firm else "",
            client_matter_id=matter_row.client_matter_id, lines=tuple(lines))
    if not lines:
        raise ValidationError("matter", f"Matter {chosen.number} has no billable time from {format_date(first)} to "
                                        f"{format_date(last)}.")
    warnings: list[str] = []
    return ledes.render([invoice], warnings), warnings


def write_ledes(text: str, path: Path) -> Path:
    """Save a LEDES file made by ledes_invoice (an earlier file survives any failure)."""
    return write_bytes_atomically(Path(path), text.encode("ascii"))
