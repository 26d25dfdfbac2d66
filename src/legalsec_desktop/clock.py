"""The one place that reads the system clock; everything else is handed a Clock (tests pin it).

The composition roots (app.py, cli.py) make one and pass it down: the window through AppState,
the services through the Store they are given.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Windows names its zones in words; the ones of the United States, as IANA names.
_WINDOWS_ZONES = {
    "Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
    "Mountain Standard Time": "America/Denver", "US Mountain Standard Time": "America/Phoenix",
    "Pacific Standard Time": "America/Los_Angeles", "Alaskan Standard Time": "America/Anchorage",
    "Hawaiian Standard Time": "Pacific/Honolulu",
}


@dataclass(frozen=True)
class Clock:
    """The wall clock, or a fixed moment (local wall-clock time) when `fixed` is given."""

    fixed: datetime | None = None

    def now(self) -> datetime:
        """Local wall-clock time, naive, to the second."""
        return (self.fixed if self.fixed is not None else datetime.now()).replace(microsecond=0)

    def today(self) -> date:
        return self.now().date()

    def zone_name(self) -> str:
        """The IANA name of the zone the wall clock keeps (the office's), or "" when the computer does not say."""
        return system_zone_name()

    def utc_now(self) -> datetime:
        """The same moment as an aware UTC instant (what the database's instant columns take and give back)."""
        return self.now().astimezone(timezone.utc)


SYSTEM_CLOCK = Clock()


def system_zone_name() -> str:
    """The computer's time zone as an IANA name ("America/Chicago"); "" when it cannot be told, or is plain UTC
    (a server's, not an office's)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        link = os.path.realpath("/etc/localtime")
        candidates.append(link.split("zoneinfo/", 1)[1] if "zoneinfo/" in link else "")
    except OSError:
        pass
    candidates.append(_WINDOWS_ZONES.get(time.tzname[0], ""))
    for name in candidates:
        if "/" not in name or name.startswith("Etc/"):
            continue
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
        return name
    return ""
