"""Open the database: probe it, back it up and migrate it if needed, and hand out sessions.

The store is named by a location (db/location.py). A SQLite file is the one kind today; what is SQLite-only
(the connection's pragmas, BEGIN IMMEDIATE, the -wal guard, the identity) stays in this package.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from legalsec_desktop.clock import SYSTEM_CLOCK, Clock
from legalsec_desktop.db import open_here, sqlite_file, wal
from legalsec_desktop.db.leftovers import temporary_name
from legalsec_desktop.db.location import DatabaseLocation, location_of, sqlite_path
from legalsec_desktop.domain.errors import DamagedDatabaseError, DiskError, ReadOnlyError, StoreOpenError


WRITE_OPTION = "legalsec_write"


@dataclass
class Store:
    """One open database: where it is, its engine, whether it is read-only, and a session factory."""

    location: DatabaseLocation
    engine: Engine
    read_only: bool
    notes: tuple[str, ...] = ()  # what opening it did that the user should know (a journal set aside)
    troubled: bool = False  # a read or write met damage or a disk error: the file must be checked next time
    clock: Clock = SYSTEM_CLOCK  # the composition root's one clock, for the services that use this store
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.location = location_of(self.location)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        open_here.opened_here(self.path)
        self._open = True

    @property
    def path(self) -> Path:
        """The database file (a SQLite store's; SQLite-only code such as backups and checks reads it)."""
        return sqlite_path(self.location)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; errors from the disk become user-fixable errors."""
        with translate_errors(self.location.file, self), self._sessions() as session:
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction for one user action: committed whole, or not at all."""
        if self.read_only:
            raise ReadOnlyError("This database is open read-only, so the change was not saved.")
        with translate_errors(self.location.file, self), self._sessions() as session, session.begin():
            session.connection(execution_options={WRITE_OPTION: True})  # BEGIN IMMEDIATE: take the write lock now
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if getattr(self, "_open", False):
            self._open = False
            open_here.closed_here(self.path)


@contextlib.contextmanager
def translate_errors(path: Path | None = None, store: Store | None = None) -> Iterator[None]:
    """Turn SQLite's storage errors (disk full, read-only, busy, I/O, damage) into messages a user can act on.

    A damaged file or a disk error also marks `store` as troubled: it is then never sealed as cleanly closed.
    """
    try:
        yield
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        fixable = sqlite_file.storage_error(exc.orig if isinstance(exc, DatabaseError) else exc, path)
        if fixable is None:
            raise
        if store is not None and isinstance(fixable, (DamagedDatabaseError, DiskError)):
            store.troubled = True
        raise fixable from exc


def make_engine(path: Path, read_only: bool = False) -> Engine:
    """An engine whose every connection has the program's pragmas."""

    def creator() -> sqlite3.Connection:
        return sqlite_file.connect(path, read_only=read_only)

    # hide_parameters: SQL errors must never carry client names or narratives into a log or a dialog.
    # QueuePool: the URL names no file, so SQLAlchemy would pick its in-memory SingletonThreadPool, which keeps a
    # connection per thread and, past five threads, closes other threads' connections, even one in use (a crash
    # once background readings run on fresh threads). Here a connection goes to one thread at a time.
    engine = create_engine("sqlite+pysqlite://", creator=creator, hide_parameters=True, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy emit BEGIN itself so a transaction covers exactly one user action.
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Reads share the file; a write takes the lock at once, so it cannot deadlock half-way.
        writing = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing and not read_only else "BEGIN")

    return engine


def open_store(
    where: DatabaseLocation | Path,
    read_only: bool | None = None,
    before_migrate: Callable[[Path], object] | None = None,
    progress: Callable[[str, int, int], object] | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> Store:
    """Open (creating if new) and migrate the database at `where` (a location, or a path: a SQLite file).

    `read_only=None` opens read-only only when the file or its folder cannot be written.
    `before_migrate(path)` runs before any migration of an existing file (the caller backs it up).
    Raises a StoreOpenError subclass when the file cannot be used; never changes such a file.
    """
    location = location_of(where)
    path = sqlite_path(location)  # the one kind of store there is today
    if read_only is None:
        read_only = not sqlite_file.is_writable(path)
    notes = _guard_journal(path, read_only)
    found = sqlite_file.probe(path)
    if read_only and not found.exists:
        raise StoreOpenError(str(path), f"{path} does not exist and cannot be created here (the folder is read-only).")
    if read_only and found.needs_upgrade:
        raise StoreOpenError(
            str(path),
            f"{path} is from an older version and must be upgraded, but it is read-only. "
            "Make it writable (or copy it somewhere writable) and open it again.",
        )
    if not found.exists:
        with translate_errors(path):
            _create(path)
    engine = make_engine(path, read_only=read_only)
    if found.exists and found.needs_upgrade:
        if found.revision is not None and before_migrate is not None:
            before_migrate(path)
        from legalsec_desktop.db.migrate import upgrade_to_head

        with translate_errors(path):
            upgrade_to_head(engine, progress=progress)
    if not read_only:
        with translate_errors(path):
            _give_identity(engine)
    return Store(location=location, engine=engine, read_only=read_only, notes=tuple(notes), clock=clock)


def _guard_journal(path: Path, read_only: bool) -> list[str]:
    """Set aside a -wal that is not the file's own before anything can apply it (see db/wal.py)."""
    if read_only:
        reason = wal.foreign_reason(path) if path.is_file() else None
        if reason:
            raise StoreOpenError(str(path), f"The journal file beside {path.name} is not its own ({reason}), and "
                                            "this read-only folder does not let it be set aside. Open the database "
                                            "where it can be written.")
        return []
    try:
        note = wal.guard(path)
    except OSError as exc:
        raise StoreOpenError(str(path), f"The journal file beside {path.name} is not its own and could not be "
                                        f"moved out of the way: {exc.strerror or exc}.") from exc
    return [note] if note else []


def _create(path: Path) -> None:
    """Make a new database whole at a temporary name, then move it into place: never a half-made file at `path`."""
    from legalsec_desktop.db.migrate import upgrade_to_head

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = temporary_name(path, "partial")
    # Private to this user before SQLite writes anything into it (its -wal and -shm take the same mode).
    os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    try:
        engine = make_engine(partial)
        try:
            upgrade_to_head(engine)
            _give_identity(engine)
        finally:
            engine.dispose()  # the last connection checkpoints: one self-contained file
        os.replace(partial, path)
    finally:
        for leftover in (partial, *sqlite_file.companions(partial)):
            leftover.unlink(missing_ok=True)


def raw_sqlite(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy one: for PRAGMAs that must run outside its transactions."""
    raw = connection.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection), "this store is SQLite"
    return raw


def _give_identity(engine: Engine) -> None:
    """A database without an identity gets one, checkpointed at once (see db/wal.py for why)."""
    with engine.connect() as connection:
        raw = raw_sqlite(connection)
        if raw.execute("PRAGMA user_version").fetchone()[0] == 0:
            wal.new_identity(raw)
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
