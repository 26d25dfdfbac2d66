"""The docket sheet: the day's (or range's) hearings and deadlines, what comes next, and what needs attention.

The content is built here once; the printer, PDF and Word paths only lay it out. Which parts the sheet has, and in
what order, is the list in reports.docket_sections.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone

from legalsec_desktop.domain.clock import zone
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import DEADLINE_KINDS, KIND_LABELS, TIMED_KINDS
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.domain.report import Report, Section, Table

MAX_DAYS = 31  # the longest range one sheet covers
MAX_AHEAD = 60
LIMITATION_DAYS = 90  # statutes of limitations listed this far ahead
UNVERIFIED_DAYS = 30  # unverified deadlines listed this far ahead (the rest are counted)
NO_ATTORNEY = "No attorney assigned"
DONE_MARK = "✓"  # in the Done column of an item done
NOT_MARKED_DONE = "Not marked done"
APPOINTMENT_KINDS = TIMED_KINDS  # hearings, trials, depositions, meetings, travel: they happen, or they don't
REMINDER_KINDS = ("reminder",)  # ticklers and reminders: things to do, not appearances

COLUMNS = ("Done", "When", "Event", "Matter / client", "Caption / case no.", "Court / room", "Judge", "Atty",
           "Status", "Notes")
WIDTHS = (6, 11, 19, 12, 15, 12, 9, 6, 10, 11)


@dataclass(frozen=True)
class DocketRequest:
    """What one sheet covers: `days` days from `first`, the `ahead` days after them, one attorney or all.

    `zone` is the time zone the sheet's times are given in (the firm's); "" leaves each time in its own zone.
    """

    first: date
    days: int = 1
    ahead: int = 7
    attorney: str = ""  # initials; "" for every attorney
    by_attorney: bool = False
    landscape: bool = True
    zone: str = ""

    @property
    def last(self) -> date:
        """The day after the range."""
        return self.first + timedelta(days=self.days)

    def check(self) -> None:
        if not 1 <= self.days <= MAX_DAYS:
            raise ValidationError("days", f"A docket covers 1 to {MAX_DAYS} days; {self.days} is outside that.")
        if not 0 <= self.ahead <= MAX_AHEAD:
            raise ValidationError("ahead",
                                  f"“Coming up” looks 0 to {MAX_AHEAD} days ahead; {self.ahead} is outside that.")
        if self.zone:
            zone(self.zone, "zone")


@dataclass(frozen=True)
class DocketLine:
    """One event (or limitation date) as the docket prints it; `start` is wall-clock time in `tz`."""

    day: date
    kind: str
    title: str
    status: str = "scheduled"
    start: datetime | None = None
    tz: str = ""
    matter_number: str = ""
    client: str = ""
    caption: str = ""
    case_number: str = ""
    court: str = ""
    location: str = ""
    judge: str = ""
    attorneys: tuple[str, ...] = ()  # initials: the responsible attorney and those attending
    unverified: bool = False
    authority: str = ""  # a computed deadline's trigger and rule: "Served by mail 2026-03-02; FRCP 6(a),(d)"
    notes: str = ""

    @property
    def is_deadline(self) -> bool:
        return self.kind in DEADLINE_KINDS

    def instant(self) -> datetime | None:
        """The start as a naive UTC instant (so times in different zones sort together); None when all day."""
        if self.start is None:
            return None
        if not self.tz:
            return self.start
        try:
            return self.start.replace(tzinfo=zone(self.tz)).astimezone(timezone.utc).replace(tzinfo=None)
        except ValidationError:
            return self.start

    def sort_key(self) -> tuple[date, bool, datetime, str, str]:
        return self.day, self.start is not None, self.instant() or datetime.min, self.matter_number, self.title


@dataclass(frozen=True)
class DocketData:
    """The lines of each part of the sheet (the services layer reads them from the database).

    `overdue` holds deadlines and reminders whose day has passed with the item still scheduled; `not_marked_done`
    the past hearings and appointments still marked scheduled (they are not overdue: they happened, or not).
    """

    in_range: list[DocketLine]
    coming: list[DocketLine]
    overdue: list[DocketLine]
    unverified: list[DocketLine]
    later_unverified: int  # unverified deadlines due after the UNVERIFIED_DAYS horizon
    limitations: list[DocketLine]
    not_marked_done: list[DocketLine] = field(default_factory=list)
    todos: tuple[TodoLine, ...] = ()  # open to-dos due by the sheet's last day, and those in it ticked done

    def only(self, wanted: set[int]) -> DocketData:
        """The lines whose id() is in `wanted` (one attorney's part of the sheet)."""

        def keep(lines: list[DocketLine]) -> list[DocketLine]:
            return [line for line in lines if id(line) in wanted]

        return DocketData(keep(self.in_range), keep(self.coming), keep(self.overdue), keep(self.unverified),
                          self.later_unverified, keep(self.limitations), keep(self.not_marked_done), self.todos)

    def every_line(self) -> list[DocketLine]:
        return (self.in_range + self.coming + self.overdue + self.unverified + self.limitations
                + self.not_marked_done)


@dataclass(frozen=True)
class TodoLine:
    """One to-do as the docket's "To do" section prints it."""

    due_on: date
    title: str
    matter_number: str = ""
    client: str = ""
    assignee: str = ""  # initials, "" for anyone
    notes: str = ""
    done: bool = False
    attorney: str = ""  # whose pages it is on, by attorney: its assignee, else its matter's responsible attorney


TODO_COLUMNS = ("Done", "Due", "To do", "Matter / client", "For", "Notes")
TODO_WIDTHS = (6, 12, 38, 16, 7, 21)


def period_text(request: DocketRequest) -> str:
    if request.days == 1:
        return f"{request.first:%A}, {request.first:%B} {request.first.day}, {request.first.year}"
    return f"{format_date(request.first)} – {format_date(request.last - timedelta(days=1))}"


def sheet_name(request: DocketRequest) -> str:
    """The name a saved sheet is offered under: "Docket 2026-11-23", with the attorney's initials if one."""
    return f"Docket {request.first.isoformat()}" + (f" {request.attorney}" if request.attorney else "")


def build_docket(request: DocketRequest, data: DocketData, firm_name: str, attorney_names: dict[str, str],
                 printed_at: datetime) -> Report:
    """The docket as a Report; `attorney_names` maps initials to names (its order is the order of attorneys).

    `printed_at` is the firm's wall-clock time: it decides what is past (done, or not marked done).
    """
    from legalsec_desktop.reports.docket_sections import Sheet, sheet_sections

    request.check()
    period = period_text(request)
    who = (f"Attorney: {attorney_names.get(request.attorney, request.attorney)} ({request.attorney})"
           if request.attorney else "All attorneys")
    printed = f"Printed {format_date(printed_at.date())} at {format_clock(printed_at)}"
    sheet = Sheet(request, printed_at.date(), period)
    if request.by_attorney and not request.attorney:
        sections: list[Section] = []
        for heading, part in by_attorney(data, attorney_names):
            sections.append(Section(heading, new_page=bool(sections), level=1))
            sections += sheet_sections(replace(sheet, for_whom=heading), part)
    else:
        sections = sheet_sections(sheet, data)
    return Report(
        title=f"Docket for {period}",
        header_lines=tuple(line for line in (firm_name, who, zone_line(request.zone, printed_at), printed) if line),
        sections=tuple(sections),
        footer=printed,
        landscape=request.landscape,
        running_head=" — ".join(part for part in (firm_name, f"Docket for {period}", request.attorney) if part),
        author=firm_name,
        made_at=printed_at,
    )


def zone_line(name: str, moment: datetime) -> str:
    """'Times are Eastern (America/New_York) unless marked otherwise' ('' without a sheet zone)."""
    if not name:
        return ""
    abbreviation = moment.replace(tzinfo=zone(name)).tzname() or name
    return f"Times are {abbreviation} ({name}); a time in another zone is marked with its own."


def todo_table(todos: Iterable[TodoLine], first: date) -> Table:
    """The "To do" section: a box to tick (✓ when done), the due date ("Overdue" before `first`), what, whose."""
    rows: list[tuple[str, ...]] = []
    marked: set[int] = set()
    for todo in sorted(todos, key=lambda t: (t.due_on, t.title)):
        overdue = not todo.done and todo.due_on < first
        if overdue:
            marked.add(len(rows))
        rows.append(("✓" if todo.done else "", format_date(todo.due_on) + ("\nOverdue" if overdue else ""),
                     todo.title, _lines(todo.matter_number, todo.client), todo.assignee, todo.notes.strip()))
    return Table(TODO_COLUMNS, rows, TODO_WIDTHS, frozenset(marked), "Nothing to do by then.")



def by_attorney(data: DocketData, names: dict[str, str]) -> list[tuple[str, DocketData]]:
    """(heading, that attorney's lines and to-dos) in the order of `names`, then those of no attorney; the empty
    left out.

    An item two attorneys attend is on each one's pages; a to-do on its assignee's, else its matter attorney's.
    """
    every = data.every_line()
    parts = []
    for initials, name in names.items():
        mine = {id(line) for line in every if initials in line.attorneys}
        todos = tuple(todo for todo in data.todos if (todo.attorney or todo.assignee) == initials)
        if mine or todos:
            parts.append((f"{name} ({initials})", replace(data.only(mine), todos=todos)))
    nobody = {id(line) for line in every if not any(i in names for i in line.attorneys)}
    unassigned = tuple(todo for todo in data.todos if (todo.attorney or todo.assignee) not in names)
    if nobody or unassigned:
        parts.append((NO_ATTORNEY, replace(data.only(nobody), todos=unassigned)))
    return parts


def table(lines: list[DocketLine], sheet_zone: str, today: date, with_day: bool, empty: str,
          mark_unverified: bool = False) -> Table:
    """The lines in time order as table rows; unverified (when asked) and not-done past deadlines are marked."""
    rows: list[tuple[str, ...]] = []
    marked = set()
    for line in sorted(lines, key=DocketLine.sort_key):
        if (mark_unverified and line.unverified) or (line.is_deadline and _not_marked_done(line, today)):
            marked.add(len(rows))
        rows.append(line_cells(line, with_day, sheet_zone, today))
    return Table(COLUMNS, rows, WIDTHS, frozenset(marked), empty)


def _not_marked_done(line: DocketLine, today: date) -> bool:
    return line.status == "scheduled" and line.day < today


def line_cells(line: DocketLine, with_day: bool, sheet_zone: str = "", today: date = date.min) -> tuple[str, ...]:
    """One docket row: the box to tick (ticked when done), when, what, whose, where, who, status and notes.

    Where is the event's own place (its location or courtroom); the matter's court only when the event has none.
    """
    when = when_text(line, sheet_zone)
    if with_day:
        when = f"{format_date(line.day)}\n{when}"
    event = f"{KIND_LABELS.get(line.kind, line.kind)}: {line.title}"
    if line.authority:
        event += f"\n{line.authority}"
    status = NOT_MARKED_DONE if _not_marked_done(line, today) else line.status.capitalize()
    status += "\nUnverified" if line.unverified else ""
    return (DONE_MARK if line.status == "done" else "", when, event, _lines(line.matter_number, line.client),
            _lines(line.caption, line.case_number), (line.location or line.court).strip(), line.judge,
            ", ".join(line.attorneys), status, line.notes.strip())


def when_text(line: DocketLine, sheet_zone: str) -> str:
    """'9:30 AM' in the sheet's zone; a time kept in another zone adds its own: '6:30 AM\n(9:30 AM EST)'."""
    if line.start is None:
        return "All day"
    own = f"{format_clock(line.start)} {_zone_abbreviation(line)}".rstrip()
    if not sheet_zone or not line.tz:
        return own
    instant = line.instant()
    assert instant is not None  # a start gives an instant
    there = instant.replace(tzinfo=timezone.utc).astimezone(zone(sheet_zone))
    if there.replace(tzinfo=None) == line.start and there.tzname() == _zone_abbreviation(line):
        return format_clock(line.start)  # the sheet's own zone (or one that keeps the same time)
    return f"{format_clock(there)}\n({own})"


def _lines(*parts: str) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _zone_abbreviation(line: DocketLine) -> str:
    if not line.tz or line.start is None:
        return ""
    try:
        return line.start.replace(tzinfo=zone(line.tz)).tzname() or ""
    except ValidationError:
        return line.tz
