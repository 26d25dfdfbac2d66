"""Court-rule deadlines in the practice: closure days, the rules of a matter, non-court days, trigger chains."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import CourtClosureRow, EventRow, FirmRow, MatterRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain import rule_sets
from legalsec_desktop.domain.clock import to_utc
from legalsec_desktop.domain.court_calendar import UNSETTLED_MARK, CourtCalendar
from legalsec_desktop.domain.deadlines import Request, Result, compute
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.services import calendar, matter_sol


@dataclass(frozen=True)
class Closure:
    id: int
    day: date
    rules: str
    reason: str


def list_closures(store: Store) -> list[Closure]:
    with store.read() as session:
        rows = session.scalars(select(CourtClosureRow).order_by(CourtClosureRow.day)).all()
        return [Closure(r.id, r.day, r.rules, r.reason) for r in rows]


def add_closure(store: Store, day: date, rules: str, reason: str) -> int:
    if not reason.strip():
        raise ValidationError("reason", "Say why the court is closed (for the derivation of every deadline).")
    if rules:
        rule_sets.load(rules)
    with store.write() as session:
        row = CourtClosureRow(day=day, rules=rules.upper(), reason=reason.strip()[:200])
        session.add(row)
        session.flush()
        return row.id


def remove_closure(store: Store, closure_id: int) -> Closure | None:
    with store.write() as session:
        row = session.get(CourtClosureRow, closure_id)
        if row is None:
            return None
        gone = Closure(row.id, row.day, row.rules, row.reason)
        session.delete(row)
        return gone


def _closures(session: Session, rules: str) -> dict[date, str]:
    code = rules.upper()
    rows = session.execute(select(CourtClosureRow.day, CourtClosureRow.reason, CourtClosureRow.rules)).all()
    return {day: reason for day, reason, applies in rows
            if not applies or applies == code or applies == code.split(":")[0]}


def closures_for(store: Store, rules: str) -> dict[date, str]:
    with store.read() as session:
        return _closures(session, rules)


def compute_with_closures(store: Store | None, request: Request) -> Result:
    """compute() with the court closure days the user recorded (none without a database)."""
    closures = closures_for(store, request.rules) if store is not None else {}
    return compute(request, closures)


def rules_for_matter(store: Store, matter_id: int | None) -> str:
    """The matter's court rules, else the firm's default."""
    with store.read() as session:
        return _rules_for_matter(session, matter_id)


def _rules_for_matter(session: Session, matter_id: int | None) -> str:
    matter = session.get(MatterRow, matter_id) if matter_id is not None else None
    if matter is not None and matter.jurisdiction:
        return matter.jurisdiction
    firm = session.scalars(select(FirmRow)).first()
    return firm.default_jurisdiction if firm is not None and firm.default_jurisdiction else "US-FED"


def _matter_court(store: Store, matter_id: int | None) -> tuple[CourtCalendar, str]:
    """The closed days of the matter's court (its rules' holidays and the recorded closures), and the rules.

    For scheduling, a holiday that may or may not close the court counts as closed (a warning, not a count)."""
    with store.read() as session:
        rules = _rules_for_matter(session, matter_id)
        closures = _closures(session, rules)
    main, forward, _ = rule_sets.load(rules).calendars()
    return CourtCalendar(main, forward, closures, unsettled_closed=True), rules


def _shown(why: str) -> str:
    return why.replace(f" ({UNSETTLED_MARK})", " — the court may be closed")


def court_closed(store: Store, day: date, matter_id: int | None) -> tuple[str, date, str] | None:
    """(why, next court day, rules) when the court of the matter is closed on `day`; None when it is open."""
    court, rules = _matter_court(store, matter_id)
    why = court.closed_reason(day)
    if why is None:
        return None
    following = day + timedelta(days=1)
    while court.closed_reason(following):
        following += timedelta(days=1)
    return _shown(why), following, rules


# ---- trigger chains ---------------------------------------------------------------------------------------------


def _request_for(rules: str, trigger_day: date, deadline: rule_sets.RuleDeadline, service: str,
                 trigger_label: str) -> Request:
    return Request(rules=rules, trigger=trigger_day, count=deadline.count, unit=deadline.unit, before=deadline.before,
                   service=service if deadline.service else "personal", trigger_label=trigger_label,
                   cite=deadline.cite)


def _derivation(request: Request, result: Result) -> str:
    data = result.as_dict()
    data["request"] = {k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in asdict(request).items()}
    return json.dumps(data)


@dataclass(frozen=True)
class Planned:
    """A deadline a trigger event would create, before it is saved."""

    title: str
    kind: str
    request: Request
    result: Result
    rule_key: str


def plan_chain(store: Store, trigger_day: date, rules: str, event_key: str, service: str,
               trigger_label: str = "") -> list[Planned]:
    """The deadlines a named rule event creates from a trigger on `trigger_day`."""
    rule_set = rule_sets.load(rules)
    event = rule_set.event(event_key)
    label = trigger_label or f"{event.trigger} {trigger_day.isoformat()}"
    if service and service != "personal":
        label += f", {rule_sets.SERVICE_LABELS.get(service, service)}"
    planned = []
    for index, deadline in enumerate(event.deadlines):
        request = _request_for(rules, trigger_day, deadline, service, label)
        planned.append(Planned(deadline.title, deadline.kind, request, compute_with_closures(store, request),
                               f"{rules}/{event_key}/{index}"))
    return planned


def trigger_draft(planned: list[Planned], matter_id: int | None, title: str,
                  today: date | None = None) -> EventDraft:
    """The trigger of `planned` as an all-day calendar item: a hearing when the deadlines count back from it;
    otherwise a dated note of what happened (service, filing), marked done once its day has come, so it never
    pops up as a reminder or turns overdue."""
    day = planned[0].request.trigger
    day = day.date() if isinstance(day, datetime) else day
    kind = "hearing" if any(p.request.before for p in planned) else "reminder"
    happened = kind == "reminder" and today is not None and day <= today
    return EventDraft(matter_id, kind, title.strip() or "Trigger", day, status="done" if happened else "scheduled")


def add_computed(store: Store, trigger_id: int | None, matter_id: int | None, planned: list[Planned],
                 docketed_by: str, title_prefix: str = "") -> list[int]:
    """Save computed deadlines linked to their trigger (in one transaction); returns their ids."""
    with store.write() as session:
        return _add_rows(session, store, trigger_id, matter_id, planned, docketed_by, title_prefix)


def add_with_trigger(store: Store, trigger: EventDraft, planned: list[Planned],
                     docketed_by: str) -> tuple[int, list[int]]:
    """Put the trigger on the calendar and save the deadlines computed from it, linked to it (so moving it
    recomputes them), in one transaction; returns (the trigger's id, the deadlines' ids)."""
    with store.write() as session:
        row = EventRow()
        calendar.fill_row(session, row, replace(trigger, docketed_by=docketed_by.strip().upper()[:5]))
        calendar.add_note(row, "Calendared as the trigger of computed deadlines.", store.clock.now())
        return row.id, _add_rows(session, store, row.id, trigger.matter_id, planned, docketed_by)


def _add_rows(session: Session, store: Store, trigger_id: int | None, matter_id: int | None, planned: list[Planned],
              docketed_by: str, title_prefix: str = "") -> list[int]:
    ids = []
    for item in planned:
        row = EventRow(matter_id=matter_id, kind=item.kind, title=(title_prefix + item.title)[:300],
                       all_day=item.result.due_at is None, on_date=item.result.due, tz=item.result.tz,
                       status="scheduled", docketed_by=docketed_by.strip().upper()[:5], verified_by="",
                       derivation=_derivation(item.request, item.result), notes="", trigger_id=trigger_id,
                       rule_key=item.rule_key, location="")
        if item.result.due_at is not None:
            row.start_utc = to_utc(item.result.due_at, item.result.tz)
        calendar.add_note(row, f"Computed: {item.request.cite or 'court rules'}, due {format_date(item.result.due)}.",
                          store.clock.now())
        session.add(row)
        session.flush()
        ids.append(row.id)
    return ids


def recompute_dependents(session: Session, trigger: EventRow, old_date: date, now: datetime) -> list[str]:
    """After a trigger moved: recompute each linked, still scheduled deadline and note why it moved."""
    changes = []
    rows = session.scalars(select(EventRow).where(EventRow.trigger_id == trigger.id, EventRow.deleted_at.is_(None),
                                                  EventRow.status == "scheduled")).all()
    for row in rows:
        try:
            saved = json.loads(row.derivation)["request"]
        except (ValueError, KeyError, TypeError):
            continue
        label = saved.get("trigger_label", "").replace(old_date.isoformat(), trigger.on_date.isoformat())
        saved.update(trigger=trigger.on_date, trigger_label=label)
        request = Request(**saved)
        result = compute(request, _closures(session, request.rules))
        before = row.on_date
        row.on_date, row.derivation = result.due, _derivation(request, result)
        if result.due_at is not None:
            row.start_utc = to_utc(result.due_at, result.tz)
        if before != result.due:
            row.verified_by = ""  # a moved deadline is verified again
        calendar.add_note(row, f"Trigger “{trigger.title}” moved from {format_date(old_date)} to "
                            f"{format_date(trigger.on_date)}: recomputed, due {format_date(before)} → "
                            f"{format_date(result.due)}"
                            + (" (to be verified again)." if before != result.due else "."),
                            now)
        changes.append(f"{row.title}: {format_date(before)} → {format_date(result.due)}")
    return changes


def save_event(store: Store, draft: EventDraft, event_id: int | None = None, *,
               occurrence: date | None = None) -> int:
    """calendar.save_event, recomputing the deadlines linked to a trigger whose date changed (and moving the
    matter's limitation date with its calendar item)."""

    def moved(session: Session, row: EventRow, old_date: date, now: datetime) -> None:
        recompute_dependents(session, row, old_date, now)
        matter_sol.matter_date_follows(session, row, now)

    return calendar.save_event(store, draft, event_id, occurrence=occurrence, recompute=moved)


def holidays_between(store: Store, first: date, last: date, matter_id: int | None = None) -> dict[date, str]:
    """Weekday court holidays and closure days in [first, last) for the matter's court (else the firm's)."""
    court, _ = _matter_court(store, matter_id)
    found = {}
    day = first
    while day < last:
        if day.weekday() < 5:
            why = court.closed_reason(day)
            if why:
                found[day] = _shown(why)
        day += timedelta(days=1)
    return found
