"""File ▸ Print Docket…: the docket sheet in a print preview, with its day or range and attorney chosen above it.

Print goes through the system print dialog; Save as PDF and Export to Word save the sheet as shown
(the preview's portrait/landscape buttons decide the page for all three). The constructor only builds
widgets: the timekeepers and the sheet are read when the dialog is first shown. The sheet's content comes from
reports.docket (without Qt); ui/common/report_pages lays it out on the pages, row by row.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QPageLayout, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.report import Report
from legalsec_desktop.reports.docket import MAX_AHEAD, MAX_DAYS, DocketRequest, sheet_name
from legalsec_desktop.services import docket
from legalsec_desktop.ui.common import report_print
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.db_settings import per_database
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.fields import DateField
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.save_paths import ask_save_path
from legalsec_desktop.ui.common.worker import Progress, run_and_wait

SETTINGS = "docket/"


def _number(remembered: object, default: int) -> int:
    """A remembered whole number (QSettings gives text back on some systems); `default` if none or not one."""
    try:
        return int(str(remembered)) if remembered not in (None, "") else default
    except ValueError:
        return default


class DocketPreview(QPrintPreviewDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None, first: date | None = None) -> None:
        # The preview's own printer() is kept (not shadowed): it is this same QPrinter.
        self.paper = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(self.paper, parent)
        self.state = state
        self.report: Report | None = None
        self.saved: list[Path] = []
        self.setWindowTitle(self.tr("Print Docket"))
        settings = QSettings()

        self.first = DateField(first or state.clock.today())
        self.first.setObjectName("docketDate")
        self.today_button = today = QPushButton(self.tr("&Today"))
        today.clicked.connect(lambda: self._preset(self.state.clock.today(), 1))
        self.week_button = week = QPushButton(self.tr("&Week Ahead"))
        week.setToolTip(self.tr("The seven days from the date shown"))
        week.clicked.connect(lambda: self._preset(None, 7))
        self.days = QSpinBox(minimum=1, maximum=MAX_DAYS, value=_number(settings.value(SETTINGS + "days"), 1))
        self.days.setSuffix(self.tr(" day(s)"))
        self.ahead = QSpinBox(minimum=0, maximum=MAX_AHEAD, value=_number(settings.value(SETTINGS + "ahead"), 7))
        self.ahead.setSuffix(self.tr(" days"))
        self.ahead.setToolTip(self.tr("“Coming up” lists what is scheduled this many days after the sheet"))
        self.attorney = QComboBox()
        self.attorney.setObjectName("docketAttorney")
        self.attorney.addItem(self.tr("Every attorney"), "")
        self.attorney_key = per_database(state.location, SETTINGS + "attorney")  # initials: this database's people
        self.remembered_attorney = str(settings.value(self.attorney_key, "") or "")  # chosen once they are read
        self.loaded = False
        self.by_attorney = QCheckBox(self.tr("&Each attorney on a new page"))
        self.by_attorney.setChecked(settings.value(SETTINGS + "by_attorney", "false") in (True, "true"))
        self.problem = QLabel()  # a bad date, or where the sheet was saved
        self.problem.setObjectName("docketMessage")
        self.problem.setWordWrap(True)

        print_button = QPushButton(icon("print"), self.tr("&Print…"))
        print_button.setToolTip(self.tr("Choose a printer and print (Ctrl+P)"))
        print_button.clicked.connect(self.print_sheet)
        pdf_button = QPushButton(self.tr("Save as P&DF…"))
        pdf_button.clicked.connect(lambda: self.save("pdf"))
        word_button = QPushButton(icon("word"), self.tr("Export to &Word…"))
        word_button.clicked.connect(lambda: self.save("docx"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_sheet)

        first_row = QHBoxLayout()
        from_label = QLabel(self.tr("&From:"))
        from_label.setBuddy(self.first)
        first_row_widgets: list[QWidget] = [from_label, self.first, today, week, QLabel(self.tr("Covering:")),
                                            self.days, QLabel(self.tr("Coming up:")), self.ahead]
        for widget in first_row_widgets:
            first_row.addWidget(widget)
        first_row.addStretch(1)
        second_row = QHBoxLayout()
        second_row_widgets: list[QWidget] = [QLabel(self.tr("Attorney:")), self.attorney, self.by_attorney]
        for widget in second_row_widgets:
            second_row.addWidget(widget)
        second_row.addStretch(1)
        for button in (print_button, pdf_button, word_button):
            second_row.addWidget(button)
        bar = QWidget()
        column = QVBoxLayout(bar)
        column.setContentsMargins(6, 4, 6, 0)
        column.addLayout(first_row)
        column.addLayout(second_row)
        column.addWidget(self.problem)
        # Under the preview's own toolbar (zoom, pages, orientation), which lives in a main window inside the dialog
        inner = self.findChild(QMainWindow)
        if inner is None:
            raise LookupError("QPrintPreviewDialog keeps its toolbar in a main window")
        options = QToolBar(self.tr("Docket"))
        options.setObjectName("docketOptions")
        options.setMovable(False)
        options.addWidget(bar)
        inner.addToolBarBreak()
        inner.addToolBar(options)

        preview = self.findChild(QPrintPreviewWidget)
        if preview is None:
            raise LookupError("QPrintPreviewDialog holds a QPrintPreviewWidget")
        self.preview = preview
        self.paintRequested.connect(self._paint)
        self.refresh_timer = QTimer(self, singleShot=True, interval=300)
        self.refresh_timer.timeout.connect(self.refresh)
        self.first.changed.connect(self.refresh_timer.start)
        for signal in (self.days.valueChanged, self.ahead.valueChanged, self.attorney.currentIndexChanged,
                       self.by_attorney.toggled):
            signal.connect(self.refresh)
        self.resize(1100, 800)
        geometry = settings.value(SETTINGS + "geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        report_print.set_up_page(self.paper, landscape=True)  # the preview's buttons may turn it

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name; exec() and show() come through here
        if visible and not self.loaded:
            self.load()  # before the preview first asks for its pages
        super().setVisible(visible)

    def load(self) -> None:
        """Read the timekeepers into the attorney list and build the sheet (on first showing, not in __init__)."""
        self.loaded = True
        self.attorney.blockSignals(True)  # one sheet is built below, not one per item added
        try:
            for initials, name in docket.timekeeper_names(self.state.require_store()).items():
                self.attorney.addItem(f"{name} ({initials})", initials)
            self.attorney.setCurrentIndex(max(0, self.attorney.findData(self.remembered_attorney)))
        finally:
            self.attorney.blockSignals(False)
        self.refresh()

    # --- the sheet -------------------------------------------------------------------------
    def request(self) -> DocketRequest:
        """The sheet the options describe; raises ValidationError for a date that is not one."""
        first = self.first.date("first", required=True)
        return DocketRequest(first=first, days=self.days.value(), ahead=self.ahead.value(),
                             attorney=self.attorney.currentData() or "", by_attorney=self.by_attorney.isChecked(),
                             landscape=self._landscape())

    def refresh(self) -> None:
        """Build the sheet for the options shown and redraw the preview; a bad date is explained, not drawn."""
        self.refresh_timer.stop()
        try:
            request = self.request()
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.report = docket.docket_report(self.state.require_store(), request, self.state.clock.now())
            finally:
                QGuiApplication.restoreOverrideCursor()
        except UserFixableError as exc:
            self._say(exc.message, "#b00020")
            return
        self.problem.hide()
        self.preview.updatePreview()

    def _paint(self, printer: QPrinter) -> None:
        if self.report is None:
            return
        try:  # Qt calls this; a problem saving a PDF (the preview's Print when there is no printer) is explained
            report_print.paint_to(self.report, printer)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Not printed"))

    def _preset(self, first: date | None, days: int) -> None:
        if first is not None:
            self.first.set_date(first)
        self.days.setValue(days)
        self.refresh()

    def _landscape(self) -> bool:
        return self.paper.pageLayout().orientation() == QPageLayout.Orientation.Landscape

    def current_report(self) -> Report | None:
        """The sheet as shown, on the page orientation the preview shows."""
        if self.report is None:
            return None
        return replace(self.report, landscape=self._landscape())

    # --- out ---------------------------------------------------------------------------------
    def print_sheet(self) -> None:
        report = self.current_report()
        if report is None:
            return
        if QPrintDialog(self.paper, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            report_print.paint_to(report, self.paper)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Not printed"))

    def save(self, kind: str) -> Path | None:
        report = self.current_report()
        if report is None:
            return None
        try:
            request = self.request()
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Not saved"))
            return None
        pattern = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("Word documents (*.docx)")
        path = ask_save_path(self, self.tr("Save Report"), f"{sheet_name(request)}.{kind}", pattern, f".{kind}")
        if path is None:
            return None

        def write(progress: Progress) -> Path:  # on the worker thread: the sheet is data, no widgets here
            if kind == "pdf":
                return report_print.write_pdf(report, path)
            return docket.save_as_word(report, path)

        try:  # written whole or not at all (formats.files), so there is nothing to stop half way: no Cancel
            saved = run_and_wait(self, self.tr("Saving the docket…"), write)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Report not saved"))
            return None
        if saved is not None:
            self.saved.append(saved)
            self._say(self.tr("Saved to %s.") % saved, "#1b5e20")
        return saved

    def _say(self, text: str, colour: str) -> None:
        self.problem.setStyleSheet(f"color: {colour}")
        self.problem.setText(text)
        self.problem.show()

    def done(self, result: int) -> None:  # noqa: D102 - remember the options for next time
        settings = QSettings()
        settings.setValue(SETTINGS + "days", self.days.value())
        settings.setValue(SETTINGS + "ahead", self.ahead.value())
        settings.setValue(self.attorney_key,
                          (self.attorney.currentData() or "") if self.loaded else self.remembered_attorney)
        settings.setValue(SETTINGS + "by_attorney", self.by_attorney.isChecked())
        settings.setValue(SETTINGS + "geometry", self.saveGeometry())
        super().done(result)
