"""A database location: a SQLite file today; paths, the store and the window's state all name it the same way."""

from pathlib import Path

import pytest

from legalsec_desktop import paths
from legalsec_desktop.db.location import DatabaseLocation, SqliteFile, location_of, sqlite_path
from legalsec_desktop.db.store import open_store


def test_a_sqlite_file_names_itself_as_its_path(tmp_path):
    location = SqliteFile(tmp_path / "practice.db")
    assert str(location) == str(tmp_path / "practice.db")
    assert (location.name, location.title) == ("practice.db", "practice")
    assert location.is_file and location.file == tmp_path / "practice.db" and location.folder == tmp_path
    assert location.url == f"sqlite+pysqlite:///{(tmp_path / 'practice.db').as_posix()}"
    assert SqliteFile(str(tmp_path / "practice.db")) == location  # a text path is made a Path: equal, hashable
    assert {location, SqliteFile(tmp_path / "practice.db")} == {location}


def test_a_path_means_a_sqlite_file_and_a_location_passes_through(tmp_path):
    location = SqliteFile(tmp_path / "a.db")
    assert location_of(location) is location
    assert location_of(tmp_path / "a.db") == location and location_of(str(tmp_path / "a.db")) == location
    assert sqlite_path(location) == tmp_path / "a.db"


def test_sqlite_only_code_refuses_a_location_that_is_not_a_file():
    class Server(DatabaseLocation):
        @property
        def name(self) -> str:
            return "office server"

    server = Server()
    assert not server.is_file and server.folder is None
    with pytest.raises(ValueError):
        sqlite_path(server)


def test_lock_seal_and_backup_folder_are_named_the_same_by_path_or_location(tmp_path):
    db = tmp_path / "legalsec.db"
    db.write_bytes(b"")
    location = paths.resolve_location(str(db))
    assert location == SqliteFile(db.resolve())
    assert paths.db_key(location) == paths.db_key(db) and paths.db_key(location).startswith("legalsec-")
    assert paths.backup_dir(location) == paths.backup_dir(db)
    assert paths.seal_path(location) == paths.seal_path(db)
    assert paths.lock_paths(location) == paths.lock_paths(db) and len(paths.lock_paths(location)) == 2


def test_the_store_keeps_its_location(tmp_path):
    store = open_store(SqliteFile(tmp_path / "new.db"))
    try:
        assert store.location == SqliteFile(tmp_path / "new.db") and store.path == tmp_path / "new.db"
    finally:
        store.close()
    again = open_store(Path(tmp_path / "new.db"))  # a plain path still opens a SQLite file
    try:
        assert again.location == store.location
    finally:
        again.close()
