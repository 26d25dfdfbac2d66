"""A rescan of the matter folders: files added, changed or removed behind the program's back, reconciled with the
document store. A file is never dropped: one gone is marked missing (and cleared when it is back), one changed gets
its new hash and is read again, one added to a matter's folder is filed there as it is (no copy).

Unchanged files are known by their size and modification time, without reading them; the folders are read and
files hashed outside any transaction, and one short transaction records what changed (none when nothing did).
Stopped part way (Cancel), it records what it found in the folders it finished; the others are left as they were.
The program's own partial copies left by a filing that crashed (over a day old) are removed on the way.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.document_models import DocumentFolderRow, DocumentRow, DocumentVersionRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.document_names import PARTIAL_PREFIX, passed_by, title_and_date
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.services.document_root import DocumentRootError
from legalsec_desktop.services.stored_files import content_hash, make_read_only, remove_files

LEFTOVER_AGE = timedelta(days=1)  # a partial copy of a filing this old is a crash's leftover, never one under way
Progress = Callable[[int, int], "bool | None"]  # folders done, folders in all; False stops after that folder


@dataclass(frozen=True)
class RescanReport:
    """What a rescan found: files added (filed as new documents), changed, gone missing, back, and unchanged."""

    added: int = 0
    changed: int = 0
    missing: int = 0
    back: int = 0
    unchanged: int = 0
    added_ids: tuple[int, ...] = field(default=())
    leftovers: int = 0  # partial copies of filings that crashed, removed
    stopped: bool = False  # Cancel: only the first `folders` matter folders were checked (and recorded)
    folders: int = field(default=0, compare=False)  # matter folders checked

    @property
    def anything(self) -> bool:
        return bool(self.added or self.changed or self.missing or self.back)


@dataclass(frozen=True)
class _Known:
    version_id: int
    path: str
    size: int
    modified_ns: int
    sha256: str
    missing: bool


@dataclass
class _Found:
    """What the walk saw, for the one transaction that records it."""

    changed: dict[int, tuple[str, int, int]] = field(default_factory=dict)  # version id: new hash, size, mtime
    touched: dict[int, tuple[int, int]] = field(default_factory=dict)  # same content, new size and mtime
    missing: list[int] = field(default_factory=list)
    back: list[int] = field(default_factory=list)
    added: list[tuple[int, str, str, int, int]] = field(default_factory=list)  # matter, path, hash, size, mtime
    leftovers: list[Path] = field(default_factory=list)  # partial copies of crashed filings, to remove
    unchanged: int = 0
    folders: int = 0
    stopped: bool = False


def rescan(store: Store, root: Path, clock: Clock, matter_id: int | None = None,
           progress: Progress | None = None) -> RescanReport:
    """Reconcile every matter folder under `root` (only `matter_id`'s when given) with the store.

    `progress(done, total)` is called after each matter folder; when it returns False the rescan stops there and
    records what it found in the folders checked so far (the report says how many, and that it was stopped).
    DocumentRootError, and nothing changed, when the documents folder is not there (a drive not connected)."""
    root = Path(root)
    if not root.is_dir():
        raise DocumentRootError(root, f"The documents folder {shown(str(root))} is not there. If it is on a drive "
                                      "or network share, connect it and try again. Nothing was changed.")
    folders, known = _known(store, matter_id)
    found = _Found()
    stale_ns = int((clock.utc_now() - LEFTOVER_AGE).timestamp() * 1_000_000_000)
    for done, (matter, folder) in enumerate(folders, start=1):
        _walk(root, folder, matter, known.get(folder, {}), found, stale_ns)
        found.folders = done
        if progress is not None and progress(done, len(folders)) is False and done < len(folders):
            found.stopped = True
            break
    remove_files(found.leftovers, "a partial copy of a filing")
    return _record(store, root, clock, found)


def _known(store: Store, matter_id: int | None) -> tuple[list[tuple[int, str]], dict[str, dict[str, _Known]]]:
    """The matter folders, and the versions filed in each: {folder: {path: version}}."""
    with store.read() as session:
        query = select(DocumentFolderRow.matter_id, DocumentFolderRow.folder).order_by(DocumentFolderRow.folder)
        if matter_id is not None:
            query = query.where(DocumentFolderRow.matter_id == matter_id)
        folders = [(matter, folder) for matter, folder in session.execute(query)]
        versions = select(DocumentVersionRow.id, DocumentVersionRow.path, DocumentVersionRow.size_bytes,
                          DocumentVersionRow.modified_ns, DocumentVersionRow.sha256, DocumentVersionRow.missing_since)
        if matter_id is not None:
            versions = versions.join(DocumentRow, DocumentRow.id == DocumentVersionRow.document_id).where(
                DocumentRow.matter_id == matter_id)
        known: dict[str, dict[str, _Known]] = {}
        for version_id, path, size, mtime, digest, missing_since in session.execute(versions):
            known.setdefault(path.split("/", 1)[0], {})[path] = _Known(version_id, path, size, mtime, digest,
                                                                       missing_since is not None)
    return folders, known


def _walk(root: Path, folder: str, matter_id: int, known: dict[str, _Known], found: _Found, stale_ns: int) -> None:
    on_disk = _files(root / folder, folder, stale_ns, found.leftovers)
    folded = {path.casefold(): path for path in on_disk}  # a file system that ignores case may spell it otherwise
    for path, version in known.items():
        seen = on_disk.pop(path, None)
        if seen is None and path.casefold() in folded:
            seen = on_disk.pop(folded[path.casefold()], None)
        if seen is None:
            if not version.missing:
                found.missing.append(version.version_id)
            continue
        if version.missing:
            found.back.append(version.version_id)
        size, mtime = seen
        if size == version.size and mtime == version.modified_ns:
            found.unchanged += not version.missing
            continue
        digest = _hash(root / path)
        if digest is None:
            continue  # could not be read just now (locked, being written): the next rescan looks again
        if digest == version.sha256:
            found.touched[version.version_id] = (size, mtime)
            found.unchanged += not version.missing
        else:
            found.changed[version.version_id] = (digest, size, mtime)
    for path, (size, mtime) in sorted(on_disk.items()):
        digest = _hash(root / path)
        if digest is not None:
            found.added.append((matter_id, path, digest, size, mtime))


def _files(where: Path, relative: str, stale_ns: int, leftovers: list[Path]) -> dict[str, tuple[int, int]]:
    """The files under a folder (and its subfolders), by path relative to the root: (size, mtime in ns). The
    program's partial copies last changed before `stale_ns` (crashes' leftovers) are put in `leftovers`."""
    files: dict[str, tuple[int, int]] = {}
    try:
        entries = list(os.scandir(where))
    except OSError:  # the folder is gone (or unreadable): its files count as missing
        return files
    for entry in entries:
        if passed_by(entry.name):
            if _leftover(entry, stale_ns):
                leftovers.append(Path(entry.path))
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                files.update(_files(Path(entry.path), f"{relative}/{entry.name}", stale_ns, leftovers))
            elif entry.is_file():
                stat = entry.stat()
                files[f"{relative}/{entry.name}"] = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            continue
    return files


def _leftover(entry: os.DirEntry[str], stale_ns: int) -> bool:
    if not (entry.name.startswith(PARTIAL_PREFIX) and entry.name.endswith(".part")):
        return False
    try:
        return entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime_ns < stale_ns
    except OSError:
        return False


def _hash(path: Path) -> str | None:
    try:
        return content_hash(path)
    except OSError:
        return None


def _record(store: Store, root: Path, clock: Clock, found: _Found) -> RescanReport:
    moved = len(found.changed) + len(found.touched) + len(found.missing) + len(found.back) + len(found.added)
    if not moved:
        return RescanReport(unchanged=found.unchanged, leftovers=len(found.leftovers), stopped=found.stopped,
                            folders=found.folders)
    now = clock.utc_now()
    today = clock.today()
    added_ids: list[int] = []
    recorded_now: list[str] = []
    with store.write() as session:
        for version_id, (digest, size, mtime) in found.changed.items():
            version = session.get(DocumentVersionRow, version_id)
            if version is not None:  # its history says what was lost: the content filed before is not kept
                version.note = (f"Changed outside the program on {format_date(today)}; the content filed before "
                                f"(SHA-256 {version.sha256[:12]}…) is not kept")
                version.sha256, version.size_bytes, version.modified_ns = digest, size, mtime
                version.text_state, version.text_note, version.indexed_at = "waiting", "", None
                recorded_now.append(version.path)
        for version_id, (size, mtime) in found.touched.items():
            version = session.get(DocumentVersionRow, version_id)
            if version is not None:
                version.size_bytes, version.modified_ns = size, mtime
        for version_id in found.missing:
            version = session.get(DocumentVersionRow, version_id)
            if version is not None and version.missing_since is None:
                version.missing_since = now
        for version_id in found.back:
            version = session.get(DocumentVersionRow, version_id)
            if version is not None:
                version.missing_since = None
        recorded = set(session.scalars(select(DocumentVersionRow.path).where(
            DocumentVersionRow.path.in_([path for _m, path, *_rest in found.added]))))
        for matter_id, path, digest, size, mtime in found.added:
            if path in recorded or not root.joinpath(*path.split("/")).is_file():
                continue  # filed by the program while the folder was read (or a filing that failed took it away)
            added_ids.append(_add(session, clock, now, matter_id, path, digest, size, mtime))
            recorded_now.append(path)
    for path in recorded_now:  # recorded now: read-only, as the files the program copies in are
        make_read_only(root.joinpath(*path.split("/")))
    return RescanReport(added=len(added_ids), changed=len(found.changed), missing=len(found.missing),
                        back=len(found.back), unchanged=found.unchanged, added_ids=tuple(added_ids),
                        leftovers=len(found.leftovers), stopped=found.stopped, folders=found.folders)


def _add(session: Session, clock: Clock, now: datetime, matter_id: int, path: str, digest: str, size: int,
         mtime: int) -> int:
    name = path.rsplit("/", 1)[-1]
    modified = to_local(datetime.fromtimestamp(mtime / 1e9, timezone.utc)).date()
    title, on = title_and_date(name, modified)
    document = DocumentRow(matter_id=matter_id, title=title, kind="other", doc_date=on, filed_at=now,
                           filed_by="")
    session.add(document)
    session.flush()
    session.add(DocumentVersionRow(document_id=document.id, number=1, path=path, original_name=name, sha256=digest,
                                   size_bytes=size, modified_ns=mtime, filed_at=now, text_state="waiting",
                                   note=f"Found in the matter's folder on {format_date(clock.today())}"))
    return document.id
