"""Migration 0012: from every older fixture, the three list indexes exist with their columns, and no row is lost."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from legalsec_desktop.db.schema_version import KNOWN_REVISIONS
from legalsec_desktop.services.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"
OLDER = [revision for revision in KNOWN_REVISIONS if revision < "0012"]
INDEXES = {
    "ix_communication_deleted_at_occurred_at": ("communication", ["deleted_at", "occurred_at", "id", "matter_id"]),
    "ix_file_record_label_id": ("file_record", ["label", "id", "matter_id", "location_id"]),
    "ix_event_matter_status_on_date": ("event", ["matter_id", "status", "on_date", "start_utc"]),
}


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_text%'")]
    return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


@pytest.mark.parametrize("revision", OLDER)
def test_every_older_fixture_gets_the_indexes_and_keeps_its_rows(revision, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copyfile(FIXTURES / f"rev-{revision}.db", path)
    conn = sqlite3.connect(path)
    before = counts(conn)
    indexes_before = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert not set(INDEXES) & indexes_before
    open_database(path, tmp_path / "backups", calendar_limitations=False).close()
    conn = sqlite3.connect(path)
    try:
        after = counts(conn)
        assert {table: after[table] for table in before} == before
        for name, (table, columns) in INDEXES.items():
            assert [row[2] for row in conn.execute(f"PRAGMA index_info({name})")] == columns, name
            assert conn.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = ?",
                                (name,)).fetchone() == (table,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_the_head_fixture_has_them_as_built():
    conn = sqlite3.connect(FIXTURES / "rev-0012.db")
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()
    assert set(INDEXES) <= names
