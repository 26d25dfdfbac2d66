"""The one rounding rule for billable time, and amounts in integer cents."""

from __future__ import annotations


def billed_minutes(minutes: int, increment_minutes: int) -> int:
    """Round worked minutes up to the billing increment (0.1 h = 6 minutes rounds 7 up to 12)."""
    if minutes <= 0:
        return 0
    units = -(-minutes // increment_minutes)  # ceiling division, integers only
    return units * increment_minutes


def amount_cents(minutes: int, rate_cents_per_hour: int, increment_minutes: int) -> int:
    """What the time is worth: billed minutes × hourly rate, to the nearest cent (halves up)."""
    return (billed_minutes(minutes, increment_minutes) * rate_cents_per_hour + 30) // 60


def format_hours(minutes: int, places: int = 1) -> str:
    """Minutes as decimal hours for display ('1.5'), without floats in the arithmetic."""
    scale = 10**places
    tenths = (minutes * scale + 30) // 60
    whole, frac = divmod(tenths, scale)
    return f"{whole}.{frac:0{places}d}" if places else str(whole)
