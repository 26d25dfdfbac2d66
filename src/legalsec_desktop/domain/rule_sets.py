"""Court rule sets, shipped as data in resources/rules/<CODE>.json.

A rule set says how a court counts time (citations for each step), which holiday calendar it uses, what
each service method adds, and which named trigger events create which deadlines ("Complaint served" →
"Answer due 21 days later").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from legalsec_desktop.domain import court_calendar
from legalsec_desktop.domain.errors import UserFixableError

SERVICE_METHODS = ("personal", "electronic", "mail", "mail-out-of-state", "mail-international", "overnight")
SERVICE_LABELS = {
    "personal": "personal service", "electronic": "electronic service", "mail": "service by mail",
    "mail-out-of-state": "service by mail across state lines",
    "mail-international": "service by mail from or to another country", "overnight": "overnight delivery",
}
UNITS = ("days", "court_days", "hours", "monday_after_days")
UNIT_LABELS = {"days": "calendar days", "court_days": "court days", "hours": "hours",
               "monday_after_days": "days, then the next Monday"}


@dataclass(frozen=True)
class RuleDeadline:
    """One deadline a trigger event creates."""

    title: str
    count: int
    unit: str
    before: bool
    cite: str
    kind: str
    service: bool  # whether the trigger's service method adds time


@dataclass(frozen=True)
class RuleEvent:
    key: str
    trigger: str
    deadlines: tuple[RuleDeadline, ...]
    note: str = ""


@dataclass(frozen=True)
class RuleSet:
    code: str
    name: str
    calendar: str
    default_tz: str
    cites: dict[str, str]
    service_order: str  # "after_roll" (FRCP 6(d)) or "added_to_period" (CCP 1013, CPLR 2103, TRCP 21a)
    service: dict[str, dict[str, Any] | None]
    service_before: dict[str, dict[str, Any] | None]
    events: tuple[RuleEvent, ...]
    state: str = ""  # US-FED:MA → "MA"
    # A period of this many days or fewer counts only open days (TRCP 4): {"days": 5, "cite": "TRCP 4"}.
    short_period: dict[str, Any] | None = None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code}{':' + self.state if self.state else ''})"

    def cite(self, step: str) -> str:
        return self.cites.get(step, "")

    def event(self, key: str) -> RuleEvent:
        for event in self.events:
            if event.key == key:
                return event
        known = ", ".join(e.key for e in self.events)
        raise UserFixableError(f"{self.code} has no rule event “{key}”. Known: {known}.")

    def extension(self, method: str, before: bool) -> dict[str, Any] | None:
        table = self.service_before if before and self.service_before else self.service
        if method not in table:
            known = ", ".join(m for m in table)
            raise UserFixableError(f"{self.code} rules do not know the service method “{method}”. Use one of: {known}.")
        return table[method]

    def calendars(self) -> tuple[list[court_calendar.HolidayList], list[court_calendar.HolidayList], list[str]]:
        """(calendars counted both ways, state calendars counted forward only, warnings)."""
        warnings: list[str] = []
        if self.calendar == "federal":
            main = [court_calendar.federal()]
            forward: list[court_calendar.HolidayList] = []
            if self.state:
                found = court_calendar.state(self.state)
                if found is None:
                    warnings.append(f"No holiday calendar ships for the state {self.state}: its state holidays "
                                    f"were not skipped (FRCP 6(a)(6)(C)). Add them as court closure days.")
                else:
                    forward.append(found)
            return main, forward, warnings
        found = court_calendar.state(self.calendar)
        if found is None:  # a packaging error, not the user's
            raise RuntimeError(f"missing holiday data for {self.calendar}")
        return [found], [], warnings


def _deadline(item: dict[str, Any]) -> RuleDeadline:
    unit = next(u for u in UNITS if u in item)
    return RuleDeadline(item["title"], int(item[unit]), unit, bool(item.get("before", False)), item["cite"],
                        item.get("kind", "filing deadline"), bool(item.get("service", False)))


@cache
def _load(code: str) -> RuleSet:
    resource = files("legalsec_desktop.resources") / "rules" / f"{code}.json"
    if not resource.is_file():
        raise UserFixableError(f"There are no court rules called “{code}”. Use one of: {', '.join(rule_codes())}.")
    data = json.loads(resource.read_text(encoding="utf-8"))
    cites = {key[5:]: value for key, value in data.items() if key.startswith("cite_")}
    events = tuple(RuleEvent(e["key"], e["trigger"], tuple(_deadline(d) for d in e["deadlines"]), e.get("note", ""))
                   for e in data.get("events", []))
    return RuleSet(data["code"], data["name"], data["calendar"], data["default_tz"], cites, data["service_order"],
                   data["service"], data.get("service_before", {}), events, short_period=data.get("short_period"))


def rule_codes() -> list[str]:
    folder = files("legalsec_desktop.resources") / "rules"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


@cache
def load(code: str) -> RuleSet:
    """The rule set for 'US-FED', 'US-FED:MA' (a federal court sitting in Massachusetts), 'CA', 'NY' or 'TX'."""
    cleaned = (code or "").strip().upper()
    base, _, state = cleaned.partition(":")
    rules = _load(base)
    if state:
        if rules.calendar != "federal":
            raise UserFixableError(f"“{code}”: only federal rules take a state (US-FED:MA is a federal court in "
                                   f"Massachusetts).")
        if len(state) != 2 or not state.isalpha():
            raise UserFixableError(f"“{state}” is not a two-letter state code.")
        rules = RuleSet(**{**rules.__dict__, "state": state})
    return rules


def choices() -> list[tuple[str, str]]:
    """(code, label) for every rule set, plus federal courts in the states with a shipped calendar."""
    found = [(code, _load(code).name) for code in rule_codes()]
    found += [(f"US-FED:{st}", f"U.S. federal courts in {court_calendar.state(st).state_name}")  # type: ignore[union-attr]
              for st in court_calendar.shipped_states()]
    return found
