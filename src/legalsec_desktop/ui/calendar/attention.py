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
from legalsec_desktop.ui.calendar.item_labels import item_text
from legalsec_desktop.ui.calendar.todo_marks import AHEAD_DAYS, add_attention_section

if TYPE_CHECKING:
    from legalsec_desktop.services.calendar import Occurrence
    from legalsec_desktop.services.database import Store
    from legalsec_desktop.services.reminders import Reminder
    from legalsec_desktop.services.rows import TodoItem


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


def read_attention(store: Store, today: date, filters: EventFilters) -> Attention:
    """Overdue items, to-dos due, reminders due and unverified deadlines; safe on a worker thread (no Qt)."""
    from legalsec_desktop.services import calendar, reminders, todos

    every = reminders.due_reminders(store, today)
    shown = every if filters == EventFilters() else reminders.due_reminders(store, today, filters)
    due = todos.todos_due(store, today + timedelta(days=AHEAD_DAYS), matter_id=filters.matter_id,
                          attorney_id=filters.attorney_id)
    return Attention(store, today, calendar.overdue(store, today, filters), shown, calendar.unverified(store, filters),
                     every, due)


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
    return {**{title: len(entries) for title, entries, _ in sections}, tr("To do"): len(found.todos)}
