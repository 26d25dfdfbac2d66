"""The tab listings (sorted and filtered in SQL) and opening a matter."""

from datetime import date

import pytest
from document_setup import add_documents
from sqlalchemy import select

from legalsec_desktop.db.models import MatterRow, PartyRow
from legalsec_desktop.domain.billing import amount_cents
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import listings, matters
from legalsec_desktop.services.rows import ROW_TYPES


@pytest.mark.parametrize("key", list(listings.LISTINGS))
def test_every_listing_lists_and_fetches(demo_store, key, tmp_path):
    if key == "documents":  # the demo practice files none of its own yet
        add_documents(demo_store, tmp_path / "Documents")
    ids = listings.list_ids(demo_store, key)
    assert ids, key
    rows = listings.fetch_rows(demo_store, key, ids[:50])
    assert set(rows) == set(ids[:50])
    assert all(type(row) is ROW_TYPES[key] for row in rows.values())


def test_sorting_happens_in_order(demo_store):
    ids = listings.list_ids(demo_store, "matters", "opened_on", False)
    rows = listings.fetch_rows(demo_store, "matters", ids)
    opened = [rows[i].opened_on for i in ids]
    assert opened == sorted(opened)
    down = listings.list_ids(demo_store, "matters", "opened_on", True)
    assert [rows[i].opened_on for i in down] == sorted(opened, reverse=True)


def test_filter_matches_every_word_anywhere(demo_store):
    every = listings.list_ids(demo_store, "matters")
    row = listings.fetch_rows(demo_store, "matters", every[:1])[every[0]]
    number, client = row.number, row.client
    hits = listings.list_ids(demo_store, "matters", text=f"{client.split()[0].lower()} {number}")
    assert every[0] in hits and len(hits) < len(every)
    assert listings.list_ids(demo_store, "matters", text="no-such-thing-xyz") == []
    assert listings.list_ids(demo_store, "matters", text="100%_") == []


def test_calendar_lists_from_today_on(demo_store, pinned_clock):
    ids = listings.list_ids(demo_store, "events")
    rows = listings.fetch_rows(demo_store, "events", ids)
    assert ids and min(row.on_date for row in rows.values()) == pinned_clock.date()  # the demo has events today


def test_time_amounts_use_the_billing_rule_and_zero_for_non_billable(demo_store):
    ids = listings.list_ids(demo_store, "time")
    rows = listings.fetch_rows(demo_store, "time", ids[:300])
    for row in rows.values():
        assert row.minutes % 6 == 0  # hours are shown as billed: rounded up to the firm's 0.1 h
        assert row.amount == (amount_cents(row.minutes, row.rate_cents, 6) if row.billable == "billable" else 0)
        assert isinstance(row.amount, int)


def test_next_matter_number_and_create(store):
    assert matters.next_matter_number(store, date(2026, 3, 1)) == "2026-0001"
    new = MatterDraft(number="2026-0001", title="Smith v. Jones", client_name="Jane Smith", opened_on=date(2026, 3, 1))
    matter_id = matters.create_matter(store, new)
    assert matters.next_matter_number(store, date(2026, 3, 1)) == "2026-0002"
    assert matters.client_names(store) == ["Jane Smith"]
    with store.read() as session:
        matter = session.get(MatterRow, matter_id)
        assert matter.caption == "Smith v. Jones" and matter.status == "open"
        assert session.scalar(select(PartyRow.role).where(PartyRow.matter_id == matter_id)) == "client"
    # An existing client is reused, whatever the case.
    matters.create_matter(store, MatterDraft("2026-0002", "Lease review", "jane smith", date(2026, 3, 2)))
    assert matters.client_names(store) == ["Jane Smith"]


def test_duplicate_matter_number_is_refused(store):
    new = MatterDraft(number="2026-0001", title="A v. B", client_name="A", opened_on=date(2026, 1, 1))
    matters.create_matter(store, new)
    with pytest.raises(ValidationError) as caught:
        matters.create_matter(store, new)
    assert caught.value.field == "number" and "already used" in caught.value.message


def test_non_latin_and_right_to_left_names_are_stored_as_typed(store):
    name = "شركة الأمل للتجارة"
    matters.create_matter(store, MatterDraft("2026-0009", "北京 v. Müller", name, date(2026, 1, 1)))
    assert matters.client_names(store) == [name]


def test_a_client_typed_in_another_case_is_the_same_client_in_any_script(store):
    from legalsec_desktop.domain.matters import MatterDraft
    from legalsec_desktop.services import matters

    first = matters.create_matter(store, MatterDraft("2026-0101", "Öztürk GmbH: lease", "Öztürk GmbH",
                                                     date(2026, 11, 2)))
    second = matters.create_matter(store, MatterDraft("2026-0102", "ÖZTÜRK GMBH: second lease", "ÖZTÜRK  GMBH",
                                                      date(2026, 11, 3)))
    third = matters.create_matter(store, MatterDraft("2026-0103", "Ozturk GmbH: not the same", "Ozturk GmbH",
                                                     date(2026, 11, 4)))
    clients = [matters.load_matter(store, m).client_name for m in (first, second, third)]
    assert clients == ["Öztürk GmbH", "Öztürk GmbH", "Ozturk GmbH"]  # one client reused; an unaccented name is not


def test_same_name_folds_case_in_every_script_but_keeps_accents():
    from legalsec_desktop.domain.names import same_name

    assert same_name("ÖZTÜRK GMBH", "Öztürk  GmbH") and same_name("ΣΩΚΡΆΤΗΣ", "σωκράτης")
    assert same_name("Straße AG", "STRASSE AG")  # casefold: ß is ss
    assert not same_name("Ozturk GmbH", "Öztürk GmbH") and not same_name("Acme Inc.", "Acme LLC")


def test_the_filter_box_folds_case_and_accents_in_every_script(store):
    from legalsec_desktop.domain.matters import MatterDraft
    from legalsec_desktop.services import matters

    turkish = matters.create_matter(store, MatterDraft("2026-0201", "ÖZTÜRK GMBH v. Wiśniewski", "Öztürk GmbH",
                                                       date(2026, 11, 2)))
    greek = matters.create_matter(store, MatterDraft("2026-0202", "Estate of ΣΩΚΡΆΤΗΣ Παπαδόπουλος", "Ελένη Νίκου",
                                                     date(2026, 11, 3)))
    for typed, expected in (("öztürk", [turkish]), ("OZTURK", [turkish]), ("wisniewski", [turkish]),
                            ("σωκρατης", [greek]), ("ΕΛΕΝΗ", [greek]), ("gmbh 0201", [turkish]),
                            ("100%", [])):
        assert listings.list_ids(store, "matters", text=typed) == expected, typed


def test_a_renamed_record_is_found_by_its_new_name(store):
    from legalsec_desktop.domain.matters import MatterDraft
    from legalsec_desktop.services import matters

    matter_id = matters.create_matter(store, MatterDraft("2026-0301", "Lease review", "Åsa Lind", date(2026, 11, 2)))
    draft = matters.load_matter(store, matter_id)
    from dataclasses import replace

    matters.update_matter(store, matter_id, replace(draft, title="Zoning appeal"))
    assert listings.list_ids(store, "matters", text="zoning") == [matter_id]
    assert listings.list_ids(store, "matters", text="lease") == []
    assert listings.list_ids(store, "matters", text="asa") == [matter_id]  # the client's name, folded
