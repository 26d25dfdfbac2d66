"""File ▸ Export Timesheet (Excel)… and File ▸ Export LEDES Invoice…: choose the period and what to include."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from legalsec_desktop.services import firm, matters, timesheet
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.fields import DateField, fill_combo, fill_matter_combo, searchable_combo
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.save_paths import ask_save_path
from legalsec_desktop.ui.common.worker import run_and_wait


class _ExportDialog(LoadOnShowDialog):
    """What both dialogs share: Save As… and Cancel, and their choices read on first showing, not in __init__."""

    def __init__(self, state: AppState, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.state = state
        self.saved: Path | None = None
        self.loaded = False
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save As…"))
        self.save_button.setEnabled(False)  # until load() has filled the choices
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

    def read(self) -> None:
        """Read the timekeepers and matters to choose from; once, on first showing."""
        self.fill(self.state.require_store())
        self.loaded = True
        self.save_button.setEnabled(True)

    def fill(self, store) -> None:  # noqa: ANN001
        raise NotImplementedError

    def export(self) -> None:
        raise NotImplementedError


class TimesheetDialog(_ExportDialog):
    """Period, timekeeper and matter; Save writes the workbook, with progress and a way to cancel."""

    def __init__(self, state: AppState, parent: QWidget | None = None, first: date | None = None,
                 last: date | None = None, keeper_id: int | None = None, matter_id: int | None = None) -> None:
        super().__init__(state, parent)
        self.setWindowTitle(self.tr("Export Timesheet to Excel"))
        self.setMinimumWidth(460)
        today = state.clock.today()
        self.first = DateField(first or today.replace(day=1))
        self.last = DateField(last or today)
        self.keeper = QComboBox()
        self.matter = searchable_combo()
        self.keeper_id, self.matter_id = keeper_id, matter_id
        form = QFormLayout(self)
        self.errors = FormErrors(form)
        self.errors.add_row("first", self.tr("&From:"), self.first)
        self.errors.add_row("last", self.tr("&To:"), self.last)
        self.errors.add_row("timekeeper", self.tr("T&imekeeper:"), self.keeper)
        self.errors.add_row("matter", self.tr("&Matter:"), self.matter)
        self.billable_only = QCheckBox(self.tr("Only &billable time (leave out no-charge and non-billable)"))
        self.final_only = QCheckBox(self.tr("Only fi&nal and billed entries (leave out drafts)"))
        form.addRow(self.tr("Include:"), self.billable_only)
        form.addRow("", self.final_only)
        form.addRow(self.buttons)

    def fill(self, store) -> None:  # noqa: ANN001
        fill_combo(self.keeper, [(None, self.tr("Every timekeeper")), *matters.attorneys(store)], self.keeper_id)
        fill_matter_combo(self.matter, store, self.matter_id, self.tr("Every matter"), include_closed=True)

    def scope(self) -> timesheet.Scope:
        first = self.first.date("first", required=True)
        last = self.last.date("last", required=True)
        return timesheet.Scope(first, last, timekeeper_id=self.keeper.currentData(),
                               matter_id=self.matter.currentData(), billable_only=self.billable_only.isChecked(),
                               final_only=self.final_only.isChecked())

    def export(self) -> None:
        if not self.loaded:  # the choices are not filled: "every timekeeper" would be a guess
            return
        scopes: list[timesheet.Scope] = []
        if not self.errors.attempt(self, self.tr("Not exported"), lambda: scopes.append(self.scope())):
            return
        scope = scopes[0]
        name = f"Timesheet {scope.first.isoformat()} to {scope.last.isoformat()}.xlsx"
        path = ask_save_path(self, self.tr("Save Timesheet"), name, self.tr("Excel workbooks (*.xlsx)"), ".xlsx")
        if path is None:
            return
        label = self.tr("Writing the timesheet… %s entries")
        store = self.state.require_store()

        def work(progress) -> tuple:  # noqa: ANN001 - on the worker thread: no widgets here
            return timesheet.export_timesheet(store, scope, path,
                                              lambda done: progress(label % f"{done:,}", 0, 0))

        result: list = []
        done = self.errors.attempt(self, self.tr("Not exported"), lambda: result.append(
            run_and_wait(self, self.tr("Writing the timesheet…"), work, cancellable=True)))
        if done:
            self.saved, self.count = result[0]
            self.accept()


class LedesDialog(_ExportDialog):
    """One matter's fee entries of a period as a LEDES 1998B invoice file."""

    def __init__(self, state: AppState, parent: QWidget | None = None, matter_id: int | None = None,
                 first: date | None = None, last: date | None = None) -> None:
        super().__init__(state, parent)
        self.setWindowTitle(self.tr("Export LEDES 1998B Invoice"))
        self.setMinimumWidth(520)
        today = state.clock.today()
        self.matter = searchable_combo()
        self.matter_id = matter_id
        self.first = DateField(first or today.replace(day=1))
        self.last = DateField(last or today)
        self.number = QLineEdit(placeholderText=self.tr("matter number and month, if left blank"))
        self.number.setMaxLength(20)
        self.invoice_date = DateField(today)
        self.law_firm_id = QLabel()  # the firm's taxpayer ID, set in Settings
        form = QFormLayout(self)
        self.errors = FormErrors(form)
        self.errors.add_row("matter", self.tr("&Matter:"), self.matter)
        self.errors.add_row("first", self.tr("&From:"), self.first)
        self.errors.add_row("last", self.tr("&To:"), self.last)
        self.errors.add_row("ledes", self.tr("&Invoice number:"), self.number)
        self.errors.add_row("invoice_date", self.tr("Invoice &date:"), self.invoice_date)
        self.errors.add_row("law_firm_id", self.tr("Law-firm ID:"), self.law_firm_id)
        form.addRow(self.buttons)

    def fill(self, store) -> None:  # noqa: ANN001
        fill_matter_combo(self.matter, store, self.matter_id, include_closed=True)
        tax_id = firm.load_profile(store).tax_id.strip()
        self.law_firm_id.setText(tax_id or self.tr("(none: LEDES needs the firm's taxpayer ID)"))
        if not tax_id:
            self.errors.show("law_firm_id", self.tr("Enter the firm's taxpayer ID in Settings (Firm) first; LEDES "
                                                    "requires it as the law-firm ID on every line."))

    def export(self) -> None:
        if not self.loaded:
            return
        values: list = []

        def read() -> None:
            matter_id = self.matter.currentData()
            first = self.first.date("first", required=True)
            last = self.last.date("last", required=True)
            when = self.invoice_date.date("invoice_date", required=True)
            text, warnings = timesheet.ledes_export(self.state.require_store(), matter_id, first, last,
                                                    self.number.text(), when)
            values[:] = [matters.load_matter(self.state.require_store(), matter_id).number, last, text, warnings]

        if not self.errors.attempt(self, self.tr("Not exported"), read):
            return
        number, last, text, warnings = values
        if warnings and QMessageBox.warning(
                self, self.tr("LEDES field lengths"), "\n".join(warnings) + "\n\n" + self.tr("Save the invoice so?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Save:
            return
        path = ask_save_path(self, self.tr("Save LEDES Invoice"), f"LEDES {number} {last:%Y-%m}.txt",
                         self.tr("LEDES text files (*.txt)"), ".txt")
        if path is None:
            return
        # Written whole or not at all (an earlier file survives), so there is nothing to stop half way: no Cancel
        if self.errors.attempt(self, self.tr("Not exported"), lambda: run_and_wait(
                self, self.tr("Writing the LEDES invoice…"), lambda progress: timesheet.write_ledes(text, path))):
            self.saved = path
            self.accept()
