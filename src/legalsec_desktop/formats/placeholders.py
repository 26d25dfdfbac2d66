"""What a finished letter must not hold: a field left unfilled — `{{ … }}`, `{% … %}`, «…», <<…>>, or a Word
MERGEFIELD — found across the runs Word splits text into, in the body, headers, footers and notes."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from legalsec_desktop.formats.docx_text import MAX_XML_BYTES, docx_text

PLACEHOLDER = re.compile(r"\{\{.{0,200}?\}\}|\{%.{0,200}?%\}|\{\{|\{%|«[^»\n]{0,200}»|<<[^<>\n]{1,200}>>")
MERGEFIELD = re.compile(rb"MERGEFIELD\s+(\"[^\"]{1,200}\"|[^\s\\<\"]{1,200})")
_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")


class UnreadableLetter(Exception):
    """The file is not a readable .docx: it cannot be checked, so it is not taken as finished."""


def leftover_placeholders(path: Path) -> list[str]:
    """Each unfilled field of the .docx at `path`, as it reads (`{{ client.name }}`, `MERGEFIELD Client_Name`),
    in the order found, each once; [] when the letter is finished. UnreadableLetter when it cannot be read."""
    text, flag, reason = docx_text(path, MAX_XML_BYTES)
    if flag in ("damaged", "protected", "unsupported"):
        raise UnreadableLetter(reason)
    found = [match.group(0) for match in PLACEHOLDER.finditer(text)]
    found += [f"MERGEFIELD {name.strip(chr(34))}" for name in _merge_fields(path)]
    return list(dict.fromkeys(found))


def _merge_fields(path: Path) -> list[str]:
    """The names of the MERGEFIELDs in a .docx's field codes (w:instrText and w:fldSimple's w:instr)."""
    names: list[str] = []
    try:
        with zipfile.ZipFile(path) as archive:
            budget = MAX_XML_BYTES
            for info in archive.infolist():
                if not _PARTS.fullmatch(info.filename):
                    continue
                budget -= info.file_size
                if budget < 0:
                    raise UnreadableLetter("The Word file unpacks to far more than a letter holds.")
                xml = archive.read(info)
                # a field code split across runs: join the runs' instruction text before looking
                joined = re.sub(rb"</w:instrText>.*?<w:instrText[^>]*>", b"", xml, flags=re.DOTALL)
                names += [m.group(1).decode("utf-8", "replace") for m in MERGEFIELD.finditer(joined)]
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise UnreadableLetter(f"The Word file could not be read ({type(error).__name__}).") from None
    return names
