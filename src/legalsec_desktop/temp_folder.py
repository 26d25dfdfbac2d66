"""The program's own folder for temporary files, so that no client data lands in the system's temp folder.

Libraries write temporary files where `tempfile` (Python) and TMPDIR (Qt's QTemporaryFile, the print spool) say:
the timesheet export (XlsxWriter) keeps each worksheet in one, with the client's names and narratives in plain
text. Here they go to `<private root>/<pid>-<random>`, one folder per running copy of the program, made 0700
inside a 0700 root.

Each running copy holds an OS lock on a file in its folder for as long as it runs. At start-up every folder
whose lock can be taken is removed: the OS releases a lock when its process ends, however it ended (a crash,
kill -9, a power cut), so a folder that can be locked is a leftover, and one that cannot belongs to a copy that
is still running (a second window on another database, or a `legalsec` command). Sweeping by age instead
would delete the files of a copy left open for days; sweeping by process id would be fooled by ids reused
after a restart.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from pathlib import Path

from legalsec_desktop.instance_lock import try_lock, unlock

log = logging.getLogger("legalsec")

LOCK_NAME = ".in-use"
GRACE_S = 600  # a folder without its lock file (made, then the process died) is removed after this long
_ENV = ("TMPDIR", "TEMP", "TMP") if os.name == "nt" else ("TMPDIR",)

_folder: Path | None = None
_lock_fd: int | None = None
_before: tuple[str | None, dict[str, str | None]] = (None, {})
_at_exit = False


def use(root: Path) -> Path:
    """Make a folder of this process's own under `root` the temporary folder of Python and Qt; returns it.

    What copies no longer running left under `root` is removed. Calling it again returns the same folder.
    """
    global _folder, _lock_fd, _before, _at_exit
    if _folder is not None:
        if _folder.is_dir():
            return _folder
        release()  # removed from under us: start afresh
    root = Path(root)
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(root, 0o700)  # an existing folder may have been made with looser permissions
    folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=root))  # 0700
    fd = _open_locked(folder / LOCK_NAME)
    if fd is None:  # only this process knows the new folder's name, so this cannot happen
        shutil.rmtree(folder, ignore_errors=True)
        raise OSError(f"could not lock the new temporary folder {folder.name}")
    _folder, _lock_fd = folder, fd
    sweep(root, keep=folder)
    _before = (tempfile.tempdir, {name: os.environ.get(name) for name in _ENV})
    tempfile.tempdir = str(folder)
    for name in _ENV:
        os.environ[name] = str(folder)
    if not _at_exit:
        atexit.register(release)
        _at_exit = True
    return folder


def current() -> Path | None:
    """This process's temporary folder, once `use` has made it."""
    return _folder


def system_folder() -> Path:
    """The system's temporary folder as every program sees it (TMPDIR as it was before `use`): where running
    copies of the program meet (the single-instance socket), never a place for files with client data."""
    before = _before[1].get("TMPDIR") if _folder is not None else os.environ.get("TMPDIR")
    return Path(before or "/tmp")  # Qt's own default on Unix


def release() -> None:
    """Remove this process's folder and what is left in it, and point temporary files where they went before."""
    global _folder, _lock_fd
    folder, fd = _folder, _lock_fd
    if folder is None:
        return
    _folder = _lock_fd = None
    tempdir, environment = _before
    tempfile.tempdir = tempdir
    for name, value in environment.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    if fd is not None:
        _close_unlocked(fd)
    shutil.rmtree(folder, ignore_errors=True)


def sweep(root: Path, keep: Path) -> int:
    """Remove what copies of the program that are no longer running left under `root`; returns how many.

    `keep` is this process's own folder; its age is the measure of "now" (the file system's clock, which is the
    one that stamped the leftovers).
    """
    removed = 0
    try:
        now = keep.stat().st_mtime
        entries = [entry for entry in Path(root).iterdir() if entry != keep]
    except OSError:
        return 0
    for entry in entries:
        try:
            if entry.is_dir() and not entry.is_symlink():
                if not _abandoned(entry, now):
                    continue
                shutil.rmtree(entry, ignore_errors=True)
            elif _older(entry, now):
                entry.unlink()
            else:
                continue
        except OSError:
            log.warning("a leftover temporary file could not be removed", exc_info=True)
            continue
        removed += 1
    return removed


def _abandoned(folder: Path, now: float) -> bool:
    lock = folder / LOCK_NAME
    if not lock.exists():
        return _older(folder, now)  # otherwise it may be a copy starting up this very moment
    fd = _open_locked(lock, create=False)
    if fd is None:
        return False  # its copy of the program is running
    _close_unlocked(fd)
    return True


def _older(path: Path, now: float) -> bool:
    try:
        return now - path.lstat().st_mtime > GRACE_S
    except OSError:
        return False


def _open_locked(path: Path, create: bool = True) -> int | None:
    """The lock file at `path` opened and locked (the same OS lock as the database's); None if it is held."""
    try:
        fd = os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), 0o600)
    except OSError:
        return None
    if not try_lock(fd):
        os.close(fd)
        return None
    return fd


def _close_unlocked(fd: int) -> None:
    try:
        unlock(fd)
    finally:
        os.close(fd)
