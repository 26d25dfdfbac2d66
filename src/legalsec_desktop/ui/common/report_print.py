"""Lay out a Report for the screen, the printer and PDF (the content is built in the core)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.files import pdf_complete, write_atomically
from legalsec_desktop.domain.report import Report
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.report_pages import Sheet, draw_page
from legalsec_desktop.ui.common.save_paths import ask_save_path


def set_up_page(printer: QPrinter, landscape: bool) -> None:
    """US Letter with 12 mm margins, turned as asked."""
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.Letter), orientation,
                                      QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))


def paint_report(report: Report, printer: QPrinter) -> int:
    """Lay the report out on `printer`'s pages with a running head and "Page X of Y"; returns the page count."""
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    band = printer.resolution() * 0.3  # inches for the head and the foot of each page
    body = QRectF(0, band, page.width(), page.height() - 2 * band)
    inset = printer.logicalDpiY() / 96 * 4  # the body's own margin, inside the head and foot
    sheet = Sheet(report, printer, body.width() - 2 * inset, body.height() - 2 * inset)
    pages = len(sheet.pages)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserFixableError("The printer could not be opened. Check that it is on and connected, and try again.")
    try:
        small = QFont(QGuiApplication.font())
        small.setPointSizeF(7.5)
        for number, placed in enumerate(sheet.pages):
            if number:
                printer.newPage()
            painter.save()
            painter.translate(body.left() + inset, body.top() + inset)
            draw_page(painter, placed, sheet.measure.px)
            painter.restore()
            painter.setFont(small)
            painter.setPen(QColor("#444444"))
            head = QRectF(0, 0, body.width(), band * 0.8)
            foot = QRectF(0, body.bottom() + band * 0.2, body.width(), band * 0.8)
            painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, report.running_head)
            painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, report.footer)
            painter.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"Page {number + 1} of {pages}")
    finally:
        painter.end()
    return pages


def write_pdf(report: Report, path: Path) -> Path:
    """Save the report as PDF at `path`; an earlier file stays intact if anything fails.

    Qt's PDF engine does not report a failed write (a full disk leaves a truncated file and no error), so the
    file is checked for its trailer before it replaces anything.
    """

    def render(temporary: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(temporary))
        printer.setDocName(report.title)
        set_up_page(printer, report.landscape)
        try:
            paint_report(report, printer)
        except UserFixableError as exc:  # the "printer" here is a file: say so
            raise UserFixableError(f"The PDF could not be written to {Path(path).parent}. Check that the folder "
                                   "can be written to, or choose another place to save.") from exc

    return write_atomically(Path(path), render, check=pdf_complete)


def paint_to(report: Report, printer: QPrinter) -> int:
    """Paint the report on `printer`; returns the page count.

    A "printer" that is a PDF file (the print dialog's Print to File, the preview's Export to PDF) gets the file
    whole or not at all, like Save as PDF. The preview's own drawing (a picture engine) is left as it is.
    """
    target = printer.outputFileName()
    engine = printer.paintEngine()
    if not target or engine is None or engine.type() != QPaintEngine.Type.Pdf:
        return paint_report(report, printer)
    pages = [0]

    def render(temporary: Path) -> None:
        printer.setOutputFileName(str(temporary))
        try:
            pages[0] = paint_report(report, printer)
        finally:
            printer.setOutputFileName(target)

    write_atomically(Path(target), render, check=pdf_complete)
    return pages[0]


def default_printer() -> QPrinter:
    """The system's default printer, or a clear message when there is none."""
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        raise UserFixableError("No default printer is set up on this computer. Set one up in the system's printer "
                               "settings, or save the report as PDF and print that.")
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def print_to_default(report: Report) -> str:
    """Print on the default printer without asking; returns the printer's name."""
    printer = default_printer()
    printer.setDocName(report.title)
    set_up_page(printer, report.landscape)
    paint_report(report, printer)
    return printer.printerName() or "the default printer"


def print_preview(parent: QWidget, report: Report) -> None:
    """Show the print preview; its Print button goes to the system print dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_up_page(printer, report.landscape)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(parent.tr("Print Preview — %s") % report.title)

    def paint(target: QPrinter) -> None:
        try:  # Qt calls this; a problem saving a PDF (Print to File, Export to PDF) is explained
            paint_to(report, target)
        except UserFixableError as exc:
            show_problem(preview, exc, parent.tr("Not printed"))

    preview.paintRequested.connect(paint)
    preview.resize(1000, 760)
    preview.exec()


def ask_and_save(parent: QWidget, report: Report, kind: str, name: str, save_word=None) -> Path | None:  # noqa: ANN001
    """Ask where to save `name` (PDF or Word), save, and say where it went; problems get a plain message."""
    pattern = parent.tr("PDF files (*.pdf)") if kind == "pdf" else parent.tr("Word documents (*.docx)")
    path = ask_save_path(parent, parent.tr("Save Report"), name, pattern, f".{kind}")
    if path is None:
        return None
    try:
        if kind == "pdf":
            write_pdf(report, path)
        else:
            save_word(path)
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Report not saved"))
        return None
    return path
