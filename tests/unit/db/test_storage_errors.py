"""A full disk, a read-only disk and a disk error are messages that say what to do, never a bug."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from legalsec_desktop.cli import main
from legalsec_desktop.db.models import ContactRow
from legalsec_desktop.db.store import open_store
from legalsec_desktop.domain.errors import DiskError, StorageFullError


def fill(folder: Path) -> None:
    """Take every free byte of the disk `folder` is on."""
    import os

    fd = os.open(folder / "filler", os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


def test_a_full_disk_under_the_database_is_a_message_and_nothing_is_lost(small_disk, capsys):
    disk = small_disk(size="2m")
    db = disk / "practice.db"
    store = open_store(db)
    with store.write() as session:
        session.add(ContactRow(name="Ana Rivera", sort_name="Rivera, Ana"))
    store.close()
    fill(disk)
    store = None
    with pytest.raises(StorageFullError, match="disk is full"):
        store = open_store(db)  # its journal files may not fit already; else the writes below will not
        for n in range(200):
            with store.write() as session:
                session.add(ContactRow(name=f"Client {n}", sort_name=f"Client {n}", notes="x" * 4000))
    if store is not None:
        store.close()
    assert main(["conflicts", "Ana Rivera", "--db", str(db)]) in (0, 1)
    err = capsys.readouterr().err
    assert "Traceback" not in err and "something unexpected" not in err
    (disk / "filler").unlink()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM contact WHERE name = 'Ana Rivera'").fetchone()[0] == 1
    conn.close()


def test_a_read_only_disk_opens_read_only_or_says_why_not(small_disk, tmp_path, capsys):
    disk = small_disk(size="2m")
    clean = disk / "clean.db"
    store = open_store(clean)
    with store.write() as session:
        session.add(ContactRow(name="Ana Rivera", sort_name="Rivera, Ana"))
    store.close()
    crashed = disk / "crashed.db"
    shutil.copyfile(clean, crashed)
    conn = sqlite3.connect(crashed, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO contact (is_organization, name, sort_name, address, phone, email, notes, is_client, "
                 "match_key) VALUES (0, 'Ben Okafor', 'Okafor, Ben', '', '', '', '', 0, '')")
    shutil.copyfile(crashed, disk / "kept.db")
    shutil.copyfile(f"{crashed}-wal", disk / "kept.db-wal")  # as a crash leaves it: no -shm
    conn.close()
    small_disk.read_only(disk)
    assert main(["conflicts", "Ana Rivera", "--db", str(clean)]) == 0
    assert "Ana Rivera" in capsys.readouterr().out
    assert main(["conflicts", "Ben Okafor", "--db", str(disk / "kept.db")]) == 1
    err = capsys.readouterr().err
    assert "journal" in err and "Traceback" not in err and "No similar names" not in err


@pytest.mark.parametrize("message, kind, words", [
    ("disk I/O error", DiskError, "drive or network folder"),
    ("database or disk is full", StorageFullError, "disk is full"),
])
def test_storage_errors_inside_a_write_become_messages(store, message, kind, words):
    with pytest.raises(kind, match=words):
        with store.write() as session:
            session.add(ContactRow(name="Ana", sort_name="Ana"))
            raise sqlite3.OperationalError(message)
