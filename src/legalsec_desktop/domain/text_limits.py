"""How much of what someone typed a message repeats, and in what form: short, one line, always printable."""

from __future__ import annotations

ECHO_LIMIT = 80  # a message repeats at most this many characters of the bad input


def printable(text: str) -> str:
    """`text` with everything a terminal or a strict UTF-8 stream cannot show written as an escape.

    A byte that is not UTF-8 (on POSIX, a command-line argument holds it as a lone surrogate) reads as \\xe9;
    control and invisible characters (NUL, newlines, bidirectional overrides) as \\x00, \\n, \\u202e.
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape's stand-in for one undecodable byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)


def shown(text: str, limit: int = ECHO_LIMIT) -> str:
    """At most `limit` printable characters of `text`: long text keeps its start and its end ('…' between).

    The end is kept because that is where a file name's ending or a number's last digits are.
    """
    text = printable(str(text))
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2
    return f"{text[:head]}…{text[len(text) - (limit - 1 - head):]}"


def has_undecodable(text: str) -> bool:
    """Whether `text` holds a lone surrogate: bytes that were not UTF-8 where it came from."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def end_sentence(text: str) -> str:
    """`text` with one full stop at its end, even when it ends with a name that has its own ("… to Horizon
    Construction Inc." rather than "Inc..")."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else f"{text}."
