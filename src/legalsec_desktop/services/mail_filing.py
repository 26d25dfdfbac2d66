"""Filing an e-mail (.eml or Outlook .msg) into a matter in one transaction: the mail as a document, each
attachment as a document of its own linked to it, and the mail's line in the matter's correspondence log."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.document_models import DocumentRow
from legalsec_desktop.db.models import CommunicationRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.document_names import extension_of, title_from_file_name
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.mail_matter import fold_address
from legalsec_desktop.formats.mail_file import Address, Attachment, Mail, read_mail, safe_file_name
from legalsec_desktop.services.document_filing import _opener, _refused, _why
from legalsec_desktop.services.document_root import check_root
from legalsec_desktop.services.document_root import refused as refused_root
from legalsec_desktop.services.document_rows import DocumentDraft, FilingResult
from legalsec_desktop.services.document_store import Copied, copy_in, matter_folder, new_files, store_file

MAIL_EXTENSIONS = (".eml", ".msg")
SUBJECT_LIMIT = 300  # the longest title, subject and correspondent the tables take
SUMMARY_LINES = 5
SUMMARY_CHARS = 600
NO_SUBJECT = "(no subject)"
# what an attachment counts as: the papers of the correspondence, or something else (a picture, an archive)
CORRESPONDENCE_EXTENSIONS = {".pdf", ".doc", ".docx", ".rtf", ".txt", ".odt", ".eml", ".msg", ".wpd", ".htm",
                             ".html"}


def is_mail_file(path: Path) -> bool:
    """Whether `path` is filed as an e-mail (by its extension: .eml or .msg)."""
    return extension_of(path.name) in MAIL_EXTENSIONS


@dataclass(frozen=True)
class _Filed:
    """What the transaction did: the e-mail's document id and title, whether it was a duplicate, its attachments."""

    document_id: int
    title: str
    duplicate: bool
    attachments: tuple[FilingResult, ...] = ()


@dataclass
class _Copies:
    """The mail's file and its attachments, copied into the matter's folder before the transaction (a big mail
    never holds the database's write lock while it is copied); an attachment that could not be read: its reason."""

    mail: Copied | None = None
    attachments: list[tuple[str, Copied | str]] = field(default_factory=list)

    def discard(self) -> None:
        for copied in (self.mail, *(item for _name, item in self.attachments)):
            if isinstance(copied, Copied):
                copied.discard()


def file_mail(store: Store, root: Path, matter_id: int, path: Path, clock: Clock, by: str,
              direction: str | None = None, folder: Path | None = None) -> FilingResult:
    """Files the e-mail at `path` into the matter: 'filed' (with its attachments' results), 'duplicate' (the same
    Message-ID or the same file already in the matter: nothing written) or 'refused' with the reason.

    The mail, its attachments and its log entry (direction 'in' unless told) are one transaction: all or nothing.
    A file that is not a readable e-mail is filed all the same, flagged with the reason, and not logged.
    DocumentRootError, before anything is written, when the documents folder cannot take files; a caller that
    has checked it and made the matter's folder passes that `folder`.
    """
    if direction not in (None, "in", "out"):
        raise ValidationError("direction", "An e-mail is either received ('in') or sent ('out').")
    if folder is None:
        folder = _matter_folder(store, check_root(root), matter_id)
    source = str(path)
    try:
        seen = path.stat()
        if not path.is_file():
            return _refused(source, "it is not a file")
    except OSError as error:
        return _refused(source, _why(error))
    mail = read_mail(path)
    file_date = datetime.fromtimestamp(seen.st_mtime, timezone.utc)
    copies = _Copies()
    try:
        earlier = _same_message(store, matter_id, mail.message_id)
        if earlier is not None:
            return FilingResult(source, "duplicate", f"already filed as “{earlier[1]}”", *earlier)
        copies.mail = copy_in(folder, _opener(path))
        if not mail.flag:
            _copy_attachments(folder, mail.attachments, copies.attachments)
        with new_files() as written, store.write() as session:
            done = _file_in(session, root, matter_id, path, mail, file_date, clock.utc_now(), by,
                            direction or "in", written, copies)
    except UserFixableError as error:
        return _refused(source, error.message)
    except OSError as error:
        return _refused(source, _why(error))
    finally:
        copies.discard()
    if done.duplicate:
        return FilingResult(source, "duplicate", f"already filed as “{done.title}”", done.document_id, done.title)
    if mail.flag:
        return FilingResult(source, "filed", f"filed as “{done.title}”, not logged: {mail.reason}",
                            done.document_id, done.title, mail.flag, mail.reason)
    return FilingResult(source, "filed", f"filed as “{done.title}” and logged", done.document_id, done.title,
                        attachments=done.attachments)


def _matter_folder(store: Store, root: Path, matter_id: int) -> Path:
    try:
        with store.write() as session:
            return Path(root) / matter_folder(session, root, matter_id)
    except OSError as error:
        raise refused_root(root, error) from None


def _same_message(store: Store, matter_id: int, message_id: str) -> tuple[int, str] | None:
    if not message_id:
        return None
    with store.read() as session:
        return _earlier_message(session, matter_id, message_id)


def _earlier_message(session: Session, matter_id: int, message_id: str) -> tuple[int, str] | None:
    """The matter's e-mail (not deleted) with this Message-ID: (its id, its title), or None."""
    if not message_id:
        return None
    found = session.execute(
        select(DocumentRow.id, DocumentRow.title)
        .where(DocumentRow.matter_id == matter_id, DocumentRow.message_id == message_id,
               DocumentRow.kind == "email", DocumentRow.deleted_at.is_(None))
        .order_by(DocumentRow.id).limit(1)).first()
    return None if found is None else (found.id, found.title)


