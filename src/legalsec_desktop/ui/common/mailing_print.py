"""Paint #10 envelopes and address labels on PDF pages, a printer or a preview image (layout: formats)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintDevice,
    QPaintEngine,
)
from PySide6.QtPrintSupport import QPrinter

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats import mailing_layout as layout
from legalsec_desktop.formats.files import pdf_complete, write_atomically
from legalsec_desktop.formats.mailing_layout import PlacedLine, SizedMeasure
from legalsec_desktop.ui.common.label_print import SansFonts, page_layout, write_pdf

PDF_RESOLUTION = 1200
Pages = Callable[[SizedMeasure], list[list[PlacedLine]]]
"""The pages to paint, laid out with the measure of the device they are painted on."""


def envelope_page_layout() -> QPageLayout:
    """A #10 envelope, landscape, no margins: the painter's origin is the envelope's top-left corner."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.Envelope10), QPageLayout.Orientation.Landscape,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Inch)


class _Fonts(SansFonts):
    """The sans-serif font at each size used, measured on the device being painted."""

    def __init__(self, device: QPaintDevice, dpi: float) -> None:
        super().__init__(device)
        self.dpi = dpi

    def measure(self, text: str, points: float, bold: bool) -> float:
        return self.font(points, bold)[1].horizontalAdvance(text) / self.dpi


def _paint_page(painter: QPainter, fonts: _Fonts, lines: Sequence[PlacedLine]) -> None:
    dpi = fonts.dpi
    painter.setPen(QColor(0, 0, 0))
    for line in lines:
        font, metrics = fonts.font(line.points, line.bold)
        painter.setFont(font)
        box = QRectF(line.x * dpi, line.y * dpi, line.width * dpi, line.height * dpi)
        painter.setClipRect(box)  # never past its box: a label's text never runs into the next label
        leading = (box.height() - metrics.height()) / 2
        painter.drawText(QPointF(box.left(), box.top() + leading + metrics.ascent()), line.text)
    painter.setClipping(False)


def _paint(device: QPaintDevice, dpi: float, pages: Pages, new_page: Callable[[], object] | None = None) -> int:
    painter = QPainter()
    if not painter.begin(device):
        raise UserFixableError("The printer could not be opened. Check that it is on and connected, and try again.")
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        fonts = _Fonts(device, dpi)
        laid_out = pages(fonts.measure)
        for number, page in enumerate(laid_out):
            if number and new_page is not None:
                new_page()
            _paint_page(painter, fonts, page)
            if new_page is None:
                break  # an image: the first page only
    finally:
        painter.end()
    return len(laid_out)


def _write_pdf(path: Path, page: QPageLayout, title: str, pages: Pages) -> int:
    return write_pdf(path, page, title, lambda writer: _paint(writer, PDF_RESOLUTION, pages, writer.newPage))


def _print(printer: QPrinter, page: QPageLayout, pages: Pages) -> int:
    printer.setFullPage(True)  # coordinates from the paper's corner, not the printable area's
    printer.setPageLayout(page)
    dpi = printer.resolution()
    target = printer.outputFileName()
    engine = printer.paintEngine()
    if not target or engine is None or engine.type() != QPaintEngine.Type.Pdf:
        return _paint(printer, dpi, pages, printer.newPage)
    count = [0]

    def render(temporary: Path) -> None:  # Print to File: the PDF whole or not at all
        printer.setOutputFileName(str(temporary))
        try:
            count[0] = _paint(printer, dpi, pages, printer.newPage)
        finally:
            printer.setOutputFileName(target)

    write_atomically(Path(target), render, check=pdf_complete)
    return count[0]


def _envelopes(return_lines: Sequence[str], recipients: Sequence[Sequence[str]], via: str) -> Pages:
    if not recipients:
        raise UserFixableError("There is no envelope to print: choose a recipient with an address.")
    return lambda measure: [layout.envelope_lines(return_lines, lines, via, measure) for lines in recipients]


def _labels(addresses: Sequence[Sequence[str]], sheet_key: str, skip: int) -> Pages:
    sheet = layout.label_sheet(sheet_key)
    if not addresses:
        raise UserFixableError("There are no labels to print: choose recipients with addresses.")
    if not 0 <= skip < sheet.per_page:
        raise UserFixableError(f"Used labels to skip: enter a number from 0 to {sheet.per_page - 1} for "
                               f"{sheet.name}.")
    return lambda measure: layout.label_pages(addresses, sheet, skip, measure)


def write_envelopes_pdf(return_lines: Sequence[str], recipients: Sequence[Sequence[str]], via: str,
                        path: Path) -> int:
    """One #10 envelope a page, one for each recipient's block, saved whole or not at all; the page count."""
    return _write_pdf(path, envelope_page_layout(), "Envelopes", _envelopes(return_lines, recipients, via))


def print_envelopes(return_lines: Sequence[str], recipients: Sequence[Sequence[str]], via: str,
                    printer: QPrinter) -> int:
    return _print(printer, envelope_page_layout(), _envelopes(return_lines, recipients, via))


def write_mailing_labels_pdf(addresses: Sequence[Sequence[str]], path: Path, skip: int = 0,
                             sheet_key: str = "5160") -> int:
    """The address labels on sheets of `sheet_key`, the first `skip` labels left blank; the page count."""
    pages = _labels(addresses, sheet_key, skip)
    return _write_pdf(path, page_layout(layout.label_sheet(sheet_key)), "Mailing labels", pages)


def print_mailing_labels(addresses: Sequence[Sequence[str]], printer: QPrinter, skip: int = 0,
                         sheet_key: str = "5160") -> int:
    pages = _labels(addresses, sheet_key, skip)
    return _print(printer, page_layout(layout.label_sheet(sheet_key)), pages)


def _image(width_in: float, height_in: float, dpi: float, pages: Pages, outline: bool = True) -> QImage:
    image = QImage(round(width_in * dpi), round(height_in * dpi), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor(255, 255, 255))
    _paint(image, dpi, pages)
    if outline:
        painter = QPainter(image)
        painter.setPen(QColor(160, 160, 160))
        painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
        painter.end()
    return image


def envelope_image(return_lines: Sequence[str], recipient: Sequence[str], via: str, dpi: float = 60) -> QImage:
    """The envelope as it will print, for a preview."""
    return _image(layout.ENVELOPE_WIDTH, layout.ENVELOPE_HEIGHT, dpi, _envelopes(return_lines, [recipient], via))


def labels_image(addresses: Sequence[Sequence[str]], skip: int = 0, sheet_key: str = "5160",
                 dpi: float = 50) -> QImage:
    """The first sheet of labels as it will print, the labels' edges drawn faintly, for a preview."""
    sheet = layout.label_sheet(sheet_key)
    image = _image(sheet.page_width, sheet.page_height, dpi, _labels(addresses, sheet_key, skip))
    painter = QPainter(image)
    painter.setPen(QColor(200, 200, 200))
    for row in range(sheet.rows):
        for column in range(sheet.columns):
            painter.drawRoundedRect(QRectF((sheet.left + column * sheet.pitch_x) * dpi,
                                           (sheet.top + row * sheet.pitch_y) * dpi,
                                           sheet.label_width * dpi, sheet.label_height * dpi), 4, 4,
                                    Qt.SizeMode.AbsoluteSize)
    painter.end()
    return image

