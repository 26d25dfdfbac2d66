"""Rules for a matter: required fields, dates, status, and the matter-number pattern."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from legalsec_desktop.domain.errors import ValidationError

STATUSES = ("open", "pending", "closed")
PRACTICE_AREAS = (
    "Personal injury", "Employment", "Commercial litigation", "Family law", "Landlord-tenant",
    "Estate planning", "Real estate", "Business formation", "Criminal defense", "Other",
)
MAX_NAME = 300
# Event kinds that are deadlines: a matter with one still scheduled is not closed without asking.
DEADLINE_KINDS = ("filing deadline", "response deadline", "statute of limitations")


@dataclass(frozen=True)
class MatterDraft:
    """Everything a matter records, as the matter dialog collects it."""

    number: str
    title: str
    client_name: str
    opened_on: date
    responsible_attorney_id: int | None = None
    practice_area: str = ""
    court: str = ""
    case_number: str = ""
    caption: str = ""
    judge: str = ""
    jurisdiction: str = ""
    status: str = "open"
    closed_on: date | None = None
    sol_date: date | None = None
    sol_note: str = ""
    rate_override_cents: int | None = None
    uses_utbms: bool = False  # billable time on it needs UTBMS task and activity codes
    client_matter_id: str = ""  # the client's own reference for the matter (LEDES CLIENT_MATTER_ID)
    notes: str = ""
    adverse_names: tuple[str, ...] = field(default=())  # opposing parties to add when the matter is opened


_LIMITS = (
    ("title", "The title", MAX_NAME), ("client_name", "The client's name", MAX_NAME), ("caption", "The caption", 500),
    ("practice_area", "The practice area", 100), ("court", "The court", 200), ("case_number", "The case number", 100),
    ("judge", "The judge or department", 200),
)


def validate_matter(matter: MatterDraft) -> None:
    """Raise ValidationError naming the first field that is not acceptable."""
    if not matter.number.strip():
        raise ValidationError("number", "Enter a matter number.")
    if len(matter.number.strip()) > 40:
        raise ValidationError("number", "A matter number can be at most 40 characters.")
    if not matter.title.strip():
        raise ValidationError("title", "Enter a title, such as “Smith v. Jones” or “Estate of Mary Smith”.")
    if not matter.client_name.strip():
        raise ValidationError("client_name", "Enter the client's name.")
    for key, label, limit in _LIMITS:
        if len(getattr(matter, key).strip()) > limit:
            raise ValidationError(key,
                                  f"{label} is longer than {limit} characters ({len(getattr(matter, key).strip())}).")
    for name in matter.adverse_names:
        if len(name.strip()) > MAX_NAME:
            raise ValidationError("adverse_names", f"“{name[:40]}…” is longer than {MAX_NAME} characters.")
    if matter.status not in STATUSES:
        raise ValidationError("status", "Choose open, pending or closed.")
    if matter.closed_on is not None and matter.closed_on < matter.opened_on:
        raise ValidationError(
            "closed_on", f"The matter cannot close ({matter.closed_on:%m/%d/%Y}) before it opened "
                         f"({matter.opened_on:%m/%d/%Y}).")
    if matter.status == "closed" and matter.closed_on is None:
        raise ValidationError("closed_on", "Enter the date the matter was closed.")
    if matter.status != "closed" and matter.closed_on is not None:
        raise ValidationError("closed_on", "Only a closed matter has a closing date: clear it, or set the status "
                                           "to Closed.")
    if matter.rate_override_cents is not None and matter.rate_override_cents < 0:
        raise ValidationError("rate_override_cents", "A rate cannot be negative.")
    if len(matter.client_matter_id.strip()) > 40:
        raise ValidationError("client_matter_id", "The client's matter reference has at most 40 characters.")


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
