"""The deadline rule engine, against examples built from the rule texts and their committee notes."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legalsec_desktop.domain import court_calendar, rule_sets
from legalsec_desktop.domain.court_calendar import CourtCalendar
from legalsec_desktop.domain.deadlines import Request, compute
from legalsec_desktop.domain.errors import UserFixableError


def due(**kw) -> date:
    result = compute(Request(**kw))
    assert not result.warnings, result.warnings
    return result.due


# ---- FRCP 6(a): the 2009 Committee Note examples -------------------------------------------------------------


def test_ten_days_after_rolls_past_the_weekend_and_labor_day():
    # The 10th day is Saturday 2007-09-01; Monday is Labor Day: due Tuesday 09-04.
    result = compute(Request("US-FED", date(2007, 8, 22), 10))
    assert result.due == date(2007, 9, 4)
    assert [why for _, why in result.skipped] == ["Saturday", "Sunday", "Labor Day"]
    assert "FRCP 6(a)(1)(C)" in result.text()


def test_ten_days_before_moves_to_the_friday():
    assert due(rules="US-FED", trigger=date(2007, 9, 11), count=10, before=True) == date(2007, 8, 31)


def test_state_holidays_count_forward_only_in_a_federal_court():
    # Patriots' Day, Monday 2008-04-21, in a federal court sitting in Massachusetts.
    assert due(rules="US-FED:MA", trigger=date(2008, 4, 7), count=14) == date(2008, 4, 22)
    backward = compute(Request("US-FED:MA", date(2008, 5, 5), 14, before=True))
    assert backward.due == date(2008, 4, 21)
    assert "FRCP 6(a)(6)(C)" in backward.text()
    # The same period in a federal court elsewhere ignores Patriots' Day.
    assert due(rules="US-FED", trigger=date(2008, 4, 7), count=14) == date(2008, 4, 21)


def test_hours_count_elapsed_time_across_the_dst_change():
    result = compute(Request("US-FED", datetime(2007, 11, 2, 10, 23), 72, unit="hours", tz="America/New_York"))
    assert result.first_line == "2007-11-05T09:23"


def test_hours_ending_on_a_weekend_run_to_the_same_time_on_the_next_court_day():
    # 24 hours from Friday 2026-07-03 (observed Independence Day) 9:00 end Saturday: Monday 07-06 9:00.
    result = compute(Request("US-FED", datetime(2026, 7, 2, 9, 0), 24, unit="hours"))
    assert result.first_line == "2026-07-06T09:00"
    assert [why for _, why in result.skipped] == ["Independence Day (observed)", "Saturday", "Sunday"]


def test_week_multiples_land_on_the_trigger_weekday():
    for weeks in (1, 2, 3, 4):
        assert due(rules="US-FED", trigger=date(2026, 3, 4), count=7 * weeks).weekday() == 2


# ---- FRCP 6(d) -----------------------------------------------------------------------------------------------


def test_mail_adds_three_days_after_the_6a_roll():
    # 14 days from Monday 2026-03-02 is Monday 03-16; +3 = Thursday 03-19.
    assert due(rules="US-FED", trigger=date(2026, 3, 2), count=14, service="mail") == date(2026, 3, 19)


def test_the_three_days_follow_the_roll_then_roll_again():
    # Period ends Friday 2026-06-26? No: construct one ending on a Saturday. 10 days from 2026-07-01 is Sat 07-11,
    # rolled to Mon 07-13 under 6(a), +3 = Thu 07-16 (adding before the roll would give Tue 07-14).
    assert due(rules="US-FED", trigger=date(2026, 7, 1), count=10, service="mail") == date(2026, 7, 16)


def test_friday_plus_three_lands_on_a_monday_holiday_and_moves_to_tuesday():
    # The 2005 note pattern: ends Friday 2026-09-04, +3 = Monday 09-07 (Labor Day) → Tuesday 09-08.
    assert due(rules="US-FED", trigger=date(2026, 8, 21), count=14, service="mail") == date(2026, 9, 8)


def test_electronic_service_adds_nothing_since_december_2016():
    result = compute(Request("US-FED", date(2026, 3, 2), 14, service="electronic"))
    assert result.due == date(2026, 3, 16)
    assert "adds no days" in result.text()
    assert due(rules="US-FED", trigger=date(2016, 3, 1), count=14, service="electronic") == date(2016, 3, 18)


def test_personal_service_adds_nothing():
    assert due(rules="US-FED", trigger=date(2026, 3, 2), count=14, service="personal") == date(2026, 3, 16)


def test_before_with_mail_moves_earlier():
    # Served by mail at least 14 days before a hearing on Monday 2027-01-04: 12-21, then 3 more: Fri 12-18.
    assert due(rules="US-FED", trigger=date(2027, 1, 4), count=14, before=True, service="mail") == date(2026, 12, 18)


def test_federal_holidays_include_observed_days_and_executive_closures():
    cal = CourtCalendar([court_calendar.federal()])
    assert cal.closed_reason(date(2027, 12, 31)) == "New Year's Day (observed)"
    assert cal.closed_reason(date(2026, 7, 3)) == "Independence Day (observed)"
    assert cal.closed_reason(date(2025, 1, 9))  # National Day of Mourning (executive order)
    assert cal.closed_reason(date(2025, 12, 26))
    assert cal.closed_reason(date(2026, 11, 27)) is None  # the day after Thanksgiving is a federal work day


# ---- California ----------------------------------------------------------------------------------------------


def test_california_2026_calendar_matches_the_published_court_list():
    ca = court_calendar.state("CA")
    expected = {date(2026, m, d) for m, d in [(1, 1), (1, 19), (2, 12), (2, 16), (3, 31), (5, 25), (6, 19), (7, 3),
                                              (9, 7), (9, 25), (11, 11), (11, 26), (11, 27), (12, 25)]}
    weekdays = {d for d in ca.holidays_in(2026) if d.weekday() < 5}
    assert weekdays == expected


def test_california_court_days_before_a_hearing_skip_holidays():
    # CCP 1005(b): 16 court days before Tuesday 2026-09-15, passing over Labor Day (09-07): 08-21.
    result = compute(Request("CA", date(2026, 9, 15), 16, unit="court_days", before=True))
    assert result.due == date(2026, 8, 21)
    assert date(2026, 9, 7) in [d for d, _ in result.skipped]
    # By mail within California, 5 calendar days further back (CCP 12c(b)): Sunday 08-16, so Friday 08-14, flagged.
    mailed = compute(Request("CA", date(2026, 9, 15), 16, unit="court_days", before=True, service="mail"))
    assert mailed.due == date(2026, 8, 14) and "Courts differ" in mailed.warnings[0]
    # Moving papers for Thursday 09-17: 16 court days back is Tuesday 08-25; by mail, Thursday 08-20.
    assert due(rules="CA", trigger=date(2026, 9, 17), count=16, unit="court_days", before=True,
               service="mail") == date(2026, 8, 20)


def test_california_mail_adds_to_the_period_then_rolls():
    # 30 days + 5 = 35 days from Monday 2026-10-19 is Monday 11-23 (open).
    assert due(rules="CA", trigger=date(2026, 10, 19), count=30, service="mail") == date(2026, 11, 23)
    # 15 + 5 = 20 days from 2026-11-06 is Thursday 11-26 (Thanksgiving) → Friday is a court holiday too → Monday.
    assert due(rules="CA", trigger=date(2026, 11, 6), count=15, service="mail") == date(2026, 11, 30)
    assert due(rules="CA", trigger=date(2026, 10, 19), count=30, service="mail-out-of-state") == date(2026, 11, 30)


def test_california_electronic_service_adds_two_court_days():
    # 10 days from Monday 2026-11-16 is Thursday 11-26; two court days after it: Mon 11-30, Tue 12-01.
    assert due(rules="CA", trigger=date(2026, 11, 16), count=10, service="electronic") == date(2026, 12, 1)


def test_backward_service_days_landing_on_a_weekend_warn():
    # The published overnight example: moved earlier, flagged.
    result = compute(Request("CA", date(2026, 9, 15), 16, unit="court_days", before=True, service="overnight"))
    assert result.due == date(2026, 8, 19)  # 08-21 minus 2 calendar days is Wednesday 08-19: no flag needed
    flagged = compute(Request("CA", date(2026, 9, 17), 16, unit="court_days", before=True, service="overnight"))
    assert flagged.due == date(2026, 8, 21)  # 08-25 - 2 = Sunday 08-23 → Friday 08-21
    assert any("Courts differ" in w for w in flagged.warnings)


# ---- New York and Texas --------------------------------------------------------------------------------------


def test_new_york_mail_adds_five_days_and_election_day_is_a_holiday():
    # 10 + 5 days from 2026-10-19 is Tuesday 11-03, general election day → Wednesday 11-04.
    result = compute(Request("NY", date(2026, 10, 19), 10, service="mail"))
    assert result.due == date(2026, 11, 4)
    assert "General Election Day" in result.text()
    assert due(rules="NY", trigger=date(2026, 10, 19), count=10, service="mail-out-of-state") == date(2026, 11, 4)


def test_new_york_lincolns_birthday_rolls():
    assert due(rules="NY", trigger=date(2026, 2, 2), count=10) == date(2026, 2, 13)


def test_texas_answer_is_due_the_monday_next_after_twenty_days():
    # Sudderth's pattern, in a covered year: served Thursday 2026-10-01 → day 20 is Wed 10-21 → Monday 10-26.
    answer = rule_sets.load("TX").event("answer").deadlines[0]
    assert due(rules="TX", trigger=date(2026, 10, 1), count=answer.count, unit=answer.unit) == date(2026, 10, 26)
    # When day 20 is itself a Monday (served Tue 2026-09-29 → Mon 10-19), the answer is due a week later.
    assert due(rules="TX", trigger=date(2026, 9, 29), count=20, unit="monday_after_days") == date(2026, 10, 26)


def test_texas_monday_holiday_moves_the_answer_to_tuesday_but_a_holiday_on_day_twenty_does_not():
    # Day 20 = Tue 2026-01-13 → Monday 01-19 is MLK Day → Tuesday 01-20.
    assert due(rules="TX", trigger=date(2025, 12, 24), count=20, unit="monday_after_days") == date(2026, 1, 20)
    # Day 20 = Thursday 2026-11-26 (Thanksgiving): the next Monday, 11-30, stands.
    assert due(rules="TX", trigger=date(2026, 11, 6), count=20, unit="monday_after_days") == date(2026, 11, 30)


# ---- missing calendars, closures and bad input -----------------------------------------------------------------


def test_a_year_without_a_holiday_calendar_warns_instead_of_answering_silently():
    result = compute(Request("CA", date(2031, 1, 5), 10))
    assert any("No holiday calendar for California courts: 2031" in w for w in result.warnings)
    assert "WARNING" in result.text()


def test_a_federal_court_in_a_state_without_a_calendar_warns():
    result = compute(Request("US-FED:WY", date(2026, 3, 2), 14))
    assert any("WY" in w for w in result.warnings)


def test_user_closure_days_are_skipped_and_named():
    result = compute(Request("US-FED", date(2026, 3, 2), 14), closures={date(2026, 3, 16): "snow"})
    assert result.due == date(2026, 3, 17)
    assert "court closed: snow" in result.text()


@pytest.mark.parametrize("kw, message", [
    (dict(rules="XX", trigger=date(2026, 1, 1), count=3), "no court rules"),
    (dict(rules="US-FED", trigger=date(2026, 1, 1), count=-1), "not a period"),
    (dict(rules="US-FED", trigger=date(2026, 1, 1), count=3, unit="hours"), "starts at a time"),
    (dict(rules="US-FED", trigger=datetime(2026, 3, 8, 2, 30), count=3, unit="hours"), "does not exist"),
    (dict(rules="US-FED", trigger=datetime(2026, 11, 1, 1, 30), count=3, unit="hours"), "happens twice"),
    (dict(rules="US-FED", trigger=datetime(2026, 1, 1, 9), count=3, unit="hours", tz="Mars/Base"), "not a time zone"),
    (dict(rules="CA:NY", trigger=date(2026, 1, 1), count=3), "only federal"),
    (dict(rules="TX", trigger=date(2026, 1, 1), count=3, service="mail-international"), "service method"),
])
def test_bad_requests_get_a_clear_message(kw, message):
    with pytest.raises(UserFixableError) as caught:
        compute(Request(**kw))
    assert message in caught.value.message


# ---- properties ----------------------------------------------------------------------------------------------

RULES = ("US-FED", "US-FED:MA", "CA", "NY", "TX")
SERVICES = ("personal", "electronic", "mail", "mail-out-of-state", "overnight")
days_in_range = st.dates(min_value=date(2025, 1, 1), max_value=date(2029, 6, 30))


def _calendar(rules: str) -> CourtCalendar:
    main, forward, _ = rule_sets.load(rules).calendars()
    return CourtCalendar(main, forward)


@settings(max_examples=300, deadline=None)
@given(rules=st.sampled_from(RULES), trigger=days_in_range, count=st.integers(0, 120),
       service=st.sampled_from(SERVICES))
def test_a_forward_deadline_never_lands_on_a_closed_day(rules, trigger, count, service):
    result = compute(Request(rules, trigger, count, service=service))
    assert _calendar(rules).closed_reason(result.due) is None
    assert result.due >= trigger + timedelta(days=count)


@settings(max_examples=300, deadline=None)
@given(rules=st.sampled_from(RULES), trigger=days_in_range, count=st.integers(1, 40),
       service=st.sampled_from(SERVICES))
def test_a_backward_deadline_is_open_and_never_later_than_the_plain_count(rules, trigger, count, service):
    result = compute(Request(rules, trigger, count, before=True, service=service))
    assert _calendar(rules).closed_reason(result.due, forward=False) is None
    assert result.due <= trigger - timedelta(days=count)


@settings(max_examples=200, deadline=None)
@given(rules=st.sampled_from(RULES), trigger=days_in_range, count=st.integers(1, 30))
def test_court_days_count_exactly_n_open_days(rules, trigger, count):
    result = compute(Request(rules, trigger, count, unit="court_days"))
    cal = _calendar(rules)
    open_days = [trigger + timedelta(days=i) for i in range(1, (result.due - trigger).days + 1)
                 if cal.closed_reason(trigger + timedelta(days=i)) is None]
    assert len(open_days) == count and open_days[-1] == result.due


@settings(max_examples=200, deadline=None)
@given(rules=st.sampled_from(RULES), trigger=days_in_range, count=st.integers(0, 90))
def test_a_later_trigger_never_gives_an_earlier_deadline(rules, trigger, count):
    first = compute(Request(rules, trigger, count)).due
    assert compute(Request(rules, trigger + timedelta(days=1), count)).due >= first


@settings(max_examples=200, deadline=None)
@given(rules=st.sampled_from(RULES), trigger=days_in_range, count=st.integers(0, 90))
def test_every_skipped_day_is_explained(rules, trigger, count):
    result = compute(Request(rules, trigger, count))
    for day, why in result.skipped:
        assert why and day.strftime("%m/%d/%Y") in result.text()
