"""The catalogue of fields a letter template may use: what is known, what is not, and the list users read."""

import pytest

from legalsec_desktop.domain.letter_fields import FIELDS, PERSON, every_field, known_field, role_key


@pytest.mark.parametrize("dotted", ["matter.case_number", "client.salutation", "recipient.address_block",
                                    "signer.bar_number", "firm.fax", "today", "parties", "events", "deadlines",
                                    "roles.opposing_counsel", "roles", "ask.hearing_date", "matter"])
def test_known_fields(dotted):
    assert known_field(dotted)


@pytest.mark.parametrize("dotted", ["matter.nmber", "clients.name", "ask", "ask.a.b", "roles.nobody", "today.year",
                                    "parties.nmae", "signer.address", "", "__class__", "matter.__class__"])
def test_unknown_fields(dotted):
    assert not known_field(dotted)


def test_a_list_names_the_fields_of_its_items():
    # `parties.name` is what each party holds (a loop reads it as `party.name`; formats.template_fields checks loops)
    assert known_field("parties.name") and known_field("events.location") and not known_field("events.salutation")


def test_client_alone_is_a_record_not_a_value():
    assert known_field("client") and isinstance(FIELDS["client"], dict)


def test_role_keys_join_words_with_underscores():
    assert role_key("opposing counsel") == "opposing_counsel"
    assert role_key("Guardian ad-litem") == "guardian_ad_litem"


def test_every_field_lists_each_leaf_once_with_what_it_holds():
    listed = every_field()
    names = [name for name, _ in listed]
    assert len(names) == len(set(names))
    assert ("recipient.salutation", PERSON["salutation"]) in listed
    assert any(name == "parties" and "{% for item in parties %}" in text for name, text in listed)
    assert all(text for _, text in listed) and "roles.opposing_counsel" in names
    assert all(known_field(name) for name in names)
