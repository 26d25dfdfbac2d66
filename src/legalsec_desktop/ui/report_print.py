"""Lay out a Report for the screen, the printer and PDF (the content is built in the core)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.export.files import write_atomically
from legalsec_desktop.domain.report import Report, Table
from legalsec_desktop.ui.errors import show_problem

MARK = "#b00020"


def report_html(report: Report) -> str:
    parts = [f"<h2>{escape(report.title)}</h2>"]
    parts += [f"<p style='margin:0'>{escape(line)}</p>" for line in report.header_lines]
    if report.facts:
        parts.append("<table cellspacing='0' cellpadding='2' style='margin-top:8px'>")
        parts += [f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(v)}</td></tr>" for k, v in report.facts]
        parts.append("</table>")
    for section in report.sections:
        parts.append(f"<h3>{escape(section.heading)}</h3>")
        parts += [f"<p>{escape(text)}</p>" for text in section.paragraphs]
        if section.table is not None:
            parts.append(_table_html(section.table))
    if report.footer:
        parts.append(f"<p style='color:#555; font-size:small'>{escape(report.footer)}</p>")
    return "<html><body style='font-family: sans-serif; font-size: 9pt'>" + "".join(parts) + "</body></html>"


def _table_html(table: Table) -> str:
    if not table.rows:
        return f"<p><i>{escape(table.empty_text)}</i></p>"
    weights = table.widths or (1,) * len(table.columns)
    total = sum(weights)
    head = "".join(f"<th align='left' width='{w * 100 // total}%' bgcolor='#e8edf3'>{escape(c)}</th>"
                   for c, w in zip(table.columns, weights))
    rows = []
    for index, values in enumerate(table.rows):
        style = f" style='color:{MARK}; font-weight:bold'" if index in table.marked else ""
        rows.append(f"<tr{style}>" + "".join(f"<td>{escape(v)}</td>" for v in values) + "</tr>")
    return ("<table width='100%' border='1' cellspacing='0' cellpadding='3' style='border-collapse:collapse; "
            "border-color:#999'><thead><tr>" + head + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def make_document(report: Report) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(report_html(report))
    return document


def _set_up(printer: QPrinter, report: Report) -> None:
    orientation = QPageLayout.Orientation.Landscape if report.landscape else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.Letter), orientation,
                                      QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))


def write_pdf(report: Report, path: Path) -> Path:
    """Save the report as PDF at `path`; an earlier file stays intact if anything fails."""
    document = make_document(report)

    def render(temporary: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(temporary))
        _set_up(printer, report)
        document.print_(printer)
        if not temporary.exists() or temporary.stat().st_size == 0:
            raise UserFixableError(f"The PDF could not be written to {path.parent}.")

    return write_atomically(path, render)


def print_preview(parent: QWidget, report: Report) -> None:
    """Show the print preview; its Print button goes to the system print dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _set_up(printer, report)
    document = make_document(report)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(parent.tr("Print Preview — %s") % report.title)
    preview.paintRequested.connect(document.print_)
    preview.resize(1000, 760)
    preview.exec()


def print_now(parent: QWidget, report: Report) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _set_up(printer, report)
    if QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted:
        make_document(report).print_(printer)


def ask_and_save(parent: QWidget, report: Report, kind: str, suggested: str, save_word=None) -> Path | None:  # noqa: ANN001
    """Ask where to save (PDF or Word), save, and say where it went; problems get a plain message."""
    pattern = parent.tr("PDF files (*.pdf)") if kind == "pdf" else parent.tr("Word documents (*.docx)")
    name, _ = QFileDialog.getSaveFileName(parent, parent.tr("Save Report"), suggested, pattern)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != f".{kind}":
        path = path.with_name(path.name + f".{kind}")
    try:
        if kind == "pdf":
            write_pdf(report, path)
        else:
            save_word(path)
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Report not saved"))
        return None
    return path
