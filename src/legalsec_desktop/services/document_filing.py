"""Filing files and folders into a matter, one transaction per file: each filed, a duplicate, or refused with the
reason, never an exception for one bad file; and filing a new version of a document."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.document_models import DOCUMENT_KINDS, DocumentRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.document_names import title_from_file_name
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.fsutil import error_kind
from legalsec_desktop.services.document_root import refused as _refused_root
from legalsec_desktop.services.document_root import check_root
from legalsec_desktop.services.document_rows import DocumentDraft, FilingResult
from legalsec_desktop.services.document_store import (
    Copied,
    copy_in,
    matter_folder,
    new_files,
    store_file,
    store_version,
)
from legalsec_desktop.services.lookups import matter_by_number

SKIPPED = {"thumbs.db", "desktop.ini", ".ds_store"}
Progress = Callable[[int, int], None]  # files done, files in all


def matter_id_of(store: Store, number: str) -> int:
    """The id of the matter numbered `number`; ValidationError names an unknown number."""
    with store.read() as session:
        return matter_by_number(session, number)


def files_in(paths: list[Path]) -> list[Path]:
    """The files to file for what the user gave: a file as it is, a folder's files (recursively, in name order)
    without the system's own (Thumbs.db, desktop.ini, .DS_Store), Office lock files (~$…) and hidden files."""
    found: list[Path] = []
    for given in paths:
        if Path(given).is_dir():
            found.extend(_walk(Path(given)))
        else:
            found.append(Path(given))
    return found


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name.casefold())
    except OSError:
        yield folder  # refused with the reason when it is filed
        return
    for entry in entries:
        if _skipped(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _skipped(name: str) -> bool:
    return name.startswith((".", "~$")) or name.casefold() in SKIPPED


def file_documents(store: Store, root: Path, matter_id: int, paths: list[Path], clock: Clock, by: str,
                   kind: str | None = None, progress: Progress | None = None) -> list[FilingResult]:
    """Files every file of `paths` (folders: every file inside) into the matter, a transaction per file.

    The title comes from the file's name, the date from its modification time (local), the kind is `kind` or
    'other'; .eml and .msg files are filed as e-mails (services.mail_filing.file_mail), whatever `kind`.
    DocumentRootError, before anything is written, when the documents folder cannot take files.
    """
    if kind is not None and kind not in DOCUMENT_KINDS:
        raise ValidationError("kind", f"“{shown(kind)}” is not a kind of document; use one of "
                                      f"{', '.join(DOCUMENT_KINDS)}.")
    check_root(root)
    files = files_in(paths)
    results = []
    from legalsec_desktop.services.mail_filing import file_mail, is_mail_file  # it builds on this module

    folder: Path | None = None
    for done, path in enumerate(files):
        try:
            folder = folder or _folder(store, root, matter_id)
        except OSError as error:
            raise _refused_root(root, error) from None
        if is_mail_file(path):  # an e-mail: its attachments filed too, and logged (services.mail_filing)
            results.append(file_mail(store, root, matter_id, path, clock, by, folder=folder))
        else:
            results.append(_file_one(store, root, folder, matter_id, path, clock, by, kind or "other"))
        if progress is not None:
            progress(done + 1, len(files))
    return results


def _folder(store: Store, root: Path, matter_id: int) -> Path:
    """The matter's folder, made (and recorded) when it has none yet."""
    with store.write() as session:
        return Path(root) / matter_folder(session, root, matter_id)


def _file_one(store: Store, root: Path, folder: Path, matter_id: int, path: Path, clock: Clock, by: str,
              kind: str) -> FilingResult:
    """Copies the file in before the transaction (a big file does not hold the database's lock while it is
    copied), then records it in one short transaction."""
    source = str(path)
    copied: Copied | None = None
    try:
        seen = path.stat()
        if not path.is_file():
            return _refused(source, "it is not a file")
        draft = DocumentDraft(title=title_from_file_name(path.name), kind=kind,
                              doc_date=to_local(datetime.fromtimestamp(seen.st_mtime, timezone.utc)).date(),
                              original_name=path.name)
        copied = copy_in(folder, _opener(path))
        with new_files() as written, store.write() as session:
            document_id, duplicate = store_file(session, root, matter_id, _opener(path), draft, clock.utc_now(), by,
                                                written, copied=copied)
            title = _title(session, document_id)
    except UserFixableError as error:
        return _refused(source, error.message)
    except OSError as error:
        return _refused(source, _why(error))
    finally:
        if copied is not None:
            copied.discard()
    if duplicate:
        return FilingResult(source, "duplicate", f"already filed as “{title}”", document_id, title)
    return FilingResult(source, "filed", f"filed as “{title}”", document_id, title)


def file_new_version(store: Store, root: Path, document_id: int, path: Path, clock: Clock, by: str) -> FilingResult:
    """Files `path` as the next version of a document: 'filed', 'duplicate' (the same as its newest version) or
    'refused' with the reason. DocumentRootError when the documents folder cannot take files. `by` is kept for
    the callers' sake: a version records when it was filed, the document who filed it first."""
    check_root(root)
    source = str(path)
    copied: Copied | None = None
    try:
        if not path.is_file():
            return _refused(source, "it is not a file" if path.exists() else "the file is not there")
        with store.write() as session:
            found = session.get(DocumentRow, document_id)
            if found is None:
                return _refused(source, "that document is no longer there")
            folder = Path(root) / matter_folder(session, root, found.matter_id)
        copied = copy_in(folder, _opener(path))
        with new_files() as written, store.write() as session:
            number, duplicate = store_version(session, root, document_id, _opener(path), path.name,
                                              clock.utc_now(), written, copied=copied)
            title = _title(session, document_id)
    except UserFixableError as error:
        return _refused(source, error.message)
    except OSError as error:
        return _refused(source, _why(error))
    finally:
        if copied is not None:
            copied.discard()
    if duplicate:
        return FilingResult(source, "duplicate", f"the same as version {number} of “{title}”", document_id, title)
    return FilingResult(source, "filed", f"filed as version {number} of “{title}”", document_id, title)


def _title(session: Session, document_id: int) -> str:
    found = session.get(DocumentRow, document_id)
    return found.title if found is not None else ""


def _opener(path: Path) -> Callable[[], BinaryIO]:
    return lambda: path.open("rb")


def _refused(source: str, reason: str) -> FilingResult:
    return FilingResult(source, "refused", f"not filed: {reason}", reason=reason)


_REASONS = {errno.ENOENT: "the file is not there (moved or deleted?)",
            errno.EACCES: "permission to read it was refused", errno.EPERM: "permission to read it was refused",
            errno.EISDIR: "it is a folder", errno.EIO: "a disk reported an error; check it and try again",
            errno.ENOSPC: "the disk of the documents folder is full", errno.ENAMETOOLONG: "its name is too long"}


def _why(error: OSError) -> str:
    return _REASONS.get(error.errno or 0, f"it could not be read ({error.strerror or error_kind(error)})")
