"""Paper rules for a report laid out in pages: a table row never straddles two pages, a heading never ends one.

Qt's text layout breaks a table row where the page ends, cell by cell: an event's title stays at the foot of one
page while its time goes to the top of the next. So the report is laid out, the first heading that would be parted
from what follows it (its paragraphs and its table's first row) or the first row that would straddle two pages is
found, a page is made to start there (reports.report_html.Breaks), and the report is laid out again, until nothing
is parted. A row (or heading group) taller than most of a page is left to break where it must.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAbstractTextDocumentLayout, QTextBlock, QTextCursor, QTextDocument, QTextTable

from legalsec_desktop.domain.report import Report
from legalsec_desktop.reports.report_html import NO_BREAKS, Breaks, table_pieces

MAX_PASSES = 300  # a safety stop: each pass starts one more page
TALL = 0.8  # share of a page: a row or heading group taller than this may break


def paginate(report: Report, lay_out: Callable[[Breaks], QTextDocument]) -> QTextDocument:
    """The report laid out by `lay_out` (a document with its page size set) with the page breaks it needs."""
    breaks = NO_BREAKS
    document = lay_out(breaks)
    for _ in range(MAX_PASSES):
        more = next_break(document, report, breaks)
        if more is None:
            break
        breaks = more
        document = lay_out(breaks)
    return document


def next_break(document: QTextDocument, report: Report, breaks: Breaks) -> Breaks | None:
    """`breaks` and the first page break the laid-out `document` still needs; None when it needs none."""
    page = document.pageSize().height()
    if page <= 0:
        return None
    layout = document.documentLayout()
    headings = _headings(document)[1:]  # after the title, one per section
    tables = [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]
    tables = tables[1:] if report.facts else tables
    for index, section in enumerate(report.sections):
        if index < len(headings) and not section.new_page and index not in breaks.headings:
            top = _extent(headings[index], layout)[0]
            if _straddles(top, _group_bottom(headings[index], layout), page):
                return breaks.with_heading(index)
        if section.table is None:
            continue
        for rows in table_pieces(section.table, {row for s, row in breaks.rows if s == index}):
            table = tables.pop(0) if tables else None
            if table is None:
                return None
            for table_row in range(table.format().headerRowCount() + 1, table.rows()):
                if _straddles(*_row_extent(table, table_row, layout), page):
                    return breaks.with_row(index, rows.start + table_row - table.format().headerRowCount())
    return None


def _headings(document: QTextDocument) -> list[QTextBlock]:
    found = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and _table_of(block) is None:
            found.append(block)
        block = block.next()
    return found


def _page(y: float, page: float) -> int:
    return int(y // page)


def _straddles(top: float, bottom: float, page: float) -> bool:
    return _page(top, page) != _page(bottom - 0.5, page) and bottom - top < page * TALL


def _table_of(block: QTextBlock) -> QTextTable | None:
    return QTextCursor(block).currentTable()


def _extent(block: QTextBlock, layout: QAbstractTextDocumentLayout) -> tuple[float, float]:
    """The top of the block's first line and the bottom of its last, in document coordinates.

    (Its bounding rectangle is not enough: a line moved to the next page keeps the rectangle's top and height.)
    """
    origin = layout.blockBoundingRect(block).top()
    lines = block.layout()
    if lines is None or lines.lineCount() == 0:
        return origin, origin
    last = lines.lineAt(lines.lineCount() - 1)
    return origin + lines.lineAt(0).y(), origin + last.y() + last.height()


def _row_extent(table: QTextTable, row: int, layout: QAbstractTextDocumentLayout) -> tuple[float, float]:
    """The top of the row's first lines and the bottom of its last, in document coordinates."""
    top, bottom = float("inf"), float("-inf")
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        top = min(top, _extent(cell.firstCursorPosition().block(), layout)[0])
        bottom = max(bottom, _extent(cell.lastCursorPosition().block(), layout)[1])
    return top, bottom


def _group_bottom(heading: QTextBlock, layout: QAbstractTextDocumentLayout) -> float:
    """Where what must stay with `heading` ends: its paragraphs, and the first row after its table's header."""
    bottom = _extent(heading, layout)[1]
    block = heading.next()
    while block.isValid():
        table = _table_of(block)
        if table is not None:
            row = min(table.format().headerRowCount(), table.rows() - 1)
            return max(bottom, _row_extent(table, row, layout)[1])
        if block.blockFormat().headingLevel() > 0:
            return bottom
        bottom = max(bottom, _extent(block, layout)[1])
        block = block.next()
    return bottom
