"""One running copy per database: OS file locks, released by the OS even if the process is killed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


def try_lock(fd: int) -> bool:
    """Lock the open file `fd` for this process without waiting; False if another holds it (or the lock fails).

    The OS releases the lock when the file is closed or the process ends, however it ends.
    """
    try:
        if sys.platform == "win32":
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def unlock(fd: int) -> None:
    """Release `try_lock`'s lock; the file stays open. A failure is ignored: closing the file releases it too."""
    try:
        if sys.platform == "win32":
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


class InstanceLock:
    """Hold every one of `paths` locked (all or none) for as long as this object is acquired."""

    def __init__(self, *paths: Path) -> None:
        self.paths = paths
        self.path = paths[0]
        self._fds: list[int] = []

    def acquire(self) -> bool:
        """Take the locks without waiting; False (holding none) if another process holds any."""
        for path in self.paths:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            if not try_lock(fd):
                os.close(fd)
                self._holder = path
                self.release()
                return False
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
            self._fds.append(fd)
        return True

    def add(self, path: Path) -> bool:
        """Also hold `path` (the file's identity, once a new database exists); False if another process has it."""
        if path in self.paths:
            return True
        extra = InstanceLock(path)
        if not extra.acquire():
            return False
        self.paths += (path,)
        self._fds += extra._fds
        return True

    def holder_pid(self) -> int | None:
        """The process id written by the holder, if readable."""
        try:
            text = getattr(self, "_holder", self.path).read_text().strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None

    def release(self) -> None:
        for fd in self._fds:
            unlock(fd)
            os.close(fd)
        self._fds = []

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

