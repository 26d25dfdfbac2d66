"""While the window has the database open, nothing in its process may open the file outside SQLite.

On POSIX systems closing any handle to a file drops all the process's locks on it, SQLite's included. The daily
backup once read the live file's header with open(): a `legalsec` command run beside the window then found the
database unused, checkpointed it and deleted its -wal, and every later change of the window went to a deleted file
(lost at its close). These tests run the second process for real.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import pytest
from sqlalchemy import text

from legalsec_desktop.db import backup, sqlite_file, wal
from legalsec_desktop.db.store import open_store
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import matters

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks")

OTHER_PROCESS = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("select count(*) from matter").fetchone()
conn.close()  # the last connection, as far as it can tell: it would checkpoint and delete the -wal
"""


def _other_process_reads(path) -> None:
    subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(path)], check=True, timeout=60)


def _count_seen_from_outside(path) -> int:
    found = subprocess.run([sys.executable, "-c", ("import sqlite3, sys; print(sqlite3.connect(sys.argv[1])"
                            ".execute('select count(*) from matter').fetchone()[0])"), str(path)],
                           check=True, capture_output=True, text=True, timeout=60)
    return int(found.stdout)


def test_a_backup_of_the_open_database_keeps_its_locks(tmp_path):
    path = tmp_path / "live.db"
    store = open_store(path)
    try:
        matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5)))
        backup.make_backup(path, tmp_path / "backups", datetime(2026, 11, 30, 8))  # as the first start of a day
        assert sqlite_file.has_sqlite_header(path) and wal.guard(path) is None  # neither opens the file now
        _other_process_reads(path)
        assert wal.companions(path)[0].exists()  # the window's journal is still there
        matters.create_matter(store, MatterDraft("2026-0002", "Lee v. Park", "Dana Lee", date(2026, 1, 6)))
        assert _count_seen_from_outside(path) == 2  # the change after it reached the real file
    finally:
        store.close()
    assert _count_seen_from_outside(path) == 2


def test_only_while_it_is_open_is_the_file_left_to_sqlite(tmp_path):
    """Closed again, the file is checked as before: a journal that is not its own is set aside on opening."""
    from legalsec_desktop.db.open_here import is_open_here

    path = tmp_path / "closed.db"
    store = open_store(path)
    assert is_open_here(path)
    store.close()
    store.close()  # twice is harmless
    assert not is_open_here(path)
    wal.companions(path)[0].write_bytes(b"\x37\x7f\x06\x82" + bytes(60))  # a torn journal of nobody's
    assert sqlite_file.has_sqlite_header(path)
    again = open_store(path)
    try:
        with again.read() as session:
            assert session.execute(text("select count(*) from matter")).scalar() == 0
    finally:
        again.close()
