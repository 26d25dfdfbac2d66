"""The Matters tab: every case the firm has opened, filters, and the selected matter's detail."""

from __future__ import annotations

from dataclasses import replace

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from legalsec_desktop.domain.matters import PRACTICE_AREAS, STATUSES
from legalsec_desktop.services.rows import MatterFilters
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.file_drops import DropTarget
from legalsec_desktop.ui.common.filing import file_paths
from legalsec_desktop.ui.matters.matter_detail import MatterDetail
from legalsec_desktop.ui.common.record_model import ID_ROLE
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.navigation import Destination
from legalsec_desktop.ui.common.list_tab import ListTab, TabSpec

SPEC = TabSpec(
    listing="matters",
    title="Matters",
    icon="matters",
    empty_title="No matters yet",
    empty_text="Every hearing, letter, time entry and file belongs to a matter. Open the first one to begin.",
    action_text="New Matter…",
    noun="matter",
    nouns="matters",
    shows=Changed.MATTERS | Changed.PARTIES | Changed.CONTACTS | Changed.FIRM,
)


class MattersTab(ListTab):
    """The list of matters with status, attorney and practice-area filters, and a detail pane."""

    edit_requested = Signal(int)

    def __init__(self, spec: TabSpec, state: AppState, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        self.undo_stack = undo_stack
        self.filters = MatterFilters()  # what the status, attorney and practice-area choices show
        super().__init__(spec, state, parent)
        self.status_filter = self._combo("statusFilter", self.tr("Any status"),
                                         [(s.capitalize(), s) for s in STATUSES])
        self.attorney_filter = self._combo("attorneyFilter", self.tr("Any attorney"), [])
        self.area_filter = self._combo("areaFilter", self.tr("Any practice area"),
                                       [(a, a) for a in PRACTICE_AREAS])
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for label, combo in ((self.tr("&Status:"), self.status_filter), (self.tr("A&ttorney:"), self.attorney_filter),
                             (self.tr("Practice &area:"), self.area_filter)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)
        filters.addStretch(1)
        self.filter_row.setLayout(filters)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_current())
        self.table.doubleClicked.connect(lambda _index: self._edit_current())
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self._edit_current)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, self._edit_current)
        self.detail.edit_requested.connect(self._edit_current)
        # Files or folders dropped on a matter's row are filed into that matter (the filing dialog pre-set to it).
        drops = DropTarget(self.table.viewport(), lambda where: self.table.indexAt(where).isValid())
        drops.dropped.connect(self._dropped)

    def _dropped(self, paths: list[Path], where: QPoint) -> None:
        matter_id = self.model.data(self.table.indexAt(where), ID_ROLE)
        if matter_id is not None:
            self.table.selectRow(self.table.indexAt(where).row())
            file_paths(self.state, self, paths, matter_id)

    def _build_body(self) -> QWidget:
        self.detail = MatterDetail(self.state, self.undo_stack)
        self.filter_row = QWidget()  # filled once the combos exist; clipped rather than widening the window
        self.filter_row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_row)
        column.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mattersSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([720, 480])
        self.splitter.setChildrenCollapsible(False)
        return self.splitter

    def _combo(self, name: str, any_text: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.addItem(any_text, None)
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: self._filter_changed())
        return combo

    def list_filters(self) -> MatterFilters:
        return self.filters

    def _filter_changed(self) -> None:
        self.filters = MatterFilters(self.status_filter.currentData(), self.attorney_filter.currentData(),
                                     self.area_filter.currentData())
        self.refresh()

    def _load_attorneys(self) -> None:
        if self.state.store is None or self.attorney_filter.count() > 1:
            return
        from legalsec_desktop.services import matters

        self.attorney_filter.blockSignals(True)
        for keeper_id, label in matters.attorneys(self.state.store):
            self.attorney_filter.addItem(label, keeper_id)
        self.attorney_filter.blockSignals(False)

    def refresh(self) -> None:
        keep = self.current_matter_id()
        self._load_attorneys()
        super().refresh()
        if keep is not None and self.state.store is not None:
            row = self.model.row_of(keep)
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self._show_current()

    def _on_store_changed(self) -> None:
        self.attorney_filter.blockSignals(True)
        while self.attorney_filter.count() > 1:
            self.attorney_filter.removeItem(1)
        self.attorney_filter.blockSignals(False)
        self.filters = replace(self.filters, attorney_id=None)
        super()._on_store_changed()

    def current_matter_id(self) -> int | None:
        return self.current_id()

    def select_matter(self, matter_id: int) -> None:
        """Show `matter_id` (clearing filters that would hide it)."""
        self.refresh()
        if self.model.row_of(matter_id) is None:
            for combo in (self.status_filter, self.attorney_filter, self.area_filter):
                combo.setCurrentIndex(0)
            self.filter_box.clear()
            self._apply_filter()
        row = self.model.row_of(matter_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._show_current()

    def show_destination(self, destination: Destination) -> None:
        """A matter asked for by id (from a search, say) is selected with its overview, not only filtered to."""
        if destination.matter_id is None:
            super().show_destination(destination)
            return
        self.select_matter(destination.matter_id)
        self.table.setFocus()

    def _show_current(self) -> None:
        self.detail.show_matter(self.current_matter_id())

    def _edit_current(self) -> None:
        matter_id = self.current_matter_id()
        if matter_id is not None:
            self.edit_requested.emit(matter_id)

