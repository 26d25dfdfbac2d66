"""File ▸ New Matter: open a matter with its number, title, client and responsible attorney."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.matters import PRACTICE_AREAS, NewMatter
from legalsec_desktop.services import matters
from legalsec_desktop.ui.app_state import AppState
from legalsec_desktop.ui.form_errors import FormErrors


class NewMatterDialog(QDialog):
    """Collects a new matter and saves it; bad input is explained beside the field, nothing is lost."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.matter_id: int | None = None
        self.setWindowTitle(self.tr("New Matter"))
        self.setMinimumWidth(520)
        store = state.store
        self.number = QLineEdit(matters.next_matter_number(store))
        self.title_edit = QLineEdit(placeholderText=self.tr("e.g. Smith v. Jones, or Estate of Mary Smith"))
        self.client = QLineEdit(placeholderText=self.tr("A new or existing client"))
        completer = QCompleter(matters.client_names(store), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.client.setCompleter(completer)
        self.attorney = QComboBox()
        self.attorney.addItem(self.tr("(none)"), None)
        for keeper_id, label in matters.attorneys(store):
            self.attorney.addItem(label, keeper_id)
        if self.attorney.count() > 1:
            self.attorney.setCurrentIndex(1)
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.addItems(("",) + PRACTICE_AREAS)
        self.court = QLineEdit()
        self.case_number = QLineEdit()
        self.opened = QDateEdit(QDate.currentDate())
        self.opened.setCalendarPopup(True)
        self.opened.setDisplayFormat("ddd MM/dd/yyyy")

        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("number", self.tr("Matter &number:"), self.number)
        self.errors.add_row("title", self.tr("&Title or caption:"), self.title_edit)
        self.errors.add_row("client_name", self.tr("&Client:"), self.client)
        self.errors.add_row("responsible_attorney_id", self.tr("Responsible &attorney:"), self.attorney)
        self.errors.add_row("practice_area", self.tr("&Practice area:"), self.area)
        self.errors.add_row("court", self.tr("C&ourt:"), self.court)
        self.errors.add_row("case_number", self.tr("Court case n&o.:"), self.case_number)
        self.errors.add_row("opened_on", self.tr("&Opened on:"), self.opened)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.title_edit.setFocus()

    def new_matter(self) -> NewMatter:
        return NewMatter(
            number=self.number.text(),
            title=self.title_edit.text(),
            client_name=self.client.text(),
            opened_on=self.opened.date().toPython(),
            responsible_attorney_id=self.attorney.currentData(),
            practice_area=self.area.currentText(),
            court=self.court.text(),
            case_number=self.case_number.text(),
        )

    def accept(self) -> None:
        def save() -> None:
            self.matter_id = matters.create_matter(self.state.store, self.new_matter())

        if self.errors.attempt(self, self.tr("Matter not saved"), save):
            self.state.data_changed.emit("matters")
            super().accept()
