"""A Report as HTML, for the print preview, the printer and PDF: the markup is built here, without Qt."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from legalsec_desktop.domain.report import Report, Table

MARK = "#b00020"  # unverified deadlines and other marked rows
NEW_PAGE = " style='page-break-before: always'"


@dataclass(frozen=True)
class Breaks:
    """Where pages must start beyond what the report asks: before a section's heading (by section index), or at
    a row of a section's table ((section index, row index): the table goes on under its header on a new page)."""

    headings: frozenset[int] = frozenset()
    rows: frozenset[tuple[int, int]] = frozenset()

    def with_heading(self, section: int) -> Breaks:
        return Breaks(self.headings | {section}, self.rows)

    def with_row(self, section: int, row: int) -> Breaks:
        return Breaks(self.headings, self.rows | {(section, row)})


NO_BREAKS = Breaks()


def report_html(report: Report, breaks: Breaks = NO_BREAKS) -> str:
    """The whole report as one HTML page; every value from the database is escaped, line breaks kept.

    The title is the first heading, then each section's heading in order; the facts table (if any) is the first
    table, then each section's table in pieces (table_pieces), in order: the paper layout finds them so.
    """
    parts = [f"<h2>{escape(report.title)}</h2>"]
    parts += [f"<p style='margin:0'>{escape(line)}</p>" for line in report.header_lines]
    if report.facts:
        parts.append("<table cellspacing='0' cellpadding='2' style='margin-top:8px'>")
        parts += [f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(v)}</td></tr>" for k, v in report.facts]
        parts.append("</table>")
    for index, section in enumerate(report.sections):
        tag = "h2" if section.level == 1 else "h3"
        new_page = section.new_page or index in breaks.headings
        parts.append(f"<{tag}{NEW_PAGE if new_page else ''}>{escape(section.heading)}</{tag}>")
        parts += [f"<p>{text_html(text)}</p>" for text in section.paragraphs]
        if section.table is not None:
            parts.append(table_html(section.table, {row for s, row in breaks.rows if s == index}))
    size = 8 if report.landscape else 7  # a portrait page is narrower: smaller type keeps words whole
    return f"<html><body style='font-family: sans-serif; font-size: {size}pt'>" + "".join(parts) + "</body></html>"


def table_pieces(table: Table, break_rows: set[int] | frozenset[int] = frozenset()) -> list[range]:
    """The rows of each piece of `table` when a new page starts at each of `break_rows` (none without rows)."""
    starts = sorted({0} | {row for row in break_rows if 0 < row < len(table.rows)})
    return [range(a, b) for a, b in zip(starts, starts[1:] + [len(table.rows)])] if table.rows else []


def text_html(value: str) -> str:
    """Plain text as HTML: escaped, its line breaks kept."""
    return escape(value).replace("\n", "<br>")


def column_percents(weights: tuple[int, ...]) -> list[int]:
    """Whole percentages in proportion to `weights` that add up to exactly 100, so a table fills the width."""
    total, running, percents = sum(weights), 0, []
    for weight in weights:
        percents.append(round((running + weight) * 100 / total) - round(running * 100 / total))
        running += weight
    return percents


def table_html(table: Table, break_rows: set[int] | frozenset[int] = frozenset()) -> str:
    """A table with its header row; group rows span every column, marked rows are red; no rows: the empty text.

    At each of `break_rows` the table stops and goes on, under its header again, at the top of a new page.
    """
    if not table.rows:
        return f"<p><i>{escape(table.empty_text)}</i></p>" if table.empty_text else ""
    percents = column_percents(table.widths or (1,) * len(table.columns))
    head = "".join(f"<th align='left' width='{p}%' bgcolor='#e8edf3'>{escape(c)}</th>"
                   for c, p in zip(table.columns, percents))
    pieces = []
    for number, rows in enumerate(table_pieces(table, break_rows)):
        cells = []
        for index in rows:
            values = table.rows[index]
            if index in table.groups:
                cells.append(f"<tr><td colspan='{len(table.columns)}' bgcolor='#f3f3f3'><b>{text_html(values[0])}</b>"
                             "</td></tr>")
                continue
            style = f" style='color:{MARK}'" if index in table.marked else ""
            cells.append(f"<tr{style}>" + "".join(f"<td>{text_html(v)}</td>" for v in values) + "</tr>")
        # <thead> becomes the table's header row, which the layout repeats at the top of every page
        page = "page-break-before: always; " if number else ""
        pieces.append(f"<table width='100%' border='1' cellspacing='0' cellpadding='3' style='{page}"
                      "border-collapse:collapse; border-color:#999; margin-bottom:8px'><thead><tr>" + head
                      + "</tr></thead><tbody>" + "".join(cells) + "</tbody></table>")
    return "".join(pieces)
