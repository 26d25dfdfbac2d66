"""Time entries: what one must hold, which rate and billing increment apply, and what it is worth.

The one rounding rule is billing.billed_minutes (always up, to the increment) and entry_amount. Lists, totals,
timesheets and LEDES read the same numbers from the database through services/billing_sql, which a test
holds to these functions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from legalsec_desktop.domain import utbms
from legalsec_desktop.domain.billing import amount_cents, billed_minutes
from legalsec_desktop.domain.durations import MAX_MINUTES
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.money import MAX_CENTS

BILLABLE = ("billable", "non-billable", "no charge")
BILLABLE_LABELS = {"billable": "Billable", "non-billable": "Non-billable", "no charge": "No charge"}
STATUSES = ("draft", "final", "billed")
STATUS_LABELS = {"draft": "Draft", "final": "Final", "billed": "Billed"}
MAX_NARRATIVE = 4000
MAX_RATE_CENTS = 10_000_00  # $10,000 an hour: a typing slip beyond it, not a rate


@dataclass(frozen=True)
class TimeDraft:
    """A time entry as the form holds it."""

    entry_date: date
    timekeeper_id: int | None
    matter_id: int | None
    minutes: int
    rate_cents: int
    billable: str = "billable"
    task_code: str = ""
    activity_code: str = ""
    narrative: str = ""
    status: str = "draft"


def validate_entry(draft: TimeDraft, codes_required: bool = False) -> TimeDraft:
    """The draft with codes and narrative tidied; raises ValidationError naming the first bad field."""
    if draft.timekeeper_id is None:
        raise ValidationError("timekeeper_id", "Choose whose time this is.")
    if draft.matter_id is None:
        raise ValidationError("matter_id", "Choose the matter the time was spent on.")
    if draft.minutes <= 0:
        raise ValidationError("minutes", "A duration must be more than zero.")
    if draft.minutes > MAX_MINUTES:
        raise ValidationError("minutes", "A single entry cannot be longer than 24 hours.")
    if not 0 <= draft.rate_cents <= min(MAX_RATE_CENTS, MAX_CENTS):
        raise ValidationError("rate_cents", "Enter an hourly rate between $0 and $10,000.")
    if draft.billable not in BILLABLE:
        raise ValidationError("billable", "Choose billable, non-billable or no charge.")
    if draft.status not in STATUSES:
        raise ValidationError("status", "Choose draft, final or billed.")
    narrative = draft.narrative.strip()
    if len(narrative) > MAX_NARRATIVE:
        raise ValidationError("narrative", f"The narrative is {len(narrative):,} characters; shorten it to "
                                           f"{MAX_NARRATIVE:,}.")
    if draft.billable == "billable" and draft.status != "draft" and not narrative:
        raise ValidationError("narrative", "Describe the work: a final entry is billed with its narrative.")
    task, activity = utbms.check_codes(draft.task_code, draft.activity_code,
                                       required=codes_required and draft.billable == "billable")
    return replace(draft, narrative=narrative, task_code=task, activity_code=activity)


def effective_rate(timekeeper_cents: int, client_cents: int | None, matter_cents: int | None) -> int:
    """The hourly rate that applies: the matter's override, else the client's, else the timekeeper's."""
    if matter_cents is not None:
        return matter_cents
    if client_cents is not None:
        return client_cents
    return timekeeper_cents


def effective_increment(firm_minutes: int, client_minutes: int | None) -> int:
    """The billing increment: the client's, else the firm's."""
    return client_minutes or firm_minutes or 6


def entry_billed_minutes(minutes: int, increment: int) -> int:
    return billed_minutes(minutes, increment)


def entry_amount(minutes: int, rate_cents: int, billable: str, increment: int) -> int:
    """What an entry bills, in cents: non-billable and no-charge time is worth 0."""
    return amount_cents(minutes, rate_cents, increment) if billable == "billable" else 0
