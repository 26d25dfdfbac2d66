"""Envelope and address-label PDFs read back: a #10 page of 684 x 297 pt with the return address at the top left
and the recipient where the Postal Service reads it; 30 labels on a 5160 page, each in its own cell."""

import unicodedata

import pypdfium2
import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.labels import SHEETS
from legalsec_desktop.ui.common import mailing_print

RETURN = ("Holloway & Chen LLP", "455 Market St, Suite 1200", "San Francisco, CA 94105")
TO = ("Siobhán O'Brien-Núñez", "Collins & Björk LLP", "4107 Market St", "Los Angeles, CA 90012")


def words(text: str) -> str:
    """Text as read back: ligatures undone (ﬁ), tabs and line breaks as single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def text_in(path, page: int, left: float, top: float, right: float, bottom: float) -> str:
    """The text inside a rectangle given in inches from the page's top-left corner."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        sheet = document[page]
        height = sheet.get_height()
        found = sheet.get_textpage().get_text_bounded(left * 72, height - bottom * 72, right * 72, height - top * 72)
        return words(found)
    finally:
        document.close()


def test_envelope_page_is_number_10_landscape_with_everything_in_place(qapp, tmp_path):
    out = tmp_path / "envelope.pdf"
    assert mailing_print.write_envelopes_pdf(RETURN, [TO], "Via Certified Mail", out) == 1
    page = PdfReader(out).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (684, 297)
    assert page.get("/Rotate", 0) == 0
    assert text_in(out, 0, 0, 0, 3.8, 1.7) == words(" ".join(RETURN))  # top left, nothing else there
    recipient = text_in(out, 0, 3.9, 1.95, 9.0, 3.5)
    assert recipient == words(" ".join(TO))
    assert text_in(out, 0, 3.9, 1.4, 9.0, 1.98) == "Via Certified Mail"
    assert text_in(out, 0, 0, 3.5, 9.5, 4.125) == ""  # the barcode clear zone


def test_one_envelope_a_page(qapp, tmp_path):
    out = tmp_path / "envelopes.pdf"
    second = ("Dana Whitfield", "900 Main St", "Austin, TX 78701")
    assert mailing_print.write_envelopes_pdf(RETURN, [TO, second], "", out) == 2
    assert text_in(out, 1, 3.9, 1.95, 9.0, 3.5) == "Dana Whitfield 900 Main St Austin, TX 78701"


def addresses(count: int) -> list[tuple[str, ...]]:
    return [(f"Recipient {n:03d}", f"{n} Elm St", "Oakland, CA 94612") for n in range(count)]


def test_thirty_labels_on_a_5160_page_each_in_its_cell(qapp, tmp_path):
    out = tmp_path / "labels.pdf"
    assert mailing_print.write_mailing_labels_pdf(addresses(31), out) == 2
    reader = PdfReader(out)
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == (612, 792)
    sheet = SHEETS["5160"]
    for n in range(30):
        row, column = divmod(n, 3)
        left, top = sheet.left + column * sheet.pitch_x, sheet.top + row * sheet.pitch_y
        found = text_in(out, 0, left, top, left + sheet.label_width, top + sheet.label_height)
        assert found == f"Recipient {n:03d} {n} Elm St Oakland, CA 94612"
    assert text_in(out, 1, 0, 0, 8.5, 11) == "Recipient 030 30 Elm St Oakland, CA 94612"


def test_skipped_labels_stay_blank_and_long_text_stays_in_its_label(qapp, tmp_path):
    out = tmp_path / "labels.pdf"
    long = ("Konstantinopoulou-Vanderbilt Featherstonehaugh Cholmondeley " * 3, "X" * 120, "Suite 4",
            "Building B", "Mail Stop 12", "Oakland, CA 94612")
    mailing_print.write_mailing_labels_pdf([long, *addresses(2)], out, skip=4)
    sheet = SHEETS["5160"]
    for n in range(4):
        row, column = divmod(n, 3)
        left, top = sheet.left + column * sheet.pitch_x, sheet.top + row * sheet.pitch_y
        assert text_in(out, 0, left, top, left + sheet.label_width, top + sheet.label_height) == ""
    # label 5 (row 1, column 1) holds the long one; its neighbours show only their own text
    left, top = sheet.left + sheet.pitch_x, sheet.top + sheet.pitch_y
    assert "Oakland" in text_in(out, 0, left, top, left + sheet.label_width, top + sheet.label_height)
    right = text_in(out, 0, left + sheet.pitch_x, top, left + sheet.pitch_x + sheet.label_width,
                    top + sheet.label_height)
    assert right == "Recipient 000 0 Elm St Oakland, CA 94612"
    gap = text_in(out, 0, left + sheet.label_width + 0.01, 0, left + sheet.pitch_x - 0.01, 11)
    assert gap == ""  # nothing runs between the labels


def test_nothing_to_print_says_so_and_keeps_the_old_file(qapp, tmp_path):
    out = tmp_path / "labels.pdf"
    out.write_bytes(b"%PDF-1.4 the old one")
    with pytest.raises(UserFixableError, match="no labels"):
        mailing_print.write_mailing_labels_pdf([], out)
    with pytest.raises(UserFixableError, match="from 0 to 29"):
        mailing_print.write_mailing_labels_pdf(addresses(1), out, skip=30)
    with pytest.raises(UserFixableError, match="no envelope"):
        mailing_print.write_envelopes_pdf(RETURN, [], "", out)
    assert out.read_bytes() == b"%PDF-1.4 the old one"


def test_print_to_a_pdf_printer_sets_the_envelope_page(qapp, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert mailing_print.print_envelopes(RETURN, [TO], "", printer) == 1
    page = PdfReader(out).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (684, 297)
    assert TO[0] in words(page.extract_text())
    labels = tmp_path / "printed labels.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(labels))
    assert mailing_print.print_mailing_labels(addresses(3), printer, skip=1) == 1
    assert "Recipient 002" in words(PdfReader(labels).pages[0].extract_text())


def test_previews_are_drawn(qapp):
    envelope = mailing_print.envelope_image(RETURN, TO, "Personal and Confidential", dpi=40)
    assert (envelope.width(), envelope.height()) == (380, 165)
    sheet = mailing_print.labels_image(addresses(5), skip=2, dpi=20)
    assert (sheet.width(), sheet.height()) == (170, 220)
    dark = sum(1 for x in range(0, 170) for y in range(0, 220) if sheet.pixelColor(x, y).value() < 100)
    assert dark > 0
