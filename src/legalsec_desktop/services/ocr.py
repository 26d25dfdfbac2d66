"""OCR of documents flagged "needs OCR", when Tesseract is installed: the scanned PDF's pages read by Tesseract, the
text put in the search index, the version marked indexed with the note "text read by OCR". Each document is tried
once: one where OCR found nothing keeps its flag, and the reason says so."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.document_models import DocumentRow, DocumentVersionRow
from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.db.store import Store
from legalsec_desktop.formats.ocr import ocr_pdf, tesseract
from legalsec_desktop.services.document_store import file_path
from legalsec_desktop.services.document_versions import is_newest, newest_versions

READ_BY_OCR = "Text read by OCR."
TRIED = "OCR was tried: "  # the start of the note of a version OCR could not read; it is not tried again


def ocr_waiting(store: Store, root: Path, clock: Clock, limit: int = 1, program: str | None = None) -> int:
    """OCR at most `limit` documents that need it (their newest version, not yet tried); how many were tried.
    0 at once when no Tesseract is installed."""
    program = program or tesseract()
    if program is None:
        return 0
    waiting = _needing(store, limit)
    for version_id, document_id, path in waiting:
        source = file_path(root, path)
        read = ocr_pdf(source, program) if source.suffix.lower() == ".pdf" and source.is_file() else None
        with store.write() as session:
            version = session.get(DocumentVersionRow, version_id)
            document = session.get(DocumentRow, document_id)
            if version is None or document is None or version.text_state != "needs_ocr":
                continue  # changed meanwhile
            if read is None or not read.text.strip():
                why = read.reason if read is not None else "the file is not a PDF in the documents folder."
                version.text_note = f"{TRIED}{why} {version.text_note}".strip()
                continue
            version.text_state, version.indexed_at = "indexed", clock.utc_now()
            version.text_note, version.note = read.reason, READ_BY_OCR
            search_index(session).put_document(session, document.id, document.matter_id, document.doc_date,
                                               document.title, read.text)  # deleted meanwhile too, for a restore
    return len(waiting)


def _needing(store: Store, limit: int) -> list[tuple[int, int, str]]:
    newest = newest_versions()
    query = (select(DocumentVersionRow.id, DocumentVersionRow.document_id, DocumentVersionRow.path)
             .join(newest, is_newest(newest))
             .join(DocumentRow, DocumentRow.id == DocumentVersionRow.document_id)
             .where(DocumentVersionRow.text_state == "needs_ocr", DocumentRow.deleted_at.is_(None),
                    DocumentVersionRow.missing_since.is_(None),
                    DocumentVersionRow.text_note.not_like(f"{TRIED}%"))
             .order_by(DocumentVersionRow.id).limit(limit))
    with store.read() as session:
        return [(version_id, document_id, path) for version_id, document_id, path in session.execute(query)]
