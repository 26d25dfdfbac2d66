"""Migration 0011: the letter tables and the new columns arrive empty, no row changes, and contact keeps the
search triggers of 0010 (its new column is added in place, not by rebuilding the table)."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from legalsec_desktop.db.schema_version import KNOWN_REVISIONS
from legalsec_desktop.services.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"
OLDER = [revision for revision in KNOWN_REVISIONS if revision < "0011"]
NEW = {"firm": ("templates_folder", "phone", "fax", "email"), "timekeeper": ("title", "bar_number"),
       "contact": ("courtesy_title", "organization")}


def table_rows(path: Path, table: str, columns: list[str] | None = None) -> tuple[list[str], list[tuple]]:
    """The rows of `table` in `columns` (by default every column it has now), and the columns."""
    conn = sqlite3.connect(path)
    try:
        columns = columns or [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        return columns, conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("revision", OLDER[-2:])
def test_new_columns_are_blank_and_old_rows_unchanged(revision, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copyfile(FIXTURES / f"rev-{revision}.db", path)
    before = {table: table_rows(path, table) for table in NEW}
    open_database(path, tmp_path / "backups", calendar_limitations=False).close()
    assert {table: table_rows(path, table, before[table][0]) for table in NEW} == before
    conn = sqlite3.connect(path)
    try:
        for table, columns in NEW.items():
            for column in columns:
                assert conn.execute(f"SELECT count(*) FROM {table} WHERE {column} != ''").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM letter_template").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM letter_package").fetchone()[0] == 0
        triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {f"search_contact_{verb}" for verb in ("added", "changed", "removed")} <= triggers
        # the trigger still fires: a contact renamed after the upgrade is found by its new name
        conn.execute("UPDATE contact SET name = 'Zebulon Quackenbush', courtesy_title = 'Mr.' WHERE id = "
                     "(SELECT min(id) FROM contact WHERE deleted_at IS NULL)")
        conn.commit()
        assert conn.execute("SELECT count(*) FROM search_text WHERE search_text MATCH 'quackenbush'").fetchone()[0]
    finally:
        conn.close()
