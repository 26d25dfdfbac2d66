"""A Report laid out on pages block by block and row by row: each row is measured once, kept whole on one page.

The whole report is never one rich-text document: the title, each paragraph and each table row is laid out on its
own (QTextLayout), placed on the current page if it fits, else on a new page (a table goes on under its header row
again). A heading keeps its paragraphs and its table's first row on its page; a row taller than most of a page
breaks between lines. The work grows with the rows, one measure per cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPaintDevice, QPainter, QPen, QTextLayout, QTextOption

from legalsec_desktop.domain.report import Report, Section, Table, column_percents

TALL = 0.8  # share of a page: a row or heading group taller than this may break
GRID = QColor("#999999")
HEAD_FILL = QColor("#e8edf3")
GROUP_FILL = QColor("#f3f3f3")
INK = QColor("#000000")
RED = QColor("#b00020")  # unverified deadlines and other marked rows


@dataclass
class Cell:
    """Text laid out in a box of the row: `x` and `width` are the box's; lines start `pad` inside it."""

    x: float
    width: float
    text: QTextLayout | None  # None for an empty cell
    height: float


@dataclass
class Row:
    """One table row (or a run of text when `grid` is False), measured once; drawn at any y, whole or a slice."""

    cells: list[Cell]
    height: float
    pad: float
    fill: QColor | None = None
    ink: QColor = field(default_factory=lambda: QColor(INK))
    grid: bool = True

    def cut(self, limit: float) -> float:
        """The highest y (≤ limit) in the row where no line of any cell is cut; 0 if the first line does not fit."""
        cut = limit
        for cell in self.cells:
            if cell.text is None:
                continue
            for number in range(cell.text.lineCount()):
                line = cell.text.lineAt(number)
                top = self.pad + line.y()
                if top < cut < top + line.height():
                    cut = top
        return max(cut, 0.0)


@dataclass
class Placed:
    """A row (or its slice from `start` to `end`) at `y` on a page."""

    row: Row
    y: float
    start: float
    end: float


class Measure:
    """Fonts and lengths at the paint device's resolution; lays text out (the one place text is measured)."""

    def __init__(self, device: QPaintDevice, landscape: bool, width: float) -> None:
        self.device = device
        self.px = device.logicalDpiY() / 96  # a CSS pixel, as the rich-text layout had it
        self.width = width
        self.font = QFont()
        self.font.setFamilies(["sans-serif"])
        self.font.setStyleHint(QFont.StyleHint.SansSerif)
        self.font.setPointSizeF(8 if landscape else 7)  # a portrait page is narrower: smaller type
        self.heading_size = QFont().pointSizeF()  # headings scale the program's type, as rich text did
        self.option = QTextOption()
        self.option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long path or URL wraps
        self.laid_out = 0  # texts laid out so far (a test counts them)
        self.known: dict[tuple[str, int, float], tuple[QTextLayout, float]] = {}  # a value met before is reused
        self.fonts: dict[tuple[float, bool, bool], QFont] = {(0.0, False, False): self.font}

    def styled(self, heading: float = 0.0, bold: bool = False, italic: bool = False) -> QFont:
        """The body type, bold or italic; a heading's is `heading` times the program's own size (made once)."""
        font = self.fonts.get((heading, bold, italic))
        if font is None:
            font = QFont(self.font)
            if heading:
                font.setPointSizeF(self.heading_size * heading)
            font.setBold(bold)
            font.setItalic(italic)
            self.fonts[heading, bold, italic] = font
        return font

    def text(self, value: str, font: QFont, width: float) -> tuple[QTextLayout, float]:
        """`value` (its line breaks kept) wrapped to `width`; the layout and its height.

        The same value in the same type and width (a status, a court, "All day") is laid out once and drawn again.
        """
        key = (value, id(font), width)  # the fonts are Measure's own, kept while it lives
        known = self.known.get(key)
        if known is not None:
            return known
        self.laid_out += 1
        layout = QTextLayout(value.replace("\n", "\u2028"), font, self.device)
        layout.setTextOption(self.option)
        layout.setCacheEnabled(True)
        layout.beginLayout()
        height = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1.0))
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        self.known[key] = (layout, height)
        return layout, height

    def block(self, value: str, font: QFont, ink: QColor = INK) -> Row:
        """A paragraph or heading across the page, without a grid."""
        layout, height = self.text(value, font, self.width)
        return Row([Cell(0, self.width, layout, height)], height, 0.0, ink=QColor(ink), grid=False)

    def row(self, values: Sequence[str], edges: Sequence[float], font: QFont, pad: float, grid: bool = True,
            fill: QColor | None = None, ink: QColor = INK) -> Row:
        """A table row: value n in the box from edges[n] to edges[n + 1], `pad` inside it."""
        cells = []
        for value, left, right in zip(values, edges, edges[1:]):
            if not value:
                cells.append(Cell(left, right - left, None, 0.0))
                continue
            layout, height = self.text(value, font, right - left - 2 * (pad + self.px))  # inside the border
            cells.append(Cell(left, right - left, layout, height))
        height = max((cell.height for cell in cells), default=0.0) + 2 * pad
        return Row(cells, height, pad, fill=fill, ink=QColor(ink), grid=grid)


