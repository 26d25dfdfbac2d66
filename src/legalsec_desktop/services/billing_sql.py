"""The one billing rule in SQL: the numbers of domain.billing, worked out by the database.

Lists sort by them, totals add them up and exports read them, so what a cell shows, what a column
sorts by and what a total adds are the same number (a test holds the SQL to the Python rule).
Plain SQLAlchemy Core: integer arithmetic that SQLite and PostgreSQL compute alike.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, case, func, literal, select

from legalsec_desktop.db.models import ContactRow, FirmRow, TimeEntryRow
from legalsec_desktop.domain.firm import DEFAULT_INCREMENT_MINUTES



def increment() -> ColumnElement[Any]:
    """An entry's billing increment: its client's, else the firm's, else six minutes (needs ContactRow joined)."""
    firm = select(FirmRow.billing_increment_minutes).where(FirmRow.id == 1).scalar_subquery()
    return func.coalesce(func.nullif(ContactRow.billing_increment_minutes, 0), func.nullif(firm, 0),
                         literal(DEFAULT_INCREMENT_MINUTES, Integer), type_=Integer)


def billed_minutes(step: ColumnElement[Any] | None = None) -> ColumnElement[Any]:
    """Worked minutes rounded up to the increment (billing.billed_minutes)."""
    step = increment() if step is None else step
    minutes = TimeEntryRow.minutes
    return case((minutes <= 0, 0), else_=((minutes + step - 1) // step) * step)


def amount_cents(step: ColumnElement[Any] | None = None) -> ColumnElement[Any]:
    """What an entry bills in cents: billed minutes × rate, halves up; 0 unless billable (entry_amount)."""
    return case((TimeEntryRow.billable == "billable", (billed_minutes(step) * TimeEntryRow.rate_cents + 30) // 60),
                else_=0)
