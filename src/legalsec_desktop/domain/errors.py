"""Errors the user can act on, kept apart from bugs (which are any other exception)."""

from __future__ import annotations


class UserFixableError(Exception):
    """A problem with a plain message that tells the user what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(UserFixableError):
    """Bad input in one field; `field` names it so a form can show the message beside it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class StorageFullError(UserFixableError):
    """The disk (or the database's size limit) is full; nothing was written."""


class ReadOnlyError(UserFixableError):
    """The database is open read-only, so changes cannot be saved."""


class DatabaseBusyError(UserFixableError):
    """Another program holds a lock on the database for too long."""


class StoreOpenError(UserFixableError):
    """The database file cannot be opened as it is."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


class NotADatabaseError(StoreOpenError):
    """The file is not a SQLite database (or its header is destroyed)."""


class DamagedDatabaseError(StoreOpenError):
    """The file is SQLite but fails its integrity check."""


class NewerSchemaError(StoreOpenError):
    """The file was written by a newer version of the program."""


class ReadOnlyWalError(StoreOpenError):
    """Read-only, and the -wal holds committed changes that cannot be read without writing the WAL index."""


class DiskError(UserFixableError):
    """The disk or the network share reported an input/output error."""


class DatabaseInUseError(StoreOpenError):
    """Another running copy of the program has this database open."""


class BackupError(UserFixableError):
    """A backup could not be made, verified, or restored."""
