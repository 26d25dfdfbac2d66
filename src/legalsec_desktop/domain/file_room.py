"""The paper file room's rules: barcode ids, media, locations' paths, a volume's status, check-out and retention."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.formatting import format_date

BARCODE_PREFIX = "F"
BARCODE_DIGITS = 6
BARCODE_LIMIT = 20
LABEL_LIMIT = 300
NAME_LIMIT = 200
REASON_LIMIT = 300
PLACE_NAME_LIMIT = 120
SEPARATOR = " ▸ "
_SEPARATORS = re.compile(r"\s*(?:▸|>)\s*")
_BARCODE = re.compile(r"^[A-Z0-9]{1,20}$")

MEDIA = {"folder": "Folder", "binder": "Binder", "box": "Box", "other": "Other", "digital": "Digital (index entry)"}
NEW_MEDIA = ("folder", "binder", "box", "other")  # what a new volume can be; 'digital' is kept for older entries
PLACE_KINDS = {"office": "Office", "room": "Room", "cabinet": "Cabinet", "drawer": "Drawer", "shelf": "Shelf",
               "storage": "Storage company", "box": "Box", "other": "Other"}

# A volume's status, one at a time, in the order they win: a destroyed file is destroyed wherever it was.
STATUSES = {"destroyed": "Destroyed", "overdue": "Overdue", "out": "Checked out", "in_storage": "In storage",
            "in_place": "In place", "unplaced": "No location"}
# What the Files tab and `files list --status` can filter on: the statuses, and the files due for review.
FILTERS = {"in_place": "In place", "out": "Checked out", "overdue": "Overdue", "in_storage": "In storage",
           "due_review": "Due for review", "on_hold": "On legal hold", "destroyed": "Destroyed"}
MOVEMENTS = {"created": "Created", "moved": "Moved", "out": "Checked out", "in": "Checked in",
             "to_storage": "Sent to storage", "returned": "Returned from storage", "destroyed": "Destroyed",
             "hold": "Legal hold placed", "released": "Legal hold released", "closed": "Closed",
             "reopened": "Reopened"}


def barcode_for(number: int) -> str:
    """The id the program gives a new volume: F and at least six digits ("F000123")."""
    return f"{BARCODE_PREFIX}{number:0{BARCODE_DIGITS}d}"


def clean_barcode(text: str) -> str:
    """A typed or scanned id as stored: no spaces, upper case (a scanner may send lower case with Caps Lock on)."""
    return "".join(text.split()).upper()


def check_barcode(text: str, field: str = "barcode") -> str:
    """The id cleaned, or a clear message: letters and digits only, up to 20."""
    code = clean_barcode(text)
    if not code:
        raise ValidationError(field, "Enter the file's barcode id.")
    if not _BARCODE.match(code):
        raise ValidationError(field, f"A barcode id is letters A–Z and digits 0–9 only, up to {BARCODE_LIMIT} of "
                                     f"them (like {barcode_for(123)}).")
    return code


def split_path(text: str) -> list[str]:
    """A typed location ("Main office > Cabinet A > Drawer 2", or with ▸) as its names, top first."""
    parts = [" ".join(part.split()) for part in _SEPARATORS.split(text.strip())] if text.strip() else []
    if not parts or any(not part for part in parts):
        raise ValidationError("location", "Name the place from the top, each level separated by '>', like "
                                          "\"Main office > Cabinet A > Drawer 2\".")
    for part in parts:
        if len(part) > PLACE_NAME_LIMIT:
            raise ValidationError("location", f"A place's name is at most {PLACE_NAME_LIMIT} characters.")
    return parts


def join_path(names: list[str]) -> str:
    return SEPARATOR.join(names)


@dataclass(frozen=True)
class VolumeDraft:
    """A new volume as typed: the matter, its label and medium, where it is kept (None: not placed yet)."""

    matter_id: int | None
    label: str
    medium: str = "folder"
    location_id: int | None = None
    opened_on: date | None = None
    barcode: str = ""  # '' for the next id; a pre-printed label's id otherwise
    notes: str = ""


def validate_volume(draft: VolumeDraft) -> None:
    if draft.matter_id is None:
        raise ValidationError("matter", "Choose the matter the file belongs to.")
    if not draft.label.strip():
        raise ValidationError("label", "Say what the file holds, like \"Pleadings vol. 2\".")
    if len(draft.label.strip()) > LABEL_LIMIT:
        raise ValidationError("label", f"The label is longer than {LABEL_LIMIT} characters.")
    if draft.medium not in NEW_MEDIA and draft.medium != "digital":
        raise ValidationError("medium", "Choose folder, binder, box or other.")
    if draft.opened_on is None:
        raise ValidationError("opened_on", "Enter the date the file was opened.")
    if draft.barcode:
        check_barcode(draft.barcode)


@dataclass(frozen=True)
class CheckOut:
    """Who takes a file: a timekeeper (by id) or a typed name; why; when it is due back (None: no date)."""

    to_name: str
    timekeeper_id: int | None = None
    reason: str = ""
    due_on: date | None = None


def validate_check_out(request: CheckOut, today: date) -> None:
    if not request.to_name.strip():
        raise ValidationError("to", "Say who takes the file.")
    if len(request.to_name.strip()) > NAME_LIMIT:
        raise ValidationError("to", f"The name is longer than {NAME_LIMIT} characters.")
    if len(request.reason.strip()) > REASON_LIMIT:
        raise ValidationError("reason", f"The reason is longer than {REASON_LIMIT} characters.")
    if request.due_on is not None and request.due_on < today:
        raise ValidationError("due", f"The due-back date {format_date(request.due_on)} is already past.")


def status_of(*, destroyed: bool, out: bool, due_back_on: date | None, offsite: bool, placed: bool,
              today: date) -> str:
    """A volume's one status (a key of STATUSES)."""
    if destroyed:
        return "destroyed"
    if out:
        return "overdue" if due_back_on is not None and due_back_on < today else "out"
    if not placed:
        return "unplaced"
    return "in_storage" if offsite else "in_place"


