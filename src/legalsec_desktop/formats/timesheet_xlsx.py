"""The timesheet workbook: a Detail sheet (one row per entry) and a Summary whose totals are live formulas.

Written in openpyxl's write-only mode, row by row as the entries stream in, so a year of time needs little
memory. openpyxl streams each sheet through a temporary file (in the program's private temporary folder, see
temp_folder.py) that it removes only after a successful save; the export removes them however it ends.
Numbers are numbers (dates are date cells, hours and money are numeric with formats); the Summary's
SUMIFS/SUBTOTAL formulas are computed by Excel or LibreOffice when the file opens (fullCalcOnLoad).
Text from users (names, clients, matters, narratives) is never a formula: it is written as a string cell with
the "quoted" style (quotePrefix), so "=HYPERLINK(...)" or "-- called client" shows as typed, also once edited.
Characters a workbook cannot hold are made fit first (xml_text.py): Word's line breaks become line breaks, other
control characters go.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.properties import PageSetupProperties

if TYPE_CHECKING:  # openpyxl ships no types, so these names only document what is passed
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.files import write_atomically, zip_complete
from legalsec_desktop.formats.xml_text import xml_text

log = logging.getLogger("legalsec")

DATE_FORMAT = "mm/dd/yyyy"
MONEY_FORMAT = '"$"#,##0.00'
DETAIL_COLUMNS = (("Date", 12), ("Timekeeper", 12), ("Client", 26), ("Matter", 11), ("Hours", 7), ("Rate", 10),
                  ("Amount", 13), ("Billable", 12), ("Status", 8), ("Task", 7), ("Activity", 8), ("Narrative", 55))
HOURS, AMOUNT = "E", "G"  # the Detail columns the Summary adds up (matter titles are on the Summary)
DATE_COL, KEEPER_COL, MATTER_COL = "A", "B", "D"
HEADER_FILL = PatternFill("solid", fgColor="E8EDF3")
FONT = "Calibri"


class _StyledCell(Cell):  # type: ignore[misc]  # openpyxl ships no types: to mypy its Cell is Any
    """A write-only cell whose repr is cheap: openpyxl formats a cell's repr each time a styled cell is appended
    (it first tries the cell as a value), which costs more than writing it.

    Its style is looked up in the workbook once, when it is first written: openpyxl would look it up again for
    every row a reused cell writes. So a cell's style must be set before the cell is first appended.
    """

    __slots__ = ("_style_id",)
    _style_id: int

    def __repr__(self) -> str:
        return "cell"

    @property
    def style_id(self) -> int:
        try:
            return self._style_id
        except AttributeError:
            style_id: int = Cell.style_id.fget(self)
            self._style_id = style_id
            return style_id


class ExportCancelled(UserFixableError):
    """The user cancelled a long export; nothing was written."""


@dataclass(frozen=True)
class SheetRow:
    """One time entry as the timesheet shows it; `amount_cents` is 0 for non-billable and no-charge time."""

    day: date
    timekeeper: str  # initials
    timekeeper_name: str
    client: str
    matter: str
    matter_title: str
    billed_minutes: int
    rate_cents: int
    amount_cents: int
    billable: str  # label
    status: str  # label
    task_code: str
    activity_code: str
    narrative: str


@dataclass(frozen=True)
class SheetTitle:
    firm: str
    first: date
    last: date
    scope: str = ""  # "Timekeeper MAH", "Matter 2026-0001" or ""
    hours_format: str = "0.0"  # '0.00' when some client bills in increments that are not tenths of an hour
    made_at: datetime | None = None  # for the file's properties (local time), instead of openpyxl's own clock


def write_timesheet(rows: Iterable[SheetRow], title: SheetTitle, path: Path,
                    progress: Callable[[int], bool] | None = None) -> tuple[Path, int]:
    """Save the workbook at `path` (atomically); returns the path and the number of entries written.

    `progress(rows written)` is called every 500 rows; returning False cancels (nothing is written).
    """
    written = 0
    workbook = Workbook(write_only=True)
    # File ▸ Properties: the firm and the time the program was told, not "openpyxl" (openpyxl itself still
    # stamps "modified" when it saves).
    workbook.properties.creator = workbook.properties.lastModifiedBy = xml_text(title.firm)
    if title.made_at is not None:
        workbook.properties.created = title.made_at

    def write(temporary: Path) -> None:
        nonlocal written
        written = _build(workbook, rows, title, progress)
        _still_wanted(progress, written)
        workbook.save(str(temporary))  # seconds for years of entries: a Cancel meanwhile still counts
        _still_wanted(progress, written)

    try:
        return write_atomically(Path(path), write, check=zip_complete), written
    finally:
        _discard_temporaries(workbook)


def _still_wanted(progress: Callable[[int], bool] | None, written: int) -> None:
    """Ask once more before the file takes the place of an earlier one: Cancel may come after the last row."""
    if progress is not None and not progress(written):
        raise ExportCancelled("The timesheet export was cancelled; no file was written.")


def _discard_temporaries(workbook: Workbook) -> None:
    """Close and remove the sheets' temporary files (after a cancel or a failure they would stay until exit)."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None or not isinstance(writer.out, str):
            continue
        for stream in (getattr(sheet, "_rows", None), writer.xf):  # the rows first: they write into the sheet
            if stream is not None:
                try:
                    stream.close()
                except Exception:  # noqa: BLE001 - a stream broken by the failure being reported; it goes anyway
                    pass
        try:
            os.remove(writer.out)
        except FileNotFoundError:
            pass  # saved: openpyxl removed it
        except OSError:
            log.warning("a temporary sheet of the timesheet export could not be removed", exc_info=True)


