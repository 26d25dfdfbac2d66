"""One rotating log file per user, for the error dialog to point at."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from legalsec_desktop import paths


def setup_logging(folder: Path | None = None) -> Path | None:
    """Log to <log dir>/legalsec.log; return its path (None if the folder cannot be written)."""
    folder = folder or paths.log_dir()
    log_file = folder / "legalsec.log"
    logger = logging.getLogger("legalsec")
    logger.setLevel(logging.INFO)
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers):
        return log_file
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return log_file
