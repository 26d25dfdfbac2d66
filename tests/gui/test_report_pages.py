"""A report on paper, laid out row by row: each row measured once (the work grows with the rows), a value met
before reused, the table's header on every page, a row taller than a page carried over line by line."""

import re
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from legalsec_desktop.domain.report import Report, Section, Table
from legalsec_desktop.ui.common import report_pages
from legalsec_desktop.ui.common.report_print import set_up_page, write_pdf

COLUMNS = ("When", "Event", "Matter", "Notes")


def report(rows: list[tuple[str, ...]]) -> Report:
    return Report("Docket", ("Okafor Law",), (Section("Hearings", table=Table(COLUMNS, rows, (1, 3, 2, 2))),),
                  footer="Printed by the tests", landscape=True)


def distinct_rows(count: int) -> list[tuple[str, ...]]:
    return [(f"{n}:00", f"Hearing {n} on the motion to compel", f"2026-{n:04d}", f"Note {n} " + "binder " * (n % 9))
            for n in range(count)]


def sheet(rows: list[tuple[str, ...]]) -> report_pages.Sheet:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_up_page(printer, landscape=True)
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    return report_pages.Sheet(report(rows), printer, page.width(), page.height() * 0.9)


def pages_of(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(str(path)).pages]


def test_each_cell_is_measured_once_so_the_work_grows_with_the_rows(qapp):
    """The whole-document layout measured the table again for every page break it found; now each cell once."""
    fixed = sheet([]).measure.laid_out  # the title, the header lines, the heading, the empty text
    for count in (100, 400, 1600):
        laid_out = sheet(distinct_rows(count)).measure.laid_out
        assert laid_out - fixed == count * len(COLUMNS) + len(COLUMNS) - 1  # the rows, the header (no empty text)


def test_a_value_met_before_is_laid_out_once(qapp):
    same = [("All day", "Reminder", "2026-0001", "Scheduled")] * 500
    assert sheet(same).measure.laid_out == sheet(same[:1]).measure.laid_out


def test_the_header_row_is_on_every_page_and_no_row_is_lost(qapp, tmp_path):
    pages = pages_of(write_pdf(report(distinct_rows(120)), tmp_path / "docket.pdf"))
    assert len(pages) >= 3
    assert all("When Event Matter Notes" in page for page in pages)
    assert all(f"Page {n + 1} of {len(pages)}" in page for n, page in enumerate(pages))
    for n in range(120):
        assert sum(f"Hearing {n} on" in page for page in pages) == 1


def test_a_row_taller_than_a_page_goes_on_over_the_next_pages_line_by_line(qapp, tmp_path):
    tall = ("9:00", "Trial", "2026-0001", "\n".join(f"Exhibit{n:03d}" for n in range(150)))
    pages = pages_of(write_pdf(report([tall, ("10:00", "AfterTheTrial", "2026-0002", "")]), tmp_path / "t.pdf"))
    assert len(pages) >= 3
    found = [[number for number, page in enumerate(pages) if f"Exhibit{n:03d}" in page] for n in range(150)]
    assert all(len(where) == 1 for where in found)  # every line once, none cut in two
    assert [where[0] for where in found] == sorted(where[0] for where in found)
    assert "AfterTheTrial" in pages[-1]