class Pager:
    """Rows placed on pages of `height`: on the current page when they fit, else on a new one."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.pages: list[list[Placed]] = [[]]
        self.y = 0.0
        self.margin = 0.0  # the bottom margin of what was placed last (margins collapse: the larger one counts)

    @property
    def room(self) -> float:
        return self.height - self.y

    def new_page(self) -> None:
        if self.pages[-1]:
            self.pages.append([])
        self.y, self.margin = 0.0, 0.0

    def wants_new_page(self, height: float) -> bool:
        """Whether a block of `height` goes to a new page: it does not fit here, and it is not one taller than most
        of a page that can start on this page (one with a good part of the page still free)."""
        return self.y > 0 and height > self.room and (height <= self.height * TALL or self.room < self.height / 4)

    def gap(self, top: float) -> float:
        """The space before a block whose top margin is `top` (none at a page's top)."""
        return 0.0 if self.y == 0 else max(self.margin, top)

    def place(self, row: Row, top: float = 0.0, bottom: float = 0.0) -> None:
        """Place `row` (after its margin) here, or at the top of a new page; a row taller than a page is cut."""
        gap = self.gap(top)
        if self.wants_new_page(gap + row.height):
            self.new_page()
            gap = 0.0
        self.y += gap
        start = 0.0
        while True:
            end = row.height if row.height - start <= self.room else row.cut(start + self.room)
            if end <= start:  # not one line fits here: a new page (a line taller than a page is drawn clipped)
                if self.y == 0:
                    end = start + self.room
                else:
                    self.new_page()
                    continue
            self.pages[-1].append(Placed(row, self.y, start, end))
            self.y += end - start
            if end >= row.height:
                break
            start = end
            self.new_page()
        self.margin = bottom


class Sheet:
    """The report laid out: its pages, each a list of placed rows."""

    def __init__(self, report: Report, device: QPaintDevice, width: float, height: float) -> None:
        self.measure = Measure(device, report.landscape, width)
        self.pager = Pager(height)
        self.report = report
        self._lay_out()

    @property
    def pages(self) -> list[list[Placed]]:
        return self.pager.pages

    def _lay_out(self) -> None:
        m, px, pager = self.measure, self.measure.px, self.pager
        pager.place(m.block(self.report.title, m.styled(1.5, bold=True)), bottom=12 * px)
        for line in self.report.header_lines:
            pager.place(m.block(line, m.font))
        if self.report.facts:
            self._facts()
        for section in self.report.sections:
            self._section(section)

    def _facts(self) -> None:
        """Label/value pairs under the header, the labels bold in a column as wide as the widest."""
        m, px = self.measure, self.measure.px
        pad = 2 * px
        keys = [m.text(key + "\u00a0\u00a0", m.styled(bold=True), m.width) for key, _ in self.report.facts]
        left = max(layout.maximumWidth() for layout, _ in keys) + 2 * pad
        for number, ((key, key_height), (_, value)) in enumerate(zip(keys, self.report.facts)):
            text, height = m.text(value, m.font, m.width - left - 2 * pad)
            cells = [Cell(0, left, key, key_height), Cell(left, m.width - left, text, height)]
            row = Row(cells, max(key_height, height) + 2 * pad, pad, grid=False)
            self.pager.place(row, top=8 * px if number == 0 else 0.0)

    def _section(self, section: Section) -> None:
        m, px, pager = self.measure, self.measure.px, self.pager
        if section.new_page:
            pager.new_page()
        heading = m.block(section.heading, m.styled(1.5 if section.level == 1 else 1.2, bold=True))
        group: list[tuple[Row, float, float]] = [(heading, (16 if section.level == 1 else 14) * px, 12 * px)]
        group += [(m.block(text, m.font), 12 * px, 12 * px) for text in section.paragraphs]
        table = section.table
        rows: list[Row] = []
        head: Row | None = None
        if table is not None and table.rows:
            edges = self._edges(table)
            head = m.row(table.columns, edges, m.styled(bold=True), 3 * px, fill=HEAD_FILL)
            rows = [self._table_row(table, 0, edges)]
            group[-1] = (group[-1][0], group[-1][1], 2 * px)  # a table follows close under what is above it
            group += [(head, 0.0, 0.0), (rows[0], 0.0, 0.0)]
        elif table is not None and table.empty_text:
            group.append((m.block(table.empty_text, m.styled(italic=True)), 12 * px, 12 * px))
        needed = pager.gap(group[0][1]) + sum(row.height for row, _, _ in group) + sum(
            max(bottom, top) for (_, _, bottom), (_, top, _) in zip(group, group[1:]))
        if pager.y and needed > pager.room and needed <= pager.height * TALL:
            pager.new_page()  # a heading never ends a page: it goes with what follows it
        for row, top, bottom in group:
            pager.place(row, top, bottom)
        if table is None or head is None:
            return
        edges = self._edges(table)
        for index in range(1, len(table.rows)):
            row = self._table_row(table, index, edges)
            if pager.wants_new_page(row.height):
                pager.new_page()
                pager.place(head)  # the table goes on under its header
            pager.place(row)
        pager.margin = 8 * px

    def _edges(self, table: Table) -> list[float]:
        percents = column_percents(table.widths or (1,) * len(table.columns))
        edges, running = [0.0], 0
        for percent in percents:
            running += percent
            edges.append(self.measure.width * running / 100)
        return edges

    def _table_row(self, table: Table, index: int, edges: list[float]) -> Row:
        m, px = self.measure, self.measure.px
        values = table.rows[index]
        if index in table.groups:
            return m.row(values[:1], (edges[0], edges[-1]), m.styled(bold=True), 3 * px, fill=GROUP_FILL)
        return m.row(values, edges, m.font, 3 * px, ink=RED if index in table.marked else INK)


def draw_page(painter: QPainter, page: list[Placed], px: float) -> None:
    """Draw one page's rows; the painter's origin is the body's top left corner.

    The fills go first, then the text, then the whole grid in one stroke: a PDF engine that switches between text
    and lines at every cell takes several times as long.
    """
    lines: list[QLineF] = []
    for placed in page:
        row, top = placed.row, placed.y
        bottom = top + placed.end - placed.start
        for cell in row.cells:
            if row.fill is not None:
                painter.fillRect(QRectF(cell.x, top, cell.width, bottom - top), row.fill)
            if row.grid:
                lines.append(QLineF(cell.x, top, cell.x, bottom))
        if row.grid:
            right = row.cells[-1].x + row.cells[-1].width
            lines += [QLineF(0, top, right, top), QLineF(0, bottom, right, bottom), QLineF(right, top, right, bottom)]
    for placed in page:
        row, top = placed.row, placed.y
        painter.setPen(row.ink)
        inside = row.pad + (px if row.grid else 0.0)
        sliced = placed.start > 0 or placed.end < row.height  # a row taller than a page: the lines of this slice
        for cell in row.cells:
            if cell.text is None:
                continue
            at = QPointF(cell.x + inside, top - placed.start + inside)
            if not sliced:
                cell.text.draw(painter, at)
                continue
            for number in range(cell.text.lineCount()):
                line = cell.text.lineAt(number)
                if placed.start <= row.pad + line.y() < placed.end:
                    line.draw(painter, at)
    grid = QPen(GRID)
    grid.setWidthF(px)
    painter.setPen(grid)
    painter.drawLines(lines)
