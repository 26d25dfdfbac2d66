"""Plain sqlite3 helpers (no SQLAlchemy): URIs, the header test and quick, cheap probes."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from legalsec_desktop.db import wal
from legalsec_desktop.db.open_here import is_open_here
from legalsec_desktop.fsutil import nearly_full
from legalsec_desktop.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from legalsec_desktop.domain.errors import (
    DamagedDatabaseError,
    DatabaseBusyError,
    DiskError,
    ReadOnlyError,
    StorageFullError,
    UserFixableError,
    NewerSchemaError,
    StoreOpenError,
    NotADatabaseError,
    ReadOnlyWalError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
companions = wal.companions


def file_uri(path: Path, **params: str) -> str:
    """A sqlite3 URI for a path, safe for spaces, non-ASCII letters, '?' and '#'."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return path.resolve().as_uri() + (f"?{query}" if query else "")


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """Open a raw connection with the pragmas every connection of this program gets."""
    if read_only:
        try:
            conn = sqlite3.connect(file_uri(path, mode="ro"), uri=True, check_same_thread=False,
                                   timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute("PRAGMA schema_version").fetchone()
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if "locked" in text or "busy" in text:
                raise  # another program is writing: a snapshot read past its lock would be half a database
            if wal_has_frames(path):
                # immutable=1 would ignore the -wal and show the file as it was before its newest changes.
                raise ReadOnlyWalError(
                    str(path),
                    f"{path} has changes in its journal file ({path.name}-wal) that cannot be read from this "
                    "read-only folder. Open it once where it can be written (or copy the folder with both files "
                    "somewhere writable), then open it again.",
                ) from exc
            # A read-only folder cannot hold the WAL index, and without a -wal there is nothing it would add.
            conn = sqlite3.connect(file_uri(path, mode="ro", immutable="1"), uri=True, check_same_thread=False,
                                   timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    apply_pragmas(conn, read_only)
    return conn


def apply_pragmas(conn: sqlite3.Connection, read_only: bool) -> None:
    """WAL, full sync, foreign keys, secure delete, memory temp store, a busy timeout: ARCHITECTURE.md's rules.

    secure_delete and temp_store are set explicitly: their defaults depend on how SQLite was built, and
    deleted client data must not linger in free pages, nor sorts spill into the system temp folder.
    """
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    apply_private_pragmas(conn)
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")


def apply_private_pragmas(conn: sqlite3.Connection) -> None:
    """Deleted data overwritten, not left in free pages; sorts kept in memory, not in the system temp folder."""
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")


def wal_has_frames(path: Path) -> bool:
    """Whether the database's -wal holds anything beyond its header."""
    return wal.has_frames(path)


_FIXABLE_CODES = {
    "SQLITE_FULL": "full",
    "SQLITE_IOERR": "io",
    "SQLITE_CANTOPEN": "io",
    "SQLITE_READONLY": "read-only",
    "SQLITE_BUSY": "busy",
    "SQLITE_CORRUPT": "damaged",
    "SQLITE_NOTADB": "damaged",
}
_FIXABLE_WORDS = (("database or disk is full", "full"), ("disk i/o error", "io"), ("unable to open", "io"),
                  ("readonly database", "read-only"), ("database is locked", "busy"),
                  ("malformed", "damaged"), ("file is not a database", "damaged"))


def storage_error(exc: BaseException | None, path: Path | None = None) -> UserFixableError | None:
    """The message for a storage failure (disk full, read-only, busy, I/O, damage); None when it is a bug.

    Decided by SQLite's error code where Python gives it (3.11+), else by SQLite's fixed wording; never
    for an integrity error (a constraint the program broke is a bug). SQLite reports some writes that fail
    for want of space (the -wal, the -shm) as I/O errors: with the database's `path`, such an error on a
    nearly full disk is reported as the full disk it is.
    """
    if exc is None or isinstance(exc, sqlite3.IntegrityError):
        return None
    code = getattr(exc, "sqlite_errorname", None)
    if code:
        kind = next((kind for prefix, kind in _FIXABLE_CODES.items()
                     if code == prefix or code.startswith(prefix + "_")), None)
    else:
        text = str(exc).lower()
        kind = next((kind for words, kind in _FIXABLE_WORDS if words in text), None)
    if kind == "io" and path is not None and nearly_full(path):
        kind = "full"
    if kind == "full":
        return StorageFullError(
            "The disk is full, so the change was not saved. Free some space and try again; "
            "what you typed is still here."
        )
    if kind == "read-only":
        return ReadOnlyError("The database file cannot be written, so the change was not saved. Check that the "
                             "file and its folder are not read-only, then try again.")
    if kind == "busy":
        return DatabaseBusyError("Another program is holding the database. Wait a moment and try again.")
    if kind == "io":
        return DiskError(
            "The disk reported an error while reading or writing the database, so the last change may not be "
            "saved. Check that the drive or network folder is still connected, then start the program again."
        )
    if kind == "damaged":
        return DamagedDatabaseError("", "The database file is damaged. Close the program and start it again: it "
                                        "will offer to restore the newest good backup.")
    return None


def has_sqlite_header(path: Path) -> bool:
    """True if the file starts like a SQLite database (an empty file counts as new, not SQLite)."""
    if is_open_here(path):
        return True  # open in this process, so SQLite's; reading it here would drop SQLite's locks
    with open(path, "rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def is_writable(path: Path) -> bool:
    """Whether this user can change the file and create its journal files beside it."""
    if path.exists() and not os.access(path, os.W_OK):
        return False
    existing = path.parent
    while not existing.exists():
        existing = existing.parent
    return os.access(existing, os.W_OK)


@dataclass(frozen=True)
class Probe:
    """What start-up learned about a database file before opening it for real."""

    exists: bool
    revision: str | None

    @property
    def needs_upgrade(self) -> bool:
        return self.revision != HEAD_REVISION


def probe(path: Path, deep: bool = False) -> Probe:
    """Classify a database file cheaply; raise a StoreOpenError subclass if it cannot be used.

    `deep` adds SQLite's quick_check (a full read, about a second on a large practice): asked for after
    an unclean exit, or when the file changed since the program last closed it.
    """
    if path.is_dir():
        raise NotADatabaseError(str(path), f"{path} is a folder, not a database file. Give the path of a file.")
    if not path.exists():
        return Probe(exists=False, revision=None)
    if path.stat().st_size == 0:
        raise DamagedDatabaseError(str(path), f"{path} is empty (0 bytes): its contents were lost, "
                                              "perhaps by a crash or a copy that did not finish.")
    if not has_sqlite_header(path):
        raise NotADatabaseError(str(path), f"{path} is not a legalsec-desktop database (it is not a SQLite file).")
    try:
        conn = connect(path, read_only=True)
        try:
            if deep:
                problems = [row[0] for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
                if problems:
                    raise DamagedDatabaseError(str(path), f"{path} is damaged: SQLite's check found "
                                                          f"{len(problems)} problem(s) in it, so some of its "
                                                          "records cannot be read safely.")
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        fixable = storage_error(exc)
        if isinstance(fixable, (DatabaseBusyError, DiskError)):
            raise StoreOpenError(str(path), fixable.message) from exc
        raise DamagedDatabaseError(str(path), f"{path} is damaged and cannot be read ({exc}).") from exc
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(str(path), f"{path} is damaged and cannot be read ({exc}).") from exc
    if revision is None and tables - {"alembic_version"}:
        raise NotADatabaseError(
            str(path), f"{path} is a SQLite file of some other program, not a legalsec-desktop database."
        )
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerSchemaError(
            str(path),
            f"{path} was written by a newer version of legalsec-desktop (schema {revision}). "
            "Install the newer version to open it; the file has not been changed.",
        )
    return Probe(exists=True, revision=revision)


def check_database(path: Path, foreign_keys: bool = True) -> list[str]:
    """Run SQLite's integrity and (unless told not to) foreign-key checks; return the problems (empty if sound).

    Raises DatabaseBusyError when another program holds the file: busy is not damaged.
    """
    reason = wal.foreign_reason(path)
    if reason:
        return [(f"the journal file beside it ({path.name}-wal) is not its own: {reason}. It will be set aside, "
                 "not applied, when the database is next opened")]
    try:
        conn = connect(path, read_only=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check") if foreign_keys else ():
                problems.append(f"{table} row {rowid} points to a missing {parent} row")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        fixable = storage_error(exc)
        if isinstance(fixable, DatabaseBusyError):
            raise fixable from exc
        return [str(exc)]
    return problems
