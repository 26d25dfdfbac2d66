"""Calendar events: kinds, statuses, reminder lead times, recurrence and the checks a form needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from itertools import islice

from legalsec_desktop.domain.clock import to_utc, zone
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.text_limits import shown

KINDS = ("hearing", "trial", "deposition", "meeting", "filing deadline", "response deadline",
         "statute of limitations", "reminder", "travel")
KIND_LABELS = {
    "hearing": "Hearing", "trial": "Trial", "deposition": "Deposition", "meeting": "Appointment / meeting",
    "filing deadline": "Filing deadline", "response deadline": "Response deadline",
    "statute of limitations": "Statute of limitations", "reminder": "Reminder / tickler", "travel": "Travel",
}
# Colours by kind, for the calendar views and the legend (readable as text on white).
KIND_COLOURS = {
    "hearing": "#1f5fbf", "trial": "#6a1b9a", "deposition": "#00796b", "meeting": "#5d6d7e",
    "filing deadline": "#c0392b", "response deadline": "#d35400", "statute of limitations": "#8e0000",
    "reminder": "#7d6608", "travel": "#6d4c41",
}
DEADLINE_KINDS = ("filing deadline", "response deadline", "statute of limitations")
COURT_KINDS = ("hearing", "trial", *DEADLINE_KINDS)  # warned when put on a day the court is closed
TIMED_KINDS = ("hearing", "trial", "deposition", "meeting", "travel")  # usually have a time of day
STATUSES = ("scheduled", "done", "continued", "vacated")
DEFAULT_LEADS = {
    "filing deadline": (14, 7, 1), "response deadline": (14, 7, 1), "statute of limitations": (180, 90, 60, 30),
    "hearing": (7, 1), "trial": (30, 14, 7), "deposition": (7, 1), "meeting": (1,), "reminder": (0,),
    "travel": (1,),
}
REPEATS = {"": "Does not repeat", "FREQ=DAILY": "Every day", "FREQ=WEEKLY": "Every week",
           "FREQ=WEEKLY;INTERVAL=2": "Every two weeks", "FREQ=MONTHLY": "Every month",
           "FREQ=YEARLY": "Every year"}
MAX_OCCURRENCES = 1000  # per series in one view
MAX_SCANNED = 200_000  # dates of one series stepped through for one view


@dataclass(frozen=True)
class EventDraft:
    """An event as a form holds it: local wall-clock times in `tz`."""

    matter_id: int | None
    kind: str
    title: str
    on_date: date
    all_day: bool = True
    start: time | None = None
    end: time | None = None
    tz: str = ""
    location: str = ""
    attendee_ids: tuple[int, ...] = ()
    status: str = "scheduled"
    docketed_by: str = ""
    verified_by: str = ""
    notes: str = ""
    rrule: str = ""
    derivation: str = ""  # JSON from deadlines.Result.as_dict(), for computed deadlines
    trigger_id: int | None = None
    rule_key: str = ""  # "US-FED/answer/0": which rule deadline of which trigger event
    exdates: tuple[date, ...] = field(default_factory=tuple)

    @property
    def is_deadline(self) -> bool:
        return self.kind in DEADLINE_KINDS

    def start_local(self) -> datetime | None:
        return datetime.combine(self.on_date, self.start) if self.start and not self.all_day else None

    def end_local(self) -> datetime | None:
        return datetime.combine(self.on_date, self.end) if self.end and not self.all_day else None


def validate_event(event: EventDraft) -> tuple[datetime | None, datetime | None]:
    """Check a draft; return its (start, end) as naive UTC (None for all-day events)."""
    if event.kind not in KINDS:
        raise ValidationError("kind", "Choose what kind of event this is.")
    if not event.title.strip():
        raise ValidationError("title", "Enter a title, such as “Hearing on motion to compel”.")
    if len(event.title.strip()) > 300:
        raise ValidationError("title", "The title is longer than 300 characters.")
    if event.status not in STATUSES:
        raise ValidationError("status", "Choose scheduled, done, continued or vacated.")
    if len(event.location) > 300:
        raise ValidationError("location", "The location is longer than 300 characters.")
    for name in ("docketed_by", "verified_by"):
        if len(getattr(event, name).strip()) > 5:
            raise ValidationError(name, "Initials are at most five letters.")
    if event.verified_by.strip() and not event.is_deadline:
        raise ValidationError("verified_by", "Only deadlines are verified.")
    if event.rrule:
        check_rrule(event.rrule, event.on_date)
    if event.all_day:
        return None, None
    if event.start is None:
        raise ValidationError("start", "Enter the start time, or tick “All day”.")
    zone(event.tz or "", field="tz")
    start = to_utc(datetime.combine(event.on_date, event.start), event.tz, field="start")
    end = None
    if event.end is not None:
        if event.end < event.start:
            raise ValidationError("end", "The event ends before it starts.")
        end = to_utc(datetime.combine(event.on_date, event.end), event.tz, field="end")
        if end < start:
            raise ValidationError("end", "The event ends before it starts.")
    return start, end


TOO_OFTEN = ("SECONDLY", "MINUTELY", "HOURLY")  # no legal calendar repeats this often; expanding them can hang
# Parts a yearly rule keeps to ask "can these filters ever agree?" (see never_happens).
_NOT_FILTERS = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYSETPOS", "BYHOUR", "BYMINUTE", "BYSECOND", "WKST")


def rule_parts(rule: str) -> dict[str, str]:
    """'FREQ=WEEKLY;BYDAY=MO' → {'FREQ': 'WEEKLY', 'BYDAY': 'MO'} (names upper-cased; an RRULE: prefix ignored)."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts = (part.partition("=") for part in text.split(";") if part.strip())
    return {name.strip().upper(): value.strip() for name, _, value in parts}


