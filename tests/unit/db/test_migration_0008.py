"""Migration 0008: every logged follow-up date becomes a to-do, once, from a database of every older revision."""

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from legalsec_desktop.db.schema_version import KNOWN_REVISIONS
from legalsec_desktop.services.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"
OLDER = [revision for revision in KNOWN_REVISIONS if revision < "0008"]
TODAY = date(2026, 11, 23)  # the pinned clock's day (tests/conftest.py)


def follow_ups(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT c.id, c.matter_id, c.follow_up_on, c.deleted_at, m.status, c.kind, c.with_whom, "
                            "c.subject FROM communication c JOIN matter m ON m.id = c.matter_id "
                            "WHERE c.follow_up_on IS NOT NULL ORDER BY c.id").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("revision", OLDER)
def test_every_follow_up_comes_in_as_a_to_do(revision, tmp_path):
    path = tmp_path / f"rev-{revision} copy.db"
    shutil.copyfile(FIXTURES / f"rev-{revision}.db", path)
    entries = follow_ups(path)
    assert len(entries) > 5

    open_database(path, tmp_path / "backups").close()

    conn = sqlite3.connect(path)
    try:
        todos = {row[0]: row[1:] for row in conn.execute(
            "SELECT communication_id, matter_id, due_on, deleted_at, done_at, title, assigned_to FROM todo")}
        # deletion times as the upgrade left them (0006 turned the oldest fixtures' local times into UTC)
        deleted = dict(conn.execute("SELECT id, deleted_at FROM communication WHERE follow_up_on IS NOT NULL"))
    finally:
        conn.close()
    assert sorted(todos) == [entry[0] for entry in entries]  # one each, no more
    stale = TODAY - timedelta(days=60)
    open_count = 0
    for entry_id, matter_id, follow_up_on, deleted_at, status, kind, with_whom, subject in entries:
        todo_matter, due_on, todo_deleted, done_at, title, assigned_to = todos[entry_id]
        assert (todo_matter, due_on, todo_deleted, assigned_to) == (matter_id, follow_up_on, deleted[entry_id], None)
        assert (todo_deleted is None) == (deleted_at is None)
        assert title.startswith(f"Follow up: {'e-mail' if kind == 'email' else kind} with {with_whom}")
        assert (subject or "") in title
        should_be_done = status == "closed" or date.fromisoformat(follow_up_on) < stale
        assert (done_at is not None) == should_be_done, (entry_id, follow_up_on, status)
        open_count += not should_be_done and deleted_at is None
    assert open_count > 0  # the recent ones remind


def test_the_upgraded_follow_ups_are_due_in_the_program(tmp_path):
    from legalsec_desktop.services import todos

    path = tmp_path / "rev-0007 copy.db"
    shutil.copyfile(FIXTURES / "rev-0007.db", path)
    store = open_database(path, tmp_path / "backups")
    try:
        due = todos.todos_due(store, TODAY + timedelta(days=7))
        assert due and all(item.communication_id is not None and item.matter_number for item in due)
        assert any(item.overdue(TODAY) for item in due)
    finally:
        store.close()
