"""The database file and its -wal/-shm are one unit, and what the program opens is checked first."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from legalsec_desktop import paths
from legalsec_desktop.cli import main
from legalsec_desktop.db import backup, sqlite_file
from legalsec_desktop.db.store import open_store
from legalsec_desktop.domain.errors import BackupError, DamagedDatabaseError, ReadOnlyWalError
from tests.holder_process import holding
from legalsec_desktop.instance_lock import InstanceLock
from legalsec_desktop.services import database, maintenance
from legalsec_desktop.services.demo import build_demo

NOW = datetime(2026, 11, 23, 9, 30)


def add_contacts(path: Path, count: int, prefix: str) -> None:
    store = open_store(path)
    with store.write() as session:
        from legalsec_desktop.db.models import ContactRow

        session.add_all(ContactRow(name=f"{prefix} {n}", sort_name=f"{prefix} {n}", notes="n" * 300)
                        for n in range(count))
    store.close()


def count(path: Path, table: str = "contact") -> int:
    conn = sqlite3.connect(sqlite_file.file_uri(path, mode="ro"), uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def crash_copy(path: Path, target: Path, rows: int, prefix: str) -> None:
    """`target` as a crash would leave `path` after `rows` more committed contacts: changes still in its -wal."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO contact (is_organization, name, sort_name, address, phone, email, notes, "
                     "is_client, match_key) VALUES (0, ?, ?, '', '', '', ?, 0, '')",
                     [(f"{prefix} {n}", f"{prefix} {n}", "w" * 300) for n in range(rows)])
    conn.execute("COMMIT")
    shutil.copyfile(path, target)
    shutil.copyfile(f"{path}-wal", f"{target}-wal")
    conn.close()


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """Waiting the program's 5 s for a lock that will not be let go proves nothing more than 0.2 s does."""
    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT_MS", 200)


def held_exclusively(path: Path, commit_rows: int = 0):
    """Another program holds `path` with SQLite's exclusive locking mode (after committing `commit_rows` rows)."""
    return holding(
        "import sqlite3\n"
        f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA locking_mode = EXCLUSIVE')\n"
        "c.execute('BEGIN EXCLUSIVE')\n"
        "c.executemany(\"INSERT INTO contact (is_organization, name, sort_name, address, phone, email, notes, "
        "is_client, match_key) VALUES (0, ?, ?, '', '', '', '', 0, '')\", "
        f"[(f'x{{n}}', f'x{{n}}') for n in range({commit_rows})])\n"
        "c.execute('COMMIT')\n"
        "c.execute('BEGIN EXCLUSIVE')\n")


@pytest.fixture
def practice(tmp_path: Path) -> Path:
    path = tmp_path / "practice.db"
    add_contacts(path, 100, "Saved")
    return path


def test_restore_onto_a_missing_database_sets_a_stale_wal_aside(practice, tmp_path):
    saved = backup.make_backup(practice, tmp_path / "b", NOW)
    crash_copy(practice, tmp_path / "crashed.db", 800, "Unsaved")
    os.replace(tmp_path / "crashed.db-wal", f"{practice}-wal")  # the database is gone, its -wal is not
    practice.unlink()
    backup.restore(saved, practice, tmp_path / "b", NOW)
    assert sqlite_file.check_database(practice) == []
    assert count(practice) == 100
    assert list(tmp_path.glob("practice.db.set-aside-*-wal")), "the stale -wal is kept, renamed, never applied"


def test_demo_force_over_unsaved_wal_changes_is_the_new_practice_only(tmp_path):
    first = tmp_path / "first.db"
    build_demo(first, seed=1, today=NOW.date())
    target = tmp_path / "target.db"
    crash_copy(first, target, 300, "Unsaved")
    build_demo(target, seed=2, today=NOW.date(), force=True)
    fresh = tmp_path / "fresh.db"
    build_demo(fresh, seed=2, today=NOW.date())
    assert count(target) == count(fresh) and count(target, "firm") == 1
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM contact WHERE name LIKE 'Unsaved%'").fetchone()[0] == 0
    conn.close()


def test_a_wal_of_another_database_is_set_aside_never_applied(practice, tmp_path):
    other = tmp_path / "other.db"
    add_contacts(other, 10, "Other")
    crash_copy(other, tmp_path / "other-crashed.db", 800, "Other unsaved")
    shutil.copyfile(tmp_path / "other-crashed.db-wal", f"{practice}-wal")
    notes = database.prepare_file(practice)
    assert notes and "not its own" in notes[0]
    assert not sqlite_file.wal_has_frames(practice) and list(tmp_path.glob("practice.db.set-aside-*-wal"))
    assert count(practice) == 100 and sqlite_file.check_database(practice) == []


