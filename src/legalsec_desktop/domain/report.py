"""A report's content, built once in the core; the Word, PDF and print paths only lay it out."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    """A table with a header row; `widths` are relative column widths; `marked` rows are emphasised."""

    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]
    widths: tuple[int, ...] = ()
    marked: frozenset[int] = frozenset()
    empty_text: str = "Nothing to list."


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class Report:
    """Title, a few lines under it (firm, dates, who), sections, and a line for the foot of each page."""

    title: str
    header_lines: tuple[str, ...]
    sections: tuple[Section, ...]
    footer: str = ""
    landscape: bool = False
    facts: tuple[tuple[str, str], ...] = field(default=())  # label/value pairs shown under the header
