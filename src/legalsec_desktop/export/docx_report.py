"""Lay out a Report as a Word document: real tables whose header row repeats on every page.

Every text of the report may come from users (names, titles, notes pasted from Word), so each one goes in through
xml_text: python-docx refuses the control characters a Word file cannot hold.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from legalsec_desktop.export.files import write_atomically, zip_complete
from legalsec_desktop.export.xml_text import xml_text as fit
from legalsec_desktop.domain.report import Report, Table

MARK_COLOUR = RGBColor(0xB0, 0x00, 0x20)


def write_docx(report: Report, path: Path) -> Path:
    """Save `report` as .docx at `path` (atomically: an earlier file survives any failure)."""
    document = build_document(report)
    return write_atomically(Path(path), lambda temporary: document.save(str(temporary)), check=zip_complete)


def build_document(report: Report) -> Document:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    section = document.sections[0]
    if report.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Pt(42))
    document.add_heading(fit(report.title), level=1)
    for line in report.header_lines:
        document.add_paragraph(fit(line))
    if report.facts:
        facts = document.add_table(rows=0, cols=2)
        facts.autofit = False
        label_width = Inches(1.3)
        value_width = section.page_width - section.left_margin - section.right_margin - label_width
        facts.columns[0].width, facts.columns[1].width = label_width, value_width
        for label, value in report.facts:
            cells = facts.add_row().cells
            cells[0].width, cells[1].width = label_width, value_width
            cells[0].paragraphs[0].add_run(fit(label)).bold = True
            cells[1].text = fit(value)
    for part in report.sections:
        document.add_heading(fit(part.heading), level=2)
        for text in part.paragraphs:
            document.add_paragraph(fit(text))
        if part.table is not None:
            _add_table(document, part.table, section.page_width - section.left_margin - section.right_margin,
                       report.landscape)
    if report.running_head:
        head = section.header.paragraphs[0]
        head.add_run(fit(report.running_head)).font.size = Pt(8)
    _add_footer(section, report.footer)
    return document


def _add_table(document: Document, table: Table, usable_width: int, landscape: bool) -> None:
    if not table.rows:
        document.add_paragraph(fit(table.empty_text)).runs[0].italic = True
        return
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    weights = table.widths or (1,) * len(table.columns)
    widths = [int(usable_width * w / sum(weights)) for w in weights]
    for column, width in zip(grid.columns, widths):
        column.width = width  # the table grid, which LibreOffice lays out by
    size = None
    if len(table.columns) > 6:  # a wide table in smaller type and with narrow cell margins, so words stay whole
        size = Pt(8) if landscape else Pt(7)
        _narrow_cell_margins(grid)
    header = grid.rows[0]
    _repeat_as_header(header)
    for cell, title, width in zip(header.cells, table.columns, widths):
        cell.width = width
        _shade(cell, "E8EDF3")
        run = cell.paragraphs[0].add_run(fit(title))
        run.bold, run.font.size = True, size
    for index, values in enumerate(table.rows):
        row = grid.add_row()  # add_row() is linear; cell(r, c) lookups would be quadratic
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays whole on one page
        cells = row.cells
        if index in table.groups:
            merged = cells[0].merge(cells[-1])
            _shade(merged, "F3F3F3")
            run = merged.paragraphs[0].add_run(fit(values[0]))
            run.bold, run.font.size = True, size
            continue
        for cell, value, width in zip(cells, values, widths):
            cell.width = width
            run = cell.paragraphs[0].add_run(fit(value))  # "\n" becomes a line break
            run.font.size = size
            if index in table.marked:
                run.font.color.rgb = MARK_COLOUR


def _narrow_cell_margins(grid) -> None:  # noqa: ANN001
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "57")  # twentieths of a point: 0.04 inch
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    grid._tbl.tblPr.append(margins)


def _shade(cell, colour: str) -> None:  # noqa: ANN001
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_as_header(row) -> None:  # noqa: ANN001
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))  # the schema wants cantSplit before tblHeader
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _add_footer(section, text: str) -> None:  # noqa: ANN001
    paragraph = section.footer.paragraphs[0]
    if text:
        paragraph.add_run(f"{fit(text)}    ")
    paragraph.add_run("Page ")
    _add_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    _add_field(paragraph, "NUMPAGES")


def _add_field(paragraph, code: str) -> None:  # noqa: ANN001
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out the page."""
    run = paragraph.add_run()
    for kind, instruction in (("begin", None), (None, code), ("separate", None), ("end", None)):
        if kind is None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        if kind == "separate":
            placeholder = OxmlElement("w:t")
            placeholder.text = "1"
            run._r.append(placeholder)
