"""The To do page of a matter's detail pane: its to-dos, a box to tick each one, and the buttons to change them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.ui.common import todo_actions
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.matters import matter_overview

if TYPE_CHECKING:
    from legalsec_desktop.services.rows import TodoItem

OVERDUE = QColor(matter_overview.WARNING)
FADED = QColor("#888888")


class TodoPage(QWidget):
    """One matter's to-dos by due date (the done ones when asked); ticking a box marks it done, undoably."""

    def __init__(self, state: AppState, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.undo_stack = state, undo_stack
        self.matter_id: int | None = None
        self.items: list[TodoItem] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("todoTable")
        self.table.setHorizontalHeaderLabels([self.tr("Done"), self.tr("Due"), self.tr("What"), self.tr("For"),
                                              self.tr("Notes")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((44, 120, 250, 44)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_todo())
        self.table.itemChanged.connect(self._ticked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_todo)
        self.show_done = QCheckBox(self.tr("Show done"))
        self.show_done.toggled.connect(lambda _on: self.refresh())
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(16, 16))
        self.write_actions: list[QAction] = []
        for text, icon_name, slot in ((self.tr("&New To-Do…"), "new", self.new_todo),
                                      (self.tr("Edit…"), "edit", self.edit_todo),
                                      (self.tr("Mark Done"), "", lambda: self.tick(True)),
                                      (self.tr("Delete"), "delete", self.delete_todo)):
            action = QAction(icon(icon_name), text, bar) if icon_name else QAction(text, bar)
            action.triggered.connect(slot)
            bar.addAction(action)
            self.write_actions.append(action)
        bar.addWidget(self.show_done)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.table, 1)

    def show_matter(self, matter_id: int | None) -> None:
        self.matter_id = matter_id
        self.refresh()

    def refresh(self) -> None:
        from legalsec_desktop.services import todos

        if self.matter_id is None or self.state.store is None:
            self.items = []
        else:
            self.items = todos.matter_todos(self.state.store, self.matter_id, include_done=self.show_done.isChecked())
        today = self.state.clock.today()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, (item, shown) in enumerate(zip(self.items, matter_overview.todo_rows(self.items, today))):
            for column, value in enumerate(shown.cells):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                if column == 0:
                    cell.setFlags(cell.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    cell.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
                    cell.setToolTip(self.tr("Tick when done"))
                if item.overdue(today):
                    cell.setForeground(QBrush(OVERDUE))
                elif item.done:
                    cell.setForeground(QBrush(FADED))
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        for action in self.write_actions:
            action.setEnabled(not self.state.read_only)

    def selected(self) -> TodoItem | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _ticked(self, cell: QTableWidgetItem) -> None:
        if cell.column() != 0 or not 0 <= cell.row() < len(self.items):
            return
        item = self.items[cell.row()]
        done = cell.checkState() == Qt.CheckState.Checked
        if done != item.done:
            todo_actions.tick(self.state, self.undo_stack, self, [item.id], done)
            self.refresh()  # read-only, or nothing changed: the box shows what is stored

    def _menu(self, pos: QPoint) -> None:
        item = self.selected() if self.table.itemAt(pos) is not None else None
        menu = QMenu(self)
        if item is not None:
            todo_actions.add_todo_actions(menu, self.state, self.undo_stack, self, item)
            menu.addSeparator()
        menu.addAction(self.tr("New To-Do…"), self.new_todo).setEnabled(not self.state.read_only)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def new_todo(self, day: date | None = None) -> None:
        todo_actions.edit(self.state, self, None, self.matter_id, day)

    def edit_todo(self) -> None:
        item = self.selected()
        if item is not None:
            todo_actions.edit(self.state, self, item.id)

    def tick(self, done: bool) -> None:
        item = self.selected()
        if item is not None:
            todo_actions.tick(self.state, self.undo_stack, self, [item.id], done)

    def delete_todo(self) -> None:
        item = self.selected()
        if item is not None:
            todo_actions.delete(self.state, self.undo_stack, self, item.id)
