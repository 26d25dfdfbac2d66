"""A filled-in letter (.docx bytes) as simple HTML to read before it is saved: its header, paragraphs with bold and
italic, and tables; any field left unfilled is marked in red."""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Iterator
from typing import Any

from legalsec_desktop.formats.placeholders import PLACEHOLDER

MAX_PREVIEW_PARAGRAPHS = 2000  # a letter is a few pages; beyond this the preview says it stopped
LEFTOVER_STYLE = "color:#b00020;font-weight:bold;background:#fde7ea"


class PreviewProblem(Exception):
    """The bytes are not a readable Word document."""


def _marked(text: str) -> str:
    """`text` escaped, with each unfilled field in red."""
    out, start = [], 0
    for match in PLACEHOLDER.finditer(text):
        out.append(html.escape(text[start:match.start()]))
        out.append(f'<span style="{LEFTOVER_STYLE}">{html.escape(match.group(0))}</span>')
        start = match.end()
    out.append(html.escape(text[start:]))
    return "".join(out).replace("\n", "<br>")


def _paragraph_html(paragraph: Any) -> str:  # a python-docx Paragraph
    text = paragraph.text
    if PLACEHOLDER.search(text):  # a field Word split across runs is marked whole, at the cost of the run styles
        inner = _marked(text)
    else:
        pieces = []
        for run in paragraph.runs:
            piece = html.escape(run.text).replace("\n", "<br>").replace("\t", "&emsp;")
            if run.bold:
                piece = f"<b>{piece}</b>"
            if run.italic:
                piece = f"<i>{piece}</i>"
            if run.underline:
                piece = f"<u>{piece}</u>"
            pieces.append(piece)
        inner = "".join(pieces)
    align = {1: "center", 2: "right", 3: "justify"}.get(int(paragraph.alignment or 0), "left")
    return f'<p style="margin:0 0 6px 0;text-align:{align}">{inner or "&nbsp;"}</p>'


def _blocks(container: Any) -> Iterator[str]:  # a python-docx Document, header or cell
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            yield _paragraph_html(item)
        elif isinstance(item, Table):
            rows = []
            for row in item.rows:
                cells = "".join(f'<td style="border:1px solid #999;padding:3px;vertical-align:top">'
                                f'{"".join(_blocks(cell))}</td>' for cell in row.cells)
                rows.append(f"<tr>{cells}</tr>")
            yield f'<table style="border-collapse:collapse;margin:4px 0" cellspacing="0">{"".join(rows)}</table>'


def docx_preview_html(data: bytes) -> str:
    """The letter's header (first section's) and body as HTML; PreviewProblem when it cannot be read."""
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise PreviewProblem(f"The letter could not be read for the preview ({type(error).__name__}).") from None
    parts: list[str] = []
    if document.sections:
        section = document.sections[0]
        # the letterhead: a letter's first page often has a header of its own ("different first page")
        header = section.first_page_header if section.different_first_page_header_footer else section.header
        if not header.is_linked_to_previous:
            head = "".join(_blocks(header))
            if head.strip():
                parts.append(f'<div style="color:#444;border-bottom:1px solid #bbb;margin-bottom:10px">{head}</div>')
    for count, block in enumerate(_blocks(document)):
        if count >= MAX_PREVIEW_PARAGRAPHS:
            parts.append("<p><i>… (the preview stops here; the letter goes on)</i></p>")
            break
        parts.append(block)
    return "<html><body style='font-family:serif'>" + "".join(parts) + "</body></html>"