def test_the_files_own_wal_is_applied(practice, tmp_path):
    crashed = tmp_path / "crashed.db"
    crash_copy(practice, crashed, 50, "Unsaved")
    assert database.prepare_file(crashed) == []
    assert count(crashed) == 150


def test_a_page_size_mismatch_marks_a_wal_foreign(practice, tmp_path):
    other = tmp_path / "small-pages.db"
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA page_size = 1024")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    shutil.copyfile(f"{other}-wal", f"{practice}-wal")
    conn.close()
    assert "page size" in database.prepare_file(practice)[0]


def test_a_damaged_page_is_refused_after_an_unclean_exit_and_by_the_command_line(tmp_path, capsys):
    db = tmp_path / "damaged.db"
    build_demo(db, seed=1, today=NOW.date())
    main(["backup", "--db", str(db)])
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'event'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    with pytest.raises(DamagedDatabaseError):
        database.prepare_file(db, paths.seal_path(db))
    assert main(["conflicts", "Nobody Similar", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "No similar names" not in err
    assert "legalsec restore" in err  # and how to get the newest good backup back


def test_a_cleanly_closed_file_is_not_checked_again_but_a_changed_one_is(practice, monkeypatch):
    seal_file = paths.seal_path(practice)
    database.closed_cleanly(practice, seal_file)
    assert database.is_sealed(practice, seal_file)
    add_contacts(practice, 1, "Later")  # another program (or a crash) changed it since
    assert not database.is_sealed(practice, seal_file)
    database.opened_for_writing(seal_file)
    assert not seal_file.exists()


def test_a_zero_byte_database_is_damaged_not_new(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(DamagedDatabaseError, match="empty"):
        database.prepare_file(empty)
    with pytest.raises(DamagedDatabaseError):
        open_store(empty)
    assert empty.stat().st_size == 0


def test_read_only_never_hides_committed_rows_in_the_wal(practice, tmp_path, monkeypatch):
    crashed = tmp_path / "crashed.db"
    crash_copy(practice, crashed, 200, "Committed")
    real_connect = sqlite3.connect

    def no_wal_index(database, *args, **kwargs):
        # What SQLite says in a folder it cannot write when the -shm is missing (root may write anywhere).
        if "mode=ro" in str(database) and "immutable" not in str(database):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", no_wal_index)
    with pytest.raises(ReadOnlyWalError, match="journal"):
        sqlite_file.connect(crashed, read_only=True)
    monkeypatch.undo()
    store = open_store(crashed, read_only=True)
    with store.read() as session:
        from sqlalchemy import text

        assert session.execute(text("SELECT count(*) FROM contact")).scalar() == 300
    store.close()


def test_one_window_per_file_whatever_the_path(practice, tmp_path):
    link = tmp_path / "link.db"
    os.link(practice, link)
    first = InstanceLock(*paths.lock_paths(practice))
    assert first.acquire()
    try:
        assert not InstanceLock(*paths.lock_paths(link)).acquire()
        made = backup.make_backup(practice, paths.backup_dir(practice), NOW)
        assert main(["restore", str(made), "--db", str(link)]) == 1
    finally:
        first.release()
    assert InstanceLock(*paths.lock_paths(link)).acquire()


@pytest.mark.skipif(os.name == "nt", reason="a second process holding SQLite's exclusive lock")
def test_backup_is_never_verified_while_another_program_holds_an_exclusive_lock(practice, tmp_path,
                                                                               short_busy_timeout):
    with held_exclusively(practice, commit_rows=500):
        with pytest.raises(BackupError, match="holding|locked"):
            backup.make_backup(practice, tmp_path / "b", NOW)
        assert backup.list_backups(tmp_path / "b") == []


def test_safety_copies_outlive_rotation(practice, tmp_path):
    folder = tmp_path / "b"
    kept = backup.make_backup(practice, folder, NOW - timedelta(days=400), reason="pre-migrate")
    restored = backup.make_backup(practice, folder, NOW - timedelta(days=399), reason="pre-restore")
    for day in range(60):
        backup.make_backup(practice, folder, NOW - timedelta(days=60 - day), reason="daily")
        backup.rotate(folder)
    assert kept.exists() and restored.exists()


def test_a_backup_stamped_in_the_future_does_not_stop_the_daily_backup(practice, tmp_path):
    folder = tmp_path / "b"
    backup.make_backup(practice, folder, NOW + timedelta(days=300))
    assert backup.backup_due(folder, NOW)
    backup.make_backup(practice, folder, NOW)
    assert not backup.backup_due(folder, NOW + timedelta(hours=2))


def test_leftovers_of_killed_runs_are_swept_and_live_ones_kept(practice, tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    dead = 2**22 + 12345  # above Linux's default pid_max: no such process
    old = [folder / "legalsec-20261101-000000.db.partial", folder / f"legalsec-20261101-000000.db.{dead}.partial",
           folder / f"legalsec-20261101-000000.db.{dead}.partial-journal",
           tmp_path / f"practice.db.{dead}.building", tmp_path / f"practice.db.{dead}.building-wal"]
    live = [folder / f"legalsec-20261102-000000.db.{os.getpid()}.partial", tmp_path / "notes.partial",
            tmp_path / "practice.db"]
    for path in old + live[:-1]:
        path.write_bytes(b"client data")
    removed = maintenance.sweep_leftovers(practice, folder)
    assert sorted(removed) == sorted(old)
    assert all(path.exists() for path in live)


def test_every_connection_has_secure_delete_and_memory_temp_store(practice):
    for read_only in (False, True):
        conn = sqlite_file.connect(practice, read_only=read_only)
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
        conn.close()


@pytest.mark.parametrize("message, expected", [
    ("disk I/O error", "drive or network folder"),
    ("database or disk is full", "disk is full"),
    ("attempt to write a readonly database", "read-only"),
])
def test_storage_errors_are_messages_on_the_command_line(practice, monkeypatch, capsys, message, expected):
    from legalsec_desktop.services import conflicts

    def fail(*_args, **_kwargs):
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(conflicts, "record_check", lambda store, *a, **k: _write_failing(store, message))
    assert main(["conflicts", "Saved 1", "--db", str(practice)]) == 1
    assert expected in capsys.readouterr().err


def _write_failing(store, message):
    with store.write() as session:
        session.connection().connection.dbapi_connection  # noqa: B018 - a real write session
        raise sqlite3.OperationalError(message)


def test_restore_over_a_file_with_a_foreign_wal_sets_the_wal_aside(practice, tmp_path):
    saved = backup.make_backup(practice, tmp_path / "b", NOW)
    other = tmp_path / "other.db"
    add_contacts(other, 10, "Other")
    crash_copy(other, tmp_path / "other-crashed.db", 800, "Other unsaved")
    shutil.copyfile(tmp_path / "other-crashed.db-wal", f"{practice}-wal")
    backup.restore(saved, practice, tmp_path / "b", NOW)
    assert count(practice) == 100 and sqlite_file.check_database(practice) == []
    assert list(tmp_path.glob("practice.db.set-aside-*-wal"))


def test_the_command_line_sweeps_a_killed_demo_build(tmp_path):
    db = tmp_path / "demo.db"
    dead = 2**22 + 4321
    leftover = tmp_path / f"demo.db.{dead}.building"
    leftover.write_bytes(b"half a practice")
    assert main(["demo", "--db", str(db), "--today", "2026-11-23"]) == 0
    assert not leftover.exists() and db.exists()


def test_check_says_plainly_when_there_is_no_file_or_an_empty_one(tmp_path, capsys):
    assert main(["check", "--db", str(tmp_path / "missing.db")]) == 1
    assert "does not exist; there is nothing to check" in capsys.readouterr().err
    (tmp_path / "empty.db").touch()
    assert main(["check", "--db", str(tmp_path / "empty.db")]) == 1
    assert "empty (0 bytes)" in capsys.readouterr().err


def test_every_command_sets_a_foreign_wal_aside_before_using_the_file(practice, tmp_path, capsys):
    other = tmp_path / "other.db"
    add_contacts(other, 10, "Other")
    crash_copy(other, tmp_path / "other-crashed.db", 700, "Other unsaved")
    for command in (["deadline", "--rules", "US-FED", "--from", "2026-01-05", "--days", "3"], ["backup"], ["check"]):
        shutil.copyfile(tmp_path / "other-crashed.db-wal", f"{practice}-wal")
        code = main([*command, "--db", str(practice)])
        if command == ["check"]:  # a check reports it and changes nothing
            assert code == 1 and "not its own" in capsys.readouterr().err
            Path(f"{practice}-wal").unlink()
        else:
            assert code == 0, command
        assert count(practice) == 100, command
    made = backup.list_backups(paths.backup_dir(practice))
    assert made and all(count(info.path) == 100 for info in made)


def test_a_restore_while_another_connection_reads_is_whole_and_its_wal_stays_its_own(practice, tmp_path):
    saved = backup.make_backup(practice, tmp_path / "b", NOW)
    add_contacts(practice, 50, "After the backup")
    reader = sqlite3.connect(practice)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM contact").fetchone()[0] == 150  # a reader holds a snapshot
    backup.restore(saved, practice, tmp_path / "b", NOW)
    reader.close()
    store = open_store(practice)
    with store.write() as session:
        from legalsec_desktop.db.models import ContactRow

        session.add_all(ContactRow(name=f"Later {n}", sort_name=f"Later {n}") for n in range(30))
    crashed = tmp_path / "crashed.db"  # killed now: its -wal holds the 30 later contacts
    shutil.copyfile(practice, crashed)
    shutil.copyfile(f"{practice}-wal", f"{crashed}-wal")
    store.close()
    assert database.prepare_file(crashed) == []
    assert count(crashed) == 130


def test_every_backup_has_an_identity_of_its_own(practice, tmp_path):
    made = backup.make_backup(practice, tmp_path / "b", NOW)

    def identity(path):
        conn = sqlite3.connect(path)
        try:
            return conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()

    assert identity(made) not in (0, identity(practice))
    crash_copy(practice, tmp_path / "crashed.db", 300, "Unsaved")
    shutil.copyfile(made, practice)  # a backup put back by hand beside the live file's -wal
    shutil.copyfile(tmp_path / "crashed.db-wal", f"{practice}-wal")
    assert "not its own" in database.prepare_file(practice)[0]
    assert count(practice) == 100


@pytest.mark.skipif(os.name == "nt", reason="a second process holding SQLite's exclusive lock")
def test_restore_refuses_a_file_another_program_holds_and_moves_nothing(practice, tmp_path, short_busy_timeout):
    saved = backup.make_backup(practice, tmp_path / "b", NOW)
    with held_exclusively(practice):
        with pytest.raises(BackupError, match="not replaced"):
            backup.restore(saved, practice, tmp_path / "b", NOW)
    assert not list(tmp_path.glob("*.damaged-*")) and count(practice) == 100


def test_a_session_that_met_damage_is_not_sealed(practice):
    from sqlalchemy import text

    conn = sqlite3.connect(practice)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contact'").fetchone()[0]
    conn.close()
    with open(practice, "r+b") as handle:
        handle.seek((root - 1) * 4096)
        handle.write(b"\xff" * 4096)
    store = open_store(practice)  # damage the quick open does not look for: found when the page is read
    with pytest.raises(DamagedDatabaseError):
        with store.read() as session:
            session.execute(text("SELECT notes FROM contact")).all()  # not in an index: the table is read
    assert store.troubled
    store.close()
    seal_file = paths.seal_path(practice)
    database.closed_cleanly(practice, seal_file, troubled=store.troubled)
    assert not database.is_sealed(practice, seal_file)


def test_a_future_stamped_backup_is_offered_only_when_nothing_else_is_good(practice, tmp_path):
    folder = tmp_path / "b"
    real = backup.make_backup(practice, folder, NOW - timedelta(days=1))
    backup.make_backup(practice, folder, NOW + timedelta(days=200))
    assert backup.newest_good_backup(folder, NOW).path == real


def test_integrity_errors_and_sql_bugs_are_never_storage_messages():
    assert sqlite_file.storage_error(sqlite3.IntegrityError("CHECK constraint failed: is_locked")) is None
    assert sqlite_file.storage_error(sqlite3.OperationalError("no such column: full_name")) is None
    bug = sqlite3.OperationalError("database table is locked")  # SQLITE_LOCKED: this process's own doing
    bug.sqlite_errorname = "SQLITE_LOCKED"
    assert sqlite_file.storage_error(bug) is None


def test_a_folder_is_never_taken_for_a_database_on_the_command_line(tmp_path, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    for command in (["check"], ["backups"], ["conflicts", "Ana"], ["backup"]):
        assert main([*command, "--db", str(folder)]) == 1, command
        err = capsys.readouterr().err
        assert "is a folder" in err and "damaged" not in err and "does not exist" not in err, command
    assert main(["restore", str(folder), "--db", str(tmp_path / "x.db")]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_the_restore_hint_names_the_database_it_is_for(tmp_path, capsys):
    db = tmp_path / "firm two.db"
    build_demo(db, seed=1, today=NOW.date())
    assert main(["backup", "--db", str(db)]) == 0
    with open(db, "r+b") as handle:
        handle.seek(40 * 4096)
        handle.write(b"\x13" * 8192)
    assert main(["check", "--db", str(db)]) == 1
    assert f'--db "{db}"' in capsys.readouterr().err
