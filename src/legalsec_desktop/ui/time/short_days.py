"""The Time tab's list of weekdays short of the timekeeper's daily target; double-clicking one opens that day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from legalsec_desktop.domain.billing import format_hours
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.ui.common.app_state import AppState

SHORT_DAYS_SPAN = 31  # the list looks back at most this far


class ShortDaysPanel(QGroupBox):
    """Weekdays (up to today) of the period shown with less time than the daily target."""

    day_opened = Signal(object, object)  # the day, the timekeeper's id

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Days short of target"))
        self.setToolTip(self.tr("Weekdays in the period (up to today) with less time than the timekeeper's daily "
                                "target: double-click one to see and add its time"))
        self.days = QListWidget()
        self.days.setObjectName("shortDays")
        self.days.setWordWrap(True)  # "Every weekday … meets its target." in a narrow panel: wrapped, not cut off
        self.days.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.days.itemActivated.connect(self._open)
        column = QVBoxLayout(self)
        column.addWidget(self.days)

    def show_period(self, first: date | None, last: date | None, timekeeper_id: int | None) -> None:
        """List the short days of the period (its last month at most) of one timekeeper, or of everyone."""
        self.days.clear()
        if self.state.store is not None:
            self.fill(self.reader(first, last, timekeeper_id)())

    def reader(self, first: date | None, last: date | None, timekeeper_id: int | None) -> Callable[[], list]:
        """The reading of `show_period`, touching no widget (it may run off the UI thread); call it for the days."""
        from legalsec_desktop.services import time_entries

        store, today = self.state.require_store(), self.state.clock.today()
        last = min(last or today, today)
        first = max(first or last - timedelta(days=SHORT_DAYS_SPAN), last - timedelta(days=SHORT_DAYS_SPAN))
        return lambda: time_entries.short_days(store, first, last, timekeeper_id, today)

    def reading(self) -> None:
        """Say the days are being read (while the list of a long period is read after its first page)."""
        self.days.clear()
        self.days.addItem("…")

    def fill(self, found: list) -> None:
        """Show the short days found (by a `reader`)."""
        self.days.clear()
        for short in reversed(found):
            item = QListWidgetItem(self.tr("%s  %s  %s of %s h") % (
                format_date(short.day), short.timekeeper, format_hours(short.minutes, 2),
                format_hours(short.target, 2)))
            item.setData(Qt.ItemDataRole.UserRole, (short.day, short.timekeeper_id))
            self.days.addItem(item)
        if self.days.count() == 0:
            self.days.addItem(self.tr("Every weekday of the period meets its target."))

    def _open(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.day_opened.emit(*data)
