"""Edit ▸ Undo for deletions: the deletion is done first, then an undoable command is pushed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.services.changes import Changed


class StoreCommand(QUndoCommand):
    """An action already done in the database, with the calls that undo and redo it."""

    def __init__(self, text: str, undo: Callable[[], object], redo: Callable[[], object], state: AppState,
                 what: Changed, parent_widget: QWidget) -> None:
        super().__init__(text)
        self._undo, self._redo, self.state, self.what, self.parent_widget = undo, redo, state, what, parent_widget
        self._done = True  # pushed after the action succeeded: the first redo() must not repeat it

    def redo(self) -> None:
        if self._done:
            return
        self._run(self._redo, "Could not redo")
        self._done = True

    def undo(self) -> None:
        self._run(self._undo, "Could not undo")
        self._done = False

    def _run(self, call: Callable[[], object], title: str) -> None:
        try:
            call()
        except UserFixableError as exc:
            self.setObsolete(True)
            show_problem(self.parent_widget, exc, title)
        self.state.data_changed.emit(self.what)


def delete_with_undo(stack: QUndoStack, parent: QWidget, state: AppState, what: Changed,
                     delete: Callable[[], str], restore: Callable[[], object], label: str) -> bool:
    """Run `delete` (returns a description); on success push an undo command and say how to undo."""
    try:
        described = delete()
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Not deleted"))
        return False
    stack.push(StoreCommand(f"{label} {described}", restore, delete, state, what, parent))
    state.data_changed.emit(what)
    state.tell(parent.tr("Deleted %s. Edit ▸ Undo (Ctrl+Z) brings it back.") % described, 8000)
    return True
