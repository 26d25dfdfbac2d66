"""The Time tab: the entry bar, the entries of a period with their totals, timers, and days short of target."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.billing import format_hours
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.money import format_money
from legalsec_desktop.domain.periods import PERIODS, period_range
from legalsec_desktop.domain.time_entries import BILLABLE, BILLABLE_LABELS
from legalsec_desktop.services.rows import TimeFilters
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.fields import DateField, fill_combo, searchable_combo
from legalsec_desktop.ui.common.fill_when_used import FillWhenUsed
from legalsec_desktop.ui.common.record_model import ID_ROLE
from legalsec_desktop.ui.common.navigation import Destination
from legalsec_desktop.ui.common.list_tab import ListTab, TabSpec
from legalsec_desktop.ui.common.worker import run_quietly
from legalsec_desktop.ui.time.entry_actions import EntryActions
from legalsec_desktop.ui.time.short_days import ShortDaysPanel
from legalsec_desktop.services.changes import Changed

if TYPE_CHECKING:
    from legalsec_desktop.services.listings import TimeTotals
log = logging.getLogger("legalsec")

SPEC = TabSpec(
    listing="time",
    title="Time",
    icon="time",
    empty_title="No time recorded yet",
    empty_text=(
        "Type an entry in the bar above (Tab between fields, Enter saves), or start a timer. Hours are billed "
        "in the firm's increment, always rounded up."
    ),
    noun="entry",
    nouns="entries",
    shows=Changed.TIME | Changed.TIMERS | Changed.MATTERS | Changed.FIRM,
)

class TimeTab(ListTab, EntryActions):
    export_requested = Signal()  # Export to Excel… was pressed

    def __init__(self, spec: TabSpec, state: AppState, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        self.undo_stack = undo_stack
        self.filters = TimeFilters()  # the period, timekeeper, matter and billing choices
        super().__init__(spec, state, parent)
        from legalsec_desktop.ui.time.time_entry_bar import TimeEntryBar
        from legalsec_desktop.ui.time.timers_panel import TimersPanel

        self.entry_bar = TimeEntryBar(state)
        self.entry_bar.saved.connect(self._entry_saved)
        self.entry_bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # clipped, not widening
        self.timers = TimersPanel(state, undo_stack, self._timer_values)
        self.timers.entry_made.connect(self._timer_stopped)
        self.bar_holder.addWidget(self.entry_bar)
        self.side.addWidget(self.timers, 1)
        self._build_filters()
        self._build_short_days()
        for key, slot in ((Qt.Key.Key_Return, self.edit_current), (Qt.Key.Key_Enter, self.edit_current),
                          (QKeySequence.StandardKey.Delete, self.delete_selected)):
            # Only while the list has focus: the entry bar takes Enter for itself. (PySide6 ignores a context
            # given to the constructor together with a slot, so it is set here.)
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self._choices_loaded = False
        self.matter_choices = FillWhenUsed((self.entry_bar.matter, self.matter_filter), self._fill_matters, self)
        self.entry_bar.matters_needed = self.matter_choices.now  # before it shows an entry's matter
        self.reads, self.complete = 0, True  # readings started (the newest one's rest is shown); all rows read
        self._select_later: int | None = None  # an entry to select once the rest of the list is read

    def _build_body(self) -> QWidget:
        self.filter_row = QWidget()
        self.filter_row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.bar_holder = QVBoxLayout()
        self.bar_holder.setContentsMargins(0, 0, 0, 0)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("timeTotals")
        self.final_button = QPushButton(self.tr("Mark &Final"))
        self.final_button.setToolTip(self.tr("Ready to bill: the selected entries are final"))
        self.final_button.clicked.connect(lambda: self.set_status("final"))
        self.billed_button = QPushButton(self.tr("Mark &Billed…"))
        self.billed_button.setToolTip(self.tr("The selected entries were billed; they are locked afterwards"))
        self.billed_button.clicked.connect(lambda: self.set_status("billed"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button = QPushButton(self.tr("E&xport to Excel…"))
        self.export_button.setToolTip(self.tr("The timesheet of this period, timekeeper and matter (Ctrl+Shift+X)"))
        self.export_button.clicked.connect(self.export_requested)
        foot = QHBoxLayout()
        foot.addWidget(self.totals_label, 1)
        for button in (self.final_button, self.billed_button, self.delete_button, self.export_button):
            foot.addWidget(button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_row)
        column.addLayout(self.bar_holder)
        column.addWidget(self.stack, 1)
        column.addLayout(foot)
        right = QWidget()
        self.side = QVBoxLayout(right)
        self.side.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("timeSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([980, 300])
        self.splitter.setChildrenCollapsible(False)
        return self.splitter

    def _build_filters(self) -> None:
        self.period = QComboBox()
        self.period.setObjectName("timePeriod")
        self.period.addItems(PERIODS)
        self.first = DateField(placeholder=self.tr("from"))
        self.last = DateField(placeholder=self.tr("to"))
        self.keeper_filter = QComboBox()
        self.keeper_filter.setObjectName("timeKeeperFilter")
        self.keeper_filter.addItem(self.tr("Every timekeeper"), None)
        self.matter_filter = searchable_combo(14)
        self.matter_filter.setObjectName("timeMatterFilter")
        self.matter_filter.addItem(self.tr("Every matter"), None)
        self.billing_filter = QComboBox()
        self.billing_filter.addItem(self.tr("Any billing"), None)
        for key in BILLABLE:
            self.billing_filter.addItem(BILLABLE_LABELS[key], key)
        row = QHBoxLayout(self.filter_row)
        row.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((self.tr("&Period:"), self.period), (None, self.first), ("–", self.last),
                              (None, self.keeper_filter), (None, self.matter_filter), (None, self.billing_filter)):
            if label:
                caption = QLabel(label)
                caption.setBuddy(widget)
                row.addWidget(caption)
            row.addWidget(widget)
        row.addStretch(1)
        remembered = str(QSettings().value("time/period", "This month") or "This month")
        self.period.setCurrentText(remembered if remembered in PERIODS else "This month")
        self._period_chosen()
        self.period.currentTextChanged.connect(lambda _t: self._period_chosen(apply=True))
        self._dates_timer = QTimer(self, singleShot=True, interval=400)
        self._dates_timer.timeout.connect(self._dates_typed)
        self.first.changed.connect(self._dates_timer.start)
        self.last.changed.connect(self._dates_timer.start)
        self.keeper_filter.currentIndexChanged.connect(
            lambda _i: self._set_filters(replace(self.filters, timekeeper_id=self.keeper_filter.currentData())))
        self.matter_filter.currentIndexChanged.connect(
            lambda _i: self._set_filters(replace(self.filters, matter_id=self.matter_filter.currentData())))
        self.billing_filter.currentIndexChanged.connect(
            lambda _i: self._set_filters(replace(self.filters, billable=self.billing_filter.currentData())))

    def _build_short_days(self) -> None:
        self.short_days = ShortDaysPanel(self.state)
        self.short_days.day_opened.connect(self.show_day)
        self.side.addWidget(self.short_days, 1)

    # --- filters ---------------------------------------------------------------------------
    def _period_chosen(self, apply: bool = False) -> None:
        name = self.period.currentText()
        if name != "Custom":
            first, last = period_range(name, self.state.clock.today())
            for field, value in ((self.first, first), (self.last, last)):
                field.blockSignals(True)
                field.set_date(value)
                field.blockSignals(False)
            self.filters = replace(self.filters, first=first, last=last)
            QSettings().setValue("time/period", name)
        if apply:
            self.refresh()

    def _dates_typed(self) -> None:
        try:
            first, last = self.first.date("first"), self.last.date("last")
        except UserFixableError as exc:
            self.totals_label.setText(f"<span style='color:#b00020'>{exc.message}</span>")
            return
        if (first, last) == (self.filters.first, self.filters.last):
            return
        self.period.blockSignals(True)
        self.period.setCurrentText("Custom")
        self.period.blockSignals(False)
        self._set_filters(replace(self.filters, first=first, last=last))

    def list_filters(self) -> TimeFilters:
        return self.filters

    def _show_controls(self, period: str, day: date | None, keeper_index: int) -> None:
        """Set the period, both dates and the timekeeper quietly: the caller sets the filters once, after."""
        with QSignalBlocker(self.period), QSignalBlocker(self.keeper_filter):
            self.period.setCurrentText(period)
            self.keeper_filter.setCurrentIndex(keeper_index)
        for field in (self.first, self.last):
            with QSignalBlocker(field):
                field.set_date(day)

    def _set_filters(self, filters: TimeFilters) -> None:
        self.filters = filters
        self.refresh()

    def show_destination(self, destination: Destination) -> None:
        """All of one matter's time (every date and timekeeper), so the list agrees with the matter's totals."""
        self._load_choices()
        self.matter_choices.now()
        index = self.matter_filter.findData(destination.matter_id) if destination.matter_id is not None else -1
        if index < 0:
            super().show_destination(destination)
            return
        self._show_controls("All dates", None, 0)
        with QSignalBlocker(self.matter_filter), QSignalBlocker(self.filter_box):
            self.matter_filter.setCurrentIndex(index)
            self.filter_box.clear()
        self.model.filter_text = ""
        self._set_filters(replace(self.filters, first=None, last=None, timekeeper_id=None,
                                  matter_id=destination.matter_id))

    def show_day(self, day: date, keeper_id: int | None) -> None:
        """List one day's entries (of one timekeeper) and set the entry bar to add to it."""
        self._show_controls("Custom", day, max(0, self.keeper_filter.findData(keeper_id)))
        self._set_filters(replace(self.filters, first=day, last=day, timekeeper_id=keeper_id))
        self.entry_bar.start_new()
        self.entry_bar.day.set_date(day)
        self.entry_bar.keeper.setCurrentIndex(max(0, self.entry_bar.keeper.findData(keeper_id)))

    # --- data ------------------------------------------------------------------------------
    def _load_choices(self) -> None:
        if self.state.store is None or self._choices_loaded:
            return
        from legalsec_desktop.services import matters

        self._choices_loaded = True
        keepers = matters.attorneys(self.state.store)
        self.entry_bar.load_keepers(keepers)
        fill_combo(self.keeper_filter, [(None, self.tr("Every timekeeper")), *keepers],
                   self.keeper_filter.currentData())
        self.matter_choices.due()  # thousands on a large practice: read when a matter picker is first used

    def _fill_matters(self) -> None:
        """Both matter pickers (the entry bar's and the filter), every matter, each also found by its client."""
        if self.state.store is None:
            return
        from legalsec_desktop.services import matters

        every_matter = matters.matter_choices(self.state.store, include_closed=True)
        clients = matters.matter_clients(self.state.store)
        self.entry_bar.load_matters(every_matter, clients)
        fill_combo(self.matter_filter, [(None, self.tr("Every matter")), *every_matter],
                   self.matter_filter.currentData(), also_found_by=clients)

    def refresh(self) -> None:
        if not hasattr(self, "timers"):  # the base class sorts while the tab is still being built
            super().refresh()
            return
        self._load_choices()
        keep = self.current_entry_id()
        super().refresh()
        if self.state.store is not None and self.model.rowCount() == 0:
            from legalsec_desktop.services import time_entries

            if not time_entries.has_entries(self.state.store):  # the period is a view, not a search
                self.stack.setCurrentIndex(self.EMPTY)
        if self.complete:
            self._show_totals()
            self.short_days.show_period(self.filters.first, self.filters.last, self.filters.timekeeper_id)
        if keep is not None:
            self.select_entry(keep)

    def _reload(self) -> bool:
        """The first page at once; the rest of a longer list, its count, totals and short days off the UI thread
        ("…" until they come: a month of a large firm's time is thousands of entries)."""
        from legalsec_desktop.services import listings

        store, model, filters = self.state.require_store(), self.model, self.filters
        self.reads += 1
        reading, page = self.reads, model.PAGE
        first = listings.list_ids(store, "time", model.sort_key, model.descending, model.filter_text, filters,
                                  limit=page + 1)
        self.complete = len(first) <= page
        model.show_ids(first[:page])
        if self.complete:
            return True
        order, text = (model.sort_key, model.descending), model.filter_text
        short = self.short_days.reader(filters.first, filters.last, filters.timekeeper_id)
        self.totals_label.setText("…")
        self.short_days.reading()

        def done(found: tuple[list[int], TimeTotals, list]) -> None:
            if reading == self.reads and store is self.state.store:  # the newest reading, of this database
                self._show_rest(*found, in_order=order == (model.sort_key, model.descending))

        def failed(exc: BaseException) -> None:
            if reading == self.reads and store is self.state.store:
                log.warning("the rest of the time list could not be read: %s", type(exc).__name__)
                self.count_label.setText(self.tr("the first %d shown") % page)
                self.totals_label.setText(self.tr("The rest and the totals could not be read: press F5 to try again."))

        run_quietly(self, lambda: (listings.list_ids(store, "time", *order, text, filters),
                                   listings.time_totals(store, text, filters), short()), done, failed)
        return False

    def _show_rest(self, ids: list[int], totals: TimeTotals, short: list, in_order: bool) -> None:
        """The rest of the list below its first page (unless a new sort has read it all since), count and totals."""
        if in_order and not self.model.extend_ids(ids):
            self.model.show_ids(ids)
        self.complete = True
        self.count_label.setText(self.count_text(len(ids)))
        self._show_totals(totals)
        self.short_days.fill(short)
        if self._select_later is not None:
            self.select_entry(self._select_later)

    def select_entry(self, entry_id: int, scroll: bool = False) -> None:
        """Select the entry's row; one not on the first page is selected when the rest of the list is read."""
        row = self.model.row_of(entry_id)
        self._select_later = entry_id if row is None and not self.complete else None
        if row is not None:
            self.table.selectRow(row)
            if scroll:
                self.table.scrollTo(self.model.index(row, 0))

    def _show_totals(self, totals: TimeTotals | None = None) -> None:
        if self.state.store is None:
            self.totals_label.clear()
            return
        from legalsec_desktop.services import listings

        if totals is None:
            totals = listings.time_totals(self.state.store, self.model.filter_text, self.filters)
        noun = self.tr("entry") if totals.count == 1 else self.tr("entries")
        self.totals_label.setText(self.tr("<b>%s hours</b> (%s billable) · <b>%s</b> · %d %s shown") % (
            format_hours(totals.billed_minutes), format_hours(totals.billable_minutes),
            format_money(totals.amount_cents), totals.count, noun))

    def _on_data_changed(self, what: Changed) -> None:
        if what.touches(Changed.MATTERS | Changed.FIRM):
            self._choices_loaded = False
        super()._on_data_changed(what)

    def _on_store_changed(self) -> None:
        self._choices_loaded = False
        super()._on_store_changed()

    # --- entries ---------------------------------------------------------------------------
    def current_entry_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            chosen = self.table.selectionModel().selectedRows()
            index = chosen[0] if chosen else index
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        ids = [self.model.data(self.model.index(row, 0), ID_ROLE) for row in sorted(rows)]
        return [i for i in ids if i is not None]

    def edit_current(self) -> None:
        entry_id = self.current_entry_id()
        if entry_id is None:
            return
        try:
            self.entry_bar.edit(entry_id)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Cannot edit"))

    def new_entry(self) -> None:
        self.entry_bar.start_new()

    def _timer_values(self) -> tuple:
        bar = self.entry_bar
        return bar.keeper.currentData(), bar.matter.currentData(), bar.narrative.text()

    def _timer_stopped(self, entry_id: int) -> None:
        self.refresh()
        self.select_entry(entry_id)
        self.entry_bar.edit(entry_id)
        self.entry_bar.say(self.tr("The timer's time is a draft entry now: check it and press Enter."))
