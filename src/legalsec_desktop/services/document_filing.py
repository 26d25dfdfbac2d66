"""Filing files and folders into a matter, one transaction per file: each filed, a duplicate, or refused with the
reason, never an exception for one bad file; and filing a new version of a document."""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.document_models import DOCUMENT_KINDS, DocumentRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.document_names import passed_by, title_from_file_name
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.fsutil import error_kind, fsync_folder
from legalsec_desktop.services.document_root import refused as _refused_root
from legalsec_desktop.services.document_root import check_root
from legalsec_desktop.services.document_rows import DocumentDraft, FilingResult
from legalsec_desktop.services.documents import checked_title
from legalsec_desktop.services.document_store import (
    Copied,
    copy_in,
    matter_folder,
    new_files,
    store_file,
    store_version,
)
from legalsec_desktop.services.lookups import matter_by_number
from legalsec_desktop.services.stored_files import remove_files
Progress = Callable[[int, int], "bool | None"]  # files done, files in all; False stops after the files filed
log = logging.getLogger("legalsec")
BATCH = 16  # files recorded in one transaction (each in a savepoint): a commit's flush to the disk is shared


def matter_id_of(store: Store, number: str) -> int:
    """The id of the matter numbered `number`; ValidationError names an unknown number."""
    with store.read() as session:
        return matter_by_number(session, number)


