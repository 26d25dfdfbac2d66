"""Matters edited and closed, contacts and parties with soft deletes, the communication log with time."""

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from legalsec_desktop.db.models import EventRow, TimeEntryRow
from legalsec_desktop.domain.communications import CommunicationDraft
from legalsec_desktop.domain.contacts import ContactDraft
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import closing, communications, contacts, listings, matters
from legalsec_desktop.services.firm import load_profile, save_profile
from legalsec_desktop.domain.firm import Timekeeper
from legalsec_desktop.services.rows import ContactMatter, MatterFilters, OpenDeadline


@pytest.fixture
def matter_id(store):
    return matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 2, 2),
                                                    adverse_names=("Chidi Okafor", "chidi okafor ")))


def test_opening_adds_the_client_and_opposing_parties_once(store, matter_id):
    parties = contacts.list_parties(store, matter_id)
    assert [(p.name, p.role) for p in parties] == [("Ana Rivera", "client"), ("Chidi Okafor", "opposing party")]
    assert matters.load_matter(store, matter_id).caption == "Rivera v. Okafor"


def test_editing_every_field_and_moving_to_another_client(store, matter_id):
    draft = matters.load_matter(store, matter_id)
    edited = MatterDraft(
        number="2026-0001A", title="Rivera v. Okafor", client_name="Ana Rivera-Soto", opened_on=draft.opened_on,
        practice_area="Personal injury", court="Superior Court of California, County of Alameda",
        case_number="RG26-001234", caption="ANA RIVERA-SOTO, Plaintiff, v. CHIDI OKAFOR, Defendant.",
        judge="Hon. M. Chen, Dept. 17", jurisdiction="CA", status="pending", sol_date=date(2027, 1, 15),
        sol_note="Two years from injury", rate_override_cents=27500, notes="שלום — right-to-left note",
    )
    matters.update_matter(store, matter_id, edited)
    again = matters.load_matter(store, matter_id)
    assert again == edited
    roles = {(p.name, p.role) for p in contacts.list_parties(store, matter_id)}
    assert ("Ana Rivera-Soto", "client") in roles and ("Ana Rivera", "client") not in roles


def test_duplicate_number_on_edit_is_refused(store, matter_id):
    other = matters.create_matter(store, MatterDraft("2026-0002", "Lease", "Bo Li", date(2026, 3, 1)))
    draft = matters.load_matter(store, other)
    with pytest.raises(ValidationError) as caught:
        matters.update_matter(store, other, MatterDraft(**{**draft.__dict__, "number": "2026-0001"}))
    assert caught.value.field == "number"


def test_open_deadlines_are_found_before_closing(store, matter_id):
    with store.write() as session:
        session.add_all([
            EventRow(matter_id=matter_id, kind="response deadline", title="Answer due", on_date=date(2026, 12, 1)),
            EventRow(matter_id=matter_id, kind="hearing", title="CMC", on_date=date(2026, 12, 2)),
            EventRow(matter_id=matter_id, kind="filing deadline", title="Done one", on_date=date(2026, 1, 2),
                     status="done"),
        ])
    assert matters.open_deadlines(store, matter_id) == [
        OpenDeadline(date(2026, 12, 1), "response deadline", "Answer due")]
    closed = replace(matters.load_matter(store, matter_id), status="closed", closed_on=date(2026, 11, 23))
    with pytest.raises(ValidationError, match="closing checklist"):  # closing goes through services.closing
        matters.update_matter(store, matter_id, closed)
    assert matters.load_matter(store, matter_id).status == "open"
    closing.close_matter(store, matter_id, {}, "Client moved away; deadlines vacated by stipulation.",
                         date(2026, 11, 23))
    assert matters.load_matter(store, matter_id).status == "closed"


def test_matters_listing_filters_by_status_attorney_and_area(store, matter_id):
    matters.create_matter(store, MatterDraft("2026-0002", "Estate of Lee", "Bo Lee", date(2026, 3, 1),
                                             practice_area="Estate planning", status="pending"))
    assert len(listings.list_ids(store, "matters", filters=MatterFilters(status="pending"))) == 1
    in_estates = MatterFilters(status="open", practice_area="Estate planning")
    assert len(listings.list_ids(store, "matters", filters=in_estates)) == 0
    assert len(listings.list_ids(store, "matters", filters=MatterFilters(status=None))) == 2
    assert listings.list_ids(store, "matters", text="okafor") == [matter_id]  # caption and title are searched


