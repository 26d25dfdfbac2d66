"""Repeat rules: refused when a legal calendar cannot show them, and capped before they are expanded.

Only an old database (or a file imported before these checks) can hold a rule repeating every second or one whose
filters never agree; a view must still come back at once, showing such an event once.
"""

from datetime import date, datetime

import pytest

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import (MAX_OCCURRENCES, check_rrule, describe_rule, never_happens, occurrences,
                                            rule_parts, until_end_of_day)

WEEK = (datetime(2026, 11, 30), datetime(2026, 12, 7))


@pytest.mark.parametrize("rule", ["FREQ=SECONDLY", "FREQ=MINUTELY;INTERVAL=15", "FREQ=HOURLY;COUNT=3"])
def test_a_rule_more_often_than_daily_is_refused_when_saved(rule):
    with pytest.raises(ValidationError, match="at most daily"):
        check_rrule(rule, date(2026, 12, 1))


def test_a_rule_whose_filters_never_agree_is_refused_at_once():
    with pytest.raises(ValidationError, match="never happens"):
        check_rrule("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31", date(2026, 12, 1))  # dateutil alone searches to 9999
    assert never_happens("FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=31", datetime(2020, 1, 1))
    assert not never_happens("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", datetime(2026, 1, 1))  # leap years


@pytest.mark.parametrize("rule", ["FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=HOURLY",
                                  "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=31", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31",
                                  "FREQ=SOMETIMES"])
def test_a_stored_rule_the_program_cannot_repeat_shows_its_first_date_only(rule):
    first = datetime(2026, 12, 1, 9)
    assert occurrences(rule, first, *WEEK) == [first]
    assert occurrences(rule, datetime(2020, 1, 1), *WEEK) == []  # years before the view: not stepped through


def test_a_daily_series_is_capped_per_view_and_keeps_its_exceptions():
    first = datetime(2000, 1, 1, 9)
    year = occurrences("FREQ=DAILY", first, datetime(2026, 1, 1), datetime(2027, 1, 1), (date(2026, 1, 2),))
    assert len(year) == 364 and year[0] == datetime(2026, 1, 1, 9) and datetime(2026, 1, 2, 9) not in year
    decade = occurrences("FREQ=DAILY", first, datetime(2026, 1, 1), datetime(2036, 1, 1))
    assert len(decade) == MAX_OCCURRENCES and decade[-1] == datetime(2028, 9, 26, 9)


def test_rule_parts_read_names_in_any_case():
    assert rule_parts("RRULE:freq=weekly;byday=MO;") == {"FREQ": "weekly", "BYDAY": "MO"}


def test_a_date_until_includes_its_day_on_a_timed_series():
    """UNTIL=20261202 on a 9:00 series: the 2 December meeting happens (dateutil alone reads midnight)."""
    found = occurrences("FREQ=DAILY;UNTIL=20261202", datetime(2026, 11, 30, 9), *WEEK)
    assert [when.day for when in found] == [30, 1, 2]
    assert until_end_of_day("FREQ=WEEKLY;UNTIL=20261202;BYDAY=MO") == "FREQ=WEEKLY;UNTIL=20261202T235959;BYDAY=MO"
    assert until_end_of_day("FREQ=WEEKLY;UNTIL=20261202T090000") == "FREQ=WEEKLY;UNTIL=20261202T090000"


@pytest.mark.parametrize("rule, words", [
    ("FREQ=WEEKLY", "Every week"),
    ("FREQ=MONTHLY;INTERVAL=1;BYDAY=1TU", "Every month on the first Tuesday"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=6", "Every 2 weeks on Tuesday, Thursday, 6 times"),
    ("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231T235959", "Every month on the last Friday, until 12/31/2027"),
    ("FREQ=DAILY;COUNT=7", "Every day, 7 times"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "Every year on February 29"),
    ("FREQ=MONTHLY;BYMONTHDAY=15,31", "Every month on day 15, 31"),
    ("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU", "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU"),  # more than words say
])
def test_a_rule_in_words(rule, words):
    assert describe_rule(rule) == words
