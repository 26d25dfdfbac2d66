"""Time in the database: entries and their checks, billed locks, timers, totals, and days short of target."""

from datetime import date, datetime, timedelta, timezone

import pytest

from legalsec_desktop.db.models import ContactRow, MatterRow, TimeEntryRow, TimekeeperRow
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.time_entries import TimeDraft, entry_amount
from legalsec_desktop.services import listings, matters, time_entries, timers
from legalsec_desktop.services.rows import TimeFilters

DAY = date(2026, 11, 23)


@pytest.fixture
def practice(store, two_attorney_firm):
    mary, ken = two_attorney_firm(store)
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", DAY))
    acme = matters.create_matter(store, MatterDraft("2026-0002", "Acme lease", "Acme Corp.", DAY))
    return store, rivera, acme, mary, ken


def entry(keeper, matter, minutes=18, day=DAY, **kw) -> TimeDraft:
    return TimeDraft(day, keeper, matter, minutes, kw.pop("rate", 30000), narrative=kw.pop("narrative", "Work"), **kw)


def test_the_rate_comes_from_the_matter_then_the_client_then_the_timekeeper(practice):
    store, rivera, acme, mary, _ken = practice
    assert time_entries.terms(store, mary, rivera).rate_cents == 30000
    with store.write() as session:
        acme_row = session.get(MatterRow, acme)
        session.get(ContactRow, acme_row.client_id).rate_override_cents = 25000
        session.get(ContactRow, acme_row.client_id).billing_increment_minutes = 15
    terms = time_entries.terms(store, mary, acme)
    assert (terms.rate_cents, terms.increment) == (25000, 15)
    with store.write() as session:
        session.get(MatterRow, acme).rate_override_cents = 0
        session.get(MatterRow, acme).uses_utbms = True
    terms = time_entries.terms(store, mary, acme)
    assert (terms.rate_cents, terms.codes_required) == (0, True)
    with pytest.raises(ValidationError, match="billed with UTBMS codes"):
        time_entries.save_entry(store, entry(mary, acme))
    assert time_entries.save_entry(store, entry(mary, acme, task_code="L110", activity_code="A104"))


def test_more_than_24_hours_in_a_day_is_refused_and_nothing_is_saved(practice):
    store, rivera, acme, mary, ken = practice
    time_entries.save_entry(store, entry(mary, rivera, 20 * 60))
    time_entries.save_entry(store, entry(ken, rivera, 20 * 60))  # another timekeeper's day is their own
    with pytest.raises(ValidationError, match=r"MAH would have 24\.50 hours on Mon 11/23/2026") as caught:
        time_entries.save_entry(store, entry(mary, acme, 4 * 60 + 30))
    assert caught.value.field == "minutes"
    assert listings.time_totals(store).count == 2
    time_entries.save_entry(store, entry(mary, acme, 4 * 60, day=DAY + timedelta(days=1)))


def test_an_over_full_day_can_be_put_right_an_entry_at_a_time(practice):
    """A day already over 24 hours (an import, another program): a change that leaves it no fuller goes through;
    one that adds to it, a new entry on it, or time moved onto it is refused."""
    store, rivera, acme, mary, _ken = practice
    first = time_entries.save_entry(store, entry(mary, rivera, 20 * 60))
    over = time_entries.save_entry(store, entry(mary, acme, 5 * 60, day=DAY + timedelta(days=1)))
    elsewhere = time_entries.save_entry(store, entry(mary, acme, 60, day=DAY + timedelta(days=2)))
    with store.write() as session:  # written around the check, as an import from elsewhere could
        session.get(TimeEntryRow, over).entry_date = DAY  # the day now holds 25 hours
    time_entries.save_entry(store, entry(mary, acme, 4 * 60 + 30), over)  # less: goes through (24.5 hours)
    time_entries.save_entry(store, entry(mary, acme, 4 * 60 + 30, narrative="Lease, corrected"), over)  # the same
    for refused in (lambda: time_entries.save_entry(store, entry(mary, acme, 5 * 60), over),  # more again
                    lambda: time_entries.save_entry(store, entry(mary, rivera, 6)),  # a new entry on that day
                    lambda: time_entries.save_entry(store, entry(mary, acme, 60), elsewhere)):  # moved onto it
        with pytest.raises(ValidationError, match="a day has only 24"):
            refused()
    assert time_entries.load_entry(store, first).minutes == 20 * 60
    assert time_entries.load_entry(store, over).narrative == "Lease, corrected"


def test_a_closed_matter_warns_but_takes_time(practice):
    store, rivera, _acme, mary, _ken = practice
    assert time_entries.closed_matter_warning(store, rivera) == ""
    with store.write() as session:
        row = session.get(MatterRow, rivera)
        row.status, row.closed_on = "closed", date(2026, 12, 1)
    warning = time_entries.closed_matter_warning(store, rivera)
    assert "Matter 2026-0001 (Rivera v. Okafor) was closed on Tue 12/01/2026" in warning
    assert time_entries.save_entry(store, entry(mary, rivera))


def test_billed_entries_are_locked(practice):
    store, rivera, _acme, mary, _ken = practice
    entry_id = time_entries.save_entry(store, entry(mary, rivera))
    before = time_entries.set_status(store, [entry_id], "final")
    time_entries.restore_statuses(store, before)
    assert time_entries.load_entry(store, entry_id).status == "draft"
    time_entries.set_status(store, [entry_id], "billed")
    for attempt in (lambda: time_entries.save_entry(store, entry(mary, rivera, 30), entry_id),
                    lambda: time_entries.delete_entries(store, [entry_id]),
                    lambda: time_entries.set_status(store, [entry_id], "draft")):
        with pytest.raises(ValidationError, match="billed, so it is locked"):
            attempt()
    assert time_entries.load_entry(store, entry_id).minutes == 18


