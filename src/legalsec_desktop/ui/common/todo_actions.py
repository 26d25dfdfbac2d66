"""What every place that shows to-dos offers: tick done or not (undoable), edit, delete (undoable), a new one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.undo import StoreCommand, delete_with_undo

if TYPE_CHECKING:
    from legalsec_desktop.services.rows import TodoItem

CHANGED = Changed.TODOS | Changed.COMMUNICATIONS  # a follow-up's to-do is also its log entry's date


def tick(state: AppState, undo_stack: QUndoStack, parent: QWidget, todo_ids: Sequence[int], done: bool) -> None:
    """Mark to-dos done (or not done); Edit ▸ Undo changes back just those that changed."""
    if state.read_only or state.store is None or not todo_ids:
        return
    from legalsec_desktop.services import todos

    store = state.store
    try:
        changed = todos.set_done(store, todo_ids, done)
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Not changed"))
        return
    if not changed:
        return
    text = (parent.tr("Mark %d to-do(s) done") if done else parent.tr("Mark %d to-do(s) not done")) % len(changed)
    undo_stack.push(StoreCommand(text, lambda: todos.set_done(store, changed, not done),
                                 lambda: todos.set_done(store, changed, done), state, CHANGED, parent))
    state.data_changed.emit(CHANGED)
    state.tell(parent.tr("%s. Edit ▸ Undo (Ctrl+Z) changes it back.") % text, 6000)


def delete(state: AppState, undo_stack: QUndoStack, parent: QWidget, todo_id: int) -> None:
    if state.read_only or state.store is None:
        return
    from legalsec_desktop.services import todos

    store = state.store
    delete_with_undo(undo_stack, parent, state, CHANGED, lambda: todos.delete_todo(store, todo_id),
                     lambda: todos.restore_todo(store, todo_id), parent.tr("Delete"))


def edit(state: AppState, parent: QWidget, todo_id: int | None = None, matter_id: int | None = None,
         day: date | None = None) -> bool:
    """Open the to-do dialog (a new to-do when `todo_id` is None); True when it was saved."""
    if state.store is None or (todo_id is None and state.read_only):
        return False
    from legalsec_desktop.ui.common.todo_dialog import TodoDialog

    dialog = TodoDialog(state, parent, todo_id, matter_id, day)
    if not dialog.ready():  # a to-do deleted meanwhile is a message, no dialog
        dialog.deleteLater()
        return False
    return dialog.exec() == TodoDialog.DialogCode.Accepted


def add_todo_actions(menu: QMenu, state: AppState, undo_stack: QUndoStack, parent: QWidget, item: TodoItem) -> None:
    """A to-do's entries in a context menu: tick or untick, edit, delete."""
    writable = not state.read_only
    if item.done:
        untick = menu.addAction(parent.tr("Mark Not Done"), lambda: tick(state, undo_stack, parent, [item.id], False))
        untick.setEnabled(writable)
    else:
        ticked = menu.addAction(parent.tr("Mark Done"), lambda: tick(state, undo_stack, parent, [item.id], True))
        ticked.setEnabled(writable)
    menu.addAction(parent.tr("Edit To-Do…"), lambda: edit(state, parent, item.id))
    gone = menu.addAction(parent.tr("Delete To-Do"), lambda: delete(state, undo_stack, parent, item.id))
    gone.setEnabled(writable)
