"""VTIMEZONE components with yearly RRULE daylight-saving rules, as Outlook and Google write them.

The transitions come from zoneinfo. Transitions that follow one rule ("the 2nd Sunday of March at 2:00") in
consecutive years become one STANDARD or DAYLIGHT with an RRULE (and an UNTIL in UTC when the rule later
changed); a transition that follows no such rule is written on its own. A rule the zone keeps has no end.
A rule in force at the first year starts where it began (looked for back to 1970, as Google writes zones): vobject
takes a zone with no change in 2000-2020 for UTC and then reads its events in pytz's zone, an hour off in summer
(Europe/London starting in 2025 looked like UTC to it).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# zoneinfo follows the zone's current rule after 2037; a rule still kept 28 years later (every weekday on every
# date) is written without an end, any other ends with its last year checked
LAST_YEAR = 2037 + 28
HISTORY_FROM = 1970  # how far back a rule still in force at the first year is traced to where it began


@dataclass(frozen=True)
class Change:
    """One change of a zone's offset: the UTC instant, the wall-clock time it happens at, the offsets and name."""

    utc: datetime  # naive UTC
    local: datetime  # naive wall-clock time in the offset before the change
    before: timedelta
    after: timedelta
    name: str
    daylight: bool

    @property
    def kind(self) -> tuple[object, ...]:
        """What a yearly rule repeats: offsets, name, month, weekday and time of day."""
        return (self.before, self.after, self.name, self.daylight, self.local.month, self.local.weekday(),
                self.local.time())

    @property
    def weeks(self) -> set[str]:
        """How the day can be named in an RRULE: "2" (the 2nd such weekday of the month), "-1" (the last), or
        "d23" (the one from the 23rd to the 29th, as "the Friday before the last Sunday" needs)."""
        day, length = self.local.day, calendar.monthrange(self.local.year, self.local.month)[1]
        named = {str((day - 1) // 7 + 1)} | {f"d{first}" for first in range(max(1, day - 6), min(day, length - 6) + 1)}
        if day + 7 > length:
            named.add("-1")
        return named


def _offset(zone: ZoneInfo, utc: datetime) -> timedelta:
    found = utc.replace(tzinfo=timezone.utc).astimezone(zone).utcoffset()
    return found if found is not None else timedelta(0)


@lru_cache(maxsize=64)
def changes(tzid: str, first_year: int, last_year: int) -> tuple[Change, ...]:
    """Every offset change of zone `tzid` from the start of `first_year` to the end of `last_year`."""
    zone = ZoneInfo(tzid)
    found = []
    step = datetime(first_year, 1, 1)
    end = datetime(last_year + 1, 1, 1)
    while step < end:
        after = step + timedelta(days=1)
        if _offset(zone, step) != _offset(zone, after):
            low, high = step, after  # the change is in (low, high]: halve down to the second
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if _offset(zone, middle) == _offset(zone, low) else (low, middle)
            high = high.replace(microsecond=0)
            before, later = _offset(zone, low), _offset(zone, high)
            aware = high.replace(tzinfo=timezone.utc).astimezone(zone)
            found.append(Change(high, high + before, before, later, aware.tzname() or tzid, bool(aware.dst())))
        step = after
    return tuple(found)


def vtimezone(tzid: str, first_year: int, last_year: int = LAST_YEAR) -> Timezone:
    """The VTIMEZONE for `tzid`, right for every time from the start of `first_year` on."""
    zone = ZoneInfo(tzid)
    last_year = max(last_year, first_year)
    offset = _offset(zone, datetime(first_year - 1, 1, 1))
    start = datetime(first_year - 1, 1, 1) - offset  # midnight there
    aware = start.replace(tzinfo=timezone.utc).astimezone(zone)
    component = Timezone()
    component.add("tzid", tzid)
    # the offset in effect at the start, so the first weeks before any change are defined too
    component.add_component(_observance(Change(start, start + offset, offset, offset, aware.tzname() or tzid,
                                               bool(aware.dst())), None))
    pending: dict[tuple[object, ...], list[Change]] = {}
    eras: list[tuple[list[Change], set[str]]] = []
    for change in changes(tzid, min(HISTORY_FROM, first_year - 1), last_year):
        era = pending.get(change.kind)
        if era is not None and era[-1].local.year == change.local.year - 1 and _weeks(era) & change.weeks:
            era.append(change)
            continue
        if era is not None:
            eras.append((era, _weeks(era)))
        pending[change.kind] = [change]
    eras += [(era, _weeks(era)) for era in pending.values()]
    # eras over before the start are left out: the observance above gives the offset they left in effect
    eras = [(era, weeks) for era, weeks in eras if era[-1].utc >= start]
    for era, weeks in sorted(eras, key=lambda pair: pair[0][0].utc):
        open_ended = era[-1].local.year >= last_year and era[0].local.year <= last_year - 28
        rule = None
        if len(era) > 1 or open_ended:
            rule = _rule(era[0], weeks)
            if not open_ended:
                rule["UNTIL"] = era[-1].utc.replace(tzinfo=timezone.utc)
        component.add_component(_observance(era[0], rule))
    return component


def _rule(change: Change, weeks: set[str]) -> vRecur:
    """A yearly rule: "-1" first (as Outlook writes the last Sunday), then the n-th weekday, then a 7-day span."""
    weekday = WEEKDAYS[change.local.weekday()]
    named = min(weeks, key=lambda n: (n != "-1", n.startswith("d"), len(n), n))
    if named.startswith("d"):
        first = int(named[1:])
        return vRecur(FREQ="YEARLY", BYMONTH=change.local.month, BYDAY=weekday,
                      BYMONTHDAY=list(range(first, first + 7)))
    return vRecur(FREQ="YEARLY", BYMONTH=change.local.month, BYDAY=f"{named}{weekday}")


def _weeks(era: list[Change]) -> set[str]:
    named = set(era[0].weeks)
    for change in era[1:]:
        named &= change.weeks
    return named


def _observance(change: Change, rule: vRecur | None) -> TimezoneStandard | TimezoneDaylight:
    part = TimezoneDaylight() if change.daylight else TimezoneStandard()
    part.add("dtstart", change.local)
    if rule is not None:
        part.add("rrule", rule)
    part.add("tzoffsetfrom", change.before)
    part.add("tzoffsetto", change.after)
    part.add("tzname", change.name)
    return part
