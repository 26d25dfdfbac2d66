"""The preview of a filled-in letter: its letterhead, bold and italic runs, tables, escaped text, leftovers in red."""

import io

import pytest
from docx import Document

from legalsec_desktop.formats.docx_preview import LEFTOVER_STYLE, PreviewProblem, docx_preview_html


def _letter(build) -> bytes:
    document = Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_header_runs_and_tables_become_simple_html():
    def build(document):
        document.sections[0].header.paragraphs[0].text = "Okafor Law — 1 Main St"
        paragraph = document.add_paragraph("Dear ")
        paragraph.add_run("Ms. Lewis").bold = True
        paragraph.add_run(", as agreed").italic = True
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Date", "December 3, 2026"

    shown = docx_preview_html(_letter(build))
    assert shown.index("Okafor Law — 1 Main St") < shown.index("Dear ")  # the letterhead first
    assert "<b>Ms. Lewis</b>" in shown and "<i>, as agreed</i>" in shown
    assert "<td" in shown and "December 3, 2026" in shown


def test_the_first_pages_own_letterhead_is_shown():
    def build(document):
        section = document.sections[0]
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = "LETTERHEAD"
        section.header.paragraphs[0].text = "Page two header"
        document.add_paragraph("Body")

    shown = docx_preview_html(_letter(build))
    assert "LETTERHEAD" in shown and "Page two header" not in shown


def test_names_with_markup_are_escaped_and_leftovers_are_marked_in_red():
    def build(document):
        document.add_paragraph("To Smith & <Jones> “Co”")
        document.add_paragraph("Left: {{ matter.nmber }} and «Client_Name»")

    shown = docx_preview_html(_letter(build))
    assert "Smith &amp; &lt;Jones&gt;" in shown and "<Jones>" not in shown
    assert f'<span style="{LEFTOVER_STYLE}">{{{{ matter.nmber }}}}</span>' in shown
    assert f'<span style="{LEFTOVER_STYLE}">«Client_Name»</span>' in shown


def test_bytes_that_are_not_a_word_document_are_refused_in_words():
    with pytest.raises(PreviewProblem, match="could not be read"):
        docx_preview_html(b"not a zip at all")
