"""Backups through the SQLite backup API: made, verified, rotated, restored. Never a file copy."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from legalsec_desktop.db import sqlite_file
from legalsec_desktop.domain.errors import BackupError, StoreOpenError
from legalsec_desktop.domain.retention import RetentionPolicy, backups_to_keep

_NAME = re.compile(r"^legalsec-(\d{8}-\d{6})(?:-(\d+))?(?:-([a-z-]+))?\.db$")
_STAMP = "%Y%m%d-%H%M%S"
DAILY = timedelta(hours=24)


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


def backup_due(folder: Path, now: datetime | None = None) -> bool:
    """True when the newest backup is more than a day old (or there is none)."""
    backups = list_backups(folder)
    return not backups or (now or datetime.now()) - backups[0].made_at >= DAILY


def copy_database(source: Path, target: Path) -> None:
    """Copy a live database with the backup API into a temporary file, verify it, then move it in."""
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_CREAT | os.O_WRONLY, 0o600))
        src = sqlite_file.connect(source, read_only=True)
        try:
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        problems = sqlite_file.check_database(partial)
        if problems:
            raise BackupError(f"The copy of {source} failed its integrity check: {problems[0]}")
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise BackupError(f"Could not copy {source} to {target}: {exc}") from exc
    except OSError as exc:
        raise BackupError(f"Could not write {target}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def make_backup(db_path: Path, folder: Path, reason: str = "", now: datetime | None = None) -> Path:
    """Back up `db_path` into `folder` under a dated name; verify it; return its path."""
    now = now or datetime.now()
    stamp = now.strftime(_STAMP)
    suffix = f"-{reason}" if reason else ""
    target = folder / f"legalsec-{stamp}{suffix}.db"
    counter = 0
    while target.exists():
        counter += 1
        target = folder / f"legalsec-{stamp}-{counter}{suffix}.db"
    copy_database(db_path, target)
    return target


def rotate(folder: Path, policy: RetentionPolicy = RetentionPolicy()) -> list[Path]:
    """Delete the backups the policy does not keep; return what was deleted."""
    for stale in folder.glob("*.partial") if folder.is_dir() else ():
        # Left by a process that was killed mid-backup; never a finished backup.
        if datetime.now().timestamp() - stale.stat().st_mtime > 3600:
            stale.unlink(missing_ok=True)
    backups = list_backups(folder)
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
    problems = sqlite_file.check_database(path)
    if problems:
        raise BackupError(f"{path.name} cannot be restored: it fails the integrity check ({problems[0]}).")


def newest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup that passes verification, or None."""
    for info in list_backups(folder):
        try:
            verify_backup(info.path)
        except BackupError:
            continue
        return info
    return None


def move_aside(db_path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged database (and its WAL files) out of the way; never overwrite anything."""
    stamp = (now or datetime.now()).strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.stem}.damaged-{stamp}{db_path.suffix}")
    counter = 0
    while aside.exists():
        counter += 1
        aside = db_path.with_name(f"{db_path.stem}.damaged-{stamp}-{counter}{db_path.suffix}")
    for extra in ("-wal", "-shm"):
        side = Path(str(db_path) + extra)
        if side.exists():
            os.replace(side, Path(str(aside) + extra))
    os.replace(db_path, aside)
    return aside


def restore(backup: Path, db_path: Path, folder: Path) -> Path | None:
    """Replace `db_path` with `backup` after verifying it.

    The current file is backed up first if it is sound, or moved aside if it is not; returns
    the path of that safety copy (None if there was no current file).
    """
    verify_backup(backup)
    safety: Path | None = None
    if db_path.exists():
        sound = False
        try:
            sqlite_file.probe(db_path)
            sound = not sqlite_file.check_database(db_path)
        except StoreOpenError:
            pass
        safety = make_backup(db_path, folder, reason="pre-restore") if sound else move_aside(db_path)
    if db_path.exists():
        # Write the backup's pages through SQLite so the live WAL is handled correctly.
        try:
            src = sqlite3.connect(sqlite_file.file_uri(backup, mode="ro"), uri=True)
            dst = sqlite_file.connect(db_path)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
        except sqlite3.Error as exc:
            raise BackupError(f"Could not restore {backup.name}: {exc}") from exc
    else:
        copy_database(backup, db_path)
        with sqlite3.connect(str(db_path)) as conn:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
    return safety
