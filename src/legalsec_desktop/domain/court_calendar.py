"""Which days a court is closed: weekends, holidays and closure days, and which years are known.

The federal calendar is 5 U.S.C. 6103 plus days closed by executive order, from the `holidays` package.
State court calendars are explicit data in resources/holidays/<STATE>.json, valid for the years they
declare; a computation that touches another year gets a warning instead of a silent answer. A holiday marked
"unsettled" may or may not close the court (a state employees' holiday some county courts keep open): the
calculator counts the court open that day, docketing the earlier date, and names the later one as possible.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache, partial
from importlib.resources import files
from pathlib import Path
from typing import Any

import holidays

FEDERAL_FIRST_YEAR = 1971  # the Monday Holiday Act calendar of 6103(a)
WEEKEND = {5: "Saturday", 6: "Sunday"}
UNSETTLED_MARK = "closure unsettled, counted as closed"


@dataclass(frozen=True, eq=False)
class HolidayList:
    """One jurisdiction's holidays for the years it covers (each is made once: compared and hashed by identity,
    cheaply, as the key of the closed days kept for every computation)."""

    code: str
    name: str
    state_name: str
    citation: str
    first_year: int
    last_year: int
    by_year: Any  # callable year -> dict[date, str]
    unsettled_by_year: Any = None  # callable year -> dict[date, str]: holidays that may not close the court

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def holidays_in(self, year: int) -> dict[date, str]:
        found: dict[date, str] = self.by_year(year)
        return found

    def unsettled_in(self, year: int) -> dict[date, str]:
        """The year's holidays whose status as court closures is unsettled (never a day of holidays_in)."""
        if self.unsettled_by_year is None:
            return {}
        found: dict[date, str] = self.unsettled_by_year(year)
        return found


def _federal_year(year: int) -> dict[date, str]:
    found = _united_states()(years=year, categories=("public", "government"))
    return {day: name.split(";")[0] for day, name in found.items() if day.year == year}


@cache
def _united_states() -> Any:
    """The `holidays` package's United States calendar, loaded alone.

    `holidays.countries` imports every country's module on first use (0.15 s, and most of the package's memory);
    only the United States is used here, so its module is loaded by itself. Should a later version of the package
    arrange its files differently, the ordinary (slower) way is taken."""
    try:
        spec = importlib.util.find_spec("holidays")
        origin = spec.origin if spec is not None else None
        module_spec = importlib.util.spec_from_file_location(
            "holidays.countries.united_states", Path(str(origin)).parent / "countries" / "united_states.py")
        if origin is None or module_spec is None or module_spec.loader is None:
            raise ImportError("holidays.countries.united_states")
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        return module.UnitedStates
    except Exception:  # noqa: BLE001 - any surprise in the package's layout: its public, slower way
        return partial(holidays.country_holidays, "US")


_federal_cached = lru_cache(maxsize=None)(_federal_year)


@cache
def federal() -> HolidayList:
    return HolidayList("US", "Federal holidays", "United States", "5 U.S.C. 6103 and executive orders",
                       FEDERAL_FIRST_YEAR, 9999, _federal_cached)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _occurrences(data: Mapping[str, Any], year: int, unsettled: bool = False) -> dict[date, str]:
    """Every holiday (and observed day) of the data that falls in `year`: the settled ones, or (`unsettled`) those
    marked "unsettled": true that do not fall on a settled holiday."""
    shift = {5: data["observe"].get("saturday", 0), 6: data["observe"].get("sunday", 0)}
    found: dict[date, str] = {}
    for y in (year - 1, year, year + 1):
        for item in data["holidays"]:
            if bool(item.get("unsettled", False)) != unsettled:
                continue
            if "day" in item:
                day = date(y, item["month"], item["day"])
                moved = shift.get(day.weekday(), 0)
                if moved:
                    observed = day + timedelta(days=moved)
                    if observed.year == year:
                        found.setdefault(observed, f"{item['name']} (observed)")
            else:
                day = _nth_weekday(y, item["month"], item["weekday"], item["nth"])
                day += timedelta(days=item.get("offset", 0))
            if day.year == year:
                found.setdefault(day, item["name"])
    if unsettled:
        settled = _occurrences(data, year)
        return {day: name for day, name in found.items() if day not in settled}
    return found


@cache
def state(code: str) -> HolidayList | None:
    """The shipped court calendar of a state (resources/holidays/<code>.json), or None."""
    resource = files("legalsec_desktop.resources") / "holidays" / f"{code.upper()}.json"
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text(encoding="utf-8"))
    first, last = data["years"]
    by_year = lru_cache(maxsize=None)(lambda year: _occurrences(data, year))
    unsettled = lru_cache(maxsize=None)(lambda year: _occurrences(data, year, unsettled=True))
    return HolidayList(data["code"], data["name"], data["state"], data["citation"], first, last, by_year, unsettled)


def shipped_states() -> list[str]:
    folder = files("legalsec_desktop.resources") / "holidays"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


