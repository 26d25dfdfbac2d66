"""The timesheet workbook: a Detail sheet (one row per entry) and a Summary whose totals are formulas saved with
their values.

Written with XlsxWriter in constant-memory mode, row by row as the entries stream in, so a year of time needs
little memory. XlsxWriter keeps each sheet in a temporary file until it saves; they all go into one folder of
their own (inside the program's private temporary folder, see temp_folder.py) that the export removes however
it ends.
Every total is a formula (SUBTOTAL over the Detail, SUMIFS/SUMPRODUCT on the Summary) saved with the value the
program computed, as Excel saves its own files: previews on phones and in mail, and readers that do not
recalculate (python-calamine), show the totals too.
Numbers are numbers (dates are date cells, hours and money are numeric with formats). Text from users (names,
clients, matters, narratives) is never a formula: it is written as a string cell with the "quoted" style
(quotePrefix), so "=HYPERLINK(...)" or "-- called client" shows as typed, also once edited. Characters a
workbook cannot hold are made fit first (xml_text.py): Word's line breaks become line breaks, other control
characters go.
Printing: row heights follow the wrapped narratives (LibreOffice would otherwise print them over the next row);
the Detail prints landscape with its header row on every page, one page wide when that stays readable.
"""

from __future__ import annotations

import math
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from xlsxwriter import Workbook
from xlsxwriter.exceptions import FileCreateError

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.files import write_atomically, zip_complete
from legalsec_desktop.formats.xml_text import xml_text

DATE_FORMAT = "mm/dd/yyyy"
MONEY_FORMAT = '"$"#,##0.00'
DETAIL_COLUMNS = (("Date", 10), ("Timekeeper", 11), ("Client", 22), ("Matter", 11), ("Hours", 7), ("Rate", 10),
                  ("Amount", 12), ("Billable", 12), ("Status", 7), ("Task", 6), ("Activity", 8), ("Narrative", 50))
HOURS, AMOUNT = "E", "G"  # the Detail columns the Summary adds up (matter titles are on the Summary)
DATE_COL, KEEPER_COL, MATTER_COL = "A", "B", "D"
NARRATIVE = len(DETAIL_COLUMNS) - 1  # its column's index
HEADER_FILL = "#E8EDF3"
FONT, FONT_SIZE = "Calibri", 11
LINE_HEIGHT = 15.0  # points: one line of 11 pt Calibri, Excel's default row height
MAX_ROW_HEIGHT = 409.0  # Excel's limit
MIN_PRINT_SCALE = 75  # percent: 11 pt prints at about 8 pt; smaller is not what an attorney sends
PAGE_INCHES = {"landscape": 11 - 2 * 0.4, "portrait": 8.5 - 2 * 0.4}  # US Letter less the margins
EXCEL_EPOCH = date(1899, 12, 30)


class ExportCancelled(UserFixableError):
    """The user cancelled a long export; nothing was written."""


class SheetRow(NamedTuple):
    """One time entry as the timesheet shows it; `amount_cents` is 0 for non-billable and no-charge time.

    A named tuple, made in C: a year of a large firm's time is 25,000 of them (a frozen dataclass took 0.1 s)."""

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
    scope: str = ""  # "Timekeeper MAH", "Matter 2026-0001", "Billable entries only" (joined by " — ") or ""
    hours_format: str = "0.0"  # '0.00' when some client bills in increments that are not tenths of an hour
    made_at: datetime | None = None  # for the file's properties (local time), instead of the library's own clock


@dataclass
class _Totals:
    """Minutes and cents added up per key, as the workbook's formulas add them up."""

    minutes: dict[Any, int]
    cents: dict[Any, int]

    @classmethod
    def empty(cls) -> _Totals:
        return cls(defaultdict(int), defaultdict(int))

    def add(self, key: object, minutes: int, cents: int) -> None:
        self.minutes[key] += minutes
        self.cents[key] += cents


