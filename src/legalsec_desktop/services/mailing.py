"""Who an envelope or a mailing label goes to: the address blocks of a matter's parties, and the firm's own."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from legalsec_desktop.db.models import ContactRow, FirmRow, MatterRow, PartyRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.conflicts import PARTY_ROLES
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.letters import address_block
from legalsec_desktop.domain.names import same_name
from legalsec_desktop.services.contacts import find_by_name


@dataclass(frozen=True)
class MailingAddress:
    """One recipient: the lines of the block (name, firm, street ... city), and a warning when it has no address
    (then `lines` holds the name only, and nothing is printed for it without the user's say)."""

    contact_id: int
    name: str
    lines: tuple[str, ...]
    warning: str
    roles: tuple[str, ...] = ()  # the contact's roles on the matter, when read from one

    @property
    def printable(self) -> bool:
        return not self.warning


def _address(row: ContactRow, roles: tuple[str, ...] = (), typed: str | None = None) -> MailingAddress:
    organization = "" if row.is_organization else row.organization
    lines, warning = address_block(row.name, row.address if typed is None else typed, organization)
    return MailingAddress(row.id, row.name, tuple(lines), warning, roles)


def check_role(role: str | None) -> None:
    if role is not None and role not in PARTY_ROLES:
        raise ValidationError("role", f"“{role}” is not a role; use one of: {', '.join(PARTY_ROLES)}.")


def matter_addresses(store: Store, matter_id: int, role: str | None = None) -> list[MailingAddress]:
    """The matter's parties (of `role`, or all), one block per contact: clients first, then by role and name."""
    check_role(role)
    order = {name: index for index, name in enumerate(PARTY_ROLES)}
    with store.read() as session:
        if session.get(MatterRow, matter_id) is None:
            raise ValidationError("matter", "That matter no longer exists.")
        query = (select(ContactRow, PartyRow.role).join(PartyRow, PartyRow.contact_id == ContactRow.id)
                 .where(PartyRow.matter_id == matter_id, PartyRow.deleted_at.is_(None),
                        ContactRow.deleted_at.is_(None)))
        if role is not None:
            query = query.where(PartyRow.role == role)
        found: dict[int, tuple[ContactRow, list[str]]] = {}
        for row, party_role in session.execute(query).all():
            found.setdefault(row.id, (row, []))[1].append(party_role)
        ranked = sorted(found.values(), key=lambda item: (min(order.get(r, 99) for r in item[1]),
                                                          item[0].sort_name.casefold(), item[0].id))
        return [_address(row, tuple(sorted(roles, key=lambda r: order.get(r, 99)))) for row, roles in ranked]


def contact_address(store: Store, contact_id: int, address: str | None = None) -> MailingAddress:
    """A contact's block; `address`, when given, is used instead of the stored one (typed for this envelope)."""
    with store.read() as session:
        row = session.get(ContactRow, contact_id)
        if row is None or row.deleted_at is not None:
            raise ValidationError("recipient", "That contact no longer exists.")
        return _address(row, typed=address)


def find_recipient(store: Store, matter_id: int, name: str) -> int:
    """The contact of that name among the matter's parties, else any contact of that name; its id."""
    name = " ".join(name.split())
    for party in matter_addresses(store, matter_id):
        if same_name(party.name, name):
            return party.contact_id
    with store.read() as session:
        row = find_by_name(session, name, clients_first=True)
        if row is not None:
            return row.id
    raise ValidationError("recipient", f"No contact is named “{name}”. Check the spelling, or add the contact "
                                       "to the matter first.")


def return_address(store: Store) -> tuple[str, ...]:
    """The firm's name and address lines, as the top-left corner of an envelope shows them (empty: not set)."""
    with store.read() as session:
        firm = session.get(FirmRow, 1)
        if firm is None:
            return ()
        lines = [" ".join(firm.name.split()), *(" ".join(line.split()) for line in firm.address.splitlines())]
    return tuple(line for line in lines if line)


def mailing_warnings(addresses: list[MailingAddress]) -> list[str]:
    """What the user is told about recipients left out: one sentence each."""
    return [f"{address.name} has no address and is left out: add one to the contact to print it."
            for address in addresses if not address.printable]
