"""Finding a matter by its number and a timekeeper by initials, as the user types them (command line, filters)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import MatterRow, TimekeeperRow
from legalsec_desktop.domain.errors import ValidationError


def matter_by_number(session: Session, typed: str, field: str = "matter") -> int:
    """The id of the matter numbered `typed`; ValidationError on `field` names an unknown number."""
    number = typed.strip()
    found = session.scalar(select(MatterRow.id).where(MatterRow.number == number))
    if found is None:
        raise ValidationError(field, f"There is no matter numbered “{number}”.")
    return found


def timekeeper_by_initials(session: Session, typed: str, field: str = "timekeeper", none_known: str = "none") -> int:
    """The id of the timekeeper with initials `typed` (any case); ValidationError lists the known initials."""
    initials = typed.strip().upper()
    found = session.scalar(select(TimekeeperRow.id).where(TimekeeperRow.initials == initials))
    if found is None:
        known = ", ".join(session.scalars(select(TimekeeperRow.initials).order_by(TimekeeperRow.initials)))
        raise ValidationError(field, f"No timekeeper has the initials “{typed.strip()}”. Known initials: "
                                     f"{known or none_known}.")
    return found
