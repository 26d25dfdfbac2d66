"""services.mailing: the address blocks of a matter's parties (by role, one a contact), the firm's return
address, and a recipient without an address said in words, never printed as "None"."""

import pytest
from mailing_setup import FIRM, mailing_matter

from legalsec_desktop.db.models import ContactRow
from legalsec_desktop.domain.contacts import ContactDraft
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.services import contacts, mailing


def test_every_party_once_clients_first_with_firm_and_address_lines(store):
    matter_id = mailing_matter(store)
    found = mailing.matter_addresses(store, matter_id)
    # by role, then by last name
    assert [a.name for a in found] == ["Ana Rivera", "Brian Okafor", "Scott Collins", "Dana Whitfield",
                                       "Nora Blank"]
    rivera, _okafor, collins, _whitfield, blank = found
    assert rivera.lines == ("Ana Rivera", "12 Elm St", "Apt 4B", "Oakland, CA 94612")  # the blank line dropped
    assert rivera.roles == ("client",) and rivera.printable and rivera.warning == ""
    assert collins.lines == ("Scott Collins", "Collins & Björk LLP", "4107 Market St, Floor 9",
                             "Los Angeles, CA 90012")
    assert not blank.printable and blank.lines == ("Nora Blank",)
    assert "Nora Blank has no address" in blank.warning
    assert all("None" not in line for a in found for line in a.lines)


def test_one_role_only(store):
    matter_id = mailing_matter(store)
    counsel = mailing.matter_addresses(store, matter_id, "opposing counsel")
    assert [a.name for a in counsel] == ["Scott Collins", "Dana Whitfield"]
    assert mailing.matter_addresses(store, matter_id, "judge") == []
    with pytest.raises(ValidationError, match="not a role"):
        mailing.matter_addresses(store, matter_id, "counsel")


def test_a_contact_in_two_roles_gets_one_label(store):
    matter_id = mailing_matter(store)
    collins = mailing.find_recipient(store, matter_id, "Scott Collins")
    contacts.add_party(store, matter_id, "", "witness", contact_id=collins)
    found = [a for a in mailing.matter_addresses(store, matter_id) if a.contact_id == collins]
    assert len(found) == 1 and found[0].roles == ("opposing counsel", "witness")


def test_removed_parties_and_deleted_contacts_are_left_out(store):
    matter_id = mailing_matter(store)
    party = next(p for p in contacts.list_parties(store, matter_id) if p.name == "Brian Okafor")
    contacts.remove_party(store, party.party_id)
    assert "Brian Okafor" not in [a.name for a in mailing.matter_addresses(store, matter_id)]
    with pytest.raises(ValidationError, match="no longer exists"):
        mailing.matter_addresses(store, matter_id + 99)


def test_contact_address_and_a_typed_one(store):
    matter_id = mailing_matter(store)
    blank = mailing.find_recipient(store, matter_id, "nora  BLANK")  # any case, spaces as typed
    assert not mailing.contact_address(store, blank).printable
    typed = mailing.contact_address(store, blank, "1 Court Sq\nBoston, MA 02108")
    assert typed.printable and typed.lines == ("Nora Blank", "1 Court Sq", "Boston, MA 02108")
    with store.write() as session:
        session.get(ContactRow, blank).deleted_at = store.clock.utc_now()
    with pytest.raises(ValidationError, match="no longer exists"):
        mailing.contact_address(store, blank)


def test_an_organisation_has_no_firm_line_of_its_own(store):
    matter_id = mailing_matter(store)
    with store.write() as session:
        row = session.query(ContactRow).filter_by(name="Ana Rivera").one()
        row.is_organization, row.organization = True, "Ignored Holdings"
    assert "Ignored Holdings" not in mailing.matter_addresses(store, matter_id)[0].lines


def test_find_recipient_a_party_first_then_any_contact_or_a_clear_message(store):
    matter_id = mailing_matter(store)
    party = mailing.find_recipient(store, matter_id, "ana rivera")
    assert party in {a.contact_id for a in mailing.matter_addresses(store, matter_id, "client")}
    namesake = contacts.save_contact(store, ContactDraft("Ana Rivera"))  # another contact of the same name
    clerk = contacts.save_contact(store, ContactDraft("Clerk of Court"))  # on no matter
    assert mailing.find_recipient(store, matter_id, "Ana Rivera") == party != namesake
    assert mailing.find_recipient(store, matter_id, "clerk of court") == clerk
    with pytest.raises(ValidationError, match="No contact is named “Zed Nobody”"):
        mailing.find_recipient(store, matter_id, "Zed Nobody")


def test_return_address(store):
    assert mailing.return_address(store) == ()
    mailing_matter(store)
    assert mailing.return_address(store) == FIRM


def test_warnings_name_who_is_left_out(store):
    found = mailing.matter_addresses(store, mailing_matter(store))
    assert mailing.mailing_warnings(found) == [
        "Nora Blank has no address and is left out: add one to the contact to print it."]
