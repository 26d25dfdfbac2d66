"""The deadline calculator: count a period from a trigger under a court's rules and show every step.

Counting follows the rule texts (see resources/rules): the trigger day is not counted; calendar days
count weekends and holidays and roll a last day that falls on a closed day (forward to the next open
day, backward to the one before); court days count only open days; hours count elapsed time in the
court's time zone and roll to the same time on the next open day. Service by mail and the like adds
time in the order the rule set says. A rule set may count only open days in short periods (TRCP 4: five days
or less). A holiday whose status as a court closure is unsettled is counted as an open day when that gives the
earlier date (as a closed one when that does, counting backward); the later date is named in a note.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, cast

from legalsec_desktop.domain import rule_sets
from legalsec_desktop.domain.clock import from_utc, to_utc
from legalsec_desktop.domain.court_calendar import UNSETTLED_MARK, WEEKEND, CourtCalendar
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.formatting import format_clock, format_date

MAX_COUNT = 3660  # ten years of days; a larger count is a typing mistake
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Request:
    rules: str  # "US-FED", "US-FED:MA", "CA", "NY", "TX"
    trigger: date | datetime  # a datetime (wall clock in `tz`) only for periods in hours
    count: int
    unit: str = "days"  # one of rule_sets.UNITS
    before: bool = False
    service: str = "personal"
    tz: str = ""  # for hours; the rule set's zone when blank
    trigger_label: str = ""  # "Complaint served", for the derivation
    cite: str = ""  # the rule that sets the period, e.g. "FRCP 12(a)(1)(A)(i)"


# A line of the derivation: written out, or a template and its values, written out when the derivation is read
# (most computations are never shown: a docket of rule deadlines, a benchmark). A date value reads "Mon 11/23/2026".
Line = str | tuple[str, tuple[Any, ...]]


@dataclass(eq=False)
class Result:
    due: date
    due_at: datetime | None = None  # wall clock in `tz`, for periods in hours
    tz: str = ""
    lines: list[Line] = field(default_factory=list, repr=False)  # the derivation; read it as `steps`
    skipped: list[tuple[date, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rules: str = ""
    notes: list[str] = field(default_factory=list)  # "May extend to … if the court was closed on …"
    later: date | None = None  # the other reading's date, when an unsettled holiday changes the answer

    @property
    def steps(self) -> list[str]:
        """The derivation, a line a step ("Due: Mon 11/23/2026."), written out the first time it is read."""
        lines = self.lines
        for n, line in enumerate(lines):
            if not isinstance(line, str):
                template, values = line
                lines[n] = template.format(*(format_date(v) if type(v) is date else v for v in values))
        return cast(list[str], lines)

    def step(self, template: str, *values: Any) -> None:
        """Add a line to the derivation: `template` with `values` in its {} (dates written as dates are shown)."""
        self.lines.append((template, values))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return self._compared() == other._compared()

    __hash__ = None  # type: ignore[assignment]  # mutable, like any dataclass that compares

    def _compared(self) -> tuple[Any, ...]:
        return (self.due, self.due_at, self.tz, self.steps, self.skipped, self.warnings, self.rules, self.notes,
                self.later)

    @property
    def first_line(self) -> str:
        return self.due_at.strftime("%Y-%m-%dT%H:%M") if self.due_at else self.due.isoformat()

    def text(self) -> str:
        lines = [*self.steps]
        lines += [f"WARNING: {w}" for w in self.warnings]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {"due": self.first_line, "tz": self.tz, "rules": self.rules, "steps": self.steps,
                "skipped": [[d.isoformat(), why] for d, why in self.skipped], "warnings": self.warnings,
                "notes": self.notes}


class _Counter:
    """Moves through days on one court calendar, recording each day skipped and why."""

    def __init__(self, calendar: CourtCalendar, result: Result, rules: rule_sets.RuleSet) -> None:
        self.calendar, self.result, self.rules = calendar, result, rules

    def skip(self, day: date, why: str, note: str = "") -> None:
        self.result.skipped.append((day, why))
        self.result.step("  {}: {}{}", day, why, note)

    def roll(self, day: date, forward: bool) -> date:
        """The day itself if the court is open, else the next (or, backward, the previous) open day."""
        step = DAY if forward else -DAY
        while True:
            why = self.calendar.closed_reason(day, forward=forward)
            if why is None:
                self.open_though_unsettled(day, forward)
                ignored = None if forward else self.calendar.ignored_backward(day)
                if ignored:
                    self.result.step("  {} is {}, a state holiday, which counts only for periods after an event "
                                     "(FRCP 6(a)(6)(C)): not skipped.", day, ignored)
                return day
            cite = self.rules.cite("roll") if forward else self.rules.cite("backward")
            self.skip(day, why, f" — the last day moves {'on' if forward else 'back'} ({cite})")
            day += step

    def open_though_unsettled(self, day: date, forward: bool) -> None:
        name = self.calendar.unsettled(day, forward)
        if name:
            self.result.step("  {} is {}, a holiday that may or may not close the court: counted as a day the court "
                             "is open.", day, name)

    def court_days(self, start: date, count: int, forward: bool, what: str = "") -> date:
        """The `count`-th open day after (or before) `start`."""
        step, unit = (DAY if forward else -DAY), ("business" if "business" in what else "court")
        self.result.step("{} {} {} days {} {}, passing over the days the court is closed:", what or "Count", count,
                         unit, "after" if forward else "before", start)
        # The loop of most computations, a day at a time: each year's closed days are looked up once.
        day, counted, year = start, 0, 0
        closed: Mapping[date, str] = {}
        unsettled: Mapping[date, str] = {}
        while counted < count:
            day += step
            if day.year != year:
                year = day.year
                closed = self.calendar.closed_days(year, forward)
                unsettled = self.calendar.unsettled_days(year, forward)
            weekday = day.weekday()
            why = WEEKEND[weekday] if weekday > 4 else closed.get(day)
            if why:
                self.skip(day, why)
            else:
                if day in unsettled:
                    self.open_though_unsettled(day, forward)
                counted += 1
        self.result.step("  {} day {}: {}.", unit.capitalize(), count, day)
        return day


def compute(request: Request, closures: Mapping[date, str] | None = None) -> Result:
    """The due date (or time) for `request`, with its derivation. Raises ValidationError for bad input.

    Counted twice when a holiday of unsettled status could matter: with those days open and with them closed.
    The earlier answer is docketed; the later one is named in a note ("may extend to …")."""
    open_reading, calendar = _compute_once(request, closures, unsettled_closed=False)
    if not calendar.touched_unsettled():  # no such holiday in the years counted: both readings are the same
        return open_reading
    closed_reading, _ = _compute_once(request, closures, unsettled_closed=True)
    if _moment(open_reading) == _moment(closed_reading):
        return open_reading
    earlier, later = sorted((open_reading, closed_reading), key=_moment)
    days = [(day, why.removesuffix(f" ({UNSETTLED_MARK})")) for day, why in closed_reading.skipped
            if why.endswith(f" ({UNSETTLED_MARK})")]
    named = " and ".join(f"{format_date(day)} ({name})" for day, name in days)
    when = format_date(later.due) + (f" at {format_clock(later.due_at)}" if later.due_at else "")
    if earlier is open_reading:
        note = f"May extend to {when} if the court was closed on {named}."
    else:
        note = f"May be as late as {when} if the court was open on {named}."
    earlier.notes.append(note)
    earlier.later = later.due
    earlier.lines.append(f"Note: {note} Whether {'that day closes' if len(days) == 1 else 'those days close'} the "
                         f"court is unsettled, so the earlier date is docketed: check the court's own calendar.")
    return earlier


def _moment(result: Result) -> date | datetime:
    return result.due_at if result.due_at is not None else result.due


def _compute_once(request: Request, closures: Mapping[date, str] | None,
                  unsettled_closed: bool) -> tuple[Result, CourtCalendar]:
    rules = rule_sets.load(request.rules)
    if request.unit not in rule_sets.UNITS:
        raise ValidationError("unit", f"“{request.unit}” is not a unit. Use days, court days or hours.")
    if not 0 <= request.count <= MAX_COUNT:
        raise ValidationError("count", f"{request.count} is not a period the calculator counts (0 to {MAX_COUNT}).")
    main, forward_only, warnings = rules.calendars()
    calendar = CourtCalendar(main, forward_only, dict(closures or {}), unsettled_closed=unsettled_closed)
    start = request.trigger.date() if isinstance(request.trigger, datetime) else request.trigger
    result = Result(due=start, rules=rules.code + (f":{rules.state}" if rules.state else ""))
    result.warnings += warnings
    counter = _Counter(calendar, result, rules)
    label = f" ({request.trigger_label})" if request.trigger_label else ""
    result.lines.append(f"Rules: {rules.label}." + (f" Period set by {request.cite}." if request.cite else ""))
    if request.unit == "hours":
        _hours(request, rules, counter, label)
    else:
        if isinstance(request.trigger, datetime):
            raise ValidationError("trigger", "A period in days starts from a date: leave out the time of day.")
        result.step("Trigger: {}{}. The trigger day is not counted ({}).", request.trigger, label, rules.cite("days"))
        _days(request, rules, counter)
    missing = calendar.missing_years()
    if missing:
        result.warnings.append("No holiday calendar for " + "; ".join(missing) + ". Holidays in those years were "
                               "NOT skipped: check the court's own calendar before relying on this date.")
    return result, calendar


def _days(request: Request, rules: rule_sets.RuleSet, counter: _Counter) -> None:
    result, forward = counter.result, not request.before
    trigger: date = request.trigger
    extension = rules.extension(request.service, request.before) if request.service else None
    extension = _applies(extension, trigger, request, result)
    added_days = extension.get("days", 0) if extension else 0
    added_to_period = rules.service_order == "added_to_period"
    sign = 1 if forward else -1
    short = rules.short_period
    if request.unit == "days" and short and 1 <= request.count <= short["days"]:
        result.lines.append(f"A period of {short['days']} days or less: Saturdays, Sundays and legal holidays are "
                            f"not counted ({short['cite']})" + (", but they are for the days service adds."
                                                                if added_days else "."))
        due = counter.court_days(trigger, request.count, forward)
    elif request.unit == "court_days":
        due = counter.court_days(trigger, request.count, forward)
    elif request.unit == "monday_after_days":
        day = trigger + request.count * DAY
        monday = day + timedelta(days=(7 - day.weekday()) % 7 or 7)
        result.step("Day {} is {}; the Monday next after it is {}.", request.count, day, monday)
        due = counter.roll(monday, True)
    else:
        days = request.count + (added_days if added_to_period and forward else 0)
        due = trigger + sign * days * DAY
        how = f"{request.count} + {added_days} = {days}" if days != request.count else str(days)
        result.step("Count {} calendar days {}, weekends and holidays included: {}.", how,
                    "after" if forward else "before", due)
        if added_to_period and forward:
            added_days = 0
        if forward and extension and any(extension.get(u) for u in ("court_days", "business_days")):
            result.lines.append("The extra days for service are counted from this day, not from the next open "
                                "day (the earlier of the two readings).")
        else:
            due = counter.roll(due, forward)
    if extension:
        if added_days:
            due = due + sign * added_days * DAY
            result.step("Add {} days for {} ({}), {} that: {}.", added_days, rule_sets.SERVICE_LABELS[request.service],
                        extension["cite"], "after" if forward else "before", due)
            if not forward and counter.calendar.closed_reason(due, forward=False):
                result.warnings.append("The service days land this backward deadline on a day the court is closed, "
                                       "so it was moved earlier. Courts differ on this: confirm it.")
            due = counter.roll(due, forward)
        for unit in ("court_days", "business_days"):
            if extension.get(unit):
                due = counter.court_days(due, extension[unit], forward,
                                         what=f"For {rule_sets.SERVICE_LABELS[request.service]} "
                                              f"({extension['cite']}), {'add' if forward else 'go back'}")
    result.due = due
    result.step("Due: {}.", due)


def _applies(extension: dict[str, Any] | None, trigger: date, request: Request,
             result: Result) -> dict[str, Any] | None:
    method = rule_sets.SERVICE_LABELS.get(request.service, request.service)
    if extension and "before" in extension and trigger >= date.fromisoformat(extension["before"]):
        result.lines.append(f"{method[:1].upper()}{method[1:]} adds no days ({extension['cite']}).")
        return None
    if extension is None and request.service and request.service != "personal":
        result.lines.append(f"{method[:1].upper()}{method[1:]} adds no days under these rules.")
    return extension


def _hours(request: Request, rules: rule_sets.RuleSet, counter: _Counter, label: str) -> None:
    result = counter.result
    if not isinstance(request.trigger, datetime):
        raise ValidationError("trigger", "A period in hours starts at a time: give the date and the time of day.")
    tz = request.tz or rules.default_tz
    start_utc = to_utc(request.trigger, tz, field="trigger")
    result.tz = tz
    result.lines.append(f"Trigger: {format_date(request.trigger.date())} {format_clock(request.trigger)} {tz}{label}. "
                        f"Counting starts at once ({rules.cite('hours') or rules.cite('days')}).")
    if request.service and request.service != "personal":
        result.lines.append("Periods in hours get no extra days for the service method.")
    sign = -1 if request.before else 1
    end = from_utc(start_utc + sign * timedelta(hours=request.count), tz)
    result.lines.append(f"Count {request.count} hours of elapsed time, weekends and holidays included "
                        f"(a daylight-saving change moves the clock time): {format_date(end.date())} "
                        f"{format_clock(end)}.")
    day = counter.roll(end.date(), not request.before)
    due = datetime.combine(day, end.time())
    if day != end.date():
        result.lines.append(f"The period runs until the same time on the next open day: {format_date(day)} "
                            f"{format_clock(due)}.")
    result.due, result.due_at = day, due
    result.lines.append(f"Due: {format_date(day)} at {format_clock(due)} {tz}.")
