"""Dates typed by hand: 11/23/2026, 11/23/26, 2026-11-23. A date that is not on the calendar is refused.

The program keeps dates from 1900 to 2199. Before 1900 nothing can be exported (Excel's calendar begins on
1 January 1900), and nothing in a law office is due two centuries ahead; a year outside that range is a
typing slip ("0026" for "2026"), refused with a message rather than quietly read as another year. Inside
the range every date reads back as itself: entry fields show four-digit years, a four-digit year is that
year exactly, and only a two-digit year is guessed (00-69 → 2000s, 70-99 → 1900s).
"""

from __future__ import annotations

import re
from datetime import date

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.text_limits import shown

FIRST_YEAR, LAST_YEAR = 1900, 2199
PIVOT = 70  # a two-digit year below it is in the 2000s, from it on in the 1900s
_US = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$", re.ASCII)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)


def parse_date(text: str, field: str = "date", required: bool = False) -> date | None:
    """The date in `text` (None when blank and not required); ValidationError names the field otherwise."""
    cleaned = (text or "").strip()
    if not cleaned:
        if required:
            raise ValidationError(field, "Enter a date, such as 11/23/2026.")
        return None
    iso, us = _ISO.match(cleaned), _US.match(cleaned)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif us:
        month, day, year = (int(g) for g in us.groups())
        if len(us.group(3)) == 2:
            year += 2000 if year < PIVOT else 1900
    else:
        raise ValidationError(field, f"“{shown(cleaned)}” is not a date. Type it like 11/23/2026.")
    if not in_range(year):
        raise ValidationError(field, out_of_range(cleaned))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(field, f"“{shown(cleaned)}” is not a date on the calendar (there is no such day).") \
            from None


def in_range(year: int) -> bool:
    """Whether the program keeps dates in `year`."""
    return FIRST_YEAR <= year <= LAST_YEAR


def out_of_range(typed: str) -> str:
    """The message for a date whose year the program does not keep."""
    return f"“{shown(typed)}” is outside the years this program keeps dates for: {FIRST_YEAR} to {LAST_YEAR}."


def format_date_entry(value: date | None) -> str:
    """How a date appears in an entry field (what parse_date reads back): the year always has four digits."""
    return f"{value.month:02d}/{value.day:02d}/{value.year:04d}" if value else ""