def _build(workbook: Workbook, rows: Iterable[SheetRow], title: SheetTitle,
           progress: Callable[[int], bool] | None) -> int:
    """Fill the write-only `workbook`; returns the number of entries written."""
    workbook.calculation.fullCalcOnLoad = True  # Excel and LibreOffice compute the formulas when the file opens
    summary = workbook.create_sheet("Summary")
    detail = workbook.create_sheet("Detail")
    _set_up_page(detail, title, "Timesheet detail")
    detail.freeze_panes = "A2"
    for index, (_name, width) in enumerate(DETAIL_COLUMNS):
        detail.column_dimensions[chr(65 + index)].width = width
    bold = Font(name=FONT, bold=True)
    detail.append([_styled(detail, name, font=bold, fill=HEADER_FILL) for name, _width in DETAIL_COLUMNS])

    detail._values_to_row = _cells_of(detail)
    # One styled cell per formatted column, reused row after row: write-only mode writes each row as it
    # is appended, and one shared style is far faster than a new styled cell per value.
    day_cell = _styled(detail, None, number_format=DATE_FORMAT)
    hours_cell = _styled(detail, None, number_format=title.hours_format)
    rate_cell = _styled(detail, None, number_format=MONEY_FORMAT)
    amount_cell = _styled(detail, None, number_format=MONEY_FORMAT)
    keeper_cell, client_cell, matter_cell, billable_cell, status_cell, task_cell, activity_cell = (
        _styled(detail, None, quoted=True) for _ in range(7))
    text_cell = _styled(detail, None, alignment=Alignment(wrap_text=True, vertical="top"), quoted=True)
    matters: dict[str, tuple[str, str]] = {}
    keepers: dict[str, str] = {}
    days: set[date] = set()
    count = 0
    day_cell.value, hours_cell.value, rate_cell.value, amount_cell.value = date.min, 0.0, 0.0, 0.0
    for row in rows:
        # Dates and numbers need no checking, so they go straight into the cells (their types are set above);
        # text is made fit for the file (see _text) and stays text.
        day_cell._value = row.day
        hours_cell._value = row.billed_minutes / 60
        rate_cell._value = row.rate_cents / 100
        amount_cell._value = row.amount_cents / 100
        detail.append([day_cell, _text(keeper_cell, row.timekeeper), _text(client_cell, row.client),
                       _text(matter_cell, row.matter), hours_cell, rate_cell, amount_cell,
                       _text(billable_cell, row.billable), _text(status_cell, row.status),
                       _text(task_cell, row.task_code), _text(activity_cell, row.activity_code),
                       _text(text_cell, row.narrative)])
        matters.setdefault(row.matter, (row.client, row.matter_title))
        keepers.setdefault(row.timekeeper, row.timekeeper_name)
        days.add(row.day)
        count += 1
        if progress is not None and count % 500 == 0 and not progress(count):
            raise ExportCancelled("The timesheet export was cancelled; no file was written.")
    last = count + 1  # the Detail's last data row
    total_row = last + 2
    detail.append([])
    detail.append([_styled(detail, "Total (rows shown)", font=bold), None, None, None,
                   _styled(detail, f"=SUBTOTAL(9,{HOURS}2:{HOURS}{last})", font=bold,
                           number_format=title.hours_format), None,
                   _styled(detail, f"=SUBTOTAL(9,{AMOUNT}2:{AMOUNT}{last})", font=bold, number_format=MONEY_FORMAT)])
    detail.auto_filter.ref = f"A1:L{max(last, 2)}"
    detail.print_title_rows = "1:1"
    _write_summary(summary, title, matters, keepers, sorted(days), last, total_row)
    return count


