"""How to-dos look on the calendar: a small ticked or empty box and the text in the month view's day cells, and
their section of the Needs attention list (overdue red, due today bold; a box to tick each one done)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu

from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.domain.names import search_fold
from legalsec_desktop.ui.calendar.item_labels import OVERDUE_COLOUR
from legalsec_desktop.ui.common import todo_actions

if TYPE_CHECKING:
    from legalsec_desktop.services.rows import TodoItem
    from legalsec_desktop.ui.calendar.calendar_tab import CalendarTab

TODO_COLOUR = QColor("#2e5e8c")  # apart from every event kind's colour
DONE_COLOUR = QColor("#999999")
TODO_ROLE = Qt.ItemDataRole.UserRole + 1  # a Needs attention row's to-do (UserRole holds an event's data)
AHEAD_DAYS = 7  # Needs attention lists to-dos due this many days ahead, and every overdue one


def todo_text(item: TodoItem) -> str:
    """What a day cell says: the to-do, and its matter's number."""
    return item.title + (f" [{item.matter_number}]" if item.matter_number else "")


def draw_todo(painter: QPainter, rect: QRect, item: TodoItem, today: date, base: QFont) -> None:
    """One to-do in a day cell: a box (ticked when done), then the text; smaller than events, no fill."""
    overdue = item.overdue(today)
    colour = DONE_COLOUR if item.done else QColor(OVERDUE_COLOUR) if overdue else TODO_COLOUR
    font = QFont(base)
    font.setPointSizeF(max(6.0, base.pointSizeF() - 1))
    font.setStrikeOut(item.done)
    font.setBold(overdue)
    side = max(7, QFontMetrics(font).ascent() - 2)
    box = QRect(rect.left() + 3, rect.top() + (rect.height() - side) // 2, side, side)
    painter.setPen(QPen(colour, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    if item.done:
        painter.drawLine(box.left() + 2, box.center().y(), box.center().x(), box.bottom() - 2)
        painter.drawLine(box.center().x(), box.bottom() - 2, box.right() - 1, box.top() + 2)
    painter.setFont(font)
    text = rect.adjusted(side + 7, 0, -2, 0)
    painter.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                     QFontMetrics(font).elidedText(todo_text(item), Qt.TextElideMode.ElideRight, text.width()))


def add_attention_section(attention: QListWidget, title: str, items: list[TodoItem], today: date) -> None:
    """The to-dos due by AHEAD_DAYS from today, overdue ones first and red, each with a box to tick when done."""
    heading = QListWidgetItem(f"{title} ({len(items)})")
    heading.setFlags(Qt.ItemFlag.NoItemFlags)
    heading.setForeground(TODO_COLOUR)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    attention.addItem(heading)
    for todo in items[:200]:
        when = format_date(todo.due_on) + (" — overdue" if todo.overdue(today) else " — today"
                                           if todo.due_on == today else "")
        row = QListWidgetItem(f"{when}\n{todo_text(todo)}" + (f" ({todo.assignee})" if todo.assignee else ""))
        row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(Qt.CheckState.Unchecked)
        row.setData(TODO_ROLE, todo)
        row.setToolTip(f"{todo.matter_number} {todo.client}".strip() or title)
        if todo.overdue(today):
            row.setForeground(QColor(OVERDUE_COLOUR))
        if todo.due_on <= today:
            bold = row.font()
            bold.setBold(True)
            row.setFont(bold)
        attention.addItem(row)
    if len(items) > 200:
        attention.addItem(attention.tr("… and %d more") % (len(items) - 200))


# --- the Calendar tab's to-dos: what it reads, and what a click, a right-click or a tick does ---------------------
def todos_shown(tab: CalendarTab, first: date, last: date, words: list[str]) -> list[TodoItem]:
    """The to-dos due in a view's days under the tab's filters (none when it shows only some kinds of event)."""
    from legalsec_desktop.services import todos

    filters = tab.current_filters()
    if filters.kinds:
        return []
    found = todos.todos_between(tab.state.require_store(), first, last, matter_id=filters.matter_id,
                                attorney_id=filters.attorney_id)
    return [t for t in found if all(w in search_fold(f"{t.title} {t.matter_number} {t.client}") for w in words)]


def connect_todos(tab: CalendarTab) -> None:
    """Double-click a to-do to edit it; right-click for Mark Done, Edit, Delete; tick its box in Needs attention."""
    tab.month.todo_open_requested.connect(lambda todo: todo_actions.edit(tab.state, tab, todo.id))
    tab.month.todo_menu_requested.connect(lambda todo, point: _menu(tab, todo, point))
    tab.attention.itemChanged.connect(lambda row: _ticked(tab, row))
    tab.attention.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    tab.attention.customContextMenuRequested.connect(lambda pos: _attention_menu(tab, pos))


def open_todo_row(tab: CalendarTab, row: QListWidgetItem) -> bool:
    """A Needs attention row activated: a to-do opens in its dialog (True); anything else is not ours (False)."""
    todo = row.data(TODO_ROLE)
    if todo is None:
        return False
    todo_actions.edit(tab.state, tab, todo.id)
    return True


def _menu(tab: CalendarTab, todo: TodoItem, point: QPoint) -> None:
    menu = QMenu(tab)
    todo_actions.add_todo_actions(menu, tab.state, tab.undo_stack, tab, todo)
    menu.exec(point)


def _attention_menu(tab: CalendarTab, pos: QPoint) -> None:
    row = tab.attention.itemAt(pos)
    todo = row.data(TODO_ROLE) if row is not None else None
    if todo is not None:
        _menu(tab, todo, tab.attention.viewport().mapToGlobal(pos))


def _ticked(tab: CalendarTab, row: QListWidgetItem) -> None:
    todo = row.data(TODO_ROLE)
    if todo is not None and row.checkState() == Qt.CheckState.Checked:
        todo_actions.tick(tab.state, tab.undo_stack, tab, [todo.id], True)
