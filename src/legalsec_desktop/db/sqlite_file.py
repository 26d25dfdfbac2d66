"""Plain sqlite3 helpers (no SQLAlchemy): URIs, the header test and quick, cheap probes."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from legalsec_desktop.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from legalsec_desktop.domain.errors import DamagedDatabaseError, NewerSchemaError, NotADatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def file_uri(path: Path, **params: str) -> str:
    """A sqlite3 URI for a path, safe for spaces, non-ASCII letters, '?' and '#'."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return path.resolve().as_uri() + (f"?{query}" if query else "")


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """Open a raw connection with the pragmas every connection of this program gets."""
    if read_only:
        try:
            conn = sqlite3.connect(file_uri(path, mode="ro"), uri=True, check_same_thread=False)
            conn.execute("PRAGMA schema_version").fetchone()
        except sqlite3.OperationalError:
            # A read-only folder cannot hold the WAL index; nothing can write there either.
            conn = sqlite3.connect(file_uri(path, mode="ro", immutable="1"), uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    apply_pragmas(conn, read_only)
    return conn


def apply_pragmas(conn: sqlite3.Connection, read_only: bool) -> None:
    """WAL, full sync, foreign keys and a busy timeout: the data rules of ARCHITECTURE.md."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")


def has_sqlite_header(path: Path) -> bool:
    """True if the file starts like a SQLite database (an empty file counts as new, not SQLite)."""
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


def probe(path: Path) -> Probe:
    """Classify a database file cheaply; raise a StoreOpenError subclass if it cannot be used."""
    if path.is_dir():
        raise NotADatabaseError(str(path), f"{path} is a folder, not a database file. Give the path of a file.")
    if not path.exists() or path.stat().st_size == 0:
        return Probe(exists=path.exists(), revision=None)
    if not has_sqlite_header(path):
        raise NotADatabaseError(str(path), f"{path} is not a legalsec-desktop database (it is not a SQLite file).")
    try:
        conn = connect(path, read_only=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
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


def check_database(path: Path) -> list[str]:
    """Run SQLite's integrity and foreign-key checks; return the problems found (empty if sound)."""
    try:
        conn = connect(path, read_only=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
                problems.append(f"{table} row {rowid} points to a missing {parent} row")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return problems
