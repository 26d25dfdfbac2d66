"""Tools ▸ Deadline Calculator: count a period under a court's rules, show every step, put it on the calendar.

The answer updates as you type. "Add to Calendar" saves the deadline(s) with their derivation, linked to
the trigger event when the calculator was opened from one (so moving the trigger recomputes them), or else to
the trigger it puts on the calendar when asked. The matter (chosen, or typed by number) brings its court rules;
deadlines are saved with no matter only when the user says so.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain import rule_sets
from legalsec_desktop.domain.clock import parse_time
from legalsec_desktop.domain.deadlines import MAX_COUNT, Request
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.events import DEADLINE_KINDS, KIND_LABELS
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.services import calendar, deadlines
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.calendar.event_dialog import ZONES, my_initials
from legalsec_desktop.ui.common.fields import DateField, fill_matter_combo, line_edit, searchable_combo
from legalsec_desktop.services.changes import Changed

CUSTOM = ""


class DeadlineDialog(LoadOnShowDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None, trigger_id: int | None = None,
                 matter_id: int | None = None, trigger_day: date | None = None) -> None:
        super().__init__(parent)
        self.load_problem_title = self.tr("Cannot open the deadline calculator")
        self.state, self.trigger_id = state, trigger_id
        self.added: list[int] = []
        self.trigger_added: int | None = None  # the trigger put on the calendar with the deadlines
        self.planned: list[deadlines.Planned] = []
        self.matter_id, self.loaded = matter_id, False  # the trigger, rules and matters are read by load()
        self.setWindowTitle(self.tr("Deadline Calculator"))
        self.setMinimumWidth(680)

        self.rules = QComboBox()
        for code, label in rule_sets.choices():
            self.rules.addItem(f"{label} ({code})", code)
        self.rule_event = QComboBox()
        self.trigger = DateField(trigger_day or state.clock.today())
        self.trigger_time = QLineEdit(placeholderText=self.tr("time, for hours (e.g. 10:23 AM)"))
        trigger_row = QWidget()
        row = QHBoxLayout(trigger_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.trigger, 2)
        row.addWidget(self.trigger_time, 1)
        self.count = QSpinBox()
        self.count.setRange(0, MAX_COUNT)
        self.count.setValue(21)
        self.unit = QComboBox()
        for unit in ("days", "court_days", "hours"):
            self.unit.addItem(self.tr(rule_sets.UNIT_LABELS[unit]), unit)
        self.direction = QComboBox()
        self.direction.addItem(self.tr("after the trigger"), False)
        self.direction.addItem(self.tr("before the trigger (e.g. a hearing)"), True)
        period_row = QWidget()
        row = QHBoxLayout(period_row)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.count, self.unit, self.direction):
            row.addWidget(widget)
        self.service = QComboBox()
        for method in rule_sets.SERVICE_METHODS:
            self.service.addItem(rule_sets.SERVICE_LABELS[method].capitalize(), method)
        self.tz = QComboBox()
        self.tz.setEditable(True)
        self.tz.addItems(ZONES)
        self.title = QLineEdit(placeholderText=self.tr("e.g. Opposition due"))
        self.kind = QComboBox()
        for kind in DEADLINE_KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.matter = searchable_combo()
        self.matter.setObjectName("deadlineMatter")
        line_edit(self.matter).setPlaceholderText(self.tr("(no matter) — type its number or name, or choose"))
        line_edit(self.matter).installEventFilter(self)  # Enter takes the typed matter, and saves nothing
        self.add_trigger = QCheckBox(self.tr("Also put the trigger (e.g. the hearing / service date) on the calendar"))
        self.add_trigger.setObjectName("addTrigger")
        self.add_trigger.setChecked(trigger_id is None)
        self.trigger_title = QLineEdit(placeholderText=self.tr("the trigger's title on the calendar"))
        self.trigger_title.setObjectName("triggerTitle")
        self.add_trigger.toggled.connect(self.trigger_title.setEnabled)

        form = QFormLayout()
        form.addRow(self.tr("Court &rules:"), self.rules)
        form.addRow(self.tr("&Rule:"), self.rule_event)
        form.addRow(self.tr("&Trigger date:"), trigger_row)
        self.period_label = QLabel(self.tr("&Period:"))
        self.period_label.setBuddy(self.count)
        form.addRow(self.period_label, period_row)
        form.addRow(self.tr("&Served by:"), self.service)
        self.tz_label = QLabel(self.tr("Time &zone:"))
        self.tz_label.setBuddy(self.tz)
        form.addRow(self.tz_label, self.tz)
        self.title_label = QLabel(self.tr("Deadline &title:"))
        self.title_label.setBuddy(self.title)
        form.addRow(self.title_label, self.title)
        self.kind_label = QLabel(self.tr("&Kind:"))
        self.kind_label.setBuddy(self.kind)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.tr("&Matter:"), self.matter)
        trigger_box = QWidget()
        row = QHBoxLayout(trigger_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_trigger)
        row.addWidget(self.trigger_title, 1)
        form.addRow("", trigger_box)
        trigger_box.setVisible(trigger_id is None)  # opened from an event: the trigger is on the calendar already

        self.answer = QLabel()
        self.answer.setObjectName("deadlineAnswer")
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer.setStyleSheet("font-size: 16px; font-weight: 600; padding: 6px; background: #eef5ee;")
        self.steps = QPlainTextEdit()
        self.steps.setObjectName("deadlineSteps")
        self.steps.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.steps.setFont(mono)
        self.steps.setMinimumHeight(180)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = buttons.addButton(self.tr("&Add to Calendar"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._copy)
        self.add_button.clicked.connect(self.add_to_calendar)
        buttons.rejected.connect(self.reject)
        self.add_button.setEnabled(False)  # until load() has read what the answer is computed from

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.answer)
        layout.addWidget(self.steps, 1)
        layout.addWidget(buttons)

        self.rules.currentIndexChanged.connect(self._fill_events)
        self.rule_event.currentIndexChanged.connect(self._name_trigger)
        self.rule_event.currentIndexChanged.connect(self.recompute)
        self.trigger.changed.connect(self.recompute)
        self.trigger_time.textChanged.connect(self.recompute)
        self.count.valueChanged.connect(self.recompute)
        self.direction.currentIndexChanged.connect(self._name_trigger)
        for combo in (self.unit, self.direction, self.service):
            combo.currentIndexChanged.connect(self.recompute)
        self.tz.currentTextChanged.connect(self.recompute)
        self.matter.currentIndexChanged.connect(self._matter_chosen)
        line_edit(self.matter).editingFinished.connect(self.take_typed_matter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.take_typed_matter()
            return True
        return super().eventFilter(watched, event)

    def take_typed_matter(self) -> bool:
        """Choose the matter whose number (or, if only one matches, any part of its text) was typed in the matter
        box; False, with a message in place, when the text names no matter or several."""
        text = self.matter.currentText().strip()
        index = self.matter.currentIndex()
        if index >= 0 and self.matter.itemText(index) == text:
            return True
        if not text:
            self.matter.setCurrentIndex(0)
            return True
        folded = text.casefold()
        items = [(i, self.matter.itemText(i)) for i in range(self.matter.count()) if self.matter.itemData(i)]
        found = ([i for i, label in items if label.split(" — ")[0].casefold() == folded]
                 or [i for i, label in items if folded in label.casefold()])
        if len(found) == 1:
            self.matter.setCurrentIndex(found[0])
            line_edit(self.matter).setText(self.matter.itemText(found[0]))
            return True
        self._problem(self.tr("No matter is numbered or named “%s”: choose one from the list.") % text if not found
                      else self.tr("“%s” fits %d matters: type more of the number or choose from the list.")
                      % (text, len(found)))
        self.matter.setFocus()
        return False

    def _matter_chosen(self) -> None:
        """A matter brings its court's rules."""
        if not self.loaded:
            return
        rules = deadlines.rules_for_matter(self.state.require_store(), self.matter.currentData())
        index = self.rules.findData(rules)
        if index >= 0 and index != self.rules.currentIndex():
            self.rules.setCurrentIndex(index)  # recomputes
        else:
            self.recompute()  # clears a message about what was typed

    def _problem(self, text: str) -> None:
        self.answer.setText(text)
        self.answer.setStyleSheet("font-size: 14px; padding: 6px; background: #fdecea; color: #b00020;")

    def read(self) -> None:
        """Read the trigger event, its matter's court rules and the matters, then compute the answer; raises
        UserFixableError when the trigger no longer exists. Runs once, on first showing, not in __init__."""
        store, matter_id = self.state.require_store(), self.matter_id
        if self.trigger_id is not None:
            trigger = calendar.load_event(store, self.trigger_id)
            matter_id = trigger.matter_id
            self.trigger.set_date(trigger.on_date)
            self.setWindowTitle(self.tr("Deadline Calculator") + f" — {trigger.title}")
        self.matter.blockSignals(True)
        fill_matter_combo(self.matter, store, matter_id, "")  # blank: the box shows what to type
        self.matter.blockSignals(False)
        self.loaded = True
        self.rules.blockSignals(True)
        self.rules.setCurrentIndex(max(0, self.rules.findData(deadlines.rules_for_matter(store, matter_id))))
        self.rules.blockSignals(False)
        self._fill_events()

    def _fill_events(self) -> None:
        current = self.rule_event.currentData()
        self.rule_event.blockSignals(True)
        self.rule_event.clear()
        self.rule_event.addItem(self.tr("A period I enter"), CUSTOM)
        rules = rule_sets.load(self.rules.currentData())
        for event in rules.events:
            self.rule_event.addItem(f"{event.trigger} → " + ", ".join(d.title for d in event.deadlines), event.key)
        self.rule_event.setCurrentIndex(max(0, self.rule_event.findData(current)))
        self.rule_event.blockSignals(False)
        self.tz.setCurrentText(rules.default_tz)
        self._name_trigger()
        self.recompute()

    def _name_trigger(self) -> None:
        """The trigger's title on the calendar: the rule's trigger ("Complaint and summons served")."""
        if self.trigger_id is not None or (self.trigger_title.isModified() and self.trigger_title.text().strip()):
            return
        key = self.rule_event.currentData()
        title = self.tr("Hearing") if self.direction.currentData() else self.tr("Served")
        if key != CUSTOM:
            title = rule_sets.load(self.rules.currentData()).event(key).trigger.removesuffix(" set")
        self.trigger_title.setText(title)

    def _custom(self) -> bool:
        return self.rule_event.currentData() == CUSTOM

    def recompute(self) -> None:
        if not self.loaded:  # the answer needs the court's closure days, read from the database
            return
        custom = self._custom()
        hours = custom and self.unit.currentData() == "hours"
        for widget in (self.period_label, self.count, self.unit, self.direction, self.title_label, self.title,
                       self.kind, self.kind_label):
            widget.setVisible(custom)
        for widget in (self.tz, self.tz_label, self.trigger_time):
            widget.setVisible(hours)
        self.planned = []
        try:
            self.planned = self._plan()
        except UserFixableError as exc:
            self.answer.setText(exc.message)
            self.answer.setStyleSheet("font-size: 14px; padding: 6px; background: #fdecea; color: #b00020;")
            self.steps.clear()
            self.add_button.setEnabled(False)
            return
        lines, steps, warned, noted = [], [], False, False
        for item in self.planned:
            due = item.result
            when = format_date(due.due) + (f" at {format_clock(due.due_at)} {due.tz}" if due.due_at else "")
            passed = self.tr(" (already passed)") if due.due < self.state.clock.today() else ""
            lines.append((f"{item.title}: {when}" if item.title else self.tr("Due %s") % when) + passed)
            lines += [f"<span style='font-size: 13px; font-weight: 400'>{note}</span>" for note in due.notes]
            steps.append((f"{item.title}\n" if item.title else "") + due.text())
            warned, noted = warned or bool(due.warnings), noted or bool(due.notes)
        self.answer.setText("<br>".join(lines) + (self.tr("<br><span style='color:#b00020'>See the warning below."
                                                          "</span>") if warned else ""))
        self.answer.setStyleSheet("font-size: 16px; font-weight: 600; padding: 6px; background: %s;"
                                  % ("#fff3cd" if warned or noted else "#eef5ee"))
        self.steps.setPlainText("\n\n".join(steps))
        self.add_button.setEnabled(not self.state.read_only)

    def _plan(self) -> list[deadlines.Planned]:
        store, rules = self.state.require_store(), self.rules.currentData()
        trigger_day = self.trigger.date("trigger", required=True)
        service = self.service.currentData()
        if not self._custom():
            return deadlines.plan_chain(store, trigger_day, rules, self.rule_event.currentData(), service)
        unit = self.unit.currentData()
        trigger: date | datetime = trigger_day
        if unit == "hours":
            trigger = datetime.combine(trigger_day, parse_time(self.trigger_time.text(), "time"))
        request = Request(rules=rules, trigger=trigger, count=self.count.value(), unit=unit,
                          before=self.direction.currentData(), service=service, tz=self.tz.currentText().strip(),
                          trigger_label=self.tr("trigger %s") % trigger_day.isoformat())
        title = self.title.text().strip()
        return [deadlines.Planned(title, self.kind.currentData(), request,
                                  deadlines.compute_with_closures(store, request), f"{rules}/custom/0")]

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.answer.text().replace("<br>", "\n") + "\n\n"
                                            + self.steps.toPlainText())

    def add_to_calendar(self) -> None:
        if not self.loaded or not self.planned:
            return
        planned = self.planned
        if self._custom():
            title = self.title.text().strip()
            if not title:
                self.answer.setText(self.tr("Enter a title for the deadline (e.g. “Opposition due”), then add it."))
                self.answer.setStyleSheet("font-size: 14px; padding: 6px; background: #fdecea; color: #b00020;")
                self.title.setFocus()
                return
            planned = [deadlines.Planned(title, self.kind.currentData(), p.request, p.result, p.rule_key)
                       for p in planned]
        if not self.take_typed_matter() or not self._matter_or_consent():
            return
        store, matter_id = self.state.require_store(), self.matter.currentData()
        try:
            if self.trigger_id is None and self.add_trigger.isChecked():
                trigger = deadlines.trigger_draft(planned, matter_id, self.trigger_title.text(),
                                                  self.state.clock.today())
                self.trigger_added, self.added = deadlines.add_with_trigger(store, trigger, planned, my_initials())
            else:
                self.added = deadlines.add_computed(store, self.trigger_id, matter_id, planned, my_initials())
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Not added"))
            return
        self.state.data_changed.emit(Changed.EVENTS)
        self.accept()

    def _matter_or_consent(self) -> bool:
        """A matter is chosen, or the user said explicitly (the default is No) to save the deadlines without one."""
        if self.matter.currentData() is not None:
            return True
        answer = QMessageBox.question(
            self, self.tr("No matter"),
            self.tr("These deadlines are for no matter: they will not show on any matter, its docket or its "
                    "reminders.\n\nSave them with no matter?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self.matter.setFocus()
            return False
        return True
