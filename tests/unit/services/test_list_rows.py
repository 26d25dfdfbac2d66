"""Typed list rows and filters: every row names its columns, every filter field narrows in SQL."""

from dataclasses import FrozenInstanceError, fields, replace
from datetime import date, timedelta

import pytest
from document_setup import add_documents

from legalsec_desktop.services import calendar, listings
from legalsec_desktop.services.columns import COLUMNS
from legalsec_desktop.services.rows import (
    FILTER_TYPES,
    ROW_TYPES,
    CommunicationFilters,
    EventFilters,
    EventListRow,
    MatterFilters,
    TimeFilters,
    ZonedTime,
)


@pytest.mark.parametrize("key", list(COLUMNS))
def test_each_row_type_has_exactly_the_fields_its_columns_name(key):
    assert [f.name for f in fields(ROW_TYPES[key])] == [c.key for c in COLUMNS[key].columns]
    assert set(listings.LISTINGS) == set(COLUMNS) == set(ROW_TYPES)


@pytest.mark.parametrize("key", list(COLUMNS))
def test_every_fetched_row_exposes_its_columns_and_sorts_by_each(demo_store, key, tmp_path):
    """Whatever column the user sorts by, the ids come back and each row shows every column by name."""
    if key == "documents":
        add_documents(demo_store, tmp_path / "Documents")
    for column in COLUMNS[key].columns:
        ids = listings.list_ids(demo_store, key, column.key, False)
        rows = listings.fetch_rows(demo_store, key, ids[:40])
        assert ids and set(rows) == set(ids[:40]), (key, column.key)
        for row in rows.values():
            assert isinstance(row, ROW_TYPES[key])
            getattr(row, column.key)
    row = next(iter(rows.values()))
    with pytest.raises(FrozenInstanceError):
        setattr(row, COLUMNS[key].columns[0].key, None)


def test_rows_follow_the_sort_by_name(demo_store):
    for key, column in (("matters", "number"), ("time", "entry_date"), ("communications", "occurred_at"),
                        ("files", "label"), ("contacts", "sort_name"), ("events", "on_date")):
        ids = listings.list_ids(demo_store, key, column, False)[:200]
        rows = listings.fetch_rows(demo_store, key, ids)
        values = [getattr(rows[i], column) for i in ids]
        assert values == sorted(values), key


def test_event_rows_carry_their_zone_for_the_time_column(demo_store):
    rows = listings.fetch_rows(demo_store, "events", listings.list_ids(demo_store, "events"))
    timed = [row for row in rows.values() if row.start is not None]
    assert timed and all(isinstance(row.start, ZonedTime) and row.start.zone for row in timed)
    assert all(isinstance(row, EventListRow) and row.matter is not None for row in rows.values())


@pytest.mark.parametrize("kind", [MatterFilters, EventFilters, TimeFilters, CommunicationFilters])
def test_filters_narrow_only_when_a_field_is_set_and_round_trip(kind):
    empty = kind()
    assert not empty.narrows
    for field in fields(kind):
        value = {int: 7, str: "x", bool: True}.get(type(field.default), None)
        value = value if value is not None else ("hearing",) if field.name == "kinds" else date(2026, 11, 2) \
            if field.name in ("first", "last") else 7 if field.name.endswith("_id") else "open"
        narrowed = replace(empty, **{field.name: value})
        assert narrowed.narrows and getattr(narrowed, field.name) == value
        assert replace(narrowed, **{field.name: field.default}) == empty


def test_a_default_filter_lists_what_no_filter_lists(demo_store):
    for key, kind in FILTER_TYPES.items():
        assert listings.list_ids(demo_store, key, filters=kind()) == listings.list_ids(demo_store, key), key


def test_a_filter_of_another_listing_is_refused(demo_store):
    with pytest.raises(TypeError):
        listings.list_ids(demo_store, "matters", filters=TimeFilters())
    with pytest.raises(TypeError):
        listings.list_ids(demo_store, "files", filters=MatterFilters())


