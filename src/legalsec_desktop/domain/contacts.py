"""People and organisations: what a contact records and what makes one acceptable."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from legalsec_desktop.domain.errors import ValidationError

ALIAS_KINDS = ("aka", "former name", "married name", "d/b/a", "former company name")
MAX_NAME = 300
MAX_COURTESY_TITLE = 20  # the database's column widths (db.models)
MAX_ORGANIZATION = 300
# Offered in the contact dialog (any other may be typed: "Rev.", "Judge"); blank for none. A salutation uses it.
COURTESY_TITLES = ("", "Mr.", "Ms.", "Mrs.", "Mx.", "Dr.", "Prof.", "Hon.")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class ContactDraft:
    name: str
    is_organization: bool = False
    address: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""
    aliases: tuple[tuple[str, str], ...] = field(default=())  # (name, kind)
    rate_override_cents: int | None = None  # as a client: the hourly rate on all its matters
    billing_increment_minutes: int | None = None  # as a client: its billing increment (None: the firm's)
    billing_id: str = ""  # as a client: its id in its e-billing system (LEDES CLIENT_ID)
    courtesy_title: str = ""  # "Ms.": "Dear Ms. Lewis:" (a person's; blank for none)
    organization: str = ""  # the firm or company a person works for (opposing counsel's firm)


def validate_contact(contact: ContactDraft) -> None:
    name = contact.name.strip()
    if not name:
        raise ValidationError("name", "Enter the name.")
    if contact.rate_override_cents is not None and not 0 <= contact.rate_override_cents <= 10_000_00:
        raise ValidationError("rate_override_cents", "Enter an hourly rate between $0 and $10,000, or leave it blank.")
    if contact.billing_increment_minutes is not None and not 1 <= contact.billing_increment_minutes <= 60:
        raise ValidationError("billing_increment_minutes", "Choose a billing increment from the list.")
    if len(contact.billing_id.strip()) > 20:
        raise ValidationError("billing_id", "An e-billing client ID has at most 20 characters.")
    if len(name) > MAX_NAME:
        raise ValidationError("name", f"The name is longer than {MAX_NAME} characters ({len(name)}).")
    if len(contact.phone.strip()) > 60:
        raise ValidationError("phone", "The phone field is longer than 60 characters.")
    email = contact.email.strip()
    if len(email) > 200:
        raise ValidationError("email", "The e-mail address is longer than 200 characters.")
    for address in (part.strip() for part in email.replace(";", ",").split(",")):
        if address and not EMAIL.match(address):
            raise ValidationError("email", f"“{address}” does not look like an e-mail address (name@example.com).")
    if len(contact.courtesy_title.strip()) > MAX_COURTESY_TITLE:
        raise ValidationError("courtesy_title", f"The courtesy title is longer than {MAX_COURTESY_TITLE} characters "
                                                "(Mr., Ms., Dr., Hon. …).")
    if len(contact.organization.strip()) > MAX_ORGANIZATION:
        raise ValidationError("organization", f"The organization is longer than {MAX_ORGANIZATION} characters.")
    for alias, kind in contact.aliases:
        if len(alias.strip()) > MAX_NAME:
            raise ValidationError("aliases", f"The other name “{alias[:40]}…” is longer than {MAX_NAME} characters.")
        if kind not in ALIAS_KINDS:
            raise ValidationError("aliases", f"“{kind}” is not a kind of name ({', '.join(ALIAS_KINDS)}).")


def parse_aliases(text: str) -> tuple[tuple[str, str], ...]:
    """One other name per line, optionally 'kind: name' ('d/b/a: Acme Tools', 'former name: Jane Doe')."""
    found = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        kind, sep, rest = line.partition(":")
        if sep and kind.strip().lower() in ALIAS_KINDS and rest.strip():
            found.append((rest.strip(), kind.strip().lower()))
        else:
            found.append((line, "aka"))
    return tuple(found)


def format_aliases(aliases: tuple[tuple[str, str], ...]) -> str:
    return "\n".join(name if kind == "aka" else f"{kind}: {name}" for name, kind in aliases)
