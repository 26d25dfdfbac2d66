"""The parts of a docket sheet, in order: one function per part, listed in SECTIONS (add a part by adding one)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.domain.report import Section, Table
from legalsec_desktop.reports.docket import (
    LIMITATION_DAYS,
    REMINDER_KINDS,
    UNVERIFIED_DAYS,
    DocketData,
    DocketLine,
    DocketRequest,
    table,
    todo_table,
)


@dataclass(frozen=True)
class Sheet:
    """What every part needs to know of the sheet: the request, the firm's today, and the period in words."""

    request: DocketRequest
    today: date
    period: str
    for_whom: str = ""  # the attorney whose pages these are, on a sheet by attorney

    @property
    def single_day(self) -> bool:
        return self.request.days == 1

    @property
    def past(self) -> bool:
        """The whole sheet is before today."""
        return self.request.last <= self.today

    @property
    def on_day(self) -> str:
        """'today', 'Tue 11/24/2026' or 'in this period'."""
        if not self.single_day:
            return "in this period"
        return "today" if self.request.first == self.today else format_date(self.request.first)

    def table(self, lines: list[DocketLine], empty: str, with_day: bool | None = None,
              mark_unverified: bool = False) -> Table:
        """The lines as a table in the sheet's zone; the day is shown on a range (or when asked)."""
        day = (not self.single_day) if with_day is None else with_day
        return table(lines, self.request.zone, self.today, day, empty, mark_unverified)


Part = Callable[[Sheet, DocketData], Section | None]


def sheet_sections(sheet: Sheet, data: DocketData) -> list[Section]:
    """Every part of the sheet that has something to say, in the order of SECTIONS."""
    return [made for made in (part(sheet, data) for part in SECTIONS) if made is not None]


def _appointments(lines: list[DocketLine]) -> list[DocketLine]:
    return [line for line in lines if not line.is_deadline and line.kind not in REMINDER_KINDS]


def nothing_scheduled(sheet: Sheet, data: DocketData) -> Section | None:
    if data.in_range:
        return None
    was = "was" if sheet.past else "is"
    whom = sheet.request.attorney or sheet.for_whom
    who = f" for {whom}" if whom else ""
    return Section("Nothing scheduled", paragraphs=(
        f"Nothing {was} scheduled for {sheet.period}{who}: no hearings, appointments or deadlines.",))


def hearings(sheet: Sheet, data: DocketData) -> Section:
    lines = _appointments(data.in_range)
    past = any(line.day < sheet.today for line in lines)
    note = (("A tick marks what was done; “Not marked done”, what is still marked scheduled "
             "(mark it done, continued or vacated)."),) if past else ()
    return Section("Hearings and appointments" + ("" if sheet.single_day else f", {sheet.period}"), paragraphs=note,
                   table=sheet.table(lines, f"No hearings or appointments {sheet.on_day}."))


def deadlines_due(sheet: Sheet, data: DocketData) -> Section:
    return Section(f"Deadlines due {sheet.on_day}",
                   table=sheet.table([line for line in data.in_range if line.is_deadline],
                                     f"No deadlines due {sheet.on_day}.", mark_unverified=True))


def reminders(sheet: Sheet, data: DocketData) -> Section | None:
    """Ticklers and reminders, listed as such (not as hearings); left out when there are none."""
    lines = [line for line in data.in_range if line.kind in REMINDER_KINDS]
    if not lines:
        return None
    return Section(f"Reminders and ticklers {sheet.on_day}", table=sheet.table(lines, ""))


def coming_up(sheet: Sheet, data: DocketData) -> Section | None:
    ahead = sheet.request.ahead
    if not ahead:
        return None
    return Section(f"Coming up in the next {ahead} day{'s' if ahead != 1 else ''} "
                   f"(from {format_date(sheet.request.last)})",
                   table=sheet.table(data.coming, "Nothing scheduled.", with_day=True, mark_unverified=True))


def to_do(sheet: Sheet, data: DocketData) -> Section:
    """Open to-dos due by the sheet's last day (overdue ones marked) and those due in it that were ticked done."""
    return Section("To do", table=todo_table(data.todos, sheet.request.first))


def overdue(sheet: Sheet, data: DocketData) -> Section:
    return Section("Overdue deadlines and reminders", paragraphs=(
        "Due dates that have passed with the item still marked scheduled: mark each done, continued or vacated.",)
        if data.overdue else (), table=sheet.table(data.overdue, "Nothing overdue.", with_day=True))


def not_marked_done(sheet: Sheet, data: DocketData) -> Section | None:
    """Past hearings and appointments still marked scheduled: listed here once, apart from what is overdue."""
    if not data.not_marked_done:
        return None
    return Section("Past hearings and appointments not marked done", paragraphs=(
        "These have passed but are still marked scheduled: mark each done, continued or vacated.",),
        table=sheet.table(data.not_marked_done, "", with_day=True))


def unverified(sheet: Sheet, data: DocketData) -> Section:
    horizon = format_date(sheet.request.first + timedelta(days=UNVERIFIED_DAYS))
    later = data.later_unverified
    note = ((f"{later} more unverified deadline{'s' if later != 1 else ''} fall{'s' if later == 1 else ''} "
             f"after {horizon}; the Calendar's Needs attention panel lists them all."),) if later else ()
    return Section(f"Unverified deadlines due by {horizon}", paragraphs=note,
                   table=sheet.table(data.unverified, "Every deadline in this period has been verified.",
                                     with_day=True))


def limitations(sheet: Sheet, data: DocketData) -> Section:
    return Section(f"Statutes of limitations within {LIMITATION_DAYS} days",
                   table=sheet.table(data.limitations, f"No limitation dates in the next {LIMITATION_DAYS} days.",
                                     with_day=True))


# The parts of the sheet in order. A new part is a function (sheet, data) -> Section | None added here.
SECTIONS: list[Part] = [nothing_scheduled, hearings, deadlines_due, reminders, coming_up, to_do, overdue,
                        not_marked_done, unverified, limitations]
