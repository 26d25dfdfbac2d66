"""Named periods of time around a day (this week, last month …), as the Time tab and its exports offer them."""

from __future__ import annotations

from datetime import date, timedelta

PERIODS = ("This week", "Last week", "This month", "Last month", "This year", "Last year", "All dates", "Custom")


def period_range(name: str, today: date) -> tuple[date | None, date | None]:
    """(first, last) of a named period around `today`; (None, None) for all dates."""
    monday = today - timedelta(days=today.weekday())
    month = today.replace(day=1)
    if name == "This week":
        return monday, monday + timedelta(days=6)
    if name == "Last week":
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if name == "This month":
        following = (month + timedelta(days=32)).replace(day=1)
        return month, following - timedelta(days=1)
    if name == "Last month":
        previous = (month - timedelta(days=1)).replace(day=1)
        return previous, month - timedelta(days=1)
    if name == "This year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if name == "Last year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None, None