def _copy_attachments(folder: Path, attachments: tuple[Attachment, ...],
                      copies: list[tuple[str, Copied | str]]) -> None:
    """Each attachment copied into `folder`, added to `copies` as soon as it is there (so that it is removed if
    a later one fails)."""
    for number, attachment in enumerate(attachments, start=1):
        name = safe_file_name(attachment.name, f"attachment {number}")
        try:
            data = attachment.read()
        except Exception as error:  # noqa: BLE001 - one unreadable attachment must not stop the mail's filing
            copies.append((name, f"the attachment could not be read ({type(error).__name__})"))
            continue
        copies.append((name, copy_in(folder, functools.partial(io.BytesIO, data))))


def _file_in(session: Session, root: Path, matter_id: int, path: Path, mail: Mail, file_date: datetime,
             now: datetime, by: str, direction: str, written: list[Path], copies: _Copies) -> _Filed:
    """The filing itself, in the caller's transaction."""
    earlier = _earlier_message(session, matter_id, mail.message_id)  # filed meanwhile by another program?
    if earlier is not None:
        return _Filed(*earlier, True)
    draft = mail_draft(mail, path.name, file_date)
    document_id, duplicate = store_file(session, root, matter_id, _opener(path), draft, now, by, written,
                                        copied=copies.mail)
    if duplicate:
        return _Filed(document_id, _title_of(session, document_id), True)
    if mail.flag:
        return _Filed(document_id, draft.title, False)
    entry = CommunicationRow(matter_id=matter_id, kind="email", direction=direction,
                             occurred_at=mail.sent_at or file_date,
                             with_whom=_clip(_correspondent(mail, direction)), subject=draft.title,
                             summary=summary_of(mail.body_text))
    session.add(entry)
    session.flush()
    row = session.get(DocumentRow, document_id)
    assert row is not None
    row.communication_id = entry.id
    results = [_file_attachment(session, root, matter_id, document_id, draft, name, copied, now, by, written)
               for name, copied in copies.attachments]
    session.flush()
    return _Filed(document_id, draft.title, False, tuple(results))


def _file_attachment(session: Session, root: Path, matter_id: int, mail_id: int, mail: DocumentDraft, name: str,
                     copied: Copied | str, now: datetime, by: str, written: list[Path]) -> FilingResult:
    if isinstance(copied, str):
        return FilingResult(name, "refused", f"not filed: {copied}", reason=copied)
    kind = "correspondence" if extension_of(name) in CORRESPONDENCE_EXTENSIONS else "other"
    draft = DocumentDraft(title=_clip(title_from_file_name(name)) or name, kind=kind, doc_date=mail.doc_date,
                          original_name=name, author=mail.author, recipients=mail.recipients,
                          description=_clip(f"Attached to the e-mail “{mail.title}”", 1000), parent_id=mail_id)
    document_id, duplicate = store_file(session, root, matter_id, _no_source, draft, now, by, written,
                                        copied=copied)
    if duplicate:
        title = _title_of(session, document_id)
        return FilingResult(name, "duplicate", f"already filed as “{title}”", document_id, title)
    return FilingResult(name, "filed", f"filed as “{draft.title}”", document_id, draft.title)


def _no_source() -> BinaryIO:
    raise AssertionError("an attachment is copied in before the transaction")


def mail_draft(mail: Mail, file_name: str, file_date: datetime) -> DocumentDraft:
    """The e-mail's document: titled by its subject, dated by its own Date header (local), else by its file."""
    if mail.flag:
        title = title_from_file_name(file_name) or NO_SUBJECT
    else:
        title = " ".join(mail.subject.split()) or NO_SUBJECT
    recipients = ", ".join(shown_address(address) for address in (*mail.to, *mail.cc))
    return DocumentDraft(
        title=_clip(title), kind="email", doc_date=to_local(mail.sent_at or file_date).date(),
        original_name=file_name, author=_clip(shown_address(mail.sender)), recipients=recipients,
        description=mail.reason, sender_address=fold_address(mail.sender.address), message_id=mail.message_id,
        thread_ids=" ".join(dict.fromkeys(item for item in (mail.in_reply_to, *mail.references) if item)))


def shown_address(address: Address) -> str:
    """'Jane Doe <jane@x.com>', or whichever of the two the mail gave."""
    name, where = address.name.strip(), address.address.strip()
    if name and where and name.casefold() != where.casefold():
        return f"{name} <{where}>"
    return name or where


def summary_of(body: str) -> str:
    """The first lines of a body for the log: its first non-blank lines, up to the quoted reply."""
    lines: list[str] = []
    for line in body.splitlines():
        text = " ".join(line.split())
        if text.startswith(">") or (text.startswith("On ") and text.endswith("wrote:")):
            break
        if text:
            lines.append(text)
        if len(lines) == SUMMARY_LINES:
            break
    summary = "\n".join(lines)
    return summary if len(summary) <= SUMMARY_CHARS else summary[: SUMMARY_CHARS - 1].rstrip() + "…"


def _correspondent(mail: Mail, direction: str) -> str:
    """Whom the e-mail was with: its sender when received, its first recipient(s) when sent."""
    if direction == "out" and (mail.to or mail.cc):
        return ", ".join(address.name or address.address for address in (*mail.to, *mail.cc))
    return mail.sender.name or mail.sender.address


def _clip(text: str, limit: int = SUBJECT_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _title_of(session: Session, document_id: int) -> str:
    row = session.get(DocumentRow, document_id)
    return row.title if row is not None else ""
