"""Qt's PDF writer reports no write errors, so a PDF is checked before it replaces anything: a short file (a full
disk) leaves the earlier PDF as it was, no temporary file, and a message that says what to do."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from legalsec_desktop.domain.errors import StorageFullError, UserFixableError
from legalsec_desktop.domain.report import Report, Section, Table
from legalsec_desktop.ui.common import report_print


def docket(rows: int) -> Report:
    lines = [(f"11/{n % 28 + 1:02d}/2026", f"2026-{n:04d}", "Motion to compel discovery responses " * 3)
             for n in range(rows)]
    return Report("Docket", ("Okafor Law",), (Section("Events", table=Table(("Date", "Matter", "What"), lines)),),
                  footer="Printed by the tests", landscape=True)


def earlier_pdf(folder: Path) -> tuple[Path, bytes]:
    target = folder / "Docket 2026-11-23.pdf"
    report_print.write_pdf(docket(3), target)
    return target, target.read_bytes()


def test_a_pdf_that_qt_left_short_is_not_saved(tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    target, earlier = earlier_pdf(folder)
    paint = report_print.paint_report

    def paint_then_lose_the_end(report, printer):  # noqa: ANN001, ANN202 - as Qt does when the disk fills up
        pages = paint(report, printer)
        written = Path(printer.outputFileName())
        written.write_bytes(written.read_bytes()[: written.stat().st_size // 2])
        return pages

    monkeypatch.setattr(report_print, "paint_report", paint_then_lose_the_end)
    with pytest.raises(UserFixableError) as caught:
        report_print.write_pdf(docket(60), target)
    assert "came out incomplete" in caught.value.message and "Free some space" in caught.value.message
    assert target.read_bytes() == earlier
    assert [p.name for p in folder.iterdir()] == [target.name]


def test_a_real_full_disk_keeps_the_earlier_docket_pdf(small_disk):
    disk = small_disk(size="200k")
    target, earlier = earlier_pdf(disk)
    big = docket(900)  # some 200 kB of PDF: more than the disk holds beside the earlier file
    with pytest.raises(StorageFullError) as caught:
        report_print.write_pdf(big, target)
    assert "disk is full" in caught.value.message
    assert target.read_bytes() == earlier
    assert [p.name for p in disk.iterdir()] == [target.name]
    assert len(PdfReader(str(target)).pages) == 1


def test_print_to_file_is_saved_whole_or_not_at_all(tmp_path, monkeypatch):
    """The print dialog's Print to File (or the preview's Export to PDF) writes through the same check."""
    from PySide6.QtPrintSupport import QPrinter

    folder = tmp_path / "out"
    folder.mkdir()
    target, earlier = earlier_pdf(folder)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    paint = report_print.paint_report

    def paint_then_lose_the_end(report, device):  # noqa: ANN001, ANN202
        pages = paint(report, device)
        written = Path(device.outputFileName())
        written.write_bytes(written.read_bytes()[:1000])
        return pages

    monkeypatch.setattr(report_print, "paint_report", paint_then_lose_the_end)
    with pytest.raises(UserFixableError):
        report_print.paint_to(docket(60), printer)
    assert target.read_bytes() == earlier and [p.name for p in folder.iterdir()] == [target.name]
    assert printer.outputFileName() == str(target)  # the printer still prints where the user chose

    monkeypatch.setattr(report_print, "paint_report", paint)
    assert report_print.paint_to(docket(60), printer) >= 2
    assert len(PdfReader(str(target)).pages) >= 2 and [p.name for p in folder.iterdir()] == [target.name]