def test_each_time_filter_field_narrows_to_rows_that_match(demo_store, pinned_clock):
    every = listings.list_ids(demo_store, "time")
    sample = listings.fetch_rows(demo_store, "time", every[:1])[every[0]]
    keeper = next(k for k, initials in calendar.attorney_initials(demo_store).items() if initials == sample.timekeeper)
    first, last = sample.entry_date - timedelta(days=3), sample.entry_date - timedelta(days=1)
    matter = next(i for i in listings.list_ids(demo_store, "matters", text=sample.matter)
                  if listings.fetch_rows(demo_store, "matters", [i])[i].number == sample.matter)
    for filters, holds in (
        (TimeFilters(first=first), lambda row: row.entry_date >= first),
        (TimeFilters(last=last), lambda row: row.entry_date <= last),
        (TimeFilters(timekeeper_id=keeper), lambda row: row.timekeeper == sample.timekeeper),
        (TimeFilters(matter_id=matter), lambda row: row.matter == sample.matter),
        (TimeFilters(billable="no charge"), lambda row: row.billable == "no charge"),
        (TimeFilters(first, last, keeper), lambda row: first <= row.entry_date <= last
         and row.timekeeper == sample.timekeeper),
    ):
        ids = listings.list_ids(demo_store, "time", filters=filters)
        rows = listings.fetch_rows(demo_store, "time", ids)
        assert 0 < len(ids) < len(every), filters
        assert all(holds(row) for row in rows.values()), filters
        totals = listings.time_totals(demo_store, filters=filters)
        assert totals.count == len(ids) and totals.billed_minutes == sum(r.minutes for r in rows.values())


def test_matter_and_event_filters_narrow(demo_store):
    matters = listings.fetch_rows(demo_store, "matters", listings.list_ids(demo_store, "matters"))
    pending = listings.list_ids(demo_store, "matters", filters=MatterFilters(status="closed"))
    assert pending and all(matters[i].status == "closed" for i in pending)
    hearings = listings.list_ids(demo_store, "events", filters=EventFilters(kinds=("hearing", "trial")))
    rows = listings.fetch_rows(demo_store, "events", hearings)
    assert hearings and {row.kind for row in rows.values()} <= {"hearing", "trial"}
    scheduled = listings.fetch_rows(demo_store, "events", listings.list_ids(
        demo_store, "events", filters=EventFilters(scheduled_only=True)))
    assert scheduled and {row.status for row in scheduled.values()} == {"scheduled"}


def test_the_documents_list_shows_each_live_document_with_its_newest_versions_state(demo_store, tmp_path):
    from legalsec_desktop.services.rows import DocumentFilters

    ids = add_documents(demo_store, tmp_path / "Documents")
    listed = listings.list_ids(demo_store, "documents")
    assert listed == ids  # newest first: the samples are a day apart
    rows = listings.fetch_rows(demo_store, "documents", listed)
    assert [(rows[i].kind, rows[i].versions, rows[i].state) for i in ids] == [
        ("Correspondence", 1, "Indexed"), ("Pleading", 2, "Indexed"), ("Evidence", 1, "Needs OCR"),
        ("Other", 1, "Waiting"), ("Evidence", 1, "Missing")]
    assert listings.list_ids(demo_store, "documents", text="opposing counsel") == ids[:1]
    other = max(listings.list_ids(demo_store, "matters"))  # the documents went to the first
    assert listings.list_ids(demo_store, "documents", filters=DocumentFilters(other)) == []
    matter = listings.fetch_rows(demo_store, "documents", ids[:1])[ids[0]].matter
    assert listings.list_ids(demo_store, "documents", text=matter) == ids


def test_the_list_shows_an_e_mails_sender_by_name():
    from legalsec_desktop.services.document_listing import shown_name

    assert shown_name("Carol Ward <ward@ward-law.example>") == "Carol Ward"
    assert shown_name('"Ward, Carol" <ward@ward-law.example>') == "Ward, Carol"
    assert shown_name("ward@ward-law.example") == "ward@ward-law.example" and shown_name("") == ""