def files_in(paths: list[Path]) -> list[Path]:
    """The files to file for what the user gave: a file as it is, a folder's files (recursively, in name order)
    without what is never a document (domain.document_names.passed_by: the system's own files, Office's lock files
    and temporaries, hidden files)."""
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
        if passed_by(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def file_documents(store: Store, root: Path, matter_id: int, paths: list[Path], clock: Clock, by: str,
                   kind: str | None = None, progress: Progress | None = None, title: str | None = None,
                   doc_date: date | None = None) -> list[FilingResult]:
    """Files every file of `paths` (folders: every file inside) into the matter, up to BATCH files to a
    transaction, each file in a savepoint of its own (one that fails is refused alone); e-mails one at a time.
    `progress(done, total)` is called after each batch and e-mail; when it returns False filing stops there (what
    was filed stays filed, and is in the results).

    The title comes from the file's name, the date from its modification time (local), the kind is `kind` or
    'other'; .eml and .msg files are filed as e-mails (services.mail_filing.file_mail), whatever `kind`.
    `title` and `doc_date` (both or neither), for one file that is not an e-mail: the title and date the user gave
    it, kept and naming its stored file, in the one transaction that files it; ValidationError, before anything is
    filed, for a blank or too long title or more than one file.
    DocumentRootError, before anything is written, when the documents folder cannot take files.
    """
    if kind is not None and kind not in DOCUMENT_KINDS:
        raise ValidationError("kind", f"“{shown(kind)}” is not a kind of document; use one of "
                                      f"{', '.join(DOCUMENT_KINDS)}.")
    from legalsec_desktop.services.mail_filing import file_mail, is_mail_file  # it builds on this module

    files = files_in(paths)
    named = _named(files, title, doc_date, is_mail_file)
    check_root(root)
    results = []

    folder: Path | None = None
    batch: list[Path] = []

    def file_batch() -> None:
        if batch and folder is not None:
            results.extend(_file_batch(store, root, folder, matter_id, batch, clock, by, kind or "other", named))
        batch.clear()

    def going_on() -> bool:
        return progress is None or progress(len(results), len(files)) is not False

    for path in files:
        try:
            folder = folder or _folder(store, root, matter_id)
        except OSError as error:
            raise _refused_root(root, error) from None
        if is_mail_file(path):  # an e-mail: its attachments filed too, and logged (services.mail_filing)
            file_batch()  # the results stay in the order of the files
            results.append(file_mail(store, root, matter_id, path, clock, by, folder=folder))
        else:
            batch.append(path)
            if len(batch) < BATCH:
                continue
            file_batch()
        if not going_on():
            return results
    if batch:
        file_batch()
        going_on()
    return results


def _named(files: list[Path], title: str | None, doc_date: date | None,
           is_mail: Callable[[Path], bool]) -> tuple[str, date] | None:
    """The title and date the user gave one file, checked; None when none were given."""
    if title is None and doc_date is None:
        return None
    if title is None or doc_date is None:
        raise ValueError("a title and a date go together")
    if len(files) != 1 or is_mail(files[0]):
        raise ValidationError("title", "A title and date can be given to one file only (not an e-mail).")
    return checked_title(title), doc_date


def _folder(store: Store, root: Path, matter_id: int) -> Path:
    """The matter's folder, made (and recorded) when it has none yet."""
    with store.write() as session:
        return Path(root) / matter_folder(session, root, matter_id)


def _file_batch(store: Store, root: Path, folder: Path, matter_id: int, paths: list[Path], clock: Clock, by: str,
                kind: str, named: tuple[str, date] | None = None) -> list[FilingResult]:
    """Files a few files in one transaction, each in a savepoint of its own: a file that fails is refused alone.
    `named`: the title and date the user gave the one file of the batch (else: its file's name and date).

    Each is copied in before the transaction (a big file does not hold the database's write lock while it is
    copied); their folder is flushed to the disk once, before the commit (a flush a file made filing slow)."""
    copies: list[tuple[str, DocumentDraft | None, Copied | None, str]] = []  # source, draft, copy, why refused
    done: dict[int, tuple[int, bool, str]] = {}  # by position: the same file given twice is two results
    refused: dict[int, str] = {}
    try:
        for path in paths:
            copies.append(_copied(folder, path, kind, named))
        refused.update({at: why for at, (_source, made, _copy, why) in enumerate(copies) if made is None})
        with new_files() as written, store.write() as session:
            for at, (_source, made, copied, _why_not) in enumerate(copies):
                if made is None or copied is None:
                    continue
                mark = len(written)
                try:
                    with session.begin_nested():
                        document_id, duplicate = store_file(session, root, matter_id, _never_opened, made,
                                                            clock.utc_now(), by, written, copied=copied,
                                                            sync_folder=False)
                        done[at] = (document_id, duplicate, _title(session, document_id))
                except (UserFixableError, OSError) as error:
                    refused[at] = error.message if isinstance(error, UserFixableError) else _why(error)
                    remove_files(written[mark:])  # its row is gone with its savepoint: its file goes too
                    del written[mark:]
            fsync_folder(folder)
    except UserFixableError as error:  # the commit failed (a full disk, a locked database): none of them filed
        return [_refused(source, error.message) for source, *_rest in copies]
    except OSError as error:
        return [_refused(source, _why(error)) for source, *_rest in copies]
    finally:  # whatever went wrong, no copy made for this batch is left behind
        for _source, _draft, copied, _why_not in copies:
            if copied is not None:
                copied.discard()
    results = []
    for at, (source, *_rest) in enumerate(copies):
        if at in refused:
            results.append(_refused(source, refused[at]))
            continue
        document_id, duplicate, title = done[at]
        if duplicate:
            results.append(FilingResult(source, "duplicate", f"already filed as “{title}”", document_id, title))
        else:
            results.append(FilingResult(source, "filed", f"filed as “{title}”", document_id, title))
    return results


def _copied(folder: Path, path: Path, kind: str, named: tuple[str, date] | None = None,
            ) -> tuple[str, DocumentDraft | None, Copied | None, str]:
    """One file copied into the matter's folder, with its draft (titled and dated by `named` when the user gave
    them, else by the file's name and date); or why it is refused."""
    try:
        seen = path.stat()
        if not path.is_file():
            return str(path), None, None, "it is not a file"
        title, doc_date = named or (
            title_from_file_name(path.name), to_local(datetime.fromtimestamp(seen.st_mtime, timezone.utc)).date())
        draft = DocumentDraft(title=title, kind=kind, doc_date=doc_date, original_name=path.name)
        return str(path), draft, copy_in(folder, _opener(path)), ""
    except UserFixableError as error:
        return str(path), None, None, error.message
    except OSError as error:
        return str(path), None, None, _why(error)


def _never_opened() -> BinaryIO:
    raise AssertionError("the file was copied in before its transaction")


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
