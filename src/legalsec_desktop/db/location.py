"""Where the practice's database is: a SQLite file today, a database server later."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DatabaseLocation:
    """What the program needs to know about where its database is, whatever kind of place that is."""

    @property
    def name(self) -> str:
        """A short name for the window's status bar ("legalsec.db")."""
        raise NotImplementedError

    @property
    def title(self) -> str:
        """A name for the window's title ("legalsec")."""
        raise NotImplementedError

    @property
    def url(self) -> str:
        """The database URL SQLAlchemy connects to (never with a password in it)."""
        raise NotImplementedError

    @property
    def is_file(self) -> bool:
        """True for a database that is one file on this computer (locks, WAL, seals and file backups apply)."""
        return self.file is not None

    @property
    def file(self) -> Path | None:
        """The database file, or None where the database is not a file (a server)."""
        return None

    @property
    def folder(self) -> Path | None:
        """The folder that holds the database file (None for a server)."""
        return None if self.file is None else self.file.parent

    @property
    def identity(self) -> str:
        """A stable string naming this database: its lock, seal and backup folder are named from it."""
        raise NotImplementedError


@dataclass(frozen=True)
class SqliteFile(DatabaseLocation):
    """A SQLite database file; its -wal and -shm beside it are part of it."""

    path: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", Path(self.path))

    def __str__(self) -> str:
        return str(self.path)  # messages name the file exactly as they always did

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def title(self) -> str:
        return self.path.stem

    @property
    def url(self) -> str:
        return f"sqlite+pysqlite:///{self.path.as_posix()}"

    @property
    def file(self) -> Path:
        return self.path

    @property
    def identity(self) -> str:
        return str(self.path.resolve())


def location_of(value: DatabaseLocation | str | os.PathLike[str]) -> DatabaseLocation:
    """A location as given, or a path taken as a SQLite file (the one kind there is today)."""
    if isinstance(value, DatabaseLocation):
        return value
    return SqliteFile(Path(value))


def sqlite_path(location: DatabaseLocation | str | os.PathLike[str]) -> Path:
    """The file of a SQLite location; anything else is refused (SQLite-only code calls this)."""
    found = location_of(location).file
    if found is None:
        raise ValueError(f"{location} is not a SQLite file")
    return found
