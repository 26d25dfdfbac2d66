"""A matter's documents as typed rows, their versions, editing a document's details, deleting and restoring it
(softly, with the search index following), and the index's health."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalsec_desktop.db.document_models import DOCUMENT_KINDS, DocumentRow, DocumentVersionRow
from legalsec_desktop.db.models import MatterRow
from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.services.document_rows import DocumentItem, IndexHealth, VersionItem
from legalsec_desktop.services.document_versions import is_newest, newest_versions

MAX_TITLE = 300
FAILED_STATES = ("damaged", "protected", "failed")  # meant to be read, and could not be


def version_item(row: DocumentVersionRow) -> VersionItem:
    return VersionItem(id=row.id, document_id=row.document_id, number=row.number, path=row.path,
                       original_name=row.original_name, sha256=row.sha256, size_bytes=row.size_bytes,
                       filed_at=row.filed_at, text_state=row.text_state, text_note=row.text_note,
                       missing_since=row.missing_since, note=row.note, indexed_at=row.indexed_at)


def _items(session: Session, condition: object) -> list[DocumentItem]:
    newest = newest_versions()
    rows = session.execute(
        select(DocumentRow, DocumentVersionRow, MatterRow.number, MatterRow.caption, MatterRow.title, newest.c.count)
        .join(newest, newest.c.document_id == DocumentRow.id)
        .join(DocumentVersionRow, is_newest(newest))
        .join(MatterRow, MatterRow.id == DocumentRow.matter_id)
        .where(condition)  # type: ignore[arg-type]
        .order_by(DocumentRow.doc_date.desc(), DocumentRow.id.desc())).all()
    return [DocumentItem(
        id=doc.id, matter_id=doc.matter_id, matter_number=number, caption=caption or title, title=doc.title,
        kind=doc.kind, doc_date=doc.doc_date, author=doc.author, recipients=doc.recipients,
        description=doc.description, filed_at=doc.filed_at, filed_by=doc.filed_by, version_count=count,
        current=version_item(version), parent_id=doc.parent_id, communication_id=doc.communication_id,
        deleted_at=doc.deleted_at) for doc, version, number, caption, title, count in rows]


def documents_of(store: Store, matter_id: int, include_deleted: bool = False) -> list[DocumentItem]:
    """The matter's documents and e-mails, newest (by their own date) first; deleted ones only when asked."""
    condition = DocumentRow.matter_id == matter_id
    if not include_deleted:
        condition = condition & DocumentRow.deleted_at.is_(None)
    with store.read() as session:
        return _items(session, condition)


def document(store: Store, document_id: int) -> DocumentItem:
    """One document (deleted or not); ValidationError when there is no such document."""
    with store.read() as session:
        found = _items(session, DocumentRow.id == document_id)
    if not found:
        raise ValidationError("document", "That document is no longer there.")
    return found[0]


def versions(store: Store, document_id: int) -> list[VersionItem]:
    """A document's versions, newest first."""
    with store.read() as session:
        return [version_item(row) for row in session.scalars(
            select(DocumentVersionRow).where(DocumentVersionRow.document_id == document_id)
            .order_by(DocumentVersionRow.number.desc()))]


def checked_title(title: str) -> str:
    """A document's title as it is kept (its spaces tidied); ValidationError when it is blank or too long."""
    cleaned = " ".join(title.split())
    if not cleaned:
        raise ValidationError("title", "Give the document a title.")
    if len(cleaned) > MAX_TITLE:
        raise ValidationError("title", f"The title is too long; use at most {MAX_TITLE} characters.")
    return cleaned


def update_document(store: Store, document_id: int, title: str, kind: str, doc_date: date, author: str = "",
                    description: str = "") -> DocumentItem:
    """Saves a document's details (its files keep their names) and gives its search index entry the new title and
    date (the text read of it stays searchable)."""
    cleaned = checked_title(title)
    if kind not in DOCUMENT_KINDS:
        raise ValidationError("kind", f"“{shown(kind)}” is not a kind of document.")
    with store.write() as session:
        row = _row(session, document_id)
        row.title, row.kind, row.doc_date = cleaned, kind, doc_date
        row.author, row.description = author.strip(), description.strip()
        session.flush()
        _retitle(session, row)
    return document(store, document_id)


def delete_document(store: Store, document_id: int) -> None:
    """Marks a document deleted (its files and rows stay, so it can be restored). Its search index entry stays
    too: the search leaves deleted documents out."""
    with store.write() as session:
        row = _row(session, document_id)
        if row.deleted_at is None:
            row.deleted_at = store.clock.utc_now()


def restore_document(store: Store, document_id: int) -> None:
    """Brings a deleted document back: it is found again by its title and the text read of it."""
    with store.write() as session:
        row = _row(session, document_id)
        row.deleted_at = None
        session.flush()
        _retitle(session, row)


def _row(session: Session, document_id: int) -> DocumentRow:
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise ValidationError("document", "That document is no longer there.")
    return row


def _retitle(session: Session, row: DocumentRow) -> None:
    """Gives the document's index entry its title, matter and date, keeping its text. A document with no entry
    (taken out of the index when deleted, before entries were kept) is put in again, its newest version read again
    if it had been read (its text is not in the index any more)."""
    index = search_index(session)
    if index.retitle(session, row.id, row.matter_id, row.doc_date, row.title):
        return
    index.put_document(session, row.id, row.matter_id, row.doc_date, row.title, "")
    newest = session.scalars(select(DocumentVersionRow).where(DocumentVersionRow.document_id == row.id)
                             .order_by(DocumentVersionRow.number.desc()).limit(1)).first()
    if newest is not None and newest.text_state == "indexed":
        newest.text_state, newest.indexed_at = "waiting", None


def index_health(store: Store) -> IndexHealth:
    """How many non-deleted documents' newest versions are indexed, waiting, failed, need OCR or are empty, and
    how many of them are missing their file."""
    newest = newest_versions()
    current = (select(DocumentVersionRow.text_state, DocumentVersionRow.missing_since)
               .join(newest, is_newest(newest))
               .join(DocumentRow, DocumentRow.id == DocumentVersionRow.document_id)
               .where(DocumentRow.deleted_at.is_(None)).subquery())
    with store.read() as session:
        by_state = select(current.c.text_state, func.count()).group_by(current.c.text_state)
        counts: dict[str, int] = {state: count for state, count in session.execute(by_state)}
        missing = session.scalar(select(func.count()).select_from(current)
                                 .where(current.c.missing_since.is_not(None))) or 0
    return IndexHealth(indexed=counts.get("indexed", 0), waiting=counts.get("waiting", 0),
                       failed=sum(counts.get(state, 0) for state in FAILED_STATES),
                       needs_ocr=counts.get("needs_ocr", 0), empty=counts.get("empty", 0),
                       not_read=counts.get("unsupported", 0), missing=missing)
