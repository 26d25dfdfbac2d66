"""The text of a .txt file in whatever encoding it came in (UTF-8, UTF-16 or Windows-1252), read up to a cap."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Every C0 control but tab, line feed and form feed: they mean nothing in a search index.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def cut_reason(max_chars: int) -> str:
    """What the user is told when a document's text was cut at `max_chars`."""
    return f"Only the first {max_chars:,} characters of its text are kept for search."


def clean_text(text: str) -> str:
    """`text` with Windows and old Mac line ends as "\\n" and the control characters removed."""
    return whole_characters(_CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


def whole_characters(text: str) -> str:
    """`text` with UTF-16 surrogate pairs joined into their character and a lone surrogate as U+FFFD.

    An RTF file writes an emoji as two \\u numbers; a lone half cannot be stored as UTF-8 (SQLite would refuse it).
    """
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def plain_text(path: Path, max_chars: int) -> tuple[str, str, str]:
    """(text, flag, reason) of the text file at `path`; never more than about 4 bytes a character are read."""
    limit = max_chars * 4 + 4
    with path.open("rb") as stream:
        data = stream.read(limit)
        more = bool(stream.read(1))
    encoding, data = _encoding(data)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict" if encoding == "utf-8" else "replace")
    try:
        text = decoder.decode(data, final=not more)
    except UnicodeDecodeError:  # not UTF-8 after all: Windows' own code page reads any byte
        text = data.decode("cp1252", errors="replace")
    text = clean_text(text)
    if more or len(text) > max_chars:
        return text[:max_chars], "", cut_reason(max_chars)
    return text, "", ""


def _encoding(data: bytes) -> tuple[str, bytes]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom):]
    sample = data[:4096]
    if len(sample) >= 4:  # UTF-16 without a byte-order mark: mostly-ASCII text has a zero in every other byte
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if odd > half * 0.4 and even < half * 0.05:
            return "utf-16-le", data
        if even > half * 0.4 and odd < half * 0.05:
            return "utf-16-be", data
    return "utf-8", data
