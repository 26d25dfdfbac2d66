"""Opening the database for the shell and the command line: check it, back it up before a migration, open it."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from legalsec_desktop.clock import SYSTEM_CLOCK, Clock
from legalsec_desktop.db import seal, sqlite_file, wal
from legalsec_desktop.db.backup import set_aside_journal
from legalsec_desktop.domain.errors import StoreOpenError
from legalsec_desktop.services import maintenance

if TYPE_CHECKING:
    from legalsec_desktop.db.store import Store

log = logging.getLogger("legalsec")
Progress = Callable[[str, int, int], object]


def prepare_file(db_path: Path, seal_file: Path | None = None, clock: Clock = SYSTEM_CLOCK) -> list[str]:
    """Make sure the file can be opened as it is; return notes for the user about what was done.

    A -wal that is not this database's is set aside, never applied. Unless the program closed this
    very file cleanly (its seal matches), SQLite's quick_check runs first: a damaged file is refused
    (DamagedDatabaseError) before anything reads from or writes to it.
    """
    notes = []
    journal_exists = any(side.exists() for side in sqlite_file.companions(db_path))
    reason = wal.foreign_reason(db_path) if db_path.is_file() else (
        "its database file is missing" if journal_exists else None)
    if reason:
        try:
            aside = set_aside_journal(db_path, clock.now())
        except OSError as exc:
            raise StoreOpenError(str(db_path), f"The journal file beside {db_path.name} is not its own ({reason}) "
                                               f"and could not be moved out of the way: {exc.strerror}.") from exc
        log.warning("set aside a foreign -wal (%s)", reason)
        notes.append(f"A journal file beside the database was not its own ({reason}). It was set aside as "
                     f"{aside.name} and not applied; the database is as it was.")
    deep = seal_file is not None and db_path.is_file() and not seal.is_sealed(db_path, seal_file)
    sqlite_file.probe(db_path, deep=deep)
    return notes


def is_sealed(db_path: Path, seal_file: Path) -> bool:
    """Whether the program closed this file cleanly last time and nothing has changed it since."""
    return seal.is_sealed(db_path, seal_file)


def needs_upgrade(db_path: Path) -> bool:
    """True when opening the file will migrate it (an existing file of an older schema)."""
    found = sqlite_file.probe(db_path)
    return found.exists and found.needs_upgrade and found.revision is not None


def open_database(db_path: Path, backup_dir: Path, read_only: bool | None = None,
                  progress: Progress | None = None, check_with: Path | None = None,
                  clock: Clock = SYSTEM_CLOCK) -> Store:
    """Open `db_path`, creating it if new; an older schema is backed up (kept out of rotation), then migrated.

    `check_with` (a seal file) runs `prepare_file` first; its notes are on the returned store.
    """
    from legalsec_desktop.db.store import open_store  # SQLAlchemy: loaded once the window is showing

    notes = prepare_file(db_path, check_with, clock) if check_with is not None else []

    def back_up_first(path: Path) -> None:
        if progress is not None:
            progress("Backing up the database before the upgrade", 0, 0)
        maintenance.back_up(path, backup_dir, reason="pre-migrate", clock=clock)

    store = open_store(db_path, read_only=read_only, before_migrate=back_up_first, progress=progress)
    store.notes = tuple(notes)
    return store


def opened_for_writing(db_path: Path, seal_file: Path) -> None:
    """The window holds the file now: until it closes cleanly, a crash must lead to a check."""
    seal.break_seal(seal_file)


def closed_cleanly(db_path: Path, seal_file: Path) -> None:
    """The store is closed and its WAL checkpointed: record the file as left."""
    if os.path.exists(db_path):
        seal.seal(db_path, seal_file)
