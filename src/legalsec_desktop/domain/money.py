"""Money as integer cents: parsing what people type and formatting for display."""

from __future__ import annotations

import re

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.text_limits import shown

_MONEY = re.compile(r"^\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d{0,2}))?\s*$")
MAX_CENTS = 10**12  # ten billion dollars: far past any hourly rate or invoice
# "$ 10,000,000,000.00" is 19 characters; past this, typed text is a slip (or a paste of something else),
# refused before int() meets thousands of digits (Python refuses to read more than 4,300).
MAX_TYPED = 40


def parse_money(text: str, field: str = "amount") -> int:
    """Turn '150', '$1,250.5' or '99.99' into cents; raise ValidationError otherwise."""
    text = text or ""
    if len(text.strip()) > MAX_TYPED:
        raise ValidationError(field, f"“{shown(text.strip())}” is too long for an amount of money. "
                                     f"Type it like 250 or 1,250.00.")
    match = _MONEY.match(text)
    if not match or (not match.group(1) and not match.group(2)):
        raise ValidationError(field, f"“{shown(text)}” is not an amount of money. Type it like 250 or 1,250.00.")
    dollars = int(match.group(1).replace(",", "") or 0)
    cents = int((match.group(2) or "").ljust(2, "0"))
    total = dollars * 100 + cents
    if total > MAX_CENTS:
        raise ValidationError(field, "That amount is too large.")
    return total


def format_money(cents: int, symbol: str = "$") -> str:
    """Format cents as '$1,250.50' (negative as '-$5.00')."""
    sign = "-" if cents < 0 else ""
    dollars, rest = divmod(abs(cents), 100)
    return f"{sign}{symbol}{dollars:,}.{rest:02d}"
