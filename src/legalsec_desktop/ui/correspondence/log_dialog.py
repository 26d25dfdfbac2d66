"""Log a call, e-mail, letter or meeting on a matter, and record time for it in the same step."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.communications import KIND_LABELS, KINDS, CommunicationDraft
from legalsec_desktop.domain.durations import parse_duration
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.services import communications, contacts, matters
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.fields import DateField, fill_matter_combo, line_edit, searchable_combo
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.services.changes import Changed


class LogDialog(LoadOnShowDialog):
    """A new entry (entry_id None) or an edit; `kind` picks what is being logged.

    The constructor only builds widgets; the entry, the matters, their parties and the timekeepers are read
    when the dialog is first shown (or by `load()`).
    """

    def __init__(self, state: AppState, parent: QWidget | None = None, matter_id: int | None = None,
                 kind: str = "call", entry_id: int | None = None) -> None:
        super().__init__(parent)
        self.state, self.entry_id = state, entry_id
        self.matter_id = matter_id  # the matter to start on; an edited entry's own, once read
        self.time_entry_id: int | None = None
        self.setWindowTitle(self.tr("Log a %s") % KIND_LABELS[kind] if entry_id is None else self.tr("Edit Entry"))
        self.load_problem_title = self.tr("Log entry not opened")
        self.setMinimumWidth(600)

        self.matter = searchable_combo()  # filled by read()
        self.kind = QComboBox()
        for key in KINDS:
            self.kind.addItem(KIND_LABELS[key], key)
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.incoming, self.outgoing = QRadioButton(self.tr("&Incoming")), QRadioButton(self.tr("Out&going"))
        self.direction = QButtonGroup(self)
        self.direction.addButton(self.incoming)
        self.direction.addButton(self.outgoing)
        self.incoming.setChecked(True)
        direction_row = QWidget()
        row = QHBoxLayout(direction_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.incoming)
        row.addWidget(self.outgoing)
        row.addStretch(1)
        self.when = QDateTimeEdit()
        self.set_when(state.clock.now())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd MM/dd/yyyy h:mm AP")
        self.with_whom = QComboBox()
        self.with_whom.setEditable(True)
        self.with_whom.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit(self.with_whom).setPlaceholderText(self.tr("Pick a party of the matter or type a name"))
        self.subject = QLineEdit()
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(90)
        self.follow_up = DateField(placeholder=self.tr("MM/DD/YYYY (optional)"))

        self.time_box = QGroupBox(self.tr("Also record &time for this"))
        self.time_box.setCheckable(True)
        self.time_box.setChecked(False)
        self.duration = QLineEdit(placeholderText=self.tr("0.3, 18m, 1:15 or 1h 20m"))
        self.timekeeper = QComboBox()  # filled by read()
        self.narrative = QLineEdit()
        time_form = QFormLayout(self.time_box)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("matter_id", self.tr("&Matter:"), self.matter)
        self.errors.add_row("kind", self.tr("&Kind:"), self.kind)
        self.errors.add_row("direction", self.tr("Direction:"), direction_row)
        self.errors.add_row("occurred_at", self.tr("&When:"), self.when)
        self.errors.add_row("with_whom", self.tr("&With:"), self.with_whom)
        self.errors.add_row("subject", self.tr("&Subject:"), self.subject)
        self.errors.add_row("summary", self.tr("Su&mmary:"), self.summary)
        self.errors.add_row("follow_up_on", self.tr("&Follow up on:"), self.follow_up)
        self.errors.add_row("minutes", self.tr("&Duration:"), self.duration, time_form)
        self.errors.add_row("timekeeper", self.tr("Time&keeper:"), self.timekeeper, time_form)
        self.errors.add_row("narrative", self.tr("&Narrative:"), self.narrative, time_form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.time_box)  # hidden by read() when editing, or when there is no timekeeper
        layout.addWidget(buttons)

        self._narrative_touched = False
        self.matter.currentIndexChanged.connect(self._load_parties)
        self.subject.textChanged.connect(self._suggest_narrative)
        self.with_whom.currentTextChanged.connect(self._suggest_narrative)
        self.kind.currentIndexChanged.connect(self._suggest_narrative)
        self.narrative.textEdited.connect(lambda: setattr(self, "_narrative_touched", True))
        self._suggest_narrative()

    def set_when(self, shown: datetime) -> None:
        # call-overload: PySide6 turns a datetime into a QDateTime; its stubs leave that constructor out.
        self.when.setDateTime(QDateTime(shown))  # type: ignore[call-overload]

    def read(self) -> None:
        """The entry being edited, the matters, the timekeepers and the chosen matter's parties, into the fields."""
        store = self.state.require_store()
        existing = communications.load_communication(store, self.entry_id) if self.entry_id is not None else None
        if existing is not None:
            self.matter_id = existing.matter_id
            self.setWindowTitle(self.tr("Edit %s") % KIND_LABELS[existing.kind])
            self.kind.setCurrentIndex(KINDS.index(existing.kind))
            (self.incoming if existing.direction == "in" else self.outgoing).setChecked(True)
            self.set_when(existing.occurred_at)
        fill_matter_combo(self.matter, store, self.matter_id)  # quietly: the parties are read just below
        for keeper_id, label in matters.attorneys(store):
            self.timekeeper.addItem(label, keeper_id)
        self.time_box.setVisible(existing is None and self.timekeeper.count() > 0)
        self._load_parties()
        if existing is not None:
            self.with_whom.setCurrentText(existing.with_whom)
            self.subject.setText(existing.subject)
            self.summary.setPlainText(existing.summary)
            self.follow_up.set_date(existing.follow_up_on)
        self._suggest_narrative()
        (self.with_whom if self.matter.currentData() is not None else self.matter).setFocus()

    def _load_parties(self) -> None:
        typed = self.with_whom.currentText()
        self.with_whom.clear()
        matter_id = self.chosen_matter()
        if matter_id is not None:
            lawyer = matters.load_matter(self.state.require_store(), matter_id).responsible_attorney_id
            if self.timekeeper.findData(lawyer) >= 0:
                self.timekeeper.setCurrentIndex(self.timekeeper.findData(lawyer))
            for party in contacts.list_parties(self.state.require_store(), matter_id):
                self.with_whom.addItem(party.name, party.name)
                self.with_whom.setItemData(self.with_whom.count() - 1, f"{party.role}  {party.phone}",
                                           Qt.ItemDataRole.ToolTipRole)
        self.with_whom.setCurrentText(typed)

    def _suggest_narrative(self) -> None:
        if self._narrative_touched:
            return
        kind = {"call": "Telephone call", "email": "E-mail", "letter": "Letter",
                "meeting": "Meeting"}[self.kind.currentData()]
        who, about = self.with_whom.currentText().strip(), self.subject.text().strip()
        self.narrative.setText(f"{kind} with {who or '…'}" + (f" re {about}" if about else ""))

    def draft(self) -> CommunicationDraft:
        when = self.when.dateTime().toPython()
        assert isinstance(when, datetime)  # a QDateTime becomes a datetime
        return CommunicationDraft(
            matter_id=self.chosen_matter(),
            kind=self.kind.currentData(), direction="in" if self.incoming.isChecked() else "out",
            occurred_at=when, with_whom=self.with_whom.currentText(), subject=self.subject.text(),
            summary=self.summary.toPlainText(), follow_up_on=self.follow_up.date("follow_up_on"),
        )

    def chosen_matter(self) -> int | None:
        """The matter whose label is in the box (typed text that names no matter means none)."""
        index = self.matter.findText(self.matter.currentText().strip())
        return self.matter.itemData(index) if index > 0 else None

    def time(self) -> communications.TimeForEntry | None:
        if not self.time_box.isChecked() or self.entry_id is not None:
            return None
        if self.timekeeper.currentData() is None:
            raise ValidationError("timekeeper", "Choose who the time is for.")
        return communications.TimeForEntry(self.timekeeper.currentData(),
                                           parse_duration(self.duration.text(), "minutes"), self.narrative.text())

    def accept(self) -> None:
        if not self.ready():
            return

        def save() -> None:
            self.entry_id, self.time_entry_id = communications.save_communication(
                self.state.require_store(), self.draft(), self.entry_id, self.time())

        if self.errors.attempt(self, self.tr("Not saved"), save):
            self.state.data_changed.emit(Changed.COMMUNICATIONS)
            if self.time_entry_id is not None:
                self.state.data_changed.emit(Changed.TIME)
            super().accept()
