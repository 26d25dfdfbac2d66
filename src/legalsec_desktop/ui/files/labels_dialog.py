"""Print or save folder and box labels: the sheet, and where on a partly used sheet the first label goes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.labels import SHEETS, LabelData
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.save_paths import ask_save_path
from legalsec_desktop.ui.common.worker import Progress, run_and_wait

SETTINGS = "labels/"


class LabelsDialog(QDialog):
    """The labels of the chosen files, on the chosen sheet, starting at the chosen label."""

    def __init__(self, state: AppState, parent: QWidget | None, labels: Sequence[LabelData]) -> None:
        super().__init__(parent)
        self.state, self.labels = state, list(labels)
        self.skip = 0
        self.saved: list[Path] = []
        self.setWindowTitle(self.tr("Print Labels"))
        self.sheet = QComboBox()
        for key, sheet in SHEETS.items():
            self.sheet.addItem(sheet.name, key)
        remembered = QSettings().value(SETTINGS + "sheet", "5160")
        self.sheet.setCurrentIndex(max(0, self.sheet.findData(remembered)))
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.summary = QLabel()
        self.hint = QLabel(self.tr("On a partly used sheet, click the first free label: the labels start there."))
        self.hint.setWordWrap(True)
        self.cells = QGridLayout()
        self.cells.setSpacing(2)
        grid = QWidget()
        grid.setLayout(self.cells)
        self.problem = QLabel()
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Sheet:"), self.sheet)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = buttons.addButton(self.tr("Save as P&DF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_labels)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.hint)
        layout.addWidget(grid, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._sheet_changed()

    def sheet_key(self) -> str:
        return str(self.sheet.currentData())

    def _sheet_changed(self) -> None:
        self.skip = 0
        self._draw_cells()

    def _draw_cells(self) -> None:
        """The first sheet as a grid of buttons: skipped labels blank, the first ones named by their ids."""
        while self.cells.count():
            item = self.cells.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()  # gone from sight now; deleted when the event loop is next idle
                old.deleteLater()
        sheet = SHEETS[self.sheet_key()]
        per_page = sheet.columns * sheet.rows
        self.hint.setVisible(per_page > 1)
        for cell in range(per_page):
            used = cell - self.skip
            text = self.labels[used].barcode_id if 0 <= used < len(self.labels) else ""
            button = QPushButton(text or ("✕" if cell < self.skip else ""))
            button.setFixedSize(78 if sheet.columns == 3 else 110, 22 if sheet.rows == 10 else 40)
            button.setToolTip(self.tr("Start at label %d") % (cell + 1))
            button.setAccessibleName(self.tr("Label %d") % (cell + 1))
            button.clicked.connect(lambda _checked=False, c=cell: self._start_at(c))
            self.cells.addWidget(button, cell // sheet.columns, cell % sheet.columns)
        sheets = -(-(len(self.labels) + self.skip) // per_page)
        self.summary.setText(self.tr("%d label(s) on %d sheet(s), starting at label %d.")
                             % (len(self.labels), sheets, self.skip + 1))

    def _start_at(self, cell: int) -> None:
        self.skip = cell
        self._draw_cells()

    def print_labels(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        from legalsec_desktop.ui.common import label_print

        try:
            label_print.print_labels(self.labels, self.sheet_key(), printer, self.skip)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Labels not printed"))
            return
        self._say(self.tr("Sent to the printer."))

    def save_pdf(self, path: Path | None = None) -> Path | None:
        path = path or ask_save_path(self, self.tr("Save Labels"), self.tr("labels.pdf"),
                                     self.tr("PDF files (*.pdf)"), ".pdf")
        if path is None:
            return None
        labels, sheet, skip = self.labels, self.sheet_key(), self.skip

        def write(_progress: Progress) -> Path:  # the labels are data: no widgets on the worker thread
            from legalsec_desktop.ui.common import label_print

            label_print.write_labels_pdf(labels, sheet, path, skip)
            return path

        try:
            saved = run_and_wait(self, self.tr("Saving the labels…"), write)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Labels not saved"))
            return None
        if saved is not None:
            self.saved.append(saved)
            self._say(self.tr("Saved to %s.") % saved)
        return saved

    def _say(self, text: str) -> None:
        self.problem.setStyleSheet("color: #1b5e20")
        self.problem.setText(text)
        self.problem.show()

    def done(self, result: int) -> None:  # noqa: D102 - remember the sheet for next time
        QSettings().setValue(SETTINGS + "sheet", self.sheet_key())
        super().done(result)
