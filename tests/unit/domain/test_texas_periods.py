"""Texas counting: TRCP 4's short periods, and holidays whose status as court closures is unsettled."""

import json
from datetime import date

import pytest

from legalsec_desktop.domain import court_calendar, rule_sets
from legalsec_desktop.domain.deadlines import Request, compute


def test_a_period_of_five_days_or_less_skips_weekends_and_holidays():
    # TRCP 4 as amended in 2014: 5 days from Wednesday 2026-12-02 is Wednesday 2026-12-09, not Monday 12-07.
    result = compute(Request("TX", date(2026, 12, 2), 5))
    assert result.due == date(2026, 12, 9)
    assert [why for _, why in result.skipped] == ["Saturday", "Sunday"]
    assert "5 days or less" in result.text() and "TRCP 4" in result.text()
    # Six days is an ordinary period again: Tuesday 12-08.
    assert compute(Request("TX", date(2026, 12, 2), 6)).due == date(2026, 12, 8)
    # Backward too: 3 days before Monday 2026-12-14 passes over the weekend to Wednesday 12-09.
    assert compute(Request("TX", date(2026, 12, 14), 3, before=True)).due == date(2026, 12, 9)


def test_the_three_mail_days_still_count_weekends():
    # 5 court days → Wed 12-09; the 3 days of TRCP 21a(c) are calendar days → Sat 12-12 → rolls to Mon 12-14.
    result = compute(Request("TX", date(2026, 12, 2), 5, service="mail"))
    assert result.due == date(2026, 12, 14)
    assert "TRCP 21a(c)" in result.text()


def test_other_courts_count_short_periods_in_calendar_days():
    assert compute(Request("US-FED", date(2026, 12, 2), 5)).due == date(2026, 12, 7)


def test_an_unsettled_holiday_gives_the_earlier_date_and_names_the_later_one():
    # 11/24/2026 + 30 days is Thursday 12-24, Christmas Eve: docketed that day, may extend to Monday 12-28.
    result = compute(Request("TX", date(2026, 11, 24), 30))
    assert result.due == date(2026, 12, 24) and result.later == date(2026, 12, 28)
    assert result.notes == ["May extend to Mon 12/28/2026 if the court was closed on Thu 12/24/2026 (Christmas Eve)."]
    assert result.notes[0] in result.text() and result.as_dict()["notes"] == result.notes
    assert not result.warnings


@pytest.mark.parametrize("day, name", [
    (date(2027, 1, 19), "Confederate Heroes Day"), (date(2027, 3, 2), "Texas Independence Day"),
    (date(2027, 4, 21), "San Jacinto Day"), (date(2027, 6, 19), "Emancipation Day"),
    (date(2027, 8, 27), "Lyndon Baines Johnson Day"),
    (date(2027, 11, 26), "Day after Thanksgiving"), (date(2027, 12, 24), "Christmas Eve"),
])
def test_the_texas_state_holidays_are_unsettled(day, name):
    texas = court_calendar.state("TX")
    assert texas is not None
    assert texas.unsettled_in(day.year).get(day) == name
    assert day not in texas.holidays_in(day.year)


def test_a_settled_holiday_on_the_same_day_wins():
    # 2026-01-19 is both Martin Luther King Jr. Day and Confederate Heroes Day: closed, no note.
    texas = court_calendar.state("TX")
    assert texas is not None and date(2026, 1, 19) not in texas.unsettled_in(2026)
    result = compute(Request("TX", date(2025, 12, 20), 30))
    assert result.due == date(2026, 1, 20) and result.notes == []


def test_counting_backward_the_earlier_date_treats_the_day_as_closed():
    result = compute(Request("TX", date(2026, 12, 30), 5, before=True))
    assert result.due == date(2026, 12, 21) and result.later == date(2026, 12, 22)
    assert result.notes == ["May be as late as Tue 12/22/2026 if the court was open on Thu 12/24/2026 (Christmas Eve)."]


def test_any_rule_set_can_mark_a_holiday_unsettled(monkeypatch):
    data = {"code": "ZZ", "state": "Nowhere", "name": "Nowhere courts", "citation": "", "years": [2026, 2026],
            "observe": {}, "holidays": [{"name": "Founders' Day", "month": 3, "day": 9, "unsettled": True}]}
    found = court_calendar._occurrences(data, 2026, unsettled=True)
    assert found == {date(2026, 3, 9): "Founders' Day"}
    assert court_calendar._occurrences(data, 2026) == {}
    calendar = court_calendar.HolidayList("ZZ", "Nowhere courts", "Nowhere", "", 2026, 2026,
                                          lambda y: court_calendar._occurrences(data, y),
                                          lambda y: court_calendar._occurrences(data, y, unsettled=True))
    monkeypatch.setattr(rule_sets.RuleSet, "calendars", lambda self: ([calendar], [], []))
    result = compute(Request("CA", date(2026, 2, 27), 10))  # day 10 is Monday 03-09
    assert result.due == date(2026, 3, 9) and result.later == date(2026, 3, 10)
    assert "Founders' Day" in result.notes[0]
    assert json.dumps(result.as_dict())
