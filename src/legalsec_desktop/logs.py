"""One private rotating log file per user, for the error dialog to point at."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from legalsec_desktop import paths

LOG_NAME = "legalsec.log"
BACKUP_COUNT = 3


def _private_opener(path: str, flags: int) -> int:
    fd = os.open(path, flags, 0o600)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, 0o600)  # a file that already existed keeps its old mode otherwise
    return fd


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files, the current one and every rotated one, only their owner can read."""

    def _open(self):  # noqa: ANN202 - logging's hook for opening the stream, also called after each rotation
        # _builtin_open: FileHandler keeps it so that the file can be reopened during interpreter shutdown.
        return self._builtin_open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors,
                                  opener=_private_opener)


def _make_private(folder: Path, log_file: Path) -> None:
    """Tighten a log folder and log files left readable by others (by an older version, say)."""
    os.chmod(folder, 0o700)
    for path in (log_file, *folder.glob(f"{log_file.name}.*")):
        if path.is_file():
            os.chmod(path, 0o600)


def setup_logging(folder: Path | None = None) -> Path | None:
    """Log to <log dir>/legalsec.log; return its path (None if the folder cannot be written)."""
    folder = folder or paths.log_dir()
    log_file = folder / LOG_NAME
    logger = logging.getLogger("legalsec")
    logger.setLevel(logging.INFO)
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers):
        return log_file
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _make_private(folder, log_file)
        handler = PrivateRotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=BACKUP_COUNT,
                                             encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return log_file
