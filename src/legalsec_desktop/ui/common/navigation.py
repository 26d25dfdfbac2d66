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
    """A tab to show and what to show in it: the records of one matter, everything (number ""), or whatever its
    filters show now (number None). Tabs that filter by matter use the id; the others filter their text by the
    number. A destination may name one physical file (`file_id`, shown selected on the Files tab); its barcode id is
    then the `matter_number`, the text a tab that cannot select by id filters by."""

    tab: TabKey
    matter_number: str | None = None
    matter_id: int | None = None
    file_id: int | None = None
