"""A starter letter laid out as a Word template with python-docx: Letter paper, one-inch margins, a serif face, the
letterhead in the first page's header, the recipient and date with the page number on the pages after it, the
date, address block, Re: block, salutation, body, signature block (see formats.letter_markup for the text)."""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from legalsec_desktop.formats.letter_markup import Block, LetterSource, bold_parts, re_line

FONT = "Times New Roman"  # what a US firm's letters are set in; LibreOffice shows it as Liberation Serif
SIZE = Pt(12)
SMALL = Pt(9.5)
# Word reads a paragraph's and a run's properties in a fixed order: what may follow a border and a letter spacing.
AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
                 "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                 "w:specVanish", "w:oMath")
COLUMNS = (Inches(1.4), Inches(5.1))  # a cover sheet's labels and values
CONTACT_LINES = (("firm.phone", "Telephone"), ("firm.fax", "Facsimile"), ("firm.email", "E-mail"))


def build_letter(letter: LetterSource) -> DocumentObject:
    """The Word template of `letter`, ready to save."""
    document = Document()
    _page(document)
    _letterhead(document)
    body = list(letter.body)
    if letter.layout == "letter":
        _opening(document, letter)
        if not any(block.kind == "signature" for block in body):
            body.append(Block("signature"))
    elif letter.asks:
        first = next((i for i, block in enumerate(body) if block.kind in ("para", "heading", "lines")), None)
        if first is None:
            body.insert(0, Block("para", letter.ask_comments()))
        else:
            body[first] = Block(body[first].kind, letter.ask_comments() + body[first].text)
    table: Table | None = None
    for index, block in enumerate(body):
        if block.kind == "row":
            table = _add_row(document, table, block)
            continue
        table = None
        _add_block(document, block, letter)
        if block.kind in ("signature", "note") and _notes_follow(body[index + 1:]):
            document.paragraphs[-1].paragraph_format.keep_with_next = True  # Enclosure and cc stay on its page
    return document


def _notes_follow(rest: list[Block]) -> bool:
    """Whether the next block (past any `{%p` tags) is a notation (Enclosure, cc)."""
    return next((block.kind for block in rest if block.kind != "tag"), "") == "note"


def _page(document: DocumentObject) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    section.header_distance = section.footer_distance = Inches(0.5)
    section.different_first_page_header_footer = True
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, SIZE
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_before, normal.paragraph_format.space_after = Pt(0), Pt(12)
    normal.paragraph_format.line_spacing = 1.0
    for name in ("Header", "Footer", "List Bullet"):
        document.styles[name].font.name = FONT
    document.styles["List Bullet"].paragraph_format.space_after = Pt(6)
    document.core_properties.author = ""
    document.core_properties.title = ""


def _letterhead(document: DocumentObject) -> None:
    """The first page's header: the firm's name, address and the telephone, fax and e-mail lines it has."""
    header = document.sections[0].first_page_header
    name = header.paragraphs[0]
    _centred(name, Pt(0))
    run = name.add_run("{{ firm.name }}")
    run.font.size, run.font.small_caps = Pt(18), True
    _letter_spacing(run, 30)
    address = header.add_paragraph()
    _centred(address, Pt(2))
    address.add_run("{{ firm.address }}").font.size = SMALL
    for field, label in CONTACT_LINES:
        header.add_paragraph(f"{{%p if {field} %}}")
        line = header.add_paragraph()
        _centred(line, Pt(0))
        line.add_run(f"{label} {{{{ {field} }}}}").font.size = SMALL
        header.add_paragraph("{%p endif %}")
    rule = header.add_paragraph()
    rule.paragraph_format.space_after = Pt(6)
    _border(rule, "bottom")
    continued = document.sections[0].header.paragraphs[0]  # pages 2 on: whom, when, which page
    continued.paragraph_format.space_after = Pt(18)
    for text in ("{{ recipient.name }}", "{{ today }}"):
        continued.add_run(text).font.size = Pt(10)
        continued.add_run().add_break()
    continued.add_run("Page ").font.size = Pt(10)
    _page_number(continued)


def _opening(document: DocumentObject, letter: LetterSource) -> None:
    """The date (with the asked-for values declared in front of it), the delivery line, the recipient, Re:, and
    the salutation."""
    dated = document.add_paragraph(letter.ask_comments() + "{{ today }}")
    dated.paragraph_format.space_after = Pt(24)
    if letter.via:
        _runs(document.add_paragraph(), f"**{letter.via}**")
    document.add_paragraph("{{ recipient.address_block }}")
    subject = document.add_paragraph()
    subject.paragraph_format.left_indent, subject.paragraph_format.first_line_indent = Inches(0.75), Inches(-0.75)
    subject.paragraph_format.tab_stops.add_tab_stop(Inches(0.75))
    for index, line in enumerate(letter.re_lines):
        test, text = re_line(line)
        if test:
            subject.add_run(f"{{% if {test} %}}")
        if index == 0:
            subject.add_run("Re:\t").bold = True
        else:  # a line break starts the line at the hanging indent, under the first line's text: no tab
            subject.add_run().add_break()
        subject.add_run(text).bold = True
        if test:
            subject.add_run("{% endif %}")
    document.add_paragraph(letter.salutation)


