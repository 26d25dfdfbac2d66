"""The list queries use the indexes made for them (EXPLAIN QUERY PLAN of the SQL the services run)."""

import sqlite3
from contextlib import contextmanager

import pytest
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


@pytest.mark.parametrize(("listing", "index"), [
    ("communications", "COVERING INDEX ix_communication_deleted_at_occurred_at"),  # the register, newest first
    ("contacts", "COVERING INDEX ix_contact_deleted_at_sort_name (deleted_at=?)"),  # no GROUP BY for the aliases
])
def test_a_list_reads_its_covering_index_in_order(demo_store, demo_path, listing, index):
    with statements_of(demo_store) as seen:
        ids = listings.list_ids(demo_store, listing)
    assert ids
    [plan] = plans(demo_store, demo_path, seen)
    assert index in plan
    assert "TEMP B-TREE" not in plan  # no sort of its own


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


def test_a_contact_found_by_an_alias_is_listed_once_with_its_aliases(demo_store):
    from legalsec_desktop.services import contacts
    from legalsec_desktop.services.contacts import ContactDraft

    person = contacts.save_contact(demo_store, ContactDraft(
        "Quentin Zabriskie", aliases=(("Q. Zabriskie", "aka"), ("Quinn Zed", "aka"), ("Quinn Zeddicus", "aka"))))
    ids = listings.list_ids(demo_store, "contacts", text="quinn")
    assert ids == [person]  # two aliases match: still one row
    [row] = listings.fetch_rows(demo_store, "contacts", ids).values()
    assert sorted(row.aliases.split(",")) == ["Q. Zabriskie", "Quinn Zed", "Quinn Zeddicus"]
    assert listings.list_ids(demo_store, "contacts", text="zed zabriskie") == [person]  # words from two names


def test_a_conflict_check_reads_the_folded_names_from_an_index(demo_store, demo_path, monkeypatch):
    from sqlalchemy.dialects import sqlite

    from legalsec_desktop.domain.conflicts import SearchName
    from legalsec_desktop.services import conflicts

    read = []  # the plain reads (on the driver's cursor, so not seen by the engine's events)

    def plain_rows(session, query):
        compiled = query.compile(dialect=sqlite.dialect(), compile_kwargs={"render_postcompile": True})
        params = compiled.construct_params()
        read.append((str(compiled), [params[name] for name in compiled.positiontup or ()]))
        return original(session, query)

    original = conflicts.plain_rows
    monkeypatch.setattr(conflicts, "plain_rows", plain_rows)
    hits = conflicts.find_hits(demo_store, [SearchName("Jon Smith")])
    assert hits is not None
    keys = [(sql, params) for sql, params in read if "FROM contact WHERE" in " ".join(sql.split())]
    assert len(keys) == 1
    [plan] = plans(demo_store, demo_path, keys)
    assert "COVERING INDEX ix_contact_deleted_at_match_key (deleted_at=?)" in plan


def test_the_file_room_and_time_lists_leave_the_matter_and_its_client_out_of_their_ids(demo_store, demo_path):
    """The client is joined through the record's own matter_id: an id list that neither sorts nor filters by the
    matter or the client reads neither table; sorted or filtered by the client, it still finds it."""
    from legalsec_desktop.services.rows import TimeFilters

    with statements_of(demo_store) as seen:
        assert listings.list_ids(demo_store, "files", "label")
        assert listings.list_ids(demo_store, "time", filters=TimeFilters(first=None, last=None))
    for plan in plans(demo_store, demo_path, seen):
        assert "matter" not in plan and "contact" not in plan, plan


def test_a_list_sorted_or_filtered_by_client_still_names_the_right_one(demo_store):
    ids = listings.list_ids(demo_store, "files", "client")
    rows = listings.fetch_rows(demo_store, "files", ids)
    clients = [rows[i].client for i in ids]
    assert clients == sorted(clients, key=str.casefold) or clients == sorted(clients)
    middle = ids[len(ids) // 2]
    assert middle in listings.list_ids(demo_store, "files", text=rows[middle].client)  # found by its client
