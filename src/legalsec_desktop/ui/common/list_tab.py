"""A tab that lists one kind of record: filter box, sortable table, and an honest empty state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.services.columns import COLUMNS
from legalsec_desktop.services.rows import ListFilters, ListRow
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.navigation import Destination
from legalsec_desktop.ui.common.record_model import ID_ROLE, RecordTableModel, configure_table
from legalsec_desktop.services.changes import Changed


EMPTY_WIDTH = 520  # the widest an empty tab's explanation runs


@dataclass(frozen=True)
class TabSpec:
    """What a list tab shows and what its empty state says."""

    listing: str
    title: str
    icon: str
    empty_title: str
    empty_text: str
    action_text: str = ""  # the empty state's button; empty for none
    noun: str = "item"
    nouns: str = "items"
    shows: Changed = Changed.ALL  # the kinds of record its rows show: other changes leave it as it is


class ListTab(QWidget):
    """Lists records from the database; refreshes when shown if the data changed while hidden."""

    action_requested = Signal()  # the empty-state button was pressed

    LOADING, EMPTY, TABLE = range(3)
    splitter: QSplitter | None = None  # the split beside the list, when the tab has one; its sizes are remembered

    def __init__(self, spec: TabSpec, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec, self.state = spec, state
        self.stale = True
        listing = COLUMNS[spec.listing]
        self.model = RecordTableModel(
            listing.columns, self._list_ids, self._fetch_rows, listing.default_sort, listing.default_descending, self
        )
        self.filter_box = QLineEdit(placeholderText=self.tr("Filter %s… (Ctrl+F)") % spec.title.lower())
        self.filter_box.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(lambda: self._apply_filter())
        self.filter_box.textChanged.connect(lambda: self._filter_timer.start())

        self.table = QTableView()
        self.table.setObjectName(f"{spec.listing}Table")
        self.table.setModel(self.model)
        self.columns = configure_table(self.table, listing.columns)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(
            [c.key for c in listing.columns].index(listing.default_sort),
            Qt.SortOrder.DescendingOrder if listing.default_descending else Qt.SortOrder.AscendingOrder,
        )

        self.stack = QStackedWidget()
        self.stack.addWidget(self._centred(QLabel(self.tr("Opening the database…"))))
        self.stack.addWidget(self._empty_state())
        self.stack.addWidget(self.table)

        top = self.top = QHBoxLayout()
        heading = QLabel(spec.title)
        heading.setObjectName("tabHeading")
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.filter_box, 0)
        self.filter_box.setMinimumWidth(260)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._build_body(), 1)

        state.data_changed.connect(self._on_data_changed)
        state.store_changed.connect(self._on_store_changed)

    # --- building --------------------------------------------------------------------------
    def _build_body(self) -> QWidget:
        """What sits under the filter row; a subclass may wrap the list with more."""
        return self.stack

    def _centred(self, *widgets: QWidget) -> QWidget:
        """A column of at most EMPTY_WIDTH pixels in the middle of the page; wrapped text gets its full width and
        the height that width needs (a centred label of its own was as narrow as its hint and cut off below)."""
        middle = QWidget()
        middle.setMaximumWidth(EMPTY_WIDTH)
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            wraps = isinstance(widget, QLabel) and widget.wordWrap()
            column.addWidget(widget, 0, Qt.AlignmentFlag(0) if wraps else Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(middle, 100)  # as wide as it may be; what is left goes to both sides alike
        row.addStretch(1)
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return page

    def _empty_state(self) -> QWidget:
        picture = QLabel()
        picture.setPixmap(icon(self.spec.icon).pixmap(64, 64))
        title = QLabel(self.spec.empty_title)
        title.setObjectName("emptyTitle")
        text = QLabel(self.spec.empty_text)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMinimumWidth(240)
        self.empty_text_label = text
        widgets: list[QWidget] = [picture, title, text]
        self.empty_button: QPushButton | None = None
        if self.spec.action_text:
            self.empty_button = QPushButton(icon("new"), self.spec.action_text)
            self.empty_button.clicked.connect(self.action_requested)
            widgets.append(self.empty_button)
        return self._centred(*widgets)

    # --- data ------------------------------------------------------------------------------
    def list_filters(self) -> ListFilters | None:
        """The listing's filter object (services.rows), set by the tab's own controls; None: the tab has none.

        A tab with filters keeps them, precisely typed, in its own `filters` and returns them here.
        """
        return None

    def _list_ids(self, sort: str, descending: bool, text: str) -> list[int]:
        if self.state.store is None:
            return []
        from legalsec_desktop.services import listings  # SQLAlchemy loads after the window is up

        return listings.list_ids(self.state.store, self.spec.listing, sort, descending, text, self.list_filters())

    def _fetch_rows(self, ids: Sequence[int]) -> dict[int, ListRow]:
        if self.state.store is None:
            return {}
        from legalsec_desktop.services import listings

        return listings.fetch_rows(self.state.store, self.spec.listing, ids)

    def refresh(self) -> None:
        """Read the list again from the database and choose what to show."""
        self.stale = False
        if self.state.store is None:
            self.stack.setCurrentIndex(self.LOADING)
            return
        complete = self._reload()
        rows = self.model.rowCount()
        filtered = self._filtered()
        self.count_label.setText(self.count_text(rows) if complete else "…")  # not a first page's count
        if rows == 0 and not filtered:
            self.stack.setCurrentIndex(self.EMPTY)
        else:
            self.stack.setCurrentIndex(self.TABLE)
        if self.empty_button is not None:
            self.empty_button.setEnabled(not self.state.read_only)

    def _reload(self) -> bool:
        """Read the list again; True when all of it is read (a tab may show a first page and read the rest after)."""
        self.model.reload()
        return True

    def _filtered(self) -> bool:
        filters = self.list_filters()
        return bool(self.model.filter_text) or (filters is not None and filters.narrows)

    def count_text(self, rows: int) -> str:
        """"12 entries", or "12 entries match" when the filters narrow the list."""
        noun = self.spec.noun if rows == 1 else self.spec.nouns
        return self.tr("%d %s") % (rows, noun) + (self.tr(" match") if self._filtered() else "")

    def _apply_filter(self) -> None:
        self.model.filter_text = self.filter_box.text().strip()
        self.refresh()

    def _on_data_changed(self, what: Changed) -> None:
        if not what.touches(self.spec.shows):
            return
        self.stale = True
        if self.isVisible():
            self.refresh()

    def _on_store_changed(self) -> None:
        self._on_data_changed(Changed.ALL)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def show_destination(self, destination: Destination) -> None:
        """Filter the list to one matter's number (or clear the filter for everything)."""
        self.filter_box.setText(destination.matter_number)
        self._apply_filter()

    def current_id(self) -> int | None:
        """The id of the row chosen in the list; None when none is, or the list is not shown."""
        index = self.table.currentIndex()
        if not index.isValid() or self.stack.currentIndex() != self.TABLE:
            return None
        return self.model.data(index, ID_ROLE)

    def focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    # --- remembered layout -----------------------------------------------------------------
    def save_layout(self, settings: QSettings) -> None:
        """The list's columns, and the split beside it when the tab has one (`self.splitter`)."""
        settings.setValue(f"tables/{self.spec.listing}/header", self.table.horizontalHeader().saveState())
        settings.setValue(f"tables/{self.spec.listing}/columns", self._column_keys())
        settings.setValue(f"tables/{self.spec.listing}/widths_by_user", self.columns.user_sized)
        if self.splitter is not None:
            settings.setValue(f"tables/{self.spec.listing}/splitter", self.splitter.saveState())

    def _column_keys(self) -> str:
        return ",".join(column.key for column in self.model.columns)

    def restore_layout(self, settings: QSettings) -> None:
        state = settings.value(f"tables/{self.spec.listing}/header")
        saved_columns = settings.value(f"tables/{self.spec.listing}/columns")
        if saved_columns is not None and str(saved_columns) != self._column_keys():
            state = None  # saved for other columns (a newer version changed them): a width would land on another
        if state is not None:  # the sort, and the widths when the user set them (else they are fitted again)
            self.table.horizontalHeader().restoreState(state)
            self.table.horizontalHeader().setStretchLastSection(False)
            if str(settings.value(f"tables/{self.spec.listing}/widths_by_user", "false")).lower() == "true":
                self.columns.restored()
        split = settings.value(f"tables/{self.spec.listing}/splitter")
        if split is not None and self.splitter is not None:
            self.splitter.restoreState(split)
