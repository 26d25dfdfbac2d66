"""Where the shell can be sent: a tab by its key, optionally filtered to one matter ("open Time for 2026-0009")."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class TabKey(str, enum.Enum):
    """The tabs, by name rather than by position."""

    CALENDAR = "calendar"
    MATTERS = "matters"
    CORRESPONDENCE = "correspondence"
    TIME = "time"
    FILES = "files"


@dataclass(frozen=True)
class Destination:
    """A tab to show and what to show in it: the records of one matter (by its number), everything (""), or
    whatever its filters show now (None)."""

    tab: TabKey
    matter_number: str | None = None
