"""The search window's list: a heading row per matter, then its hits; the hits are what can be selected."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from legalsec_desktop.ui.search.search_rows import Row

HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # the row as escaped HTML, matched words bold
HIT_ROLE = Qt.ItemDataRole.UserRole + 2  # the services.search.Found of a hit row; None on a heading
Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == HTML_ROLE:
            return row.html
        if role == HIT_ROLE:
            return row.hit
        if role == Qt.ItemDataRole.FontRole and row.hit is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.rows[index.row()].hit is None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: shown, not selectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def hit_rows(self) -> list[int]:
        return [number for number, row in enumerate(self.rows) if row.hit is not None]
