"""A matter's statute of limitations as a linked calendar item: made, moved, removed, restored, backfilled."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import update

from legalsec_desktop.db.models import EventRow, MatterRow
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import calendar, deadlines, ical, matter_sol, matters, reminders
from legalsec_desktop.services.calendar import Filters

SOL = date(2027, 3, 15)


@pytest.fixture
def practice(store, two_attorney_firm):
    mary, _ = two_attorney_firm(store)
    draft = MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5), responsible_attorney_id=mary,
                        sol_date=SOL, sol_note="Two years from injury")
    return store, matters.create_matter(store, draft), draft


def sol_items(store, first=date(2026, 1, 1), last=date(2028, 1, 1)):
    return [o for o in calendar.events_between(store, first, last) if o.kind == "statute of limitations"]


def test_setting_the_date_calendars_it_with_the_limitation_reminders(practice):
    store, matter, _ = practice
    [item] = sol_items(store)
    assert (item.day, item.matter_id, item.start) == (SOL, matter, None)
    assert (item.title, item.notes) == ("Limitation date on the matter", "Two years from injury")
    assert calendar.load_event(store, item.event_id).rule_key == matter_sol.SOL_RULE_KEY
    assert reminders.load_leads(store)["statute of limitations"] == (180, 90, 60, 30)
    due = reminders.due_reminders(store, SOL - timedelta(days=60))
    assert [r.occurrence.event_id for r in due] == [item.event_id]


def test_changing_the_date_moves_the_item_and_clearing_it_removes_it(practice):
    store, matter, draft = practice
    [before] = sol_items(store)
    matters.update_matter(store, matter, replace(draft, sol_date=date(2027, 4, 1)))
    [moved] = sol_items(store)
    assert moved.event_id == before.event_id and moved.day == date(2027, 4, 1)
    assert moved.notes == "Two years from injury"
    assert "moved from Mon 03/15/2027 to Thu 04/01/2027" in calendar.event_history(store, moved.event_id)
    matters.update_matter(store, matter, replace(draft, sol_date=None))
    assert sol_items(store) == []
    matters.update_matter(store, matter, replace(draft, sol_date=date(2027, 5, 3)))  # set again: the same item
    [back] = sol_items(store)
    assert back.event_id == before.event_id and back.day == date(2027, 5, 3)


def test_saving_the_matter_again_makes_no_second_item(practice):
    store, matter, draft = practice
    matters.update_matter(store, matter, replace(draft, notes="called the client"))
    assert len(sol_items(store)) == 1


def test_moving_the_item_on_the_calendar_moves_the_matter_date(practice):
    store, matter, _ = practice
    [item] = sol_items(store)
    event = calendar.load_event(store, item.event_id)
    deadlines.save_event(store, replace(event, on_date=date(2027, 3, 12)), item.event_id)
    assert matters.load_matter(store, matter).sol_date == date(2027, 3, 12)


def test_the_item_is_exported_to_ics(practice, tmp_path):
    store, _, _ = practice
    out = tmp_path / "cal.ics"
    assert ical.export_ics(store, out, Filters()) == 1
    text = out.read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20270315" in text and "Statute of limitations" in text


def test_backfill_calendars_older_matters_once(practice):
    store, matter, _ = practice
    with store.write() as session:  # as a matter saved before limitation dates were calendared
        session.execute(update(EventRow).values(rule_key="", deleted_at=None))
        session.execute(update(EventRow).where(EventRow.matter_id == matter).values(matter_id=None))
        session.execute(update(MatterRow).where(MatterRow.id == matter).values(sol_date=date(2027, 6, 1)))
    assert matter_sol.backfill(store) == 1
    assert matter_sol.backfill(store) == 0
    assert [o.day for o in sol_items(store) if o.matter_id == matter] == [date(2027, 6, 1)]
    calendar.delete_event(store, next(o.event_id for o in sol_items(store) if o.matter_id == matter))
    assert matter_sol.backfill(store) == 0  # deleted on the calendar by the user: not brought back


def test_backfill_leaves_past_dates_and_closed_matters_alone(practice):
    store, matter, draft = practice
    closed = matters.create_matter(store, replace(draft, number="2026-0003", sol_date=None))
    with store.write() as session:
        session.execute(update(EventRow).values(rule_key=""))
        session.execute(update(MatterRow).where(MatterRow.id == matter).values(sol_date=date(2026, 11, 20)))
        session.execute(update(MatterRow).where(MatterRow.id == closed).values(sol_date=SOL, status="closed"))
    assert matter_sol.backfill(store) == 0  # the clock is pinned to 2026-11-23


def test_opening_the_database_backfills(tmp_path, two_attorney_firm):
    from legalsec_desktop.db.store import open_store
    from legalsec_desktop.services.database import open_database

    path = tmp_path / "old.db"
    store = open_store(path)
    two_attorney_firm(store)
    matter = matters.create_matter(store, MatterDraft("2026-0002", "Lee v. Park", "Jo Lee", date(2026, 1, 5)))
    with store.write() as session:
        session.execute(update(MatterRow).where(MatterRow.id == matter).values(sol_date=SOL))
    store.close()
    store = open_database(path, tmp_path / "backups")
    try:
        assert [o.day for o in sol_items(store)] == [SOL]
    finally:
        store.close()
