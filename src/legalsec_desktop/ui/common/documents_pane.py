"""The documents list with its detail: every matter's (with a matter filter and the index health line) or one
matter's; files dropped on it or pasted (Ctrl+V) are filed into the matter shown. Shared by the Files tab and the
matter's Documents page."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from legalsec_desktop.services.changes import Changed
from legalsec_desktop.services.document_rows import IndexHealth
from legalsec_desktop.services.rows import DocumentFilters
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.document_detail import DocumentDetail
from legalsec_desktop.ui.common.document_text import health_line
from legalsec_desktop.ui.common.fill_when_used import FillWhenUsed
from legalsec_desktop.ui.common.fields import fill_combo, searchable_combo
from legalsec_desktop.ui.common.file_drops import DropTarget, pasted_paths
from legalsec_desktop.ui.common.filing import file_paths
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.list_tab import ListTab, TabSpec
from legalsec_desktop.ui.common.navigation import Destination
from legalsec_desktop.ui.common.worker import run_quietly

HEALTH_MS = 1000  # the health line is read at most once a second, however many changes are told (indexing: many)
log = logging.getLogger("legalsec")

SPEC = TabSpec(
    listing="documents",
    title="Documents",
    icon="files",
    empty_title="No documents yet",
    empty_text=("Court-stamped PDFs, Word drafts, scanned letters and e-mails, copied into each matter's folder "
                "and found by their words. Drop files or folders here, paste them (Ctrl+V), or use File Documents…."),
    action_text="File Documents…",
    noun="document",
    nouns="documents",
    shows=Changed.DOCUMENTS | Changed.MATTERS,
)


class DocumentsPane(ListTab):
    """Documents of every matter (`one_matter` False: a matter filter, the health line, Rescan) or of the one
    matter given to `show_matter`."""

    def __init__(self, state: AppState, undo_stack: QUndoStack, one_matter: bool = False,
                 parent: QWidget | None = None) -> None:
        self.undo_stack, self.one_matter = undo_stack, one_matter
        self.filters = DocumentFilters()
        super().__init__(SPEC, state, parent)
        self.setObjectName("documentsPane")
        self.filter_box.setPlaceholderText(self.tr("Filter documents… (Ctrl+F)"))
        self.filter_box.setToolTip(self.tr("By title, author or sender, or matter; Ctrl+K searches their words"))
        for heading in self.findChildren(QLabel, "tabHeading"):
            heading.hide()  # the tab or page around it has the heading
        self.action_requested.connect(self.pick_files)
        self.matter_filter = searchable_combo(16)
        self.matter_filter.setObjectName("documentsMatterFilter")
        self.matter_filter.addItem(self.tr("Every matter"), None)
        self.matter_filter.currentIndexChanged.connect(lambda _i: self._matter_chosen())
        # thousands of matters on a large practice: read when the filter is first used
        self.matter_choices = FillWhenUsed((self.matter_filter,), self._fill_matters, self)
        self.matter_choices.due()
        self.health = QLabel()
        self.health.setObjectName("indexHealth")
        self.health.setStyleSheet("color: #555;")
        self.health_reading, self.health_due = False, False  # a read under way; another wanted after it
        self.health_timer = QTimer(self, singleShot=True, interval=HEALTH_MS)
        self.health_timer.timeout.connect(self._health_timer_ended)
        self.rescan_button = QPushButton(icon("refresh"), self.tr("Rescan"))
        self.rescan_button.setObjectName("rescanButton")
        self.rescan_button.setToolTip(self.tr("Find files added, changed or removed in the matter folders behind "
                                              "the program's back, and read what is waiting"))
        self.rescan_button.clicked.connect(self.rescan)
        row = QHBoxLayout(self.filter_row)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Matter:"))
        caption.setBuddy(self.matter_filter)
        for widget in (caption, self.matter_filter):
            row.addWidget(widget)
        self.file_button = QPushButton(icon("new"), self.tr("File Documents…"))
        self.file_button.setObjectName("fileDocumentsButton")
        self.file_button.setToolTip(self.tr("Pick files to file; or drop files or folders on the list, or paste "
                                            "them (Ctrl+V)"))
        self.file_button.clicked.connect(self.pick_files)
        row.addWidget(self.file_button)
        row.addStretch(1)
        footer = QHBoxLayout(self.health_row)  # under the list: how much of it the search can find
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addWidget(self.health, 1)
        footer.addWidget(self.rescan_button)
        if one_matter:
            caption.hide()
            self.matter_filter.hide()
            self.table.hideColumn(1)  # the matter's own page: every row is of that matter
            self.filter_box.setMinimumWidth(140)  # the page is beside the matters list: it must not widen the window
            self.top.insertWidget(0, self.file_button)  # one line above the list: the button, the count, the filter
            self.top.setStretchFactor(self.filter_box, 2)  # what is spare goes to the filter, most of it
            self.filter_row.hide()
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_current())
        self.table.doubleClicked.connect(lambda _index: self.detail.open_selected())
        for target in (self.table.viewport(), self.stack.widget(self.EMPTY), self.detail):
            if target is not None:
                DropTarget(target).dropped.connect(lambda paths, _where: self.file(paths))
        paste = QShortcut(QKeySequence.StandardKey.Paste, self, self.paste)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # On the list, as on the other lists: Enter opens the document chosen, Delete deletes it (Ctrl+Z undoes).
        for keys, act in ((Qt.Key.Key_Return, self.detail.open_selected), (Qt.Key.Key_Enter, self.detail.open_selected),
                          (QKeySequence.StandardKey.Delete, self._delete_chosen)):
            QShortcut(QKeySequence(keys), self.table, act).setContext(Qt.ShortcutContext.WidgetShortcut)

    def _delete_chosen(self) -> None:
        if self.detail.document_id is not None and not self.state.read_only:
            self.detail.delete()

    def _build_body(self) -> QWidget:
        self.detail = DocumentDetail(self.state, self.undo_stack)
        self.filter_row = QWidget()
        self.filter_row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_row)
        column.addWidget(self.stack, 1)
        self.health_row = QWidget()
        self.health_row.setObjectName("indexHealthRow")
        column.addWidget(self.health_row)
        # One matter's page is narrow (beside the matters list): its detail goes under the list there.
        self.splitter = QSplitter(Qt.Orientation.Vertical if self.one_matter else Qt.Orientation.Horizontal)
        self.splitter.setObjectName("documentsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([300, 260] if self.one_matter else [860, 480])
        self.splitter.setChildrenCollapsible(False)
        return self.splitter

    # --- which documents -------------------------------------------------------------------------
    def list_filters(self) -> DocumentFilters:
        return self.filters

    def _matter_chosen(self) -> None:
        self.filters = DocumentFilters(self.matter_filter.currentData())
        self.refresh()

    def _fill_matters(self) -> None:
        if self.state.store is None or self.one_matter:
            return
        from legalsec_desktop.services import matters

        choices = matters.matter_choices(self.state.store, include_closed=True)
        with QSignalBlocker(self.matter_filter):
            fill_combo(self.matter_filter, [(None, self.tr("Every matter")), *choices], self.filters.matter_id)

    def show_matter(self, matter_id: int | None) -> None:
        """One matter's documents (the matter's own page), or every matter's (None)."""
        if self.one_matter:
            if matter_id != self.filters.matter_id or self.stale:
                self.filters = DocumentFilters(matter_id)
                self.stale = True
                if self.isVisible():
                    self.refresh()
            return
        self.matter_choices.now()
        index = self.matter_filter.findData(matter_id) if matter_id is not None else 0
        if index >= 0:
            self.matter_filter.setCurrentIndex(index)  # refreshes
            self._matter_chosen()

    def show_destination(self, destination: Destination) -> None:
        self.show_matter(destination.matter_id)

    def _on_store_changed(self) -> None:
        self.matter_choices.due()
        with QSignalBlocker(self.matter_filter):
            self.matter_filter.clear()
            self.matter_filter.addItem(self.tr("Every matter"), None)
        if not self.one_matter:
            self.filters = DocumentFilters()
        super()._on_store_changed()

    def refresh(self) -> None:
        keep = self.current_document_id()
        super().refresh()
        if self.one_matter and not self.model.filter_text:  # one matter's page lists all of its documents
            rows = self.model.rowCount()
            self.count_label.setText(self.tr("%d %s") % (rows, self.spec.noun if rows == 1 else self.spec.nouns))
        self.file_button.setEnabled(not self.state.read_only)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._show_current()
        self._show_health()

    def _show_health(self) -> None:
        show = not self.one_matter and self.state.store is not None
        self.health_row.setVisible(show)
        self.rescan_button.setEnabled(not self.state.read_only)
        if not show:
            return
        if self.health_reading or self.health_timer.isActive():
            self.health_due = True  # read once more when the second is up
            return
        self._read_health()

    def _read_health(self) -> None:
        """Read the index health off the UI thread (grouped counts over every document), quietly."""
        store = self.state.store
        if store is None:
            return
        from legalsec_desktop.services import documents

        self.health_reading, self.health_due = True, False
        self.health_timer.start()

        def done(health: IndexHealth) -> None:
            self.health_reading = False
            if self.state.store is store:
                self.health.setText(health_line(health))
            self._health_timer_ended()

        def failed(exc: BaseException) -> None:
            self.health_reading = False  # the line keeps what it said; the next change reads it again
            log.warning("the index health could not be read (%s)", type(exc).__name__)

        run_quietly(self, lambda: documents.index_health(store), done, failed)

    def _health_timer_ended(self) -> None:
        if self.health_due and not self.health_reading and not self.health_timer.isActive():
            self._read_health()

    def current_document_id(self) -> int | None:
        return self.current_id()

    def select_document(self, document_id: int) -> None:
        row = self.model.row_of(document_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._show_current()

    def _show_current(self) -> None:
        self.detail.show_document(self.current_document_id())

    # --- filing into it ---------------------------------------------------------------------------
    def file(self, paths: list[Path]) -> bool:
        """File `paths` into the matter shown (every matter shown: the filing dialog asks which)."""
        return file_paths(self.state, self, paths, self.filters.matter_id)

    def paste(self) -> None:
        paths = pasted_paths()
        if paths:
            self.file(paths)
        else:
            self.state.tell(self.tr("Nothing to paste: copy files in Explorer or Finder (Ctrl+C) first."))

    def pick_files(self) -> None:
        from legalsec_desktop.ui.common.save_paths import ask_open_paths

        chosen = ask_open_paths(self, self.tr("File Documents"))
        if chosen:
            self.file(chosen)

    # --- the index -----------------------------------------------------------------------------
    def rescan(self) -> None:
        """Reconcile the matter folders with the store in the background (files added, changed or removed behind
        the program's back); the background indexer then reads what is waiting."""
        if self.state.store is None or self.state.read_only:
            return
        from legalsec_desktop.services import rescan
        from legalsec_desktop.ui.common.errors import show_problem
        from legalsec_desktop.ui.common.worker import Progress, run_in_background

        store, clock, matter = self.state.require_store(), self.state.clock, self.filters.matter_id
        root = self.state.documents_root()

        def work(progress: Progress) -> rescan.RescanReport:
            def step(done: int, total: int) -> bool:  # False (Cancel): the rescan stops after this folder
                return progress(f"Checked {done:,} of {total:,} matter folders…", done, total)

            return rescan.rescan(store, root, clock, matter, step)

        def finished(report: rescan.RescanReport) -> None:
            self.state.data_changed.emit(Changed.DOCUMENTS)
            counts = (report.added, report.changed, report.missing, report.back, report.unchanged)
            if report.stopped:  # what the folders checked held is recorded; the others are as they were
                told = self.tr("Rescan cancelled after %d of the matter folders (recorded: %d added, %d changed, "
                               "%d missing, %d back, %d unchanged); the others were not checked.") % (
                    report.folders, *counts)
            else:
                told = self.tr("Rescan: %d added, %d changed, %d missing, %d back, %d unchanged.") % counts
            if report.leftovers == 1:
                told += self.tr(" Removed an unfinished copy left by an interrupted filing.")
            elif report.leftovers:
                told += self.tr(" Removed %d unfinished copies left by an interrupted filing.") % report.leftovers
            self.state.tell(told, 10000)

        run_in_background(self, self.tr("Rescanning the documents folder"), work, finished,
                          lambda exc: show_problem(self, exc, self.tr("Not rescanned")))
