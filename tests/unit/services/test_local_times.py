"""Times are kept as UTC instants and shown as the computer's wall-clock time, on any zone and across DST."""

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import text

from legalsec_desktop.db.models import EventRow
from legalsec_desktop.domain.communications import CommunicationDraft
from legalsec_desktop.domain.conflicts import SearchName
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.domain.formatting import format_value
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import calendar, communications, conflicts, contacts, listings, matters

BERLIN = "Europe/Berlin"


@pytest.fixture
def matter_id(store):
    return matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 2, 2),
                                                    adverse_names=("Chidi Okafor",)))


def stored(store, sql, **params):
    """The text a column holds, as SQLite keeps it."""
    with store.read() as session:
        return session.execute(text(sql), params).scalar_one()


def log_call(store, matter_id, when):
    draft = CommunicationDraft(matter_id, "call", "in", when, "Chidi Okafor", f"Call at {when:%H:%M}")
    return communications.save_communication(store, draft)[0]


@pytest.mark.parametrize(("day", "utc_time"), [(date(2026, 1, 15), "15:30"), (date(2026, 7, 15), "14:30")])
def test_a_call_logged_at_half_past_four_in_berlin_is_kept_in_utc_and_reads_back_half_past_four(
        store, matter_id, local_zone, day, utc_time):
    local_zone(BERLIN)
    entry = log_call(store, matter_id, datetime.combine(day, datetime.min.time()).replace(hour=16, minute=30))

    assert stored(store, "SELECT occurred_at FROM communication WHERE id = :id", id=entry) == \
        f"{day.isoformat()} {utc_time}:00.000000"
    half_past_four = datetime.combine(day, datetime.min.time()).replace(hour=16, minute=30)
    assert communications.load_communication(store, entry).occurred_at == half_past_four
    assert communications.matter_log(store, matter_id)[0].occurred_at == half_past_four
    row = listings.fetch_rows(store, "communications", [entry])[entry]
    assert row.occurred_at == half_past_four
    assert format_value("datetime", row.occurred_at).endswith(" 4:30 PM")


def test_calls_from_both_sides_of_a_dst_change_keep_their_times_and_their_order(store, matter_id, local_zone):
    local_zone(BERLIN)
    times = [datetime(2026, 3, 28, 16, 30), datetime(2026, 3, 29, 16, 30), datetime(2026, 10, 24, 16, 30),
             datetime(2026, 10, 25, 16, 30), datetime(2026, 11, 23, 16, 30)]
    for when in times:
        log_call(store, matter_id, when)
    assert [entry.occurred_at for entry in communications.matter_log(store, matter_id)] == sorted(times, reverse=True)
    ids = listings.list_ids(store, "communications", sort="occurred_at", descending=False)
    shown = listings.fetch_rows(store, "communications", ids)
    assert [shown[i].occurred_at for i in ids] == times


def test_a_time_the_clocks_pass_twice_is_the_earlier_one_and_a_skipped_one_is_refused(store, matter_id, local_zone):
    local_zone(BERLIN)
    repeated = datetime(2026, 10, 25, 2, 30)  # the clocks fall back from 3:00 to 2:00 that night
    entry = log_call(store, matter_id, repeated)
    assert stored(store, "SELECT occurred_at FROM communication WHERE id = :id", id=entry) == \
        "2026-10-25 00:30:00.000000"  # 2:30 summer time, the first of the two
    assert communications.load_communication(store, entry).occurred_at == repeated

    with pytest.raises(ValidationError, match="does not exist") as refused:
        log_call(store, matter_id, datetime(2026, 3, 29, 2, 30))  # the clocks spring from 2:00 to 3:00
    assert refused.value.field == "occurred_at"


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Tokyo", "UTC", "Australia/Lord_Howe"])
def test_the_typed_time_reads_back_the_same_on_any_zone(store, matter_id, local_zone, zone):
    local_zone(zone)
    when = datetime(2026, 4, 5, 16, 30)
    entry = log_call(store, matter_id, when)
    assert communications.load_communication(store, entry).occurred_at == when
    assert listings.fetch_rows(store, "communications", [entry])[entry].occurred_at == when


def test_deleting_keeps_the_utc_instant_and_undo_still_restores(store, matter_id, local_zone, pinned_clock):
    local_zone(BERLIN)
    in_utc = "2026-11-23 08:30:00.000000"  # the pinned 9:30 in Berlin
    entry = log_call(store, matter_id, datetime(2026, 11, 20, 16, 30))
    communications.delete_communication(store, entry)
    assert stored(store, "SELECT deleted_at FROM communication WHERE id = :id", id=entry) == in_utc
    assert communications.matter_log(store, matter_id) == []
    communications.restore_communication(store, entry)
    assert len(communications.matter_log(store, matter_id)) == 1

    party = contacts.add_party(store, matter_id, "Hon. Rita Sandoval", "court")
    contacts.remove_party(store, party)
    assert stored(store, "SELECT deleted_at FROM party WHERE id = :id", id=party) == in_utc
    contacts.restore_party(store, party)
    assert any(p.party_id == party for p in contacts.list_parties(store, matter_id))

    lone = contacts.add_party(store, matter_id, "Lone Witness", "witness")
    contact_id = next(p.contact_id for p in contacts.list_parties(store, matter_id) if p.party_id == lone)
    contacts.remove_party(store, lone)
    contacts.delete_contact(store, contact_id)
    assert stored(store, "SELECT deleted_at FROM contact WHERE id = :id", id=contact_id) == in_utc
    contacts.restore_contact(store, contact_id)
    assert "Lone Witness" in contacts.contact_names(store)


