"""Rules for opening a matter: required fields, dates, and the matter-number pattern."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from legalsec_desktop.domain.errors import ValidationError

STATUSES = ("open", "pending", "closed")
PRACTICE_AREAS = (
    "Personal injury", "Employment", "Commercial litigation", "Family law", "Landlord-tenant",
    "Estate planning", "Real estate", "Business formation", "Criminal defense", "Other",
)
MAX_NAME = 300


@dataclass(frozen=True)
class NewMatter:
    """What the New Matter dialog collects."""

    number: str
    title: str
    client_name: str
    opened_on: date
    responsible_attorney_id: int | None = None
    practice_area: str = ""
    court: str = ""
    case_number: str = ""


def validate_new_matter(matter: NewMatter) -> None:
    """Raise ValidationError naming the first field that is not acceptable."""
    if not matter.number.strip():
        raise ValidationError("number", "Enter a matter number.")
    if len(matter.number) > 40:
        raise ValidationError("number", "A matter number can be at most 40 characters.")
    if not matter.title.strip():
        raise ValidationError("title", "Enter a title or caption, such as “Smith v. Jones”.")
    if len(matter.title) > MAX_NAME:
        raise ValidationError("title", f"The title is longer than {MAX_NAME} characters.")
    if not matter.client_name.strip():
        raise ValidationError("client_name", "Enter the client's name.")
    if len(matter.client_name) > MAX_NAME:
        raise ValidationError("client_name", f"The client's name is longer than {MAX_NAME} characters.")


def format_matter_number(pattern: str, year: int, seq: int) -> str:
    """Fill a pattern such as '{year}-{seq:04d}' (the default gives 2026-0001)."""
    try:
        return pattern.format(year=year, yy=year % 100, seq=seq)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError("matter_number_pattern", f"The matter-number pattern “{pattern}” is not usable.") from exc


def number_prefix(pattern: str, year: int) -> str:
    """The fixed text in front of the sequence for a year, used to find the highest number so far."""
    sample = format_matter_number(pattern, year, 0)
    return re.split(r"0+$", sample)[0] if "{seq" in pattern else sample
