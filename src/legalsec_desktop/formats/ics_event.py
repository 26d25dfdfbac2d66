"""One VEVENT read from an iCalendar file: the event draft(s) it becomes, with warnings, or why it was skipped.

Every change from what the file says is a warning shown in the preview and on the command line (no silent
change); a problem in one event is a Skipped with its line number, never an error for the whole file.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import Any, cast
from datetime import date, datetime, time, timedelta, timezone
from itertools import islice
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Component, vRecur
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.events import (KIND_LABELS, KINDS, TOO_OFTEN, EventDraft, never_happens, rule_parts,
                                            validate_event)

log = logging.getLogger(__name__)
SINGLE = ("dtstart", "dtend", "duration", "rrule", "recurrence-id", "summary", "uid", "status")
MAX_DAYS = 366  # a multi-day all-day event longer than this is refused rather than spread over years


@dataclass
class Incoming:
    """One event read from a file, ready to save; `uid` and `recurrence_id` tie a changed occurrence to its series."""

    line: int
    draft: EventDraft
    warnings: list[str] = field(default_factory=list)
    uid: str = ""
    recurrence_id: date | None = None
    series: Incoming | None = None  # for a changed occurrence: its series among the events read
    # a copy standing for one occurrence of its series (an RDATE extra date, one repeat of a multi-day event): the
    # date that occurrence begins, which a changed occurrence (RECURRENCE-ID) of that date replaces
    copy_of: date | None = None


@dataclass(frozen=True)
class Skipped:
    """An event of the file that cannot be imported, and why."""

    line: int
    title: str
    reason: str

    def text(self) -> str:
        title = f" “{self.title}”" if self.title else ""
        return f"line {self.line}: event{title} skipped: {self.reason}"


class _Bad(Exception):
    """This event cannot be imported: the message says why."""


def incoming(vevent: Component, line: int, default_tz: str) -> list[Incoming] | Skipped:
    """The drafts one VEVENT becomes (more than one for RDATE extra dates), or why it is skipped."""
    title = str(vevent.get("summary") or "").strip() if not isinstance(vevent.get("summary"), list) else ""
    try:
        return _read(vevent, line, default_tz, title)
    except _Bad as exc:
        return Skipped(line, title[:60], str(exc))
    except (UserFixableError, ValidationError) as exc:
        return Skipped(line, title[:60], exc.message.removesuffix(" Nothing was imported."))
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:  # the library met bad data
        log.warning("an iCalendar event could not be read: %s", type(exc).__name__, exc_info=True)
        return Skipped(line, title[:60], f"it could not be read ({type(exc).__name__})")


def _value(vevent: Component, name: str) -> object:
    """The property's value (a date or a time for DTSTART and DTEND), None if the event has none."""
    prop = vevent.get(name)
    if prop is None:
        return None
    if type(prop).__name__ == "vBroken":
        shown = prop.to_ical().decode(errors="replace")[:40]
        raise _Bad(f"its {name.upper()} cannot be read: “{shown}”")
    return getattr(prop, "dt", prop)


def _zone_of(vevent: Component, start: datetime, default_tz: str, warnings: list[str]) -> str:
    """The IANA zone of a timed start: its own, a Windows zone name mapped by CLDR, else the default (flagged)."""
    if start.tzinfo is None:
        return default_tz  # floating time: the wall clock of the calendar's zone
    key = getattr(start.tzinfo, "key", "")
    if key:
        return str(key)
    tzid = str(vevent["dtstart"].params.get("TZID", "")).strip().strip('"')
    for name in (tzid, WINDOWS_TO_OLSON.get(tzid, "")):
        if name:
            try:
                ZoneInfo(name)
                return name
            except (ZoneInfoNotFoundError, ValueError):
                pass
    if start.utcoffset() == timedelta(0) and tzid.upper() in ("", "UTC", "GMT", "Z"):
        return "UTC"
    warnings.append(f"unknown time zone “{tzid[:40]}”: shown in {default_tz} at the same moment")
    return default_tz


def _local(when: datetime, tz: str) -> datetime:
    """Naive wall-clock time in `tz`."""
    return when.astimezone(ZoneInfo(tz)).replace(tzinfo=None) if when.tzinfo else when


def _kind(vevent: Component, title: str) -> str:
    kind = str(vevent.get("x-legalsec-kind") or "")
    if kind in KINDS:
        return kind
    categories = vevent.get("categories")
    labels = {label.lower(): k for k, label in KIND_LABELS.items()}
    lists = categories if isinstance(categories, list) else [categories]
    names = [str(c).lower() for item in lists for c in (item.cats if hasattr(item, "cats") else [])]
    found = next((labels[n] for n in names if n in labels), "")
    return found or ("filing deadline" if "deadline" in title.lower() else "meeting")


