"""Writing an output file so that a failure never leaves a half-written or lost file behind.

Every file the program saves goes through `write_atomically`: it writes a temporary file beside the target,
checks that the file is complete (some writers, such as Qt's PDF engine, do not report a failed write), makes
it durable, and only then renames it over the target. Any earlier file at the target stays as it was.

The temporary file is made private (0600), as `mkstemp` makes it; the finished file gets the permissions the
earlier file at the target had, or, for a new file, those a program creating it directly would have given it
under the user's umask (so files saved in a shared folder can be read there as the user expects).
"""

from __future__ import annotations

import errno
import logging
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from legalsec_desktop.domain.errors import StorageFullError, UserFixableError
from legalsec_desktop.fsutil import error_kind, fsync_folder, nearly_full

log = logging.getLogger("legalsec")

Check = Callable[[Path], None]
"""Raises IncompleteFile when the file at the path is not whole."""

_PDF_TAIL = 2048


def _read_umask() -> int:
    """The process's umask. Linux reports it in /proc without changing it; elsewhere it can only be read by
    setting it, so this sets a stricter mask for that instant (a file another thread creates meanwhile is made
    more private, never less)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


_UMASK = _read_umask() if os.name != "nt" else 0  # read once, at import: reading it is not thread-safe


class IncompleteFile(Exception):
    """The written file fails its format's completeness check; the text says how (no client data)."""


def write_atomically(path: Path, write: Callable[[Path], object], check: Check | None = None) -> Path:
    """Call `write(temporary path)` in the target's folder, check the result, then move it over `path`.

    `check` decides whether the written file is whole; without one, the check is chosen by the target's ending
    (.pdf, .docx, .xlsx). Every file must at least be non-empty. An earlier file at `path` stays as it was unless
    the new one is complete, and the temporary file is removed whatever happens.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise UserFixableError(f"The folder {path.parent} does not exist. Choose another place to save.")
    if path.is_dir():
        raise UserFixableError(f"{path} is a folder. Enter a file name.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise _explain(exc, path) from exc
    temp_path = Path(temporary)
    try:
        write(temp_path)
        _verify(temp_path, check or check_for(path))
        mode = _mode_for(path)
        with open(temp_path, "r+b") as done:  # writable: Windows cannot flush a read-only handle
            _set_mode(done.fileno(), mode)  # on the open file: a read-only mode must not stop the flush
            os.fsync(done.fileno())
        os.replace(temp_path, path)
        fsync_folder(path.parent)
    except OSError as exc:
        raise _explain(exc, path) from exc
    except IncompleteFile as exc:
        raise _incomplete(exc, path) from exc
    except UserFixableError:
        raise
    except Exception as exc:
        # A library may wrap a failed write in its own error (lxml's serialiser does); a full disk is still
        # the user's to fix, whichever folder filled up (the target's or our temporary folder).
        if nearly_full(path.parent) or nearly_full(Path(tempfile.gettempdir())):
            raise _full(path) from exc
        raise
    finally:
        try:
            temp_path.unlink(missing_ok=True)
        except OSError as exc:  # never hide the real problem behind a failed clean-up
            log.warning("a temporary export file could not be removed (%s)", error_kind(exc))  # its name is the user's
    return path


def write_bytes_atomically(path: Path, data: bytes) -> Path:
    """Save `data` (a text format already encoded) at `path`; the file must hold exactly those bytes."""
    return write_atomically(path, lambda temporary: temporary.write_bytes(data), check=size_is(len(data)))


# ---- completeness checks ------------------------------------------------------------------------------------------


def check_for(path: Path) -> Check | None:
    """The completeness check a file's ending calls for, if the ending names a format we check."""
    return {".pdf": pdf_complete, ".docx": zip_complete, ".xlsx": zip_complete,
            ".png": png_complete}.get(Path(path).suffix.lower())


