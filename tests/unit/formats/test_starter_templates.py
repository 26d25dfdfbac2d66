"""The starter library: each letter made into a Word template on Letter paper with the letterhead in the first
page's header, using only catalogued fields and the values it declares, and written whole or not at all."""

import re
import zipfile
from pathlib import Path
from importlib.resources import files

import docx
import pytest
from docx.shared import Inches

from legalsec_desktop.domain.errors import StorageFullError
from legalsec_desktop.domain.letter_asks import parse_asks
from legalsec_desktop.domain.letter_fields import EVENT, PERSON, known_field
from legalsec_desktop.formats import starter_templates
from legalsec_desktop.formats.letter_markup import parse_letter
from legalsec_desktop.formats.starter_templates import STARTER_PACKAGES, STARTERS, letter_source, write_starter

REQUIRED = ("Engagement letter", "Non-engagement letter", "Status letter to client", "Cover letter to the court clerk",
            "Letter to opposing counsel", "Appointment or hearing confirmation", "Records request", "Closing letter",
            "Fax or e-mail cover sheet", "Conflict waiver letter", "Intake questionnaire cover letter")
LOOP_RECORDS = {"item": EVENT, "counsel": PERSON}  # the loop variables the starters use, and what they hold
EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
DOTTED = re.compile(r"\b([a-z_]+)\.([a-z_]+)\b")


