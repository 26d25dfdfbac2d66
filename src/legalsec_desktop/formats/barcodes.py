"""Barcode symbols for file labels: Code 128 modules and QR code module rows, as data a painter draws as rectangles."""

from __future__ import annotations

import re
from dataclasses import dataclass

import segno
from barcode.codex import Code128

BARCODE_ID = re.compile(r"[A-Z0-9]{1,20}")
"""A volume's barcode id as the labels accept it: opaque text, capital letters and digits (e.g. F000123)."""

CODE128_QUIET = 10
"""Modules of white each side of a Code 128 symbol (ISO/IEC 15417 asks for at least 10)."""

QR_QUIET = 4
"""Modules of white all round a QR code (ISO/IEC 18004 asks for 4)."""


@dataclass(frozen=True)
class Run:
    """Dark modules side by side: `count` of them from module `start` (of one row)."""

    start: int
    count: int


def check_barcode_id(text: str) -> str:
    """`text` when it is a barcode id the labels can encode; a ValueError (a bug: ids come from the database)."""
    if not BARCODE_ID.fullmatch(text):
        raise ValueError("a barcode id is 1 to 20 capital letters and digits")
    return text


def code128_modules(text: str) -> str:
    """The Code 128 symbol for `text`: '1' for a dark module, '0' for a light one, from the start character
    through the check character to the stop pattern, without the quiet zones."""
    built = Code128(check_barcode_id(text)).build()
    return "".join(built)


def qr_rows(text: str) -> tuple[str, ...]:
    """The QR code for `text` (error correction M or better, never a Micro QR), one '1'/'0' string per row,
    without the quiet zone."""
    symbol = segno.make(check_barcode_id(text), error="m", micro=False)
    return tuple("".join("1" if dark else "0" for dark in row) for row in symbol.matrix)


def dark_runs(row: str) -> list[Run]:
    """The dark stretches of a module row: a Code 128 bar, or neighbouring dark QR modules drawn as one rectangle."""
    return [Run(found.start(), found.end() - found.start()) for found in re.finditer("1+", row)]
