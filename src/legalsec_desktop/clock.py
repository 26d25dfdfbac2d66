"""The one place that reads the system clock; everything else is handed a Clock (tests pin it).

The composition roots (app.py, cli.py) make one and pass it down: the window through AppState,
the services through the Store they are given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone


@dataclass(frozen=True)
class Clock:
    """The wall clock, or a fixed moment (local wall-clock time) when `fixed` is given."""

    fixed: datetime | None = None

    def now(self) -> datetime:
        """Local wall-clock time, naive, to the second."""
        return (self.fixed if self.fixed is not None else datetime.now()).replace(microsecond=0)

    def today(self) -> date:
        return self.now().date()

    def utc_now(self) -> datetime:
        """The same moment as an aware UTC instant (what the database's instant columns take and give back)."""
        return self.now().astimezone(timezone.utc)


SYSTEM_CLOCK = Clock()