def test_deleting_a_series_and_undoing_it_restores_the_occurrence_changed_on_its_own(store, local_zone):
    local_zone(BERLIN)
    series = calendar.save_event(store, EventDraft(None, "meeting", "Team meeting", date(2026, 11, 2),
                                                   rrule="FREQ=WEEKLY;COUNT=4"))
    single = calendar.save_event(store, EventDraft(None, "meeting", "Team meeting (moved)", date(2026, 11, 10)),
                                 series, occurrence=date(2026, 11, 9))
    calendar.delete_event(store, series)
    assert stored(store, "SELECT deleted_at FROM event WHERE id = :id", id=single) == "2026-11-23 08:30:00.000000"
    with store.read() as session:
        assert session.get(EventRow, series).deleted_at == datetime(2026, 11, 23, 8, 30, tzinfo=timezone.utc)
    assert calendar.events_between(store, date(2026, 11, 1), date(2026, 12, 1)) == []
    calendar.restore_event(store, series)
    titles = {occ.title for occ in calendar.events_between(store, date(2026, 11, 1), date(2026, 12, 1))}
    assert titles == {"Team meeting", "Team meeting (moved)"}


def test_a_conflict_check_is_kept_in_utc_and_shown_in_local_time(store, matter_id, local_zone):
    local_zone(BERLIN)
    check = conflicts.record_check(store, [SearchName("Chidi Okafor")], [], checked_by="LS")
    conflicts.decide(store, check, "cleared", "Adverse party only.")
    assert stored(store, "SELECT checked_at FROM conflict_check WHERE id = :id", id=check) == \
        "2026-11-23 08:30:00.000000"
    assert stored(store, "SELECT decided_at FROM conflict_check WHERE id = :id", id=check) == \
        "2026-11-23 08:30:00.000000"
    record = conflicts.load_check(store, check)
    assert record.checked_at == record.decided_at == datetime(2026, 11, 23, 9, 30)
    assert conflicts.list_checks(store)[0].checked_at == datetime(2026, 11, 23, 9, 30)
    facts = dict(conflicts.report_for(store, check).facts)
    assert facts["Checked"] == "Mon 11/23/2026 9:30 AM by LS"
    assert facts["Decision"] == "Cleared (Mon 11/23/2026 9:30 AM)"


def test_an_event_without_a_zone_is_shown_in_the_computers_zone(store, local_zone):
    """Its instant is still UTC: a blank zone only says where to show it (an event from before zones)."""
    local_zone(BERLIN)
    with store.write() as session:
        row = EventRow(kind="meeting", title="Old entry", all_day=False, on_date=date(2026, 11, 24), tz="",
                       start_utc=datetime(2026, 11, 24, 15, 0, tzinfo=timezone.utc),
                       end_utc=datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc))
        session.add(row)
        session.flush()
        event_id = row.id

    occurrence = calendar.event_occurrence(store, event_id)
    assert occurrence is not None
    assert (occurrence.start, occurrence.end) == (datetime(2026, 11, 24, 16, 0), datetime(2026, 11, 24, 17, 0))
    assert occurrence.utc_span() == (datetime(2026, 11, 24, 15, 0, tzinfo=timezone.utc),
                                     datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc))
    draft = calendar.load_event(store, event_id)
    assert (draft.start.hour, draft.end.hour) == (16, 17)
    listed = listings.fetch_rows(store, "events", [event_id])[event_id]
    assert format_value("time", listed.start) == "4:00 PM"


def test_local_and_utc_conversions_of_the_computers_zone(local_zone):
    from legalsec_desktop.domain.clock import from_local, skipped_locally, to_local, utc_of

    local_zone("America/New_York")
    assert from_local(datetime(2026, 11, 1, 1, 30)) == datetime(2026, 11, 1, 5, 30, tzinfo=timezone.utc)  # EDT
    assert from_local(datetime(2026, 3, 8, 2, 30)) == datetime(2026, 3, 8, 7, 30, tzinfo=timezone.utc)  # as EST
    assert skipped_locally(datetime(2026, 3, 8, 2, 30)) and not skipped_locally(datetime(2026, 11, 1, 1, 30))
    assert to_local(datetime(2026, 11, 1, 6, 30)) == datetime(2026, 11, 1, 1, 30)  # naive is UTC: the second 1:30
    assert to_local(datetime(2026, 7, 1, 20, 30, tzinfo=timezone.utc)) == datetime(2026, 7, 1, 16, 30)
    # A blank zone is the computer's.
    assert utc_of(datetime(2026, 7, 1, 16, 30), "") == datetime(2026, 7, 1, 20, 30, tzinfo=timezone.utc)
    assert utc_of(datetime(2026, 7, 1, 16, 30), "Europe/Berlin") == datetime(2026, 7, 1, 14, 30, tzinfo=timezone.utc)
