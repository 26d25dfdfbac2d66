"""The typed rows of the file room: a volume, a line of its movement log, a location."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class VolumeItem:
    """One physical file as the Files tab, the command line and the labels show it."""

    id: int
    barcode: str
    matter_id: int
    matter_number: str
    client: str
    caption: str  # the matter's caption, else its title
    label: str
    medium: str
    place: str  # where it is now (a location's path), '' when out or not placed
    location_id: int | None
    home: str  # where check-in returns it
    home_location_id: int | None
    out_to: str  # '' while it is in
    out_reason: str
    out_at: datetime | None
    due_back_on: date | None
    opened_on: date
    closed_on: date | None
    destroy_after: date | None
    retention: str  # the rule's name, '' when none is set
    retention_note: str
    hold_reason: str
    destroyed_at: datetime | None
    status: str  # a key of domain.file_room.STATUSES
    matter_closed: bool = False
    destroyed_on: date | None = None  # the day its batch was destroyed (destroyed_at is when that was recorded)
    closed_number: str = ""  # its matter's closed-file number, once closed

    @property
    def where(self) -> str:
        """Where it is, in a few words: the place, or who has it."""
        if self.destroyed_at is not None:
            return "Destroyed"  # the day is destroyed_on
        if self.out_to:
            return f"Out: {self.out_to}"
        return self.place or "No location"


@dataclass(frozen=True)
class MovementItem:
    """One line of a volume's movement log (never edited)."""

    at: datetime  # UTC
    by_name: str
    kind: str  # a key of domain.file_room.MOVEMENTS
    from_text: str
    to_text: str
    due_on: date | None
    reason: str


@dataclass(frozen=True)
class LocationItem:
    """A place files are kept, with how many files are there now."""

    id: int
    parent_id: int | None
    name: str
    kind: str
    path: str
    offsite: bool
    retired: bool
    files_here: int = 0
