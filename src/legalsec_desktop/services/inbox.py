"""The watched inbox folder (where the scanner saves): its files, each with a suggested matter and whether it is
already filed (the same content); a filed one can be moved aside into the inbox's 'Filed' subfolder."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.document_models import DocumentRow, DocumentVersionRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.document_names import passed_by
from legalsec_desktop.domain.mail_matter import MailClues, MatterRef
from legalsec_desktop.fsutil import fsync_folder, unused_path
from legalsec_desktop.services import mail_suggest
from legalsec_desktop.services.mail_filing import is_mail_file
from legalsec_desktop.services.stored_files import content_hash, link_new, remove_file

FILED_FOLDER = "Filed"  # the inbox's subfolder that files already filed are moved into, when the user asks
SETTLING = timedelta(seconds=3)  # a file changed this recently may still be being written (a scanner, a copy)


@dataclass(frozen=True)
class InboxEntry:
    """One file lying in the inbox, as seen on disk."""

    path: Path
    size: int
    modified: datetime  # UTC
    modified_ns: int


@dataclass(frozen=True)
class InboxFile:
    """A file in the inbox as the Files tab shows it: a suggested matter (id and why), and the document it was
    already filed as (same content), if any."""

    entry: InboxEntry
    matter_id: int | None = None
    matter_number: str = ""
    reason: str = ""
    filed_id: int | None = None
    filed_title: str = ""


def inbox_entries(folder: Path, now: datetime) -> tuple[list[InboxEntry], bool]:
    """The inbox's settled files, oldest first, and whether some were left out because they are still being
    written (changed within SETTLING of `now`): look again shortly. Subfolders (its 'Filed') are not looked in."""
    entries: list[InboxEntry] = []
    unsettled = False
    with os.scandir(folder) as scan:
        for item in scan:
            if passed_by(item.name):  # hidden, temporary (a download under way), the system's own
                continue
            try:
                if not item.is_file():
                    continue
                seen = item.stat()
            except OSError:
                continue  # gone, or not ours to read: not offered
            modified = datetime.fromtimestamp(seen.st_mtime, timezone.utc)
            if timedelta(0) <= now - modified < SETTLING:
                unsettled = True
                continue
            entries.append(InboxEntry(Path(item.path), seen.st_size, modified, seen.st_mtime_ns))
    entries.sort(key=lambda e: (e.modified, e.path.name))
    return entries, unsettled


@dataclass(frozen=True)
class _Read:
    """What was read of one inbox file: its content's hash ('' when it could not be read) and, for an e-mail that
    could be read, the clues to its matter."""

    digest: str
    clues: MailClues | None


class InboxCache:
    """What was read of each inbox file, by (path, size, modified): a file is hashed, and an e-mail parsed, once,
    not at every look; only the files still in the inbox are kept."""

    def __init__(self) -> None:
        self._read: dict[tuple[Path, int, int], _Read] = {}

    def __len__(self) -> int:
        return len(self._read)

    def read(self, entry: InboxEntry) -> _Read:
        key = (entry.path, entry.size, entry.modified_ns)
        if key not in self._read:
            self._read[key] = _read(entry.path)
        return self._read[key]

    def keep_only(self, entries: list[InboxEntry]) -> None:
        present = {(entry.path, entry.size, entry.modified_ns) for entry in entries}
        for key in [key for key in self._read if key not in present]:
            del self._read[key]


def _read(path: Path) -> _Read:
    try:
        digest = content_hash(path)
    except OSError:
        digest = ""
    if not is_mail_file(path):
        return _Read(digest, None)
    from legalsec_desktop.formats.mail_file import read_mail

    mail = read_mail(path)
    return _Read(digest, None if mail.flag else mail_suggest.clues_of(mail))


def inbox_files(store: Store, entries: list[InboxEntry], cache: InboxCache) -> list[InboxFile]:
    """Each entry with its suggested matter and the live document of the same content, all read in one session.
    `cache` keeps what was read of the files before (a large scan is hashed once, an e-mail parsed once); it is
    left holding only `entries`."""
    read = [cache.read(entry) for entry in entries]
    cache.keep_only(entries)
    with store.read() as session:
        matters = mail_suggest.matter_refs(session)
        return [_judged(session, matters, entry, seen) for entry, seen in zip(entries, read, strict=True)]


def _judged(session: Session, matters: list[MatterRef], entry: InboxEntry, seen: _Read) -> InboxFile:
    suggestion = None
    if seen.clues is not None:  # an e-mail: its subject, body, thread and sender
        suggestion = mail_suggest.suggestion_in(session, seen.clues, matters)
    if suggestion is None:  # a matter or case number in the file's name
        suggestion = mail_suggest.suggestion_in(session, MailClues(subject=entry.path.stem, body=""), matters)
        if suggestion is not None:
            suggestion = replace(suggestion, reason=suggestion.reason.replace("the subject", "the file name"))
    filed = session.execute(
        select(DocumentRow.id, DocumentRow.title)
        .join(DocumentVersionRow, DocumentVersionRow.document_id == DocumentRow.id)
        .where(DocumentVersionRow.sha256 == seen.digest, DocumentRow.deleted_at.is_(None))
        .order_by(DocumentRow.id).limit(1)).first() if seen.digest else None
    number = next((matter.number for matter in matters if suggestion and matter.matter_id == suggestion.matter_id),
                  "")
    return InboxFile(entry, suggestion.matter_id if suggestion else None, number,
                     suggestion.reason if suggestion else "", filed.id if filed else None, filed.title if filed else "")


def move_to_filed(path: Path) -> Path:
    """Move an inbox file into the inbox's 'Filed' subfolder (made when missing), never over another file; the
    file itself is not changed. Returns where it went."""
    folder = path.parent / FILED_FOLDER
    folder.mkdir(exist_ok=True)
    while True:
        target = unused_path(lambda suffix: folder / f"{path.stem}{suffix}{path.suffix}")
        try:
            link_new(path, target)  # claims the name: fails, never overwrites, when another program took it
            break
        except FileExistsError:
            continue
    try:
        remove_file(path)  # gone already when the name was claimed by a move (no hard links there)
    except OSError:
        remove_file(target)  # the file stays where it was, once only
        raise
    fsync_folder(folder)
    return target