_UNITS = {"DAILY": ("day", "Every day"), "WEEKLY": ("week", "Every week"), "MONTHLY": ("month", "Every month"),
          "YEARLY": ("year", "Every year")}
_DAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday",
         "SU": "Sunday"}
_NTH = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last", -2: "second-to-last"}


def describe_rule(rule: str) -> str:
    """A repeat rule in words: 'Every 2 weeks on Tuesday, Thursday, 6 times'; the rule itself when it says more
    than these words can (BYSETPOS, BYWEEKNO…)."""
    parts = rule_parts(rule)
    freq = parts.pop("FREQ", "").upper()
    if rule in REPEATS or freq not in _UNITS:
        return REPEATS.get(rule, rule)
    unit, every = _UNITS[freq]
    interval = parts.pop("INTERVAL", "1")
    words = [every if interval == "1" else f"Every {interval} {unit}s"]
    days = []
    for day in filter(None, parts.pop("BYDAY", "").upper().split(",")):
        nth, name = day[:-2], _DAYS.get(day[-2:], "")
        if not name or (nth and int(nth.lstrip("+") or 0) not in _NTH):
            return rule
        days.append(f"the {_NTH[int(nth.lstrip('+'))]} {name}" if nth else name)
    if days:
        words.append("on " + ", ".join(days))
    month, day = parts.get("BYMONTH", ""), parts.get("BYMONTHDAY", "")
    if month.isdigit() and day.isdigit() and 1 <= int(month) <= 12:
        words.append(f"on {date(2000, int(month), 1).strftime('%B')} {int(day)}")
        del parts["BYMONTH"], parts["BYMONTHDAY"]
    if "BYMONTHDAY" in parts:
        words.append("on day " + parts.pop("BYMONTHDAY").replace(",", ", "))
    if "BYMONTH" in parts:
        months = [date(2000, int(m), 1).strftime("%B") for m in parts.pop("BYMONTH").split(",") if m.isdigit()]
        words.append("in " + ", ".join(months))
    if "COUNT" in parts:
        count = parts.pop("COUNT")
        words.append("once" if count == "1" else f"{count} times")
    if "UNTIL" in parts:
        until = parts.pop("UNTIL")
        try:
            words.append("until " + date(int(until[:4]), int(until[4:6]), int(until[6:8])).strftime("%m/%d/%Y"))
        except ValueError:
            return rule
    parts.pop("WKST", None)
    if parts:
        return rule
    head, rest = words[0], words[1:]
    if rest and rest[0].startswith("on "):
        head += " " + rest.pop(0)
    return ", ".join([head, *rest])


