"""A search hit's title or snippet with its matched words marked: split into parts to show bold, or bracketed."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """A run of text, and whether it is a word the search matched (shown bold)."""

    text: str
    matched: bool = False


def marked_parts(text: str, start: str, end: str) -> tuple[Part, ...]:
    """`text` cut at the markers `start` and `end` (the search index puts them around each matched word); the
    markers themselves are dropped. A marker without its partner ends or begins a match where it stands."""
    parts: list[Part] = []
    matched = False
    for piece in _marks(start, end).split(text):
        if piece == start or piece == end:
            matched = piece == start
        elif piece:
            parts.append(Part(piece, matched))
    return tuple(parts)


@functools.cache
def _marks(start: str, end: str) -> re.Pattern[str]:
    return re.compile(f"([{re.escape(start)}{re.escape(end)}])")


def one_line(text: str) -> str:
    """Tabs, line breaks and runs of spaces made one space, so a snippet fits on one line."""
    return " ".join(text.split())


def plain(parts: Iterable[Part]) -> str:
    """The text of the parts, without marks."""
    return "".join(part.text for part in parts)


def bracketed(parts: Iterable[Part], opening: str = "[", closing: str = "]") -> str:
    """The text of the parts on one line, each matched word between `opening` and `closing`: "the [extension]"."""
    return one_line("".join(f"{opening}{part.text}{closing}" if part.matched else part.text for part in parts))