def test_contacts_with_aliases_and_soft_delete(store, matter_id):
    contact_id = contacts.save_contact(store, ContactDraft(
        "Maria Gonzalez", address="1 Main St", phone="555-0100", email="mg@example.com",
        aliases=(("Maria Lopez", "married name"), ("Maria Lopez", "married name"))))
    assert contacts.load_contact(store, contact_id).aliases == (("Maria Lopez", "married name"),)
    assert listings.list_ids(store, "contacts", text="lopez") == [contact_id]
    assert contacts.delete_contact(store, contact_id) == "Maria Gonzalez"
    assert listings.list_ids(store, "contacts", text="lopez") == []
    contacts.restore_contact(store, contact_id)
    assert listings.list_ids(store, "contacts", text="lopez") == [contact_id]
    client_id = contacts.list_parties(store, matter_id)[0].contact_id
    with pytest.raises(ValidationError, match="client of matter 2026-0001"):
        contacts.delete_contact(store, client_id)


def test_parties_are_added_once_removed_softly_and_restored(store, matter_id):
    party = contacts.add_party(store, matter_id, "Hon. Rita Sandoval", "judge")
    with pytest.raises(ValidationError, match="already on this matter"):
        contacts.add_party(store, matter_id, "hon. rita sandoval", "judge")
    with pytest.raises(ValidationError):
        contacts.add_party(store, matter_id, "X", "friend")
    contacts.set_party_role(store, party, "court")
    assert contacts.remove_party(store, party) == "Hon. Rita Sandoval (court)"
    assert all(p.party_id != party for p in contacts.list_parties(store, matter_id))
    contacts.restore_party(store, party)
    assert any(p.party_id == party for p in contacts.list_parties(store, matter_id))
    client_party = contacts.list_parties(store, matter_id)[0].party_id
    with pytest.raises(ValidationError, match="matter's client"):
        contacts.remove_party(store, client_party)


def test_a_logged_call_can_record_its_time_at_the_matter_rate(store, matter_id):
    profile = load_profile(store)
    save_profile(store, profile.__class__(**{**profile.__dict__, "name": "Firm",
                                            "timekeepers": (Timekeeper("Ann Lee", "AL", 30000),)}))
    keeper = load_profile(store).timekeepers[0].id
    draft = matters.load_matter(store, matter_id)
    matters.update_matter(store, matter_id, MatterDraft(**{**draft.__dict__, "rate_override_cents": 25000}))
    call = CommunicationDraft(matter_id, "call", "in", datetime(2026, 11, 23, 9, 41, 37), "Chidi Okafor", "Settlement",
                              "Offered $10k.", date(2026, 11, 30))
    entry_id, time_id = communications.save_communication(
        store, call, time=communications.TimeForEntry(keeper, 18, "Telephone call with C. Okafor re settlement"))
    with store.read() as session:
        entry = session.get(TimeEntryRow, time_id)
        assert (entry.minutes, entry.rate_cents, entry.entry_date, entry.status) == \
            (18, 25000, date(2026, 11, 23), "draft")
    log = communications.matter_log(store, matter_id)
    assert (log[0].id, log[0].occurred_at, log[0].subject) == (entry_id, datetime(2026, 11, 23, 9, 41), "Settlement")
    assert communications.delete_communication(store, entry_id) == "call with Chidi Okafor"
    assert communications.matter_log(store, matter_id) == []
    communications.restore_communication(store, entry_id)
    assert len(communications.matter_log(store, matter_id)) == 1


def test_a_bad_time_entry_saves_neither_the_call_nor_the_time(store, matter_id):
    call = CommunicationDraft(matter_id, "call", "out", datetime(2026, 11, 23, 9, 0), "Ana", "Update")
    with pytest.raises(ValidationError):
        communications.save_communication(store, call, time=communications.TimeForEntry(999, 10, "x"))
    assert communications.matter_log(store, matter_id) == []
    with store.read() as session:
        assert session.scalars(select(TimeEntryRow)).all() == []


def test_summary_of_the_demo_matter(demo_store):
    matter_id = listings.list_ids(demo_store, "matters")[0]
    summary = matters.matter_summary(demo_store, matter_id, today=date(2026, 11, 23))
    assert summary.draft.number and summary.time_minutes >= 0 and summary.unbilled_cents >= 0


def test_a_contacts_matters_and_the_summary_of_a_matter_that_is_gone(store, matter_id):
    client_id = next(p.contact_id for p in contacts.list_parties(store, matter_id) if p.role == "client")
    assert contacts.contact_matters(store, client_id) == [
        ContactMatter("2026-0001", "Rivera v. Okafor", "client", "open")]
    with pytest.raises(ValidationError) as caught:
        matters.matter_summary(store, matter_id + 1000)
    assert "no longer exists" in caught.value.message
