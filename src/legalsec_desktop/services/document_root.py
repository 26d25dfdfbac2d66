"""The documents root (the firm's folder of matter folders) and the watched inbox: the settings, and the check that
the root can take files before anything is written."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from sqlalchemy import select

from legalsec_desktop.db.document_models import DocumentRow, DocumentVersionRow
from legalsec_desktop.db.models import FirmRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.text_limits import shown

NOTHING_DONE = "Nothing was filed and nothing was changed."


class DocumentRootError(UserFixableError):
    """The documents folder cannot take files: not there (a drive or share not connected), not a folder, or
    read-only. Raised before anything is written."""

    def __init__(self, root: Path, message: str) -> None:
        super().__init__(message)
        self.root = root


def documents_root(store: Store, default: Path) -> Path:
    """The firm's documents folder, else `default` (the caller's: the user's Documents folder + a name)."""
    with store.read() as session:
        row = session.get(FirmRow, 1)
        chosen = row.documents_root.strip() if row is not None else ""
    return Path(chosen) if chosen else Path(default)


def set_documents_root(store: Store, path: Path | None) -> None:
    """Keep `path` as the firm's documents folder (None: back to the default). Files already filed stay where
    they are: their paths are relative to the root, so the caller moves the folder itself when it moves."""
    with store.write() as session:
        row = session.get(FirmRow, 1) or FirmRow(id=1)
        row.documents_root = str(path) if path is not None else ""
        session.add(row)


def documents_kept_elsewhere(store: Store, new_root: Path) -> int:
    """How many documents (not deleted) have a file that is not under `new_root` where it would be: were the
    documents folder changed to `new_root`, they would show as missing until the old folder's contents are moved
    there. Looks at the disk (a matter folder that is not there at all is not looked in): call it off the UI
    thread."""
    with store.read() as session:
        rows = session.execute(select(DocumentVersionRow.document_id, DocumentVersionRow.path)
                               .join(DocumentRow, DocumentRow.id == DocumentVersionRow.document_id)
                               .where(DocumentRow.deleted_at.is_(None))).all()
    by_folder: dict[str, list[tuple[int, list[str]]]] = {}
    for document_id, path in rows:
        parts = path.split("/")
        by_folder.setdefault(parts[0], []).append((document_id, parts))
    missing: set[int] = set()
    for folder, files in by_folder.items():
        if len(files[0][1]) > 1 and not (Path(new_root) / folder).is_dir():
            missing.update(document_id for document_id, _parts in files)
            continue
        missing.update(document_id for document_id, parts in files if not Path(new_root).joinpath(*parts).is_file())
    return len(missing)


def inbox_folder(store: Store) -> Path | None:
    """The watched inbox folder (where the scanner saves), or None when there is none."""
    with store.read() as session:
        row = session.get(FirmRow, 1)
        chosen = row.inbox_folder.strip() if row is not None else ""
    return Path(chosen) if chosen else None


def set_inbox_folder(store: Store, path: Path | None) -> None:
    with store.write() as session:
        row = session.get(FirmRow, 1) or FirmRow(id=1)
        row.inbox_folder = str(path) if path is not None else ""
        session.add(row)


def check_root(root: Path) -> Path:
    """`root`, ready to take files: made when only it is missing (its parent is there), else DocumentRootError
    with what to do. A missing parent means a drive or share that is not connected: nothing is made then."""
    named = shown(str(root), 300)
    if not root.exists():
        parent = root.parent
        if root.is_symlink() or not parent.is_dir():
            raise DocumentRootError(root, f"The documents folder {named} is not there. If it is on a drive or "
                                          f"network share, connect it and try again; else choose another "
                                          f"documents folder in Settings. {NOTHING_DONE}")
        try:
            root.mkdir()
        except FileExistsError:
            pass
        except OSError as error:
            raise refused(root, error) from None
    if not root.is_dir():
        raise DocumentRootError(root, f"The documents folder {named} is a file, not a folder. Choose a folder in "
                                      f"Settings. {NOTHING_DONE}")
    try:
        _probe(root)
    except OSError as error:
        raise refused(root, error) from None
    return root


def _probe(root: Path) -> None:
    """Write and remove a small file in `root`: the one sure test that it takes files (permissions, read-only
    media and network shares all answer here)."""
    handle, name = tempfile.mkstemp(dir=root, prefix=".legalsec-check-")
    os.close(handle)
    os.remove(name)


def refused(root: Path, error: OSError) -> DocumentRootError:
    named = shown(str(root), 300)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return DocumentRootError(root, f"The documents folder {named} is read-only: files cannot be saved in it. "
                                       f"Ask for write access to it, or choose another documents folder in "
                                       f"Settings. {NOTHING_DONE}")
    if error.errno == errno.ENOSPC:
        return DocumentRootError(root, f"The disk of the documents folder {named} is full. Free some space and "
                                       f"try again. {NOTHING_DONE}")
    return DocumentRootError(root, f"The documents folder {named} cannot be used "
                                   f"({error.strerror or type(error).__name__}). Check that its drive or network "
                                   f"share is connected, or choose another folder in Settings. {NOTHING_DONE}")
