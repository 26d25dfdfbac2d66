"""A report's content, built once in the core; the Word, PDF and print paths only lay it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Table:
    """A table with a header row; `widths` are relative column widths; `marked` rows are emphasised.

    A row in `groups` is a heading inside the table (its first value spans every column). A value's line breaks
    ("\n") are kept on paper.
    """

    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]
    widths: tuple[int, ...] = ()
    marked: frozenset[int] = frozenset()
    empty_text: str = "Nothing to list."
    groups: frozenset[int] = frozenset()


def column_percents(weights: tuple[int, ...]) -> list[int]:
    """Whole percentages in proportion to `weights` that add up to exactly 100, so a table fills the width."""
    total, running, percents = sum(weights), 0, []
    for weight in weights:
        percents.append(round((running + weight) * 100 / total) - round(running * 100 / total))
        running += weight
    return percents


@dataclass(frozen=True)
class Section:
    """A heading, a few paragraphs and a table; `new_page` starts it on a new page, `level` 1 is a part's title."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    table: Table | None = None
    new_page: bool = False
    level: int = 2


@dataclass(frozen=True)
class Report:
    """Title, a few lines under it (firm, dates, who), sections, and a line for the foot of each page.

    `running_head` is printed at the top of every page (the firm and what the report covers).
    """

    title: str
    header_lines: tuple[str, ...]
    sections: tuple[Section, ...]
    footer: str = ""
    landscape: bool = False
    facts: tuple[tuple[str, str], ...] = field(default=())  # label/value pairs shown under the header
    running_head: str = ""
    author: str = ""  # who the file says made it (the firm), in a Word file's properties
    made_at: datetime | None = None  # when it was made, likewise
