"""Entry fields shared by the dialogs: a typed date with a calendar button, and optional money."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Literal, overload

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from legalsec_desktop.domain.dates import FIRST_YEAR, LAST_YEAR, format_date_entry, parse_date
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.money import format_money, parse_money
from legalsec_desktop.domain.names import search_fold
from legalsec_desktop.ui.common.icons import icon

ALSO_FOUND_BY = Qt.ItemDataRole.UserRole + 20  # more words an item is found by when typed (see fill_combo)


class DateField(QWidget):
    """A date typed as 11/23/2026 (or picked from the calendar button); may be left blank when optional."""

    changed = Signal()

    def __init__(self, value: date | None = None, placeholder: str = "MM/DD/YYYY",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(format_date_entry(value), placeholderText=placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        button = QToolButton()
        button.setIcon(icon("calendar"))
        button.setToolTip(self.tr("Pick a date (Alt+Down)"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))  # what parse_date accepts
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._sync_calendar)
        button.setMenu(menu)
        self.button, self.menu = button, menu
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(button)
        self.setFocusProxy(self.edit)

    def _sync_calendar(self) -> None:
        try:
            current = parse_date(self.edit.text())
        except Exception:  # noqa: BLE001 - a half-typed date: start the calendar where it was
            current = None
        if current is not None:
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _picked(self, picked: QDate) -> None:
        self.set_date(date(picked.year(), picked.month(), picked.day()))
        self.menu.hide()
        self.edit.setFocus()

    def set_date(self, value: date | None) -> None:
        self.edit.setText(format_date_entry(value))

    def text(self) -> str:
        return self.edit.text()

    @overload
    def date(self, field: str, required: Literal[True]) -> date: ...

    @overload
    def date(self, field: str, required: bool = False) -> date | None: ...

    def date(self, field: str, required: bool = False) -> date | None:
        """The typed date; raises ValidationError(field) when it is not a real date (or is blank and required)."""
        return parse_date(self.edit.text(), field, required)


class MoneyField(QLineEdit):
    """An optional amount in dollars, kept as integer cents."""

    def __init__(self, cents: int | None = None, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(format_money(cents) if cents is not None else "", parent, placeholderText=placeholder)
        self.setClearButtonEnabled(True)

    def cents(self, field: str) -> int | None:
        return parse_money(self.text(), field) if self.text().strip() else None


def matter_combo(store, matter_id: int | None, blank: str = "", include_closed: bool = False) -> QComboBox:  # noqa: ANN001
    """An editable picker of open matters ('number — title'), searchable by any part; data is the id."""
    combo = searchable_combo()
    fill_matter_combo(combo, store, matter_id, blank, include_closed)
    return combo


def fill_matter_combo(combo: QComboBox, store, matter_id: int | None, blank: str = "",  # noqa: ANN001
                      include_closed: bool = False) -> None:
    """Fill a matter picker (see matter_combo) and choose `matter_id`: for a dialog that reads when first shown."""
    from legalsec_desktop.services import matters

    choices = matters.matter_choices(store, include_closed)
    if matter_id is not None and matter_id not in {c[0] for c in choices}:
        draft = matters.load_matter(store, matter_id)
        choices.insert(0, (matter_id, f"{draft.number} — {draft.title}"))
    fill_combo(combo, [(None, blank), *choices], matter_id, also_found_by=matters.matter_clients(store))


def typed_match(combo: QComboBox, text: str) -> int | None:
    """The item typed text means: the one so labelled, else the only one whose label starts with it ("2026-0009"),
    else the only one with every typed word in its label or its other words (a client's name); None if unsure."""
    typed = search_fold(text)
    labels = [search_fold(combo.itemText(i)) for i in range(combo.count())]
    if typed in labels:
        return labels.index(typed)
    if not typed:
        return None
    starting = [i for i, label in enumerate(labels) if label.startswith(typed)]
    if len(starting) == 1:
        return starting[0]
    words = typed.split()
    having = [i for i, label in enumerate(labels)
              if all(word in f"{label} {search_fold(str(combo.itemData(i, ALSO_FOUND_BY) or ''))}" for word in words)]
    return having[0] if len(having) == 1 else None


def choose_typed(combo: QComboBox) -> bool:
    """Choose the item an editable combo's typed text means (see typed_match); False when it means none or several."""
    if search_fold(combo.currentText()) == search_fold(combo.itemText(combo.currentIndex())):
        return True  # as chosen
    index = typed_match(combo, combo.currentText())
    if index is None:
        return False
    if index != combo.currentIndex() or combo.currentText() != combo.itemText(index):
        combo.setCurrentIndex(index)
        line_edit(combo).setText(combo.itemText(index))  # the whole label, even when the index was already chosen
    return True


def chosen_data(combo: QComboBox, field: str, what: str = "matter") -> Any:
    """The data of the item an editable combo shows; raises ValidationError(field) when its text means no one item
    (rather than quietly keeping the item chosen before the typing)."""
    if not choose_typed(combo):
        raise ValidationError(field, f"No single {what} matches “{combo.currentText().strip()}”: "
                                     f"type more of its number or name, or pick it from the list.")
    return combo.currentData()


def searchable_combo(minimum_length: int = 18) -> QComboBox:
    """An editable combo that finds its items by any part of their text and never grows to its longest item."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    find_anywhere(combo)
    combo.setMinimumContentsLength(minimum_length)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def find_anywhere(combo: QComboBox) -> None:
    """Let an editable combo's completer find items by any part of their text, in a popup."""
    completer = combo.completer()
    if completer is None:
        raise ValueError("only an editable combo has a completer")
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    # Enter or Tab after a typed number or name chooses the item it means, without going through the popup.
    edit = line_edit(combo)
    edit.editingFinished.connect(lambda: choose_typed(combo))
    # A chosen item is shown from its start (a matter's number), not from the end of a long title: once the combo
    # and its completer have put the item's text in the box, which they do after saying it was chosen.
    combo.currentIndexChanged.connect(lambda _index: QTimer.singleShot(0, edit, lambda: edit.setCursorPosition(0)))
    completer.activated.connect(lambda _text: QTimer.singleShot(0, edit, lambda: edit.setCursorPosition(0)))


def line_edit(combo: QComboBox) -> QLineEdit:
    """The text box of an editable combo."""
    edit = combo.lineEdit()
    if edit is None:
        raise ValueError("only an editable combo has a text box")
    return edit


def table_item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item a table was filled with at (row, column); a missing one is a bug, not a blank cell."""
    item = table.item(row, column)
    if item is None:
        raise LookupError(f"no item at row {row}, column {column}")
    return item


def fill_combo(combo: QComboBox, items: Sequence[tuple[object, str]], chosen: object = None,
               also_found_by: Mapping[Any, str] | None = None) -> None:
    """Replace a combo's (data, label) items quietly and choose `chosen` (else the first).

    `also_found_by` lets typed text find an item by more than its label (a matter by its client's name): item
    data -> words. The items go into the combo's model in one insertion (20,000 matters: 0.13 s, not 0.22 s)."""
    combo.blockSignals(True)
    combo.clear()
    model = combo.model()
    if isinstance(model, QStandardItemModel):
        rows = []
        for data, label in items:
            item = QStandardItem(label)
            item.setData(data, Qt.ItemDataRole.UserRole)
            if also_found_by is not None:
                item.setData(also_found_by.get(data, ""), ALSO_FOUND_BY)
            rows.append(item)
        model.invisibleRootItem().appendRows(rows)
    else:  # a combo given a model of its own
        for data, label in items:
            combo.addItem(label, data)
            if also_found_by is not None:
                combo.setItemData(combo.count() - 1, also_found_by.get(data, ""), ALSO_FOUND_BY)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)
