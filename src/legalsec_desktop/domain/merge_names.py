"""Our field for a Word mail-merge field's name: FirstName, First_Name and "First Name" are all the recipient's
first name; what cannot be told (a column of the firm's own) is left for the user to map."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Merge names, folded (lower case, letters and digits only), to our fields. A person's fields are the recipient's
# unless the name says client (ClientFirstName → client.first_name).
PERSON_NAMES = {
    "first_name": ("firstname", "first", "fname", "givenname", "forename"),
    "last_name": ("lastname", "last", "lname", "surname", "familyname"),
    "name": ("name", "fullname", "contactname", "displayname", "addressee"),
    "organization": ("company", "companyname", "organization", "organisation", "business", "employer"),
    "address": ("address", "address1", "addressline", "addressline1", "addr1", "street", "streetaddress",
                "mailingaddress"),
    "address_block": ("addressblock", "fulladdress", "mailingblock", "insideaddress"),
    "salutation": ("greetingline", "salutationline", "fullsalutation", "fullgreeting"),  # Word's whole greeting
    # A data source's Salutation column holds whom to greet ("Dear «Salutation»:"), not the greeting itself
    "salutation_name": ("salutation", "salutationname", "greeting", "greetingname", "dear", "dearname",
                        "addressas"),
    "courtesy_title": ("title", "courtesytitle", "prefix", "honorific", "mrms"),
    "email": ("email", "emailaddress", "mail"),
    "phone": ("phone", "telephone", "phonenumber", "tel", "workphone", "businessphone"),
}
OTHER_NAMES = {
    "client.name": ("client", "clientname"),
    "matter.number": ("matter", "matternumber", "matterno", "matterid", "fileno", "filenumber", "ourfile",
                      "ourref", "ourreference"),
    "matter.title": ("mattername", "mattertitle", "matterdescription"),
    "matter.caption": ("caption", "casename", "casecaption", "casestyle", "style"),
    "matter.case_number": ("casenumber", "caseno", "causenumber", "causeno", "docketnumber", "docketno",
                           "indexnumber", "civilactionno"),
    "matter.court": ("court", "courtname"),
    "matter.judge": ("judge", "judgename"),
    "matter.client_reference": ("clientreference", "yourref", "yourreference", "clientref"),
    "matter.opened": ("dateopened", "openeddate", "opened"),
    "signer.name": ("attorney", "attorneyname", "lawyer", "responsibleattorney", "signer", "signername",
                    "signature", "author"),
    "signer.title": ("attorneytitle", "signertitle"),
    "signer.bar_number": ("barnumber", "barno", "attorneybarnumber"),
    "signer.initials": ("initials", "attorneyinitials", "typistinitials"),
    "firm.name": ("firm", "firmname", "lawfirm"),
    "firm.address": ("firmaddress",),
    "firm.phone": ("firmphone",),
    "firm.fax": ("firmfax",),
    "firm.email": ("firmemail",),
    "today": ("date", "today", "letterdate", "currentdate", "todaysdate"),
}
# Parts of an address we hold in one block (recipient.address holds every line): dropped when the document also
# has the address itself, else left for the user (the document may print only the city).
ADDRESS_PARTS = ("city", "town", "state", "province", "region", "zip", "zipcode", "postalcode", "postcode",
                 "zip4", "country", "countryregion", "address2", "addressline2", "addr2", "address3",
                 "addressline3")
_PEOPLE = ("recipient", "contact", "to", "client", "addressee")

_FIELD_BY_NAME = {folded: f"recipient.{field}" for field, names in PERSON_NAMES.items() for folded in names}
_FIELD_BY_NAME.update({folded: field for field, names in OTHER_NAMES.items() for folded in names})


def fold(name: str) -> str:
    """A merge name folded for matching: 'First_Name', 'First Name' and 'FirstName' are all 'firstname'."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def guess_field(name: str) -> str | None:
    """Our field for one merge name ('recipient.first_name', 'client.address'), or None when it cannot be told."""
    folded = fold(name)
    for prefix in _PEOPLE:
        rest = folded[len(prefix):]
        if folded.startswith(prefix) and rest and rest in _FIELD_BY_NAME:
            field = _FIELD_BY_NAME[rest]
            if field.startswith("recipient."):
                return f"client.{field.partition('.')[2]}" if prefix == "client" else field
    return _FIELD_BY_NAME.get(folded)


def guess_mapping(names: Sequence[str]) -> dict[str, str | None]:
    """Each merge name mapped to our field, "" to drop it (a city or ZIP code when the document has the whole
    address too, which holds them), or None when it cannot be told and the user must choose."""
    guessed = {name: guess_field(name) for name in names}
    has_address = any(field is not None and field.endswith((".address", ".address_block"))
                      for field in guessed.values())
    for name, field in guessed.items():
        if field is None and has_address and fold(name) in ADDRESS_PARTS:
            guessed[name] = ""
    return guessed
