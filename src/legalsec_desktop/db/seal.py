"""The mark a clean close leaves: the database file's identity, size and time as the program left them.

At the next start a file that matches its seal is opened at once; anything else (an unclean exit, a
file changed by another program or damaged on disk while the program was closed) is checked first.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from legalsec_desktop.db import wal


def _fingerprint(db_path: Path) -> dict[str, int] | None:
    try:
        found = db_path.stat()
    except OSError:
        return None
    return {"dev": found.st_dev, "ino": found.st_ino, "size": found.st_size, "mtime_ns": found.st_mtime_ns}


def is_sealed(db_path: Path, seal_file: Path) -> bool:
    """True when the program closed this very file cleanly and nothing changed it since."""
    try:
        recorded = json.loads(seal_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return recorded == _fingerprint(db_path) and not wal.has_frames(db_path)


def break_seal(seal_file: Path) -> None:
    """Called when the program opens the file for writing: until it closes cleanly, the file is unsealed."""
    try:
        seal_file.unlink(missing_ok=True)
    except OSError:
        pass


def seal(db_path: Path, seal_file: Path) -> None:
    """Record the file as the program leaves it (after the store is closed and the WAL checkpointed)."""
    fingerprint = _fingerprint(db_path)
    if fingerprint is None:
        return
    try:
        seal_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = seal_file.with_name(seal_file.name + ".partial")
        fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(fingerprint))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, seal_file)
    except OSError:
        pass  # no seal only means one quick_check at the next start
