"""Destroying closed files: the review list's lines, a batch as the register keeps it, and what a batch must say."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.formatting import format_date

METHODS = ("Shredded on site", "Shredding company", "Returned to client", "Incinerated")
METHOD_LIMIT = 100
PERSON_LIMIT = 200
NOTES_LIMIT = 2000
CERTIFICATE_PREFIX = "D"
_CERTIFICATE = re.compile(rf"^{CERTIFICATE_PREFIX}-(\d{{4}})-(\d+)$")


@dataclass(frozen=True)
class ReviewLine:
    """One live file whose destroy-after date has come: what the review list shows, and why it may not go yet.

    `refusal` is '' when the file may be destroyed (domain.file_room.destruction_refusal otherwise)."""

    id: int
    barcode: str
    matter_number: str
    closed_number: str
    client: str
    caption: str
    label: str
    medium: str
    where: str  # the place's path, "Out: name", or "No location"
    closed_on: date | None
    retention: str  # the rule's name
    retention_note: str  # how the destroy-after date was reached
    destroy_after: date
    hold_reason: str
    refusal: str

    @property
    def may_destroy(self) -> bool:
        return not self.refusal


@dataclass(frozen=True)
class DestroyedFile:
    """A file of a batch as the register and the certificate list it."""

    id: int
    barcode: str
    matter_number: str
    closed_number: str
    client: str
    caption: str
    label: str
    medium: str
    closed_on: date | None
    retention: str
    retention_note: str
    last_place: str  # where it was when it was destroyed


@dataclass(frozen=True)
class Batch:
    """One destruction as the register keeps it for ever; `files` by matter and barcode."""

    id: int
    certificate_number: str
    approved_by: str  # initials
    approver_name: str
    approved_on: date
    destroyed_on: date
    method: str
    destroyed_by: str
    witness: str
    notes: str
    recorded_at: datetime  # UTC
    recorded_by: str
    file_count: int
    files: tuple[DestroyedFile, ...] = field(default=())


@dataclass(frozen=True)
class DestructionRequest:
    """A destruction as typed: the files, who approved it and when, when and how they were destroyed."""

    file_ids: tuple[int, ...]
    approved_by: str  # an attorney's initials
    approved_on: date
    destroyed_on: date
    method: str
    destroyed_by: str
    witness: str = ""
    notes: str = ""


def validate_request(request: DestructionRequest, today: date) -> None:
    """The request's own fields, before any file is looked at; the first problem as a clear message."""
    if not request.file_ids:
        raise ValidationError("files", "Tick the files that were destroyed.")
    if not request.approved_by.strip():
        raise ValidationError("approved_by", "Enter the initials of the attorney who approved the destruction.")
    if request.destroyed_on > today:
        raise ValidationError("destroyed_on", f"The files cannot have been destroyed on "
                                              f"{format_date(request.destroyed_on)}: that day has not come yet.")
    if request.approved_on > request.destroyed_on:
        raise ValidationError("approved_on", f"The approval ({format_date(request.approved_on)}) must come on or "
                                             f"before the day the files were destroyed "
                                             f"({format_date(request.destroyed_on)}).")
    method = " ".join(request.method.split())
    if not method:
        raise ValidationError("method", "Say how the files were destroyed, like \"Shredded on site\".")
    if len(method) > METHOD_LIMIT:
        raise ValidationError("method", f"The method is longer than {METHOD_LIMIT} characters.")
    if not request.destroyed_by.strip():
        raise ValidationError("destroyed_by", "Say who destroyed the files (a person or the shredding company).")
    for name, value, what in (("destroyed_by", request.destroyed_by, "Destroyed by"),
                              ("witness", request.witness, "The witness")):
        if len(value.strip()) > PERSON_LIMIT:
            raise ValidationError(name, f"{what} is longer than {PERSON_LIMIT} characters.")
    if len(request.notes.strip()) > NOTES_LIMIT:
        raise ValidationError("notes", f"The notes are longer than {NOTES_LIMIT} characters.")


def certificate_number(year: int, sequence: int) -> str:
    """'D-2026-0001': the year destroyed and the batch's number in that year."""
    return f"{CERTIFICATE_PREFIX}-{year:04d}-{sequence:04d}"


def next_certificate_number(year: int, taken: list[str]) -> str:
    """The next free number of `year` after the highest one given so far."""
    numbers = [int(match.group(2)) for text in taken
               if (match := _CERTIFICATE.match(text)) is not None and int(match.group(1)) == year]
    return certificate_number(year, max(numbers, default=0) + 1)


def refusal_message(refused: list[tuple[str, str]]) -> str:
    """Nothing destroyed, and why, file by file (one a line): [(how the file is named, its reason)]."""
    these = "This file" if len(refused) == 1 else f"These {len(refused)} files"
    lines = "\n".join(f"• {name}: {reason}" for name, reason in refused)
    return f"Nothing was recorded as destroyed. {these} may not be destroyed:\n{lines}"
