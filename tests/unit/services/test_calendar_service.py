"""Calendar events in the database: series, double booking, court days, trigger chains, reminders, closures."""

from dataclasses import replace
from datetime import date, time

import pytest

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import calendar, deadlines, matters, reminders
from legalsec_desktop.services.calendar import Filters

NY = "America/New_York"


@pytest.fixture
def practice(store, two_attorney_firm):
    mary, ken = two_attorney_firm(store)
    matter = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                      date(2026, 1, 5), jurisdiction="US-FED",
                                                      responsible_attorney_id=mary))
    return store, matter, mary, ken


def hearing(matter, who, day=date(2026, 12, 2), start=time(9), end=time(10), **kw) -> EventDraft:
    return EventDraft(matter, "hearing", "Hearing on motion", day, False, start, end, NY, attendee_ids=(who,), **kw)


def test_events_round_trip_in_their_time_zone(practice):
    store, matter, mary, _ = practice
    event_id = deadlines.save_event(store, hearing(matter, mary, location="Courtroom 4B"))
    loaded = calendar.load_event(store, event_id)
    assert (loaded.start, loaded.end, loaded.tz, loaded.attendee_ids) == (time(9), time(10), NY, (mary,))
    [occ] = calendar.events_between(store, date(2026, 12, 1), date(2026, 12, 3))
    assert occ.start.hour == 9 and occ.matter_number == "2026-0001" and occ.attendees == "MAH"


@pytest.mark.parametrize("change, field", [
    (dict(end=time(8)), "end"),
    (dict(day=date(2026, 3, 8), start=time(2, 30), end=None), "start"),
    (dict(day=date(2026, 11, 1), start=time(1, 30), end=None), "start"),
])
def test_impossible_times_are_refused(practice, change, field):
    store, matter, mary, _ = practice
    with pytest.raises(ValidationError) as caught:
        deadlines.save_event(store, hearing(matter, mary, **change))
    assert caught.value.field == field


def test_double_booking_names_the_other_event(practice):
    store, matter, mary, ken = practice
    deadlines.save_event(store, hearing(matter, mary))
    overlapping = replace(hearing(matter, mary, start=time(9, 30), end=time(11)), kind="deposition", title="Depo")
    assert "Hearing on motion" in calendar.double_bookings(store, overlapping)[0]
    assert calendar.double_bookings(store, replace(overlapping, attendee_ids=(ken,))) == []
    assert calendar.double_bookings(store, replace(overlapping, start=time(10), end=time(11))) == []


def test_weekly_series_expands_and_one_occurrence_can_change_alone(practice):
    store, matter, mary, _ = practice
    series = deadlines.save_event(store, replace(hearing(matter, mary, day=date(2026, 10, 27)),
                                                 rrule="FREQ=WEEKLY;COUNT=4", kind="meeting", title="Team call"))
    days = [o.day for o in calendar.events_between(store, date(2026, 10, 1), date(2026, 12, 31))]
    assert days == [date(2026, 10, 27), date(2026, 11, 3), date(2026, 11, 10), date(2026, 11, 17)]
    # 9:00 stays 9:00 on both sides of the DST change (11-01).
    starts = {o.start.time() for o in calendar.events_between(store, date(2026, 10, 1), date(2026, 12, 31))}
    assert starts == {time(9)}
    moved = deadlines.save_event(store, replace(calendar.load_event(store, series), rrule="",
                                                on_date=date(2026, 11, 4)),
                                 series, occurrence=date(2026, 11, 3))
    days = [(o.day, o.event_id) for o in calendar.events_between(store, date(2026, 10, 1), date(2026, 12, 31))]
    assert (date(2026, 11, 4), moved) in days and all(d != date(2026, 11, 3) for d, _ in days)
    # Deleting one date, then the whole series (which takes the changed one along), each undone.
    calendar.delete_event(store, series, occurrence=date(2026, 11, 10))
    assert len(calendar.events_between(store, date(2026, 10, 1), date(2026, 12, 31))) == 3
    calendar.restore_event(store, series, occurrence=date(2026, 11, 10))
    calendar.delete_event(store, series)
    assert calendar.events_between(store, date(2026, 10, 1), date(2026, 12, 31)) == []
    calendar.restore_event(store, series)
    assert len(calendar.events_between(store, date(2026, 10, 1), date(2026, 12, 31))) == 4


def test_a_bad_repeat_rule_is_refused(practice):
    store, matter, mary, _ = practice
    with pytest.raises(ValidationError) as caught:
        deadlines.save_event(store, replace(hearing(matter, mary), rrule="FREQ=SOMETIMES"))
    assert caught.value.field == "rrule"


