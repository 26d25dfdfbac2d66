"""The watched inbox folder (where the scanner saves): its files, each with a suggested matter and whether it is
already filed (the same content); a filed one can be moved aside into the inbox's 'Filed' subfolder."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select

from legalsec_desktop.db.document_models import DocumentRow, DocumentVersionRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.document_names import passed_by
from legalsec_desktop.domain.mail_matter import MailClues
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


def inbox_files(store: Store, entries: list[InboxEntry], hashes: dict[tuple[Path, int, int], str]) -> list[InboxFile]:
    """Each entry with its suggested matter and the live document of the same content. `hashes` keeps what was
    hashed before, by (path, size, modified): a large scan is read once, not at every look."""
    found: list[InboxFile] = []
    for entry in entries:
        key = (entry.path, entry.size, entry.modified_ns)
        if key not in hashes:
            try:
                hashes[key] = content_hash(entry.path)
            except OSError:
                hashes[key] = ""
        found.append(_judged(store, entry, hashes[key]))
    return found


def _judged(store: Store, entry: InboxEntry, digest: str) -> InboxFile:
    suggestion = None
    if is_mail_file(entry.path):
        from legalsec_desktop.formats.mail_file import read_mail

        mail = read_mail(entry.path)
        if not mail.flag:
            suggestion = mail_suggest.suggest_matter(store, mail)
    with store.read() as session:
        if suggestion is None:  # a matter or case number in the file's name
            suggestion = mail_suggest.suggestion_in(session, MailClues(subject=entry.path.stem, body=""))
            if suggestion is not None:
                suggestion = replace(suggestion, reason=suggestion.reason.replace("the subject", "the file name"))
        filed = session.execute(
            select(DocumentRow.id, DocumentRow.title)
            .join(DocumentVersionRow, DocumentVersionRow.document_id == DocumentRow.id)
            .where(DocumentVersionRow.sha256 == digest, DocumentRow.deleted_at.is_(None))
            .order_by(DocumentRow.id).limit(1)).first() if digest else None
        number = ""
        if suggestion is not None:
            from legalsec_desktop.db.models import MatterRow

            number = session.get(MatterRow, suggestion.matter_id).number  # type: ignore[union-attr]
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
