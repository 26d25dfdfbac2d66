"""Reading the text of filed documents into the search index: the file is read outside any transaction, then a
short transaction records what was found (indexed, or the flag and its reason) and puts title and text in the
index. Safe on a worker thread: every call opens its own sessions."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.document_models import DocumentRow, DocumentVersionRow
from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.db.store import Store
from legalsec_desktop.formats.mail_file import Address, read_mail
from legalsec_desktop.formats.text_extract import extract
from legalsec_desktop.services.document_store import file_path
from legalsec_desktop.services.document_versions import is_newest, newest_versions
from legalsec_desktop.services.mail_filing import MAIL_EXTENSIONS

log = logging.getLogger("legalsec")
BATCH = 25  # documents recorded per transaction: short transactions, few commits
BATCH_CHARS = 2_000_000  # ... or fewer, when their texts are long
MISSING = "missing"
Progress = Callable[[int, int], None]  # documents done, documents in all


@dataclass(frozen=True)
class IndexRun:
    """What a run of the indexing did: how many documents were read, how many of them got a flag, and how many
    files were not there."""

    read: int = 0
    flagged: int = 0
    missing: int = 0


@dataclass(frozen=True)
class _Waiting:
    version_id: int
    document_id: int
    path: str
    kind: str
    sha256: str  # the content the text is read from: a rescan may record other content meanwhile


@dataclass(frozen=True)
class _Read:
    waiting: _Waiting
    text: str
    flag: str  # '' (read), a flag of formats.text_extract, or MISSING
    reason: str


def _waiting(store: Store, document_ids: Iterable[int] | None, limit: int | None) -> list[_Waiting]:
    newest = newest_versions()
    query = (select(DocumentVersionRow.id, DocumentVersionRow.document_id, DocumentVersionRow.path, DocumentRow.kind,
                    DocumentVersionRow.sha256)
             .join(newest, is_newest(newest))
             .join(DocumentRow, DocumentRow.id == DocumentVersionRow.document_id)
             .where(DocumentVersionRow.text_state == "waiting", DocumentRow.deleted_at.is_(None))
             .order_by(DocumentVersionRow.id))
    if document_ids is None:
        query = query.where(DocumentVersionRow.missing_since.is_(None))  # a rescan brings them back
    else:
        query = query.where(DocumentVersionRow.document_id.in_(list(document_ids)))
    if limit is not None:
        query = query.limit(limit)
    with store.read() as session:
        return [_Waiting(*row) for row in session.execute(query)]


def read_text(path: Path, kind: str) -> tuple[str, str, str]:
    """The text of a stored file for the index: (text, flag, reason); an e-mail gives its sender, recipients,
    subject and body. Never raises."""
    try:
        if not path.exists():
            return "", MISSING, "The file is not in the documents folder (moved or deleted outside the program)."
        if (path.suffix.lower() in MAIL_EXTENSIONS or kind == "email") and path.stat().st_size > 0:
            mail = read_mail(path)
            if mail.flag:
                return "", mail.flag, mail.reason
            return _mail_text(mail.sender, mail.to + mail.cc, mail.subject, mail.body_text), "", ""
        found = extract(path)
        return found.text, found.flag, found.reason
    except Exception as error:  # noqa: BLE001 - one unreadable file must never stop the indexing of the others
        log.warning("reading a document's text failed (%s)", type(error).__name__, exc_info=True)
        return "", "failed", f"The text could not be read ({type(error).__name__})."


def _mail_text(sender: Address, recipients: tuple[Address, ...], subject: str, body: str) -> str:
    people = [" ".join(part for part in person if part) for person in (sender, *recipients)]
    return "\n".join(part for part in (" ".join(people), subject, body) if part)


def _record(store: Store, found: list[_Read], clock: Clock) -> None:
    """One short transaction: each version's state and note, and its document's title and text in the index."""
    now = clock.utc_now()
    with store.write() as session:
        index = search_index(session)
        for item in found:
            version = session.get(DocumentVersionRow, item.waiting.version_id)
            if version is None or version.text_state != "waiting" or version.sha256 != item.waiting.sha256:
                continue  # changed meanwhile (read again, or other content found by a rescan): a later run reads it
            if item.flag == MISSING:
                version.missing_since = version.missing_since or now
                continue
            version.text_state = item.flag or "indexed"
            version.text_note = item.reason
            version.indexed_at = now
            version.missing_since = None
            document = session.get(DocumentRow, version.document_id)
            newer = session.scalar(select(func.count()).where(DocumentVersionRow.document_id == version.document_id,
                                                              DocumentVersionRow.number > version.number))
            if document is not None and not newer:  # deleted meanwhile too: its entry stays, for a restore
                on: date = document.doc_date
                index.put_document(session, document.id, document.matter_id, on, document.title, item.text)


def _run(store: Store, root: Path, waiting: list[_Waiting], clock: Clock,
         progress: Progress | None) -> list[_Read]:
    done: list[_Read] = []
    batch: list[_Read] = []
    chars = 0
    for count, item in enumerate(waiting, start=1):
        text, flag, reason = read_text(file_path(root, item.path), item.kind)
        batch.append(_Read(item, text, flag, reason))
        chars += len(text)
        if len(batch) >= BATCH or chars >= BATCH_CHARS:
            _record(store, batch, clock)
            done += [_Read(read.waiting, "", read.flag, read.reason) for read in batch]  # the texts let go
            batch, chars = [], 0
        if progress is not None:
            progress(count, len(waiting))
    if batch:
        _record(store, batch, clock)
        done += [_Read(read.waiting, "", read.flag, read.reason) for read in batch]
    return done


def index_waiting(store: Store, root: Path, clock: Clock, progress: Progress | None = None,
                  limit: int | None = None) -> IndexRun:
    """Reads the text of every document (its newest version) waiting to be read, at most `limit` of them."""
    done = _run(store, root, _waiting(store, None, limit), clock, progress)
    missing = sum(1 for read in done if read.flag == MISSING)
    flagged = sum(1 for read in done if read.flag and read.flag != MISSING)
    return IndexRun(read=len(done) - missing, flagged=flagged, missing=missing)


def index_documents(store: Store, root: Path, document_ids: Iterable[int], clock: Clock) -> dict[int, tuple[str, str]]:
    """Reads the text of these documents (those waiting to be read): {document id: (flag, reason)}, flag '' when
    the text was read, 'missing' when the file is not there."""
    done = _run(store, root, _waiting(store, list(document_ids), None), clock, None)
    return {read.waiting.document_id: (read.flag, read.reason) for read in done}
