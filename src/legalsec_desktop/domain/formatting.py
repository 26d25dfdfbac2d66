"""How dates, times, hours and money read on screen and on paper (US office conventions)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from legalsec_desktop.domain.billing import format_hours
from legalsec_desktop.domain.money import format_money


def format_date(value: date | None) -> str:
    """'Mon 11/23/2026': the weekday matters when reading a docket; the year always has four digits."""
    if value is None:
        return ""
    return f"{value:%a} {value.month:02d}/{value.day:02d}/{value.year:04d}"


def format_clock(value: datetime) -> str:
    """'9:30 AM' without a leading zero."""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"


def local_time(start_utc: datetime, zone: str) -> datetime:
    """A stored UTC instant as wall-clock time in the event's zone (a blank zone: this computer's zone)."""
    aware = start_utc.replace(tzinfo=timezone.utc) if start_utc.tzinfo is None else start_utc
    return aware.astimezone(ZoneInfo(zone)) if zone else aware.astimezone()


def format_value(kind: str, value: Any) -> str:
    """Display text for one listing value of the given column kind."""
    if value is None or value == "":
        return "all day" if kind == "time" else ""
    if kind == "date":
        return format_date(value)
    if kind == "datetime":
        return f"{format_date(value.date())} {format_clock(value)}"
    if kind == "time":
        start_utc, zone = value
        return format_clock(local_time(start_utc, zone))
    if kind == "hours":
        return format_hours(value)
    if kind == "money":
        return format_money(value)
    if kind == "label":
        text = str(value)
        return text[:1].upper() + text[1:]
    return str(value)


def counted(count: int, noun: str, plural: str = "") -> str:
    """'1 event', '2 events', '1,204 events' (`plural` when adding an s is wrong)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
