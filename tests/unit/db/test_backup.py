"""Backups: made through the SQLite API, verified, private, rotated, restored, never lost."""

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from legalsec_desktop.db import backup
from legalsec_desktop.db.models import ContactRow
from legalsec_desktop.domain.errors import BackupError

NOW = datetime(2026, 11, 23, 9, 30)


def add_contact(store, name):
    with store.write() as session:
        session.add(ContactRow(name=name, sort_name=name))


def names(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = [row[0] for row in conn.execute("SELECT name FROM contact ORDER BY id")]
    conn.close()
    return rows


def test_backup_copies_the_live_database_and_verifies_it(store, db_path, tmp_path):
    add_contact(store, "Zoë Ångström")
    folder = tmp_path / "my backups"
    made = backup.make_backup(db_path, folder, NOW, reason="manual")
    assert made.parent == folder and made.name.endswith("-manual.db")
    assert names(made) == ["Zoë Ångström"]
    assert (made.stat().st_mode & 0o777) == 0o600
    assert not list(folder.glob("*.partial"))
    info = backup.list_backups(folder)[0]
    assert info.reason == "manual" and info.path == made


def test_two_backups_in_one_second_do_not_overwrite(store, db_path, tmp_path):
    now = datetime(2026, 11, 23, 9, 0, 0)
    first = backup.make_backup(db_path, tmp_path, now)
    second = backup.make_backup(db_path, tmp_path, now)
    assert first != second and first.exists() and second.exists()
    assert len(backup.list_backups(tmp_path)) == 2


def test_rotation_deletes_only_what_the_policy_drops(store, db_path, tmp_path):
    start = datetime(2026, 1, 1, 12)
    for day in range(60):
        backup.make_backup(db_path, tmp_path, start + timedelta(days=day))
    removed = backup.rotate(tmp_path)
    left = backup.list_backups(tmp_path)
    assert len(left) + len(removed) == 60
    assert left[0].made_at == start + timedelta(days=59)
    assert len(left) <= 3 + 7 + 4 + 12


def test_backup_due_after_a_day(store, db_path, tmp_path):
    assert backup.backup_due(tmp_path, NOW)
    made = backup.make_backup(db_path, tmp_path, NOW)
    made_at = backup.list_backups(tmp_path)[0].made_at
    assert not backup.backup_due(tmp_path, made_at + timedelta(hours=23))
    assert backup.backup_due(tmp_path, made_at + timedelta(hours=24))
    assert made.exists()


def test_restore_keeps_a_safety_copy_of_the_current_database(store, db_path, tmp_path):
    add_contact(store, "Before")
    saved = backup.make_backup(db_path, tmp_path, NOW)
    add_contact(store, "After")
    store.close()
    safety = backup.restore(saved, db_path, tmp_path, NOW)
    assert names(db_path) == ["Before"]
    assert safety is not None and names(safety) == ["Before", "After"]
    assert "pre-restore" in safety.name


def test_restore_over_a_damaged_file_moves_it_aside(store, db_path, tmp_path):
    add_contact(store, "Kept")
    saved = backup.make_backup(db_path, tmp_path, NOW)
    store.close()
    db_path.write_bytes(b"garbage" * 1000)
    safety = backup.restore(saved, db_path, tmp_path, NOW)
    assert safety is not None and ".damaged-" in safety.name
    assert safety.read_bytes() == b"garbage" * 1000
    assert names(db_path) == ["Kept"]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_a_bad_backup_is_refused_and_nothing_changes(store, db_path, tmp_path):
    add_contact(store, "Current")
    store.close()
    bad = tmp_path / "legalsec-20260101-000000.db"
    bad.write_bytes(b"not a database at all")
    with pytest.raises(BackupError, match="cannot be restored"):
        backup.restore(bad, db_path, tmp_path, NOW)
    assert names(db_path) == ["Current"]


def test_newest_good_backup_skips_damaged_ones(store, db_path, tmp_path):
    good = backup.make_backup(db_path, tmp_path, datetime(2026, 11, 1))
    newer = backup.make_backup(db_path, tmp_path, datetime(2026, 11, 2))
    newer.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert backup.newest_good_backup(tmp_path).path == good


def test_move_aside_never_overwrites(tmp_path):
    target = tmp_path / "x.db"
    now = datetime(2026, 11, 23, 8, 0)
    target.write_text("one")
    first = backup.move_aside(target, now)
    target.write_text("two")
    second = backup.move_aside(target, now)
    assert first.read_text() == "one" and second.read_text() == "two" and not target.exists()


def test_backup_of_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(BackupError):
        backup.make_backup(tmp_path / "nope.db", tmp_path / "b", NOW)


def test_backup_into_an_unwritable_place_is_a_clear_error(store, db_path, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(BackupError, match="Could not"):
        backup.make_backup(db_path, blocker / "sub", NOW)
    with store.read() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1
