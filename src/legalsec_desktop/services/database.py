"""Opening the database for the shell and the command line: check it, back it up before a migration, open it.

Every function takes the database's location (a SQLite file today; a plain path still means one). The shell
names the database through `DatabaseLocation`, re-exported here because the shell never imports db/.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from legalsec_desktop.clock import SYSTEM_CLOCK, Clock
from legalsec_desktop.db import seal, sqlite_file, wal
from legalsec_desktop.db.location import DatabaseLocation, SqliteFile, location_of, sqlite_path
from legalsec_desktop.domain.errors import StoreOpenError
from legalsec_desktop.services import maintenance

if TYPE_CHECKING:
    from legalsec_desktop.db.store import Store as Store  # named by the shell in annotations (a handle to pass back)

# What the shell and the command line may use of the database layer without importing db/: the location of a
# database, and opening and closing it (the open Store is a handle they only pass back to services; they name
# its type for annotations only).
__all__ = ["DatabaseLocation", "SqliteFile", "closed_cleanly", "is_sealed", "location_of", "needs_upgrade",
           "open_database", "opened_for_writing", "prepare_file"]

log = logging.getLogger("legalsec")
Progress = Callable[[str, int, int], object]
Where = DatabaseLocation | Path


def prepare_file(where: Where, seal_file: Path | None = None) -> list[str]:
    """Make sure the file can be opened as it is; return notes for the user about what was done.

    A -wal that is not this database's is set aside, never applied. Unless the program closed this
    very file cleanly (its seal matches), SQLite's quick_check runs first: a damaged file is refused
    (DamagedDatabaseError) before anything reads from or writes to it.
    """
    db_path = sqlite_path(where)
    notes = []
    try:
        note = wal.guard(db_path)
    except OSError as exc:
        raise StoreOpenError(str(db_path), f"The journal file beside {db_path.name} is not its own and could not "
                                           f"be moved out of the way: {exc.strerror or exc}.") from exc
    if note:
        log.warning("set aside a -wal that was not the database's own")
        notes.append(note)
    deep = seal_file is not None and db_path.is_file() and not seal.is_sealed(db_path, seal_file)
    try:
        sqlite_file.probe(db_path, deep=deep)
    except StoreOpenError as exc:
        log.warning("the database cannot be opened as it is (%s)", type(exc).__name__)
        raise
    if deep:
        log.info("the database was not closed cleanly last time (or changed since): quick_check passed")
    return notes


def is_sealed(where: Where, seal_file: Path) -> bool:
    """Whether the program closed this file cleanly last time and nothing has changed it since."""
    return seal.is_sealed(sqlite_path(where), seal_file)


def needs_upgrade(where: Where) -> bool:
    """True when opening the database will migrate it (an existing file of an older schema)."""
    found = sqlite_file.probe(sqlite_path(where))
    return found.exists and found.needs_upgrade and found.revision is not None


def open_database(where: Where, backup_dir: Path, read_only: bool | None = None,
                  progress: Progress | None = None, check_with: Path | None = None,
                  clock: Clock = SYSTEM_CLOCK, calendar_limitations: bool = True) -> Store:
    """Open the database, creating it if new; an older schema is backed up (kept out of rotation), then migrated.

    `check_with` (a seal file) runs `prepare_file` first; its notes are on the returned store. An upgrade
    that fails leaves the file as it was (one transaction), so the backup made for it is removed again:
    failed attempts must not fill the disk with copies. Unless told otherwise (`calendar_limitations`), a writable
    database's matters saved with a limitation date before those were calendared get their calendar item.
    """
    from legalsec_desktop.db.store import open_store  # SQLAlchemy: loaded once the window is showing

    location = location_of(where)
    notes = prepare_file(location, check_with) if check_with is not None else []
    made: list[Path] = []

    def back_up_first(path: Path) -> None:
        if progress is not None:
            progress("Backing up the database before the upgrade", 0, 0)
        made.append(maintenance.back_up(path, backup_dir, reason="pre-migrate", clock=clock).made)
        log.info("upgrading the database schema; the pre-migrate backup is made")

    try:
        store = open_store(location, read_only=read_only, before_migrate=back_up_first, progress=progress,
                           clock=clock)
    except BaseException as exc:
        if made:
            log.warning("the database upgrade did not finish (%s)", type(exc).__name__)
        if made and _still_old(sqlite_path(location)):
            for path in made:
                path.unlink(missing_ok=True)
        raise
    if made:
        log.info("the database schema was upgraded")
    store.notes = tuple(notes) + store.notes
    if calendar_limitations and not store.read_only:
        _calendar_limitation_dates(store)
    return store


def _calendar_limitation_dates(store: Store) -> None:
    """Once per database (idempotent): matters saved before limitation dates were calendared get their item."""
    from legalsec_desktop.services import matter_sol

    made = matter_sol.backfill(store)
    if made:
        log.info("calendared %d limitation date(s) of matters saved before they were", made)


def _still_old(db_path: Path) -> bool:
    """True when the file is still at its old revision (the upgrade rolled back), so its backup is redundant."""
    try:
        return sqlite_file.probe(db_path).needs_upgrade
    except Exception:  # noqa: BLE001 - in doubt, keep the backup
        return False


def opened_for_writing(seal_file: Path) -> None:
    """The window holds the file now: until it closes cleanly, a crash must lead to a check."""
    seal.break_seal(seal_file)


def closed_cleanly(where: Where, seal_file: Path, troubled: bool = False) -> None:
    """The store is closed and its WAL checkpointed: record the file as left.

    Not after a session that met damage or a disk error (`troubled`): the next start must check the file.
    """
    db_path = location_of(where).file
    if db_path is not None and db_path.exists() and not troubled:
        seal.seal(db_path, seal_file)
