"""Upgrading a database of every past schema revision, full of data, keeps every row and every value.

The fixtures (tests/data/migrations/rev-<REVISION>.db, built by tools/make_migration_fixture.py) are
copied, then opened the way the program opens them (back up, migrate); every table of the old schema
must come through with the same rows, and every column both schemas have with the same values.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from legalsec_desktop.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from legalsec_desktop.services.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"
FIXTURE_FILES = sorted(FIXTURES.glob("rev-*.db"))
OLDER_FILES = [path for path in FIXTURE_FILES if path.stem != f"rev-{HEAD_REVISION}"]
# The zone the upgrades run in (this computer's zone, pinned): the one local times are converted from.
LOCAL_ZONE = "America/New_York"
STORED = "%Y-%m-%d %H:%M:%S.%f"


def local_text_to_utc(value: object) -> object:
    """What migration 0006 makes of a stored naive local time in LOCAL_ZONE: the same instant as UTC text.

    Worked out here with zoneinfo, independently of the migration; a repeated time is its earlier instant.
    """
    if not isinstance(value, str):
        return value
    local = datetime.fromisoformat(value).replace(tzinfo=ZoneInfo(LOCAL_ZONE), fold=0)
    return local.astimezone(timezone.utc).strftime(STORED)


def chosen_classification(value: object, row: dict[str, object]) -> object:
    """What migration 0007 makes of a timekeeper's LEDES classification: a blank (or unknown) one becomes OTHER for
    an attorney and PARLGL for anyone else; a LEDES code stays."""
    if value in ("PARTNR", "ASSOC", "OFCNSL", "PARLGL", "LGLAST", "OTHER", "PT", "AS"):
        return value
    return "OTHER" if row["is_attorney"] else "PARLGL"


def volume_medium(value: object, row: dict[str, object]) -> object:
    """What migration 0009 makes of a file's medium: a paper file is a folder (a volume); a digital entry stays."""
    return "digital" if value == "digital" else "folder"


def volume_search_key(value: object, row: dict[str, object]) -> object:
    """What migration 0009 makes of a file's search key: the one the program keeps (models.SEARCHED), now with the
    barcode id the migration gives (F and the id in six digits) and no one checked out."""
    from legalsec_desktop.db.models import SEARCHED, search_key_of

    assert SEARCHED["file_record"] == ("barcode", "label", "location", "box", "out_to")
    return search_key_of("file_record", {**row, "barcode": f"F{row['id']:06d}", "out_to": ""})


# "table.column" -> (the migration that rewrites its values on purpose, (the old value, its whole old row) -> the
# value it must have after that migration). The rewritten values are checked against that, not skipped.
CHANGED_ON_PURPOSE: dict[str, tuple[str, Callable[[object, dict[str, object]], object]]] = {
    # 0006: local wall-clock time of the computer becomes UTC, as the other instants are kept.
    **{name: ("0006", lambda value, row: local_text_to_utc(value))
       for name in ("contact.deleted_at", "party.deleted_at", "event.deleted_at", "communication.occurred_at",
                    "communication.deleted_at", "conflict_check.checked_at", "conflict_check.decided_at")},
    # 0007: every timekeeper has a LEDES classification (a blank one was exported as ATTY, which is no code).
    "timekeeper.classification": ("0007", chosen_classification),
    # 0009: each paper file becomes a volume (a folder) with a barcode id, which its search key now holds.
    "file_record.medium": ("0009", volume_medium),
    "file_record.search_key": ("0009", volume_search_key),
}


@pytest.fixture(autouse=True)
def upgrades_run_in_a_known_zone(local_zone):
    local_zone(LOCAL_ZONE)


def revision_of(fixture: Path) -> str:
    return fixture.stem.removeprefix("rev-")


def fixture_id(fixture: Path) -> str:
    return fixture.stem


