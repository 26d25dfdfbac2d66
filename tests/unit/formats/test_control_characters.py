"""Text pasted from Word carries control characters an .xlsx or .docx cannot hold (its manual line break is a
vertical tab): the export still succeeds, a Word line break is a line break, and the other characters are gone."""

import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from legalsec_desktop.domain.report import Report, Section, Table
from legalsec_desktop.formats.docx_report import write_docx
from legalsec_desktop.formats.timesheet_xlsx import SheetRow, SheetTitle, write_timesheet
from legalsec_desktop.formats.xml_text import xml_text

PASTED = "Drafted motion\x0bReviewed\x01 exhibits\x1f"
CLEANED = "Drafted motion\nReviewed exhibits"


def test_word_breaks_become_line_breaks_and_other_illegal_characters_go():
    assert xml_text(PASTED) == CLEANED
    assert xml_text("page one\x0cpage two") == "page one\npage two"
    assert xml_text("tab\tline\nreturn\r kept, é — ✓ too") == "tab\tline\nreturn\r kept, é — ✓ too"
    assert xml_text("\x00\x08\x0e\ufffe\uffff\ud800") == ""
    for code in range(0x20):  # at least every character openpyxl refuses
        cleaned = xml_text(f"a{chr(code)}b")
        assert not ILLEGAL_CHARACTERS_RE.search(cleaned), hex(code)


def _all_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))


def test_a_timesheet_with_pasted_control_characters_exports_and_reads_back(tmp_path):
    row = SheetRow(date(2026, 11, 2), "MA\x01H", "Mary\x0bHale", "Ana\x1f Rivera", "2026-0001",
                   "Rivera\x0bv. Okafor\x01", 30, 30000, 15000, "Billable", "Open", "L1\x0210", "A1\x0301", PASTED)
    path = tmp_path / "sheet.xlsx"
    write_timesheet([row], SheetTitle("Okafor\x0b Law\x01", date(2026, 11, 1), date(2026, 11, 30), "Matter\x1f"),
                    path)
    workbook = load_workbook(path)
    detail, summary = workbook["Detail"], workbook["Summary"]
    assert [detail[f"{c}2"].value for c in "BCDJKL"] == ["MAH", "Ana Rivera", "2026-0001", "L110", "A101", CLEANED]
    summary_texts = {c.value for line in summary.iter_rows() for c in line if isinstance(c.value, str)}
    assert {"Rivera\nv. Okafor", "Mary\nHale"} <= summary_texts
    assert any(text.startswith("Okafor\n Law — ") for text in summary_texts)
    assert "Okafor\n Law" in detail.oddHeader.center.text
    for sheet in (detail, summary):
        for line in sheet.iter_rows():
            for cell in line:
                assert not (isinstance(cell.value, str) and ILLEGAL_CHARACTERS_RE.search(cell.value)), cell.coordinate


def _report(text: str) -> Report:
    table = Table(("Date", f"What{text}"), [(f"Group{text}",), ("11/23/2026", PASTED)], groups=frozenset({0}))
    empty = Table(("A",), [], empty_text=f"None{text}")
    sections = (Section(f"Events{text}", (f"A note{text}",), table), Section("Nothing", table=empty))
    return Report(f"Docket{text}", (f"Okafor Law{text}",), sections, footer=f"Printed{text}",
                  facts=((f"Matter{text}", f"Rivera{text}"),), running_head=f"Head{text}")


def test_a_word_report_with_pasted_control_characters_saves_and_reads_back(tmp_path):
    path = write_docx(_report("\x0bend\x01\x1f"), tmp_path / "report.docx")
    document = Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    for expected in ("Docket\nend", "Okafor Law\nend", "Events\nend", "A note\nend", "None\nend"):
        assert expected in paragraphs
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [["Matter\nend", "Rivera\nend"]]
    events = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert events == [["Date", "What\nend"], ["Group\nend", "Group\nend"], ["11/23/2026", CLEANED]]
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Head\nend"
    assert section.footer.paragraphs[0].text.startswith("Printed\nend")
    assert not ILLEGAL_CHARACTERS_RE.search(_all_xml(path))


@pytest.mark.parametrize("character", ["\x00", "\x08", "\x0e", "\x1f", "\ufffe"])
def test_every_illegal_character_is_dropped_from_a_word_report(tmp_path, character):
    path = write_docx(_report(f"x{character}y"), tmp_path / "report.docx")
    assert "Docketxy" in [p.text for p in Document(str(path)).paragraphs]