def pdf_complete(path: Path) -> None:
    """A PDF starts with its header and ends with `%%EOF` after a `startxref` that points at the cross-reference.

    A writer that stopped part-way leaves no trailer; one that lost a block in the middle leaves the
    cross-reference somewhere other than where the trailer says.
    """
    size = path.stat().st_size
    with open(path, "rb") as pdf:
        if not pdf.read(5) == b"%PDF-":
            raise IncompleteFile("it does not start as a PDF")
        pdf.seek(max(0, size - _PDF_TAIL))
        tail = pdf.read().rstrip()
        if not tail.endswith(b"%%EOF"):
            raise IncompleteFile("the PDF has no end")
        found = re.search(rb"startxref\s+(\d+)\s+%%EOF$", tail)
        if found is None or int(found.group(1)) >= size:
            raise IncompleteFile("the PDF's trailer is damaged")
        pdf.seek(int(found.group(1)))
        if not re.match(rb"xref|\d+\s+\d+\s+obj", pdf.read(32)):
            raise IncompleteFile("the PDF's cross-reference is not where its trailer says")


def zip_complete(path: Path) -> None:
    """.docx and .xlsx are zip files: the central directory must read and every member's checksum match."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise IncompleteFile("the file's index is missing or damaged") from exc
    if bad is not None:
        raise IncompleteFile("a part of the file is damaged")


def png_complete(path: Path) -> None:
    """A PNG starts with its signature and ends with the IEND chunk."""
    with open(path, "rb") as png:
        head = png.read(8)
        png.seek(max(0, path.stat().st_size - 12))
        tail = png.read()
    if head != b"\x89PNG\r\n\x1a\n" or tail != b"\x00\x00\x00\x00IEND\xaeB`\x82":
        raise IncompleteFile("the image has no end")


def size_is(expected: int) -> Check:
    """A text file is whole when it holds exactly the bytes meant for it."""

    def check(path: Path) -> None:
        size = path.stat().st_size
        if size != expected:
            raise IncompleteFile(f"{size:,} of {expected:,} bytes were written")

    return check


def _verify(temporary: Path, check: Check | None) -> None:
    if not temporary.is_file() or temporary.stat().st_size == 0:
        raise IncompleteFile("nothing was written")
    if check is not None:
        check(temporary)


def _mode_for(path: Path) -> int | None:
    """The permissions the finished file gets: the earlier file's, else a new file's under the umask (POSIX)."""
    if os.name == "nt":
        return None  # Windows files take their access rights from the folder; mkstemp sets none of its own
    try:
        return path.stat().st_mode & 0o777  # not set-id or sticky bits: a saved document needs none
    except OSError:  # no earlier file (or none this user may look at): a new file's permissions
        return 0o666 & ~_UMASK


def _set_mode(fd: int, mode: int | None) -> None:
    if mode is None:
        return
    try:
        os.fchmod(fd, mode)
    except OSError as exc:  # some shared folders refuse; the file is still whole, only as private as mkstemp made it
        log.warning("could not set the saved file's permissions (%s)", error_kind(exc))


# ---- messages -----------------------------------------------------------------------------------------------------


def _full(path: Path) -> StorageFullError:
    return StorageFullError(f"The disk is full, so {path.name} was not saved. Free some space (or choose another "
                            "place to save) and try again. Any earlier file is unchanged.")


def _incomplete(exc: IncompleteFile, path: Path) -> UserFixableError:
    if nearly_full(path.parent):
        return _full(path)
    return UserFixableError(
        f"{path.name} was not saved: the file came out incomplete ({exc}). The disk may be full or the folder "
        "may have become unreachable. Free some space or choose another place to save, and try again. Any "
        "earlier file is unchanged.")


def _explain(exc: OSError, path: Path) -> UserFixableError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _full(path)
    if exc.errno == errno.EFBIG:
        return UserFixableError(f"{path.name} is too large for the disk it was to be saved on (its format "
                                "limits the size of a file). Choose another place to save. Any earlier file is "
                                "unchanged.")
    if isinstance(exc, PermissionError):
        return UserFixableError(
            f"{path} cannot be written: it may be open in another program (such as Word or Excel), or the folder "
            "is read-only. Close it there, or choose another name, and try again. Any earlier file is unchanged."
        )
    return UserFixableError(f"{path} could not be written: {exc.strerror or exc}. Any earlier file is unchanged.")
