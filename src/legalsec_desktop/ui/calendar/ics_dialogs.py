"""File ▸ Import Calendar (.ics) with a preview, and File ▸ Export Calendar (.ics)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.events import KIND_LABELS, REPEATS
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.services import ical
from legalsec_desktop.services.calendar import Filters
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.calendar.event_dialog import default_zone
from legalsec_desktop.ui.common.fields import matter_combo, table_item
from legalsec_desktop.ui.common.save_paths import ask_save_path, last_folder, remember_folder
from legalsec_desktop.services.changes import Changed


def export_calendar(state: AppState, parent: QWidget, filters: Filters) -> str | None:
    """Ask for a file and write the events the Calendar filters show; returns a status message."""
    target = ask_save_path(parent, parent.tr("Export Calendar"), "calendar.ics", parent.tr("iCalendar files (*.ics)"),
                           ".ics")
    if target is None:
        return None
    try:
        count = ical.export_ics(state.require_store(), target, filters)
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Calendar not exported"))
        return None
    return parent.tr("Exported %d events to %s.") % (count, target)


def import_calendar(state: AppState, parent: QWidget, matter_id: int | None = None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Import Calendar"), last_folder(),
                                          parent.tr("iCalendar files (*.ics);;All files (*)"))
    if not path:
        return None
    remember_folder(Path(path))
    try:
        items = ical.read_ics(Path(path), default_zone(state.store, matter_id))
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Calendar not imported"))
        return None
    dialog = ImportPreview(state, items, Path(path).name, parent, matter_id)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return parent.tr("Imported %d events from %s.") % (len(dialog.imported), Path(path).name)


class ImportPreview(QDialog):
    """Shows what the file holds; nothing is saved until Import, and then all of it at once."""

    def __init__(self, state: AppState, items: list[ical.Incoming], name: str, parent: QWidget | None = None,
                 matter_id: int | None = None) -> None:
        super().__init__(parent)
        self.state, self.items = state, items
        self.imported: list[int] = []
        self.setWindowTitle(self.tr("Import %s") % name)
        self.resize(760, 480)
        self.table = QTableWidget(len(items), 5)
        self.table.setObjectName("importPreview")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Time"), self.tr("Title"), self.tr("Type"),
                                              self.tr("Repeats / notes")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, item in enumerate(items):
            draft = item.draft
            start = None if draft.all_day else draft.start_local()
            when = "" if start is None else format_clock(start) + f" {draft.tz}"
            check = QTableWidgetItem(format_date(draft.on_date))
            check.setFlags(check.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            check.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, check)
            repeat = REPEATS.get(draft.rrule, draft.rrule) if draft.rrule else ""
            for col, text in enumerate((when or self.tr("all day"), draft.title, KIND_LABELS[draft.kind],
                                        "; ".join(filter(None, [repeat, *item.warnings]))), start=1):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.matter = matter_combo(state.store, matter_id, blank=self.tr("(no matter)"))
        form = QFormLayout()
        form.addRow(self.tr("Put them on &matter:"), self.matter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("&Import %d Events") % len(items),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(bool(items) and not state.read_only)
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%d events in the file. Untick any you do not want.") % len(items)))
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> list:
        matter = self.matter.currentData()
        return [replace(item.draft, matter_id=matter) for row, item in enumerate(self.items)
                if table_item(self.table, row, 0).checkState() == Qt.CheckState.Checked]

    def run_import(self) -> None:
        try:
            self.imported = ical.import_events(self.state.require_store(), self.chosen())
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Nothing was imported"))
            return
        self.state.data_changed.emit(Changed.EVENTS)
        self.accept()
