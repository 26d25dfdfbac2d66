"""Text from users made fit for the XML inside .docx and .xlsx files, which cannot hold most control characters.

Word's manual line break (vertical tab, \\x0b) and its page break (form feed, \\x0c) come along when a narrative
is pasted from Word; they become a line break. Every other character XML 1.0 cannot hold (the other C0 controls
but tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF) is dropped. openpyxl and lxml refuse
a text with any of them, which would stop the whole export.
"""

from __future__ import annotations

import re

_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` with Word's line and page breaks as "\\n" and the characters XML cannot hold removed."""
    if _ILLEGAL.search(text) is None:  # nearly always: the text as it is, at the cost of one scan
        return text
    return _ILLEGAL.sub("", text.translate(_BREAKS))
