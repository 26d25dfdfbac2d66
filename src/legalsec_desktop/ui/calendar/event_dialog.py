"""Add or edit a calendar event: warns of double booking and of days the court is closed, edits one
occurrence or a whole series, shows a computed deadline's derivation and history, and deletes with undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain import rule_sets
from legalsec_desktop.domain.clock import parse_time
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import (
    COURT_KINDS,
    KIND_LABELS,
    KINDS,
    REPEATS,
    STATUSES,
    TIMED_KINDS,
    EventDraft,
    validate_event,
)
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.services import calendar, deadlines, matters
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.fields import DateField, chosen_data, fill_matter_combo, searchable_combo
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.undo import delete_with_undo
from legalsec_desktop.services.changes import Changed

ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
         "America/Anchorage", "Pacific/Honolulu")
CUSTOM_REPEAT = "custom"


def my_initials() -> str:
    return str(QSettings().value("user/initials", "") or "")


def default_zone(store, matter_id: int | None) -> str:  # noqa: ANN001
    remembered = str(QSettings().value("calendar/zone", "") or "")
    return remembered or rule_sets.load(deadlines.rules_for_matter(store, matter_id)).default_tz


class EventDialog(LoadOnShowDialog):
    """New (event_id None) or existing event; `occurrence` is the date clicked when it belongs to a series."""

    def __init__(self, state: AppState, undo_stack: QUndoStack, parent: QWidget | None = None,
                 event_id: int | None = None, occurrence: date | None = None, day: date | None = None,
                 when: datetime | None = None, matter_id: int | None = None) -> None:
        super().__init__(parent)
        self.load_problem_title = self.tr("Cannot open the event")
        self.state, self.undo_stack, self.event_id, self.occurrence = state, undo_stack, event_id, occurrence
        self.saved_id: int | None = None
        self.compute_requested = False
        self.recomputed = False  # saving moved a trigger, so its linked deadlines were recomputed
        self.existing: EventDraft | None = None  # read by load(), on first showing, with everything else
        self.loaded = False
        self.day, self.when, self.matter_id = day, when, matter_id
        self.setWindowTitle(self.tr("New Event") if event_id is None else self.tr("Edit Event"))
        self.setMinimumWidth(620)

        self.kind = QComboBox()
        for key in KINDS:
            self.kind.addItem(KIND_LABELS[key], key)
        self.title = QLineEdit()
        self.title.setMaxLength(300)
        self.matter = searchable_combo()
        self.all_day = QCheckBox(self.tr("All day"))
        self.on_date = DateField()
        self.start = QLineEdit(placeholderText="9:30 AM")
        self.end = QLineEdit(placeholderText="10:30 AM")
        self.tz = QComboBox()
        self.tz.setEditable(True)
        self.tz.addItems(ZONES)
        time_row = QWidget()
        row = QHBoxLayout(time_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.all_day)
        row.addWidget(QLabel(self.tr("from")))
        row.addWidget(self.start, 1)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end, 1)
        row.addWidget(self.tz, 2)
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Courtroom, department, address or call-in"))
        self.attending = QListWidget()
        self.attending.setMaximumHeight(90)
        self.status = QComboBox()
        for key in STATUSES:
            self.status.addItem(key.capitalize(), key)
        self.repeats = QComboBox()
        for rule, label in REPEATS.items():
            self.repeats.addItem(self.tr(label), rule)
        self.repeats.addItem(self.tr("Custom rule…"), CUSTOM_REPEAT)
        self.rule = QLineEdit(placeholderText="FREQ=MONTHLY;BYDAY=1MO;COUNT=12")
        self.rule.setToolTip(self.tr("An iCalendar RRULE, e.g. FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20271231"))
        self.docketed_by = QLineEdit()
        self.verified_by = QLineEdit()
        for field in (self.docketed_by, self.verified_by):
            field.setMaxLength(5)
            field.setMaximumWidth(80)
        checks = QWidget()
        check_row = QHBoxLayout(checks)
        check_row.setContentsMargins(0, 0, 0, 0)
        check_row.addWidget(QLabel(self.tr("Docketed by")))
        check_row.addWidget(self.docketed_by)
        check_row.addWidget(QLabel(self.tr("Verified by")))
        check_row.addWidget(self.verified_by)
        check_row.addStretch(1)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)

        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("kind", self.tr("&Type:"), self.kind)
        self.errors.add_row("title", self.tr("T&itle:"), self.title)
        self.errors.add_row("matter_id", self.tr("&Matter:"), self.matter)
        self.errors.add_row("on_date", self.tr("&Date:"), self.on_date)
        self.errors.add_row("start", self.tr("Ti&me:"), time_row)
        self.errors.widgets["end"], self.errors.labels["end"] = self.end, self.errors.labels["start"]
        self.errors.widgets["tz"], self.errors.labels["tz"] = self.tz, self.errors.labels["start"]
        self.errors.add_row("location", self.tr("&Location:"), self.location)
        self.errors.add_row("attendee_ids", self.tr("&Attending:"), self.attending)
        self.errors.add_row("status", self.tr("&Status:"), self.status)
        self.errors.add_row("rrule", self.tr("&Repeats:"), self.repeats)
        form.addRow("", self.rule)
        self.errors.add_row("verified_by", self.tr("Checks:"), checks)
        self.errors.widgets["docketed_by"], self.errors.labels["docketed_by"] = self.docketed_by, \
            self.errors.labels["verified_by"]
        self.errors.add_row("notes", self.tr("&Notes:"), self.notes)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.derivation = QPlainTextEdit()
        self.derivation.setReadOnly(True)
        self.derivation.setObjectName("derivationText")
        self.derivation.setMaximumHeight(160)
        layout.addWidget(self.derivation)
        self.derivation.hide()  # shown by load() for a computed deadline or an event with history

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.compute_button = buttons.addButton(self.tr("Compute Deadlines from This…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.compute_button.setToolTip(self.tr("Save, then open the deadline calculator with this date as the trigger"))
        self.compute_button.clicked.connect(self._compute)
        self.delete_button: QPushButton | None = None
        if event_id is not None:
            self.delete_button = buttons.addButton(self.tr("Delete…"), QDialogButtonBox.ButtonRole.DestructiveRole)
            self.delete_button.clicked.connect(self._delete)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until load() has read the event: nothing blank is ever saved over it
        self.compute_button.setEnabled(False)

        self.all_day.toggled.connect(self._all_day_toggled)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.repeats.currentIndexChanged.connect(
            lambda: self.rule.setVisible(self.repeats.currentData() == CUSTOM_REPEAT))
        self.title.setFocus()

    def read(self) -> None:
        """Read the event (if any), the matters and the attorneys into the form; raises UserFixableError when
        the event no longer exists. Runs once, on first showing, not in __init__."""
        store = self.state.require_store()
        existing = calendar.load_event(store, self.event_id) if self.event_id is not None else None
        self.existing = existing
        matter_id = existing.matter_id if existing is not None else self.matter_id
        first_day = self.occurrence or (existing.on_date if existing else self.day or self.state.clock.today())
        fill_matter_combo(self.matter, store, matter_id, self.tr("(no matter)"))
        self.on_date.set_date(first_day)
        if existing is not None:
            self.title.setText(existing.title)
            self.location.setText(existing.location)
            self.verified_by.setText(existing.verified_by)
            self.notes.setPlainText(existing.notes)
        self.docketed_by.setText(existing.docketed_by if existing else my_initials())
        for keeper_id, label in matters.attorneys(store):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, keeper_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = keeper_id in existing.attendee_ids if existing else False
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.attending.addItem(item)
        text = calendar.derivation_text(existing.derivation) if existing else ""
        history = calendar.event_history(store, self.event_id) if self.event_id is not None else ""
        if text or history:
            shown = (self.tr("How this deadline was computed:\n") + text if text else "")
            shown += ("\n\n" if text and history else "") + (self.tr("History:\n") + history if history else "")
            self.derivation.setPlainText(shown)
            self.derivation.show()
        self.kind.blockSignals(True)  # the kind read here is not the user's choice: keep "All day" as read
        try:
            self._load(existing, first_day, self.when, matter_id)
        finally:
            self.kind.blockSignals(False)
        self.loaded = True
        self.save_button.setEnabled(not self.state.read_only)
        self.compute_button.setEnabled(True)

    def _load(self, existing: EventDraft | None, first_day: date, when: datetime | None, matter_id: int | None) -> None:
        kind = existing.kind if existing else ("hearing" if when else "filing deadline")
        self.kind.setCurrentIndex(KINDS.index(kind))
        all_day = existing.all_day if existing else when is None and kind not in TIMED_KINDS
        self.all_day.setChecked(all_day)
        start = existing.start if existing else (when.time() if when else None)
        self.start.setText(format_clock(datetime.combine(first_day, start)) if start else "")
        end = existing.end if existing else None
        self.end.setText(format_clock(datetime.combine(first_day, end)) if end else "")
        zone = existing.tz if existing and existing.tz else default_zone(self.state.store, matter_id)
        self.tz.setCurrentText(zone)
        self.status.setCurrentIndex(STATUSES.index(existing.status) if existing else 0)
        rule = existing.rrule if existing else ""
        index = self.repeats.findData(rule)
        self.repeats.setCurrentIndex(index if index >= 0 else self.repeats.findData(CUSTOM_REPEAT))
        self.rule.setText(rule if index < 0 else "")
        self.rule.setVisible(index < 0)
        self._all_day_toggled(all_day)

    def _all_day_toggled(self, checked: bool) -> None:
        for widget in (self.start, self.end, self.tz):
            widget.setEnabled(not checked)

    def _kind_changed(self) -> None:
        timed = self.kind.currentData() in TIMED_KINDS
        if self.existing is None and not self.start.text().strip():
            self.all_day.setChecked(not timed)

    # --- reading the form -------------------------------------------------------------------
    def draft(self) -> EventDraft:
        all_day = self.all_day.isChecked()
        start = end = None
        if not all_day:
            if not self.start.text().strip():
                raise ValidationError("start", self.tr("Enter the start time, or tick “All day”."))
            start = parse_time(self.start.text(), "start")
            end = parse_time(self.end.text(), "end") if self.end.text().strip() else None
        rule = self.repeats.currentData()
        if rule == CUSTOM_REPEAT:
            rule = self.rule.text().strip().removeprefix("RRULE:")
        attendees = tuple(self.attending.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.attending.count())
                          if self.attending.item(i).checkState() == Qt.CheckState.Checked)
        base = self.existing or EventDraft(None, "meeting", "", self.state.clock.today())
        return replace(base, matter_id=chosen_data(self.matter, "matter_id"), kind=self.kind.currentData(),
                       title=self.title.text(), on_date=self.on_date.date("on_date", required=True), all_day=all_day,
                       start=start, end=end, tz=self.tz.currentText().strip(), location=self.location.text(),
                       attendee_ids=attendees, status=self.status.currentData(),
                       docketed_by=self.docketed_by.text(), verified_by=self.verified_by.text(),
                       notes=self.notes.toPlainText(), rrule=rule or "")

    # --- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        if not self.loaded:  # never save a form that was not filled from the event
            return
        if self.errors.attempt(self, self.tr("Event not saved"), self._save):
            if self.saved_id is not None:
                self.accept()

    def _save(self) -> None:
        self.saved_id = None
        draft = self.draft()
        validate_event(draft)
        store = self.state.require_store()
        occurrence = None
        if self.existing is not None and self.existing.rrule and self.occurrence is not None:
            scope = self._ask_scope(self.tr("Change"))
            if scope is None:
                return
            occurrence = self.occurrence if scope == "one" else None
            if scope == "all" and self.occurrence != self.existing.on_date and draft.on_date == self.occurrence:
                draft = replace(draft, on_date=self.existing.on_date)  # the series keeps its first date
        if draft.kind in COURT_KINDS and draft.status == "scheduled":
            closed = deadlines.court_closed(store, draft.on_date, draft.matter_id)
            if closed is not None:
                why, next_day, rules = closed
                answer = self._ask(
                    QMessageBox.Icon.Warning, self.tr("Court closed"),
                    self.tr("The court is closed on %s (%s, under %s rules).") % (format_date(draft.on_date), why,
                                                                                   rules),
                    [(self.tr("Move to %s") % format_date(next_day), "move"),
                     (self.tr("Keep %s") % format_date(draft.on_date), "keep")])
                if answer is None:
                    return
                if answer == "move":
                    draft = replace(draft, on_date=next_day)
                    self.on_date.set_date(next_day)
        clashes = calendar.double_bookings(store, draft, self.event_id)
        if clashes:
            answer = self._ask(QMessageBox.Icon.Warning, self.tr("Double booking"),
                               self.tr("This overlaps:\n\n%s") % "\n".join(clashes),
                               [(self.tr("Book Anyway"), "book")])
            if answer is None:
                return
        before = calendar.dependents(store, self.event_id) if self.event_id is not None else []
        self.saved_id = deadlines.save_event(store, draft, self.event_id, occurrence=occurrence)
        settings = QSettings()
        if not draft.all_day and draft.tz:
            settings.setValue("calendar/zone", draft.tz)
        if draft.docketed_by.strip():
            settings.setValue("user/initials", draft.docketed_by.strip().upper())
        self.recomputed = bool(before) and self.existing is not None and self.existing.on_date != draft.on_date
        self.state.data_changed.emit(Changed.EVENTS)

    def _ask(self, icon: QMessageBox.Icon, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Cancel, self)
        found: dict[QPushButton, str] = {}
        for label, key in choices:
            found[box.addButton(label, QMessageBox.ButtonRole.AcceptRole)] = key
        box.setDefaultButton(next(iter(found)))
        box.exec()
        clicked = box.clickedButton()
        return found.get(clicked) if isinstance(clicked, QPushButton) else None

    def _ask_scope(self, verb: str) -> str | None:
        return self._ask(QMessageBox.Icon.Question, self.tr("Repeating event"),
                         self.tr("%s only the %s occurrence, or every occurrence of the series?") % (
                             verb, format_date(self.occurrence)),
                         [(self.tr("Only This One"), "one"), (self.tr("The Whole Series"), "all")])

    def _compute(self) -> None:
        if not self.loaded:
            return
        self._save_quietly()
        if self.saved_id is not None:
            self.compute_requested = True
            self.accept()

    def _save_quietly(self) -> None:
        if self.state.read_only and self.event_id is not None:
            self.saved_id = self.event_id
            return
        self.errors.attempt(self, self.tr("Event not saved"), self._save)

    def _delete(self) -> None:
        if self.event_id is None or self.existing is None:  # not read yet: nothing to ask about
            return
        occurrence = None
        if self.existing.rrule and self.occurrence is not None:
            scope = self._ask_scope(self.tr("Delete"))
            if scope is None:
                return
            occurrence = self.occurrence if scope == "one" else None
        else:
            linked = calendar.dependents(self.state.require_store(), self.event_id)
            extra = self.tr("\n\n%d deadline(s) computed from it stay on the calendar.") % len(linked) if linked else ""
            answer = QMessageBox.question(self, self.tr("Delete event"),
                                          self.tr("Delete “%s”?%s") % (self.existing.title, extra))
            if answer != QMessageBox.StandardButton.Yes:
                return
        store, event_id = self.state.require_store(), self.event_id
        if delete_with_undo(self.undo_stack, self, self.state, Changed.EVENTS,
                            lambda: calendar.delete_event(store, event_id, occurrence),
                            lambda: calendar.restore_event(store, event_id, occurrence), self.tr("Delete")):
            self.reject()
