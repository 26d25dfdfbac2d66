"""The list queries use the indexes made for them (EXPLAIN QUERY PLAN of the SQL the services run)."""

import sqlite3
from contextlib import contextmanager

from sqlalchemy import event

from legalsec_desktop.services import listings, matters


@contextmanager
def statements_of(store):
    """The SELECT statements (with parameters) the store runs inside the block."""
    seen = []

    def record(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def plans(store, path, statements):
    """Each statement's query plan as one text, in the order they ran."""
    store.close()  # the demo file is read as it is on disk
    conn = sqlite3.connect(path)
    try:
        return [" | ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
                for sql, params in statements]
    finally:
        conn.close()


def test_the_register_reads_its_covering_index_in_order(demo_store, demo_path):
    with statements_of(demo_store) as seen:
        ids = listings.list_ids(demo_store, "communications")
    assert ids
    [plan] = plans(demo_store, demo_path, seen)
    assert "COVERING INDEX ix_communication_deleted_at_occurred_at" in plan
    assert "TEMP B-TREE" not in plan


def test_the_file_room_sorted_by_label_needs_no_sort_of_its_own(demo_store, demo_path):
    for descending in (False, True):
        with statements_of(demo_store) as seen:
            ids = listings.list_ids(demo_store, "files", "label", descending)
        assert ids
    [plan] = plans(demo_store, demo_path, seen[-1:])
    assert "COVERING INDEX ix_file_record_label_id" in plan
    assert "TEMP B-TREE" not in plan


def test_a_matters_upcoming_events_are_read_by_matter(demo_store, demo_path):
    matter_id = listings.list_ids(demo_store, "matters")[0]
    with statements_of(demo_store) as seen:
        matters.matter_summary(demo_store, matter_id)
    events = [(sql, params) for sql, params in seen if "FROM event" in sql]
    assert len(events) == 2  # the upcoming ones and the overdue count
    for plan in plans(demo_store, demo_path, events):
        assert "ix_event_matter_status_on_date (matter_id=? AND status=?" in plan, plan
        assert "TEMP B-TREE" not in plan
