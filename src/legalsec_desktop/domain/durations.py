"""Durations typed the way people type them: 0.3, .25h, 18m, 1:15, 1h 20m, 90 min."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.text_limits import shown

MAX_MINUTES = 24 * 60
MAX_TYPED = 40  # "23 hours 59 minutes" is 19 characters; longer text is a slip, refused before it is read
_CLOCK = re.compile(r"^(\d{1,2}):([0-5]\d)$")
_PARTS = re.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*(hours|hour|hrs|hr|h|minutes|minute|mins|min|m)?", re.IGNORECASE)


def parse_duration(text: str, field: str = "duration") -> int:
    """Minutes in `text`; a bare number is hours. Raises ValidationError for anything else."""
    cleaned = (text or "").strip().lower()
    if not cleaned:
        raise ValidationError(field, "Enter how long it took, such as 0.3, 18m, 1:15 or 1h 20m.")
    if len(cleaned) > MAX_TYPED:
        raise ValidationError(field, f"“{shown(cleaned)}” is too long for a duration. "
                                     f"Type it like 0.3, .25h, 18m, 1:15 or 1h 20m.")
    if cleaned.startswith("-"):
        raise ValidationError(field, "A duration cannot be negative.")
    clock = _CLOCK.match(cleaned)
    if clock:
        minutes = int(clock.group(1)) * 60 + int(clock.group(2))
    else:
        minutes = _parse_parts(cleaned, text, field)
    if minutes <= 0:
        raise ValidationError(field, "A duration must be more than zero.")
    if minutes > MAX_MINUTES:
        raise ValidationError(field, "A single entry cannot be longer than 24 hours.")
    return minutes


def _parse_parts(cleaned: str, original: str, field: str) -> int:
    position, total = 0, Decimal(0)
    bare_seen = False
    for match in _PARTS.finditer(cleaned):
        if cleaned[position:match.start()].strip():
            break
        try:
            number = Decimal(match.group(1))
        except InvalidOperation:
            break
        unit = (match.group(2) or "").lower()
        if not unit:
            if bare_seen:
                break
            bare_seen = True
        total += number if unit.startswith("m") else number * 60
        position = match.end()
    else:
        if position and not cleaned[position:].strip():
            return int(total.to_integral_value(rounding="ROUND_HALF_UP"))
    raise ValidationError(field, f"“{shown(original)}” is not a duration. "
                                 f"Type it like 0.3, .25h, 18m, 1:15 or 1h 20m.")

