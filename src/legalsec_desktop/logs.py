"""One private rotating log file per user, for the error dialog to point at; it names error kinds, never client data.

Exception messages can hold anything: a client's name in a validation message, a file the user
chose in an OSError, a statement's parameters in a database error. So what leaves the program as
text (the log, the bug dialog's details) keeps a traceback's frames (file, line, function) and
replaces every message, in the whole chain, by the error's kind: its class and any error code.
"""

from __future__ import annotations

import builtins
import errno
import logging
import logging.handlers
import os
import textwrap
import traceback
from collections.abc import Callable
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from legalsec_desktop import paths
from legalsec_desktop.domain.errors import ValidationError

if TYPE_CHECKING:
    from logging import _SysExcInfoType  # typeshed's name for what sys.exc_info() returns

LOG_NAME = "legalsec.log"
BACKUP_COUNT = 3
_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"

# Python 3.11 and later: an exception group's members get scrubbed too (3.10 has none to scrub).
_EXCEPTION_GROUPS = getattr(builtins, "BaseExceptionGroup", ())


def error_kind(exc: BaseException) -> str:
    """The class of an error and its code (errno, SQLite's error name, the form field), never its message."""
    kind = type(exc)
    name = (kind.__qualname__ if kind.__module__ in ("builtins", "__main__")
            else f"{kind.__module__}.{kind.__qualname__}")
    code = None
    if isinstance(exc, OSError) and isinstance(exc.errno, int):
        code = f"errno {errno.errorcode.get(exc.errno, exc.errno)}"
    elif isinstance(getattr(exc, "sqlite_errorname", None), str):
        code = exc.sqlite_errorname  # type: ignore[attr-defined]  # sqlite3's errors have it from Python 3.11
    elif isinstance(exc, ValidationError):
        code = f"field {exc.field}"
    return f"{name} [{code}]" if code else name


def scrubbed_traceback(kind: type[BaseException] | None, exc: BaseException | None,
                       tb: TracebackType | None) -> str:
    """Like traceback.format_exception, with each message of the chain replaced by `error_kind`."""
    if exc is None:
        return f"{kind.__qualname__ if kind else 'NoneType'}\n"
    blocks: list[tuple[BaseException, TracebackType | None, str]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if current.__cause__ is not None:
            earlier, link = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            earlier, link = current.__context__, _CONTEXT
        else:
            earlier, link = None, ""
        if earlier is None or id(earlier) in seen:
            link = ""
        blocks.append((current, tb if current is exc else current.__traceback__, link))
        current = earlier
    out: list[str] = []
    for error, frames, link in reversed(blocks):
        out.append(link)  # how this error follows the one printed above it
        if frames is not None:
            out.append("Traceback (most recent call last):\n")
            out.extend(traceback.format_tb(frames))
        out.append(error_kind(error) + "\n")
        if isinstance(error, _EXCEPTION_GROUPS):
            for number, member in enumerate(error.exceptions, 1):
                text = scrubbed_traceback(type(member), member, member.__traceback__)
                out.append(f"  +---------------- {number} ----------------\n" + textwrap.indent(text, "  | "))
    return "".join(out)


def _scrub(record: logging.LogRecord) -> None:
    """Make a record safe for any formatter: exceptions in its arguments become their kinds, its traceback scrubbed."""
    if isinstance(record.args, tuple):
        record.args = tuple(error_kind(a) if isinstance(a, BaseException) else a for a in record.args)
    if record.exc_info:
        record.exc_text = scrubbed_traceback(*record.exc_info).rstrip("\n")


class ScrubbingFormatter(logging.Formatter):
    """A formatter whose tracebacks keep their frames and lose their messages."""

    def formatException(self, ei: _SysExcInfoType) -> str:  # noqa: N802 - logging's name
        return scrubbed_traceback(*ei).rstrip("\n")

    def format(self, record: logging.LogRecord) -> str:
        # Another handler's plain formatter may already have cached the raw traceback on this record.
        _scrub(record)
        return super().format(record)


class _ScrubRecords(logging.Filter):
    """On the program's logger: every handler up the chain (a console, a test's capture) sees scrubbed records."""

    def filter(self, record: logging.LogRecord) -> bool:
        _scrub(record)
        return True


def _private_opener(path: str, flags: int) -> int:
    fd = os.open(path, flags, 0o600)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, 0o600)  # a file that already existed keeps its old mode otherwise
    return fd


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files, the current one and every rotated one, only their owner can read."""

    def _open(self) -> TextIOWrapper:  # logging's hook for opening the stream, also called after each rotation
        # FileHandler keeps `_builtin_open` so that the file can be reopened during interpreter shutdown.
        builtin_open: Callable[..., TextIOWrapper] = self._builtin_open  # type: ignore[attr-defined]  # not in typeshed
        return builtin_open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors,
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
    if not any(isinstance(f, _ScrubRecords) for f in logger.filters):
        logger.addFilter(_ScrubRecords())
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers):
        return log_file
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _make_private(folder, log_file)
        handler = PrivateRotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=BACKUP_COUNT,
                                             encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return log_file