def _cells_of(sheet: WriteOnlyWorksheet) -> Callable[[Iterable[object], int], Iterator[Cell]]:
    """openpyxl's row-to-cells step for a write-only sheet, taking a styled cell as it is.

    openpyxl first tries every value as a plain value and only takes a cell after that fails (building an error
    message each time), then makes a fresh cell after each styled one; here a styled cell is used directly and
    one plain cell serves the rest of the row. Every row is written out before the next is appended, so reusing
    cells is safe. Should openpyxl stop calling this hook, its own slower step writes the same cells.
    """
    def cells(values: Iterable[object], row_index: int) -> Iterator[Cell]:  # a generator, like openpyxl's own
        plain = WriteOnlyCell(sheet)
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                value.column, value.row = column, row_index
                yield value
                continue
            plain.value = value
            plain.column, plain.row = column, row_index
            yield plain

    return cells


def _text(cell: Cell, value: str) -> Cell | None:
    """`cell` holding `value` as a string that no spreadsheet evaluates, even one that starts with "="."""
    value = xml_text(value)  # openpyxl refuses (does not remove) a character a workbook cannot hold
    if not value:
        return None
    cell.value = value  # openpyxl cuts a text longer than a cell holds (32,767 characters)
    cell.data_type = "s"  # openpyxl makes any text that starts with "=" a formula; user text never is one
    return cell


def _literal(sheet: WriteOnlyWorksheet, value: str, *, font: Font | None = None) -> Cell | None:
    """A new quoted string cell (for the Summary's few user texts)."""
    return _text(_styled(sheet, None, quoted=True, font=font), value)


def _styled(sheet: WriteOnlyWorksheet, value: object, *, font: Font | None = None, fill: PatternFill | None = None,
            number_format: str | None = None, alignment: Alignment | None = None, quoted: bool = False) -> Cell:
    """A write-only cell with a style; `quoted` marks its text as text (Excel's and LibreOffice's leading
    apostrophe, kept when the cell is edited) so that it is never read as a formula or a number."""
    cell = _StyledCell(sheet, value=value)
    if quoted:
        cell.quotePrefix = True
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if number_format is not None:
        cell.number_format = number_format
    if alignment is not None:
        cell.alignment = alignment
    return cell


def _set_up_page(sheet: WriteOnlyWorksheet, title: SheetTitle, heading: str) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.gridLines = False
    period = f"{title.first:%m/%d/%Y} to {title.last:%m/%d/%Y}"
    header = " — ".join(part for part in (title.firm, heading, period, title.scope) if part)
    sheet.oddHeader.center.text = xml_text(header).replace("&", "&&")
    sheet.oddFooter.left.text = "Printed &D &T"
    sheet.oddFooter.right.text = "Page &P of &N"


