"""A document's detail: its facts and versions, each openable with the system's application; Open, Show in Folder,
New Version…, Edit… and Delete (undoable)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.services.document_rows import DocumentItem, FilingResult, VersionItem
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.document_open import open_file, version_file
from legalsec_desktop.ui.common.document_text import VERSION_COLUMNS, facts_html, heading_html, version_rows
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.table_columns import fit_columns, read_only_table
from legalsec_desktop.ui.common.undo import delete_with_undo
from legalsec_desktop.ui.common.worker import Progress, run_and_wait


class DocumentDetail(QWidget):
    """Shows one document (or a hint); reads it again on every `show_document`."""

    shown = Signal()

    def __init__(self, state: AppState, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.undo_stack = state, undo_stack
        self.document_id: int | None = None
        self.item: DocumentItem | None = None
        self.versions: list[VersionItem] = []  # newest first, as the table lists them
        self.heading = QLabel()
        self.heading.setObjectName("documentHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setObjectName("documentFacts")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.bar = QToolBar()
        self.bar.setObjectName("documentButtons")
        self.bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bar.setIconSize(QSize(16, 16))
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, icon_name, slot, writes in (
            ("open", self.tr("&Open"), "files", self.open_selected, False),
            ("folder", self.tr("Show in &Folder"), "", self.show_in_folder, False),
            ("new_version", self.tr("New &Version…"), "new", self.new_version, True),
            ("edit", self.tr("&Edit…"), "edit", self.edit, True),
            ("delete", self.tr("&Delete"), "delete", self.delete, True),
        ):
            action = QAction(icon(icon_name), text, self.bar) if icon_name else QAction(text, self.bar)
            action.setObjectName(f"document_{name}")
            action.setProperty("writes", writes)
            action.triggered.connect(slot)
            self.bar.addAction(action)
            self.actions_by_name[name] = action
        self.versions_title = QLabel(self.tr("<b>Versions</b> (newest first; double-click to open)"))
        self.table = read_only_table([self.tr(title) for title in VERSION_COLUMNS], "documentVersions")
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.fitter = fit_columns(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.facts)
        layout.addWidget(self.versions_title)
        layout.addWidget(self.table, 1)
        self.show_document(None)

    # --- showing -----------------------------------------------------------------------------
    def show_document(self, document_id: int | None) -> None:
        self.document_id, self.item, self.versions = document_id, None, []
        store = self.state.store
        if document_id is None or store is None:
            self._show_hint(self.tr("Select a document to see its versions, open it or file a new version. "
                                    "Drop files here, or paste them (Ctrl+V), to file them."))
            return
        from legalsec_desktop.services import documents

        try:
            self.item = documents.document(store, document_id)
            self.versions = sorted(documents.versions(store, document_id), key=lambda v: -v.number)
        except UserFixableError as exc:
            self._show_hint(exc.message)
            return
        self.heading.setText(heading_html(self.item))
        self.facts.setText(facts_html(self.item))
        rows = version_rows(self.versions)
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if rows:
            self.table.selectRow(0)
        for widget in (self.bar, self.versions_title, self.table):
            widget.show()
        for action in self.actions_by_name.values():
            action.setEnabled(not (action.property("writes") and self.state.read_only))
        self.shown.emit()

    def _show_hint(self, text: str) -> None:
        self.heading.setText("")
        self.facts.setText(f"<span style='color:#555'>{text}</span>")
        self.table.setRowCount(0)
        for widget in (self.bar, self.versions_title, self.table):
            widget.hide()
        self.shown.emit()

    # --- the actions ---------------------------------------------------------------------------
    def selected_version(self) -> VersionItem | None:
        row = self.table.currentRow()
        return self.versions[row] if 0 <= row < len(self.versions) else (self.versions[0] if self.versions else None)

    def _file_of(self, version: VersionItem) -> Path | None:
        """The version's file, or None (said plainly) when it is not there."""
        return version_file(self, self.state, version)

    def open_selected(self) -> None:
        version = self.selected_version()
        path = self._file_of(version) if version is not None else None
        if path is not None:
            open_file(self, path)

    def show_in_folder(self) -> None:
        version = self.selected_version()
        path = self._file_of(version) if version is not None else None
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def new_version(self) -> None:
        if self.item is None or self.state.read_only:
            return
        from legalsec_desktop.ui.common.save_paths import ask_open_path

        chosen = ask_open_path(self, self.tr("New Version of %s") % self.item.title, self.tr("Any file (*)"))
        if chosen is not None:
            self.file_new_version(chosen)

    def file_new_version(self, path: Path) -> None:
        """File `path` as the newest version of the shown document (the older ones are kept)."""
        if self.item is None:
            return
        from legalsec_desktop.services import document_filing
        from legalsec_desktop.services.users import current_user

        store, root, document_id, clock = (self.state.require_store(), self.state.documents_root(), self.item.id,
                                           self.state.clock)
        by = current_user()

        def work(progress: Progress) -> FilingResult:  # off the UI thread: a big file is copied and hashed
            progress(f"Filing {path.name} as a new version…", 0, 0)
            return document_filing.file_new_version(store, root, document_id, path, clock, by)

        try:
            result = run_and_wait(self, self.tr("Filing a new version"), work)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Not filed"))
            return
        self.state.data_changed.emit(Changed.DOCUMENTS)
        self.state.tell(result.message[:1].upper() + result.message[1:] + ".", 8000)

    def edit(self) -> None:
        if self.item is None or self.state.read_only:
            return
        from legalsec_desktop.ui.common.document_dialog import DocumentDialog

        DocumentDialog(self.state, self.item, self).exec()

    def delete(self) -> None:
        if self.item is None or self.state.read_only:
            return
        from legalsec_desktop.services import documents

        store, document_id, title = self.state.require_store(), self.item.id, self.item.title

        def delete() -> str:
            documents.delete_document(store, document_id)
            return f"“{title}”"

        delete_with_undo(self.undo_stack, self, self.state, Changed.DOCUMENTS, delete,
                         lambda: documents.restore_document(store, document_id), self.tr("Delete document"))
