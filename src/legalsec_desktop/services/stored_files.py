"""The document store's files on disk: hashed a chunk at a time, made read-only once filed, removed (read-only or
not), and put under a new name without ever overwriting another file."""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from legalsec_desktop.fsutil import error_kind

if TYPE_CHECKING:
    from hashlib import _Hash

log = logging.getLogger("legalsec")
CHUNK = 1024 * 1024
WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def hashed_chunks(source: BinaryIO, digest: _Hash) -> Iterator[bytes]:
    """The chunks of `source` (never all of it in memory), each added to `digest` as it is read."""
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        yield chunk


def content_hash(path: Path) -> str:
    """The SHA-256 of a file's content (hex); OSError when it cannot be read."""
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for _chunk in hashed_chunks(source, digest):
            pass
    return digest.hexdigest()


def make_read_only(path: Path) -> None:
    """Takes the write permission off a filed file, so that a program it is opened in cannot save over it (POSIX:
    no write bits; Windows: the read-only attribute). Logged, not raised, when the file system refuses."""
    try:
        os.chmod(path, stat.S_IMODE(os.stat(path).st_mode) & ~WRITE_BITS)
    except OSError as error:
        log.warning("could not make a filed file read-only (%s)", error_kind(error))


def make_writable(path: Path) -> None:
    """Gives the owner the write permission back (on Windows: clears the read-only attribute)."""
    os.chmod(path, stat.S_IMODE(os.stat(path).st_mode) | stat.S_IWUSR)


def remove_file(path: Path) -> None:
    """Removes a file of the store, read-only or not (Windows refuses to delete a read-only file); nothing happens
    when it is not there. OSError when it cannot be removed."""
    try:
        path.unlink(missing_ok=True)
    except PermissionError:
        make_writable(path)
        path.unlink(missing_ok=True)


def remove_files(paths: list[Path], what: str = "a file of a failed filing") -> None:
    """Removes each of `paths` (see remove_file); one that cannot be removed is logged (its error kind only)."""
    for path in paths:
        try:
            remove_file(path)
        except OSError as error:
            log.warning("could not remove %s (%s)", what, error_kind(error))


def link_new(source: Path, target: Path) -> None:
    """`source` also under the name `target`, which must not exist (FileExistsError when it does): a hard link,
    or where the file system has none (FAT, some network shares) the name claimed and `source` moved onto it
    (`source` is then gone). Never overwrites another file."""
    try:
        os.link(source, target)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # a file system without hard links: claim the name, then move onto it
    with open(target, "xb"):
        pass
    try:
        os.replace(source, target)
    except BaseException:
        remove_files([target], "a name claimed for a file")  # the empty file that claimed it, nothing else
        raise
