"""The docket on paper: no table row split across two pages, no heading alone at a page's foot, each attorney on
pages of their own (the PDF read back with pypdf, the Word file with python-docx)."""

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from legalsec_desktop.formats.docx_report import write_docx
from legalsec_desktop.reports.docket import DocketData, DocketLine, DocketRequest, build_docket
from legalsec_desktop.ui.common.report_print import write_pdf

DAY = date(2026, 11, 23)
PRINTED = datetime(2026, 11, 23, 7, 45)
LA = "America/Los_Angeles"
NAMES = {"MAH": "Mary Hale", "KI": "Ken Ito"}


def busy_day(count: int, attorneys: tuple[str, ...] = ("MAH",)) -> list[DocketLine]:
    """`count` appointments of different heights; each cell carries the row's number (Title07, Client07, Note07)."""
    return [DocketLine(DAY, "travel" if n % 3 == 0 else "hearing", f"Title{n:02d} Travel to depo " + "x " * (n % 7),
                       start=datetime(2026, 11, 23, 7, 0) + timedelta(minutes=10 * n), tz=LA,
                       matter_number=f"2026-{n:04d}", client=f"Client{n:02d}\nof the firm",
                       notes=f"Note{n:02d} " + "bring the binder " * (n % 5), attorneys=attorneys)
            for n in range(count)]


def pages_of(path: Path) -> list[str]:
    """Each page's text, its spaces and line breaks made single spaces (pypdf gives tabs between words)."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(str(path)).pages]


def on_pages(pages: list[str], text: str) -> list[int]:
    return [number for number, page in enumerate(pages) if text in page]


def test_no_row_of_a_long_day_is_split_across_two_pages(tmp_path):
    lines = busy_day(60)
    report = build_docket(DocketRequest(DAY, zone=LA), DocketData(lines, [], [], [], 0, []), "Okafor Law", NAMES,
                          PRINTED)
    pages = pages_of(write_pdf(report, tmp_path / "docket.pdf"))
    assert len(pages) >= 3
    for n in range(len(lines)):
        where = {marker: on_pages(pages, marker) for marker in (f"Title{n:02d}", f"Client{n:02d}", f"Note{n:02d}")}
        assert all(len(found) == 1 for found in where.values()), where
        assert len({found[0] for found in where.values()}) == 1, f"row {n} is split: {where}"


# Days whose "Deadlines due" or "Overdue" heading Qt's own layout leaves at the foot of page 1.
@pytest.mark.parametrize(("count", "note_lines"), [(7, 3), (8, 0), (9, 4), (10, 0)])
def test_a_heading_is_never_alone_at_the_foot_of_a_page(tmp_path, count, note_lines):
    lines = busy_day(count)
    lines[0] = DocketLine(DAY, "hearing", "Title00", start=datetime(2026, 11, 23, 6), tz=LA,
                          notes="line\n" * note_lines)
    deadlines = [DocketLine(DAY, "filing deadline", f"Deadline{n:02d} brief", matter_number=f"2026-{n:04d}")
                 for n in range(3)]
    report = build_docket(DocketRequest(DAY, zone=LA, ahead=0), DocketData(lines + deadlines, [], [], [], 0, []), "",
                          NAMES, PRINTED)
    pages = pages_of(write_pdf(report, tmp_path / "docket.pdf"))
    assert on_pages(pages, "Deadlines due today") == on_pages(pages, "Deadline00")
    assert on_pages(pages, "Overdue deadlines and reminders") == on_pages(pages, "Nothing overdue.")


def test_by_attorney_each_attorney_starts_a_new_page_in_pdf_and_word(tmp_path):
    lines = busy_day(3, ("MAH",)) + [DocketLine(DAY, "deposition", "Deposition of Lee", attorneys=("KI",))]
    report = build_docket(DocketRequest(DAY, zone=LA, by_attorney=True), DocketData(lines, [], [], [], 0, []),
                          "Okafor Law", NAMES, PRINTED)
    pages = pages_of(write_pdf(report, tmp_path / "docket.pdf"))
    assert on_pages(pages, "Mary Hale (MAH)") == [0] and on_pages(pages, "Ken Ito (KI)") == [1]
    assert on_pages(pages, "Deposition of Lee") == [1]
    document = Document(str(write_docx(report, tmp_path / "docket.docx")))
    starts = {p.text: p.paragraph_format.page_break_before for p in document.paragraphs
              if p.text in ("Mary Hale (MAH)", "Ken Ito (KI)")}
    assert starts == {"Mary Hale (MAH)": False, "Ken Ito (KI)": True}


def test_in_word_rows_cannot_split_and_headings_keep_with_what_follows(tmp_path):
    report = build_docket(DocketRequest(DAY, zone=LA), DocketData(busy_day(30), [], [], [], 0, []), "", NAMES,
                          PRINTED)
    document = Document(str(write_docx(report, tmp_path / "docket.docx")))
    rows = [row for table in document.tables for row in table.rows]
    assert rows and all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
                        for row in rows)
    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading 2")]
    assert headings and all(p.paragraph_format.keep_with_next for p in headings)
    header = document.tables[0].rows[0]
    assert all(cell.paragraphs[0].paragraph_format.keep_with_next for cell in header.cells)