def _read(vevent: Component, line: int, default_tz: str, title: str) -> list[Incoming]:
    for name in SINGLE:
        if isinstance(vevent.get(name), list):
            raise _Bad(f"it has {len(vevent.get(name))} {name.upper()} lines; an event has at most one")
    start = _value(vevent, "dtstart")
    if start is None:
        raise _Bad("it has no start (DTSTART)")
    if not isinstance(start, date):
        raise _Bad("its DTSTART is not a date or a date and time")
    end = _value(vevent, "dtend")
    duration = _value(vevent, "duration")
    if end is None and isinstance(duration, timedelta):
        end = start + duration
    if end is not None and not isinstance(end, date):
        raise _Bad("its DTEND is not a date or a date and time")
    warnings: list[str] = []
    if not title:
        title = "(untitled)"
        warnings.append("no title in the file")
    recurrence_id = _value(vevent, "recurrence-id")
    draft, extra_days = _when(vevent, start, end, default_tz, title, warnings)
    status = str(vevent.get("status") or "").upper()
    draft = replace(draft, location=str(vevent.get("location") or "")[:300], notes=str(vevent.get("description") or ""),
                    status="vacated" if status == "CANCELLED" else "scheduled")
    start_local = _local(start, draft.tz) if isinstance(start, datetime) else start
    rule = _rule(vevent, start_local, draft, warnings) if recurrence_id is None else ""
    exdates = _exdates(vevent.get("exdate"), draft.tz if not draft.all_day else "", warnings)
    repeats = None
    if extra_days and not rule:
        rule = f"FREQ=DAILY;COUNT={extra_days + 1}"
        warnings.append(f"lasts {extra_days + 1} days: imported as a daily series of {extra_days + 1} days")
    elif extra_days:
        repeats = _repeats(rule, draft.on_date, exdates) if vevent.get("rdate") is None else None
        if repeats is None:
            warnings.append(f"lasts {extra_days + 1} days and repeats without end: imported on the first day of "
                            f"each repeat")
    draft = replace(draft, rrule=rule, exdates=exdates if rule else ())
    if len(draft.title.strip()) > 300:
        draft = replace(draft, title=draft.title[:300])
    validate_event(draft)
    if repeats is not None:
        return _spread(line, replace(draft, rrule=f"FREQ=DAILY;COUNT={extra_days + 1}", exdates=()), repeats,
                       warnings, str(vevent.get("uid") or ""))
    items = [Incoming(line, draft, warnings, str(vevent.get("uid") or ""),
                      _occurrence_date(recurrence_id, draft.tz))]
    if rule:
        items += _not_in_rule(line, draft, start_local, vevent, warnings)
    return items


MAX_SPREAD = 100  # repeats of a multi-day all-day event imported one by one


def _repeats(rule: str, first: date, exdates: tuple[date, ...]) -> list[date] | None:
    """The days a finite rule's repeats begin on (the first date always counts, RFC 5545 3.8.5.3), or None when the
    rule has no end or more than MAX_SPREAD repeats."""
    from dateutil.rrule import rrulestr

    parts = rule_parts(rule)
    if "COUNT" not in parts and "UNTIL" not in parts:
        return None
    found = list(islice(rrulestr(rule, dtstart=datetime.combine(first, time())), MAX_SPREAD + 1))
    days = sorted({first, *(when.date() for when in found)} - set(exdates))
    return days if len(found) <= MAX_SPREAD else None


def _spread(line: int, draft: EventDraft, days: list[date], warnings: list[str], uid: str) -> list[Incoming]:
    """A repeating multi-day all-day event as one daily series per repeat (the program has no repeating spans)."""
    length = int(rule_parts(draft.rrule)["COUNT"])
    said = [*warnings, (f"lasts {length} days and repeats: imported as {len(days)} separate {length}-day "
                        f"series, one per repeat")]
    return [Incoming(line, replace(draft, on_date=day), list(said), uid, copy_of=day) for day in days]


def _when(vevent: Component, start: date, end: object, default_tz: str, title: str,
          warnings: list[str]) -> tuple[EventDraft, int]:
    """The draft's date and times; and how many more days an all-day event lasts."""
    kind = _kind(vevent, title)
    if not isinstance(start, datetime):
        days = ((end if isinstance(end, date) and not isinstance(end, datetime) else start) - start).days
        if days > MAX_DAYS:
            raise _Bad(f"it lasts {days} days; an all-day event of more than {MAX_DAYS} days is not imported")
        return EventDraft(None, kind, title, start, True), max(days - 1, 0)
    tz = _zone_of(vevent, start, default_tz, warnings)
    local_start = _local(start, tz)
    local_end = _local(end, tz) if isinstance(end, datetime) else None
    if isinstance(end, datetime) and end.tzinfo is None and start.tzinfo is not None:
        local_end = None  # a floating end on a zoned start: not comparable, keep the start only
    end_time: time | None = None
    if local_end is not None and local_end.date() == local_start.date() and local_end >= local_start:
        end_time = local_end.time()
    elif local_end is not None and local_end > local_start:
        warnings.append("ends on a later day: imported with its start time only")
    return EventDraft(None, kind, title, local_start.date(), False, local_start.time(), end_time, tz), 0