def _add_block(document: DocumentObject, block: Block, letter: LetterSource) -> None:
    if block.kind == "signature":
        _signature(document, letter)
    elif block.kind == "page":
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif block.kind == "tag":
        document.add_paragraph(block.text)
    elif block.kind in ("heading", "subheading"):
        heading = document.add_paragraph()
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.space_after = Pt(6)
        run = heading.add_run(block.text)
        run.bold, run.italic = block.kind == "heading", block.kind == "subheading"
        if letter.layout == "sheet" and block.kind == "heading":
            run.font.size = Pt(16)
            heading.paragraph_format.space_after = Pt(18)
    elif block.kind == "bullet":
        _runs(document.add_paragraph(style="List Bullet"), block.text)
    elif block.kind == "note":
        note = document.add_paragraph()
        note.paragraph_format.space_after = Pt(0)
        _runs(note, block.text)
    elif block.kind == "notice":
        notice = document.add_paragraph()
        for side in ("top", "left", "bottom", "right"):
            _border(notice, side)
        _runs(notice, block.text, Pt(10))
    elif block.kind == "lines":
        paragraph = document.add_paragraph()
        for index, line in enumerate(block.text.split("\n")):
            if index:
                paragraph.add_run().add_break()
            _runs(paragraph, line)
    else:
        _runs(document.add_paragraph(), block.text)


def _add_row(document: DocumentObject, table: Table | None, block: Block) -> Table:
    """A row of the two-column table that consecutive `Label :: value` lines make (`table`: the one open)."""
    if table is None:
        table = document.add_table(rows=0, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for column, width in zip(table.columns, COLUMNS):
            column.width = width
        document.add_paragraph().paragraph_format.space_after = Pt(0)  # the body goes on after the table
    cells = table.add_row().cells
    for cell, text, width, bold in zip(cells, (block.text, block.value), COLUMNS, (True, False)):
        cell.width = width
        _cell_text(cell, text, bold)
    return table


def _cell_text(cell: _Cell, text: str, bold: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(5)
    _runs(paragraph, f"**{text}**" if bold and text else text)


def _signature(document: DocumentObject, letter: LetterSource) -> None:
    """The closing, the firm, room to sign, the signer's name, title and bar number: one paragraph kept whole
    (Word and LibreOffice never leave "Very truly yours," alone at the foot of a page), kept with the paragraph
    before it."""
    before = next((p for p in reversed(document.paragraphs) if p.text.strip() and not p.text.startswith("{%")),
                  None)
    if before is not None:
        before.paragraph_format.keep_with_next = True
    block = document.add_paragraph()
    block.paragraph_format.keep_together = True
    block.paragraph_format.space_after = Pt(24)
    block.add_run(letter.closing)
    _breaks(block, 2)
    block.add_run("{{ firm.name }}").font.small_caps = True
    _breaks(block, 4)  # room to sign
    block.add_run("{{ signer.name }}")
    for field, text in (("signer.title", "{{ signer.title }}"),
                        ("signer.bar_number", "Bar No. {{ signer.bar_number }}")):
        block.add_run(f"{{% if {field} %}}")
        block.add_run().add_break()
        block.add_run(text + "{% endif %}")


def _breaks(paragraph: Paragraph, count: int) -> None:
    run = paragraph.add_run()
    for _ in range(count):
        run.add_break()


def _runs(paragraph: Paragraph, text: str, size: Pt | None = None) -> None:
    for piece, bold in bold_parts(text):
        run = paragraph.add_run(piece)
        run.bold = bold or None
        if size is not None:
            run.font.size = size


def _centred(paragraph: Paragraph, after: Pt) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = after


def _letter_spacing(run: object, twentieths: int) -> None:
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(twentieths))
    run._r.get_or_add_rPr().insert_element_before(spacing, *AFTER_SPACING)  # type: ignore[attr-defined]


def _border(paragraph: Paragraph, side: str) -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        properties.insert_element_before(borders, *AFTER_BORDER)
    line = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "4"), ("w:color", "404040")):
        line.set(qn(key), value)
    borders.append(line)


def _page_number(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
