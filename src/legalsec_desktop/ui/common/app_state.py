"""What the open window knows about its database, and the one signal that says data changed."""

from __future__ import annotations

from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from legalsec_desktop.clock import SYSTEM_CLOCK, Clock
from legalsec_desktop.ui.common.navigation import Destination, TabKey
from legalsec_desktop.ui.common.worker import wait_for_reads

if TYPE_CHECKING:
    from legalsec_desktop.services.database import DatabaseLocation
    from legalsec_desktop.services.database import Store


class AppState(QObject):
    """The database the window shows. Tabs listen to `data_changed` and `store_changed`."""

    store_changed = Signal()  # a database was opened, or replaced by a restore
    data_changed = Signal(object)  # a services.changes.Changed: what the action touched
    navigation_requested = Signal(object)  # a Destination: the frame shows that tab, filtered
    status_told = Signal(str, int)  # a line for the status bar, and for how many milliseconds
    letter_offered = Signal(int, str)  # a matter id and a letter's purpose ("declination", "closing"): offer it

    def __init__(self, location: DatabaseLocation | Path, backup_dir: Path, log_file: Path | None = None,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__()
        from legalsec_desktop.services.database import location_of

        self.location: DatabaseLocation = location_of(location)  # where the database is: a SQLite file today
        self.backup_dir, self.log_file = backup_dir, log_file
        self.clock = clock  # the one clock: the composition root's, or a test's pinned one
        self.store: Store | None = None
        # Locks the database file itself once it exists or was replaced; set by the composition root.
        self.hold_file: Callable[[], bool] = lambda: True

    @property
    def db_path(self) -> Path:
        """The database file, for what only a file has (backups, checks, a restore); the rest speaks of `location`."""
        path = self.location.file
        if path is None:
            raise ValueError(f"{self.location} is not a database file")
        return path

    def require_store(self) -> Store:
        """The open database, for code that only runs once one is open (a dialog, an enabled action, its undo)."""
        if self.store is None:
            raise RuntimeError("no database is open")
        return self.store

    @property
    def read_only(self) -> bool:
        return self.store is not None and self.store.read_only

    def documents_root(self) -> Path:
        """The documents folder: the firm's choice, else 'Legalsec Documents' in the user's Documents folder."""
        from legalsec_desktop import paths
        from legalsec_desktop.services.document_root import documents_root

        return documents_root(self.require_store(), paths.default_documents_root())

    def navigate_to(self, tab: TabKey, matter_number: str | None = None, matter_id: int | None = None, *,
                    file_id: int | None = None) -> None:
        """Ask the frame to show a tab; filtered to one matter (or showing one file) when given, as it was when not."""
        self.navigation_requested.emit(Destination(tab, matter_number, matter_id, file_id))

    def tell(self, text: str, timeout_ms: int = 5000) -> None:
        """Say something in the window's status bar (from a tab, a dialog or an undo command)."""
        self.status_told.emit(text, timeout_ms)

    def set_store(self, store: Store | None) -> None:
        if self.store is not None and self.store is not store:
            wait_for_reads()  # a reading of the old database finishes before it closes (its result is dropped)
            self.store.close()
        self.store = store
        self.store_changed.emit()
