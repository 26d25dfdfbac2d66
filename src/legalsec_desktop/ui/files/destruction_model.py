"""The destruction review list as a table model: a tick box on each file that may go; the others greyed, with why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from legalsec_desktop.domain.destruction import ReviewLine
from legalsec_desktop.domain.formatting import format_date

Index = QModelIndex | QPersistentModelIndex
# why a file is held back comes early: it is what the greyed rows are read for
COLUMNS = ("File", "Matter", "Client", "Label", "Destroy after", "Hold / why not", "Where", "Closed", "Retention",
           "Caption")
REASON = COLUMNS.index("Hold / why not")
GREY = QColor("#777777")


class ReviewModel(QAbstractTableModel):
    """The review's lines; files that may not be destroyed cannot be ticked and show their reason."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[ReviewLine] = []
        self.ticked: set[int] = set()

    def set_lines(self, lines: list[ReviewLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.ticked = {line.id for line in self.ticked_lines_of(lines)}
        self.endResetModel()

    def ticked_lines_of(self, lines: list[ReviewLine]) -> list[ReviewLine]:
        return [line for line in lines if line.id in self.ticked and line.may_destroy]

    def ticked_lines(self) -> list[ReviewLine]:
        return self.ticked_lines_of(self.lines)

    def tick_all(self, ticked: bool) -> None:
        self.ticked = {line.id for line in self.lines if line.may_destroy} if ticked else set()
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        line = self.lines[index.row()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and line.may_destroy:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(line)[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            if not line.may_destroy:
                return None
            return Qt.CheckState.Checked if line.id in self.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and not line.may_destroy:
            return QBrush(GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.refusal or line.retention_note or None
        if role == Qt.ItemDataRole.UserRole:
            return line.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0 or not index.isValid():
            return False
        line = self.lines[index.row()]
        if not line.may_destroy:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(line.id)
        else:
            self.ticked.discard(line.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    @staticmethod
    def cells(line: ReviewLine) -> tuple[str, ...]:
        return (line.barcode, line.matter_number, line.client, line.label, format_date(line.destroy_after),
                line.refusal, line.where, format_date(line.closed_on), line.retention, line.caption)
