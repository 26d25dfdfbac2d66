"""Named periods: each holds the day it is named after (or lies just before it), and runs forward."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from legalsec_desktop.domain.periods import PERIODS, period_range

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@given(DAYS)
def test_this_periods_hold_today_and_last_periods_end_before_them(today):
    for name in ("This week", "This month", "This year"):
        first, last = period_range(name, today)
        assert first <= today <= last
        earlier = period_range(name.replace("This", "Last"), today)
        assert earlier[1] == first - timedelta(days=1) and earlier[0] <= earlier[1]


@given(DAYS)
def test_weeks_start_on_monday_and_months_on_the_first(today):
    week, month = period_range("This week", today), period_range("This month", today)
    assert week[0].weekday() == 0 and (week[1] - week[0]).days == 6
    assert month[0].day == 1 and (month[1] + timedelta(days=1)).day == 1


def test_all_dates_and_custom_are_open():
    assert period_range("All dates", date(2028, 2, 29)) == (None, None)
    assert period_range("Custom", date(2028, 2, 29)) == (None, None)
    assert PERIODS[-2:] == ("All dates", "Custom")


def test_last_month_across_a_new_year_and_a_leap_february():
    assert period_range("Last month", date(2027, 1, 15)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert period_range("This month", date(2028, 2, 10)) == (date(2028, 2, 1), date(2028, 2, 29))
