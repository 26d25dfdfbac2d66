"""Label PDFs: rendered like a printed page, every Code 128 and QR code on them decodes to its volume's id, and
nothing is drawn outside the labels' cells."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.labels import SHEETS, LabelData, pages
from legalsec_desktop.ui.common import label_print

DPI = 300
LONG_CLIENT = "Siobhán O'Brien-Núñez, Öztürk GmbH and the Estate of Þórunn Ægisdóttir-Łukasiewicz " * 3
LONG_CAPTION = "In re the Marriage of Siobhán O'Brien-Núñez and Öztürk: Petition for Dissolution " * 4


def volumes(count: int, start: int = 0) -> list[LabelData]:
    return [LabelData(f"F{number:06d}", f"2026-{number % 37:04d}", LONG_CLIENT if number % 2 else "Öztürk GmbH",
                      LONG_CAPTION if number % 3 else "Smith v. Jones", f"Pleadings vol. {number}")
            for number in range(start, start + count)]


class Page:
    """A PDF page rendered in grey at `DPI`."""

    def __init__(self, page: pypdfium2.PdfPage) -> None:
        bitmap = page.render(scale=DPI / 72, grayscale=True)
        self.width, self.height, stride = bitmap.width, bitmap.height, bitmap.stride
        data = bytes(bitmap.buffer)
        self.pixels = b"".join(data[row * stride:row * stride + self.width] for row in range(self.height))

    def image(self) -> memoryview:
        return memoryview(self.pixels).cast("B", (self.height, self.width))

    def dark(self, x: int, y: int) -> bool:
        return self.pixels[y * self.width + x] < 128

    def pgm(self, path: Path) -> Path:
        path.write_bytes(b"P5\n%d %d\n255\n" % (self.width, self.height) + self.pixels)
        return path


def rendered(path: Path) -> list[Page]:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return [Page(document[number]) for number in range(len(document))]
    finally:
        document.close()


def decoded(page: Page) -> list[zxingcpp.Barcode]:
    return zxingcpp.read_barcodes(page.image())  # every kind: a misread as another symbology would show


def ids_by_kind(found: list[zxingcpp.Barcode]) -> tuple[Counter[str], Counter[str]]:
    bars = Counter(code.text for code in found if code.format == zxingcpp.BarcodeFormat.Code128)
    qr = Counter(code.text for code in found if code.format == zxingcpp.BarcodeFormat.QRCode)
    assert sum(bars.values()) + sum(qr.values()) == len(found)  # nothing read as any other kind of code
    return bars, qr


def assert_every_code_decodes(path: Path, labels: list[LabelData], sheet_key: str, skip: int = 0) -> list[Page]:
    images = rendered(path)
    placed = pages(labels, SHEETS[sheet_key], skip)
    assert len(images) == len(placed)
    for image, page in zip(images, placed):
        expected = Counter(place.label.barcode_id for place in page)
        bars, qr = ids_by_kind(decoded(image))
        assert bars == expected and qr == expected  # every code read, each once, none misread
    return images


@pytest.mark.parametrize(("sheet_key", "count", "page_count", "size"), [
    ("5160", 31, 2, (612, 792)), ("5163", 11, 2, (612, 792)), ("single", 3, 3, (288, 144))])
def test_every_code_on_every_page_decodes_to_its_label(qapp, tmp_path, sheet_key, count, page_count, size):
    labels = volumes(count)
    target = tmp_path / "labels.pdf"
    assert label_print.write_labels_pdf(labels, sheet_key, target) == page_count
    reader = PdfReader(str(target))
    assert len(reader.pages) == page_count
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {size}
    assert_every_code_decodes(target, labels, sheet_key)


def test_skip_puts_the_first_label_in_the_last_cell_of_a_used_sheet(qapp, tmp_path):
    labels = volumes(3)
    target = tmp_path / "labels.pdf"
    assert label_print.write_labels_pdf(labels, "5160", target, skip=29) == 2
    first, second = assert_every_code_decodes(target, labels, "5160", skip=29)
    sheet = SHEETS["5160"]
    cell_x, cell_y = sheet.left + 2 * sheet.pitch_x, sheet.top + 9 * sheet.pitch_y  # the bottom right label
    for code in decoded(first):
        assert code.text == "F000000"
        for corner in (code.position.top_left, code.position.bottom_right):
            assert cell_x * DPI <= corner.x <= (cell_x + sheet.label_width) * DPI
            assert cell_y * DPI <= corner.y <= (cell_y + sheet.label_height) * DPI
    assert ids_by_kind(decoded(second))[0] == Counter({"F000001": 1, "F000002": 1})


@pytest.mark.parametrize("sheet_key", list(SHEETS))
def test_long_names_are_elided_and_nothing_is_drawn_outside_the_labels(qapp, tmp_path, sheet_key):
    sheet = SHEETS[sheet_key]
    labels = volumes(max(3, sheet.per_page))  # every other client and most captions far too long
    target = tmp_path / "labels.pdf"
    label_print.write_labels_pdf(labels, sheet_key, target)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(target)).pages)
    assert "Öztürk GmbH" in text and "Siobhán O'Brien-Núñez" in text and "…" in text
    assert " ".join(LONG_CLIENT.split()[:12]) not in text  # cut short, not run on past the label
    for image, page in zip(rendered(target), pages(labels, sheet)):
        inner = [((place.x + sheet.inset) * DPI - 1, (place.y + sheet.inset) * DPI - 1,
                  (place.x + sheet.label_width - sheet.inset) * DPI + 1,
                  (place.y + sheet.label_height - sheet.inset) * DPI + 1) for place in page]
        stray = [(x, y) for y in range(0, image.height, 2) for x in range(0, image.width, 2)
                 if image.dark(x, y) and not any(left <= x <= right and top <= y <= bottom
                                                 for left, top, right, bottom in inner)]
        assert stray == []  # not a letter past a label's blank edge, nor in the gaps between labels
        assert sum(image.dark(x, y) for y in range(0, image.height, 4) for x in range(0, image.width, 4)) > 500


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (zbar-tools) is not installed")
def test_zbar_reads_the_same_ids_as_zxing(qapp, tmp_path):
    labels = volumes(30, start=100)
    target = tmp_path / "labels.pdf"
    label_print.write_labels_pdf(labels, "5160", target)
    image = rendered(target)[0]
    done = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Scode128.enable", "-Sqrcode.enable",
                           str(image.pgm(tmp_path / "page.pgm"))], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    zbar = Counter(done.stdout.split())
    bars, qr = ids_by_kind(decoded(image))
    assert zbar == bars + qr == Counter({label.barcode_id: 2 for label in labels})


def test_printing_to_a_pdf_printer_paints_the_same_labels(qapp, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    labels = volumes(12)
    assert label_print.print_labels(labels, "5163", printer, skip=3) == 2
    assert_every_code_decodes(target, labels, "5163", skip=3)


def test_a_label_pdf_left_short_keeps_the_earlier_file(qapp, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "labels.pdf"
    label_print.write_labels_pdf(volumes(2), "5160", target)
    earlier = target.read_bytes()
    paint = label_print.paint_labels

    def paint_then_lose_the_end(labels, sheet, device, dpi, skip=0):  # noqa: ANN001, ANN202 - a full disk
        count = paint(labels, sheet, device, dpi, skip)
        [written] = folder.glob(".labels-*.pdf")  # the temporary file beside the target
        written.write_bytes(written.read_bytes()[:1000])
        return count

    monkeypatch.setattr(label_print, "paint_labels", paint_then_lose_the_end)
    with pytest.raises(UserFixableError):
        label_print.write_labels_pdf(volumes(30), "5160", target)
    assert target.read_bytes() == earlier and [p.name for p in folder.iterdir()] == [target.name]


@pytest.mark.parametrize(("labels", "skip", "words"), [([], 0, "no labels"), (volumes(1), 30, "0 to 29")])
def test_nothing_to_print_or_a_bad_skip_gets_a_plain_message(qapp, tmp_path, labels, skip, words):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(UserFixableError) as caught:
        label_print.write_labels_pdf(labels, "5160", folder / "labels.pdf", skip=skip)
    assert words in caught.value.message
    assert list(folder.iterdir()) == []
