"""Typed parties are not duplicated or mis-parsed: the same contact is found, new ones are kept as their words say."""

from datetime import date

import pytest
from sqlalchemy import select

from legalsec_desktop.db.models import ContactRow
from legalsec_desktop.domain.contacts import ContactDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import contacts, matters


@pytest.fixture
def pioneer(store):
    return matters.create_matter(store, MatterDraft(
        "2020-0001", "Pioneer Trucking Co. v. Joshua Jones", "Pioneer Trucking Co.", date(2020, 1, 6),
        adverse_names=("Joshua Jones",)))


def contact_row(store, name):
    with store.read() as session:
        row = session.scalars(select(ContactRow).where(ContactRow.name == name)).one()
        return row.name, row.sort_name, row.is_organization


def test_a_typed_organisation_is_an_organisation_not_company_comma_pioneer(store, pioneer):
    contacts.add_party(store, pioneer, "Northwind Freight Company", "witness")
    assert contact_row(store, "Northwind Freight Company") == (
        "Northwind Freight Company", "Northwind Freight Company", True)


def test_a_typed_last_first_person_is_kept_first_last(store, pioneer):
    contacts.add_party(store, pioneer, "Jones, Josh", "witness")
    assert contact_row(store, "Josh Jones") == ("Josh Jones", "Jones, Josh", False)
    # typed again either way round, it is the same contact
    other = matters.create_matter(store, MatterDraft("2026-0001", "Other", "Ann Lee", date(2026, 1, 6)))
    contacts.add_party(store, other, "Josh Jones", "witness")
    contacts.add_party(store, other, "Jones, Josh", "expert")
    with store.read() as session:
        assert len(session.scalars(select(ContactRow).where(ContactRow.match_key == "josh jones")).all()) == 1


def test_the_kind_can_be_overridden(store, pioneer):
    contacts.add_party(store, pioneer, "Mark Bank", "witness")
    contacts.add_party(store, pioneer, "Harbor Bank", "insurer")
    contacts.add_party(store, pioneer, "Ivy Court", "other", is_organization=True)
    assert contact_row(store, "Mark Bank")[2] is False
    assert contact_row(store, "Harbor Bank")[2] is True
    assert contact_row(store, "Ivy Court") == ("Ivy Court", "Ivy Court", True)


def test_similar_contacts_offer_the_client_the_conflict_check_matched(store, pioneer):
    similar = contacts.similar_contacts(store, "Pioneer Trucking Company")
    assert similar[0].name == "Pioneer Trucking Co." and similar[0].score == 100
    assert "client on 2020-0001" in similar[0].roles
    by_nickname = contacts.similar_contacts(store, "Jones, Josh")
    assert [c.name for c in by_nickname] == ["Joshua Jones"]
    assert "opposing party on 2020-0001" in by_nickname[0].roles
    assert contacts.similar_contacts(store, "Zebulon Quartermaine") == []
    assert contacts.similar_contacts(store, "  ") == []


def test_a_new_matters_client_and_adverse_names_are_kept_as_their_words_say(store):
    matters.create_matter(store, MatterDraft("2026-0002", "Lee v. Travis County", "Lee, Ann", date(2026, 1, 6),
                                             adverse_names=("Travis County",)))
    assert contact_row(store, "Ann Lee") == ("Ann Lee", "Lee, Ann", False)
    assert contact_row(store, "Travis County") == ("Travis County", "Travis County", True)


def test_a_saved_contact_person_typed_last_first_is_kept_first_last(store):
    saved = contacts.save_contact(store, ContactDraft("Doe, Jane", is_organization=False))
    assert contacts.load_contact(store, saved).name == "Jane Doe"
    company = contacts.save_contact(store, ContactDraft("Widgets, Inc.", is_organization=True))
    assert contacts.load_contact(store, company).name == "Widgets, Inc."
    assert contact_row(store, "Widgets, Inc.") == ("Widgets, Inc.", "Widgets, Inc.", True)
