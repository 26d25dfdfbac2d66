"""A Report as HTML, for the print preview, the printer and PDF: the markup is built here, without Qt."""

from __future__ import annotations

from html import escape

from legalsec_desktop.domain.report import Report, Table

MARK = "#b00020"  # unverified deadlines and other marked rows
NEW_PAGE = " style='page-break-before: always'"


def report_html(report: Report) -> str:
    """The whole report as one HTML page; every value from the database is escaped, line breaks kept."""
    parts = [f"<h2>{escape(report.title)}</h2>"]
    parts += [f"<p style='margin:0'>{escape(line)}</p>" for line in report.header_lines]
    if report.facts:
        parts.append("<table cellspacing='0' cellpadding='2' style='margin-top:8px'>")
        parts += [f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(v)}</td></tr>" for k, v in report.facts]
        parts.append("</table>")
    for section in report.sections:
        tag = "h2" if section.level == 1 else "h3"
        parts.append(f"<{tag}{NEW_PAGE if section.new_page else ''}>{escape(section.heading)}</{tag}>")
        parts += [f"<p>{text_html(text)}</p>" for text in section.paragraphs]
        if section.table is not None:
            parts.append(table_html(section.table))
    size = 8 if report.landscape else 7  # a portrait page is narrower: smaller type keeps words whole
    return f"<html><body style='font-family: sans-serif; font-size: {size}pt'>" + "".join(parts) + "</body></html>"


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


def table_html(table: Table) -> str:
    """A table with its header row; group rows span every column, marked rows are red; no rows: the empty text."""
    if not table.rows:
        return f"<p><i>{escape(table.empty_text)}</i></p>"
    percents = column_percents(table.widths or (1,) * len(table.columns))
    head = "".join(f"<th align='left' width='{p}%' bgcolor='#e8edf3'>{escape(c)}</th>"
                   for c, p in zip(table.columns, percents))
    rows = []
    for index, values in enumerate(table.rows):
        if index in table.groups:
            rows.append(f"<tr><td colspan='{len(table.columns)}' bgcolor='#f3f3f3'><b>{text_html(values[0])}</b>"
                        "</td></tr>")
            continue
        style = f" style='color:{MARK}'" if index in table.marked else ""
        rows.append(f"<tr{style}>" + "".join(f"<td>{text_html(v)}</td>" for v in values) + "</tr>")
    # <thead> becomes the table's header row, which the layout repeats at the top of every page
    return ("<table width='100%' border='1' cellspacing='0' cellpadding='3' style='border-collapse:collapse; "
            "border-color:#999'><thead><tr>" + head + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
