"""The full-text search over the practice, behind a small interface: SQLite FTS5 today, PostgreSQL's later.

Matters, contacts and correspondence log entries are kept in the index by the database itself (triggers of
migration 0010). Documents are put in by the program as they are filed and as their text is read; editing one
changes only its title, matter and date there (its text stays), and a deleted document stays in the index (the
search service leaves deleted documents out), so restoring it needs no reading again. A search takes the user's
words as typed (domain.search_words makes them safe), and returns hits newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy.orm import Session

MARK_START, MARK_END = "\x02", "\x03"  # around each matched word of a title or snippet
KINDS = ("document", "matter", "contact", "log")  # what a hit can be


@dataclass(frozen=True)
class SearchHit:
    """One row found: what it is (`kind`, `ref_id`), its matter (None for a contact) and date, its title and a
    snippet of its text around the words found, each matched word between MARK_START and MARK_END."""

    kind: str
    ref_id: int
    matter_id: int | None
    on_date: date | None
    title: str
    snippet: str


class SearchIndex(Protocol):
    def put_document(self, session: Session, document_id: int, matter_id: int, on_date: date, title: str,
                     body: str) -> None:
        """Index a document (again): its title and text, replacing what was there."""

    def retitle(self, session: Session, document_id: int, matter_id: int, on_date: date, title: str) -> bool:
        """Gives a document's entry its new title, matter and date, keeping the text read of it; False (and nothing
        changed) when the document is not in the index."""

    def remove_document(self, session: Session, document_id: int) -> None:
        """Take a document out of the index (deleted); nothing happens when it is not in it."""

    def search(self, session: Session, words: str, matter_id: int | None = None,
               limit: int = 50) -> list[SearchHit]:
        """What the user's `words` find, newest first, at most `limit`; [] when they hold no word."""

    def indexed_documents(self, session: Session) -> set[int]:
        """The ids of the documents in the index (a check of the index against the documents)."""


def search_index(session: Session) -> SearchIndex:
    """The search index of the database this session works on."""
    dialect = session.get_bind().dialect.name
    if dialect != "sqlite":
        raise NotImplementedError(f"No full-text search for {dialect} databases yet")
    from legalsec_desktop.db.search_sqlite import SqliteSearchIndex

    return SqliteSearchIndex()


def owns_table(name: str) -> bool:
    """Whether a table is the search index's own (derived data, outside the models): search_entry, search_text and
    the tables SQLite keeps behind search_text."""
    return name == "search_entry" or name == "search_text" or name.startswith("search_text_")
