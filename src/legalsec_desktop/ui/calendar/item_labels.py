"""What the calendar views say about an occurrence (text, tooltip, agenda row) and the flags their colours follow.

No Qt here: the views paint an ItemLabel, and the rules (overdue, unverified, faded, struck through) are tested
without a window. Plain text goes to painted cells and tree items; the tooltip is HTML, every value escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING

from legalsec_desktop.domain.events import KIND_COLOURS, KIND_LABELS
from legalsec_desktop.domain.formatting import format_clock, format_date

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window is up
    from legalsec_desktop.services.calendar import Occurrence

OVERDUE_COLOUR = "#b00020"
_HOME_ZONE = [""]  # the office's zone (the computer's): a time kept in another zone is marked with it


def set_home_zone(name: str) -> None:
    """Times of events kept in a zone other than `name` get their zone's abbreviation ("9:00 AM PST"), as on the
    docket; "" (the computer does not say) marks none."""
    _HOME_ZONE[0] = name


def clock_text(occ: Occurrence) -> str:
    """'9:30 AM', or '9:30 AM PST' for an event kept in another zone than the office's."""
    if occ.start is None:
        return ""
    text = format_clock(occ.start)
    if occ.tz and _HOME_ZONE[0] and occ.tz != _HOME_ZONE[0]:
        from zoneinfo import ZoneInfo

        try:
            text += " " + (occ.start.replace(tzinfo=ZoneInfo(occ.tz)).tzname() or occ.tz)
        except (ValueError, KeyError, OSError):
            text += f" ({occ.tz})"
    return text
OTHER_KIND_COLOUR = "#444444"
FADED = ("done", "vacated", "continued")  # settled one way or another: drawn pale


@dataclass(frozen=True)
class ItemLabel:
    """One occurrence as a cell shows it: its text, its kind's colour, and what the view marks.

    `overdue` items are red and bold in a solid frame, `unverified` deadlines get a dashed frame, `faded` ones
    (done, vacated, continued) are pale, and `struck` (vacated) ones are struck through.
    """

    text: str
    colour: str
    overdue: bool
    unverified: bool
    faded: bool
    struck: bool
    long_text: str = ""  # the text with the client beside the matter number, where a cell has room for it

    def fitting(self, width: int, measure: Callable[[str], int]) -> str:
        """The longest text that fits `width` as `measure` counts it: with the client, else without (to elide)."""
        return self.long_text if self.long_text and measure(self.long_text) <= width else self.text


@dataclass(frozen=True)
class AgendaRow:
    """An agenda line: when, what, matter and client, where, status; its tooltip; and its label's flags."""

    cells: tuple[str, str, str, str, str]
    tooltip: str
    label: ItemLabel


def item_label(occ: Occurrence, today: date, with_time: bool = True, with_matter: bool = True) -> ItemLabel:
    """"! 9:30 AM Motion to compel [2026-0001]": "!" overdue, "?" unverified; the time only if it has one.

    Its long text names the client too: "! 9:30 AM Motion to compel [2026-0001 Ana Rivera]"."""
    overdue = occ.overdue(today)
    mark = "! " if overdue else "? " if occ.unverified else ""
    clock = f"{clock_text(occ)} " if with_time and occ.start else ""
    matter = f" [{occ.matter_number}]" if with_matter and occ.matter_number else ""
    client = f" [{occ.matter_number} {occ.client}]" if matter and occ.client else ""
    return ItemLabel(text=f"{mark}{clock}{occ.title}{matter}", colour=KIND_COLOURS.get(occ.kind, OTHER_KIND_COLOUR),
                     overdue=overdue, unverified=occ.unverified, faded=occ.status in FADED,
                     struck=occ.status == "vacated", long_text=f"{mark}{clock}{occ.title}{client}" if client else "")


def item_text(occ: Occurrence, today: date, with_time: bool = True) -> str:
    """The label's text alone (the attention list shows it under the date)."""
    return item_label(occ, today, with_time).text


def when_text(occ: Occurrence) -> str:
    """'Mon 11/23/2026 9:30 AM–10:30 AM (America/Chicago)', or the date alone for an all-day item."""
    when = format_date(occ.day)
    if occ.start:
        when += f" {format_clock(occ.start)}" + (f"–{format_clock(occ.end)}" if occ.end else "") + f" ({occ.tz})"
    return when


def tooltip_html(occ: Occurrence, today: date) -> str:
    """Everything about the occurrence, one fact a line; titles and names are text, never markup."""
    lines = [f"<b>{escape(occ.title)}</b>", escape(KIND_LABELS.get(occ.kind, occ.kind)), escape(when_text(occ))]
    if occ.matter_number:
        lines.append(escape(f"{occ.matter_number} — {occ.client}"))
    if occ.location:
        lines.append(escape(occ.location))
    if occ.attendees:
        lines.append(escape(f"Attending: {occ.attendees}"))
    lines.append(escape(f"Status: {occ.status}"))
    if occ.overdue(today):
        lines.append(f"<span style='color:{OVERDUE_COLOUR}'><b>Overdue: past and not marked done</b></span>")
    if occ.unverified:
        lines.append(f"<span style='color:{OVERDUE_COLOUR}'>Not verified yet</span>")
    if occ.series:
        lines.append("Repeats")
    return "<br>".join(lines)


def agenda_row(occ: Occurrence, today: date) -> AgendaRow:
    """The time (or "all day") in its own column, so the title's label leaves it out, and the matter too."""
    label = item_label(occ, today, with_time=False, with_matter=False)
    when = "    " + (clock_text(occ) if occ.start else "all day")  # indented under the day's heading
    cells = (when, label.text, f"{occ.matter_number} {occ.client}".strip(), occ.location, occ.status)
    return AgendaRow(cells, tooltip_html(occ, today), label)


def agenda_heading(day: date, today: date, closed: Mapping[date, str]) -> str:
    """'Mon 11/23/2026  (today)  — Thanksgiving Day': the day, whether it is today, and why the court is closed."""
    return (format_date(day) + ("  (today)" if day == today else "")
            + (f"  — {closed[day]}" if day in closed else ""))


def agenda_empty_text(first: date, days: int) -> str:
    """What an agenda with nothing in it says about the stretch it covers."""
    return f"Nothing scheduled from {format_date(first)} to {format_date(first + timedelta(days=days - 1))}."


def month_day_label(day: date) -> str:
    """A month cell's number; the first of a month names the month ('Dec 1'), since six weeks span three."""
    return str(day.day) if day.day != 1 else f"{day:%b} 1"


def grid_day_heading(day: date, closed: Mapping[date, str]) -> str:
    """A week or day column's heading: 'Thu 11/26 — Thanksgiving Day' when the court is closed."""
    return f"{day:%a} {day.month}/{day.day}" + (f" — {closed[day]}" if day in closed else "")


def hour_label(hour: int) -> str:
    """'7 AM', '12 PM', '1 PM': the time grid's gutter."""
    return f"{hour % 12 or 12} {'AM' if hour < 12 else 'PM'}"
