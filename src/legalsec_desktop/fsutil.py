"""File-system facts the core needs: whether a disk is (nearly) full, and making a rename in a folder durable."""

from __future__ import annotations

import errno
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("legalsec")

NEARLY_FULL = 4 * 1024 * 1024
"""Bytes: less free space than this, after a write failed, means the disk filled up (a failed write may have
given back most of what it took, and the journal files of a database need some room of their own)."""


def nearly_full(path: Path) -> bool:
    """Whether the disk holding `path` (a file or a folder; if it does not exist, the nearest folder above it
    that does) has less than NEARLY_FULL bytes free. False when that cannot be told."""
    place = Path(path)
    try:
        while not place.exists() and place != place.parent:
            place = place.parent
        return shutil.disk_usage(place).free < NEARLY_FULL
    except OSError:
        return False


def unused_path(named: Callable[[str], Path]) -> Path:
    """The first of named(""), named("-1"), named("-2") … that does not exist: never overwrite a kept file."""
    counter, path = 0, named("")
    while path.exists():
        counter += 1
        path = named(f"-{counter}")
    return path


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (POSIX); Windows has no way to flush a folder, nor needs one.

    A folder that cannot be opened or flushed (some file systems refuse) is logged, not raised: the file is in
    place by then, so this is not a failure of the write. The log names the error kind only, never the path.
    """
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        log.warning("could not open a folder to flush it (%s)", error_kind(exc))
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        log.warning("could not flush a folder (%s)", error_kind(exc))
    finally:
        os.close(fd)


def error_kind(exc: OSError) -> str:
    """What went wrong, fit for the log ("ENOSPC"): an OSError's text names the file, which may name a client."""
    return errno.errorcode.get(exc.errno or 0, type(exc).__name__)