@dataclass(frozen=True)
class Table:
    """One table as read: its columns, its primary key and every row (values in column order)."""

    columns: tuple[str, ...]
    primary_key: tuple[str, ...]
    rows: tuple[tuple, ...]


def connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_names(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                        "AND name != 'alembic_version' ORDER BY name")
    return [row[0] for row in rows]


def read_table(conn: sqlite3.Connection, table: str, columns: list[str], order: list[str]) -> tuple[tuple, ...]:
    """Every row's values of `columns`, sorted by `order` and then by the rest (a total order)."""
    order_by = order + [c for c in columns if c not in order]
    select = ", ".join(quoted(c) for c in columns)
    return tuple(conn.execute(f"SELECT {select} FROM {quoted(table)} ORDER BY {', '.join(map(quoted, order_by))}"))


def snapshot(path: Path) -> dict[str, Table]:
    """Every table (but alembic_version) of the database at `path`, all rows, sorted by primary key."""
    conn = connect_read_only(path)
    try:
        tables = {}
        for name in table_names(conn):
            info = list(conn.execute(f"PRAGMA table_info({quoted(name)})"))
            columns = [row[1] for row in info]
            key = [row[1] for row in sorted(info, key=lambda row: row[5]) if row[5]]
            tables[name] = Table(tuple(columns), tuple(key), read_table(conn, name, columns, key))
        return tables
    finally:
        conn.close()


