"""The docket sheet: the day's (or range's) hearings and deadlines, what comes next, and what needs attention.

The content is built here once; the printer, PDF and Word paths only lay it out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from legalsec_desktop.domain.clock import zone
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import KIND_LABELS
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.domain.report import Report, Section, Table

MAX_DAYS = 31  # the longest range one sheet covers
MAX_AHEAD = 60
LIMITATION_DAYS = 90  # statutes of limitations listed this far ahead
UNVERIFIED_DAYS = 30  # unverified deadlines listed this far ahead (the rest are counted)
NO_ATTORNEY = "No attorney assigned"

COLUMNS = ("Done", "When", "Event", "Matter / client", "Caption / case no.", "Court / room", "Judge", "Atty",
           "Status", "Notes")
WIDTHS = (6, 11, 19, 12, 15, 12, 9, 6, 10, 11)


@dataclass(frozen=True)
class DocketRequest:
    """What one sheet covers: `days` days from `first`, the `ahead` days after them, one attorney or all."""

    first: date
    days: int = 1
    ahead: int = 7
    attorney: str = ""  # initials; "" for every attorney
    by_attorney: bool = False
    landscape: bool = True

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

    def sort_key(self) -> tuple[date, bool, datetime, str, str]:
        return self.day, self.start is not None, self.start or datetime.min, self.matter_number, self.title


@dataclass(frozen=True)
class DocketData:
    """The lines of each part of the sheet (the services layer reads them from the database)."""

    in_range: list[DocketLine]
    coming: list[DocketLine]
    overdue: list[DocketLine]
    unverified: list[DocketLine]
    later_unverified: int  # unverified deadlines due after the UNVERIFIED_DAYS horizon
    limitations: list[DocketLine]
    todos: tuple[TodoLine, ...] = ()  # open to-dos due by the sheet's last day, and those in it ticked done


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
    """The docket as a Report; `attorney_names` maps initials to names (its order is the grouping order)."""
    request.check()
    period = period_text(request)
    who = (f"Attorney: {attorney_names.get(request.attorney, request.attorney)} ({request.attorney})"
           if request.attorney else "All attorneys")
    printed = f"Printed {format_date(printed_at.date())} at {format_clock(printed_at)}"
    groups = attorney_names if request.by_attorney and not request.attorney else None
    single_day = request.days == 1
    on_day = "today" if single_day and request.first == printed_at.date() else \
        (format_date(request.first) if single_day else "in this period")
    hearings = [line for line in data.in_range if not _is_deadline(line)]
    deadlines = [line for line in data.in_range if _is_deadline(line)]
    sections = []
    if not data.in_range:
        sections.append(Section("Nothing scheduled", paragraphs=(
            (f"Nothing is scheduled for {period}{'' if not request.attorney else ' for ' + request.attorney}: "
             "no hearings, appointments or deadlines."),)))
    sections += [
        Section("Hearings and appointments" + ("" if single_day else f", {period}"),
                table=_table(hearings, groups, with_day=not single_day,
                             empty=f"No hearings or appointments {on_day}.")),
        Section(f"Deadlines due {on_day}",
                table=_table(deadlines, groups, with_day=not single_day, empty=f"No deadlines due {on_day}.",
                             mark_unverified=True)),
    ]
    if request.ahead:
        after = format_date(request.last)
        sections.append(Section(
            f"Coming up in the next {request.ahead} day{'s' if request.ahead != 1 else ''} (from {after})",
            table=_table(data.coming, groups, with_day=True, empty="Nothing scheduled.", mark_unverified=True)))
    sections.append(Section("To do", table=todo_table(data.todos, request.first)))
    sections.append(Section("Overdue and not done", paragraphs=(
        "Dates that have passed with the item still marked scheduled: mark each done, continued or vacated.",)
        if data.overdue else (), table=_table(data.overdue, groups, with_day=True, empty="Nothing overdue.")))
    horizon = format_date(request.first + timedelta(days=UNVERIFIED_DAYS))
    later = data.later_unverified
    unverified_note = ((f"{later} more unverified deadline{'s' if later != 1 else ''} fall{'s' if later == 1 else ''} "
                        f"after {horizon}; the Calendar's Needs attention panel lists them all."),) if later else ()
    sections.append(Section(f"Unverified deadlines due by {horizon}", paragraphs=unverified_note,
                            table=_table(data.unverified, groups, with_day=True,
                                         empty="Every deadline in this period has been verified.")))
    sections.append(Section(f"Statutes of limitations within {LIMITATION_DAYS} days",
                            table=_table(data.limitations, groups, with_day=True,
                                         empty=f"No limitation dates in the next {LIMITATION_DAYS} days.")))
    return Report(
        title=f"Docket for {period}",
        header_lines=tuple(line for line in (firm_name, who, printed) if line),
        sections=tuple(sections),
        footer=printed,
        landscape=request.landscape,
        running_head=" — ".join(part for part in (firm_name, f"Docket for {period}", request.attorney) if part),
        author=firm_name,
        made_at=printed_at,
    )


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


def _is_deadline(line: DocketLine) -> bool:
    return line.kind in ("filing deadline", "response deadline", "statute of limitations")


def _table(lines: list[DocketLine], groups: dict[str, str] | None, with_day: bool, empty: str,
           mark_unverified: bool = False) -> Table:
    rows: list[tuple[str, ...]] = []
    marked, headings = set(), set()
    for heading, members in _grouped(sorted(lines, key=DocketLine.sort_key), groups):
        if heading:
            headings.add(len(rows))
            rows.append((heading,) + ("",) * (len(COLUMNS) - 1))
        for line in members:
            if mark_unverified and line.unverified:
                marked.add(len(rows))
            rows.append(line_cells(line, with_day))
    return Table(COLUMNS, rows, WIDTHS, frozenset(marked), empty, frozenset(headings))


def _grouped(lines: list[DocketLine], groups: dict[str, str] | None) -> Iterable[tuple[str, list[DocketLine]]]:
    """(heading, lines) per attorney in `groups` order, then the unassigned; one untitled group without `groups`."""
    if groups is None:
        yield "", lines
        return
    for initials, name in groups.items():
        members = [line for line in lines if initials in line.attorneys]
        if members:
            yield f"{name} ({initials})", members
    nobody = [line for line in lines if not any(i in groups for i in line.attorneys)]
    if nobody:
        yield NO_ATTORNEY, nobody


def line_cells(line: DocketLine, with_day: bool) -> tuple[str, ...]:
    """One docket row: a blank box to tick, then when, what, whose, where, who, status and notes."""
    when = "All day" if line.start is None else f"{format_clock(line.start)} {_zone_abbreviation(line)}".rstrip()
    if with_day:
        when = f"{format_date(line.day)}\n{when}"
    event = f"{KIND_LABELS.get(line.kind, line.kind)}: {line.title}"
    if line.authority:
        event += f"\n{line.authority}"
    status = line.status.capitalize() + ("\nUnverified" if line.unverified else "")
    return ("", when, event, _lines(line.matter_number, line.client), _lines(line.caption, line.case_number),
            _lines(line.court, line.location), line.judge, ", ".join(line.attorneys), status, line.notes.strip())


def _lines(*parts: str) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _zone_abbreviation(line: DocketLine) -> str:
    if not line.tz or line.start is None:
        return ""
    try:
        return line.start.replace(tzinfo=zone(line.tz)).tzname() or ""
    except ValidationError:
        return line.tz
