"""Backups, restores and checks of the database file, for the GUI and the command line alike."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from legalsec_desktop import paths
from legalsec_desktop.clock import SYSTEM_CLOCK, Clock
from legalsec_desktop.db import backup as backups
from legalsec_desktop.db import leftovers, sqlite_file
from legalsec_desktop.db.backup import BackupInfo

__all__ = ["BackupInfo", "BackupResult"]
from legalsec_desktop.domain.backup_rotation import RetentionPolicy
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.instance_lock import InstanceLock

log = logging.getLogger("legalsec")


@dataclass(frozen=True)
class BackupResult:
    """What a backup run made and what rotation removed."""

    made: Path
    removed: tuple[Path, ...]


def back_up(db_path: Path, folder: Path, reason: str = "", policy: RetentionPolicy = RetentionPolicy(),
            clock: Clock = SYSTEM_CLOCK) -> BackupResult:
    """Make a verified backup now, then rotate the folder (safety copies are never rotated)."""
    made = backups.make_backup(db_path, folder, clock.now(), reason=reason)
    removed = backups.rotate(folder, policy)
    return BackupResult(made, tuple(removed))


def back_up_if_due(db_path: Path, folder: Path, clock: Clock = SYSTEM_CLOCK) -> BackupResult | None:
    """The daily backup: made only when the newest one is a day old or more."""
    if not db_path.exists() or not backups.backup_due(folder, clock.now()):
        return None
    return back_up(db_path, folder, reason="daily", clock=clock)


def list_backups(folder: Path) -> list[BackupInfo]:
    return backups.list_backups(folder)


def newest_good_backup(folder: Path, clock: Clock = SYSTEM_CLOCK) -> BackupInfo | None:
    """The newest backup that passes verification (one stamped in the future only as a last resort)."""
    return backups.newest_good_backup(folder, clock.now())


def restore(backup_file: Path, db_path: Path, folder: Path, clock: Clock = SYSTEM_CLOCK) -> Path | None:
    """Verify `backup_file`, keep a safety copy of the current database, and restore."""
    safety = backups.restore(backup_file, db_path, folder, clock.now())
    log.info("a backup was restored; the previous database was %s",
             "kept as a safety copy" if safety is not None else "absent")
    return safety


def move_aside(db_path: Path, clock: Clock = SYSTEM_CLOCK) -> Path:
    """Rename a damaged database with its -wal and -shm, so nothing of it is lost or applied elsewhere."""
    aside = backups.move_aside(db_path, clock.now())
    log.warning("a damaged database was moved aside, with its -wal and -shm")
    return aside


def sweep_leftovers(db_path: Path, folder: Path) -> list[Path]:
    """Remove the temporary files of runs that were killed half-way (backups, demos, restores)."""
    return leftovers.sweep(db_path, folder)


def hold_database(db_path: Path, in_use: UserFixableError) -> InstanceLock:
    """Hold the database's instance lock (raising `in_use` while a window has it open), after clearing what a
    killed run left beside it and among its backups."""
    lock = InstanceLock(*paths.lock_paths(db_path))
    if not lock.acquire():
        raise in_use
    sweep_leftovers(db_path, paths.backup_dir(db_path))
    return lock


def check(db_path: Path) -> list[str]:
    """Integrity and foreign-key problems of the database; empty when it is sound."""
    if not db_path.is_file():
        return [f"{db_path} is a folder, not a database file." if db_path.is_dir() else f"{db_path} does not exist."]
    if db_path.stat().st_size == 0:
        return [f"{db_path} is empty (0 bytes): its contents were lost."]
    if not sqlite_file.has_sqlite_header(db_path):
        return [f"{db_path} is not a SQLite database."]
    return sqlite_file.check_database(db_path)