def all_text(path):
    """Every paragraph of the body, its tables and every header, in order."""
    document = docx.Document(str(path))
    section = document.sections[0]
    paragraphs = [*section.first_page_header.paragraphs, *section.header.paragraphs, *document.paragraphs]
    paragraphs += [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join(p.text for p in paragraphs)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("starters")
    for starter in STARTERS:
        write_starter(starter, folder / starter.file_name)
    return folder


def test_the_library_has_every_letter_the_issue_asks_for_once():
    names = [starter.name for starter in STARTERS]
    assert set(REQUIRED) <= set(names)
    assert len(set(names)) == len(names) and len({s.file_name for s in STARTERS}) == len(STARTERS)
    purposes = {s.purpose: s.name for s in STARTERS if s.purpose}
    assert purposes == {"engagement": "Engagement letter", "declination": "Non-engagement letter",
                        "closing": "Closing letter"}
    assert all(s.description and s.file_name.endswith(".docx") for s in STARTERS)
    assert STARTER_PACKAGES == {"New matter package": ("Engagement letter", "Intake questionnaire cover letter",
                                                       "Conflict waiver letter")}


def test_the_texts_are_in_the_installed_resources_and_listed_for_packaging():
    folder = files("legalsec_desktop.resources") / "letter_templates"
    assert sorted(s.source for s in STARTERS) == sorted(i.name for i in folder.iterdir() if i.name.endswith(".txt"))
    assert (folder / "README.md").is_file()
    pyproject = (Path(__file__).resolve().parents[3] / "pyproject.toml").read_text("utf-8")
    assert '"letter_templates/*.txt"' in pyproject


@pytest.mark.parametrize("starter", STARTERS, ids=lambda s: s.name)
def test_each_starter_is_a_letter_page_with_the_letterhead(written, starter):
    path = written / starter.file_name
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    assert {section.left_margin, section.right_margin, section.top_margin, section.bottom_margin} == {Inches(1)}
    assert section.different_first_page_header_footer
    letterhead = "\n".join(p.text for p in section.first_page_header.paragraphs)
    assert "{{ firm.name }}" in letterhead and "{{ firm.address }}" in letterhead
    for field in ("firm.phone", "firm.fax", "firm.email"):  # each line only when the firm has one
        assert f"{{%p if {field} %}}" in letterhead
    later = section.header._element.xml
    assert "{{ recipient.name }}" in later and 'w:instr="PAGE"' in later  # the page number from page 2
    assert document.styles["Normal"].font.name == "Times New Roman"
    text = all_text(path)
    if letter_source(starter.source).layout == "letter":
        for part in ("{{ today }}", "{{ recipient.address_block }}", "Re:", "{{ signer.name }}",
                     "{% if signer.bar_number %}", "{% if matter.case_number %}" if "Case No." in text else ""):
            assert part in text


@pytest.mark.parametrize("starter", STARTERS, ids=lambda s: s.name)
def test_each_starter_uses_known_fields_and_declares_every_value_it_asks(written, starter):
    text = all_text(written / starter.file_name)
    asks, problems = parse_asks(text)
    assert problems == []
    assert [ask.name for ask in asks] == [a.split(":")[0] for a in letter_source(starter.source).asks]
    used = {m.group(0) for expression in EXPRESSION.findall(text) for m in DOTTED.finditer(expression)}
    for dotted in used:
        head, name = dotted.split(".")
        if head in LOOP_RECORDS:
            assert name in LOOP_RECORDS[head], dotted
        elif head == "ask":
            assert name in {ask.name for ask in asks}, f"{dotted} is used but not declared"
        else:
            assert known_field(dotted), dotted
    assert "None" not in text


def test_a_failed_write_leaves_the_earlier_file(tmp_path, monkeypatch):
    (tmp_path / "templates").mkdir()
    dest = tmp_path / "templates" / "Engagement letter.docx"
    dest.write_bytes(b"the firm's own edited template")

    def broken(self, path):  # noqa: ANN001
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(starter_templates.build_letter(letter_source(STARTERS[0].source)).__class__, "save", broken)
    with pytest.raises(StorageFullError, match="not saved"):
        write_starter(STARTERS[0], dest)
    assert dest.read_bytes() == b"the firm's own edited template"
    assert [p.name for p in dest.parent.iterdir()] == ["Engagement letter.docx"]  # no partial file left


def test_the_markup_of_every_starter_reads(tmp_path):
    for starter in STARTERS:
        text = (files("legalsec_desktop.resources") / "letter_templates" / starter.source).read_text("utf-8")
        assert parse_letter(text, starter.source).name == starter.name


def test_consecutive_rows_make_one_table_with_narrow_labels(written):
    document = docx.Document(str(written / "Fax or e-mail cover sheet.docx"))
    assert len(document.tables) == 1
    table = document.tables[0]
    assert [row.cells[0].text for row in table.rows] == ["Date", "To", "{{ ask.sent_by }}", "From", "Re",
                                                         "Our file", "Pages", "Message"]
    assert [column.width for column in table.columns] == [Inches(1.4), Inches(5.1)]


def test_the_signature_block_is_one_paragraph_kept_whole_and_kept_with_the_notations(written):
    document = docx.Document(str(written / "Cover letter to the court clerk.docx"))
    block = next(p for p in document.paragraphs if p.text.startswith("Very truly yours,"))
    assert "{{ firm.name }}" in block.text and "{{ signer.name }}" in block.text
    assert block.paragraph_format.keep_together and block.paragraph_format.keep_with_next
    before = document.paragraphs[[p._p for p in document.paragraphs].index(block._p) - 1]
    assert before.paragraph_format.keep_with_next  # the last paragraph of the body goes with it


@pytest.mark.parametrize("starter", [s for s in STARTERS if letter_source(s.source).layout == "letter"],
                         ids=lambda s: s.name)
def test_the_re_block_lines_start_under_the_first_lines_text(written, starter):
    """A hanging indent with a tab stop at it: "Re:" then a tab to the stop; each further line (after a line break)
    starts at the indent itself, as Word and LibreOffice both lay it out, with no tab of its own."""
    document = docx.Document(str(written / starter.file_name))
    subject = next(p for p in document.paragraphs if p.text.startswith("Re:\t"))
    layout = subject.paragraph_format
    assert layout.left_indent == Inches(0.75) and layout.first_line_indent == Inches(-0.75)
    assert [stop.position for stop in layout.tab_stops] == [Inches(0.75)]
    assert subject.text.count("\t") == 1
    lines = subject.text.split("\n")
    assert len(lines) == len(letter_source(starter.source).re_lines)
    assert all(not re.sub(r"\{%.*?%\}", "", line).startswith("\t") for line in lines[1:])
