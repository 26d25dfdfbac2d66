"""The Time tab's changes to entries that Edit ▸ Undo takes back: an entry saved, entries deleted, a status set."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.undo import StoreCommand

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from legalsec_desktop.ui.common.app_state import AppState
    from legalsec_desktop.ui.time.time_entry_bar import TimeEntryBar


class EntryActions(QWidget):
    """Mixed into the Time tab (which has the state, the undo stack, the entry bar and the list's selection)."""

    if TYPE_CHECKING:
        state: AppState
        undo_stack: QUndoStack
        entry_bar: TimeEntryBar

        def selected_ids(self) -> list[int]: ...

        def select_entry(self, entry_id: int, scroll: bool = False) -> None: ...

    def _entry_saved(self, entry_id: int) -> None:
        """Undo takes a new entry away again, or puts a changed one back as it was."""
        from legalsec_desktop.services import time_entries

        store, before = self.state.require_store(), self.entry_bar.editing_before
        if before is None:
            removed: list = []
            self.undo_stack.push(StoreCommand(
                self.tr("Add time entry"),
                lambda: removed.__setitem__(slice(None), time_entries.delete_entries(store, [entry_id])),
                lambda: time_entries.restore_entries(store, removed), self.state, Changed.TIME, self))
        else:
            after = time_entries.load_entry(store, entry_id)
            self.undo_stack.push(StoreCommand(
                self.tr("Change time entry"), lambda: time_entries.save_entry(store, before, entry_id),
                lambda: time_entries.save_entry(store, after, entry_id), self.state, Changed.TIME, self))
        self.state.data_changed.emit(Changed.TIME)
        self.select_entry(entry_id, scroll=True)
        self.state.tell(self.tr("Time entry saved. Edit ▸ Undo (Ctrl+Z) takes it back."))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.state.read_only:
            return
        from legalsec_desktop.services import time_entries
        from legalsec_desktop.ui.common.undo import delete_with_undo

        deleted: list = []

        def delete() -> str:
            deleted[:] = time_entries.delete_entries(self.state.require_store(), ids)
            return self.tr("%d time entr%s") % (len(ids), "y" if len(ids) == 1 else "ies")

        delete_with_undo(self.undo_stack, self, self.state, Changed.TIME, delete,
                         lambda: time_entries.restore_entries(self.state.require_store(), deleted), self.tr("Delete"))

    def set_status(self, status: str) -> None:
        ids = self.selected_ids()
        if not ids or self.state.read_only:
            return
        from legalsec_desktop.services import time_entries

        if status == "billed":
            answer = QMessageBox.question(
                self, self.tr("Mark billed"),
                self.tr("Mark %d entr%s billed? Billed time is locked: it cannot be changed or deleted afterwards.")
                % (len(ids), "y" if len(ids) == 1 else "ies"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            before = time_entries.set_status(self.state.require_store(), ids, status)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Status not changed"))
            return
        if status != "billed":
            self.undo_stack.push(StoreCommand(self.tr("Mark %s") % status,
                                              lambda: time_entries.restore_statuses(self.state.require_store(), before),
                                              lambda: time_entries.set_status(self.state.require_store(), ids, status),
                                              self.state, Changed.TIME, self))
        self.state.data_changed.emit(Changed.TIME)
