"""What the command groups share: the one clock, exit codes, messages on stderr, opening the database."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from legalsec_desktop import paths
from legalsec_desktop.clock import Clock
from legalsec_desktop.db.location import DatabaseLocation
from legalsec_desktop.domain.errors import DamagedDatabaseError, NotADatabaseError, UserFixableError
from legalsec_desktop.domain.text_limits import printable

if TYPE_CHECKING:
    from legalsec_desktop.db.store import Store

EXIT_OK, EXIT_PROBLEM, EXIT_BUG = 0, 1, 3
MAX_NAME, MAX_NUMBER, MAX_INITIALS = 300, 40, 10  # a contact's name, a matter number, a timekeeper's initials


def clock() -> Clock:
    """The command line's one clock, `cli.CLOCK` (read at each use, so a test that pins it pins every command)."""
    from legalsec_desktop import cli

    return cli.CLOCK


def say(message: str) -> None:
    """One message on stderr, printable even on a stream that is strict about its encoding."""
    print(f"legalsec: {printable(message)}", file=sys.stderr)


def open_database_alone(location: DatabaseLocation, **options: Any) -> Store:
    """services.database.open_database; a database that needs an upgrade is upgraded only while no window has it
    open (an older version still running would go on working on a format it does not know)."""
    from legalsec_desktop.services import maintenance
    from legalsec_desktop.services.database import needs_upgrade, open_database

    def opened() -> Store:
        return open_database(location, paths.backup_dir(location), clock=clock(), **options)

    if location.file is None or not needs_upgrade(location):
        return opened()
    lock = maintenance.hold_database(location.file, UserFixableError(
        f"{location} must be upgraded to this version's format, but it is open in a running window (perhaps of "
        "the version installed before this one). Close that window, then run this again; nothing was changed."))
    try:
        return opened()
    finally:
        lock.release()


def open_if_present(location: DatabaseLocation) -> Store | None:
    """The database, when there is one (for court closure days); the calculator works without it."""
    if location.file is not None and not location.file.is_file():
        return None
    try:
        return open_database_alone(location)
    except UserFixableError as exc:
        say(f"warning: court closure days not read: {exc.message}")
        return None


def restore_hint(location: DatabaseLocation) -> str:
    """What to do about a damaged database: the newest good backup and the command that restores it."""
    from legalsec_desktop.services import maintenance

    newest = maintenance.newest_good_backup(paths.backup_dir(location), clock=clock())
    if newest is None:
        return " There is no good backup of it; nothing was changed."
    return (f" Nothing was changed. The newest good backup is {newest.path}; restore it with: "
            f"legalsec restore \"{newest.path}\" --db \"{location}\" (the damaged file is kept, renamed, beside it)")


def open_existing(location: DatabaseLocation, missing: str) -> Store:
    """The database, or a clear message (`missing` says what its absence means) when there is none."""
    if location.file is not None and not location.file.is_file():
        raise UserFixableError(f"{location} does not exist; {missing}.")
    try:
        store = open_database_alone(location, check_with=paths.seal_path(location))
    except (DamagedDatabaseError, NotADatabaseError) as exc:
        raise UserFixableError(exc.message + restore_hint(location)) from exc
    for note in store.notes:
        print(f"legalsec: {note}", file=sys.stderr)
    return store