def test_a_final_entry_needs_its_narrative(practice):
    store, rivera, _acme, mary, _ken = practice
    entry_id = time_entries.save_entry(store, entry(mary, rivera, narrative=""))
    with pytest.raises(ValidationError, match="Describe the work"):
        time_entries.set_status(store, [entry_id], "final")


def test_delete_and_undo_bring_back_the_same_entry(practice):
    store, rivera, _acme, mary, _ken = practice
    entry_id = time_entries.save_entry(store, entry(mary, rivera, task_code="L120"))
    gone = time_entries.delete_entries(store, [entry_id])
    with pytest.raises(ValidationError):
        time_entries.load_entry(store, entry_id)
    time_entries.restore_entries(store, gone)
    assert time_entries.load_entry(store, entry_id).task_code == "L120"
    assert time_entries.previous_entry(store, mary).task_code == "L120"


def test_totals_are_what_the_list_shows_by_the_one_rule(practice):
    store, rivera, acme, mary, ken = practice
    with store.write() as session:
        session.get(ContactRow, session.get(MatterRow, acme).client_id).billing_increment_minutes = 15
    drafts = [entry(mary, rivera, 7), entry(ken, acme, 7), entry(mary, acme, 50, billable="no charge"),
              entry(ken, rivera, 61, billable="non-billable")]
    for draft in drafts:
        time_entries.save_entry(store, draft)
    totals = listings.time_totals(store)
    assert totals.count == 4
    assert totals.billed_minutes == 12 + 15 + 60 + 66
    assert totals.billable_minutes == 12 + 15
    assert totals.amount_cents == entry_amount(7, 30000, "billable", 6) + entry_amount(7, 30000, "billable", 15) \
        == 6000 + 7500
    assert listings.time_totals(store, "", TimeFilters(timekeeper_id=ken, billable="billable")).amount_cents == 7500
    ids = listings.list_ids(store, "time", filters=TimeFilters(matter_id=acme))
    rows = listings.fetch_rows(store, "time", ids)
    assert sorted(row.minutes for row in rows.values()) == [15, 60]  # billed minutes, in the client's 0.25 h


def test_days_short_of_target_are_found(practice):
    store, rivera, _acme, mary, ken = practice
    with store.write() as session:
        session.get(TimekeeperRow, ken).daily_target_minutes = 0  # no target: never short
    time_entries.save_entry(store, entry(mary, rivera, 6 * 60, day=date(2026, 11, 16)))
    time_entries.save_entry(store, entry(mary, rivera, 60, day=date(2026, 11, 17)))
    short = time_entries.short_days(store, date(2026, 11, 14), date(2026, 11, 30), today=date(2026, 11, 18))
    assert [(s.day, s.timekeeper, s.minutes) for s in short] == [(date(2026, 11, 17), "MAH", 60),
                                                                 (date(2026, 11, 18), "MAH", 0)]


def test_timers_run_one_at_a_time_survive_a_restart_and_become_entries(practice, db_path):
    store, rivera, acme, mary, _ken = practice
    t0 = datetime(2026, 11, 23, 14, 0, 0, tzinfo=timezone.utc)
    first = timers.start_timer(store, mary, rivera, "Call with client", now=t0)
    second = timers.start_timer(store, mary, acme, "Lease review", now=t0 + timedelta(minutes=10))
    state = {t.id: t for t in timers.list_timers(store)}
    assert not state[first].running and state[first].elapsed == 600 and state[second].running
    timers.resume_timer(store, first, now=t0 + timedelta(minutes=15))
    state = {t.id: t for t in timers.list_timers(store)}
    assert state[first].running and not state[second].running and state[second].elapsed == 300
    store.close()  # the program is closed (or killed) while a timer runs...
    from legalsec_desktop.db.store import open_store

    reopened = open_store(db_path)
    try:
        [running] = [t for t in timers.list_timers(reopened) if t.running]
        assert running.id == first and running.seconds(t0 + timedelta(minutes=20)) == 15 * 60
        assert running.started_at == t0 + timedelta(minutes=15) and running.started_at.tzinfo is timezone.utc
        entry_id = timers.stop_timer(reopened, first, DAY, now=t0 + timedelta(minutes=20, seconds=1))
        made = time_entries.load_entry(reopened, entry_id)
        assert (made.minutes, made.matter_id, made.narrative, made.rate_cents, made.status) == \
            (16, rivera, "Call with client", 30000, "draft")
        assert [t.id for t in timers.list_timers(reopened)] == [second]
        gone = timers.discard_timer(reopened, second)
        timers.restore_timer(reopened, gone)
        assert [t.elapsed for t in timers.list_timers(reopened)] == [300]
        nowhere = timers.start_timer(reopened, mary, None)
        with pytest.raises(ValidationError, match="Choose the matter"):
            timers.stop_timer(reopened, nowhere)
        assert len(timers.list_timers(reopened)) == 2  # nothing lost by the refusal
    finally:
        reopened.close()


def test_the_matter_pane_counts_time_by_the_same_rule(practice):
    store, _rivera, acme, mary, _ken = practice
    with store.write() as session:
        session.get(ContactRow, session.get(MatterRow, acme).client_id).billing_increment_minutes = 15
    time_entries.save_entry(store, entry(mary, acme, 7))
    time_entries.save_entry(store, entry(mary, acme, 20, billable="no charge"))
    summary = matters.matter_summary(store, acme, DAY)
    assert (summary.time_entries, summary.time_minutes, summary.unbilled_cents) == (2, 15 + 30, 7500)
    assert summary.unbilled_cents == listings.time_totals(store, filters=TimeFilters(matter_id=acme)).amount_cents
