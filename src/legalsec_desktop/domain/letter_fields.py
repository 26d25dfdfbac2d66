"""The fields a letter template can use, as a template reads them (`{{ matter.case_number }}`), and what each holds.

A template's data is plain: strings, and lists and dicts of strings. Every person (the client, the recipient, each
party) has the same fields; `parties` lists every party of the matter and `roles` the same by role
(`roles.opposing_counsel`). Asked-for values are under `ask` (see domain.letter_asks). Multi-line values
(addresses) hold line breaks, which Word shows as line breaks.
"""

from __future__ import annotations

from legalsec_desktop.domain.conflicts import PARTY_ROLES

PERSON = {
    "name": "Full name (Jane Q. Lewis; Acme Corp.)",
    "first_name": "First name",
    "last_name": "Last name",
    "courtesy_title": "Mr., Ms., Dr. … as entered",
    "salutation": "Dear Ms. Lewis:",
    "salutation_name": "Whom the salutation greets: Ms. Lewis; Sir or Madam (after a typed “Dear”)",
    "organization": "The firm or company a person works for",
    "address": "Street address, lines as entered",
    "address_block": "Name, organization and address, one per line",
    "email": "E-mail address",
    "phone": "Telephone",
    "role": "Role on the matter (client, opposing counsel …)",
    "is_organization": "“yes” for a company or other organisation, blank for a person",
}
EVENT = {
    "date": "Its date, in long form (December 3, 2026)",
    "time": "Its time (9:30 AM), or blank for an all-day item",
    "title": "What it is",
    "kind": "hearing, filing deadline …",
    "location": "Where",
}
FIRM = {
    "name": "The firm's name",
    "address": "The firm's address, lines as entered",
    "phone": "Telephone",
    "fax": "Fax",
    "email": "E-mail",
}
MATTER = {
    "number": "Matter number",
    "title": "Matter title",
    "caption": "Case caption",
    "court": "Court",
    "case_number": "Case number",
    "judge": "Judge",
    "rules": "Court rules the deadlines follow",
    "practice_area": "Practice area",
    "client_reference": "The client's own reference for the matter",
    "opened": "Date opened, in long form",
    "responsible_attorney": "Responsible attorney's name",
}
SIGNER = {
    "name": "Who signs: the matter's responsible attorney unless another is chosen",
    "title": "The signer's title (Partner, Attorney at Law)",
    "bar_number": "The signer's bar number",
    "initials": "The signer's initials",
}
# Each top-level name: a dict of its fields (a record), ("list", fields) for a list of records, or a description.
FIELDS: dict[str, dict[str, str] | tuple[str, dict[str, str]] | str] = {
    "firm": FIRM,
    "matter": MATTER,
    "client": PERSON,
    "recipient": PERSON,
    "signer": SIGNER,
    "today": "Today's date in long form (November 30, 2026)",
    "parties": ("list", PERSON),
    "events": ("list", EVENT),  # the matter's upcoming events, soonest first
    "deadlines": ("list", EVENT),  # the matter's upcoming deadlines, soonest first
}
ROLE_KEYS = {role: role.replace(" ", "_").replace("-", "_") for role in PARTY_ROLES}  # "opposing counsel" → key


def role_key(role: str) -> str:
    """The key of a role under `roles` (`roles.opposing_counsel`): its words joined by underscores."""
    return ROLE_KEYS.get(role, "_".join(role.replace("-", " ").split()).lower())


def known_field(dotted: str) -> bool:
    """Whether `dotted` ('matter.case_number', 'roles.opposing_counsel', 'ask.fee', 'today') is a field we fill;
    `ask.<anything>` is always known (an asked-for value)."""
    head, _, rest = dotted.partition(".")
    if head == "ask":  # even `ask.update`: the sandbox reads a dict's keys before its methods
        return bool(rest) and "." not in rest
    if head == "roles":
        return not rest or rest.partition(".")[0] in ROLE_KEYS.values()
    shape = FIELDS.get(head)
    if shape is None:
        return False
    if not rest:
        return True
    record = shape[1] if isinstance(shape, tuple) else shape
    return isinstance(record, dict) and rest in record


def every_field() -> list[tuple[str, str]]:
    """Every field a template may use, with what it holds, in the order a user reads them (for pickers and docs)."""
    found: list[tuple[str, str]] = []
    for head, shape in FIELDS.items():
        if isinstance(shape, str):
            found.append((head, shape))
        elif isinstance(shape, tuple):
            found.append((head, f"A list: {{% for item in {head} %}} … item.{next(iter(shape[1]))} … {{% endfor %}}"))
        else:
            found += [(f"{head}.{name}", text) for name, text in shape.items()]
    found += [(f"roles.{key}", f"The matter's parties with the role {role} (a list)")
              for role, key in ROLE_KEYS.items()]
    return found
