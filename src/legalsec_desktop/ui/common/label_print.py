"""Paint folder and box labels on PDF pages or a printer: every bar and QR module a filled rectangle."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPaintDevice,
    QPainter,
    QPaintEngine,
    QPdfWriter,
)
from PySide6.QtPrintSupport import QPrinter

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.files import pdf_complete, write_atomically
from legalsec_desktop.formats.labels import SHEETS, LabelData, Sheet, TextBlock, fitted, label_art, pages

PDF_RESOLUTION = 1200  # dots per inch of the PDF's coordinates: bar widths (whole 1/600 inches) land exactly


def page_layout(sheet: Sheet) -> QPageLayout:
    """The sheet's paper with no margins: the painter's origin is the paper's corner, as the sheet measures."""
    size = QSizeF(sheet.page_width, sheet.page_height)
    if (sheet.page_width, sheet.page_height) == (8.5, 11.0):
        page = QPageSize(QPageSize.PageSizeId.Letter)
    else:
        page = QPageSize(size, QPageSize.Unit.Inch, sheet.name, QPageSize.SizeMatchPolicy.ExactMatch)
    orientation = QPageLayout.Orientation.Portrait
    if sheet.page_width > sheet.page_height:  # Qt keeps a custom size portrait-wise: turn it
        page = QPageSize(QSizeF(sheet.page_height, sheet.page_width), QPageSize.Unit.Inch, sheet.name,
                         QPageSize.SizeMatchPolicy.ExactMatch)
        orientation = QPageLayout.Orientation.Landscape
    return QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Inch)


class SansFonts:
    """The sans-serif font at each size and weight used, with its metrics on one paint device (kept once made)."""

    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self.fonts: dict[tuple[float, bool], tuple[QFont, QFontMetricsF]] = {}

    def font(self, points: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
        if (points, bold) not in self.fonts:
            font = QFont()
            font.setStyleHint(QFont.StyleHint.SansSerif)
            font.setPointSizeF(points)
            font.setBold(bold)
            self.fonts[points, bold] = (font, QFontMetricsF(font, self.device))
        return self.fonts[points, bold]


class _Painter:
    """Draws labels with `painter` on a device of `dpi` dots per inch, fonts measured at that resolution."""

    def __init__(self, painter: QPainter, dpi: float) -> None:
        self.painter = painter
        self.dpi = dpi
        self.fonts = SansFonts(painter.device())

    def font(self, points: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
        return self.fonts.font(points, bold)

    def rect(self, x: float, y: float, width: float, height: float) -> QRectF:
        return QRectF(x * self.dpi, y * self.dpi, width * self.dpi, height * self.dpi)

    def label(self, label: LabelData, sheet: Sheet, x: float, y: float) -> None:
        art = label_art(label, sheet)
        black = QColor(0, 0, 0)
        for box in art.rectangles:
            self.painter.fillRect(self.rect(x + box.x, y + box.y, box.width, box.height), black)
        for block in art.texts:
            self.text(block, x, y)

    def text(self, block: TextBlock, x: float, y: float) -> None:
        font, metrics = self.font(block.points, block.bold)
        lines = fitted(block, lambda text: metrics.horizontalAdvance(text) / self.dpi)
        box = block.box
        self.painter.save()
        self.painter.setFont(font)
        self.painter.setPen(QColor(0, 0, 0))
        self.painter.setClipRect(self.rect(x + box.x, y + box.y, box.width, box.height))  # never past the box
        leading = (block.line_height * self.dpi - metrics.height()) / 2
        for number, line in enumerate(lines):
            left = (x + box.x) * self.dpi
            if block.centred:
                left += (box.width * self.dpi - metrics.horizontalAdvance(line)) / 2
            top = (y + box.y + number * block.line_height) * self.dpi
            self.painter.drawText(QPointF(left, top + leading + metrics.ascent()), line)
        self.painter.restore()


def paint_labels(labels: Iterable[LabelData], sheet: Sheet, device: QPagedPaintDevice, dpi: float,
                 skip: int = 0) -> int:
    """Paint the labels on `device` (origin at the paper's corner, `dpi` units an inch); returns the page count."""
    placed = pages(labels, sheet, skip)
    painter = QPainter()
    if not painter.begin(device):
        raise UserFixableError("The printer could not be opened. Check that it is on and connected, and try again.")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        drawing = _Painter(painter, dpi)
        for number, page in enumerate(placed):
            if number:
                device.newPage()
            for place in page:
                drawing.label(place.label, sheet, place.x, place.y)
    finally:
        painter.end()
    return len(placed)


def _checked(labels: Iterable[LabelData], sheet: Sheet, skip: int) -> list[LabelData]:
    """The labels as a list, when there are some and `skip` leaves a cell of the first sheet free."""
    labels = list(labels)
    if not labels:
        raise UserFixableError("There are no labels to print. Choose the files to label first.")
    if not 0 <= skip < sheet.per_page:
        raise UserFixableError(f"Used labels to skip: enter a number from 0 to {sheet.per_page - 1} for "
                               f"{sheet.name}.")
    return labels


def write_labels_pdf(labels: Iterable[LabelData], sheet_key: str, path: Path, skip: int = 0) -> int:
    """Save the labels as a PDF of `SHEETS[sheet_key]` pages at `path`, whole or not at all; returns the page
    count."""
    sheet = SHEETS[sheet_key]
    labels = _checked(labels, sheet, skip)
    return write_pdf(path, page_layout(sheet), "Labels", lambda writer: paint_labels(labels, sheet, writer,
                                                                                       PDF_RESOLUTION, skip))


def write_pdf(path: Path, layout: QPageLayout, title: str, paint: Callable[[QPdfWriter], int]) -> int:
    """A PDF painted by `paint(writer)` (which returns its page count) saved at `path`, whole or not at all. Qt's
    PDF engine does not report a failed write, so the file is checked before it replaces anything."""
    count = [0]

    def render(temporary: Path) -> None:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(layout)
        writer.setTitle(title)
        writer.setCreator("legalsec-desktop")
        try:
            count[0] = paint(writer)
        except UserFixableError as exc:  # the "printer" here is a file: say so
            raise UserFixableError(f"The PDF could not be written to {Path(path).parent}. Check that the folder "
                                   "can be written to, or choose another place to save.") from exc
        finally:
            del writer

    write_atomically(Path(path), render, check=pdf_complete)
    return count[0]


def print_labels(labels: Iterable[LabelData], sheet_key: str, printer: QPrinter, skip: int = 0) -> int:
    """Print the labels on `printer` (paper and margins set for the sheet); returns the page count. A "printer"
    that is a PDF file (Print to File) gets the file whole or not at all."""
    sheet = SHEETS[sheet_key]
    labels = _checked(labels, sheet, skip)
    printer.setFullPage(True)  # coordinates from the paper's corner, not the printable area's
    printer.setPageLayout(page_layout(sheet))
    dpi = printer.resolution()
    target = printer.outputFileName()
    engine = printer.paintEngine()
    if not target or engine is None or engine.type() != QPaintEngine.Type.Pdf:
        return paint_labels(labels, sheet, printer, dpi, skip)
    count = [0]

    def render(temporary: Path) -> None:
        printer.setOutputFileName(str(temporary))
        try:
            count[0] = paint_labels(labels, sheet, printer, dpi, skip)
        finally:
            printer.setOutputFileName(target)

    write_atomically(Path(target), render, check=pdf_complete)
    return count[0]

