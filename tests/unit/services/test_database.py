"""Opening through the service: an older schema is backed up before it is migrated."""

from legalsec_desktop.db import sqlite_file
from legalsec_desktop.db.backup import list_backups
from legalsec_desktop.db.store import open_store
from legalsec_desktop.services.database import open_database


def test_an_older_schema_is_backed_up_before_migrating(db_path, tmp_path, monkeypatch):
    open_store(db_path).close()
    # Pretend this version knows a newer revision than the file has.
    monkeypatch.setattr(sqlite_file, "HEAD_REVISION", "0002")
    monkeypatch.setattr(sqlite_file, "KNOWN_REVISIONS", ("0001", "0002"))
    folder = tmp_path / "backups"
    opened = open_database(db_path, folder)
    opened.close()
    made = list_backups(folder)
    assert len(made) == 1 and made[0].reason == "pre-migrate"
    assert sqlite_file.check_database(made[0].path) == []


def test_a_current_schema_is_opened_without_a_backup(db_path, tmp_path):
    open_database(db_path, tmp_path / "b").close()
    open_database(db_path, tmp_path / "b").close()
    assert list_backups(tmp_path / "b") == []
