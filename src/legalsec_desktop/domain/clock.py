"""Wall-clock times in a named time zone: refuse the times a daylight-saving change skips or repeats."""

from __future__ import annotations

import re
from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.domain.text_limits import shown

_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m?\.?)?$", re.IGNORECASE)


def zone(name: str, field: str = "tz") -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder of zones ("America"), a long name
        raise ValidationError(field, f"“{shown(name)}” is not a time zone. "
                                     "Use a name such as America/New_York.") from None


def parse_time(text: str, field: str = "time") -> time:
    """'9:30', '9:30 AM', '2pm', '14:00' → a time of day."""
    cleaned = (text or "").strip().replace(" ", "")
    match = _TIME.match(cleaned)
    if not match:
        raise ValidationError(field, f"“{shown(text)}” is not a time. Type it like 9:30 AM or 14:00.")
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), (match.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValidationError(field, f"“{shown(text)}” is not a time: "
                                         "with AM or PM the hour runs from 1 to 12.")
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour > 23 or minute > 59:
        raise ValidationError(field, f"“{shown(text)}” is not a time of day.")
    return time(hour, minute)


def to_utc(local: datetime, tz_name: str, field: str = "time") -> datetime:
    """A naive wall-clock time in `tz_name` as an aware UTC instant.

    A time the clocks skip (spring forward) or pass twice (fall back) is refused with a message that says so:
    a court time must mean exactly one instant.
    """
    tz = zone(tz_name)
    first = local.replace(tzinfo=tz, fold=0)
    second = local.replace(tzinfo=tz, fold=1)
    when = f"{format_clock(local)} on {format_date(local.date())}"
    if first.utcoffset() != second.utcoffset():
        round_trip = first.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None)
        if round_trip != local:
            raise ValidationError(field, f"{when} does not exist in {tz_name}: the clocks spring forward an hour "
                                         f"that night. Pick a time outside the skipped hour.")
        raise ValidationError(field, f"{when} happens twice in {tz_name}: the clocks fall back an hour that night. "
                                     f"Pick a time outside the repeated hour.")
    return first.astimezone(timezone.utc)


def from_utc(utc: datetime, tz_name: str) -> datetime:
    """An instant (aware, or naive UTC) as naive wall-clock time in `tz_name`."""
    aware = utc if utc.tzinfo is not None else utc.replace(tzinfo=timezone.utc)
    return aware.astimezone(zone(tz_name)).replace(tzinfo=None)


def utc_of(local: datetime, tz_name: str) -> datetime:
    """The aware UTC instant of a wall-clock time without checks (the earlier instant of a repeated hour).

    A blank zone means this computer's zone (see from_local).
    """
    if not tz_name:
        return from_local(local)
    return local.replace(tzinfo=zone(tz_name)).astimezone(timezone.utc)


def to_local(instant: datetime) -> datetime:
    """An instant (aware, or naive UTC as the store keeps it) as naive wall-clock time in this computer's zone."""
    aware = instant if instant.tzinfo is not None else instant.replace(tzinfo=timezone.utc)
    return aware.astimezone().replace(tzinfo=None)


def from_local(local: datetime) -> datetime:
    """Naive wall-clock time in this computer's zone as an aware UTC instant.

    A time the clocks pass twice (fall back) is the earlier of its two instants. A time they skip (spring
    forward), which no clock showed, is read with the offset in force before the change, as a clock not yet
    put forward would have meant it (02:30 is then 03:30 after the change); see skipped_locally to refuse one.
    """
    candidates = [local.replace(tzinfo=None, fold=fold).astimezone(timezone.utc) for fold in (0, 1)]
    exact = [instant for instant in candidates if to_local(instant) == local.replace(tzinfo=None, fold=0)]
    return min(exact) if exact else max(candidates)


def skipped_locally(local: datetime) -> bool:
    """Whether this computer's clock never shows the naive wall-clock time `local` (a spring-forward gap)."""
    return to_local(from_local(local)) != local.replace(tzinfo=None, fold=0)