def write_timesheet(rows: Iterable[SheetRow], title: SheetTitle, path: Path,
                    progress: Callable[[int], bool] | None = None) -> tuple[Path, int]:
    """Save the workbook at `path` (atomically); returns the path and the number of entries written.

    `progress(rows written)` is called every 500 rows; returning False cancels (nothing is written).
    """
    written = 0
    folder = tempfile.mkdtemp(prefix="timesheet-")  # the sheets' temporary files, all removed below
    workbooks: list[Workbook] = []

    def write(temporary: Path) -> None:
        nonlocal written
        workbook = Workbook(str(temporary), {"constant_memory": True, "tmpdir": folder})
        workbooks.append(workbook)
        # File ▸ Properties: the firm and the time the program was told, not the library's clock.
        firm = xml_text(title.firm)
        workbook.set_properties({"author": firm, "manager": "", "company": firm,
                                 **({"created": title.made_at} if title.made_at is not None else {})})
        written = _build(workbook, rows, title, progress)
        _still_wanted(progress, written)
        try:
            workbook.close()  # seconds for years of entries: a Cancel meanwhile still counts
        except FileCreateError as exc:  # XlsxWriter's wrapper of the OSError (a full disk is the user's to fix)
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause from exc
            raise
        _still_wanted(progress, written)

    try:
        return write_atomically(Path(path), write, check=zip_complete), written
    finally:
        for workbook in workbooks:
            _close_sheets(workbook)
        shutil.rmtree(folder, ignore_errors=True)


def _still_wanted(progress: Callable[[int], bool] | None, written: int) -> None:
    """Ask once more before the file takes the place of an earlier one: Cancel may come after the last row."""
    if progress is not None and not progress(written):
        raise ExportCancelled("The timesheet export was cancelled; no file was written.")


def _close_sheets(workbook: Workbook) -> None:
    """Close the sheets' temporary files (after a cancel or a failure they are still open)."""
    for sheet in workbook.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None and not handle.closed:
            try:
                handle.close()
            except OSError:  # a file broken by the failure being reported; its folder goes anyway
                pass


def _build(workbook: Workbook, rows: Iterable[SheetRow], title: SheetTitle,
           progress: Callable[[int], bool] | None) -> int:
    """Fill `workbook`; returns the number of entries written."""
    summary = workbook.add_worksheet("Summary")
    detail = workbook.add_worksheet("Detail")
    for sheet in (summary, detail):
        # The totals are SUBTOTAL, SUMIFS and SUMPRODUCT over cell ranges, none a function Excel names with a
        # prefix: XlsxWriter's preparation of a formula (some thirty searches for newer functions' names, 0.15 ms
        # each) is left out; a month of a large firm has over 2,000 of them, a third of the export's time.
        sheet._prepare_formula = _plain_formula
    formats = _Formats(workbook, title.hours_format)
    widths = [width for _name, width in DETAIL_COLUMNS]
    _set_up_page(detail, title, "Timesheet detail", widths, "landscape")
    detail.repeat_rows(0)
    detail.freeze_panes(1, 0)
    for index, width in enumerate(widths):
        detail.set_column(index, index, width)
    for index, (name, _width) in enumerate(DETAIL_COLUMNS):
        detail.write_string(0, index, name, formats.number_header if index in (4, 5, 6) else
                            formats.indented_header if index == 7 else formats.header)
    matters: dict[str, tuple[str, str]] = {}
    keepers: dict[str, str] = {}
    # minutes and cents per (matter, timekeeper, day): one dictionary look-up a row; the Summary's three totals
    # are added up from it after the last row (a few thousand keys, not one update per total per row)
    totals: dict[tuple[str, str, date], list[int]] = {}
    count = 0
    # XlsxWriter's own methods behind write_string and write_number: their public wrappers first check whether
    # the cell was named "A1" style, which costs several per cent of the export for 300,000 cells named by number
    text = getattr(detail, "_write_string", detail.write_string)
    number = getattr(detail, "_write_number", detail.write_number)
    quoted, indented, wrapped = formats.quoted, formats.indented, formats.wrapped
    day_format, hours_format, money = formats.day, formats.hours, formats.money
    narrative_chars = widths[NARRATIVE]
    for row in rows:
        count += 1
        line = count
        narrative = xml_text(row.narrative)
        if len(narrative) > narrative_chars or "\n" in narrative:  # most narratives fit on one line
            lines = text_lines(narrative, narrative_chars)
            if lines > 1:
                detail.set_row(line, min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT))
        number(line, 0, (row.day - EXCEL_EPOCH).days, day_format)
        for column, value in ((1, row.timekeeper), (2, row.client), (3, row.matter), (8, row.status),
                              (9, row.task_code), (10, row.activity_code)):
            value = xml_text(value)
            if value:
                text(line, column, value, quoted)
        value = xml_text(row.billable)
        if value:
            text(line, 7, value, indented)  # apart from the amount before it
        number(line, 4, row.billed_minutes / 60, hours_format)
        number(line, 5, row.rate_cents / 100, money)
        number(line, 6, row.amount_cents / 100, money)
        if narrative:
            text(line, NARRATIVE, narrative, wrapped)
        key = (row.matter, row.timekeeper, row.day)
        so_far = totals.get(key)
        if so_far is None:
            totals[key] = [row.billed_minutes, row.amount_cents]
            matters.setdefault(row.matter, (row.client, row.matter_title))
            keepers.setdefault(row.timekeeper, row.timekeeper_name)
        else:
            so_far[0] += row.billed_minutes
            so_far[1] += row.amount_cents
        if progress is not None and count % 500 == 0 and not progress(count):
            raise ExportCancelled("The timesheet export was cancelled; no file was written.")
    by_matter, by_keeper, by_day = _Totals.empty(), _Totals.empty(), _Totals.empty()
    for (matter, keeper, day), (added_minutes, added_cents) in totals.items():
        by_matter.add(matter, added_minutes, added_cents)
        by_keeper.add(keeper, added_minutes, added_cents)
        by_day.add(day, added_minutes, added_cents)
    minutes, cents = sum(by_day.minutes.values()), sum(by_day.cents.values())
    last = count + 1  # the Detail's last data row (as Excel numbers rows)
    total = last + 1  # zero-based: one empty row, then the total
    detail.write_string(total, 0, "Total (rows shown)", formats.bold)
    detail.write_formula(total, 4, f"=SUBTOTAL(9,{HOURS}2:{HOURS}{last})", formats.bold_hours, minutes / 60)
    detail.write_formula(total, 6, f"=SUBTOTAL(9,{AMOUNT}2:{AMOUNT}{last})", formats.bold_money, cents / 100)
    detail.autofilter(f"A1:L{max(last, 2)}")
    _write_summary(summary, formats, title, last, [
        ("By client and matter", ("Matter", "Client", "Title"), MATTER_COL, by_matter,
         [(number_, client, matter_title) for number_, (client, matter_title)
          in sorted(matters.items(), key=lambda item: (item[1][0].casefold(), item[0]))]),
        ("By timekeeper", ("Timekeeper", "Name", ""), KEEPER_COL, by_keeper,
         [(initials, name, "") for initials, name in sorted(keepers.items())]),
        ("By day", ("Date", "Weekday", ""), DATE_COL, by_day,
         [(day, f"{day:%A}", "") for day in sorted(by_day.minutes)]),
    ])
    return count


