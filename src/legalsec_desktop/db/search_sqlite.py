"""The search index on SQLite: an FTS5 table of titles and texts, and a plain table of what each row is.

A row's id is the searched row's id * 8 + the code of its kind, as migration 0010 made it (its triggers index
matters, contacts and log entries the same way). The match runs on the FTS index alone, joined to the small
`search_entry` table to order by date; titles and snippets are marked for the rows shown only.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from legalsec_desktop.db.search_index import MARK_END, MARK_START, SearchHit
from legalsec_desktop.domain.search_highlight import SCANNED_CHARS, marked, matcher, snippet
from legalsec_desktop.domain.search_words import fts_query

CODES = {"document": 1, "matter": 2, "contact": 3, "log": 4}


def row_id(kind: str, ref_id: int) -> int:
    return ref_id * 8 + CODES[kind]


class SqliteSearchIndex:
    def put_document(self, session: Session, document_id: int, matter_id: int, on_date: date, title: str,
                     body: str) -> None:
        self.remove_document(session, document_id)
        key = row_id("document", document_id)
        session.execute(text("INSERT INTO search_entry (id, kind, ref_id, matter_id, on_date) "
                             "VALUES (:id, 'document', :ref, :matter, :on)"),
                        {"id": key, "ref": document_id, "matter": matter_id, "on": on_date.isoformat()})
        session.execute(text("INSERT INTO search_text (rowid, title, body) VALUES (:id, :title, :body)"),
                        {"id": key, "title": title, "body": body})

    def retitle(self, session: Session, document_id: int, matter_id: int, on_date: date, title: str) -> bool:
        key = row_id("document", document_id)
        if session.execute(text("SELECT 1 FROM search_entry WHERE id = :id"), {"id": key}).first() is None:
            return False
        session.execute(text("UPDATE search_entry SET matter_id = :matter, on_date = :on WHERE id = :id"),
                        {"id": key, "matter": matter_id, "on": on_date.isoformat()})
        session.execute(text("UPDATE search_text SET title = :title WHERE rowid = :id"), {"id": key, "title": title})
        return True

    def remove_document(self, session: Session, document_id: int) -> None:
        key = row_id("document", document_id)
        session.execute(text("DELETE FROM search_text WHERE rowid = :id"), {"id": key})
        session.execute(text("DELETE FROM search_entry WHERE id = :id"), {"id": key})

    def search(self, session: Session, words: str, matter_id: int | None = None,
               limit: int = 50) -> list[SearchHit]:
        query = fts_query(words)
        if not query or limit <= 0:
            return []
        narrowed = "" if matter_id is None else " AND e.matter_id = :matter"
        found = session.execute(text(
            "SELECT e.id, e.kind, e.ref_id, e.matter_id, e.on_date FROM search_text "
            "JOIN search_entry AS e ON e.id = search_text.rowid "
            f"WHERE search_text MATCH :query{narrowed} "
            "ORDER BY e.on_date IS NULL, e.on_date DESC, e.id DESC LIMIT :limit"),
            {"query": query, "matter": matter_id, "limit": limit}).all()
        if not found:
            return []
        # The rows' own text, from the table FTS5 keeps it in (a look-up by id): marking the words here is much
        # faster than FTS5's highlight() and snippet() for words matched as prefixes (domain/search_highlight.py).
        # search_text_content is FTS5's private shadow table (id, then c0 = title, c1 = body, in column order):
        # tests/unit/db/test_search_sqlite.py fails if an SQLite lays it out otherwise.
        ids = ", ".join(str(int(row[0])) for row in found)
        texts = {row[0]: (row[1], row[2]) for row in session.execute(text(
            f"SELECT id, c0, substr(c1, 1, {SCANNED_CHARS}) FROM search_text_content WHERE id IN ({ids})"))}
        pattern = matcher(words)
        marked_rows = {key: (marked(title or "", pattern, MARK_START, MARK_END),
                             snippet(body or "", pattern, MARK_START, MARK_END))
                       for key, (title, body) in texts.items()}
        hits = []
        for key, kind, ref_id, matter, on_date in found:
            title, shown = marked_rows.get(key, ("", ""))
            hits.append(SearchHit(kind, ref_id, matter, date.fromisoformat(on_date[:10]) if on_date else None,
                                  title, shown))
        return hits

    def indexed_documents(self, session: Session) -> set[int]:
        return set(session.execute(text("SELECT ref_id FROM search_entry WHERE kind = 'document'")).scalars())
