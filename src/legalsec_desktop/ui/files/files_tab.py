"""The Files tab: every paper file of every matter, where it is and who has it; filters, a scanner, a detail pane."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QSettings, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.file_room import FILTERS
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.services.rows import FileFilters
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.fill_when_used import FillWhenUsed
from legalsec_desktop.ui.common.fields import choose_typed, fill_combo, searchable_combo
from legalsec_desktop.ui.common.list_tab import ListTab, TabSpec
from legalsec_desktop.ui.common.navigation import Destination
from legalsec_desktop.ui.files.file_detail import FileDetail

SPEC = TabSpec(
    listing="files",
    title="Files",
    icon="files",
    empty_title="No paper files yet",
    empty_text=(
        "Every folder, binder and box of every matter, with a barcode id, where it is kept and who has it. "
        "Add the first with New File… (set up your offices, cabinets and storage boxes under Locations…)."
    ),
    action_text="New File…",
    noun="file",
    nouns="files",
    shows=Changed.FILES | Changed.MATTERS,
)
class Side(Protocol):
    """Another side of the tab (the documents, the inbox): what the tab asks of it."""

    def focus_filter(self) -> None: ...

    def show_destination(self, destination: Destination) -> None: ...

    def save_layout(self, settings: QSettings) -> None: ...

    def restore_layout(self, settings: QSettings) -> None: ...


_ID_LIKE = re.compile(r"^\s*[A-Za-z]*\d[A-Za-z0-9]*\s*$")  # what a typed or scanned barcode id looks like


class FilesTab(ListTab):
    """The list of volumes with matter, place and status filters, and the selected one's detail and log."""

    selection_changed = Signal()  # another file (or none) is selected: actions follow
    side_changed = Signal()  # paper files, documents or the inbox shown instead
    PAPER = 0

    def __init__(self, spec: TabSpec, state: AppState, parent: QWidget | None = None) -> None:
        self.filters = FileFilters()
        super().__init__(spec, state, parent)
        self.filter_box.setPlaceholderText(self.tr("Filter, or scan a file's id… (Ctrl+F)"))
        self.filter_box.returnPressed.connect(self.find_typed_id)
        self.matter_filter = searchable_combo(16)
        self.matter_filter.setObjectName("filesMatterFilter")
        self.matter_filter.addItem(self.tr("Every matter"), None)
        # thousands of matters on a large practice: read when the filter is first used
        self.matter_choices = FillWhenUsed((self.matter_filter,), self._fill_matters, self)
        self.matter_choices.due()
        self.location_filter = QComboBox()
        self.location_filter.setObjectName("filesLocationFilter")
        self.location_filter.setMinimumContentsLength(18)
        self.location_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.location_filter.addItem(self.tr("Every place"), None)
        # likewise the places (a storage company's boxes run to thousands)
        self.place_choices = FillWhenUsed((self.location_filter,), self._fill_places, self)
        self.place_choices.due()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("filesStatusFilter")
        self.status_filter.addItem(self.tr("Any status"), None)
        for key, label in FILTERS.items():
            self.status_filter.addItem(label, key)
        row = QHBoxLayout(self.filter_row)
        row.setContentsMargins(0, 0, 0, 0)
        for label, combo in ((self.tr("&Matter:"), self.matter_filter), (self.tr("&Place:"), self.location_filter),
                             (self.tr("&Status:"), self.status_filter)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            row.addWidget(caption)
            row.addWidget(combo)
        row.addStretch(1)
        self.matter_filter.currentIndexChanged.connect(lambda _i: self._filters_chosen())
        self.location_filter.currentIndexChanged.connect(lambda _i: self._filters_chosen())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._filters_chosen())
        self.table.selectionModel().currentRowChanged.connect(lambda _current, _previous: self._show_current())
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self.selection_changed.emit())

    def _build_body(self) -> QWidget:
        self.detail = FileDetail(self.state)
        self.filter_row = QWidget()
        self.filter_row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_row)
        self.buttons = QToolBar()  # folds what does not fit behind a » button, so it never widens the window
        self.buttons.setObjectName("filesButtons")
        self.buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.buttons.setIconSize(QSize(16, 16))
        column.addWidget(self.buttons)
        column.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("filesSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([900, 440])
        self.splitter.setChildrenCollapsible(False)
        # The tab's sides: the paper files, then what add_side adds (the documents, the inbox); one switch above.
        self.sides = QStackedWidget()
        self.sides.setObjectName("filesSides")
        self.sides.addWidget(self.splitter)
        self.side_buttons = QButtonGroup(self)
        self.side_buttons.setExclusive(True)
        self.side_buttons.idClicked.connect(self.show_side)
        self.switch = QWidget()
        self.switch.setObjectName("filesSwitch")
        self.switch_row = QHBoxLayout(self.switch)
        self.switch_row.setContentsMargins(12, 0, 12, 0)
        self.switch_row.setSpacing(0)
        self.side_panes: list[Side | None] = [None]  # the paper side is the tab itself
        self._side_button(self.tr("Paper files"), self.PAPER)
        self.top.insertWidget(1, self.switch)
        self.side_extras: list[list[QWidget]] = [[self.count_label, self.filter_box]]
        return self.sides

    def _side_button(self, text: str, index: int) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setChecked(index == self.PAPER)
        button.setObjectName(f"filesSide{index}")
        button.setAutoRaise(False)
        self.side_buttons.addButton(button, index)
        self.switch_row.addWidget(button)
        return button

    def add_side(self, title: str, widget: QWidget, pane: Side, extras: tuple[QWidget, ...] = ()) -> int:
        """Another side of the tab (the documents, the inbox) behind a switch button; `extras` (its count and
        filter box, say) join the tab's top row while it is shown. Returns its index for `show_side`."""
        index = self.sides.addWidget(widget)
        self.side_panes.append(pane)
        self._side_button(title, index)
        at = self.top.indexOf(self.count_label)
        for extra in extras:
            self.top.insertWidget(at, extra)
            extra.hide()
        self.side_extras.append(list(extras))
        return index

    def side(self) -> int:
        return self.sides.currentIndex()

    def show_side(self, index: int) -> None:
        """Show one side: its switch button checked, its count and filter box in the top row."""
        if not 0 <= index < self.sides.count():
            return
        for number, extras in enumerate(self.side_extras):
            for extra in extras:
                extra.setVisible(number == index)
        self.sides.setCurrentIndex(index)
        button = self.side_buttons.button(index)
        if button is not None:
            button.setChecked(True)
        self.buttons.setVisible(index == self.PAPER)
        self.side_changed.emit()
        self.selection_changed.emit()

    def focus_filter(self) -> None:
        side = self.side_panes[self.side()]
        if side is not None:
            side.focus_filter()
            return
        super().focus_filter()

    def save_layout(self, settings: QSettings) -> None:
        super().save_layout(settings)
        for side in self.side_panes[1:]:
            if side is not None:
                side.save_layout(settings)
        settings.setValue("tables/files/side", self.side())

    def restore_layout(self, settings: QSettings) -> None:
        super().restore_layout(settings)
        for side in self.side_panes[1:]:
            if side is not None:
                side.restore_layout(settings)
        try:
            self.show_side(int(str(settings.value("tables/files/side", self.PAPER))))
        except ValueError:
            self.show_side(self.PAPER)

    def add_buttons(self, actions: list[QAction]) -> None:
        """A button for each action, above the list: the actions stay the feature's (menu, shortcut, enabled)."""
        for action in actions:
            self.buttons.addAction(action)

    # --- filters ---------------------------------------------------------------------------
    def list_filters(self) -> FileFilters:
        return self.filters

    def _filters_chosen(self) -> None:
        self.filters = FileFilters(self.matter_filter.currentData(), self.location_filter.currentData(),
                                   self.status_filter.currentData())
        self.refresh()

    def _fill_matters(self) -> None:
        if self.state.store is None:
            return
        from legalsec_desktop.services import matters

        choices = matters.matter_choices(self.state.store, include_closed=True)
        fill_combo(self.matter_filter, [(None, self.tr("Every matter")), *choices], self.matter_filter.currentData())

    def _fill_places(self) -> None:
        if self.state.store is None:
            return
        from legalsec_desktop.services import locations

        places = locations.location_choices(self.state.store)
        fill_combo(self.location_filter, [(None, self.tr("Every place")), *places], self.location_filter.currentData())
        if self.location_filter.currentData() != self.filters.location_id:  # that place was retired
            self.filters = replace(self.filters, location_id=None)
            self.refresh()

    def clear_filters(self) -> None:
        """Every file: the matter, place and status choices and the text cleared (quietly; refreshed once)."""
        for combo in (self.matter_filter, self.location_filter, self.status_filter):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        with QSignalBlocker(self.filter_box):
            self.filter_box.clear()
        self.model.filter_text = ""
        self.filters = FileFilters()
        self.refresh()

    # --- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected_ids()
        self.place_choices.due()  # read again when the place filter is next used
        super().refresh()
        rows = [r for r in (self.model.row_of(i) for i in keep) if r is not None]
        if rows:
            self.table.selectRow(rows[0])
            self.table.scrollTo(self.model.index(rows[0], 0))
        self._show_current()
        self.selection_changed.emit()

    def _on_store_changed(self) -> None:
        self.matter_choices.due()
        with QSignalBlocker(self.matter_filter):
            self.matter_filter.clear()
            self.matter_filter.addItem(self.tr("Every matter"), None)
        self.filters = FileFilters(status=self.filters.status)
        super()._on_store_changed()

    def current_file_id(self) -> int | None:
        return self.current_id() if self.side() == self.PAPER else None

    def selected_ids(self) -> list[int]:
        """The selected files' ids, top to bottom (the current one when nothing else is selected)."""
        if self.stack.currentIndex() != self.TABLE or self.side() != self.PAPER:
            return []
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.model.id_at(r) for r in rows if r < self.model.rowCount()]
        current = self.current_file_id()
        return ids or ([current] if current is not None else [])

    def _show_current(self) -> None:
        self.detail.show_volume(self.current_file_id())

    def select_file(self, file_id: int) -> bool:
        """Select and show `file_id`, clearing the filters that hide it; True when they had to be cleared."""
        cleared = False
        if self.model.row_of(file_id) is None:
            self.clear_filters()
            cleared = True
        row = self.model.row_of(file_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._show_current()
        return cleared

    # --- the scanner -------------------------------------------------------------------------
    def find_typed_id(self) -> None:
        """Enter in the filter box (a scanner sends it after the id): an exact id selects that file; an id-like text
        that matches nothing says which ids are nearest; anything else just filters."""
        text = self.filter_box.text().strip()
        if self.state.store is None or not text:
            self._apply_filter()
            return
        from legalsec_desktop.services import volumes

        found = volumes.lookup_barcode(self.state.store, text)
        if found is None:
            self._apply_filter()
            if self.model.rowCount() == 0 and _ID_LIKE.match(text):
                try:
                    volumes.find_barcode(self.state.store, text)
                except UserFixableError as exc:
                    show_problem(self, exc, self.tr("File not found"))
            self.focus_filter()
            return
        self._filter_timer.stop()
        row = self.model.row_of(found) if not self.model.filter_text else None
        if row is not None:  # the common scan: the id was never applied as a filter and its file is listed
            self._select_scanned(row, text)
            return
        with QSignalBlocker(self.filter_box):  # the id stays, selected, so the next scan replaces it
            self.filter_box.setText(text)
        self.model.filter_text = text
        hidden = self.filters.narrows and found not in self._ids_under(self.filters)
        if hidden:
            self.filters = FileFilters()
            for combo in (self.matter_filter, self.location_filter, self.status_filter):
                with QSignalBlocker(combo):
                    combo.setCurrentIndex(0)
        self.refresh()
        cleared = self.select_file(found) or hidden
        shown = self.model.data(self.model.index(self.model.row_of(found) or 0, 0)) or text
        self.state.tell(self.tr("Found %s%s.") % (shown, self.tr(" (the filters that hid it were cleared)")
                                                      if cleared else ""))
        self.focus_filter()

    def _select_scanned(self, row: int, text: str) -> None:
        """Select a scanned file already in the list, without reading the list again (a 50,000-file list takes
        a tenth of a second to filter); the box is emptied, quietly, so the next scan starts fresh."""
        with QSignalBlocker(self.filter_box):
            self.filter_box.clear()
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        if self.detail.file_id != self.current_file_id():  # selecting it showed it, unless it was already current
            self._show_current()
        shown = self.model.data(self.model.index(row, 0)) or text
        self.state.tell(self.tr("Found %s.") % shown)
        self.focus_filter()

    def _ids_under(self, filters: FileFilters) -> set[int]:
        from legalsec_desktop.services import listings

        return set(listings.list_ids(self.state.require_store(), "files", text=self.model.filter_text,
                                     filters=filters))

    def show_destination(self, destination: Destination) -> None:
        """One file, selected and shown (Needs attention's files to return); else one matter's files: the matter
        filter set to it (the text and the other filters cleared). On another side (the documents), that side
        shows the matter's."""
        side = self.side_panes[self.side()]
        if destination.file_id is None and side is not None:
            side.show_destination(destination)
            return
        if destination.file_id is not None:
            self.clear_filters()
            with QSignalBlocker(self.filter_box):
                self.filter_box.setText(destination.matter_number or "")
            self.model.filter_text = destination.matter_number or ""
            self.refresh()
            self.select_file(destination.file_id)
            return
        self.matter_choices.now()
        index = self.matter_filter.findData(destination.matter_id) if destination.matter_id is not None else -1
        if index < 0:
            super().show_destination(destination)
            return
        self.clear_filters()
        with QSignalBlocker(self.matter_filter):
            self.matter_filter.setCurrentIndex(index)
            choose_typed(self.matter_filter)
        self._filters_chosen()
