"""The Time tab's entry bar: one line to type a time entry in, faster than paper.

Tab moves through the fields, Enter saves, Escape stops editing, Ctrl+D copies the previous entry. A bad value
is explained under the bar and nothing typed is cleared.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain import utbms
from legalsec_desktop.domain.billing import format_hours
from legalsec_desktop.domain.durations import parse_duration
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.money import format_money
from legalsec_desktop.domain.time_entries import BILLABLE, BILLABLE_LABELS, TimeDraft
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.db_settings import per_database
from legalsec_desktop.ui.common.fields import (
    DateField,
    MoneyField,
    chosen_data,
    fill_combo,
    find_anywhere,
    searchable_combo,
)

KEEPER = "time/timekeeper"  # whose time was entered last (a timekeeper's id: remembered per database)

class TimeEntryBar(QGroupBox):
    """Adds a new entry or changes the one being edited; emits `saved(entry id)`."""

    saved = Signal(int)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.editing_id: int | None = None
        self.editing_before: TimeDraft | None = None
        self.rate_typed = False  # the rate was typed by hand: a new matter or timekeeper leaves it alone
        self.setObjectName("timeEntryBar")
        self.day = DateField(state.clock.today())
        self.keeper = QComboBox()
        self.keeper.setObjectName("entryTimekeeper")
        self.matter = searchable_combo()  # filled when first used (see time_tab.TimeTab._fill_matters)
        self.matters_needed: Callable[[], None] = lambda: None  # fills it before an entry's matter is shown
        self.matter.setObjectName("entryMatter")
        self.matter.currentIndexChanged.connect(lambda _i: self._fill_rate())
        self.duration = QLineEdit(placeholderText=self.tr("0.3, 18m, 1:15"))
        self.duration.setObjectName("entryDuration")
        self.duration.setToolTip(self.tr("How long: 0.3 (hours), .25h, 18m, 1:15 or 1h 20m"))
        self.rate = MoneyField(placeholder=self.tr("rate"))
        self.rate.setObjectName("entryRate")
        self.rate.textEdited.connect(lambda _text: setattr(self, "rate_typed", True))
        self.billing = QComboBox()
        for key in BILLABLE:
            self.billing.addItem(BILLABLE_LABELS[key], key)
        self.task = self._code_combo("entryTask", [c for c in utbms.task_codes().values()])
        self.activity = self._code_combo("entryActivity", list(utbms.activity_codes().values()))
        self.narrative = QLineEdit(placeholderText=self.tr("What was done, as the bill should say it"))
        self.narrative.setObjectName("entryNarrative")
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("entrySave")
        self.save_button.setToolTip(self.tr("Save the entry (Enter)"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("&New"))
        self.new_button.setToolTip(self.tr("Start a new entry (Ctrl+N)"))
        self.new_button.clicked.connect(self.start_new)
        self.copy_button = QPushButton(self.tr("Cop&y Previous"))
        self.copy_button.setToolTip(self.tr("Fill in the previous entry again, dated today (Ctrl+D)"))
        self.copy_button.clicked.connect(self.copy_previous)
        self.message = QLabel()
        self.message.setObjectName("entryMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 6)
        column.setSpacing(4)
        fields_row = QHBoxLayout()
        fields_row.setSpacing(6)
        fields = ((self.tr("&Date"), self.day, 0), (self.tr("T&imekeeper"), self.keeper, 2),
                  (self.tr("&Matter"), self.matter, 4), (self.tr("D&uration"), self.duration, 1),
                  (self.tr("&Rate"), self.rate, 1), (self.tr("&Billing"), self.billing, 1),
                  (self.tr("Tas&k"), self.task, 1), (self.tr("Ac&tivity"), self.activity, 1))
        for text, widget, stretch in fields:
            label = QLabel(text)
            label.setBuddy(widget)
            stack = QVBoxLayout()
            stack.setSpacing(1)
            stack.addWidget(label)
            stack.addWidget(widget)
            fields_row.addLayout(stack, stretch)
        column.addLayout(fields_row)
        narrative_label = QLabel(self.tr("Narrati&ve"))
        narrative_label.setBuddy(self.narrative)
        column.addWidget(narrative_label)
        narrative_row = QHBoxLayout()
        narrative_row.addWidget(self.narrative, 1)
        for button in (self.save_button, self.new_button, self.copy_button):
            narrative_row.addWidget(button)
        column.addLayout(narrative_row)
        column.addWidget(self.message)
        self.day.setMinimumWidth(130)
        self.keeper.setMinimumWidth(150)
        self.duration.setMinimumWidth(90)
        self.rate.setMinimumWidth(90)
        self.fields = {"entry_date": self.day, "timekeeper_id": self.keeper, "matter_id": self.matter,
                       "minutes": self.duration, "rate_cents": self.rate, "billable": self.billing,
                       "task_code": self.task, "activity_code": self.activity, "narrative": self.narrative,
                       "status": self.save_button}
        self.keeper.currentIndexChanged.connect(lambda _i: self._fill_rate())
        self._set_title()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter in any field saves; Escape starts over. (The fields pass these keys up to the bar.)"""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.save()
        elif event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.start_new()
        else:
            super().keyPressEvent(event)

    def _code_combo(self, name: str, codes: list[utbms.Code]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", "")
        for code in codes:
            combo.addItem(code.label, code.code)
        find_anywhere(combo)
        combo.setMinimumContentsLength(5)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    # --- choices from the database --------------------------------------------------------
    def load_keepers(self, keepers: list[tuple[int, str]]) -> None:
        """Fill the timekeeper picker (kept as chosen where possible, else whose time was entered last)."""
        if self.state.store is None:
            return
        keeper = self.keeper.currentData()
        if keeper is None:
            keeper = QSettings().value(per_database(self.state.location, KEEPER))
        fill_combo(self.keeper, keepers, keeper)
        self._fill_rate()

    def load_matters(self, matters: list[tuple[int, str]], clients: Mapping[int, str]) -> None:
        """Fill the matter picker (kept as chosen where possible); a matter is also found by its client's name."""
        fill_combo(self.matter, [(None, ""), *matters], self.matter.currentData(), also_found_by=clients)
        self._fill_rate()

    def _fill_rate(self) -> None:
        """The rate for this timekeeper on this matter (matter, else client, else timekeeper), unless typed."""
        from legalsec_desktop.services import time_entries  # SQLAlchemy loads after the window is up

        if self.state.store is None or self.rate_typed or self.editing_id is not None:
            return
        try:
            terms = time_entries.terms(self.state.store, self.keeper.currentData(), self.matter.currentData())
        except UserFixableError:
            return
        self.rate.setText(format_money(terms.rate_cents) if self.keeper.currentData() is not None else "")
        self.task.setToolTip(self.tr("Required: this matter is billed with UTBMS codes") if terms.codes_required
                             else self.tr("UTBMS task code (optional on this matter)"))

    # --- entries ------------------------------------------------------------------------------
    def draft(self) -> TimeDraft:
        """The entry as typed; raises ValidationError naming the field that cannot be read."""
        day = self.day.date("entry_date", required=True)
        minutes = parse_duration(self.duration.text(), "minutes")
        rate = self.rate.cents("rate_cents")
        if rate is None:
            raise ValidationError("rate_cents", "Enter the hourly rate (0 for time that is never billed).")
        status = "draft"
        if self.editing_before is not None:
            status = self.editing_before.status
        matter_id = chosen_data(self.matter, "matter_id")  # what the box says, typed or picked
        return TimeDraft(day, self.keeper.currentData(), matter_id, minutes, rate,
                         self.billing.currentData(), self._code(self.task), self._code(self.activity),
                         self.narrative.text(), status)

    @staticmethod
    def _code(combo: QComboBox) -> str:
        """The chosen code, or what was typed ("l110" or "L110 Fact…" both mean L110)."""
        text = combo.currentText().strip()
        if combo.currentIndex() > 0 and combo.itemText(combo.currentIndex()) == text:
            return combo.currentData()
        return text.split(" ")[0] if text else ""

    def save(self) -> int | None:
        """Save what is typed; returns the entry's id, or None (the problem is shown, nothing is cleared)."""
        from legalsec_desktop.services import time_entries  # SQLAlchemy loads after the window is up

        store = self.state.store
        if store is None or self.state.read_only:
            return None
        self.message.hide()
        try:
            draft = self.draft()
            closed = time_entries.closed_matter_warning(store, draft.matter_id)
            if closed and (self.editing_before is None or self.editing_before.matter_id != draft.matter_id):
                answer = QMessageBox.question(self, self.tr("Closed matter"), closed,
                                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                              QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    self.matter.setFocus()
                    return None
            entry_id = time_entries.save_entry(store, draft, self.editing_id)
        except ValidationError as exc:
            self.show_problem(exc.message, exc.field)
            return None
        except UserFixableError as exc:
            self.show_problem(exc.message)
            return None
        QSettings().setValue(per_database(self.state.location, KEEPER), draft.timekeeper_id)
        self.saved.emit(entry_id)
        day, keeper, matter = self.day.text(), self.keeper.currentIndex(), self.matter.currentIndex()
        self.start_new()
        self.day.edit.setText(day)  # the next entry is usually the same day, person and matter
        self.keeper.setCurrentIndex(keeper)
        self.matter.setCurrentIndex(matter)
        self.duration.setFocus()
        return entry_id

    def show_problem(self, text: str, field: str = "") -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)
        self.message.show()
        widget = self.fields.get(field)
        if widget is not None:
            widget.setFocus()

    def say(self, text: str) -> None:
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(text)
        self.message.show()

    def start_new(self) -> None:
        """An empty entry for today (timekeeper and matter stay as chosen)."""
        self.editing_id = self.editing_before = None
        self.rate_typed = False
        self.day.set_date(self.state.clock.today())
        self.duration.clear()
        self.narrative.clear()
        self.billing.setCurrentIndex(0)
        self.task.setCurrentIndex(0)
        self.activity.setCurrentIndex(0)
        self.message.hide()
        self._set_locked(False)
        self._fill_rate()
        self._set_title()
        self.day.edit.setFocus()  # a new entry starts at its date, the first field (Tab goes on to the others)
        self.day.edit.selectAll()

    def fill(self, draft: TimeDraft) -> None:
        self.matters_needed()
        self.day.set_date(draft.entry_date)
        self.keeper.setCurrentIndex(max(0, self.keeper.findData(draft.timekeeper_id)))
        self.matter.setCurrentIndex(max(0, self.matter.findData(draft.matter_id)))
        self.duration.setText(f"{draft.minutes}m" if draft.minutes % 6 else format_hours(draft.minutes))
        self.rate.setText(format_money(draft.rate_cents))
        self.billing.setCurrentIndex(max(0, self.billing.findData(draft.billable)))
        for combo, code in ((self.task, draft.task_code), (self.activity, draft.activity_code)):
            index = combo.findData(code)
            if index >= 0:
                combo.setCurrentIndex(index)
            else:
                combo.setEditText(code)
        self.narrative.setText(draft.narrative)

    def edit(self, entry_id: int) -> None:
        """Load an entry to change it; a billed entry is shown but locked."""
        from legalsec_desktop.services import time_entries  # SQLAlchemy loads after the window is up

        draft = time_entries.load_entry(self.state.require_store(), entry_id)
        self.editing_id, self.editing_before = entry_id, draft
        self.rate_typed = True
        self.fill(draft)
        locked = draft.status == "billed"
        self._set_locked(locked)
        self._set_title()
        if locked:
            self.show_problem(time_entries.LOCKED)
        else:
            self.message.hide()
            self.duration.setFocus()
            self.duration.selectAll()

    def copy_previous(self) -> None:
        """Fill in the most recent entry again, dated today, as a new entry."""
        from legalsec_desktop.services import time_entries  # SQLAlchemy loads after the window is up

        if self.state.store is None:
            return
        previous = time_entries.previous_entry(self.state.store, self.keeper.currentData())
        if previous is None:
            previous = time_entries.previous_entry(self.state.store)
        if previous is None:
            self.show_problem(self.tr("There is no earlier entry to copy yet."))
            return
        self.start_new()
        self.fill(previous)
        self.rate_typed = True
        self.day.set_date(self.state.clock.today())
        self.duration.setFocus()
        self.duration.selectAll()

    def _set_locked(self, locked: bool) -> None:
        for widget in self.fields.values():
            widget.setEnabled(not locked)
        self.save_button.setEnabled(not locked and not self.state.read_only)

    def _set_title(self) -> None:
        if self.editing_id is None:
            self.setTitle(self.tr("New time entry"))
        else:
            self.setTitle(self.tr("Editing entry #%d (Esc to stop)") % self.editing_id)
