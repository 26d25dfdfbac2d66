"""File ▸ Import Calendar (.ics) with a preview, and File ▸ Export Calendar (.ics)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.events import KIND_LABELS, describe_rule
from legalsec_desktop.domain.formatting import counted, format_clock, format_date
from legalsec_desktop.services import ical
from legalsec_desktop.services.calendar import Filters
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.calendar.event_dialog import default_zone
from legalsec_desktop.ui.common.fields import fill_matter_combo, searchable_combo, table_item
from legalsec_desktop.ui.common.save_paths import ask_open_path, ask_save_path
from legalsec_desktop.ui.common.worker import Progress, run_and_wait
from legalsec_desktop.ui.common.table_columns import fit_columns
from legalsec_desktop.services.changes import Changed


def export_calendar(state: AppState, parent: QWidget, filters: Filters) -> str | None:
    """Ask for a file and write the events the Calendar filters show; returns a status message."""
    target = ask_save_path(parent, parent.tr("Export Calendar"), "calendar.ics", parent.tr("iCalendar files (*.ics)"),
                           ".ics")
    if target is None:
        return None
    store = state.require_store()
    try:  # the file is written whole or not at all, so there is nothing to stop half way: no Cancel
        count = run_and_wait(parent, parent.tr("Exporting the calendar…"),
                             lambda progress: ical.export_ics(store, target, filters))
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Calendar not exported"))
        return None
    return parent.tr("Exported %s to %s.") % (counted(count, "event"), target)


def import_calendar(state: AppState, parent: QWidget, matter_id: int | None = None) -> str | None:
    path = ask_open_path(parent, parent.tr("Import Calendar"), parent.tr("iCalendar files (*.ics);;All files (*)"))
    if path is None:
        return None
    zone, reading = default_zone(state.store, matter_id), parent.tr("Reading the calendar file…")

    def read(progress: Progress) -> ical.IcsReading | None:  # on the worker thread: no widgets here
        found = ical.read_ics(Path(path), zone)
        return found if progress(reading, 0, 0) else None  # cancelled while reading: nothing was saved yet

    try:
        found = run_and_wait(parent, reading, read, cancellable=True)
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Calendar not imported"))
        return None
    if found is None:
        return None
    dialog = ImportPreview(state, found.events, Path(path).name, parent, matter_id, found.skipped)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return parent.tr("Imported %s from %s.") % (counted(len(dialog.imported), "event"), Path(path).name)


class ImportPreview(LoadOnShowDialog):
    """Shows what the file holds; nothing is saved until Import, and then all of it at once."""

    def __init__(self, state: AppState, items: list[ical.Incoming], name: str, parent: QWidget | None = None,
                 matter_id: int | None = None, skipped: list[ical.Skipped] | None = None) -> None:
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
            repeat = describe_rule(draft.rrule) if draft.rrule else ""
            for col, text in enumerate((when or self.tr("all day"), draft.title, KIND_LABELS[draft.kind],
                                        "; ".join(filter(None, [repeat, *item.warnings]))), start=1):
                self.table.setItem(row, col, QTableWidgetItem(text))
        fit_columns(self.table)
        self.matter_id, self.loaded = matter_id, False
        self.matter = searchable_combo()  # its matters are read by load(), on first showing
        form = QFormLayout()
        form.addRow(self.tr("Put them on &matter:"), self.matter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("&Import %d Events") % len(items),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)  # until load() has read the matters
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%s in the file. Untick any you do not want.") % counted(len(items), "event")))
        if skipped:  # the bad events of the file, each with its line: the good ones are still imported
            lines = "\n".join(item.text() for item in skipped[:20]) + ("\n…" if len(skipped) > 20 else "")
            layout.addWidget(QLabel(self.tr("%s cannot be imported:\n%s") % (counted(len(skipped), "event"), lines)))
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def read(self) -> None:
        """Read the matters to choose from (on first showing, not in __init__)."""
        self.loaded = True
        fill_matter_combo(self.matter, self.state.require_store(), self.matter_id, self.tr("(no matter)"))
        self.import_button.setEnabled(bool(self.items) and not self.state.read_only)

    def chosen(self) -> list:
        """The ticked events, in the order of the file."""
        return [item for row, item in enumerate(self.items)
                if table_item(self.table, row, 0).checkState() == Qt.CheckState.Checked]

    def run_import(self) -> None:
        if not self.loaded:  # the matter picker is not filled yet: nothing to import onto
            return
        store, chosen = self.state.require_store(), self.chosen()  # read the ticks here, on the UI thread
        matter = self.matter.currentData()
        drafts, links = [replace(item.draft, matter_id=matter) for item in chosen], ical.series_links(chosen)
        try:  # one transaction: all of them or none, so no Cancel half way
            self.imported = run_and_wait(self, self.tr("Importing %s…") % counted(len(chosen), "event"),
                                         lambda progress: ical.import_events(store, drafts, links))
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Nothing was imported"))
            return
        self.state.data_changed.emit(Changed.EVENTS)
        self.accept()
