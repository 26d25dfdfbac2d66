"""The communication log: calls, e-mails, letters and meetings on a matter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.domain.periods import period_range

KINDS = ("call", "email", "letter", "meeting")
KIND_LABELS = dict(zip(KINDS, ("Call", "E-mail", "Letter", "Meeting")))
DIRECTIONS = ("in", "out")
DIRECTION_LABELS = {"in": "In", "out": "Out"}
# The periods the register offers, as a secretary looks back over the mail; "Custom" is two typed dates.
REGISTER_PERIODS = ("All dates", "Last 30 days", "This month", "Last month", "This year", "Custom")


def register_period(name: str, today: date) -> tuple[date | None, date | None]:
    """(first, last) of one of REGISTER_PERIODS around `today` (inclusive); (None, None) for all dates."""
    if name == "Last 30 days":
        return today - timedelta(days=29), today
    return period_range(name, today)


@dataclass(frozen=True)
class CommunicationDraft:
    matter_id: int | None
    kind: str
    direction: str
    occurred_at: datetime  # local wall-clock time
    with_whom: str = ""
    subject: str = ""
    summary: str = ""
    follow_up_on: date | None = None


def validate_communication(entry: CommunicationDraft) -> None:
    if entry.matter_id is None:
        raise ValidationError("matter_id", "Choose the matter this belongs to.")
    if entry.kind not in KINDS:
        raise ValidationError("kind", "Choose call, e-mail, letter or meeting.")
    if entry.direction not in DIRECTIONS:
        raise ValidationError("direction", "Choose incoming or outgoing.")
    if not entry.with_whom.strip():
        raise ValidationError("with_whom", "Enter who it was with (pick a party or type a name).")
    if len(entry.with_whom.strip()) > 300:
        raise ValidationError("with_whom", "The name is longer than 300 characters.")
    if len(entry.subject.strip()) > 300:
        raise ValidationError("subject", "The subject is longer than 300 characters.")
    if not entry.subject.strip() and not entry.summary.strip():
        raise ValidationError("subject", "Enter a subject or a summary, so the log says what it was about.")
    if entry.follow_up_on is not None and entry.follow_up_on < entry.occurred_at.date():
        raise ValidationError("follow_up_on", "The follow-up date is before the day this happened.")


def follow_up_text(due: date | None, done: bool, overdue: bool) -> str:
    """The register's follow-up column: '' for none, "Done (due …)", "Due …" or "Overdue since …"."""
    if due is None:
        return ""
    if done:
        return f"Done (due {format_date(due)})"
    return f"{'Overdue since' if overdue else 'Due'} {format_date(due)}"
