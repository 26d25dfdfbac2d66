"""A new database as the program itself makes it (the suite's other tests copy one made once: see conftest)."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from legalsec_desktop.db.search_index import owns_table
from legalsec_desktop.db import store as store_module
from legalsec_desktop.db.models import Base
from legalsec_desktop.db.schema_version import HEAD_REVISION

REAL_CREATE = store_module._create  # taken at collection, before any fixture replaces it


@pytest.fixture
def real_creation(monkeypatch):
    monkeypatch.setattr(store_module, "_create", REAL_CREATE)


def test_a_new_database_is_made_whole_private_and_with_an_identity(real_creation, tmp_path):
    path = tmp_path / "Neue Kanzlei — Müller" / "firm.db"
    store = store_module.open_store(path)
    try:
        tables = set(inspect(store.engine).get_table_names())
    finally:
        store.close()
    assert {name for name in tables if not owns_table(name)} == set(Base.metadata.tables) | {"alembic_version"}
    assert {"search_entry", "search_text"} <= tables
    assert (path.stat().st_mode & 0o777) == 0o600 and (path.parent.stat().st_mode & 0o777) == 0o700
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
        assert conn.execute("PRAGMA user_version").fetchone()[0] != 0
    finally:
        conn.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["firm.db"]  # no partial, -wal or -shm left


def test_a_creation_that_fails_leaves_nothing_at_the_path(real_creation, tmp_path, monkeypatch):
    from legalsec_desktop.db import migrate

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(migrate, "upgrade_to_head", broken)
    path = tmp_path / "office" / "firm.db"
    with pytest.raises(OSError):
        store_module._create(path)
    assert list(path.parent.iterdir()) == []  # not even a zero-byte file that would look damaged next time


def test_the_template_the_suite_copies_is_what_real_creation_makes(empty_database: Path, tmp_path):
    made = tmp_path / "made.db"
    REAL_CREATE(made)

    def schema(path: Path) -> dict[str, list[str]]:
        """Each object's definition as a sorted list of its lines: Alembic's batch rebuilds order the
        constraints of a table differently from one run to the next."""
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute("SELECT name, sql FROM sqlite_master").fetchall()
        finally:
            conn.close()
        return {name: sorted(line.strip().rstrip(",") for line in (sql or "").splitlines()) for name, sql in rows}

    assert schema(made) == schema(empty_database)
