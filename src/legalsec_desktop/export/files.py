"""Writing an output file so that a failure never leaves a half-written or lost file behind."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from legalsec_desktop.domain.errors import StorageFullError, UserFixableError


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Call `write(temporary path)` in the target's folder, then move the result over `path`.

    An earlier file at `path` stays as it was unless the new one is complete.
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
        with open(temp_path, "rb") as done:
            os.fsync(done.fileno())
        os.replace(temp_path, path)
    except OSError as exc:
        raise _explain(exc, path) from exc
    finally:
        temp_path.unlink(missing_ok=True)
    return path


def _explain(exc: OSError, path: Path) -> UserFixableError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFullError(f"The disk is full, so {path.name} was not saved. Free some space and try again.")
    if isinstance(exc, PermissionError):
        return UserFixableError(
            f"{path} cannot be written: it may be open in another program (such as Word or Excel), or the folder "
            "is read-only. Close it there, or choose another name, and try again. Any earlier file is unchanged."
        )
    return UserFixableError(f"{path} could not be written: {exc.strerror or exc}. Any earlier file is unchanged.")
