"""The Needs attention panel: read in one go off the UI thread (the reminder check shares the reading), then shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.services.rows import EventFilters
from legalsec_desktop.ui.calendar.item_labels import OVERDUE_COLOUR, item_text
from legalsec_desktop.ui.calendar.todo_marks import AHEAD_DAYS, TODO_ROLE, add_attention_section
from legalsec_desktop.ui.common.navigation import TabKey

if TYPE_CHECKING:
    from legalsec_desktop.services.calendar import Occurrence
    from legalsec_desktop.services.database import Store
    from legalsec_desktop.services.file_attention import FileToReturn
    from legalsec_desktop.services.reminders import Reminder
    from legalsec_desktop.services.rows import TodoItem
    from legalsec_desktop.ui.common.app_state import AppState

FILE_ROLE = TODO_ROLE + 1  # a Needs attention row's file to return (a FileToReturn)


@dataclass(frozen=True)
class Attention:
    """One reading of the panel: for the calendar's filters, and every reminder due (what the check tells of)."""

    store: Store
    today: date
    overdue: list[Occurrence]
    reminders: list[Reminder]
    unverified: list[Occurrence]
    every_reminder: list[Reminder]
    todos: list[TodoItem] = field(default_factory=list)  # open, due by AHEAD_DAYS from today (overdue first)
    files: list[FileToReturn] = field(default_factory=list)  # checked out and past their due-back date


def read_attention(store: Store, today: date, filters: EventFilters) -> Attention:
    """Overdue items, to-dos due, files overdue, reminders due and unverified deadlines; safe on a worker thread."""
    from legalsec_desktop.services import calendar, file_attention, reminders, todos

    every = reminders.due_reminders(store, today)
    shown = every if filters == EventFilters() else reminders.due_reminders(store, today, filters)
    due = todos.todos_due(store, today + timedelta(days=AHEAD_DAYS), matter_id=filters.matter_id,
                          attorney_id=filters.attorney_id)
    files = file_attention.files_to_return(store, today, attorney_id=filters.attorney_id, matter_id=filters.matter_id)
    return Attention(store, today, calendar.overdue(store, today, filters), shown, calendar.unverified(store, filters),
                     every, due, files)


def fill_attention(panel: QListWidget, found: Attention) -> dict[str, int]:
    """Show a reading in the panel, in sections with counts; return the count of each section by its title."""
    today = found.today

    def tr(text: str) -> str:
        return QCoreApplication.translate("CalendarTab", text)

    panel.clear()
    sections = (
        (tr("Overdue"), [(o, None) for o in found.overdue], "#b00020"),
        (tr("Reminders"), [(r.occurrence, r) for r in found.reminders], "#7d6608"),
        (tr("Unverified deadlines"), [(o, None) for o in found.unverified], "#c0392b"),
    )
    for title, entries, colour in sections:
        if title == sections[1][0]:  # what is to be done comes right after what is overdue
            add_attention_section(panel, tr("To do"), found.todos, today)
            if found.files:  # most days none is late: no empty heading for it
                add_files_section(panel, tr("Files to return"), found.files)
        heading = QListWidgetItem(f"{title} ({len(entries)})")
        heading.setFlags(Qt.ItemFlag.NoItemFlags)
        heading.setForeground(QColor(colour))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        panel.addItem(heading)
        for occ, reminder in entries[:200]:
            when = format_date(occ.day) + (f" ({reminder.says(today)})" if reminder else "")
            item = QListWidgetItem(f"{when}\n{item_text(occ, today)}")
            item.setData(Qt.ItemDataRole.UserRole, (title, occ, reminder))
            item.setToolTip(f"{occ.matter_number} {occ.client}".strip())
            panel.addItem(item)
        if len(entries) > 200:
            panel.addItem(tr("… and %d more") % (len(entries) - 200))
    return {**{title: len(entries) for title, entries, _ in sections}, tr("To do"): len(found.todos),
            tr("Files to return"): len(found.files)}


def add_files_section(panel: QListWidget, title: str, files: list[FileToReturn]) -> None:
    """Files out past their due-back date, longest overdue first; activating one shows it on the Files tab."""
    heading = QListWidgetItem(f"{title} ({len(files)})")
    heading.setFlags(Qt.ItemFlag.NoItemFlags)
    heading.setForeground(QColor(OVERDUE_COLOUR))
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    panel.addItem(heading)
    for out in files[:200]:
        row = QListWidgetItem(f"{format_date(out.due_back_on)} — overdue\n{out.text()}")
        row.setData(FILE_ROLE, out)
        row.setForeground(QColor(OVERDUE_COLOUR))
        row.setToolTip(f"{out.matter_number} {out.client}".strip())
        panel.addItem(row)
    if len(files) > 200:
        panel.addItem(panel.tr("… and %d more") % (len(files) - 200))


def open_file_row(state: AppState, row: QListWidgetItem) -> bool:
    """A file's row activated: the Files tab shows that file (True); anything else is not ours (False)."""
    out = row.data(FILE_ROLE)
    if out is None:
        return False
    state.navigate_to(TabKey.FILES, out.barcode, file_id=out.file_id)
    return True
