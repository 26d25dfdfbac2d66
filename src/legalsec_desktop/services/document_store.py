"""Putting one file into a matter's folder of the document store: copied in chunks and hashed, recognised when it
is already there, given a free name (never overwriting), and recorded as a document or a new version.

The caller's transaction owns the rows; the files made are listed in `written`, and `new_files()` removes them
when the transaction fails, so a failed filing leaves neither a row nor a stray file. The source is only read.
Put new_files() outside the transaction, so that a failure at the commit removes the files too:

    with new_files() as written, store.write() as session:
        document_id, duplicate = store_file(session, root, matter_id, open_source, draft, now, by, written)
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from legalsec_desktop.db.document_models import DocumentFolderRow, DocumentRow, DocumentVersionRow
from legalsec_desktop.db.models import MatterRow
from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.domain.document_names import PARTIAL_PREFIX, extension_of, folder_name, free_name, stored_name
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.fsutil import fsync_folder
from legalsec_desktop.services.document_root import DocumentRootError, check_root
from legalsec_desktop.services.document_rows import DocumentDraft, VersionItem
from legalsec_desktop.services.stored_files import hashed_chunks, link_new, make_read_only, remove_files

__all__ = ["Copied", "DocumentRootError", "check_root", "copy_in", "file_path", "matter_folder", "new_files",
           "store_file", "store_version"]


@dataclass(frozen=True)
class Copied:
    """A source copied into a hidden temporary file of a matter's folder (see copy_in): where, its SHA-256, its size.
    store_file and store_version take it over (it becomes the stored file, or is removed)."""

    partial: Path
    sha256: str
    size: int

    def discard(self) -> None:
        """Removes the temporary file (nothing happens when it has been used or removed)."""
        _discard(self.partial)


@contextlib.contextmanager
def new_files() -> Iterator[list[Path]]:
    """A list for the files a transaction writes; if the block raises, they are removed (nothing stray left)."""
    written: list[Path] = []
    try:
        yield written
    except BaseException:
        remove_files(written)
        raise


def file_path(root: Path, version: VersionItem | DocumentVersionRow | str) -> Path:
    """Where a version's file is under `root` (its path is kept relative, '/' between folders)."""
    relative = version if isinstance(version, str) else version.path
    return Path(root).joinpath(*relative.split("/"))


def matter_folder(session: Session, root: Path, matter_id: int) -> str:
    """The name of the matter's folder under `root`, made (and recorded) on its first filing. Its name is kept:
    renaming the matter later does not move its files."""
    row = session.get(DocumentFolderRow, matter_id)
    if row is None:
        matter = session.get(MatterRow, matter_id)
        if matter is None:
            raise ValidationError("matter", "That matter is no longer there; nothing was filed.")
        used = {name.casefold() for name in session.scalars(select(DocumentFolderRow.folder))}
        while True:  # a folder already on the disk is not taken over (another database's, or the user's own)
            name = free_name(folder_name(matter.number, matter.caption, matter.title),
                             lambda n: n.casefold() in used or os.path.lexists(Path(root) / n))
            try:
                (Path(root) / name).mkdir()
                break
            except FileExistsError:
                continue  # made by another program in the meantime: look again
        row = DocumentFolderRow(matter_id=matter_id, folder=name)
        session.add(row)
        session.flush()
        return row.folder
    (Path(root) / row.folder).mkdir(exist_ok=True)
    return row.folder


def store_file(session: Session, root: Path, matter_id: int, open_source: Callable[[], BinaryIO],
               draft: DocumentDraft, now: datetime, by: str, written: list[Path],
               copied: Copied | None = None, sync_folder: bool = True) -> tuple[int, bool]:
    """Files one source as a new document of the matter (version 1, its text waiting to be read); `now` is the
    UTC instant of the filing. Returns (document id, False); when the matter already holds a document whose newest
    version has the same content, nothing is written and (that document's id, True) is returned.

    `copied`: the source already copied into the matter's folder by copy_in (outside the transaction, so that a
    big file does not hold the database's write lock while it is copied); `open_source` is then not called.
    `sync_folder` False: the caller flushes the folder to the disk itself, once for a batch, before it commits."""
    folder = matter_folder(session, root, matter_id)
    partial, digest, size = _taken_over(copied, Path(root) / folder, open_source)
    same = _same_content(session, matter_id, digest) if size else None  # every empty file is alike: not one
    if same is not None:
        _discard(partial)
        return same, True
    try:
        path = _place(session, root, folder, partial, stored_name(draft.doc_date, draft.title,
                                                                  extension_of(draft.original_name)), written,
                      sync_folder)
    except BaseException:
        _discard(partial)
        raise
    document = DocumentRow(
        matter_id=matter_id, title=draft.title, kind=draft.kind, doc_date=draft.doc_date, author=draft.author,
        recipients=draft.recipients, description=draft.description, sender_address=draft.sender_address,
        message_id=draft.message_id, thread_ids=draft.thread_ids, parent_id=draft.parent_id,
        communication_id=draft.communication_id, filed_at=now, filed_by=by)
    session.add(document)
    session.flush()
    _add_version(session, document.id, 1, path, root, draft.original_name, digest, size, now)
    search_index(session).put_document(session, document.id, matter_id, draft.doc_date, draft.title, "")
    return document.id, False