def _plain_formula(formula: str, expand_future_functions: bool = False) -> str:
    """What XlsxWriter stores of one of this workbook's formulas: the text after its "="."""
    return formula.removeprefix("=")


class _Formats:
    """The workbook's cell formats, made once."""

    def __init__(self, workbook: Workbook, hours_format: str) -> None:
        def new(**properties: object) -> Any:
            return workbook.add_format({"font_name": FONT, "font_size": FONT_SIZE, "valign": "top", **properties})

        self.header = new(bold=True, bg_color=HEADER_FILL)
        self.number_header = new(bold=True, bg_color=HEADER_FILL, align="right")
        self.indented = new(quote_prefix=True, align="left", indent=1)
        self.indented_header = new(bold=True, bg_color=HEADER_FILL, align="left", indent=1)
        self.bold = new(bold=True)
        self.title = new(bold=True, font_size=13, quote_prefix=True)  # it starts with the firm's name
        self.heading = new(bold=True, font_size=12)
        self.quoted = new(quote_prefix=True)
        self.wrapped = new(quote_prefix=True, text_wrap=True)
        self.day = new(num_format=DATE_FORMAT, align="left")
        self.hours = new(num_format=hours_format)
        self.money = new(num_format=MONEY_FORMAT)
        self.bold_hours = new(num_format=hours_format, bold=True)
        self.bold_money = new(num_format=MONEY_FORMAT, bold=True)


def text_lines(text: str, chars: int) -> int:
    """About how many lines `text` takes wrapped in a column `chars` characters wide.

    A column's width counts digits; text averages narrower letters, which makes up for the words not split.
    """
    if not text:
        return 1
    per_line = max(1, chars)
    return sum(max(1, math.ceil(len(paragraph) / per_line)) for paragraph in text.split("\n"))


