"""Clients and contacts, their other names, and their roles (parties) on matters.

Deleting a contact, a party or a log entry only marks it deleted, so it can be brought back
(Edit ▸ Undo uses restore_*).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import ContactAliasRow, ContactRow, MatterRow, PartyRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.conflicts import MIN_SCORE, PARTY_ROLES, SearchName
from legalsec_desktop.domain.contacts import ContactDraft, validate_contact
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.names import fold_name, same_name
from legalsec_desktop.domain.party_names import party_name
from legalsec_desktop.services.rows import ContactMatter, MatterParty


def find_by_name(session: Session, name: str, clients_first: bool = False) -> ContactRow | None:
    """The live contact of that very name in any case and any script, through the stored folded key.

    (SQLite's lower() folds ASCII only: "ÖZTÜRK GMBH" and "Öztürk GmbH" were two clients.)
    """
    order = (ContactRow.is_client.desc(), ContactRow.id) if clients_first else (ContactRow.id,)
    candidates = session.scalars(select(ContactRow).where(
        ContactRow.match_key == fold_name(name), ContactRow.deleted_at.is_(None)).order_by(*order))
    return next((contact for contact in candidates if same_name(contact.name, name)), None)


def load_contact(store: Store, contact_id: int) -> ContactDraft:
    with store.read() as session:
        row = session.get(ContactRow, contact_id)
        if row is None:
            raise ValidationError("name", "That contact no longer exists.")
        aliases = session.execute(select(ContactAliasRow.alias, ContactAliasRow.kind)
                                  .where(ContactAliasRow.contact_id == contact_id).order_by(ContactAliasRow.id)).all()
        return ContactDraft(row.name, row.is_organization, row.address, row.phone, row.email, row.notes,
                            tuple((a, k) for a, k in aliases), row.rate_override_cents, row.billing_increment_minutes,
                            row.billing_id, row.courtesy_title, row.organization)


def save_contact(store: Store, draft: ContactDraft, contact_id: int | None = None) -> int:
    """Create (contact_id None) or update a contact and replace its other names; returns its id."""
    validate_contact(draft)
    kept = party_name(draft.name, draft.is_organization)  # a person's "Jones, Josh" is kept as Josh Jones
    with store.write() as session:
        row = ContactRow(is_client=False) if contact_id is None else session.get(ContactRow, contact_id)
        if row is None:
            raise ValidationError("name", "That contact no longer exists.")
        row.name, row.sort_name = kept.name, kept.sort_name
        row.is_organization = draft.is_organization
        row.address, row.phone, row.email, row.notes = (draft.address.strip(), draft.phone.strip(),
                                                        draft.email.strip(), draft.notes.strip())
        row.rate_override_cents, row.billing_increment_minutes = (draft.rate_override_cents,
                                                                  draft.billing_increment_minutes)
        row.billing_id = draft.billing_id.strip()
        row.courtesy_title = draft.courtesy_title.strip()
        row.organization = " ".join(draft.organization.split())
        session.add(row)
        session.flush()
        session.execute(delete(ContactAliasRow).where(ContactAliasRow.contact_id == row.id))
        for alias, kind in dict.fromkeys((" ".join(a.split()), k) for a, k in draft.aliases if a.strip()):
            session.add(ContactAliasRow(contact_id=row.id, alias=alias, kind=kind))
        return row.id


def delete_contact(store: Store, contact_id: int) -> str:
    """Mark a contact deleted (its roles on matters are hidden with it); returns its name for the undo text."""
    with store.write() as session:
        row = session.get(ContactRow, contact_id)
        if row is None or row.deleted_at is not None:
            raise ValidationError("name", "That contact was already deleted.")
        clients_of = list(session.scalars(select(MatterRow.number).where(MatterRow.client_id == contact_id).limit(4)))
        if clients_of:
            raise ValidationError("name", f"{row.name} is the client of matter {', '.join(clients_of[:3])}"
                                          f"{' and others' if len(clients_of) > 3 else ''}. A client cannot be "
                                          "deleted; change the matter's client first.")
        row.deleted_at = store.clock.utc_now()
        return row.name


def restore_contact(store: Store, contact_id: int) -> None:
    with store.write() as session:
        session.execute(update(ContactRow).where(ContactRow.id == contact_id).values(deleted_at=None))


def contact_names(store: Store) -> list[str]:
    """Every live contact's name, for completion when adding a party."""
    with store.read() as session:
        return list(session.scalars(select(ContactRow.name).where(ContactRow.deleted_at.is_(None))
                                    .order_by(ContactRow.sort_name)))


def contact_matters(store: Store, contact_id: int) -> list[ContactMatter]:
    """Every matter the contact is on, newest number first."""
    with store.read() as session:
        rows = session.execute(
            select(MatterRow.number, MatterRow.title, PartyRow.role, MatterRow.status)
            .join(MatterRow, MatterRow.id == PartyRow.matter_id)
            .where(PartyRow.contact_id == contact_id, PartyRow.deleted_at.is_(None)).order_by(MatterRow.number.desc())
        ).all()
    return [ContactMatter(number, title, role, status) for number, title, role, status in rows]


def new_or_same_contact(session: Session, typed: str, is_organization: bool | None = None,
                        clients_first: bool = False) -> ContactRow:
    """The live contact of that very name (as typed, or as it is kept: "Jones, Josh" is Josh Jones), else a
    new one, a person or an organisation as `is_organization` says (None: as the words of the name say)."""
    kept = party_name(typed, is_organization)
    found = find_by_name(session, typed, clients_first) or find_by_name(session, kept.name, clients_first)
    if found is not None:
        return found
    contact = ContactRow(name=kept.name, sort_name=kept.sort_name, is_organization=kept.is_organization,
                         is_client=False)
    session.add(contact)
    return contact


@dataclass(frozen=True)
class SimilarContact:
    """A contact already in the files whose name resembles a typed one, and what it is on."""

    contact_id: int
    name: str
    score: int  # 100: the same name in another form ("Pioneer Trucking Company" for "Pioneer Trucking Co.")
    roles: tuple[str, ...]  # "client on 2020-0001", "opposing party on 2022-0003" ... ("contact" when none)


def similar_contacts(store: Store, typed: str, limit: int = 8) -> list[SimilarContact]:
    """The contacts a typed name may mean, closest first, found as the conflict check finds names (forms of
    a company, order, spelling, nicknames), so that a party is not entered twice."""
    if not typed.strip():
        return []
    found: dict[int, tuple[int, str, list[str]]] = {}
    from legalsec_desktop.services import conflicts  # rapidfuzz and the nickname list load when first needed

    for hit in conflicts.find_hits(store, [SearchName(typed, "other")], min_score=MIN_SCORE):
        score, name, roles = found.setdefault(hit.contact_id, (hit.score, hit.contact_name, []))
        found[hit.contact_id] = (max(score, hit.score), name, roles)
        roles.append(f"{hit.role} on {hit.matter_number}" if hit.matter_number else "contact")
    ranked = sorted(found.items(), key=lambda item: (-item[1][0], item[1][1].casefold()))
    return [SimilarContact(contact_id, name, score, tuple(dict.fromkeys(roles)))
            for contact_id, (score, name, roles) in ranked[:limit]]


# --- parties ------------------------------------------------------------------------------
def list_parties(store: Store, matter_id: int) -> list[MatterParty]:
    """The parties on a matter, clients first, then by role and name."""
    order = {role: i for i, role in enumerate(PARTY_ROLES)}
    with store.read() as session:
        rows = session.execute(
            select(PartyRow.id, ContactRow.id, ContactRow.name, PartyRow.role, ContactRow.phone, ContactRow.email)
            .join(ContactRow, ContactRow.id == PartyRow.contact_id)
            .where(PartyRow.matter_id == matter_id, PartyRow.deleted_at.is_(None), ContactRow.deleted_at.is_(None))
        ).all()
    return sorted((MatterParty(party, contact, name, role, phone, email)
                   for party, contact, name, role, phone, email in rows),
                  key=lambda p: (order.get(p.role, 99), p.name.casefold()))


def add_party(store: Store, matter_id: int, name: str, role: str, contact_id: int | None = None,
              is_organization: bool | None = None) -> int:
    """Put a contact (an existing one by id or exact name, else a new one) on the matter in a role.

    A new contact is a person or an organisation as `is_organization` says (None: as its words say), and a
    person's "Last, First" is kept as "First Last" (see domain.party_names).
    """
    name = " ".join(name.split())
    if role not in PARTY_ROLES:
        raise ValidationError("role", f"Choose a role: {', '.join(PARTY_ROLES)}.")
    if contact_id is None:
        if not name:
            raise ValidationError("name", "Enter the party's name.")
        validate_contact(ContactDraft(name))
    with store.write() as session:
        if session.get(MatterRow, matter_id) is None:
            raise ValidationError("name", "That matter no longer exists.")
        if contact_id is None:
            made = new_or_same_contact(session, name, is_organization)
            session.flush()
            contact_id = made.id
        contact = session.get(ContactRow, contact_id)
        if contact is None or contact.deleted_at is not None:
            raise ValidationError("name", "That contact no longer exists.")
        if role == "client":
            contact.is_client = True
        same = session.scalar(select(PartyRow.id).where(
            PartyRow.matter_id == matter_id, PartyRow.contact_id == contact_id, PartyRow.role == role,
            PartyRow.deleted_at.is_(None)))
        if same is not None:
            raise ValidationError("name", f"{contact.name} is already on this matter as {role}.")
        party = PartyRow(matter_id=matter_id, contact_id=contact_id, role=role)
        session.add(party)
        session.flush()
        return party.id


def set_party_role(store: Store, party_id: int, role: str) -> None:
    if role not in PARTY_ROLES:
        raise ValidationError("role", f"Choose a role: {', '.join(PARTY_ROLES)}.")
    with store.write() as session:
        session.execute(update(PartyRow).where(PartyRow.id == party_id).values(role=role))


def remove_party(store: Store, party_id: int) -> str:
    """Take a party off its matter (marked deleted); the matter's own client cannot be removed."""
    with store.write() as session:
        party = session.get(PartyRow, party_id)
        if party is None or party.deleted_at is not None:
            raise ValidationError("name", "That party was already removed.")
        matter = session.get_one(MatterRow, party.matter_id)  # a party's matter and contact are never deleted
        contact = session.get_one(ContactRow, party.contact_id)
        if party.role == "client" and matter.client_id == party.contact_id:
            raise ValidationError("name",
                                  f"{contact.name} is the matter's client. Edit the matter to change its client.")
        party.deleted_at = store.clock.utc_now()
        return f"{contact.name} ({party.role})"


def restore_party(store: Store, party_id: int) -> None:
    with store.write() as session:
        session.execute(update(PartyRow).where(PartyRow.id == party_id).values(deleted_at=None))


def contact_choices(store: Store) -> list[tuple[int, str]]:
    """Every contact (not deleted) as (id, name), by name: for a picker of any contact (a letter's recipient)."""
    with store.read() as session:
        rows = session.execute(select(ContactRow.id, ContactRow.name).where(ContactRow.deleted_at.is_(None))).all()
    return sorted(((contact_id, name) for contact_id, name in rows), key=lambda row: row[1].casefold())
