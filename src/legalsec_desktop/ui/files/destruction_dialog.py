"""The destruction review dialog (tick, export, record a destruction) and the certificates it offers."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.destruction import METHODS, Batch, ReviewLine
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.services import destruction
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.fields import DateField
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.report_print import ask_and_save, print_preview
from legalsec_desktop.ui.common.save_paths import ask_save_path
from legalsec_desktop.ui.files.destruction_model import ReviewModel


def offer_certificate(parent: QWidget, state: AppState, batch: Batch) -> None:
    """Ask whether to print or save the certificate of a batch just recorded (or chosen in the register)."""
    box = QMessageBox(QMessageBox.Icon.Information, parent.tr("Destruction Recorded"),
                      parent.tr("%s file(s) recorded as destroyed, certificate %s. Print or save the certificate of "
                                "destruction now? It can be reprinted from the Destruction Register at any time.")
                      % (batch.file_count, batch.certificate_number), QMessageBox.StandardButton.Close, parent)
    printing = box.addButton(parent.tr("&Print…"), QMessageBox.ButtonRole.AcceptRole)
    saving = box.addButton(parent.tr("Save as &PDF…"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is printing:
        print_certificate(parent, state, batch.id)
    elif box.clickedButton() is saving:
        save_certificate(parent, state, batch.id)


def print_certificate(parent: QWidget, state: AppState, batch_id: int) -> None:
    try:
        print_preview(parent, destruction.certificate(state.require_store(), batch_id))
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Not printed"))


def save_certificate(parent: QWidget, state: AppState, batch_id: int) -> None:
    try:
        report = destruction.certificate(state.require_store(), batch_id)
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Not saved"))
        return
    number = dict(report.facts).get("Certificate no.", "")
    if ask_and_save(parent, report, "pdf", f"Certificate of destruction {number}.pdf") is not None:
        state.tell(parent.tr("Saved the certificate of destruction %s.") % number)


class DestructionReviewDialog(LoadOnShowDialog):
    """The files due by a day; those that may go can be ticked and recorded as destroyed."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Destruction Review"))
        self.resize(1100, 560)
        self.as_of = DateField(state.clock.today())
        self.as_of.edit.returnPressed.connect(self.refresh)
        show = QPushButton(self.tr("&Show"))
        show.clicked.connect(self.refresh)
        top = QHBoxLayout()
        label = QLabel(self.tr("Files due for destruction on or &before:"))
        label.setBuddy(self.as_of.edit)
        top.addWidget(label)
        top.addWidget(self.as_of)
        top.addWidget(show)
        top.addStretch(1)
        self.summary = QLabel()
        self.model = ReviewModel()
        self.model.dataChanged.connect(self._ticks_changed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.tick_all = QPushButton(self.tr("&Tick All That May Go"))
        self.tick_all.clicked.connect(lambda: self.model.tick_all(True))
        untick = QPushButton(self.tr("&Untick All"))
        untick.clicked.connect(lambda: self.model.tick_all(False))
        pdf, excel, printing = (QPushButton(self.tr("Export P&DF…")), QPushButton(self.tr("Export &Excel…")),
                                QPushButton(self.tr("&Print…")))
        pdf.clicked.connect(self.export_pdf)
        excel.clicked.connect(self.export_excel)
        printing.clicked.connect(self.print_list)
        self.record_button = QPushButton(self.tr("&Record Destruction…"))
        self.record_button.clicked.connect(self.record)
        self.record_button.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.tick_all, untick, pdf, excel, printing):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def read(self) -> None:
        self.refresh()

    def day(self) -> date | None:
        try:
            return self.as_of.date("as_of", required=True)
        except ValidationError as exc:
            show_problem(self, exc, self.tr("Not a date"))
            return None

    def refresh(self) -> None:
        day = self.day()
        if day is None:
            return
        try:
            lines = destruction.review(self.state.require_store(), day)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Could not read the files"))
            return
        self.model.set_lines(lines)
        for column, width in enumerate((85, 80, 130, 140, 105, 270, 190, 105, 80)):
            self.table.setColumnWidth(column, width)
        self._ticks_changed()

    def _ticks_changed(self) -> None:
        lines = self.model.lines
        ready = sum(line.may_destroy for line in lines)
        ticked = len(self.model.ticked_lines())
        self.summary.setText(self.tr("%s file(s) due: %s may be destroyed, %s held back (greyed, with the reason). "
                                     "%s ticked.") % (f"{len(lines):,}", f"{ready:,}", f"{len(lines) - ready:,}",
                                                      f"{ticked:,}"))
        self.record_button.setEnabled(ticked > 0 and not self.state.read_only)

    def export_pdf(self) -> None:
        day = self.day()
        if day is not None:
            report = destruction.review_as_report(self.state.require_store(), day)
            ask_and_save(self, report, "pdf", f"Destruction review {day.isoformat()}.pdf")

    def print_list(self) -> None:
        day = self.day()
        if day is not None:
            print_preview(self, destruction.review_as_report(self.state.require_store(), day))

    def export_excel(self) -> None:
        day = self.day()
        if day is None:
            return
        path = ask_save_path(self, self.tr("Save Destruction Review"), f"Destruction review {day.isoformat()}.xlsx",
                             self.tr("Excel workbooks (*.xlsx)"), ".xlsx")
        if path is None:
            return
        try:
            saved, count = destruction.save_review_xlsx(self.state.require_store(), path, day)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Not saved"))
            return
        self.state.tell(self.tr("Saved the destruction review (%s files) to %s.") % (f"{count:,}", saved), 10000)

    def record(self) -> None:
        lines = self.model.ticked_lines()
        if not lines:
            return
        dialog = RecordDestructionDialog(self.state, lines, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.batch is None:
            return
        self.state.data_changed.emit(Changed.FILES)
        self.refresh()
        offer_certificate(self, self.state, dialog.batch)


class RecordDestructionDialog(QDialog):
    """Who approved, when and how the ticked files were destroyed; confirmed, since it cannot be undone."""

    def __init__(self, state: AppState, lines: list[ReviewLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.lines = state, lines
        self.batch: Batch | None = None
        self.setWindowTitle(self.tr("Record Destruction"))
        self.setMinimumWidth(520)
        today = state.clock.today()
        shown = ", ".join(line.barcode for line in lines[:8]) + (" …" if len(lines) > 8 else "")
        files = QLabel(self.tr("%s file(s): %s") % (len(lines), shown))
        files.setWordWrap(True)
        self.approver = QComboBox()
        self.approver.addItem(self.tr("Choose the attorney who approved…"), "")  # chosen on purpose, never assumed
        for initials, name in destruction.approvers(state.require_store()):
            self.approver.addItem(f"{initials} — {name}", initials)
        self.approved_on, self.destroyed_on = DateField(today), DateField(today)
        self.method = QComboBox()
        self.method.setEditable(True)
        self.method.addItems(list(METHODS))
        self.destroyed_by, self.witness = QLineEdit(), QLineEdit()
        self.destroyed_by.setPlaceholderText(self.tr("A person, or the shredding company"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        form = QFormLayout(self)
        form.addRow(files)
        self.errors = FormErrors(form)
        self.errors.add_row("approved_by", self.tr("Approved by (&attorney):"), self.approver)
        self.errors.add_row("approved_on", self.tr("Date a&pproved:"), self.approved_on)
        self.errors.add_row("destroyed_on", self.tr("Date &destroyed:"), self.destroyed_on)
        self.errors.add_row("method", self.tr("&Method:"), self.method)
        self.errors.add_row("destroyed_by", self.tr("Destroyed &by:"), self.destroyed_by)
        self.errors.add_row("witness", self.tr("&Witness:"), self.witness)
        self.errors.add_row("notes", self.tr("&Notes:"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Record Destruction"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.errors.clear()
        try:
            approved_on = self.approved_on.date("approved_on", required=True)
            destroyed_on = self.destroyed_on.date("destroyed_on", required=True)
            # Everything checked before the question (each file too): "Yes" is only asked for what will be recorded.
            destruction.check_request(
                self.state.require_store(), [line.id for line in self.lines], self.approver.currentData() or "",
                approved_on, destroyed_on, self.method.currentText(), self.destroyed_by.text(), self.witness.text(),
                self.notes.toPlainText())
        except UserFixableError as exc:
            self._problem(exc)
            return
        answer = QMessageBox.question(
            self, self.tr("Record Destruction"),
            self.tr("Record %s file(s) as destroyed on %s? This cannot be undone: the destruction register keeps "
                    "it for ever, and the files stay listed as destroyed.") % (len(self.lines),
                                                                             format_date(destroyed_on)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.batch = destruction.destroy(
                self.state.require_store(), [line.id for line in self.lines], self.approver.currentData() or "",
                approved_on, destroyed_on, self.method.currentText(), self.destroyed_by.text(), self.witness.text(),
                self.notes.toPlainText())
        except UserFixableError as exc:
            self._problem(exc)
            return
        super().accept()

    def _problem(self, exc: UserFixableError) -> None:
        """Beside its field when it has one here, else in a message."""
        field = getattr(exc, "field", "")
        if field in self.errors.labels:
            self.errors.show(field, exc.message)
        else:
            show_problem(self, exc, self.tr("Not recorded"))
