"""New Matter and Edit Matter: every field of a matter; a new one is opened only after a conflict check.

The constructor only builds widgets; the matter, the next number, the clients and the attorneys are read when the
dialog is first shown (or by `load()`).
"""

from __future__ import annotations


from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.conflicts import SearchName, clean_names
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain import rule_sets
from legalsec_desktop.domain.money import format_money
from legalsec_desktop.domain.matters import PRACTICE_AREAS, STATUSES, MatterDraft, validate_matter
from legalsec_desktop.services import conflicts, matters
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.fields import DateField, MoneyField
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.services.changes import Changed


class MatterDialog(LoadOnShowDialog):
    """Collects a matter and saves it; bad input is explained beside the field and nothing is lost."""

    def __init__(self, state: AppState, parent: QWidget | None = None, matter_id: int | None = None) -> None:
        super().__init__(parent)
        self.state, self.matter_id = state, matter_id
        self.is_new = matter_id is None
        self._cleared_names: tuple[tuple[str, str], ...] | None = None  # names whose check was cleared or waived
        self._check_id: int | None = None
        self._loaded_status = ""  # the status the matter had when read: closing it opens the checklist
        self.setWindowTitle(self.tr("New Matter") if self.is_new else self.tr("Edit Matter"))
        self.load_problem_title = self.tr("Matter not opened")
        self.setMinimumWidth(920)

        self.number = QLineEdit()
        self.title_edit = QLineEdit(placeholderText=self.tr("e.g. Smith v. Jones, or Estate of Mary Smith"))
        self.caption = QLineEdit(placeholderText=self.tr("Full caption, if it differs from the title"))
        self.client = QLineEdit(placeholderText=self.tr("A new or existing client"))
        self.client_names = QStringListModel(self)  # filled by read()
        completer = QCompleter(self.client_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.client.setCompleter(completer)
        self.adverse = QPlainTextEdit()
        self.adverse.setPlaceholderText(self.tr("Opposing parties, one per line (checked for conflicts)"))
        self.adverse.setTabChangesFocus(True)
        self.adverse.setFixedHeight(52)
        self.attorney = QComboBox()
        self.attorney.addItem(self.tr("(none)"), None)
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.addItems(("",) + PRACTICE_AREAS)
        self.status = QComboBox()
        for status in STATUSES:
            self.status.addItem(status.capitalize(), status)
        self.opened = DateField(state.clock.today())
        self.closed = DateField(placeholder=self.tr("MM/DD/YYYY (when closed)"))
        self.court = QLineEdit()
        self.case_number = QLineEdit()
        self.judge = QLineEdit(placeholderText=self.tr("Judge, department or courtroom"))
        self.jurisdiction = QComboBox()
        self.jurisdiction.addItem("", "")
        for code, label in rule_sets.choices():  # includes federal courts sitting in a state (US-FED:MA)
            self.jurisdiction.addItem(f"{label} ({code})", code)
        self.sol_date = DateField(placeholder=self.tr("MM/DD/YYYY"))
        self.sol_note = QLineEdit(placeholderText=self.tr("e.g. two years from injury (CCP 335.1)"))
        self.rate = MoneyField(placeholder=self.tr("Use the timekeepers' rates"))
        self.utbms = QCheckBox(self.tr("Bill with UTBMS task and activity codes"))
        self.utbms.setToolTip(self.tr("Billable time on this matter then needs a task code (L110…) and an activity "
                                      "code (A101…), as e-billing clients ask"))
        self.client_reference = QLineEdit(placeholderText=self.tr("the client's reference, for e-billing"))
        self.client_reference.setMaxLength(40)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.status.currentIndexChanged.connect(self._status_changed)

        left, right = QFormLayout(), QFormLayout()
        self.errors = FormErrors(left)
        self.errors.add_row("number", self.tr("Matter &number:"), self.number)
        self.errors.add_row("title", self.tr("&Title:"), self.title_edit)
        self.errors.add_row("caption", self.tr("Ca&ption:"), self.caption)
        self.errors.add_row("client_name", self.tr("&Client:"), self.client)
        if self.is_new:
            self.errors.add_row("adverse_names", self.tr("Opposing &parties:"), self.adverse)
        self.errors.add_row("responsible_attorney_id", self.tr("Responsible &attorney:"), self.attorney)
        self.errors.add_row("practice_area", self.tr("Practice a&rea:"), self.area)
        self.errors.add_row("status", self.tr("&Status:"), self.status)
        self.errors.add_row("opened_on", self.tr("&Opened on:"), self.opened)
        self.errors.add_row("closed_on", self.tr("Closed o&n:"), self.closed)
        for key, label, widget in (
            ("court", self.tr("Co&urt:"), self.court),
            ("case_number", self.tr("Court case n&o.:"), self.case_number),
            ("judge", self.tr("&Judge / dept.:"), self.judge),
            ("jurisdiction", self.tr("Court r&ules:"), self.jurisdiction),
            ("sol_date", self.tr("Statute of &limitations:"), self.sol_date),
            ("sol_note", self.tr("SOL note:"), self.sol_note),
            ("rate_override_cents", self.tr("Rate o&verride:"), self.rate),
            ("uses_utbms", self.tr("Time codes:"), self.utbms),
            ("client_matter_id", self.tr("Client's &reference:"), self.client_reference),
            ("notes", self.tr("Notes:"), self.notes),
        ):
            self.errors.add_row(key, label, widget, right)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        if self.is_new:
            buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Check Conflicts && &Open"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)
        self._status_changed()
        self.title_edit.setFocus()

    def read(self) -> None:
        """The matter (or the next free number), the clients to complete and the attorneys to choose from."""
        store = self.state.require_store()
        existing = matters.load_matter(store, self.matter_id) if self.matter_id is not None else None
        self.client_names.setStringList(matters.client_names(store))
        for keeper_id, label in matters.attorneys(store):
            self.attorney.addItem(label, keeper_id)
        if existing is not None:
            self.setWindowTitle(self.tr("Edit Matter %s") % existing.number)
            self.number.setText(existing.number)
            self._loaded_status = existing.status
            self._fill(existing)
        else:
            self.number.setText(matters.next_matter_number(store))
            if self.attorney.count() > 1:
                self.attorney.setCurrentIndex(1)
        self._status_changed()

    def _fill(self, m: MatterDraft) -> None:
        self.title_edit.setText(m.title)
        self.caption.setText(m.caption)
        self.client.setText(m.client_name)
        self.attorney.setCurrentIndex(max(0, self.attorney.findData(m.responsible_attorney_id)))
        self.area.setCurrentText(m.practice_area)
        self.status.setCurrentIndex(STATUSES.index(m.status))
        self.opened.set_date(m.opened_on)
        self.closed.set_date(m.closed_on)
        self.court.setText(m.court)
        self.case_number.setText(m.case_number)
        self.judge.setText(m.judge)
        index = self.jurisdiction.findData(m.jurisdiction)
        if index < 0 and m.jurisdiction:
            self.jurisdiction.addItem(m.jurisdiction, m.jurisdiction)
            index = self.jurisdiction.count() - 1
        self.jurisdiction.setCurrentIndex(max(0, index))
        self.sol_date.set_date(m.sol_date)
        self.sol_note.setText(m.sol_note)
        self.rate.setText(format_money(m.rate_override_cents) if m.rate_override_cents is not None else "")
        self.utbms.setChecked(m.uses_utbms)
        self.client_reference.setText(m.client_matter_id)
        self.notes.setPlainText(m.notes)

    def _status_changed(self) -> None:
        closed = self.status.currentData() == "closed"
        if closed and not self.closed.text().strip():
            self.closed.set_date(self.state.clock.today())
        if not closed and self.is_new:
            self.closed.set_date(None)
        self.closed.setEnabled(closed or bool(self.closed.text().strip()))

    def draft(self) -> MatterDraft:
        """What the fields say; a date or amount that cannot be read raises ValidationError for its field."""
        return MatterDraft(
            number=self.number.text(), title=self.title_edit.text(), client_name=self.client.text(),
            opened_on=self.opened.date("opened_on", required=True), responsible_attorney_id=self.attorney.currentData(),
            practice_area=self.area.currentText(), court=self.court.text(), case_number=self.case_number.text(),
            caption=self.caption.text(), judge=self.judge.text(), jurisdiction=self.jurisdiction.currentData() or "",
            status=self.status.currentData(), closed_on=self.closed.date("closed_on"),
            sol_date=self.sol_date.date("sol_date"), sol_note=self.sol_note.text(),
            rate_override_cents=self.rate.cents("rate_override_cents"), notes=self.notes.toPlainText(),
            uses_utbms=self.utbms.isChecked(), client_matter_id=self.client_reference.text(),
            adverse_names=tuple(line.strip() for line in self.adverse.toPlainText().splitlines() if line.strip()),
        )

    # --- saving ------------------------------------------------------------------------------
    def accept(self) -> None:
        if not self.ready():
            return
        self.errors.clear()
        try:
            draft = self.draft()
            validate_matter(draft)
        except ValidationError as exc:
            self.errors.show(exc.field, exc.message)
            return
        if self.is_new and not self._conflicts_cleared(draft):
            return
        closed = self._closing(draft)
        if closed is not None:
            if closed:  # the closing dialog saved the edits and said what changed
                super().accept()
            return
        if not self._may_reopen(draft):
            return

        def save() -> None:
            if self.is_new:
                self.matter_id = matters.create_matter(self.state.require_store(), draft)
                if self._check_id is not None:
                    conflicts.link_to_matter(self.state.require_store(), self._check_id, self.matter_id)
            else:
                assert self.matter_id is not None  # an existing matter's dialog has its id
                matters.update_matter(self.state.require_store(), self.matter_id, draft)

        if self.errors.attempt(self, self.tr("Matter not saved"), save):
            self.state.data_changed.emit(Changed.MATTERS | (Changed.FILES if self._loaded_status == "closed"
                                                            else Changed.NOTHING))
            super().accept()

    def _conflicts_cleared(self, draft: MatterDraft) -> bool:
        """Run the conflict check on the client and opposing parties; False unless cleared or waived."""
        names = (SearchName(draft.client_name, "client"),) + tuple(SearchName(n, "adverse")
                                                                   for n in draft.adverse_names)
        key = tuple((n.name.strip().casefold(), n.side) for n in names)
        if key == self._cleared_names:
            return True  # already checked and cleared for these very names (e.g. the number was then fixed)
        context = self.tr("New matter %s") % draft.number.strip()
        try:
            hits = conflicts.find_hits(self.state.require_store(), list(names))
            if not hits:
                self._check_id = conflicts.record_check(self.state.require_store(), clean_names(list(names)), hits,
                                                        decision="cleared", context=context, notes="No hits.")
                self._cleared_names = key
                return True
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Conflict check not run"))
            return False
        from legalsec_desktop.ui.matters.conflict_dialog import ConflictCheckDialog

        dialog = ConflictCheckDialog(self.state, self, client=(draft.client_name.strip(),), adverse=draft.adverse_names,
                                     context=context, require_decision=True)
        dialog.exec()
        if dialog.decision in ("cleared", "waived"):
            self._check_id, self._cleared_names = dialog.check_id, key
            return True
        if dialog.decision == "declined":
            QMessageBox.information(self, self.tr("Matter not opened"), self.tr(
                "The conflict check was declined, so the matter was not opened. The check is recorded; "
                "what you typed is still here."))
        return False

    def _closing(self, draft: MatterDraft) -> bool | None:
        """For an existing matter set to closed: the closing checklist, which saves the other edits with the closing.
        None when the matter is not being closed; else whether it was closed (cancelling keeps what was typed)."""
        if self.is_new or draft.status != "closed" or self._loaded_status == "closed":
            return None
        from legalsec_desktop.ui.matters.closing_dialog import ClosingDialog

        assert self.matter_id is not None  # an existing matter's dialog has its id
        dialog = ClosingDialog(self.state, self.matter_id, self, edits=draft, closed_on=draft.closed_on)
        return dialog.exec() == ClosingDialog.DialogCode.Accepted

    def _may_reopen(self, draft: MatterDraft) -> bool:
        """Reopening a closed matter stops its files' retention: ask first."""
        if self.is_new or self._loaded_status != "closed" or draft.status == "closed":
            return True
        answer = QMessageBox.question(
            self, self.tr("Reopen the matter?"),
            self.tr("Matter %s will be %s again. Its files' destroy-after dates are cleared until it closes again "
                    "(when the retention starts afresh); the closing record and its closed-file number are kept.") % (
                draft.number.strip(), draft.status),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
