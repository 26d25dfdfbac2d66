"""Dates typed by hand: 11/23/2026, 11/23/26, 2026-11-23. A date that is not on the calendar is refused."""

from __future__ import annotations

import re
from datetime import date

from legalsec_desktop.domain.errors import ValidationError

_US = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


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
        if year < 100:
            year += 2000 if year < 70 else 1900
    else:
        raise ValidationError(field, f"“{cleaned}” is not a date. Type it like 11/23/2026.")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(field, f"“{cleaned}” is not a date on the calendar (there is no such day).") from None


def format_date_entry(value: date | None) -> str:
    """How a date appears in an entry field (what parse_date reads back)."""
    return f"{value.month:02d}/{value.day:02d}/{value.year}" if value else ""
