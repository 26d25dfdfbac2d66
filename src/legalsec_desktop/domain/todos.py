"""To-dos: what is to be done, by when, by whom; a logged call's follow-up date is one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from legalsec_desktop.domain.communications import KIND_LABELS
from legalsec_desktop.domain.errors import ValidationError

TITLE_LIMIT = 300


@dataclass(frozen=True)
class TodoDraft:
    """A to-do as typed: `matter_id` None for one on no matter, `assigned_to` a timekeeper's id or None."""

    title: str
    due_on: date | None
    matter_id: int | None = None
    assigned_to: int | None = None
    notes: str = ""


def validate_todo(draft: TodoDraft) -> None:
    if not draft.title.strip():
        raise ValidationError("title", "Say what is to be done.")
    if len(draft.title.strip()) > TITLE_LIMIT:
        raise ValidationError("title", f"The text is longer than {TITLE_LIMIT} characters; put the rest in the notes.")
    if draft.due_on is None:
        raise ValidationError("due_on", "Enter the date it is due.")


def follow_up_title(kind: str, with_whom: str, subject: str) -> str:
    """What a log entry's follow-up to-do says: 'Follow up: call with Dana Reyes — Settlement proposal'."""
    what = KIND_LABELS.get(kind, kind).lower()
    title = f"Follow up: {what} with {with_whom.strip()}".rstrip()
    if subject.strip():
        title += f" — {subject.strip()}"
    return title if len(title) <= TITLE_LIMIT else title[:TITLE_LIMIT - 1] + "…"
