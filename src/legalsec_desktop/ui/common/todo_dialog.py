"""Add or edit a to-do: what, by when, on which matter, for whom, notes, and whether it is done."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.todos import TITLE_LIMIT, TodoDraft
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.fields import DateField, fill_combo, fill_matter_combo, searchable_combo
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog


class TodoDialog(LoadOnShowDialog):
    """A new to-do (todo_id None), due on `day`, on `matter_id`; or an edit of one."""

    def __init__(self, state: AppState, parent: QWidget | None = None, todo_id: int | None = None,
                 matter_id: int | None = None, day: date | None = None) -> None:
        super().__init__(parent)
        self.state, self.todo_id, self.matter_id = state, todo_id, matter_id
        self.setWindowTitle(self.tr("New To-Do") if todo_id is None else self.tr("Edit To-Do"))
        self.load_problem_title = self.tr("To-do not opened")
        self.setMinimumWidth(480)
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE_LIMIT)
        self.title.setPlaceholderText(self.tr("What is to be done"))
        self.due = DateField(day or state.clock.today())
        self.matter = searchable_combo()  # filled by read()
        self.assigned = QComboBox()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.done_box = QCheckBox(self.tr("&Done"))
        self.source = QLabel()  # "Follow-up of a logged call" for one that is
        self.source.setStyleSheet("color: #555;")
        self.source.setWordWrap(True)
        self.source.hide()
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("title", self.tr("&What:"), self.title)
        self.errors.add_row("due_on", self.tr("D&ue:"), self.due)
        self.errors.add_row("matter_id", self.tr("&Matter:"), self.matter)
        self.errors.add_row("assigned_to", self.tr("&For:"), self.assigned)
        self.errors.add_row("notes", self.tr("&Notes:"), self.notes)
        form.addRow("", self.done_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def read(self) -> None:
        from legalsec_desktop.services import matters, todos

        store = self.state.require_store()
        existing = todos.load_todo(store, self.todo_id) if self.todo_id is not None else None
        if existing is not None:
            self.matter_id = existing.matter_id
        fill_matter_combo(self.matter, store, self.matter_id, self.tr("(no matter)"))
        keepers = matters.attorneys(store)
        chosen = existing.assigned_to if existing is not None else None
        if existing is not None and chosen is not None and chosen not in {k for k, _ in keepers}:
            keepers.append((chosen, existing.assignee))  # an inactive timekeeper stays shown
        fill_combo(self.assigned, [(None, self.tr("Anyone")), *keepers], chosen)
        if existing is not None:
            self.title.setText(existing.title)
            self.due.set_date(existing.due_on)
            self.notes.setPlainText(existing.notes)
            self.done_box.setChecked(existing.done)
            if existing.communication_id is not None:
                self.source.setText(self.tr("The follow-up of a log entry: a new due date is its follow-up date "
                                            "too."))
                self.source.show()
        self.title.setFocus()

    def chosen_matter(self) -> int | None:
        index = self.matter.findText(self.matter.currentText().strip())
        return self.matter.itemData(index) if index > 0 else None

    def draft(self) -> TodoDraft:
        return TodoDraft(self.title.text(), self.due.date("due_on"), self.chosen_matter(),
                         self.assigned.currentData(), self.notes.toPlainText())

    def accept(self) -> None:
        if not self.ready():
            return
        from legalsec_desktop.services import todos

        def save() -> None:
            self.todo_id = todos.save_todo(self.state.require_store(), self.draft(), self.todo_id,
                                           self.done_box.isChecked())

        if self.errors.attempt(self, self.tr("Not saved"), save):
            self.state.data_changed.emit(Changed.TODOS | Changed.COMMUNICATIONS)
            super().accept()
