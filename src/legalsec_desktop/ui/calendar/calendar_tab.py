"""The Calendar tab: month, week, day and agenda views, the list of every event ahead, and what needs attention.

Navigation: Today (Ctrl+T), previous/next (Alt+Left/Right, or Page Up/Down), Go to Date (Ctrl+G); views
Ctrl+Shift+1..5. The keys are the feature's actions (calendar_feature), so they work whenever the tab is in view.
Filters: attorney, matter and type, plus the text box (title, matter number, client).
The side panel lists overdue items, reminders that fell due, and deadlines that wait for verification.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.events import KIND_COLOURS, KIND_LABELS, KINDS
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.domain.names import search_fold
from legalsec_desktop.services.rows import EventFilters
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.calendar.attention import Attention, fill_attention, open_file_row, read_attention
from legalsec_desktop.ui.calendar.calendar_views import AgendaView, MonthView, TimeGridView
from legalsec_desktop.ui.calendar.item_labels import set_home_zone
from legalsec_desktop.ui.calendar import todo_marks
from legalsec_desktop.ui.common.fields import fill_combo
from legalsec_desktop.ui.common.fill_when_used import FillWhenUsed
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.navigation import Destination
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.list_tab import ListTab, TabSpec
from legalsec_desktop.ui.common.worker import run_quietly

if TYPE_CHECKING:
    from legalsec_desktop.services.calendar import Occurrence
    from legalsec_desktop.services.reminders import Reminder

SPEC = TabSpec(
    listing="events",
    title="Calendar",
    icon="calendar",
    empty_title="Nothing on the calendar from today on",
    empty_text=(
        "Hearings, deadlines and appointments appear here, soonest first. Add one with New Event (Ctrl+Shift+E), "
        "or compute court deadlines with Tools ▸ Deadline Calculator."
    ),
    action_text="New Event…",
    noun="event",
    nouns="events",
    shows=Changed.EVENTS | Changed.MATTERS | Changed.PARTIES | Changed.CONTACTS | Changed.FIRM | Changed.TODOS
    | Changed.COMMUNICATIONS,  # a follow-up date is a to-do
)
log = logging.getLogger("legalsec")
VIEWS = ("Month", "Week", "Day", "Agenda", "List")


class CalendarTab(ListTab):
    """The list of events from today on is the "List" view; the painted views sit beside it in a stack."""

    open_event = Signal(object)  # an Occurrence
    attention_read = Signal(object)  # an Attention: the panel's newest reading, shared with the reminder check
    new_event = Signal(object, object)  # a date, a datetime or None

    def __init__(self, spec: TabSpec, state: AppState, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        self.undo_stack = undo_stack
        self.anchor = state.clock.today()
        set_home_zone(state.clock.zone_name())  # times kept in another zone are marked, as on the docket
        self.occurrences: list = []
        self.filters = EventFilters()  # what the list reads: `current_filters` as of the last refresh
        self._attention_reads, self.attention_pending = 0, False
        self.latest_attention: Attention | None = None
        self.attention_counts: dict[str, int] = {}
        super().__init__(spec, state, parent)
        self.table.doubleClicked.connect(self._open_from_list)
        self.filter_box.setPlaceholderText(self.tr("Filter by title, matter or client… (Ctrl+F)"))
        for view in (self.month, self.week, self.day):
            view.open_requested.connect(self.open_event)
            view.new_requested.connect(self.new_event)
            view.day_selected.connect(self._day_clicked)
        self.agenda.open_requested.connect(self.open_event)
        self.agenda.new_requested.connect(self.new_event)
        todo_marks.connect_todos(self)

    # --- building --------------------------------------------------------------------------
    def _build_body(self) -> QWidget:
        today = self.anchor
        self.month, self.week, self.day = MonthView(today), TimeGridView(7, today), TimeGridView(1, today)
        self.agenda = AgendaView(today)
        for name, view in zip(VIEWS, (self.month, self.week, self.day, self.agenda)):
            view.setObjectName(f"calendar{name}View")
        self.views = QStackedWidget()
        for widget in (self.month, self.week, self.day, self.agenda, self.stack):
            self.views.addWidget(widget)

        nav = QHBoxLayout()
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today (Ctrl+T)"))
        self.today_button.clicked.connect(self.go_today)
        self.prev_button, self.next_button = QToolButton(), QToolButton()
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.prev_button.setToolTip(self.tr("Previous (Alt+Left)"))
        self.next_button.setToolTip(self.tr("Next (Alt+Right)"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.goto_button = QPushButton(self.tr("Go to…"))
        self.goto_button.setToolTip(self.tr("Go to a date (Ctrl+G)"))
        self.goto_button.clicked.connect(self.ask_date)
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.period_label.setStyleSheet("font-size: 15px; font-weight: 600;")
        for control in (self.today_button, self.prev_button, self.next_button, self.goto_button, self.period_label):
            nav.addWidget(control)
        nav.addStretch(1)
        self.view_buttons = QButtonGroup(self)
        for index, name in enumerate(VIEWS):
            button = QToolButton()
            button.setText(self.tr(name))
            button.setCheckable(True)
            button.setToolTip(self.tr("%s view (Ctrl+Shift+%d)") % (name, index + 1))
            self.view_buttons.addButton(button, index)
            nav.addWidget(button)
        self.view_buttons.idClicked.connect(self.set_view)

        filters = QHBoxLayout()
        self.attorney_filter, self.matter_filter, self.kind_filter = QComboBox(), QComboBox(), QComboBox()
        self.attorney_filter.setObjectName("calendarAttorneyFilter")
        self.matter_filter.setObjectName("calendarMatterFilter")
        # thousands of matters on a large practice (140 ms): read when the filter is first used
        self.matter_choices = FillWhenUsed((self.matter_filter,), self._fill_matter_choices, self)
        self.kind_filter.setObjectName("calendarKindFilter")
        self.kind_filter.addItem(self.tr("Every type"), None)
        self.kind_filter.addItem(self.tr("Deadlines only"), ("filing deadline", "response deadline",
                                                             "statute of limitations"))
        self.kind_filter.addItem(self.tr("Court dates (hearings, trials)"), ("hearing", "trial"))
        for kind in KINDS:
            self.kind_filter.addItem(KIND_LABELS[kind], (kind,))
        for combo in (self.attorney_filter, self.matter_filter, self.kind_filter):
            combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            combo.setMinimumWidth(90)
            combo.currentIndexChanged.connect(self._filters_changed)
            filters.addWidget(combo, 1)
        self.new_button = QPushButton(icon("new"), self.tr("New Event"))
        self.new_button.setToolTip(self.tr("Add an event (Ctrl+Shift+E)"))
        self.new_button.clicked.connect(lambda: self.new_event.emit(self.selected_day(), None))
        filters.addWidget(self.new_button)

        chips = "&nbsp;&nbsp; ".join(f"<span style='color:{KIND_COLOURS[k]}'>■</span> {KIND_LABELS[k]}" for k in KINDS)
        legend_box = QLabel(chips + "&nbsp;&nbsp; <span style='color:#b00020'><b>! overdue</b></span>&nbsp;&nbsp; "
                            "? unverified&nbsp;&nbsp; <span style='color:#2e5e8c'>☐ to-do</span>")
        legend_box.setStyleSheet("color: #444; font-size: 11px;")
        legend_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.attention = QListWidget()
        self.attention.setObjectName("attentionList")
        self.attention.itemActivated.connect(self._attention_activated)
        self.attention.setWordWrap(True)
        self.attention.setSpacing(2)
        self.verify_button = QPushButton(self.tr("Verify Selected…"))
        self.verify_button.setToolTip(self.tr("Record your initials as the second check of the selected deadlines"))
        self.dismiss_button = QPushButton(self.tr("Dismiss Reminder"))
        self.attention.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        side = QWidget()
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Needs attention"))
        heading.setStyleSheet("font-weight: 600;")
        side_column.addWidget(heading)
        side_column.addWidget(self.attention, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.dismiss_button)
        side_column.addLayout(buttons)
        side.setMinimumWidth(160)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("calendarSplitter")
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 260])

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(nav)
        column.addLayout(filters)
        column.addWidget(self.splitter, 1)
        column.addWidget(legend_box)
        self.view_buttons.button(0).setChecked(True)
        self.views.setCurrentIndex(0)
        return body

    # --- navigation ------------------------------------------------------------------------
    def current_view(self) -> int:
        return self.views.currentIndex()

    def set_view(self, index: int) -> None:
        self.views.setCurrentIndex(index)
        self.view_buttons.button(index).setChecked(True)
        self.show_period()

    def show_period(self) -> None:
        """Redraw the current view only (navigation does not change the list or the attention panel)."""
        if self.state.store is None:
            return
        if self.stale:
            self.refresh()
        elif self.current_view() < 4:
            self._refresh_view(self.current_view())
        else:
            super().refresh()

    def go_today(self) -> None:
        self.go_to(self.state.clock.today())

    def go_to(self, day: date) -> None:
        self.anchor = day
        for view in (self.month, self.week, self.day):
            view.selected_day = day
        self.show_period()

    def step(self, direction: int) -> None:
        view = self.current_view()
        if view == 0:
            month = self.anchor.month - 1 + direction
            year = self.anchor.year + month // 12
            self.anchor = date(year, month % 12 + 1, 1)
        elif view == 1:
            self.anchor += timedelta(days=7 * direction)
        elif view == 2:
            self.anchor += timedelta(days=direction)
        else:
            self.anchor += timedelta(days=30 * direction)
        self.show_period()

    def ask_date(self) -> None:
        from legalsec_desktop.domain.dates import format_date_entry, parse_date
        from legalsec_desktop.domain.errors import ValidationError

        text, accepted = QInputDialog.getText(self, self.tr("Go to Date"), self.tr("Date (MM/DD/YYYY):"),
                                              text=format_date_entry(self.anchor))
        if not accepted:
            return
        try:
            self.go_to(parse_date(text, "date", required=True))  # type: ignore[arg-type]  # required: never None
        except ValidationError as exc:
            self.state.tell(exc.message, 8000)

    def selected_day(self) -> date:
        view = self.current_view()
        if view in (0, 1, 2):
            return (self.month, self.week, self.day)[view].selected_day
        return self.anchor

    def _day_clicked(self, day: date) -> None:
        self.anchor = day

    # --- data ------------------------------------------------------------------------------
    def current_filters(self) -> EventFilters:
        """What the attorney, matter and type choices show (the list, the views and the .ics export share it)."""
        return EventFilters(self.attorney_filter.currentData(), self.matter_filter.currentData(),
                            self.kind_filter.currentData() or ())

    def list_filters(self) -> EventFilters:
        return self.filters

    def _filters_changed(self) -> None:
        self.filters = self.current_filters()  # the list reads them; the base class counts "N match" by them
        self.refresh()

    def _fill_filter_choices(self) -> None:
        """The attorneys now; the matters (thousands on a large practice: 140 ms) when the filter is first used."""
        from legalsec_desktop.services import matters

        fill_combo(self.attorney_filter, [(None, self.tr("Every attorney")),
                                          *matters.attorneys(self.state.require_store())],
                   self.attorney_filter.currentData())
        self.matter_choices.due()
        if self.matter_filter.count() == 0:
            fill_combo(self.matter_filter, [(None, self.tr("Every matter"))])

    def _fill_matter_choices(self) -> None:
        from legalsec_desktop.services import matters

        if self.state.store is not None:
            fill_combo(self.matter_filter, [(None, self.tr("Every matter")), *matters.matter_choices(self.state.store)],
                       self.matter_filter.currentData())

    def show_destination(self, destination: Destination) -> None:
        """One matter's events: the matter filter set to it (and the text filter cleared)."""
        if self.state.store is not None and self.attorney_filter.count() == 0:
            self._fill_filter_choices()
        self.matter_choices.now()
        index = self.matter_filter.findData(destination.matter_id) if destination.matter_id is not None else -1
        if index < 0:
            super().show_destination(destination)
            return
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.blockSignals(False)
        self.model.filter_text = ""
        self.matter_filter.blockSignals(True)
        self.matter_filter.setCurrentIndex(index)
        self.matter_filter.blockSignals(False)
        self._filters_changed()

    def refresh(self) -> None:
        if self.state.store is None:
            super().refresh()
            return
        if self.attorney_filter.count() == 0 or self.stale:
            self._fill_filter_choices()
        self.filters = self.current_filters()  # a choice that vanished with its matter falls back to "every"
        super().refresh()  # the List view (and the empty state)
        view = self.current_view()
        if view < 4:
            self._refresh_view(view)
        self.refresh_attention()

    def _refresh_view(self, index: int) -> None:
        from legalsec_desktop.services import calendar, deadlines

        view = (self.month, self.week, self.day, self.agenda)[index]
        if index == 0:
            self.month.month = self.anchor.replace(day=1)
        elif index == 1:
            self.week.start = self.anchor - timedelta(days=(self.anchor.weekday() + 1) % 7)
        elif index == 2:
            self.day.start = self.anchor
        else:
            self.agenda.start = self.anchor
        first, last = view.range()
        items = calendar.events_between(self.state.require_store(), first, last, self.current_filters())
        words = search_fold(self.filter_box.text()).split()
        if words:  # folded as the List view's stored search keys are: "ozturk" finds "ÖZTÜRK" here too
            items = [o for o in items
                     if all(word in search_fold(f"{o.title} {o.matter_number} {o.client} {o.location}")
                            for word in words)]
        self.occurrences = items
        if index == 0:
            self.month.set_todos(todo_marks.todos_shown(self, first, last, words))
        closed = deadlines.holidays_between(self.state.require_store(), first, last, self.matter_filter.currentData())
        view.set_items(items, closed, self.state.clock.today())
        if index == 0:
            self.period_label.setText(f"{self.anchor:%B %Y}")
        else:
            end = last - timedelta(days=1)
            self.period_label.setText(format_date(first) if first == end else
                                      f"{format_date(first)} – {format_date(end)}")

    def refresh_attention(self) -> None:
        """Read the panel again off the UI thread (100-200 ms on a large practice); the newest reading wins."""
        store, today, filters = self.state.require_store(), self.state.clock.today(), self.current_filters()
        self._attention_reads += 1
        reading = self._attention_reads
        self.attention_pending = True

        def done(found: Attention) -> None:
            if reading != self._attention_reads:
                return  # a newer reading is under way
            self.attention_pending = False
            if found.store is self.state.store:  # not of a database closed (or replaced) meanwhile
                self.latest_attention = found
                self.attention_counts = fill_attention(self.attention, found)
                self.attention_read.emit(found)

        def failed(exc: BaseException) -> None:
            if reading == self._attention_reads:
                self.attention_pending = False
            if self.state.store is store:  # not a database closed under the reading
                log.warning("the Needs attention panel could not be read: %s", type(exc).__name__)

        run_quietly(self, lambda: read_attention(store, today, filters), done, failed)

    def selected_attention(self) -> list[tuple[str, Occurrence, Reminder | None]]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.attention.selectedItems()
                if item.data(Qt.ItemDataRole.UserRole)]

    def _attention_activated(self, item: QListWidgetItem) -> None:
        if todo_marks.open_todo_row(self, item) or open_file_row(self.state, item):
            return
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.open_event.emit(data[1])

    def _open_from_list(self, index) -> None:  # noqa: ANN001
        from legalsec_desktop.services import calendar

        occ = calendar.event_occurrence(self.state.require_store(), self.model.id_at(index.row()))
        if occ is not None:
            self.open_event.emit(occ)

    # --- remembered layout -----------------------------------------------------------------
    def save_layout(self, settings: QSettings) -> None:
        super().save_layout(settings)
        settings.setValue("calendar/view", self.current_view())

    def restore_layout(self, settings: QSettings) -> None:
        super().restore_layout(settings)
        view = int(str(settings.value("calendar/view", 0)))  # QSettings gives back the number or its text
        self.views.setCurrentIndex(view if 0 <= view < len(VIEWS) else 0)
        self.view_buttons.button(self.views.currentIndex()).setChecked(True)
