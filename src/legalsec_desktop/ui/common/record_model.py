"""A table model over an ordered id list whose rows are fetched a page at a time (the Anki pattern)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from legalsec_desktop.domain.formatting import format_value
from legalsec_desktop.services.columns import Column
from legalsec_desktop.services.rows import ListRow
from legalsec_desktop.ui.common.table_columns import ColumnFitter, stretch_column

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

ListIds = Callable[[str, bool, str], list[int]]  # (sort key, descending, filter text) -> ids
FetchRows = Callable[[Sequence[int]], dict[int, ListRow]]  # ids -> typed rows (fields named by column keys)


def configure_table(table: QTableView, columns: Sequence[Column]) -> ColumnFitter:
    """The common set-up of a table over a RecordTableModel: whole rows, read-only, sortable, starting widths;
    fitted to its content at its first fill, its free-text column (title, subject, narrative) taking the rest."""
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    char = table.fontMetrics().averageCharWidth()
    for index, column in enumerate(columns):
        table.setColumnWidth(index, column.width * char + 16)
    names = [c.key for c in columns]
    fitter = ColumnFitter(table, stretch_column(names))
    metrics = table.fontMetrics()
    fitter.least = {index: metrics.horizontalAdvance(DATE_SAMPLES[column.kind]) + 16
                    for index, column in enumerate(columns) if column.kind in DATE_SAMPLES}
    return fitter


# A wide date and time as the lists show them (a Wednesday, two-digit month and day): a date column fits one whole.
DATE_SAMPLES = {kind: format_value(kind, datetime(2026, 9, 30, 12, 0)) for kind in ("date", "datetime")}


class RecordTableModel(QAbstractTableModel):
    """Rows are ids; their values are fetched in pages on first display and kept in a small cache."""

    PAGE = 200
    MAX_PAGES = 40

    def __init__(self, columns: Sequence[Column], list_ids: ListIds, fetch_rows: FetchRows,
                 sort_key: str, descending: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._list_ids, self._fetch_rows = list_ids, fetch_rows
        self.sort_key, self.descending, self.filter_text = sort_key, descending, ""
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[ListRow | None]] = OrderedDict()

    # --- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Ask the database for the ids again (after a change, a new sort or a new filter)."""
        self.beginResetModel()
        self._ids = self._list_ids(self.sort_key, self.descending, self.filter_text)
        self._pages.clear()
        self.endResetModel()

    def show_ids(self, ids: Sequence[int]) -> None:
        """Show these ids, read by the caller as `reload` reads them (the first page of a long list, say)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def extend_ids(self, ids: Sequence[int]) -> bool:
        """The whole list of which the rows shown are the start: the rest go in below them, and the selection and
        the scroll stay. False, and nothing changed, when the rows shown are not its start."""
        shown = len(self._ids)
        if list(ids[:shown]) != self._ids:
            return False
        if len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = list(ids)
            self.endInsertRows()
        return True

    def set_filter(self, text: str) -> None:
        if text != self.filter_text:
            self.filter_text = text
            self.reload()

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int | None:
        """The row showing `record_id`, or None when the list does not include it."""
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def _row(self, row: int) -> ListRow | None:
        page = row // self.PAGE
        if page not in self._pages:
            ids = self._ids[page * self.PAGE:(page + 1) * self.PAGE]
            fetched = self._fetch_rows(ids)
            self._pages[page] = [fetched.get(i) for i in ids]
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return self._pages[page][row % self.PAGE]

    # --- Qt model interface --------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column.kind in ("hours", "money") else _LEFT)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return None
        record = self._row(index.row())
        if record is None:  # deleted since the id list was read
            return None
        value = getattr(record, column.key)
        if role == SORT_ROLE:
            return value
        text = format_value(column.kind, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL, so it stays fast with a quarter of a million rows."""
        if not 0 <= column < len(self.columns):
            return
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
