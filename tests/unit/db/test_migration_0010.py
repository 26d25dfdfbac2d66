"""Migration 0010: the document tables and the search index; every matter, contact and log entry of every older
fixture is found, and the database keeps the index up to date itself (triggers) in upgraded and new databases."""

import shutil
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from legalsec_desktop.db.schema_version import KNOWN_REVISIONS
from legalsec_desktop.db.search_index import MARK_END, MARK_START, search_index
from legalsec_desktop.db.store import open_store
from legalsec_desktop.services.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"
OLDER = [revision for revision in KNOWN_REVISIONS if revision < "0010"]
SEARCH_TRIGGERS = {f"search_{table}_{verb}" for table in ("matter", "contact", "communication")
                   for verb in ("added", "changed", "removed")}


def upgraded(revision: str, tmp_path: Path) -> Path:
    path = tmp_path / f"rev-{revision} copy.db"
    shutil.copyfile(FIXTURES / f"rev-{revision}.db", path)
    open_database(path, tmp_path / "backups", calendar_limitations=False).close()
    return path


def rows(path: Path, sql: str, *params: object) -> list[sqlite3.Row]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def found(path: Path, words: str, matter_id: int | None = None) -> set[tuple[str, int]]:
    store = open_store(path)
    try:
        with store.read() as session:
            return {(hit.kind, hit.ref_id) for hit in search_index(session).search(session, words, matter_id, 10_000)}
    finally:
        store.close()


@pytest.mark.parametrize("revision", OLDER)
def test_every_matter_contact_and_log_entry_is_indexed_and_nothing_deleted(revision, tmp_path):
    path = upgraded(revision, tmp_path)
    entries = {(row["kind"], row["ref_id"]) for row in rows(path, "SELECT kind, ref_id FROM search_entry")}
    matters = {("matter", row[0]) for row in rows(path, "SELECT id FROM matter")}
    contacts = {("contact", row[0]) for row in rows(path, "SELECT id FROM contact WHERE deleted_at IS NULL")}
    logged = {("log", row[0]) for row in rows(path, "SELECT id FROM communication WHERE deleted_at IS NULL")}
    assert matters and contacts and logged
    assert entries == matters | contacts | logged  # no document yet, and nothing deleted
    assert {row[0] for row in rows(path, "SELECT rowid FROM search_text")} == {
        row[0] for row in rows(path, "SELECT id FROM search_entry")}
    assert SEARCH_TRIGGERS <= {row[0] for row in rows(path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    # each is found by its own words, whatever their accents
    matter = rows(path, "SELECT id, number, title FROM matter ORDER BY id LIMIT 1")[0]
    assert ("matter", matter["id"]) in found(path, matter["number"])
    assert ("matter", matter["id"]) in found(path, matter["title"].split()[0])
    contact = rows(path, "SELECT id, name FROM contact WHERE deleted_at IS NULL AND name LIKE '%ü%' LIMIT 1")
    if contact:
        assert ("contact", contact[0]["id"]) in found(path, contact[0]["name"].replace("ü", "u"))


def test_the_database_keeps_the_index_up_to_date_itself(store):
    from legalsec_desktop.db.models import CommunicationRow, ContactRow, MatterRow

    with store.write() as session:
        client = ContactRow(name="Siobhán O'Brien", sort_name="O'Brien, Siobhán", email="sob@example.com",
                            notes="Prefers letters to calls")
        session.add(client)
        session.flush()
        matter = MatterRow(number="2026-0101", title="O'Brien v. Acme", caption="Zoë Ødegård, Plaintiff",
                           client_id=client.id, opened_on=date(2026, 3, 1))
        session.add(matter)
        session.flush()
        entry = CommunicationRow(matter_id=matter.id, kind="email", direction="in", subject="Extension agreed",
                                 with_whom="Opposing counsel", summary="They agreed to the extension",
                                 occurred_at=datetime(2026, 3, 2, 15, tzinfo=timezone.utc))
        session.add(entry)
        session.flush()
        ids = client.id, matter.id, entry.id

    def hits(words: str, matter_id: int | None = None) -> set[tuple[str, int]]:
        with store.read() as session:
            return {(hit.kind, hit.ref_id) for hit in search_index(session).search(session, words, matter_id)}

    client_id, matter_id, entry_id = ids
    assert hits("obrien") == set() and hits("o'brien") == {("contact", client_id), ("matter", matter_id)}
    assert hits("odegard zoe") == set() and hits("ødegard zoe") == {("matter", matter_id)}  # å is a+ring, Ø a letter
    assert hits("agreed exten") == {("log", entry_id)}  # prefixes, as typed
    with store.write() as session:
        session.get(MatterRow, matter_id).title = "Brennan v. Acme"
        session.get(CommunicationRow, entry_id).deleted_at = datetime(2026, 3, 3, tzinfo=timezone.utc)
        session.get(ContactRow, client_id).notes = "Prefers e-mail"
    assert hits("brennan") == {("matter", matter_id)} and hits("o'brien") == {("contact", client_id)}
    assert hits("extension") == set() and hits("letters") == set() and hits("e-mail") == {("contact", client_id)}
    with store.write() as session:
        session.get(CommunicationRow, entry_id).deleted_at = None  # undo brings it back
    assert hits("extension") == {("log", entry_id)}
    assert hits("extension", matter_id) == {("log", entry_id)} and hits("extension", matter_id + 1) == set()


def test_documents_are_put_found_with_a_snippet_newest_first_and_taken_out(store):
    from legalsec_desktop.db.models import ContactRow, MatterRow

    with store.write() as session:
        client = ContactRow(name="Acme Ltd", sort_name="Acme Ltd")
        session.add(client)
        session.flush()
        matter = MatterRow(number="2026-0102", title="Acme", client_id=client.id, opened_on=date(2026, 1, 5))
        session.add(matter)
        session.flush()
        index = search_index(session)
        index.put_document(session, 7, matter.id, date(2026, 5, 1), "Letter from opposing counsel",
                           "Further to our call, we agree to the extension of time to answer until June 30.")
        index.put_document(session, 8, matter.id, date(2026, 6, 1), "Reply re extension", "Extension confirmed.")
        matter_id = matter.id
    with store.read() as session:
        index = search_index(session)
        hits = index.search(session, "extension")
        assert [(hit.kind, hit.ref_id) for hit in hits] == [("document", 8), ("document", 7)]  # newest first
        assert hits[1].snippet.count(MARK_START) == 1 and f"{MARK_START}extension{MARK_END}" in hits[1].snippet
        assert hits[0].title == f"Reply re {MARK_START}extension{MARK_END}" and hits[0].on_date == date(2026, 6, 1)
        assert hits[0].matter_id == matter_id
        assert index.search(session, "?!  --  ;") == [] and index.search(session, "c++ O'Neil foo-bar") == []
        assert index.search(session, "extension", limit=1)[0].ref_id == 8
        assert index.indexed_documents(session) == {7, 8}
    with store.write() as session:
        index = search_index(session)
        index.put_document(session, 7, matter_id, date(2026, 5, 1), "Letter from opposing counsel", "Nothing left.")
        index.remove_document(session, 8)
        index.remove_document(session, 99)  # never indexed: nothing happens
    with store.read() as session:
        assert search_index(session).search(session, "extension") == []
        assert search_index(session).indexed_documents(session) == {7}
