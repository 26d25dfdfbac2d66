"""What the search window shows, without Qt: its rows (a heading per matter, then its hits), each hit as escaped
HTML with the matched words bold, and the line that says what was found."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.domain.search_marks import Part, one_line, plain

if TYPE_CHECKING:  # the window is built before the database stack loads (tests/gui/test_window_imports.py)
    from legalsec_desktop.services.search import Found, FoundGroup

TYPE_A_WORD = "Type a word to search documents, e-mails, matters, contacts and the correspondence log."
SEARCHING = "Searching…"
NO_WORD = "Punctuation alone finds nothing: type a word."


@dataclass(frozen=True)
class Row:
    """One row of the results: a matter's heading (`hit` None) or a hit."""

    text: str  # plain, for the screen reader and for tests
    html: str  # escaped, with the matched words bold
    hit: Found | None = None


def marked_html(parts: Iterable[Part]) -> str:
    """The parts as HTML on one line: everything escaped, the matched words in <b>."""
    return "".join(f"<b>{_escaped(part.text)}</b>" if part.matched else _escaped(part.text) for part in parts)


def _escaped(text: str) -> str:
    return html.escape(re.sub(r"\s+", " ", text))


def hit_row(hit: Found) -> Row:
    when = format_date(hit.on_date)
    snippet = one_line(plain(hit.snippet))
    text = " — ".join(part for part in (hit.label, hit.plain_title) if part) + (f" · {when}" if when else "")
    marked = html.escape(hit.label) + " — " + marked_html(hit.title)
    if when:
        marked += f" · {html.escape(when)}"
    if hit.missing:
        marked += " <i>(file missing)</i>"
        text += " (file missing)"
    if snippet:
        text += f"\n{snippet}"
        marked += "<br><small>" + marked_html(hit.snippet).strip() + "</small>"
    return Row(text, marked, hit)


def heading_row(group: FoundGroup) -> Row:
    return Row(group.heading, f"<b>{html.escape(group.heading)}</b>")


def rows_of(groups: tuple[FoundGroup, ...]) -> list[Row]:
    rows: list[Row] = []
    for group in groups:
        rows.append(heading_row(group))
        rows += [hit_row(hit) for hit in group.hits]
    return rows


def cut_to(groups: tuple[FoundGroup, ...], limit: int) -> tuple[tuple[FoundGroup, ...], bool]:
    """The first `limit` hits of `groups` (asked for one more), and whether there were more."""
    kept: list[FoundGroup] = []
    left = limit
    for group in groups:
        if left <= 0:
            return tuple(kept), True
        if len(group.hits) > left:
            return (*kept, replace(group, hits=group.hits[:left])), True
        kept.append(group)
        left -= len(group.hits)
    return tuple(kept), False


def summary(words: str, groups: tuple[FoundGroup, ...], has_words: bool, limit: int) -> str:
    """The line under the box: what to do, or what was found; `limit` when there are more than that (else 0)."""
    if not words.strip():
        return TYPE_A_WORD
    if not has_words:
        return NO_WORD
    shown = one_line(words)
    if len(shown) > 60:
        shown = shown[:59] + "…"
    count = sum(len(group.hits) for group in groups)
    if not count:
        return f"No matches for “{shown}”."
    matters = sum(1 for group in groups if group.matter_id is not None)
    more = f" (the newest {limit:,}: Show More for older ones)" if limit and count >= limit else ""
    where = f" in {matters:,} matter{'s' if matters != 1 else ''}" if matters else ""
    return f"{count:,} match{'es' if count != 1 else ''}{more}{where} for “{shown}”."
