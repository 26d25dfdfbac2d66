"""The destruction review list as an Excel workbook: one row per file due, dates as date cells, text never a formula.

Written like the timesheet (formats/timesheet_xlsx.py): XlsxWriter in constant-memory mode with its temporary
files in a folder of their own, every text cell in the "quoted" style, the whole file saved atomically.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.exceptions import FileCreateError

from legalsec_desktop.domain.destruction import ReviewLine
from legalsec_desktop.domain.file_room import MEDIA
from legalsec_desktop.formats.files import write_atomically, zip_complete
from legalsec_desktop.formats.timesheet_xlsx import DATE_FORMAT, EXCEL_EPOCH, FONT, FONT_SIZE, HEADER_FILL
from legalsec_desktop.formats.xml_text import xml_text

COLUMNS = (("File", 10), ("Matter", 11), ("Closed no.", 11), ("Client", 24), ("Caption", 30), ("Label", 24),
           ("Medium", 8), ("Where", 30), ("Closed", 11), ("Retention", 16), ("How the date was reached", 50),
           ("Destroy after", 12), ("May be destroyed", 9), ("On legal hold", 24), ("Why not", 40))
DATE_COLUMNS = (8, 11)
HEADER_ROW = 2  # zero-based: a title line, a blank line, then the header


def write_review_xlsx(lines: Sequence[ReviewLine], firm_name: str, as_of: date, path: Path,
                      made_at: datetime | None = None) -> Path:
    """Save the review list at `path` (whole or not at all)."""
    folder = tempfile.mkdtemp(prefix="review-")

    def write(temporary: Path) -> None:
        workbook = Workbook(str(temporary), {"constant_memory": True, "tmpdir": folder})
        firm = xml_text(firm_name)
        workbook.set_properties({"title": "Destruction review", "author": firm, "company": firm,
                                 **({"created": made_at} if made_at is not None else {})})
        _fill(workbook, lines, firm_name, as_of)
        try:
            workbook.close()
        except FileCreateError as exc:  # XlsxWriter's wrapper of the OSError (a full disk is the user's to fix)
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause from exc
            raise

    try:
        return write_atomically(Path(path), write, check=zip_complete)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _fill(workbook: Workbook, lines: Sequence[ReviewLine], firm_name: str, as_of: date) -> None:
    sheet = workbook.add_worksheet("Review")

    def new(**properties: object) -> Any:
        return workbook.add_format({"font_name": FONT, "font_size": FONT_SIZE, "valign": "top", **properties})

    title, header, quoted = new(bold=True, font_size=13, quote_prefix=True), new(bold=True, bg_color=HEADER_FILL), \
        new(quote_prefix=True)
    wrapped, day = new(quote_prefix=True, text_wrap=True), new(num_format=DATE_FORMAT, align="left")
    sheet.set_landscape()
    sheet.set_paper(1)
    sheet.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.75)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEADER_ROW)
    heading = " — ".join(part for part in (firm_name, "Destruction review", f"due by {as_of:%m/%d/%Y}") if part)
    sheet.set_header("&C" + xml_text(heading).replace("&", "&&"))
    sheet.set_footer("&LPrinted &D &T&RPage &P of &N")
    for index, (_name, width) in enumerate(COLUMNS):
        sheet.set_column(index, index, width)
    sheet.write_string(0, 0, xml_text(heading), title)
    for index, (name, _width) in enumerate(COLUMNS):
        sheet.write_string(HEADER_ROW, index, name, header)
    sheet.freeze_panes(HEADER_ROW + 1, 1)
    row = HEADER_ROW
    for line in lines:
        row += 1
        texts = (line.barcode, line.matter_number, line.closed_number, line.client, line.caption, line.label,
                 MEDIA.get(line.medium, line.medium), line.where, None, line.retention, line.retention_note, None,
                 "Yes" if line.may_destroy else "No", line.hold_reason, line.refusal)
        for column, value in enumerate(texts):
            if value:
                sheet.write_string(row, column, xml_text(value), wrapped if column in (10, 14) else quoted)
        for column, when in zip(DATE_COLUMNS, (line.closed_on, line.destroy_after)):
            if when is not None:
                sheet.write_number(row, column, (when - EXCEL_EPOCH).days, day)
    sheet.autofilter(HEADER_ROW, 0, max(row, HEADER_ROW + 1), len(COLUMNS) - 1)