def print_scale(widths: Sequence[float], orientation: str) -> int:
    """The percentage at which columns of these widths fit one page wide (100 when they fit as they are)."""
    pixels = sum(width * 7 + 5 for width in widths)  # Excel's column width in pixels at 96 dpi
    return min(100, math.floor(PAGE_INCHES[orientation] * 96 / pixels * 100))


def _set_up_page(sheet: Any, title: SheetTitle, heading: str, widths: Sequence[float], orientation: str) -> None:
    """Letter paper with half-inch margins; one page wide when that keeps the text readable, otherwise at the
    smallest readable scale with the header row repeated on every page."""
    if orientation == "landscape":
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_paper(1)
    sheet.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.75)
    scale = print_scale(widths, orientation)
    if scale >= MIN_PRINT_SCALE:
        sheet.fit_to_pages(1, 0)  # as many pages tall as it takes
    else:
        sheet.set_print_scale(MIN_PRINT_SCALE)
    period = f"{title.first:%m/%d/%Y} to {title.last:%m/%d/%Y}"
    header = " — ".join(part for part in (title.firm, heading, period, title.scope) if part)
    sheet.set_header("&C" + xml_text(header).replace("&", "&&"))
    sheet.set_footer("&LPrinted &D &T&RPage &P of &N")


Block = tuple[str, tuple[str, str, str], str, _Totals, list[tuple[Any, str, str]]]


def _write_summary(sheet: Any, formats: _Formats, title: SheetTitle, last: int, blocks: list[Block]) -> None:
    """Three blocks (by matter, by timekeeper, by day); each key's hours and amount are formulas over the Detail,
    saved with their values."""
    widths = (14, 30, 36, 10, 14)
    _set_up_page(sheet, title, "Timesheet summary", widths, "portrait")
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    period = f"{title.first:%m/%d/%Y} to {title.last:%m/%d/%Y}"
    sheet.write_string(0, 0, xml_text(" — ".join(p for p in (title.firm or "Timesheet", period, title.scope) if p)),
                       formats.title)
    sheet.write_string(1, 0, "Hours are billed hours: each entry rounded up to its billing increment.")
    row = 1  # zero-based, the last row written
    for heading, labels, detail_col, totals, keys in blocks:
        row += 2
        sheet.write_string(row, 0, heading, formats.heading)
        row += 1
        for column, label in enumerate((*labels, "Hours", "Amount")):
            sheet.write_string(row, column, label, formats.number_header if column > 2 else formats.header)
        first = row + 2  # as Excel numbers rows
        for key, second, third in keys:
            row += 1
            if isinstance(key, date):
                sheet.write_number(row, 0, (key - EXCEL_EPOCH).days, formats.day)
            else:
                _quoted(sheet, row, 0, key, formats)
            _quoted(sheet, row, 1, second, formats)
            _quoted(sheet, row, 2, third, formats)
            hours, amount = _sums(detail_col, row + 1, last)
            sheet.write_formula(row, 3, hours, formats.hours, totals.minutes[key] / 60)
            sheet.write_formula(row, 4, amount, formats.money, totals.cents[key] / 100)
        row += 1
        end = max(first, row)
        sheet.write_string(row, 0, "Total", formats.bold)
        sheet.write_formula(row, 3, f"=SUBTOTAL(9,D{first}:D{end})", formats.bold_hours,
                            sum(totals.minutes.values()) / 60)
        sheet.write_formula(row, 4, f"=SUBTOTAL(9,E{first}:E{end})", formats.bold_money,
                            sum(totals.cents.values()) / 100)


def _quoted(sheet: Any, row: int, column: int, value: str, formats: _Formats) -> None:
    value = xml_text(value)
    if value:
        sheet.write_string(row, column, value, formats.quoted)


def _sums(detail_col: str, row: int, last: int) -> tuple[str, str]:
    """The Detail's hours and amounts added up over the rows whose `detail_col` equals this row's key (column A).

    Dates use SUMIFS. Text keys use SUMPRODUCT's exact comparison: a SUMIFS criterion such as "2026-01" may be
    read as a date or a number, which would match the wrong rows.
    """
    end = max(last, 2)
    keys = f"Detail!${detail_col}$2:${detail_col}${end}"
    formulas = []
    for value_col in (HOURS, AMOUNT):
        values = f"Detail!${value_col}$2:${value_col}${end}"
        formulas.append(f"=SUMIFS({values},{keys},A{row})" if detail_col == DATE_COL
                        else f"=SUMPRODUCT(({keys}=A{row})*{values})")
    return formulas[0], formulas[1]
