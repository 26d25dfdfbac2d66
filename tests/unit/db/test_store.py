"""Opening the database: pragmas, permissions, and every kind of file that is not right."""

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, select, text

from legalsec_desktop.db import sqlite_file
from legalsec_desktop.db.migrate import script_revisions
from legalsec_desktop.db.models import Base, FirmRow
from legalsec_desktop.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from legalsec_desktop.db.store import open_store
from legalsec_desktop.domain.errors import (
    DamagedDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyError,
    StorageFullError,
    StoreOpenError,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_schema_version_constants_match_the_alembic_scripts():
    assert list(KNOWN_REVISIONS) == script_revisions()
    assert HEAD_REVISION == script_revisions()[-1]


def test_new_database_has_the_pragmas_and_is_private(store, db_path):
    with store.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    assert (db_path.stat().st_mode & 0o777) == 0o600
    assert sqlite_file.probe(db_path).revision == HEAD_REVISION


def test_migrated_schema_matches_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from legalsec_desktop.db.search_index import owns_table

    def of_the_models(name: str | None, kind: str, _parent: object) -> bool:  # the search index is outside them
        return not (kind == "table" and name is not None and owns_table(name))

    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": of_the_models})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_foreign_keys_are_enforced(store):
    from legalsec_desktop.db.models import PartyRow

    with pytest.raises(Exception, match="FOREIGN KEY"):
        with store.write() as session:
            session.add(PartyRow(matter_id=999, contact_id=999, role="client"))


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "letter.db"
    path.write_text("Dear Sir or Madam, this is not a database.")
    before = digest(path)
    with pytest.raises(NotADatabaseError) as caught:
        open_store(path)
    assert str(path) in caught.value.message
    assert digest(path) == before


def test_a_sqlite_file_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    with pytest.raises(NotADatabaseError, match="some other program"):
        open_store(path)


def test_a_damaged_database_is_reported(store, db_path):
    store.close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page but keep the header
    db_path.write_bytes(bytes(data))
    with pytest.raises((DamagedDatabaseError, NotADatabaseError)) as caught:
        open_store(db_path)
    assert str(db_path) in caught.value.message


def test_a_database_from_a_newer_version_is_refused_untouched(store, db_path):
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    before = digest(db_path)
    with pytest.raises(NewerSchemaError, match="newer version"):
        open_store(db_path)
    assert digest(db_path) == before


def test_read_only_store_refuses_writes_with_a_message(store, db_path):
    store.close()
    reader = open_store(db_path, read_only=True)
    try:
        assert reader.read_only
        with reader.read() as session:
            assert session.execute(select(FirmRow)).all() == []
        with pytest.raises(ReadOnlyError, match="read-only"):
            with reader.write() as session:
                session.add(FirmRow(id=1, name="x"))
    finally:
        reader.close()


def test_an_unwritable_file_opens_read_only_by_itself(store, db_path, monkeypatch):
    store.close()
    monkeypatch.setattr(sqlite_file, "is_writable", lambda _path: False)
    reader = open_store(db_path)
    assert reader.read_only
    reader.close()


def test_is_writable_looks_at_the_file_and_its_folder(tmp_path, monkeypatch):
    target = tmp_path / "a" / "b.db"
    assert sqlite_file.is_writable(target)  # the nearest existing folder decides
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != tmp_path)
    assert not sqlite_file.is_writable(target)


def test_a_missing_file_in_a_read_only_place_is_refused(tmp_path):
    with pytest.raises(StoreOpenError, match="cannot be created"):
        open_store(tmp_path / "missing.db", read_only=True)


def test_disk_full_while_saving_is_a_clear_error_and_nothing_half_written(store):
    from legalsec_desktop.db.models import ContactRow

    @event.listens_for(store.engine, "begin")
    def shrink(connection):  # the database may not grow by another page
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        connection.exec_driver_sql(f"PRAGMA max_page_count = {pages}")

    with pytest.raises(StorageFullError, match="disk is full"):
        with store.write() as session:
            session.add_all(ContactRow(name=f"Person {i}", sort_name=f"Person {i}", notes="x" * 2000)
                            for i in range(200))
    event.remove(store.engine, "begin", shrink)
    with store.read() as session:
        assert session.execute(text("SELECT count(*) FROM contact")).scalar() == 0
    assert sqlite_file.check_database(store.path) == []


def test_reading_does_not_take_the_write_lock_but_writing_does(store, db_path):
    other = sqlite3.connect(db_path, timeout=0)
    try:
        with store.read() as session:
            session.execute(select(FirmRow)).all()
            other.execute("BEGIN IMMEDIATE")  # another writer gets in while we only read
            other.execute("ROLLBACK")
        with store.write() as session:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            session.add(FirmRow(id=1, name="x"))
    finally:
        other.close()


def test_many_reading_threads_never_take_a_connection_in_use(store):
    """Background readings run on fresh threads: each must get a connection of its own turn, never one another
    thread is using (SQLAlchemy's in-memory pool closed other threads' connections past five threads: a crash)."""
    import threading

    from sqlalchemy.pool import SingletonThreadPool

    assert not isinstance(store.engine.pool, SingletonThreadPool)
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(20):
                with store.read() as session:
                    session.execute(text("select count(*) from matter")).scalar()
        except BaseException as exc:  # noqa: BLE001 - collected and re-raised on the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(12)]
    for thread in threads:
        thread.start()
    with store.write() as session:  # the UI thread writes meanwhile
        session.execute(text("select 1"))
    for thread in threads:
        thread.join(30)
    assert errors == []