def until_end_of_day(rule: str) -> str:
    """A date UNTIL (UNTIL=20271231) includes that whole day, as the user who typed it means: on a timed series
    dateutil would read it as midnight and drop that day's occurrence."""
    parts = rule_parts(rule)
    until = parts.get("UNTIL", "")
    if len(until) != 8 or not until.isdigit():
        return rule
    return ";".join(f"{name}={until}T235959" if name == "UNTIL" else f"{name}={value}"
                    for name, value in parts.items())


def check_rrule(rule: str, first: date) -> None:
    """Refuse a recurrence rule dateutil cannot read, one more often than daily, or one that never happens."""
    from dateutil.rrule import rrulestr  # loaded when first needed, not while the window starts

    if rule_parts(rule).get("FREQ", "").upper() in TOO_OFTEN:
        raise ValidationError("rrule", "An event repeats at most daily on a legal calendar.")
    try:
        rrulestr(rule, dtstart=datetime.combine(first, time()))
    except (ValueError, TypeError) as exc:
        raise ValidationError("rrule", f"The repeat rule “{rule}” is not valid: {exc}.") from None
    if never_happens(rule, datetime.combine(first, time())):
        raise ValidationError("rrule", "The repeat rule never happens.")


@lru_cache(maxsize=512)
def never_happens(rule: str, first: datetime) -> bool:
    """Whether the rule has no occurrence at all (ValueError if dateutil cannot read it).

    dateutil looks for a first date day by day until the year 9999 when the BY- parts can never agree
    (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31 takes seconds), so the same filters are first asked year by year: a yearly
    rule with the same filters has a date whenever the rule has one, and within 400 years if at all.
    """
    from dateutil.rrule import rrulestr

    filters = {name: value for name, value in rule_parts(rule).items() if name not in _NOT_FILTERS}
    # the Gregorian calendar repeats every 400 years: filters that meet in none of them never meet
    until = f"UNTIL={min(first.year + 400, 9999)}1231T235959"
    yearly = ";".join(["FREQ=YEARLY", *(f"{name}={value}" for name, value in filters.items()), until])
    if next(iter(rrulestr(yearly, dtstart=first)), None) is None:
        return True
    return next(iter(rrulestr(rule, dtstart=first)), None) is None


def occurrences(rule: str, first: datetime, start: datetime, end: datetime,
                exdates: tuple[date, ...] = ()) -> list[datetime]:
    """The occurrences of a series that begins at `first` (local wall time) that fall in [start, end).

    Capped before they are made, so no stored rule can hold up a view: at most MAX_OCCURRENCES are returned and at
    most MAX_SCANNED dates are stepped through from `first` (a daily series of 500 years). A rule repeating more
    often than daily (only an old import can hold one), one that cannot be read, or one that never happens shows
    its first date only.
    """
    from dateutil.rrule import rrulestr

    alone = [first] if start <= first < end else []
    if rule_parts(rule).get("FREQ", "").upper() in TOO_OFTEN:
        return alone
    rule = until_end_of_day(rule)
    try:
        if never_happens(rule, first):
            return alone
        parsed = rrulestr(rule, dtstart=first)
    except (ValueError, TypeError):
        return alone
    skip = set(exdates)
    found: list[datetime] = []
    for when in islice(parsed, MAX_SCANNED):
        if when >= end or len(found) >= MAX_OCCURRENCES:
            break
        if when >= start and when.date() not in skip:
            found.append(when)
    return found


def parse_leads(text: str) -> tuple[int, ...]:
    """'14, 7, 1' → (14, 7, 1): days before an event when its reminders fall due."""
    try:
        leads = tuple(sorted({int(part) for part in text.replace(";", ",").split(",") if part.strip()}, reverse=True))
    except ValueError:
        raise ValidationError("leads", f"“{shown(text)}” is not a list of days, such as 14, 7, 1.") from None
    if any(lead < 0 or lead > 3650 for lead in leads):
        raise ValidationError("leads", "Reminder days run from 0 (the day itself) to 3650.")
    return leads


def format_leads(leads: tuple[int, ...]) -> str:
    return ", ".join(str(lead) for lead in leads)
