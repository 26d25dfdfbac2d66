"""Which database files this process has open through SQLite: nothing else in the process may open them.

On POSIX systems, closing ANY handle to a file drops every lock the process holds on it, SQLite's included. A plain
open()/close() of a database the window has open (to read its header, say) would let another process (a `legalsec`
command beside the window) take the file for unused, checkpoint it and delete its -wal under the window's feet, and
every later change would go to a deleted file: lost at the window's close.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

_OPEN_HERE: Counter[str] = Counter()


def _key(path: Path) -> str:
    return os.path.normcase(str(path.resolve()))


def opened_here(path: Path) -> None:
    """A Store of this process now has `path` open."""
    _OPEN_HERE[_key(path)] += 1


def closed_here(path: Path) -> None:
    key = _key(path)
    _OPEN_HERE[key] -= 1
    if _OPEN_HERE[key] <= 0:
        del _OPEN_HERE[key]


def is_open_here(path: Path) -> bool:
    """Whether this process has the database open (then only SQLite may open its file)."""
    try:
        return _OPEN_HERE[_key(path)] > 0
    except OSError:
        return False