def store_version(session: Session, root: Path, document_id: int, open_source: Callable[[], BinaryIO],
                  original_name: str, now: datetime, written: list[Path],
                  copied: Copied | None = None) -> tuple[int, bool]:
    """Files one source as the next version of a document ('… (v2).pdf'; older versions stay). Returns
    (version number, False); the same content as its newest version -> (that number, True), nothing written.
    `copied` as for store_file."""
    document = session.get(DocumentRow, document_id)
    if document is None:
        raise ValidationError("document", "That document is no longer there; nothing was filed.")
    newest = session.scalars(select(DocumentVersionRow).where(DocumentVersionRow.document_id == document_id)
                             .order_by(DocumentVersionRow.number.desc()).limit(1)).first()
    folder = matter_folder(session, root, document.matter_id)
    partial, digest, size = _taken_over(copied, Path(root) / folder, open_source)
    if newest is not None and newest.sha256 == digest:
        _discard(partial)
        return newest.number, True
    number = (newest.number if newest is not None else 0) + 1
    extension = extension_of(original_name) or (extension_of(newest.path) if newest is not None else "")
    try:
        path = _place(session, root, folder, partial, stored_name(document.doc_date, document.title, extension,
                                                                  number), written)
    except BaseException:
        _discard(partial)
        raise
    _add_version(session, document_id, number, path, root, original_name, digest, size, now)
    return number, False


def _add_version(session: Session, document_id: int, number: int, path: str, root: Path, original_name: str,
                 digest: str, size: int, now: datetime) -> None:
    seen = file_path(root, path).stat()
    session.add(DocumentVersionRow(
        document_id=document_id, number=number, path=path, original_name=original_name, sha256=digest,
        size_bytes=size, modified_ns=seen.st_mtime_ns, filed_at=now, text_state="waiting", text_note=""))
    session.flush()


def _taken_over(copied: Copied | None, folder: Path, open_source: Callable[[], BinaryIO]) -> tuple[Path, str, int]:
    if copied is None:
        copied = copy_in(folder, open_source)
    elif copied.partial.parent != folder:
        copied.discard()
        raise ValueError("a copy must be made in the folder of the document's matter")
    return copied.partial, copied.sha256, copied.size


def copy_in(folder: Path, open_source: Callable[[], BinaryIO]) -> Copied:
    """The source copied into a hidden temporary file in `folder`, a chunk at a time (never whole in memory),
    hashed as it goes and flushed to the disk."""
    handle, name = tempfile.mkstemp(dir=folder, prefix=PARTIAL_PREFIX, suffix=".part")
    partial = Path(name)
    digest, size = hashlib.sha256(), 0
    try:
        with os.fdopen(handle, "wb") as target, open_source() as source:
            for chunk in hashed_chunks(source, digest):
                target.write(chunk)
                size += len(chunk)
            target.flush()
            os.fsync(target.fileno())
    except BaseException:
        _discard(partial)
        raise
    return Copied(partial, digest.hexdigest(), size)


def _discard(partial: Path) -> None:
    remove_files([partial], "a temporary file of a filing")


def _same_content(session: Session, matter_id: int, digest: str) -> int | None:
    """The matter's (not deleted) document whose newest version has this content, if any (found through the
    content's index: as fast in a matter of 10,000 documents as in a new one)."""
    later = aliased(DocumentVersionRow)
    return session.scalar(
        select(DocumentRow.id)
        .join(DocumentVersionRow, DocumentVersionRow.document_id == DocumentRow.id)
        .where(DocumentVersionRow.sha256 == digest, DocumentRow.matter_id == matter_id,
               DocumentRow.deleted_at.is_(None),
               ~select(later.id).where(later.document_id == DocumentRow.id,
                                       later.number > DocumentVersionRow.number).exists())
        .order_by(DocumentRow.id).limit(1))


def _place(session: Session, root: Path, folder: str, partial: Path, wanted: str, written: list[Path],
           sync_folder: bool = True) -> str:
    """Gives the copied file its final name in `folder`: `wanted`, else the first free 'wanted (2)' …, free both on
    the disk and among the names the store has recorded (a file gone missing keeps its name). Never overwrites:
    the name is taken by a link that fails when it exists. Returns the path relative to `root`.

    Only the names that begin like `wanted` (its date) are looked at, so that filing stays as fast in a folder of
    10,000 documents as in an empty one."""
    place = Path(root) / folder
    head = f"{folder}/{wanted.split(' ', 1)[0]}"
    recorded = {path.rsplit("/", 1)[-1].casefold() for path in session.scalars(
        select(DocumentVersionRow.path).where(DocumentVersionRow.path >= head,
                                              DocumentVersionRow.path < f"{head}\U0010ffff"))}
    while True:
        name = free_name(wanted, _taken(recorded, place))
        target = place / name
        try:
            link_new(partial, target)
        except FileExistsError:
            continue  # another program took the name in the meantime: look again
        written.append(target)
        _discard(partial)
        make_read_only(target)  # a program it is opened in cannot save over a filed version
        if sync_folder:
            fsync_folder(place)
        return f"{folder}/{name}"


def _taken(recorded: set[str], place: Path) -> Callable[[str], bool]:
    """Whether a name is the store's (any case: Windows and macOS do not tell cases apart) or on the disk."""
    return lambda name: name.casefold() in recorded or os.path.lexists(place / name)
