"""The communication log: calls, e-mails, letters and meetings on a matter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from legalsec_desktop.domain.errors import ValidationError

KINDS = ("call", "email", "letter", "meeting")
KIND_LABELS = dict(zip(KINDS, ("Call", "E-mail", "Letter", "Meeting")))
DIRECTIONS = ("in", "out")


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