@dataclass
class CourtCalendar:
    """Closed days for one computation: `main` lists count both ways, `forward_only` lists only forward.

    `touched` collects the years looked at, so missing calendars can be reported afterwards. Unsettled holidays
    count as open days unless `unsettled_closed`, the reading that gives the later date.
    """

    main: list[HolidayList]
    forward_only: list[HolidayList] = field(default_factory=list)
    closures: Mapping[date, str] = field(default_factory=dict)
    touched: set[int] = field(default_factory=set)
    unsettled_closed: bool = False
    # (year, counting forward) -> closed days and why / unsettled holidays: see _closed_days
    _closed: dict[tuple[int, bool], dict[date, str]] = field(default_factory=dict, repr=False, compare=False)
    _unsettled: dict[tuple[int, bool], dict[date, str]] = field(default_factory=dict, repr=False, compare=False)

    def closed_reason(self, day: date, forward: bool = True) -> str | None:
        """Why the court is closed on `day` ('Saturday', 'Labor Day', …), or None when it is open."""
        weekday = day.weekday()
        if weekday in WEEKEND:
            self.touched.add(day.year)
            return WEEKEND[weekday]
        return self.closed_days(day.year, forward).get(day)

    def closed_days(self, year: int, forward: bool = True) -> Mapping[date, str]:
        """The weekdays of `year` the court is closed, and why (weekends are not in it): see _closed_days."""
        closed = self._closed.get((year, forward))
        if closed is None:
            self.touched.add(year)
            main, forward_only = tuple(self.main), tuple(self.forward_only)
            closed = self._closed[year, forward] = (
                _closed_days(main, forward_only, self.closures, self.unsettled_closed, year, forward)
                if self.closures else _shared_closed_days(main, forward_only, self.unsettled_closed, year, forward))
        return closed

    def unsettled(self, day: date, forward: bool = True) -> str | None:
        """The name of the holiday on `day` whose status as a court closure is unsettled, if there is one."""
        return self.unsettled_days(day.year, forward).get(day)

    def unsettled_days(self, year: int, forward: bool = True) -> Mapping[date, str]:
        """The holidays of `year` whose status as a court closure is unsettled, by day."""
        found = self._unsettled.get((year, forward))
        if found is None:
            found = self._unsettled[year, forward] = _unsettled_days(tuple(self.main), tuple(self.forward_only),
                                                                     year, forward)
        return found

    def touched_unsettled(self) -> bool:
        """Whether a year looked at has a holiday whose status as a court closure is unsettled, on any list.

        When none has, counting those holidays as open or as closed gives the same answer, step by step."""
        return any(self.unsettled_days(year, True) for year in self.touched)  # forward: every list

    def ignored_backward(self, day: date) -> str | None:
        """A state holiday that does not count when counting backward (FRCP 6(a)(6)(C))."""
        if day.weekday() in WEEKEND:
            return None
        for calendar in self.forward_only:
            name = calendar.holidays_in(day.year).get(day)
            if name:
                return name
        return None

    def missing_years(self) -> list[str]:
        """'California courts: 2031' for each touched year a calendar does not cover."""
        problems: list[str] = []
        if not self.touched:
            return problems
        first, last = min(self.touched), max(self.touched)
        for calendar in self.main + self.forward_only:
            if calendar.covers(first) and calendar.covers(last):  # nearly always
                continue
            years = sorted(y for y in self.touched if not calendar.covers(y))
            if years:
                problems.append(f"{calendar.name}: {', '.join(str(y) for y in years)}")
        return problems


def _closed_days(main: tuple[HolidayList, ...], forward_only: tuple[HolidayList, ...], closures: Mapping[date, str],
                 unsettled_closed: bool, year: int, forward: bool) -> dict[date, str]:
    """Every weekday of `year` the court is closed and why, the first reason found winning, as closed_reason
    looks: the main lists, the closure days, the forward-only lists (counting forward), then (in the reading that
    counts them closed) the unsettled holidays. Built once a year and direction: a computation asks about most
    days several times, and ten thousand computations about the same few years."""
    found: dict[date, str] = {}
    for calendar in main:
        for day, name in calendar.holidays_in(year).items():
            if name:
                found.setdefault(day, name)
    for day, why in closures.items():
        if day.year == year:
            found.setdefault(day, f"court closed: {why}")
    if forward:
        for calendar in forward_only:
            for day, name in calendar.holidays_in(year).items():
                if name:
                    found.setdefault(day, f"{name} ({calendar.code} state holiday)")
    if unsettled_closed:
        for day, name in _unsettled_days(main, forward_only, year, forward).items():
            found.setdefault(day, f"{name} ({UNSETTLED_MARK})")
    return found


@lru_cache(maxsize=1024)
def _shared_closed_days(main: tuple[HolidayList, ...], forward_only: tuple[HolidayList, ...], unsettled_closed: bool,
                        year: int, forward: bool) -> dict[date, str]:
    """_closed_days without closure days, kept for every computation on the same calendars (read, never changed)."""
    return _closed_days(main, forward_only, {}, unsettled_closed, year, forward)


@lru_cache(maxsize=1024)
def _unsettled_days(main: tuple[HolidayList, ...], forward_only: tuple[HolidayList, ...], year: int,
                    forward: bool) -> dict[date, str]:
    """The holidays of `year` whose status as court closures is unsettled, by day (read, never changed)."""
    found: dict[date, str] = {}
    for calendar in main + (forward_only if forward else ()):
        for day, name in calendar.unsettled_in(year).items():
            if name:
                found.setdefault(day, str(name))
    return found
