"""The text of an .rtf file by a simple reading of its control words: enough for search, not for display."""

from __future__ import annotations

import re
from pathlib import Path

from legalsec_desktop.formats.plain_text import clean_text, cut_reason

MAX_RTF_BYTES = 64 * 1024 * 1024
"""The most bytes of an .rtf read (pictures make them big; the text is nearly always near the start)."""

_TOKEN = re.compile(rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+|([^\\{}\r\n]+)", re.S)
# Groups whose text is not the document's: tables of fonts, colours and styles, pictures, embedded objects, ...
_SKIP = {b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"themedata", b"datastore",
         b"listtable", b"listoverridetable", b"rsidtbl", b"generator", b"latentstyles", b"xmlnstbl", b"filetbl",
         b"revtbl", b"fldinst", b"colorschememapping", b"mmathPr", b"shpinst", b"nonshppict", b"bkmkstart",
         b"bkmkend", b"template", b"operator", b"author", b"title"}
_BREAKS = {b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"row": "\n", b"cell": "\t", b"tab": "\t",
           b"emdash": "\u2014", b"endash": "\u2013", b"lquote": "\u2018", b"rquote": "\u2019",
           b"ldblquote": "\u201c", b"rdblquote": "\u201d", b"bullet": "\u2022"}


def rtf_text(path: Path, max_chars: int) -> tuple[str, str, str]:
    """(text, flag, reason) of the .rtf file at `path`."""
    with path.open("rb") as stream:
        data = stream.read(MAX_RTF_BYTES)
        more = bool(stream.read(1))
    if not data.lstrip().startswith(b"{\\rtf"):
        return "", "damaged", "The file is not a valid RTF document."
    text = clean_text(_strip(data))
    if more or len(text) > max_chars:
        return text[:max_chars], "", cut_reason(max_chars)
    return text, "", ""


def _strip(data: bytes) -> str:
    out: list[str] = []
    stack: list[tuple[bool, int, str]] = []
    skip, uc, codepage = False, 1, "cp1252"
    pending_skip = 0  # characters still to skip after a \uN (its plain stand-in)
    for match in _TOKEN.finditer(data):
        word, arg, hexa, symbol, brace, plain = match.groups()
        if brace == b"{":
            stack.append((skip, uc, codepage))
            pending_skip = 0
        elif brace == b"}":
            if stack:
                skip, uc, codepage = stack.pop()
            pending_skip = 0
        elif word is not None:
            if word in _SKIP:
                skip = True
            elif word == b"uc" and arg:
                uc = int(arg)
            elif word == b"ansicpg" and arg:
                codepage = f"cp{int(arg)}"
            elif word == b"u" and arg and not skip:
                out.append(chr(int(arg) % 65536))
                pending_skip = uc
            elif word in _BREAKS and not skip:
                out.append(_BREAKS[word])
        elif symbol is not None:
            if symbol == b"*":
                skip = True
            elif not skip and symbol in (b"\\", b"{", b"}"):
                out.append(symbol.decode())
            elif not skip and symbol == b"~":
                out.append("\u00a0")
            elif not skip and symbol in (b"\n", b"\r"):
                out.append("\n")
        elif hexa is not None:
            if pending_skip:
                pending_skip -= 1
            elif not skip:
                out.append(_decode(bytes.fromhex(hexa.decode()), codepage))
        elif plain is not None and not skip:
            text = _decode(plain, codepage)
            if pending_skip:
                dropped = min(pending_skip, len(text))
                text, pending_skip = text[dropped:], pending_skip - dropped
            out.append(text)
    return "".join(out)


def _decode(data: bytes, codepage: str) -> str:
    try:
        return data.decode(codepage, errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")
