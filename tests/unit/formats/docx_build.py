"""Word files made for the letter tests: paragraphs of runs (a field split as Word splits it), a header and footer,
and raw XML put into the body where python-docx cannot write it (fields, MERGEFIELDs)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx


def word_file(path: Path, *paragraphs: str | list[str], header: str = "", footer: str = "", title: str = "",
              body_xml: str = "") -> Path:
    """A .docx at `path`: each paragraph a string or a list of runs; `body_xml` added at the end of the body."""
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    if title:
        document.core_properties.title = title
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for number, run in enumerate([runs] if isinstance(runs, str) else runs):
            paragraph.add_run(run).bold = number == 1  # the second run looks different, as Word's do
    document.save(path)
    if body_xml:
        replace_part(path, "word/document.xml", lambda xml: xml.replace("<w:sectPr", body_xml + "<w:sectPr", 1))
    return path


def replace_part(path: Path, name: str, change) -> None:
    """Rewrite one XML part of the .docx at `path` with `change(text) -> text`."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[name] = change(parts[name].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)


def texts(letter: bytes | Path) -> list[str]:
    """The text of every paragraph of a letter, body then header and footer, as python-docx reads it back."""
    document = docx.Document(io.BytesIO(letter) if isinstance(letter, bytes) else str(letter))
    section = document.sections[0]
    return ([p.text for p in document.paragraphs] + [p.text for p in section.header.paragraphs]
            + [p.text for p in section.footer.paragraphs])


def body_xml(letter: bytes | Path) -> str:
    data = letter if isinstance(letter, bytes) else letter.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")