def test_court_closed_days_offer_the_next_court_day(practice):
    store, matter, _, _ = practice
    assert deadlines.court_closed(store, date(2026, 11, 26), matter)[:2] == ("Thanksgiving Day", date(2026, 11, 27))
    assert deadlines.court_closed(store, date(2026, 11, 28), matter)[1] == date(2026, 11, 30)
    assert deadlines.court_closed(store, date(2026, 11, 24), matter) is None
    deadlines.add_closure(store, date(2026, 11, 24), "", "Water main break")
    assert "Water main break" in deadlines.court_closed(store, date(2026, 11, 24), matter)[0]


def test_a_day_that_may_close_the_court_is_warned_about_and_shown(practice):
    store, _, _, _ = practice
    texas = matters.create_matter(store, MatterDraft("2026-0005", "Diaz v. Lone Star", "Eva Diaz", date(2026, 1, 5),
                                                     jurisdiction="TX"))
    why, following, rules = deadlines.court_closed(store, date(2026, 12, 24), texas)
    assert (why, following, rules) == ("Christmas Eve — the court may be closed", date(2026, 12, 28), "TX")
    shown = deadlines.holidays_between(store, date(2026, 11, 23), date(2026, 12, 31), texas)
    assert shown[date(2026, 11, 27)] == "Day after Thanksgiving — the court may be closed"
    assert shown[date(2026, 11, 26)] == "Thanksgiving Day"


def test_trigger_chain_recomputes_when_the_trigger_moves(practice):
    store, matter, mary, _ = practice
    trigger = deadlines.save_event(store, replace(hearing(matter, mary, day=date(2027, 1, 4)), all_day=True,
                                                  start=None, end=None))
    planned = deadlines.plan_chain(store, date(2027, 1, 4), "US-FED", "motion-hearing", "mail")
    ids = deadlines.add_computed(store, trigger, matter, planned, "ls")
    first = calendar.load_event(store, ids[0])
    assert first.on_date == date(2026, 12, 18) and first.docketed_by == "LS" and first.trigger_id == trigger
    assert "FRCP 6(c)(1)" in calendar.derivation_text(first.derivation)
    assert calendar.verify(store, ids, "mah") == 2
    moved = replace(calendar.load_event(store, trigger), on_date=date(2027, 1, 11))
    deadlines.save_event(store, moved, trigger)
    again = calendar.load_event(store, ids[0])
    assert again.on_date == date(2026, 12, 24) and again.verified_by == ""  # to be verified again
    history = calendar.event_history(store, ids[0])
    assert "moved from Mon 01/04/2027 to Mon 01/11/2027" in history and "Fri 12/18/2026 → Thu 12/24/2026" in history
    assert [d.event_id for d in calendar.dependents(store, trigger)] == sorted(ids, key=lambda i: calendar.load_event(
        store, i).on_date)


def test_unverified_and_overdue_lists(practice):
    store, matter, _, _ = practice
    deadline = deadlines.save_event(store, EventDraft(matter, "filing deadline", "File brief", date(2026, 11, 20)))
    assert [o.event_id for o in calendar.unverified(store)] == [deadline]
    assert [o.event_id for o in calendar.overdue(store, date(2026, 11, 23))] == [deadline]
    calendar.set_status(store, deadline, "done")
    assert calendar.overdue(store, date(2026, 11, 23)) == [] and calendar.unverified(store) == []


def test_reminders_fall_due_at_each_lead_time_and_stay_dismissed(practice):
    store, matter, mary, _ = practice
    deadlines.save_event(store, EventDraft(matter, "filing deadline", "File brief", date(2026, 12, 3)))
    assert reminders.due_reminders(store, date(2026, 11, 18)) == []  # 15 days ahead: nothing yet
    [due] = reminders.due_reminders(store, date(2026, 11, 23))  # 10 days ahead: the 14-day reminder
    assert due.lead_days == 14 and due.says(date(2026, 11, 23)) == "in 10 days"
    reminders.dismiss(store, [due])
    assert reminders.due_reminders(store, date(2026, 11, 23)) == []
    [later] = reminders.due_reminders(store, date(2026, 11, 26))  # 7 days ahead: a new reminder
    assert later.lead_days == 7
    reminders.save_leads(store, {"filing deadline": (30,)})
    assert reminders.load_leads(store)["filing deadline"] == (30,)


def test_attorney_filter_includes_the_deadlines_of_their_matters(practice):
    store, matter, mary, ken = practice
    deadlines.save_event(store, EventDraft(matter, "filing deadline", "File brief", date(2026, 12, 3)))
    deadlines.save_event(store, replace(hearing(matter, ken), title="Ken's hearing"))
    mine = calendar.events_between(store, date(2026, 12, 1), date(2026, 12, 31), Filters(attorney_id=mary))
    kens = calendar.events_between(store, date(2026, 12, 1), date(2026, 12, 31), Filters(attorney_id=ken))
    assert {o.title for o in mine} == {"File brief", "Ken's hearing"}  # Mary is the matter's attorney
    assert {o.title for o in kens} == {"Ken's hearing"}
