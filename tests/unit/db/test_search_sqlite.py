"""The SQLite search index: a document's entry retitled, moved to another matter and date with its text kept; and
the layout of FTS5's private content table, which the index reads titles and texts from, checked against this
SQLite (a newer SQLite that lays it out otherwise fails here, not in a user's search)."""

from datetime import date

import pytest
from sqlalchemy import text

from legalsec_desktop.db.models import ContactRow, MatterRow
from legalsec_desktop.db.search_index import MARK_END, MARK_START, search_index
from legalsec_desktop.db.search_sqlite import row_id


def plain(marked: str) -> str:
    return marked.replace(MARK_START, "").replace(MARK_END, "")


@pytest.fixture
def two_matters(store):
    with store.write() as session:
        client = ContactRow(name="Acme Ltd", sort_name="Acme Ltd")
        session.add(client)
        session.flush()
        made = [MatterRow(number=number, title="Acme", client_id=client.id, opened_on=date(2026, 1, 5))
                for number in ("2026-0102", "2026-0103")]
        session.add_all(made)
        session.flush()
        return made[0].id, made[1].id


def test_a_document_retitled_keeps_its_text_and_moves_to_its_new_matter_and_date(store, two_matters):
    first, second = two_matters
    with store.write() as session:
        index = search_index(session)
        index.put_document(session, 7, first, date(2026, 5, 1), "scan_0001", "We agree to the extension of time.")
        assert index.retitle(session, 7, second, date(2025, 2, 3), "Letter from opposing counsel")
        assert not index.retitle(session, 99, first, date(2025, 2, 3), "Never indexed")
    with store.read() as session:
        index = search_index(session)
        [hit] = index.search(session, "extension opposing")
        assert (hit.ref_id, hit.matter_id, hit.on_date) == (7, second, date(2025, 2, 3))
        assert plain(hit.title) == "Letter from opposing counsel" and "extension" in plain(hit.snippet)
        assert index.search(session, "scan_0001") == [] and index.search(session, "extension", first) == []
        assert [h.ref_id for h in index.search(session, "extension", second)] == [7]
        assert index.indexed_documents(session) == {7}


def test_fts5_keeps_the_title_and_text_in_search_text_content_as_c0_and_c1(store, two_matters):
    # db/search_sqlite.py SqliteSearchIndex.search reads the rows' text from this private table of FTS5.
    first, _ = two_matters
    with store.write() as session:
        search_index(session).put_document(session, 7, first, date(2026, 5, 1), "Reply re extension",
                                           "Extension confirmed.")
    with store.read() as session:
        columns = [row[1] for row in session.execute(text("PRAGMA table_info(search_text_content)"))]
        stored = session.execute(text("SELECT c0, c1 FROM search_text_content WHERE id = :id"),
                                 {"id": row_id("document", 7)}).one()
    assert columns == ["id", "c0", "c1"]
    assert tuple(stored) == ("Reply re extension", "Extension confirmed.")
