"""Backups through the SQLite backup API: made, verified, rotated, restored. Never a file copy."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from legalsec_desktop.db import leftovers, sqlite_file, wal
from legalsec_desktop.domain.errors import (
    BackupError,
    DamagedDatabaseError,
    NotADatabaseError,
    StoreOpenError,
    UserFixableError,
)
from legalsec_desktop.fsutil import fsync_folder, unused_path
from legalsec_desktop.domain.backup_rotation import RetentionPolicy, backups_to_keep

_NAME = re.compile(r"^legalsec-(\d{8}-\d{6})(?:-(\d+))?(?:-([a-z-]+))?\.db$")
_STAMP = "%Y%m%d-%H%M%S"
DAILY = timedelta(hours=24)
# Safety copies made before an upgrade or a restore: kept until the user deletes them, never rotated.
KEPT_REASONS = frozenset({"pre-migrate", "pre-restore"})


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and when (and why) it was made."""

    path: Path
    made_at: datetime
    reason: str
    size: int


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in a folder, newest first."""
    found = []
    if folder.is_dir():
        for entry in folder.iterdir():
            match = _NAME.match(entry.name)
            if match and entry.is_file():
                made_at = datetime.strptime(match.group(1), _STAMP)
                made_at += timedelta(microseconds=int(match.group(2) or 0))  # same-second tie-break
                found.append(BackupInfo(entry, made_at, match.group(3) or "auto", entry.stat().st_size))
    return sorted(found, key=lambda info: info.made_at, reverse=True)


def backup_due(folder: Path, now: datetime) -> bool:
    """True when the newest backup is more than a day old (or there is none).

    A backup stamped in the future (made while the clock was wrong) does not count: it would
    otherwise stop the daily backup until the clock caught up with it.
    """
    made = [info.made_at for info in list_backups(folder) if info.made_at <= now]
    return not made or now - max(made) >= DAILY


def copy_database(source: Path, target: Path) -> None:
    """Copy a live database with the backup API into a temporary file, verify it, then move it in.

    The copy gets an identity of its own: put back by hand beside the live file's -wal, it must not
    take that journal for its own (see db/wal.py).
    """
    partial = leftovers.temporary_name(target, "partial")
    try:
        wal.guard(source)  # another database's journal must not reach the copy
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_CREAT | os.O_WRONLY, 0o600))
        src = sqlite_file.connect(source, read_only=True)
        try:
            dst = sqlite3.connect(str(partial), isolation_level=None)
            try:
                sqlite_file.apply_private_pragmas(dst)
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
                wal.new_identity(dst)
            finally:
                dst.close()
        finally:
            src.close()
        # The copy must be whole: integrity_check. A row that pointed nowhere in the source is copied as it
        # was (`legalsec check` reports it); refusing to back it up would only leave the user with no copy.
        problems = sqlite_file.check_database(partial, foreign_keys=False)
        if problems:
            raise BackupError(f"The copy of {source} failed its integrity check: {problems[0]}")
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        fsync_folder(target.parent)
    except sqlite3.Error as exc:
        fixable = sqlite_file.storage_error(exc, target)
        raise BackupError(f"Could not copy {source} to {target}: "
                          f"{fixable.message if fixable else exc}") from exc
    except OSError as exc:
        raise BackupError(f"Could not write {target}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def make_backup(db_path: Path, folder: Path, now: datetime, reason: str = "") -> Path:
    """Back up `db_path` into `folder` under a dated name; verify it; return its path."""
    stamp = now.strftime(_STAMP)
    suffix = f"-{reason}" if reason else ""
    target = unused_path(lambda count: folder / f"legalsec-{stamp}{count}{suffix}.db")
    copy_database(db_path, target)
    return target


def rotate(folder: Path, policy: RetentionPolicy = RetentionPolicy()) -> list[Path]:
    """Delete the backups the policy does not keep (never a safety copy); return what was deleted."""
    backups = [info for info in list_backups(folder) if info.reason not in KEPT_REASONS]
    keep = backups_to_keep([info.made_at for info in backups], policy)
    removed = []
    for info in backups:
        if info.made_at not in keep:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    return removed


def verify_backup(path: Path) -> None:
    """Raise BackupError unless `path` is a sound legalsec-desktop database this version can open."""
    try:
        sqlite_file.probe(path)
    except StoreOpenError as exc:
        raise BackupError(f"{path.name} cannot be restored: {exc.message}") from exc
    problems = sqlite_file.check_database(path, foreign_keys=False)
    if problems:
        raise BackupError(f"{path.name} cannot be restored: it fails the integrity check ({problems[0]}).")


def newest_good_backup(folder: Path, now: datetime | None = None) -> BackupInfo | None:
    """The newest backup that passes verification, or None.

    With `now`, a backup stamped later than now (made while the clock was wrong) is offered only when
    no other is good: its stamp says nothing about how recent it really is.
    """
    found = list_backups(folder)
    if now is not None:
        found = [info for info in found if info.made_at <= now] + [info for info in found if info.made_at > now]
    for info in found:
        try:
            verify_backup(info.path)
        except BackupError:
            continue
        return info
    return None


def move_aside(db_path: Path, now: datetime) -> Path:
    """Rename a damaged database (and its WAL files) out of the way; never overwrite anything."""
    stamp = now.strftime(_STAMP)
    aside = unused_path(lambda count: db_path.with_name(f"{db_path.stem}.damaged-{stamp}{count}{db_path.suffix}"))
    # The main file first: a -wal left without its database is harmless, a database without its -wal is not.
    if db_path.exists():
        os.replace(db_path, aside)
    for side, extra in zip(sqlite_file.companions(db_path), ("-wal", "-shm")):
        if side.exists():
            os.replace(side, Path(str(aside) + extra))
    return aside


def restore(backup: Path, db_path: Path, folder: Path, now: datetime) -> Path | None:
    """Replace `db_path` with `backup` after verifying it.

    The current file is backed up first if it is sound, or moved aside (with its -wal and -shm) if it is
    damaged; a file that another program holds is left alone and the restore refused. Returns the path
    of that safety copy (None if there was no current file).

    The backup is copied whole to a temporary file beside the database, given a new identity, and moved
    into place after the old -wal and -shm are gone: the three files are replaced as one unit, and no
    journal of the file it replaced can ever be applied to it.
    """
    verify_backup(backup)
    wal.guard(db_path)
    safety: Path | None = None
    if db_path.exists():
        try:
            sqlite_file.probe(db_path)
            sound = not sqlite_file.check_database(db_path)
        except (DamagedDatabaseError, NotADatabaseError):
            sound = False
        except StoreOpenError as exc:  # held by another program, or a disk error: not damage
            raise BackupError(f"{db_path.name} was not replaced: {exc.message}") from exc
        except UserFixableError as exc:
            raise BackupError(f"{db_path.name} was not replaced: {exc.message}") from exc
        safety = make_backup(db_path, folder, now, reason="pre-restore") if sound else move_aside(db_path, now)
    partial = leftovers.temporary_name(db_path, "restoring")
    try:
        copy_database(backup, partial)
        with contextlib.closing(sqlite3.connect(str(partial), isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode = WAL")  # as the program keeps it; closing folds it back
        for side in sqlite_file.companions(db_path):  # the safety copy above holds everything they held
            side.unlink(missing_ok=True)
        os.replace(partial, db_path)
        fsync_folder(db_path.parent)
    except sqlite3.Error as exc:
        raise BackupError(f"Could not restore {backup.name}: {exc}") from exc
    except OSError as exc:
        raise BackupError(f"Could not restore {backup.name}: {exc.strerror or exc}. The database was not "
                          "replaced.") from exc
    finally:
        for leftover in (partial, *sqlite_file.companions(partial)):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    problems = sqlite_file.check_database(db_path)
    if problems:
        raise BackupError(f"The restored database failed its check ({problems[0]}); "
                          f"the previous one is kept as {safety}.")
    return safety
