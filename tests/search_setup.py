"""A small practice to search: two matters, a contact, log entries and documents (filed straight into the tables
and the index, as the document store does), for the search service, command and window tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from legalsec_desktop.db.document_models import DocumentFolderRow, DocumentRow, DocumentVersionRow
from legalsec_desktop.db.models import CommunicationRow, ContactRow
from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import matters

SCANNED = Path(__file__).parent / "data" / "docs" / "imagemagick-lzw.pdf"  # an image only, like a scan
FILED = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


@dataclass
class Practice:
    """The ids of what `build` made."""

    rivera: int = 0
    lease: int = 0
    contact: int = 0
    log: int = 0
    mail_log: int = 0  # the e-mail's own line in the correspondence log
    letter: int = 0
    mail: int = 0
    notice: int = 0
    deleted: int = 0
    files: dict[int, Path] = field(default_factory=dict)


def add_document(store, matter_id: int, title: str, body: str, on: date, *, kind: str = "other",  # noqa: ANN001
                 root: Path | None = None, folder: str = "", name: str = "", index: bool = True,
                 communication_id: int | None = None) -> int:
    """A document of one version (its file written under `root` when given), indexed unless `index` is False."""
    name = name or f"{on.isoformat()} {title}.txt"
    with store.write() as session:
        if folder and session.get(DocumentFolderRow, matter_id) is None:
            session.add(DocumentFolderRow(matter_id=matter_id, folder=folder))
        doc = DocumentRow(matter_id=matter_id, title=title, kind=kind, doc_date=on, filed_at=FILED,
                          communication_id=communication_id)
        session.add(doc)
        session.flush()
        size, mtime = 0, 0
        if root is not None:
            path = root / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
            size, mtime = path.stat().st_size, path.stat().st_mtime_ns
        session.add(DocumentVersionRow(document_id=doc.id, number=1, path=f"{folder}/{name}" if folder else name,
                                       original_name=name, sha256="0" * 64, size_bytes=size, modified_ns=mtime,
                                       filed_at=FILED, text_state="indexed" if index else "waiting"))
        if index:
            search_index(session).put_document(session, doc.id, matter_id, on, title, body)
        return doc.id


def build(store, root: Path | None = None) -> Practice:  # noqa: ANN001
    """Rivera (opened 2026-02-02) with a letter, an e-mail and a log entry; the lease (2026-03-01) with a notice;
    a contact; a document deleted after it was indexed. The word 'extension' is in the letter, the e-mail, the
    log entry, the notice and the contact's notes."""
    made = Practice()
    made.rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                           date(2026, 2, 2), caption="Rivera v. Okafor"))
    made.lease = matters.create_matter(store, MatterDraft("2026-0002", "Lease of Elm Street", "Bo Li",
                                                          date(2026, 3, 1)))
    with store.write() as session:
        contact = ContactRow(name="Greta Extensionist", sort_name="Extensionist, Greta",
                             notes="asks about the extension")
        log = CommunicationRow(matter_id=made.rivera, kind="call", direction="in",
                               occurred_at=datetime(2026, 11, 2, 15, 0, tzinfo=timezone.utc),
                               with_whom="Opposing counsel",
                               subject="Call about the extension", summary="They agreed to a two-week extension.")
        mail_log = CommunicationRow(matter_id=made.rivera, kind="email", direction="in",
                                    occurred_at=datetime(2026, 11, 12, 9, 0, tzinfo=timezone.utc),
                                    with_whom="Opposing counsel", subject="RE: extension",
                                    summary="Confirming the extension by e-mail.")
        session.add_all([contact, log, mail_log])
        session.flush()
        made.contact, made.log, made.mail_log = contact.id, log.id, mail_log.id
    folder = "2026-0001 Rivera v. Okafor"
    made.letter = add_document(store, made.rivera, "Letter from opposing counsel re extension",
                               "We agree to the extension of time to answer.", date(2026, 11, 10), root=root,
                               folder=folder, kind="correspondence")
    made.mail = add_document(store, made.rivera, "RE: extension", "Confirming the extension by e-mail, O'Neil.",
                             date(2026, 11, 12), root=root, folder=folder, kind="email", communication_id=made.mail_log)
    made.notice = add_document(store, made.lease, "Notice of lease extension", "The tenant asks for an extension.",
                               date(2026, 11, 11), root=root, folder="2026-0002 Lease of Elm Street")
    made.deleted = add_document(store, made.lease, "Draft extension (withdrawn)", "extension draft",
                                date(2026, 11, 15), root=root, folder="2026-0002 Lease of Elm Street")
    with store.write() as session:
        session.get(DocumentRow, made.deleted).deleted_at = FILED
    return made


def fake_tesseract(folder: Path, says: str) -> str:
    """A stand-in for Tesseract in `folder`: checks it was given a grey PGM image and 'stdout', and prints `says`."""
    program = folder / "tesseract"
    program.write_text("#!/bin/sh\nhead -c 2 \"$1\" | grep -q P5 || exit 3\n"
                       f"[ \"$2\" = stdout ] || exit 4\nprintf '%s' '{says}'\n", encoding="utf-8")
    program.chmod(0o755)
    return str(program)