def _rule(vevent: Component, start: date, draft: EventDraft, warnings: list[str]) -> str:
    """The RRULE as the program stores it: UNTIL in the event's own wall-clock time (or a date), no RSCALE."""
    prop = vevent.get("rrule")
    if prop is None:
        return ""
    if not isinstance(prop, vRecur):
        raise _Bad("its RRULE cannot be read")
    rule = vRecur({key: value for key, value in prop.items() if key.upper() not in ("RSCALE", "SKIP")})
    scale = [str(v).upper() for v in prop.get("RSCALE", [])]
    if scale and scale != ["GREGORIAN"]:
        raise _Bad(f"its RRULE uses the {scale[0].title()} calendar (RSCALE), which the program cannot repeat")
    freq = [str(v).upper() for v in rule.get("FREQ", [])]
    if freq and freq[0] in TOO_OFTEN:
        raise _Bad(f"it repeats {freq[0].lower()}, more often than a legal calendar can show (at most daily)")
    until = rule.get("UNTIL")
    if until:
        value = until[0] if isinstance(until, list) else until
        if isinstance(value, datetime) and draft.all_day:
            rule["UNTIL"] = [(value if value.tzinfo is None else value.astimezone(timezone.utc)).date()]
        elif isinstance(value, datetime):
            rule["UNTIL"] = [_local(value, draft.tz) if value.tzinfo else value]
        elif not draft.all_day:
            rule["UNTIL"] = [datetime.combine(value, time(23, 59, 59))]
    text = str(cast(Any, rule).to_ical().decode())
    if not _happens(text, start if isinstance(start, datetime) else datetime.combine(start, time())):
        warnings.append("its repeat rule ends before the first date or never happens: imported once, "
                        "without repeating")
        return ""
    return text


def _happens(text: str, first: datetime) -> bool:
    """Whether the rule has an occurrence (found quickly even when its filters can never agree)."""
    try:
        return not never_happens(text, first)
    except (ValueError, TypeError) as exc:
        raise _Bad(f"its repeat rule “{text[:60]}” cannot be read: {exc}") from None


def _not_in_rule(line: int, draft: EventDraft, start: date, vevent: Component,
                 warnings: list[str]) -> list[Incoming]:
    """The start itself when the rule skips it, and RDATE extra dates: each a single event beside the series."""
    from dateutil.rrule import rrulestr

    first_at = start if isinstance(start, datetime) else datetime.combine(start, time())
    rule = rrulestr(draft.rrule, dtstart=first_at)
    first = rule[0]
    extra: list[date] = [] if first == first_at else [draft.on_date]
    if extra:
        warnings.append("its first date does not fit its repeat rule: imported as a separate event too")
    for day in _values(vevent.get("rdate"), "RDATE", warnings):
        if isinstance(day, tuple):  # a PERIOD: its start
            day = day[0]
        if isinstance(day, datetime):
            day = _local(day, draft.tz).date() if day.tzinfo and draft.tz else day.date()
        if isinstance(day, date) and datetime.combine(day, first_at.time()) not in rule:  # not a repeat
            extra.append(day)
    if len(extra) > (0 if first == first_at else 1):
        warnings.append(f"{len(extra) - (0 if first == first_at else 1)} extra date(s) (RDATE): "
                        f"imported as separate events")
    extra = sorted({day for day in extra if day not in draft.exdates})  # EXDATE removes an extra date too
    uid = str(vevent.get("uid") or "")
    return [Incoming(line, replace(draft, on_date=day, rrule="", exdates=()), [f"an extra date of line {line}"],
                     uid, copy_of=day) for day in extra]


def _occurrence_date(recurrence_id: object, tz: str) -> date | None:
    if isinstance(recurrence_id, datetime):
        return _local(recurrence_id, tz).date() if recurrence_id.tzinfo and tz else recurrence_id.date()
    return recurrence_id if isinstance(recurrence_id, date) else None


_STRAY_Z = re.compile(r"^\d{8}Z(,\d{8}Z)*$")  # Google's birthday calendar writes RDATE:20131210Z, a date marked UTC


def _values(prop: object, name: str, warnings: list[str]) -> list[object]:
    """The values of every RDATE or EXDATE line (`prop` is None, one vDDDLists or a list of them): dates, date-times
    or PERIOD pairs. A date with a stray UTC mark is read as the date (said); anything else unreadable skips the
    event."""
    found: list[object] = []
    for item in prop if isinstance(prop, list) else [prop] if prop is not None else []:
        if type(item).__name__ == "vBroken":
            text = cast(Any, item).to_ical().decode(errors="replace").strip()
            if not _STRAY_Z.match(text):
                raise _Bad(f"its {name} cannot be read: “{text[:40]}”")
            found += [date(int(v[:4]), int(v[4:6]), int(v[6:8])) for v in text.replace("Z", "").split(",")]
            warnings.append(f"its {name} “{text[:40]}” marks a date as UTC: read as the date")
            continue
        found += [value.dt for value in getattr(item, "dts", [])]
    return found


def _exdates(prop: object, tz: str, warnings: list[str]) -> tuple[date, ...]:
    """The dates of EXDATE in the event's own zone."""
    found = []
    for day in _values(prop, "EXDATE", warnings):
        if isinstance(day, datetime):
            day = _local(day, tz).date() if day.tzinfo and tz else day.date()
        if isinstance(day, date):
            found.append(day)
    return tuple(found)
