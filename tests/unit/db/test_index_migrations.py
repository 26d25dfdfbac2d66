"""Migrations that add indexes only (0012: three list indexes; 0013: the contacts list's and the conflict check's):
from every older fixture, each index exists with its columns on its table, and no row is lost."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from legalsec_desktop.db.schema_version import KNOWN_REVISIONS
from legalsec_desktop.services.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"
INDEXES = {
    "0012": {
        "ix_communication_deleted_at_occurred_at": ("communication",
                                                    ["deleted_at", "occurred_at", "id", "matter_id"]),
        "ix_file_record_label_id": ("file_record", ["label", "id", "matter_id", "location_id"]),
        "ix_event_matter_status_on_date": ("event", ["matter_id", "status", "on_date", "start_utc"]),
    },
    "0013": {
        "ix_contact_deleted_at_sort_name": ("contact", ["deleted_at", "sort_name"]),
        "ix_contact_deleted_at_match_key": ("contact", ["deleted_at", "match_key"]),
    },
}
UPGRADES = [(older, added) for added in INDEXES for older in KNOWN_REVISIONS if older < added]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_text%'")]
    return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def index_names(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


@pytest.mark.parametrize(("revision", "added"), UPGRADES)
def test_every_older_fixture_gets_the_indexes_and_keeps_its_rows(revision, added, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copyfile(FIXTURES / f"rev-{revision}.db", path)
    conn = sqlite3.connect(path)
    before = counts(conn)
    indexes_before = index_names(conn)
    conn.close()
    assert not set(INDEXES[added]) & indexes_before
    open_database(path, tmp_path / "backups", calendar_limitations=False).close()
    conn = sqlite3.connect(path)
    try:
        after = counts(conn)
        assert {table: after[table] for table in before} == before
        for name, (table, columns) in INDEXES[added].items():
            assert [row[2] for row in conn.execute(f"PRAGMA index_info({name})")] == columns, name
            assert conn.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = ?",
                                (name,)).fetchone() == (table,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


@pytest.mark.parametrize("added", list(INDEXES))
def test_a_fixture_built_at_the_revision_has_them_as_built(added):
    conn = sqlite3.connect(FIXTURES / f"rev-{added}.db")
    try:
        assert set(INDEXES[added]) <= index_names(conn)
    finally:
        conn.close()