def alembic_revision(path: Path) -> str:
    conn = connect_read_only(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def soundness_problems(path: Path) -> list[str]:
    conn = connect_read_only(path)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [f"foreign_key_check: {table} row {rowid} has no {parent} row"
                     for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")]
        return problems
    finally:
        conn.close()


def sortable(row: tuple) -> tuple:
    """A sort key for rows of mixed types and NULLs (which Python will not compare directly)."""
    return tuple((0, "", 0) if value is None else (1, type(value).__name__, value) for value in row)


def expected_value(column: str, value: object, upgraded_from: str | None, row: dict[str, object]) -> object:
    """`value` of `column` (table.column, in the old `row`) in a database of revision `upgraded_from` once
    upgraded to the head."""
    changed = CHANGED_ON_PURPOSE.get(column)
    if upgraded_from is None or changed is None or upgraded_from >= changed[0]:
        return value
    return changed[1](value, row)


def lost_data(before: dict[str, Table], after_path: Path, upgraded_from: str | None = None) -> list[str]:
    """What the old tables lost on the way: tables, rows, or values of the columns both schemas have.

    `upgraded_from` is the revision `before` was at, when `after_path` is its upgrade: the values a later
    migration rewrites on purpose (CHANGED_ON_PURPOSE) must then be what that migration makes of them.
    """
    conn = connect_read_only(after_path)
    try:
        now = set(table_names(conn))
        problems = []
        for name, old in before.items():
            if name not in now:
                problems.append(f"{name}: the table is gone ({len(old.rows)} rows before)")
                continue
            new_columns = {row[1] for row in conn.execute(f"PRAGMA table_info({quoted(name)})")}
            common = [c for c in old.columns if c in new_columns]
            order = [c for c in old.primary_key if c in new_columns]
            rows = read_table(conn, name, common, order)
            if len(rows) != len(old.rows):
                problems.append(f"{name}: {len(old.rows)} rows before, {len(rows)} after")
                continue
            indexes = [old.columns.index(c) for c in common]
            expected = [tuple(expected_value(f"{name}.{old.columns[i]}", row[i], upgraded_from,
                                             dict(zip(old.columns, row))) for i in indexes)
                        for row in old.rows]
            if not old.primary_key or not set(old.primary_key) <= set(common):
                # No key to pair the rows by: compare them as sorted lists instead.
                expected, rows = sorted(expected, key=sortable), sorted(rows, key=sortable)
            changed = [(was, got) for was, got in zip(expected, rows) if was != got]
            if changed:
                was, got = changed[0]
                now_has = {c: new for c, old_value, new in zip(common, was, got) if old_value != new}
                problems.append(f"{name}: {len(changed)} of {len(rows)} rows changed; the first: "
                                f"{dict(zip(common, was))} now has {now_has}")
        return problems
    finally:
        conn.close()


def upgraded_copy(fixture: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of `fixture` (a closed file in rollback-journal mode, so a plain copy is whole)."""
    folder = tmp_path / "Praxis Öztürk"
    folder.mkdir()
    db_path = folder / fixture.name
    shutil.copyfile(fixture, db_path)
    return db_path, folder / "backups"


def test_there_is_a_fixture_for_every_known_revision():
    assert [revision_of(path) for path in FIXTURE_FILES] == list(KNOWN_REVISIONS)


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=fixture_id)
def test_fixture_is_sound_and_full(fixture):
    assert alembic_revision(fixture) == revision_of(fixture)
    assert soundness_problems(fixture) == []
    conn = connect_read_only(fixture)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # nothing beside the file
        for table in table_names(conn):
            assert conn.execute(f"SELECT count(*) FROM {quoted(table)}").fetchone()[0] > 0, f"{table} is empty"
            for fk in conn.execute(f"PRAGMA foreign_key_list({quoted(table)})").fetchall():
                used = conn.execute(f"SELECT count(*) FROM {quoted(table)} WHERE {quoted(fk[3])} IS NOT NULL")
                assert used.fetchone()[0] > 0, f"no {table} row refers to {fk[2]} through {fk[3]}"
    finally:
        conn.close()
    assert fixture.stat().st_size < 1_000_000


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=fixture_id)
def test_upgrading_keeps_every_row_and_value(fixture, tmp_path):
    db_path, backup_dir = upgraded_copy(fixture, tmp_path)
    before = snapshot(db_path)

    # Only the migrations: the calendar items opening adds for limitation dates are tested in test_matter_sol.
    open_database(db_path, backup_dir, calendar_limitations=False).close()

    assert alembic_revision(db_path) == HEAD_REVISION
    assert lost_data(before, db_path, revision_of(fixture)) == []
    assert soundness_problems(db_path) == []
    if revision_of(fixture) != HEAD_REVISION:
        assert len(list(backup_dir.glob("*pre-migrate*.db"))) == 1


@pytest.mark.parametrize("fixture", OLDER_FILES, ids=fixture_id)
def test_the_values_changed_on_purpose_are_in_the_older_fixtures(fixture):
    """The check of the rewritten values above is not empty: each such column has values its migration changes."""
    tables = snapshot(fixture)
    for column, (revision, convert) in CHANGED_ON_PURPOSE.items():
        table, name = column.split(".")
        if table not in tables or name not in tables[table].columns or revision_of(fixture) >= revision:
            continue  # a column a later revision added, or one already converted
        columns = tables[table].columns
        values = [(row[columns.index(name)], dict(zip(columns, row))) for row in tables[table].rows]
        assert any(value is not None and convert(value, row) != value for value, row in values), column


@pytest.mark.parametrize("fixture", OLDER_FILES, ids=fixture_id)
def test_pre_migrate_backup_holds_the_old_rows(fixture, tmp_path):
    db_path, backup_dir = upgraded_copy(fixture, tmp_path)
    before = snapshot(db_path)

    # The backup is made before the migration runs; whether the migration then succeeds is the test above's.
    with contextlib.suppress(Exception):
        open_database(db_path, backup_dir).close()

    backups = list(backup_dir.glob("*pre-migrate*.db")) if backup_dir.is_dir() else []
    assert len(backups) == 1
    assert alembic_revision(backups[0]) == revision_of(fixture)
    assert sorted(snapshot(backups[0])) == sorted(before)
    assert lost_data(before, backups[0]) == []
    assert soundness_problems(backups[0]) == []


def test_an_orphan_from_before_does_not_block_the_upgrade_but_a_new_one_does(tmp_path, monkeypatch):
    import sqlite3

    from legalsec_desktop.db import migrate
    from legalsec_desktop.db.migrate import MigrationCheckError
    from legalsec_desktop.services.database import open_database

    old = tmp_path / "orphan.db"
    shutil.copyfile(FIXTURES / "rev-0001.db", old)
    conn = sqlite3.connect(old)  # foreign keys are off in a plain connection: as a damaged old file has it
    conn.execute("INSERT INTO contact_alias (contact_id, alias, kind) VALUES (999999, 'Nobody', 'other')")
    conn.commit()
    conn.close()
    open_database(old, tmp_path / "b1").close()

    fresh = tmp_path / "fresh.db"
    shutil.copyfile(FIXTURES / "rev-0001.db", fresh)
    real = migrate._reporter

    def breaking(steps, progress):
        hook = real(steps, progress)

        def on_step(*, ctx, step, **kwargs):
            ctx.connection.exec_driver_sql("DELETE FROM matter WHERE id = (SELECT min(matter_id) FROM party)")
            hook(ctx=ctx, step=step, **kwargs)

        return on_step

    monkeypatch.setattr(migrate, "_reporter", breaking)
    def state(path):
        conn = sqlite3.connect(path)
        try:
            tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {table: conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in tables}
        finally:
            conn.close()

    before = state(fresh)
    with pytest.raises(MigrationCheckError, match="left as it was"):
        open_database(fresh, tmp_path / "b2")
    assert state(fresh) == before  # every row, and the old revision
    assert not list((tmp_path / "b2").glob("*.db")), "a failed upgrade leaves no extra backup behind"


SEARCHABLE_SINCE = {"document": "0010"}  # tables a fixture of an older revision cannot have rows in


@pytest.mark.parametrize("fixture", [path for path in OLDER_FILES if revision_of(path) < "0005"], ids=fixture_id)
def test_the_upgrade_gives_every_searchable_row_its_search_key(fixture, tmp_path):
    """Migration 0005 fills the folded key the filter box searches, the same key the program keeps on writes."""
    from legalsec_desktop.db.models import SEARCHED, search_key_of

    db_path, backup_dir = upgraded_copy(fixture, tmp_path)
    open_database(db_path, backup_dir).close()
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        for table in SEARCHED:
            rows = conn.execute(f"SELECT * FROM {table}").fetchall()
            assert rows or SEARCHABLE_SINCE.get(table, "") > revision_of(fixture), table
            for row in rows:
                assert row["search_key"] == search_key_of(table, dict(row)), f"{table} row {row['id']}"
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", [path for path in FIXTURE_FILES if revision_of(path) >= "0009"], ids=fixture_id)
def test_the_fixtures_keep_the_triggers_that_refuse_changes(fixture):
    """The tool sets the triggers aside while it shrinks the demo: the written file has them back, as made."""
    conn = connect_read_only(fixture)
    try:
        found = {name: table for name, table in conn.execute("SELECT name, tbl_name FROM sqlite_master "
                                                             "WHERE type = 'trigger'")}
    finally:
        conn.close()
    searched = {} if revision_of(fixture) < "0010" else {  # the search index's, from 0010
        f"search_{table}_{verb}": table for table in ("matter", "contact", "communication")
        for verb in ("added", "changed", "removed")}
    versioned = {} if revision_of(fixture) < "0013" else {  # the names' version, from 0013
        f"{table}_names_{verb}": table for table in ("contact", "contact_alias")
        for verb in ("inserted", "updated", "deleted")}
    assert found == {"file_movement_UPDATE_refused": "file_movement", "file_movement_DELETE_refused": "file_movement",
                     "destruction_UPDATE_refused": "destruction", "destruction_DELETE_refused": "destruction",
                     "file_record_DELETE_refused": "file_record", "file_record_destroyed_kept": "file_record",
                     **searched, **versioned}
