"""Whom a letter is to and who signs it, as the user types them on the command line: a contact found among the
matter's parties first, then among every contact; a name that fits several, or none, is said with the names that
come closest."""

from __future__ import annotations

from sqlalchemy import select

from legalsec_desktop.db.models import ContactRow, PartyRow, TimekeeperRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.names import fold_name, same_name
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.domain.letters import CLERK_NAME, COURT_CLERK

SHOWN = 8  # candidates named in a message


def recipient_by_name(store: Store, matter_id: int, typed: str) -> int:
    """The contact called `typed` (any case): the matter's party of that name, else "Clerk of the Court"
    (letter_context.COURT_CLERK, the clerk of the matter's court), else the one contact of that name;
    ValidationError('recipient') listing the candidates when several fit or none does."""
    with store.read() as session:
        parties = session.execute(
            select(ContactRow.id, ContactRow.name, PartyRow.role)
            .join(PartyRow, PartyRow.contact_id == ContactRow.id)
            .where(PartyRow.matter_id == matter_id, PartyRow.deleted_at.is_(None),
                   ContactRow.deleted_at.is_(None))).all()
        named = {contact: f"{name} ({role})" for contact, name, role in parties if same_name(name, typed)}
        if not named and same_name(typed, CLERK_NAME):
            return COURT_CLERK
        if not named:
            everyone = session.execute(select(ContactRow.id, ContactRow.name).where(
                ContactRow.match_key == fold_name(typed), ContactRow.deleted_at.is_(None))).all()
            named = {contact: f"{name} (contact #{contact})" for contact, name in everyone if same_name(name, typed)}
    if len(named) == 1:
        return next(iter(named))
    if named:
        raise ValidationError("recipient", f"Several contacts are called “{shown(typed)}”: "
                                           f"{'; '.join(list(named.values())[:SHOWN])}. Give the matter's party "
                                           "its own name, or add the one you mean to the matter.")
    near = _near(store, typed) or [f"{name} ({role})" for _c, name, role in parties][:SHOWN]
    listed = f" Did you mean: {'; '.join(near)}?" if near else ""
    raise ValidationError("recipient", f"No contact is called “{shown(typed)}”.{listed}")


def _near(store: Store, typed: str) -> list[str]:
    from legalsec_desktop.services.contacts import similar_contacts

    return [f"{hit.name} ({', '.join(hit.roles[:2])})" for hit in similar_contacts(store, typed, SHOWN)]


def signer_by_text(store: Store, typed: str) -> int:
    """The timekeeper with these initials, else of this name; ValidationError('signer') naming the attorneys."""
    typed = " ".join(typed.split())
    with store.read() as session:
        rows = session.execute(select(TimekeeperRow.id, TimekeeperRow.name, TimekeeperRow.initials,
                                      TimekeeperRow.is_attorney)).all()
    for found in ([r.id for r in rows if r.initials.casefold() == typed.casefold()],
                  [r.id for r in rows if same_name(r.name, typed)]):
        if len(found) == 1:
            return int(found[0])
    known = "; ".join(f"{r.initials} ({r.name})" for r in rows if r.is_attorney) or "none"
    raise ValidationError("signer", f"No one of the firm has the initials or name “{shown(typed)}”. The attorneys: "
                                    f"{known}.")