# --- retention ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Retention:
    """A retention rule as the firm set it: `years` after closing, or None for permanent."""

    id: int
    name: str
    practice_area: str
    years: int | None
    notes: str = ""


def destroy_after(closed_on: date, rule: Retention) -> date | None:
    """The first day a file closed on `closed_on` may be destroyed under `rule`; None when it is kept for ever.

    Years are whole calendar years. A file closed on 29 February may go on 1 March of a year without one, never on
    28 February, a day before the years are full: for destroying, the later day is the safe one."""
    if rule.years is None:
        return None
    after: date = closed_on + relativedelta(years=rule.years)
    if (closed_on.month, closed_on.day) == (2, 29) and after.day == 28:
        after += timedelta(days=1)
    return after


def retention_note(closed_on: date, rule: Retention) -> str:
    """How the date was reached, in words the attorney can check: 'Closed 23 Sep 2019 + 7 years (Standard)…'."""
    if rule.years is None:
        return f"Kept permanently ({rule.name}); closed {format_date(closed_on)}."
    after = destroy_after(closed_on, rule)
    assert after is not None
    years = "1 year" if rule.years == 1 else f"{rule.years} years"
    return f"Closed {format_date(closed_on)} + {years} ({rule.name}) = may be destroyed from {format_date(after)}."


def rule_for(practice_area: str, rules: list[Retention]) -> Retention | None:
    """The default rule for a matter of this practice area: the area's own, else the firm's general one ('')."""
    area = " ".join(practice_area.split()).casefold()
    for rule in rules:
        if rule.practice_area and rule.practice_area.casefold() == area:
            return rule
    general = [rule for rule in rules if not rule.practice_area and rule.years is not None]
    return general[0] if general else None


def destruction_refusal(*, destroyed: bool, hold_reason: str, destroy_after_on: date | None, closed: bool,
                        out: bool, today: date) -> str:
    """Why a file may not be destroyed today, or '' when it may."""
    if destroyed:
        return "It was destroyed already."
    if hold_reason.strip():
        return f"It is on legal hold: {hold_reason.strip()}"
    if not closed:
        return "Its matter is not closed."
    if destroy_after_on is None:
        return "It is kept permanently, or its retention is not set (close the matter first)."
    if destroy_after_on > today:
        return f"Its retention runs until {format_date(destroy_after_on)}."
    if out:
        return "It is checked out: check it in first."
    return ""
