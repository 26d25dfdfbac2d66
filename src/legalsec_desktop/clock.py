"""The one place that reads the system clock; everything else is handed a Clock (tests pin it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Clock:
    """The wall clock, or a fixed moment when `fixed` is given."""

    fixed: datetime | None = None

    def now(self) -> datetime:
        return self.fixed if self.fixed is not None else datetime.now()

    def today(self) -> date:
        return self.now().date()


SYSTEM_CLOCK = Clock()
