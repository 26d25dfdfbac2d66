"""Filing letters already made: each copied into its matter's folder before the transaction, then in ONE
transaction filed as a correspondence document, logged as an outgoing letter (follow-up to-do, time entry), the
document linked to its log entry and its template's use counted. A failure removes every file it made."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.document_models import DocumentRow, DocumentVersionRow
from legalsec_desktop.db.letter_models import LetterTemplateRow
from legalsec_desktop.db.models import TodoRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.communications import CommunicationDraft
from legalsec_desktop.domain.document_names import safe_name
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.services.communications import TimeForEntry, log_in
from legalsec_desktop.services.document_root import refused as refused_root
from legalsec_desktop.services.document_rows import DocumentDraft
from legalsec_desktop.services.document_store import Copied, copy_in, file_path, matter_folder, new_files, store_file
from legalsec_desktop.services.users import current_user


@dataclass(frozen=True)
class Drafted:
    """A letter made and checked, ready to be filed: its matter, its bytes, its document's title, its template,
    whom it is to, who signs, its log entry and the time to record."""

    matter_id: int
    docx: bytes
    title: str
    template_id: int
    template_name: str
    recipient: str
    signer: str
    entry: CommunicationDraft
    time: TimeForEntry | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CreatedLetter:
    """A letter filed and logged: its document, its log entry, its stored file, its follow-up to-do and its time
    entry (None when there is none)."""

    document_id: int
    communication_id: int
    path: Path
    todo_id: int | None = None
    time_entry_id: int | None = None
    warnings: tuple[str, ...] = ()  # what the user should know (a recipient with no address …)
    recipient: str = ""  # whom it is to, as logged


def file_letters(store: Store, root: Path, letters: list[Drafted]) -> list[CreatedLetter]:
    """Files and logs every letter in one transaction (all or none); `root` is the checked documents folder."""
    folders: dict[int, Path] = {}
    copies: list[Copied] = []
    try:
        for letter in letters:
            if letter.matter_id not in folders:
                folders[letter.matter_id] = _folder(store, root, letter.matter_id)
            copies.append(copy_in(folders[letter.matter_id], functools.partial(io.BytesIO, letter.docx)))
        with new_files() as written, store.write() as session:
            now, today = store.clock.utc_now(), store.clock.today()
            made: list[CreatedLetter] = []
            for letter, copied in zip(letters, copies, strict=True):
                draft = DocumentDraft(title=letter.title, kind="correspondence", doc_date=today,
                                      original_name=safe_name(f"{letter.title}.docx", "letter.docx"),
                                      author=letter.signer, recipients=letter.recipient,
                                      description=f"Made from the template “{letter.template_name}”.")
                document_id, duplicate = store_file(session, root, letter.matter_id, _never_opened, draft, now,
                                                    current_user(), written, copied=copied)
                document = session.get(DocumentRow, document_id)
                assert document is not None
                if duplicate:
                    raise ValidationError("template", f"The very same letter is already filed in the matter as "
                                                      f"“{shown(document.title)}”; nothing was filed or logged.")
                entry_id, time_id = log_in(session, now, letter.entry, time=letter.time)
                document.communication_id = entry_id
                template = session.get(LetterTemplateRow, letter.template_id)
                if template is not None:  # removed from the list meanwhile: the letter is made all the same
                    template.last_used_at, template.use_count = now, (template.use_count or 0) + 1
                todo_id = session.scalar(select(TodoRow.id).where(TodoRow.communication_id == entry_id))
                session.flush()
                made.append(CreatedLetter(document_id, entry_id, file_path(root, _newest_path(session, document_id)),
                                          todo_id, time_id, letter.warnings, letter.recipient))
            return made
    except OSError as error:
        raise UserFixableError(f"The letter could not be filed in the documents folder ({error.strerror or error}). "
                               "Nothing was filed or logged.") from None
    finally:
        for copied in copies:
            copied.discard()


def _folder(store: Store, root: Path, matter_id: int) -> Path:
    try:
        with store.write() as session:
            return Path(root) / matter_folder(session, root, matter_id)
    except OSError as error:
        raise refused_root(root, error) from None


def _newest_path(session: Session, document_id: int) -> str:
    return session.scalars(select(DocumentVersionRow.path).where(DocumentVersionRow.document_id == document_id)
                           .order_by(DocumentVersionRow.number.desc()).limit(1)).one()


def _never_opened() -> BinaryIO:
    raise AssertionError("a letter is copied in before its transaction")
