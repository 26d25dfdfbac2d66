"""Timers: time that runs until it is stopped and becomes a time entry (state is kept in the database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MAX_TIMER_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Timer:
    """A timer; `started_at` (aware UTC) is set while it runs, and `elapsed` holds the seconds banked so far."""

    id: int
    timekeeper_id: int
    matter_id: int | None
    narrative: str
    elapsed: int
    started_at: datetime | None = None
    matter_number: str = ""
    timekeeper: str = ""  # initials

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def seconds(self, now_utc: datetime) -> int:
        """Seconds on the clock at `now_utc` (a clock set back never makes it run backward)."""
        if self.started_at is None:
            return self.elapsed
        return self.elapsed + max(0, int((now_utc - self.started_at).total_seconds()))


def minutes_of(seconds: int) -> int:
    """Whole minutes for an entry: any part of a minute counts, and a started timer is at least a minute."""
    return max(1, -(-seconds // 60))


def format_elapsed(seconds: int) -> str:
    """'1:05:09' (hours:minutes:seconds)."""
    hours, rest = divmod(max(0, seconds), 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
