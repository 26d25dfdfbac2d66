"""The parts of a letter made from the practice's data: the date in long form, a salutation, an address block."""

from __future__ import annotations

from datetime import date

from legalsec_desktop.domain.party_names import split_person_name

COURT_CLERK = 0  # a recipient_id: the clerk of the matter's court, who is no contact (a cover letter for filing)
CLERK_NAME = "Clerk of the Court"
COURTESY_TITLES = ("Mr.", "Ms.", "Mrs.", "Mx.", "Dr.", "Prof.", "Hon.")
NO_ADDRESS = "has no address: type one before printing."
SUFFIXES_DROPPED = (" Jr.", " Sr.", " II", " III", " IV", " Esq.")


def long_date(day: date) -> str:
    """'November 30, 2026': the date line of a US letter (no leading zero, the month in words)."""
    return f"{day:%B} {day.day}, {day.year}"


def salutation_name(name: str, courtesy_title: str = "", is_organization: bool = False) -> str:
    """Whom a letter greets, without 'Dear' and the colon: 'Ms. Lewis' (US business style). Without a courtesy title,
    the full name ('Alex Lewis'), never a guessed Mr. or Ms.; an organisation, or no name, is 'Sir or Madam'."""
    name = " ".join(name.split())
    if is_organization or not name:
        return "Sir or Madam"
    first, last = split_person_name(name)
    for suffix in SUFFIXES_DROPPED:
        if last.endswith(suffix) and last != suffix.strip():
            last = last[: -len(suffix)].rstrip(",")
    title = courtesy_title.strip()
    if title == "Hon.":
        return f"Judge {last}"
    if title:
        return f"{title} {last}"
    return f"{first} {last}".strip()


def salutation(name: str, courtesy_title: str = "", is_organization: bool = False) -> str:
    """'Dear Ms. Lewis:' (US business style, with a colon): salutation_name greeted."""
    return f"Dear {salutation_name(name, courtesy_title, is_organization)}:"


def address_block(name: str, address: str, firm: str = "") -> tuple[list[str], str]:
    """The lines of the recipient's block (name, firm, then the address as typed, blank lines dropped), and a
    warning when there is no address to print (the letter still has the name; the user types one)."""
    lines = [line for line in (" ".join(name.split()), " ".join(firm.split())) if line]
    street = [" ".join(line.split()) for line in address.splitlines() if line.strip()]
    warning = "" if street else f"{name.strip() or 'The recipient'} {NO_ADDRESS}"
    return lines + street, warning
