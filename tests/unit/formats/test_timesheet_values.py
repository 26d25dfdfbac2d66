"""The timesheet as readers that do not recalculate see it (python-calamine, phone and mail previews): every total
carries its value, to the cent; and as it prints (row heights for wrapped narratives, a readable scale)."""

from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from legalsec_desktop.formats.timesheet_xlsx import (
    DETAIL_COLUMNS, MIN_PRINT_SCALE, SheetRow, SheetTitle, print_scale, text_lines, write_timesheet,
)

KEEPERS = (("MAH", "Mary Hale"), ("KO", "Ken Okafor"), ("JR", "Jo Reyes"))
MATTERS = (("2026-0001", "Ana Rivera", "Rivera v. Okafor"), ("2026-01", "Zed Corp", "Lease"),
           ("2026-0003", "Bea Stone", "Estate"))


def many_rows(count: int = 211) -> list[SheetRow]:
    """Entries with odd minutes and cents, so that a float total that drifts shows up."""
    rows = []
    for n in range(count):
        initials, name = KEEPERS[n % 3]
        number, client, title = MATTERS[(n // 2) % 3]
        minutes = 6 * (1 + n % 7) + (n % 4) * 15
        rate = 17_333 + 101 * (n % 5)
        amount = 0 if n % 9 == 0 else minutes * rate // 60
        rows.append(SheetRow(date(2026, 11, 1) + timedelta(days=n % 23), initials, name, client, number, title,
                             minutes, rate, amount, "Billable", "Final", "", "", f"Entry {n}"))
    return rows


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "sheet.xlsx"
    write_timesheet(many_rows(), SheetTitle("Okafor Law", date(2026, 11, 1), date(2026, 11, 30),
                                            hours_format="0.00"), path)
    return path


def expected(rows: list[SheetRow], key) -> dict:  # noqa: ANN001
    minutes: dict = defaultdict(int)
    cents: dict = defaultdict(int)
    for row in rows:
        minutes[key(row)] += row.billed_minutes
        cents[key(row)] += row.amount_cents
    return {k: (minutes[k], cents[k]) for k in minutes}


def in_cents(value: float) -> int:
    cents = round(value * 100)
    assert abs(value * 100 - cents) < 1e-6, value  # a cached value is the exact total, not a drifting float
    return cents


def test_calamine_reads_every_total_to_the_cent_without_recalculating(book):
    rows = many_rows()
    workbook = CalamineWorkbook.from_path(str(book))
    summary = workbook.get_sheet_by_name("Summary").to_python()
    blocks = {"By client and matter": expected(rows, lambda r: r.matter),
              "By timekeeper": expected(rows, lambda r: r.timekeeper),
              "By day": expected(rows, lambda r: r.day)}
    all_minutes, all_cents = sum(r.billed_minutes for r in rows), sum(r.amount_cents for r in rows)
    seen = []
    heading = None
    for line in summary:
        if line[0] in blocks:
            heading = line[0]
        elif heading and line[3] not in ("", "Hours"):
            if line[0] == "Total":
                assert (round(line[3] * 60), in_cents(line[4])) == (all_minutes, all_cents), heading
                seen.append(heading)
                heading = None
            else:
                minutes, cents = blocks[heading].pop(line[0])
                assert (round(line[3] * 60), in_cents(line[4])) == (minutes, cents), (heading, line[0])
    assert seen == list(blocks) and all(not left for left in blocks.values())  # every key shown, each once
    detail = workbook.get_sheet_by_name("Detail").to_python()
    total = next(line for line in detail if line[0] == "Total (rows shown)")
    assert (round(total[4] * 60), in_cents(total[6])) == (all_minutes, all_cents)


def test_every_formula_cell_carries_a_value(book):
    formulas = load_workbook(book)
    values = load_workbook(book, data_only=True)
    for name in ("Summary", "Detail"):
        cells = [c for line in formulas[name].iter_rows() for c in line if c.data_type == "f"]
        assert cells
        for cell in cells:
            assert isinstance(values[name][cell.coordinate].value, (int, float)), (name, cell.coordinate)


def test_an_empty_timesheet_shows_zero_totals(tmp_path):
    path = tmp_path / "empty.xlsx"
    write_timesheet([], SheetTitle("Okafor Law", date(2026, 11, 1), date(2026, 11, 30)), path)
    summary = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Summary").to_python()
    assert [(line[3], line[4]) for line in summary if line[0] == "Total"] == [(0.0, 0.0)] * 3


def test_the_summary_carries_no_notes_for_developers(book):
    summary = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Summary").to_python()
    text = " ".join(str(value) for line in summary for value in line)
    assert "formula" not in text.lower() and "Detail sheet" not in text and "total row" not in text


def test_wrapped_narratives_get_rows_tall_enough(tmp_path):
    long = "Reviewed and revised the draft settlement agreement; " * 6
    rows = [SheetRow(date(2026, 11, 2), "MAH", "Mary Hale", "Ana Rivera", "2026-0001", "Rivera", 60, 30000, 30000,
                     "Billable", "Final", "", "", text) for text in ("Short call", long, "Line one\nLine two\nThree")]
    path = tmp_path / "sheet.xlsx"
    write_timesheet(rows, SheetTitle("Okafor Law", date(2026, 11, 1), date(2026, 11, 30)), path)
    detail = load_workbook(path)["Detail"]
    width = DETAIL_COLUMNS[-1][1]
    assert detail.row_dimensions[2].height is None  # one line: the default height
    assert detail.row_dimensions[3].height == 15 * text_lines(long, width) and text_lines(long, width) >= 7
    assert detail.row_dimensions[4].height == 15 * 3


def test_the_detail_prints_readably(book):
    detail = load_workbook(book)["Detail"]
    assert detail.page_setup.orientation == "landscape" and detail.print_title_rows == "$1:$1"
    assert print_scale([width for _name, width in DETAIL_COLUMNS], "landscape") >= MIN_PRINT_SCALE
    assert detail.sheet_properties.pageSetUpPr.fitToPage and detail.page_setup.fitToHeight == 0


def test_columns_too_wide_to_read_on_one_page_print_at_the_smallest_readable_scale():
    assert print_scale([10] * 5, "portrait") == 100
    assert print_scale([50] * 6, "landscape") < MIN_PRINT_SCALE