def _write_summary(sheet: WriteOnlyWorksheet, title: SheetTitle, matters: dict[str, tuple[str, str]],
                   keepers: dict[str, str], days: list[date], last: int, detail_total_row: int) -> None:
    """Three blocks (by matter, by timekeeper, by day); each key's hours and amount are SUMIFS over the Detail."""
    _set_up_page(sheet, title, "Timesheet summary")
    for column, width in zip("ABCDE", (14, 30, 36, 10, 14)):
        sheet.column_dimensions[column].width = width
    bold = Font(name=FONT, bold=True)
    period = f"{title.first:%m/%d/%Y} to {title.last:%m/%d/%Y}"
    sheet.append([_literal(sheet, " — ".join(p for p in (title.firm or "Timesheet", period, title.scope) if p),
                           font=Font(name=FONT, bold=True, size=13))])
    sheet.append([("Hours are billed hours: each entry rounded up to its billing increment. Every total is a "
                   "formula over the Detail sheet.")])
    row = 2

    def block(heading: str, labels: tuple[str, str, str], keys: Sequence[tuple[str | date, str, str]],
              detail_col: str, key_format: str | None = None) -> None:
        nonlocal row
        sheet.append([])
        sheet.append([_styled(sheet, heading, font=Font(name=FONT, bold=True, size=12))])
        sheet.append([_styled(sheet, text, font=bold, fill=HEADER_FILL) for text in (*labels, "Hours", "Amount")])
        row += 3
        first = row + 1
        for key, second, third in keys:
            row += 1
            sheet.append([_styled(sheet, key, number_format=key_format) if key_format else _literal(sheet, str(key)),
                          _literal(sheet, second), _literal(sheet, third),
                          _sum(sheet, HOURS, detail_col, row, last, title.hours_format),
                          _sum(sheet, AMOUNT, detail_col, row, last, MONEY_FORMAT)])
        row += 1
        end = max(first, row - 1)
        sheet.append([_styled(sheet, "Total", font=bold), None, None,
                      _styled(sheet, f"=SUBTOTAL(9,D{first}:D{end})", font=bold, number_format=title.hours_format),
                      _styled(sheet, f"=SUBTOTAL(9,E{first}:E{end})", font=bold, number_format=MONEY_FORMAT)])

    by_client = sorted(matters.items(), key=lambda item: (item[1][0].casefold(), item[0]))
    block("By client and matter", ("Matter", "Client", "Title"),
          [(number, client, matter_title) for number, (client, matter_title) in by_client], MATTER_COL)
    block("By timekeeper", ("Timekeeper", "Name", ""), [(i, n, "") for i, n in sorted(keepers.items())], KEEPER_COL)
    block("By day", ("Date", "Weekday", ""), [(d, f"{d:%A}", "") for d in days], DATE_COL, DATE_FORMAT)
    sheet.append([])
    sheet.append([f"The Detail sheet's total row ({detail_total_row}) adds up the rows its filter shows."])


def _sum(sheet: WriteOnlyWorksheet, value_col: str, detail_col: str, row: int, last: int, number_format: str) -> Cell:
    """The Detail's `value_col` added up over the rows whose `detail_col` equals this row's key (column A).

    Dates use SUMIFS. Text keys use SUMPRODUCT's exact comparison: a SUMIFS criterion such as "2026-01" may be
    read as a date or a number, which would match the wrong rows.
    """
    end = max(last, 2)
    values, keys = f"Detail!${value_col}$2:${value_col}${end}", f"Detail!${detail_col}$2:${detail_col}${end}"
    if detail_col == DATE_COL:
        formula = f"=SUMIFS({values},{keys},A{row})"
    else:
        formula = f"=SUMPRODUCT(({keys}=A{row})*{values})"
    return _styled(sheet, formula, number_format=number_format)
