"""Read a -wal file's header and frames (the format of sqlite.org/fileformat2.html#walformat) to tell
whether it belongs to the database beside it, before SQLite would apply it.

SQLite checks a WAL's frames against the WAL's own header, never against the database: a -wal left
by another database (a file replaced without its companions, a copy that took one file and not the
other) is applied page by page and makes a mix of two databases. Each database this program makes
carries a random identity in its header (`PRAGMA user_version`); a committed copy of page 1 in the
WAL must carry the same identity and the same page size, or the WAL is not this database's.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import struct
from datetime import datetime
from pathlib import Path

from legalsec_desktop.db.open_here import is_open_here
from legalsec_desktop.fsutil import unused_path

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER = 32
FRAME_HEADER = 24
_USER_VERSION = slice(60, 64)


def companions(path: Path) -> tuple[Path, Path]:
    """The -wal and -shm files that belong with a database file: the three are one unit."""
    return Path(f"{path}-wal"), Path(f"{path}-shm")


def has_frames(path: Path) -> bool:
    """Whether the database's -wal holds anything beyond its header (changes not yet in the main file)."""
    try:
        return companions(path)[0].stat().st_size > WAL_HEADER
    except OSError:
        return False


def new_identity(conn: sqlite3.Connection) -> None:
    """Give a database a fresh random identity (done whenever a file is made or replaced)."""
    conn.execute(f"PRAGMA user_version = {secrets.randbelow(2**31 - 2) + 1}")


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    for x0, x1 in struct.iter_unpack(">II" if big_endian else "<II", data):
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return s0, s1


def last_committed_page_one(wal: bytes) -> tuple[int, bytes | None]:
    """(page size, the newest committed image of page 1 or None) of a WAL, reading only valid frames."""
    if len(wal) < WAL_HEADER:
        return 0, None
    magic, _version, page_size, _seq = struct.unpack(">IIII", wal[:16])
    if magic not in WAL_MAGIC:
        return 0, None
    big_endian = bool(magic & 1)
    salts = wal[16:24]
    s0, s1 = _checksum(wal[:24], 0, 0, big_endian)
    if (s0, s1) != struct.unpack(">II", wal[24:32]):
        return page_size, None  # SQLite ignores a WAL whose header is torn
    committed: bytes | None = None
    pending: bytes | None = None
    offset = WAL_HEADER
    while offset + FRAME_HEADER + page_size <= len(wal):
        header = wal[offset:offset + FRAME_HEADER]
        page = wal[offset + FRAME_HEADER:offset + FRAME_HEADER + page_size]
        pgno, commit_size = struct.unpack(">II", header[:8])
        if header[8:16] != salts:
            break
        s0, s1 = _checksum(header[:8] + page, s0, s1, big_endian)
        if (s0, s1) != struct.unpack(">II", header[16:24]):
            break
        if pgno == 1:
            pending = page
        if commit_size:
            committed = pending if pending is not None else committed
            pending = None
        offset += FRAME_HEADER + page_size
    return page_size, committed


def foreign_reason(db_path: Path) -> str | None:
    """Why the -wal beside `db_path` cannot be this database's, or None when it may be applied."""
    wal_path = companions(db_path)[0]
    try:
        with open(db_path, "rb") as handle:
            db_header = handle.read(100)
        wal = wal_path.read_bytes()
    except OSError:
        return None
    if len(db_header) < 100 or len(wal) <= WAL_HEADER:
        return None
    page_size, page_one = last_committed_page_one(wal)
    if page_size == 0:
        return None  # not a WAL at all: SQLite resets such a file without reading it
    if page_size != _page_size(db_header):
        return f"its page size ({page_size}) is not the database's ({_page_size(db_header)})"
    if page_one is not None:
        ours, theirs = db_header[_USER_VERSION], page_one[_USER_VERSION]
        if ours != bytes(4) and ours != theirs:
            return "it was written for another database file"
    return None


def guard(db_path: Path) -> str | None:
    """Set aside a -wal (and -shm) that is not `db_path`'s own, before anything opens the file.

    Returns a sentence for the user when something was set aside. A -wal or -shm whose database is
    missing is set aside too: a database made at that path later must not start with it.
    Raises OSError when the journal must be set aside but cannot be (a read-only folder).
    A database this process already has open is left alone: its journal is its own, and reading the file outside
    SQLite would drop SQLite's locks (see db/open_here.py).
    """
    if is_open_here(db_path):
        return None
    wal_file, shm_file = companions(db_path)
    if db_path.is_file():
        reason = foreign_reason(db_path)
    else:
        reason = "its database file is missing" if wal_file.exists() or shm_file.exists() else None
    if reason is None:
        return None
    aside = set_aside(db_path)
    return (f"A journal file beside the database was not its own ({reason}). It was set aside as {aside.name} "
            "and not applied; the database is as it was.")


def set_aside(db_path: Path) -> Path:
    """Rename the -wal and -shm out of the way (named by when the -wal was last written); return the -wal's new name."""
    wal_file, shm_file = companions(db_path)
    try:
        stamp = datetime.fromtimestamp((wal_file if wal_file.exists() else shm_file).stat().st_mtime)
    except OSError:
        stamp = datetime.fromtimestamp(0)
    base = f"{db_path.name}.set-aside-{stamp:%Y%m%d-%H%M%S}"
    aside = unused_path(lambda count: db_path.with_name(f"{base}{count}-wal"))
    if wal_file.exists():
        os.replace(wal_file, aside)
    if shm_file.exists():
        os.replace(shm_file, aside.with_name(aside.name[:-4] + "-shm"))
    return aside
