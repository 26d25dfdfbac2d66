"""The Files tab's inbox: the files lying in the watched inbox folder, each with a suggested matter; File… opens the
filing dialog pre-set (the original is copied, never moved); a file already filed can be moved aside."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QSettings, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.document_text import size_text
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.filing import file_paths
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.table_columns import fit_columns, read_only_table
from legalsec_desktop.ui.common.worker import run_quietly

if TYPE_CHECKING:
    from legalsec_desktop.services.inbox import InboxCache

COLUMNS = ("File", "Size", "Arrived", "Suggested matter", "State")
RECHECK_MS = 2000  # files still being written are looked at again after this long


class InboxPane(QWidget):
    """The inbox folder's files; read again when the folder changes (a watcher), on Refresh, and when shown."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxPane")
        self.state = state
        self.folder: Path | None = None
        self.files: list = []  # services.inbox.InboxFile, as last read
        self.cache: InboxCache | None = None  # what was read of the files before, kept between looks
        self.reading = False
        self.count_label = QLabel()
        self.count_label.setObjectName("inboxCount")
        self.where = QLabel()
        self.where.setObjectName("inboxWhere")
        self.where.setWordWrap(True)
        self.where.setStyleSheet("color: #555;")
        self.bar = QToolBar()
        self.bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bar.setIconSize(QSize(16, 16))
        self.file_action = self._action("inbox_file", self.tr("&File…"), "new", self.file_selected)
        self.aside_action = self._action("inbox_aside", self.tr("Move to “Filed”…"), "", self.move_aside)
        self._action("inbox_open", self.tr("Open"), "files", self.open_selected)
        self._action("inbox_refresh", self.tr("Refresh"), "refresh", self.refresh)
        self.table = read_only_table([self.tr(c) for c in COLUMNS], "inboxTable")
        self.table.doubleClicked.connect(lambda _index: self.file_selected())
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.fitter = fit_columns(self.table)
        for column, width in enumerate((320, 80, 170, 300)):
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.where)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)
        self.soon = QTimer(self, singleShot=True, interval=400)  # a scanner writes in bursts: look once after
        self.soon.timeout.connect(self.refresh)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self.soon.start())
        self.recheck = QTimer(self, singleShot=True, interval=RECHECK_MS)
        self.recheck.timeout.connect(self.refresh)
        state.store_changed.connect(self.refresh)
        state.data_changed.connect(lambda what: self.refresh() if what.touches(Changed.DOCUMENTS | Changed.FIRM)
                                   and self.isVisible() else None)
        self._update_actions()

    def _action(self, name: str, text: str, icon_name: str, slot: object) -> QAction:
        action = QAction(icon(icon_name), text, self) if icon_name else QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.bar.addAction(action)
        return action

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()

    # --- as a side of the Files tab --------------------------------------------------------------
    def focus_filter(self) -> None:
        self.table.setFocus()

    def show_destination(self, _destination: object) -> None:
        self.refresh()

    def save_layout(self, settings: QSettings) -> None:
        settings.setValue("tables/inbox/header", self.table.horizontalHeader().saveState())

    def restore_layout(self, settings: QSettings) -> None:
        state = settings.value("tables/inbox/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    # --- reading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Look at the inbox folder again (in the background: hashing a large scan takes a moment)."""
        store = self.state.store
        if store is None:
            return
        from legalsec_desktop.services import document_root, inbox

        self.folder = document_root.inbox_folder(store)
        for watched in self.watcher.directories():
            self.watcher.removePath(watched)
        if self.folder is None:
            self.where.setText(self.tr("No inbox folder is set: choose the folder your scanner saves to in "
                                       "Settings (Documents)."))
            self._show([], False)
            return
        if self.reading:
            self.soon.start()
            return
        self.reading = True
        if self.cache is None:  # (made here: the services are not loaded before the window is first shown)
            self.cache = inbox.InboxCache()
        folder, now, cache = self.folder, self.state.clock.utc_now(), self.cache

        def work() -> tuple[list, bool] | None:  # off the UI thread: a disconnected share may take a while
            if not folder.is_dir():
                return None
            entries, unsettled = inbox.inbox_entries(folder, now)
            return inbox.inbox_files(store, entries, cache), unsettled

        def done(result: tuple[list, bool] | None) -> None:
            self.reading = False
            if result is None:
                self.where.setText(self.tr("The inbox folder %s is not there: connect its drive, or choose another "
                                           "in Settings.") % folder)
                self._show([], False)
                return
            self.where.setText(self.tr("Files in %s, offered for filing. Filing copies them; the originals stay "
                                       "here.") % folder)
            self.watcher.addPath(str(folder))
            self._show(*result)

        def failed(exc: BaseException) -> None:
            self.reading = False
            if isinstance(exc, OSError):
                self.where.setText(self.tr("The inbox folder cannot be read just now."))
                self._show([], False)
                return
            show_problem(self, exc, self.tr("Inbox not read"))

        run_quietly(self, work, done, failed)

    def _show(self, files: list, unsettled: bool) -> None:
        self.files = files
        self.table.setRowCount(len(files))
        for row, item in enumerate(files):
            arrived = to_local(item.entry.modified)
            matter = item.matter_number + (f" ({item.reason})" if item.reason else "") if item.matter_id else ""
            state = self.tr("Filed as “%s”") % item.filed_title if item.filed_id else self.tr("New")
            for column, text in enumerate((item.entry.path.name, size_text(item.entry.size),
                                           f"{format_date(arrived.date())} {format_clock(arrived)}", matter, state)):
                cell = QTableWidgetItem(text)
                if item.filed_id:
                    cell.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(row, column, cell)
        waiting = self.tr(" (more arriving…)") if unsettled else ""
        self.count_label.setText(self.tr("%d in the inbox") % len(files) + waiting)
        if unsettled:
            self.recheck.start()
        self._update_actions()

    # --- acting ----------------------------------------------------------------------------
    def selected(self):  # noqa: ANN201 - services.inbox.InboxFile | None
        row = self.table.currentRow()
        return self.files[row] if 0 <= row < len(self.files) and self.table.selectedItems() else None

    def _update_actions(self) -> None:
        chosen = self.selected()
        writable = not self.state.read_only
        self.file_action.setEnabled(chosen is not None and writable)
        self.aside_action.setEnabled(chosen is not None and chosen.filed_id is not None)

    def file_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and file_paths(self.state, self, [chosen.entry.path], chosen.matter_id):
            self.refresh()

    def open_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(chosen.entry.path)))

    def move_aside(self) -> None:
        """A file already filed leaves the inbox view: moved, unchanged, into the inbox's 'Filed' subfolder."""
        chosen = self.selected()
        if chosen is None or chosen.filed_id is None:
            return
        from legalsec_desktop.services import inbox

        answer = QMessageBox.question(self, self.tr("Move to “Filed”"), self.tr(
            "“%s” is already filed as “%s”.\n\nMove it into the inbox's “%s” subfolder? It is moved, not deleted "
            "or changed.") % (chosen.entry.path.name, chosen.filed_title, inbox.FILED_FOLDER))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            target = inbox.move_to_filed(chosen.entry.path)
        except OSError:
            QMessageBox.warning(self, self.tr("Not moved"), self.tr(
                "“%s” could not be moved (it may be open in another program). It is still in the inbox.")
                % chosen.entry.path.name)
            return
        self.state.tell(self.tr("Moved to %s.") % target.parent, 6000)
        self.refresh()
