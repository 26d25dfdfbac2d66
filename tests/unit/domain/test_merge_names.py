"""Mail-merge names guessed as our fields: the common spellings, client's versus the recipient's, and an address's
City, State and ZIP dropped only when the document has the address itself."""

import pytest

from legalsec_desktop.domain.merge_names import fold, guess_field, guess_mapping


@pytest.mark.parametrize(("name", "field"), [
    ("FirstName", "recipient.first_name"), ("First_Name", "recipient.first_name"),
    ("first name", "recipient.first_name"),
    ("LastName", "recipient.last_name"), ("Surname", "recipient.last_name"), ("Company", "recipient.organization"),
    ("Address1", "recipient.address"), ("Address_Line_1", "recipient.address"), ("AddressBlock",
                                                                                  "recipient.address_block"),
    ("Salutation", "recipient.salutation_name"), ("Greeting_Name", "recipient.salutation_name"),
    ("ClientSalutation", "client.salutation_name"), ("GreetingLine", "recipient.salutation"),
    ("Title", "recipient.courtesy_title"), ("Email", "recipient.email"), ("E-mail Address", "recipient.email"),
    ("Phone", "recipient.phone"), ("Client", "client.name"), ("Client_First_Name", "client.first_name"),
    ("ClientAddress", "client.address"), ("RecipientLastName", "recipient.last_name"), ("Matter", "matter.number"),
    ("MatterNumber", "matter.number"), ("CaseNumber", "matter.case_number"), ("Case_No", "matter.case_number"),
    ("Court", "matter.court"), ("Judge", "matter.judge"), ("Attorney", "signer.name"), ("BarNumber",
                                                                                        "signer.bar_number"),
    ("Date", "today"), ("Today", "today"), ("FirmName", "firm.name")])
def test_common_merge_names(name, field):
    assert guess_field(name) == field


@pytest.mark.parametrize("name", ["Voornaam", "student_name", "Amount_Due", "Total", "X"])
def test_a_name_of_the_firms_own_is_left_to_the_user(name):
    assert guess_field(name) is None


def test_city_state_and_zip_are_dropped_only_beside_an_address():
    with_address = guess_mapping(["FirstName", "Address1", "Address2", "City", "State", "ZIP", "PostalCode",
                                  "Amount"])
    assert with_address == {"FirstName": "recipient.first_name", "Address1": "recipient.address", "Address2": "",
                            "City": "", "State": "", "ZIP": "", "PostalCode": "", "Amount": None}
    alone = guess_mapping(["FirstName", "City", "State"])
    assert alone == {"FirstName": "recipient.first_name", "City": None, "State": None}
    assert guess_mapping(["AddressBlock", "City"])["City"] == ""


def test_fold():
    assert fold("Address_Line 1") == "addressline1" == fold("ADDRESSLINE1")
