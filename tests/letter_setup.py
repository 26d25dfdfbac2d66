"""What the letter tests share: a Word template made on the spot, a damaged one, and the templates folder."""

from __future__ import annotations

import os
from pathlib import Path

import docx

from legalsec_desktop.services.template_folder import templates_folder

LETTER = ("{{ today }}", "{{ recipient.address_block }}", "{{ recipient.salutation }}",
          "Re: {{ matter.title }} ({{ matter.number }})", "Thank you for your time.", "Sincerely,",
          "{{ signer.name }}")


def make_docx(path: Path, *paragraphs: str) -> Path:
    """A Word file with these paragraphs (python-docx: a real .docx as Word reads it)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def make_damaged(path: Path) -> Path:
    """A file named .docx that is not a whole one (a download cut short)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK\x03\x04" + os.urandom(200))
    return path


def docx_text(path: Path) -> str:
    """Every paragraph of a .docx, one a line (tables too)."""
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def folder_of(store) -> Path:  # noqa: ANN001
    """The templates folder, made."""
    folder = templates_folder(store)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def drop_template(store, name: str, *paragraphs: str) -> Path:  # noqa: ANN001
    """A template put into the folder by hand (as the firm does in Explorer)."""
    return make_docx(folder_of(store) / name, *(paragraphs or LETTER))


def make_mail_merge(path: Path, *names: str) -> Path:
    """A Word mail-merge letter: "Dear «name» «name» …", each a MERGEFIELD as Word writes a simple field."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    paragraph = document.add_paragraph("Dear ")
    for name in names:
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), f" MERGEFIELD {name} ")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = f"«{name}»"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)
        paragraph.add_run(" ")
    document.add_paragraph("Sincerely,")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path
