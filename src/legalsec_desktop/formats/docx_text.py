"""The text of a .docx file read straight from its XML parts, streaming, with caps against zip bombs."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from legalsec_desktop.formats.plain_text import clean_text, cut_reason

MAX_XML_BYTES = 256 * 1024 * 1024
"""The most bytes unpacked from one .docx (all parts together): a small file that unpacks to more is a zip bomb."""

_CHUNK = 1024 * 1024
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main "
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PART = re.compile(r"word/(header|footer)(\d*)\.xml")


class _Stop(Exception):
    """Enough text was read (the cap), or the part is not what a .docx holds."""


def docx_text(path: Path, max_chars: int) -> tuple[str, str, str]:
    """(text, flag, reason) of the .docx at `path`: the body, then headers, footers, footnotes and endnotes."""
    with path.open("rb") as stream:
        head = stream.read(8)
        if head == _OLE_MAGIC:
            return "", *_ole(stream)
        try:
            archive = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, EOFError, ValueError):
            return "", "damaged", "The Word file is damaged (it is not a readable .docx package)."
        with archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                return "", "damaged", "The Word file is damaged: it has no document part."
            parts = ["word/document.xml", *sorted(n for n in names if _PART.fullmatch(n)),
                     *(n for n in ("word/footnotes.xml", "word/endnotes.xml") if n in names)]
            reader = _Reader(max_chars)
            for name in parts:
                error = reader.read_part(archive, name)
                if error:
                    return reader.text(), "damaged", error
                if reader.full:
                    return reader.text(), "", cut_reason(max_chars)
            return reader.text(), "", ""


def _ole(stream: BinaryIO) -> tuple[str, str]:
    data = stream.read(1024 * 1024)
    if "EncryptionInfo".encode("utf-16-le") in data:
        return "protected", "The Word file is protected by a password, so its text cannot be read."
    return "unsupported", "This is an old-style Word file (.doc) named .docx; its text is not read."


class _Reader:
    """Collects the text of w:t runs, paragraph by paragraph, over one or more XML parts."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.pieces: list[str] = []
        self.length = 0
        self.unpacked = 0
        self.full = False
        self.in_text = False
        self.runs = 0

    def text(self) -> str:
        return clean_text("".join(self.pieces)).strip("\n")[: self.max_chars]

    def read_part(self, archive: zipfile.ZipFile, name: str) -> str:
        """'' when the part was read (or the cap reached), else why it could not be."""
        self.runs, self.in_text = 0, False
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters
        parser.StartDoctypeDeclHandler = _refuse  # a .docx part never has one; entities could blow up
        parser.EntityDeclHandler = _refuse
        try:
            with archive.open(name) as member:
                while chunk := member.read(_CHUNK):
                    self.unpacked += len(chunk)
                    if self.unpacked > MAX_XML_BYTES:
                        return "The Word file unpacks to more than 256 MB; it was not read further."
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except _Stop as stop:
            return str(stop)
        except (expat.ExpatError, zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as error:
            return f"The Word file is damaged ({name} cannot be read: {error})."
        return ""

    def _add(self, text: str) -> None:
        self.pieces.append(text)
        self.length += len(text)
        if self.length > self.max_chars:
            self.full = True
            raise _Stop("")

    def _start(self, tag: str, attributes: object) -> None:
        if tag == _W + "t":
            self.in_text = True
        elif tag == _W + "r":
            self.runs += 1
        elif not self.runs:  # a w:tab outside a run is a tab stop of the paragraph's style, not a tab
            pass
        elif tag == _W + "tab":
            self._add("\t")
        elif tag in (_W + "br", _W + "cr"):
            self._add("\n")

    def _end(self, tag: str) -> None:
        if tag == _W + "t":
            self.in_text = False
        elif tag == _W + "r":
            self.runs -= 1
        elif tag == _W + "p":
            self._add("\n")

    def _characters(self, data: str) -> None:
        if self.in_text:
            self._add(data)


def _refuse(*_: object) -> None:
    raise _Stop("The Word file is damaged (it declares XML entities, which a Word file never does).")
