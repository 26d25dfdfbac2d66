"""Table columns sized to what they hold: each to its content and heading (capped), one wide column takes the rest.

A ColumnFitter sizes a table's columns the first time it has rows (a dialog's table each time it is filled), and
gives the width left over to one column, the title, subject, narrative or notes, as the table grows or shrinks.
Once the user drags a column, their widths rule (and are remembered by the tab that owns the table).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QTreeView

# The columns that take the spare width, by key or heading, first found first: the free text of a row.
STRETCHED = ("narrative", "subject", "title", "description", "notes", "what", "summary", "title or caption",
             "label")
MOST_CHARACTERS = 46  # no column grows wider than about this many characters to fit its longest value
ROWS_MEASURED = 40  # rows looked at to size a column, about a screenful: more fetch pages of a long list, and 0
# means every row to Qt when the view is hidden


def stretch_column(names: Sequence[str]) -> int | None:
    """The column that takes the spare width: the first of STRETCHED among `names` (keys or headings), else the
    last (None for no columns)."""
    folded = [name.strip().lower() for name in names]
    for wanted in STRETCHED:
        if wanted in folded:
            return folded.index(wanted)
    return len(names) - 1 if names else None


class ColumnFitter(QObject):
    """Keeps one table's columns fitted to their content, the spare width going to `stretch`.

    `every_fill`: fit again whenever the rows are replaced (a dialog's results); otherwise only at the first fill,
    so that a list keeps its columns still while it is filtered and sorted."""

    def __init__(self, view: QTableView | QTreeView, stretch: int | None, every_fill: bool = False) -> None:
        super().__init__(view)
        self.view, self.stretch, self.every_fill = view, stretch, every_fill
        self.fitted = False
        self.user_sized = False  # the user dragged a column (or their widths were restored): leave them be
        self._adjusting = False
        self._natural: dict[int, int] = {}
        # The least width of a column whatever the first rows hold (a date column blank there still shows a date
        # whole further down).
        self.least: dict[int, int] = {}
        header = self.header
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(ROWS_MEASURED)
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._fit_if_due)
        self.watch_model()

    @property
    def header(self) -> QHeaderView:
        return self.view.horizontalHeader() if isinstance(self.view, QTableView) else self.view.header()

    def watch_model(self) -> None:
        """Follow the view's model (call again after `setModel`)."""
        model = self.view.model()
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
                signal.connect(self._timer.start)

    def _fit_if_due(self) -> None:
        if self.view.model() is not None and self.view.model().rowCount() > 0 and (self.every_fill or not self.fitted):
            self.fit()

    def fit(self) -> None:
        """Size every column to its content and heading (capped), then spread the spare width."""
        if self.user_sized:
            return
        header, cap = self.header, self.view.fontMetrics().averageCharWidth() * MOST_CHARACTERS
        self._adjusting = True
        try:
            for column in range(header.count()):
                if header.isSectionHidden(column):
                    continue
                wanted = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column),
                             self.least.get(column, 0))
                self._natural[column] = min(wanted, cap)
                header.resizeSection(column, self._natural[column])
        finally:
            self._adjusting = False
        self.fitted = True
        self.spread()

    def spread(self) -> None:
        """Give the width the columns leave over to the stretched one (never less than its content)."""
        if self.stretch is None or self.user_sized or not self.fitted:
            return
        header = self.header
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.stretch and not header.isSectionHidden(c))
        spare = self.view.viewport().width() - others
        self._adjusting = True
        try:
            header.resizeSection(self.stretch, max(self._natural.get(self.stretch, 0), spare))
        finally:
            self._adjusting = False

    def restored(self) -> None:
        """The user's own widths were put back: keep them, and fit nothing."""
        self.user_sized = self.fitted = True

    def _resized(self, _column: int, _old: int, _new: int) -> None:
        if not self._adjusting and self.fitted:
            self.user_sized = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.spread()
        return super().eventFilter(watched, event)


def fit_columns(view: QAbstractItemView, every_fill: bool = True) -> ColumnFitter:
    """Fit a table's (or tree's) columns to their content, the free-text column taking the rest (see STRETCHED)."""
    assert isinstance(view, (QTableView, QTreeView))
    model = view.model()
    heading = Qt.Orientation.Horizontal
    names = [str(model.headerData(c, heading) or "") for c in range(model.columnCount())] if model else []
    fitter = ColumnFitter(view, stretch_column(names), every_fill)
    fitter._timer.start()
    return fitter


def read_only_table(headers: list[str], name: str) -> QTableWidget:
    """A table of rows to choose one of (not to edit): whole rows selected, no row numbers, alternating colours."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    return table
