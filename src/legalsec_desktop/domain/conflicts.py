"""Conflict-of-interest checks: who is searched, what a hit is, and which hits are likely conflicts."""

from __future__ import annotations

from dataclasses import dataclass

from legalsec_desktop.domain.errors import ValidationError

PARTY_ROLES = (
    "client", "opposing party", "opposing counsel", "co-counsel", "court", "judge", "witness", "expert",
    "insurer", "other",
)
ADVERSE_ROLES = frozenset({"opposing party", "opposing counsel"})
SIDES = ("client", "adverse", "other")  # which side of the new matter a searched name is on
DECISIONS = ("cleared", "waived", "declined")
UNDECIDED = "undecided"
MIN_SCORE = 85  # out of 100; below this, names are too different to list


@dataclass(frozen=True)
class SearchName:
    """One name to check, and the side of the new matter it is on."""

    name: str
    side: str = "client"


@dataclass(frozen=True)
class Hit:
    """A name already in the files that resembles a searched name, in one role on one matter."""

    searched: str
    name: str  # the name as stored (the alias, when it was an alias that matched)
    contact_id: int
    contact_name: str  # the contact's main name
    matter_id: int | None
    matter_number: str
    matter_title: str
    role: str  # "contact" when the person is on no matter
    matter_status: str
    score: int
    likely: bool

    @property
    def via_alias(self) -> bool:
        return self.name != self.contact_name


def side_of_role(role: str) -> str:
    """The side a party in `role` is on: client, adverse, or other."""
    if role == "client":
        return "client"
    return "adverse" if role in ADVERSE_ROLES else "other"


def is_likely_conflict(side: str, role: str) -> bool:
    """A new client who was on the other side of a matter, or a new adversary who is (or was) a client."""
    return (side == "client" and role in ADVERSE_ROLES) or (side == "adverse" and role == "client")


def clean_names(names: list[SearchName]) -> list[SearchName]:
    """Drop blanks and repeats; refuse an empty list or an unknown side."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for entry in names:
        name = " ".join(entry.name.split())
        if not name:
            continue
        if entry.side not in SIDES:
            raise ValidationError("names", f"“{entry.side}” is not a side (use client, adverse or other).")
        if len(name) > 300:
            raise ValidationError("names", "A name can be at most 300 characters.")
        if (name.casefold(), entry.side) not in seen:
            seen.add((name.casefold(), entry.side))
            kept.append(SearchName(name, entry.side))
    if not kept:
        raise ValidationError("names", "Enter at least one name to check.")
    return kept


def sort_hits(hits: list[Hit]) -> list[Hit]:
    """Likely conflicts first, then the closest matches, then by matter number."""
    return sorted(hits, key=lambda h: (not h.likely, -h.score, h.searched.casefold(), h.matter_number, h.role))
