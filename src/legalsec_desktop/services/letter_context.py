"""What a letter template is filled in with (domain.letter_fields): plain data read from the store for one matter,
recipient and signer, the typed answers to its asked-for values, and today by the store's clock."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import ContactRow, FirmRow, MatterRow, PartyRow, TimekeeperRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.conflicts import PARTY_ROLES
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import DEADLINE_KINDS
from legalsec_desktop.domain.formatting import format_clock
from legalsec_desktop.domain.letter_asks import Ask, letter_value
from legalsec_desktop.domain.letter_fields import ROLE_KEYS, role_key
from legalsec_desktop.domain.letters import (
    CLERK_NAME,
    COURT_CLERK,
    address_block,
    long_date,
    salutation,
    salutation_name,
)
from legalsec_desktop.domain.party_names import split_person_name
from legalsec_desktop.services.calendar import Occurrence, events_between
from legalsec_desktop.services.rows import EventFilters

UPCOMING_DAYS = 730  # how far ahead a letter's list of events and deadlines looks
MAX_LISTED = 10  # events (and deadlines) a letter lists at most
INTERNAL_KINDS = ("reminder", "travel")  # the office's own entries: never in a letter


@dataclass(frozen=True)
class LetterData:
    """The context a template is filled in with, and what the user should know first (a recipient with no
    address …), in words."""

    context: dict[str, Any]
    warnings: tuple[str, ...]


class SignerNeeded(ValidationError):
    """The matter has no responsible attorney and no signer was chosen: the user picks who signs."""

    def __init__(self, message: str = "This matter has no responsible attorney: choose who signs the letter.") -> None:
        super().__init__("signer", message)


def letter_context(store: Store, matter_id: int, recipient_id: int | None, signer_id: int | None = None,
                   answers: Mapping[str, str] | None = None, asks: Sequence[Ask] = (),
                   address: str | None = None) -> LetterData:
    """The context of a letter on matter `matter_id` to contact `recipient_id` (None: the matter's client;
    COURT_CLERK: the clerk of the matter's court, ValidationError('recipient') when it has no court), signed
    by timekeeper `signer_id` (None: the matter's responsible attorney; SignerNeeded when it has none).

    `answers` are the typed values of `asks`, printed as letter_value prints them (ValidationError naming the ask
    when one is blank or wrong); `address` is typed by the user for a recipient who has none. No value is None.
    """
    answered = {ask.name: letter_value(ask, (answers or {}).get(ask.name, "")) for ask in asks}
    today = store.clock.today()
    with store.read() as session:
        matter = session.get(MatterRow, matter_id)
        if matter is None:
            raise ValidationError("matter_id", "That matter no longer exists.")
        signer = _signer(session, matter, signer_id)
        parties = _parties(session, matter.id)
        client = session.get(ContactRow, matter.client_id)
        recipient = client if recipient_id is None else (
            None if recipient_id == COURT_CLERK else session.get(ContactRow, recipient_id))
        if recipient_id == COURT_CLERK and not _text(matter.court):
            raise ValidationError("recipient", f"Matter {_text(matter.number)} has no court: enter its court on "
                                               "the matter, or choose another recipient.")
        if recipient_id != COURT_CLERK and (recipient is None or recipient.deleted_at is not None):
            raise ValidationError("recipient", "That contact no longer exists: choose another recipient.")
        role = next((party_role for contact, party_role in parties
                     if recipient is not None and contact.id == recipient.id), "")
        firm = session.get(FirmRow, 1)
        attorney = (session.get(TimekeeperRow, matter.responsible_attorney_id)
                    if matter.responsible_attorney_id is not None else None)
        matter_fields = _matter(matter, attorney)
    warnings: list[str] = []
    recipient_fields = (person(recipient, role, address, warnings) if recipient is not None
                        else court_clerk(matter_fields["court"], address, warnings))
    client_fields = person(client, "client") if client is not None else blank_person("client")
    listed = [person(contact, party_role) for contact, party_role in parties]
    roles: dict[str, list[dict[str, str]]] = {key: [] for key in ROLE_KEYS.values()}
    for entry in listed:
        roles.setdefault(role_key(entry["role"]), []).append(entry)
    events, deadlines = upcoming(store, matter_id, today)
    context: dict[str, Any] = {
        "firm": {"name": _text(firm.name if firm else ""), "address": _lines(firm.address if firm else ""),
                 "phone": _text(firm.phone if firm else ""), "fax": _text(firm.fax if firm else ""),
                 "email": _text(firm.email if firm else "")},
        "matter": matter_fields, "client": client_fields, "recipient": recipient_fields, "signer": signer,
        "today": long_date(today), "parties": listed, "events": events, "deadlines": deadlines, "roles": roles,
        "ask": answered,
    }
    return LetterData(context, tuple(warnings))


def _text(value: str | None) -> str:
    return " ".join((value or "").split())


def _lines(value: str | None) -> str:
    """A multi-line value as the letter prints it: each line tidied, blank lines dropped, joined by line breaks."""
    return "\n".join(_text(line) for line in (value or "").splitlines() if line.strip())


def _signer(session: Session, matter: MatterRow, signer_id: int | None) -> dict[str, str]:
    keeper_id = signer_id if signer_id is not None else matter.responsible_attorney_id
    if keeper_id is None:
        raise SignerNeeded()
    keeper = session.get(TimekeeperRow, keeper_id)
    if keeper is None:
        if signer_id is None:
            raise SignerNeeded("The matter's responsible attorney is no longer in the firm: choose who signs.")
        raise ValidationError("signer", "That timekeeper no longer exists: choose who signs the letter.")
    return {"name": _text(keeper.name), "title": _text(keeper.title), "bar_number": _text(keeper.bar_number),
            "initials": _text(keeper.initials)}


def _matter(matter: MatterRow, attorney: TimekeeperRow | None) -> dict[str, str]:
    return {"number": _text(matter.number), "title": _text(matter.title), "caption": _lines(matter.caption),
            "court": _text(matter.court), "case_number": _text(matter.case_number), "judge": _text(matter.judge),
            "rules": _text(matter.jurisdiction), "practice_area": _text(matter.practice_area),
            "client_reference": _text(matter.client_matter_id),
            "opened": long_date(matter.opened_on) if matter.opened_on else "",
            "responsible_attorney": _text(attorney.name) if attorney is not None else ""}


def _parties(session: Session, matter_id: int) -> list[tuple[ContactRow, str]]:
    """The matter's live parties, in the order of the roles (client first), then by name."""
    rows = session.execute(select(ContactRow, PartyRow.role).join(PartyRow, PartyRow.contact_id == ContactRow.id)
                           .where(PartyRow.matter_id == matter_id, PartyRow.deleted_at.is_(None),
                                  ContactRow.deleted_at.is_(None))).all()
    order = {role: index for index, role in enumerate(PARTY_ROLES)}
    found = sorted(((contact, role) for contact, role in rows),
                   key=lambda pair: (order.get(pair[1], len(order)), pair[0].sort_name.casefold(), pair[0].id))
    return found


def blank_person(role: str = "") -> dict[str, str]:
    """A person with every field blank (a matter whose client record is gone)."""
    return {"name": "", "first_name": "", "last_name": "", "courtesy_title": "", "salutation": salutation(""),
            "salutation_name": salutation_name(""), "organization": "", "address": "", "address_block": "",
            "email": "", "phone": "", "role": role, "is_organization": ""}


def person(contact: ContactRow, role: str = "", typed_address: str | None = None,
           warnings: list[str] | None = None) -> dict[str, str]:
    """A contact as a template reads a person (domain.letter_fields.PERSON). `typed_address` stands in for an
    address the contact does not have; a warning goes to `warnings` when there is still none."""
    name = _text(contact.name)
    first, last = ("", "") if contact.is_organization else split_person_name(name)
    address = _lines(contact.address) or _lines(typed_address)
    organization = "" if contact.is_organization else _text(contact.organization)
    lines, warning = address_block(name, address, organization)
    if warning and warnings is not None:
        warnings.append(warning)
    return {"name": name, "first_name": _text(first), "last_name": _text(last),
            "courtesy_title": _text(contact.courtesy_title),
            "salutation": salutation(name, contact.courtesy_title or "", contact.is_organization),
            "salutation_name": salutation_name(name, contact.courtesy_title or "", contact.is_organization),
            "organization": organization, "address": address, "address_block": "\n".join(lines),
            "email": _text(contact.email), "phone": _text(contact.phone), "role": role,
            "is_organization": "yes" if contact.is_organization else ""}


def court_clerk(court: str, typed_address: str | None = None, warnings: list[str] | None = None) -> dict[str, str]:
    """The clerk of `court` as a template reads a person: "Clerk of the Court", the court as the organization, the
    typed address (a court is no contact: a warning when none is typed)."""
    address = _lines(typed_address)
    lines, warning = address_block(CLERK_NAME, address, court)
    if warning and warnings is not None:
        warnings.append(warning)
    return {**blank_person("court"), "name": CLERK_NAME, "organization": _text(court), "address": address,
            "address_block": "\n".join(lines), "salutation": f"Dear {CLERK_NAME}:",
            "salutation_name": CLERK_NAME}


def upcoming(store: Store, matter_id: int, today: date) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The matter's scheduled events and deadlines from `today` on, soonest first, at most MAX_LISTED of each."""
    found = events_between(store, today, today + timedelta(days=UPCOMING_DAYS),
                           EventFilters(matter_id=matter_id, scheduled_only=True))
    events = [_event(item) for item in found if item.kind not in DEADLINE_KINDS + INTERNAL_KINDS]
    deadlines = [_event(item) for item in found if item.kind in DEADLINE_KINDS]
    return events[:MAX_LISTED], deadlines[:MAX_LISTED]


def _event(item: Occurrence) -> dict[str, str]:
    return {"date": long_date(item.day), "time": format_clock(item.start) if item.start is not None else "",
            "title": _text(item.title), "kind": item.kind, "location": _text(item.location)}
