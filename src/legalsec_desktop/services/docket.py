"""Read what the docket sheet lists from the database and build it (reports.docket lays out the content)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import ContactRow, EventRow, FirmRow, MatterRow, TimekeeperRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain import rule_sets
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import DEADLINE_KINDS
from legalsec_desktop.domain.report import Report
from legalsec_desktop.formats.docx_report import write_docx
from legalsec_desktop.reports.docket import (
    APPOINTMENT_KINDS,
    LIMITATION_DAYS,
    UNVERIFIED_DAYS,
    DocketData,
    DocketLine,
    DocketRequest,
    TodoLine,
    build_docket,
)
from legalsec_desktop.services import calendar, file_attention, todos
from legalsec_desktop.services.calendar import Filters, Occurrence
from legalsec_desktop.services.deadlines import rules_for_matter

SOL = "statute of limitations"


def timekeeper_names(store: Store) -> dict[str, str]:
    """Initials → name of every timekeeper, attorneys first, then by name (the order of attorney groups)."""
    with store.read() as session:
        rows = session.execute(select(TimekeeperRow.initials, TimekeeperRow.name)
                               .order_by(TimekeeperRow.is_attorney.desc(), TimekeeperRow.name)).all()
    return {initials: name for initials, name in rows}


def _attorney_id(store: Store, initials: str) -> int | None:
    if not initials:
        return None
    with store.read() as session:
        found = session.scalar(select(TimekeeperRow.id).where(TimekeeperRow.initials == initials.strip().upper()))
        if found is None:
            known = ", ".join(session.scalars(select(TimekeeperRow.initials).order_by(TimekeeperRow.initials)))
            raise ValidationError("attorney", f"No timekeeper has the initials “{initials}”. "
                                              f"Known initials: {known or 'none yet (set them up in Settings)'}.")
    return found


def docket_data(store: Store, request: DocketRequest, today: date) -> DocketData:
    """Every line of the sheet; `today` decides what is past: done items of past days are listed (ticked), and a
    past item still marked scheduled is overdue (a deadline or reminder) or not marked done (an appointment)."""
    request.check()
    filters = Filters(attorney_id=_attorney_id(store, request.attorney))
    in_range = [o for o in calendar.events_between(store, request.first, request.last, filters)
                if o.status != "done" or o.day < today]
    coming = calendar.events_between(store, request.last, request.last + timedelta(days=request.ahead),
                                     replace(filters, scheduled_only=True)) if request.ahead else []
    past = calendar.overdue(store, min(request.first, today), filters)
    overdue = [o for o in past if o.kind not in APPOINTMENT_KINDS]
    not_done = [o for o in past if o.kind in APPOINTMENT_KINDS]
    horizon = request.first + timedelta(days=UNVERIFIED_DAYS)
    unverified = calendar.unverified(store, filters)
    soon = [o for o in unverified if o.day <= horizon]
    limits_end = request.first + timedelta(days=LIMITATION_DAYS)
    sol_events = calendar.events_between(store, request.first, limits_end,
                                         replace(filters, kinds=(SOL,), scheduled_only=True))
    every = in_range + coming + past + soon + sol_events
    with store.read() as session:
        matters = _matters(session, {o.matter_id for o in every if o.matter_id is not None})
        authority = _authorities(session, {o.event_id for o in every if o.computed})
        lines = {id(o): _line(o, matters, authority) for o in every}
        limitations = [lines[id(o)] for o in sol_events]
        limitations += _matter_limitations(session, request.first, limits_end, filters.attorney_id,
                                           {(line.matter_number, line.day) for line in limitations})
    return DocketData(
        in_range=[lines[id(o)] for o in in_range],
        coming=[lines[id(o)] for o in coming],
        overdue=[lines[id(o)] for o in overdue],
        unverified=[lines[id(o)] for o in soon],
        later_unverified=len(unverified) - len(soon),
        limitations=limitations,
        not_marked_done=[lines[id(o)] for o in not_done],
        todos=_todo_lines(store, request, filters),
    )


def _todo_lines(store: Store, request: DocketRequest, filters: Filters) -> tuple[TodoLine, ...]:
    """The sheet's to-dos and files to bring back; each on its assignee's pages, else on those of its matter's
    responsible attorney."""
    found = todos.docket_todos(store, request.first, request.last, filters.attorney_id)
    with store.read() as session:
        responsible: dict[int, str] = {matter: initials for matter, initials in session.execute(
            select(MatterRow.id, TimekeeperRow.initials)
            .join(TimekeeperRow, TimekeeperRow.id == MatterRow.responsible_attorney_id)
            .where(MatterRow.id.in_({t.matter_id for t in found if t.matter_id is not None})))}
    lines = [TodoLine(t.due_on, t.title, t.matter_number, t.client, t.assignee, t.notes, t.done,
                      t.assignee or responsible.get(t.matter_id or 0, "")) for t in found]
    # Files out and due back by then: on the pages of the attorney who has one, else its matter's attorney.
    for out in file_attention.files_to_return(store, request.last, attorney_id=filters.attorney_id):
        lines.append(TodoLine(out.due_back_on, out.text(with_matter=False), out.matter_number, out.client,
                              out.keeper, "", False, out.attorney))
    return tuple(lines)


def sheet_zone(store: Store) -> str:
    """The firm's time zone, which a docket gives its times in: the office computer's, else its rules' zone."""
    return store.clock.zone_name() or rule_sets.load(rules_for_matter(store, None)).default_tz


def docket_report(store: Store, request: DocketRequest, now: datetime | None = None) -> Report:
    """The docket sheet for `request`, printed at `now` (default: the clock), its times in the firm's zone."""
    now = (now or store.clock.now()).replace(second=0, microsecond=0)
    request = replace(request, attorney=request.attorney.strip().upper(), zone=request.zone or sheet_zone(store))
    data = docket_data(store, request, now.date())
    with store.read() as session:
        firm = session.get(FirmRow, 1)
        firm_name = firm.name if firm is not None else ""
    return build_docket(request, data, firm_name, timekeeper_names(store), now)


def save_docket_as_word(store: Store, request: DocketRequest, path: Path, now: datetime | None = None) -> Path:
    return save_as_word(docket_report(store, request, now), path)


def save_as_word(report: Report, path: Path) -> Path:
    """Save a docket already built (the one on screen) as a Word file."""
    return write_docx(report, path)


class _MatterFacts(NamedTuple):
    """What a docket line shows of its matter."""

    caption: str
    case_number: str
    court: str
    judge: str
    responsible: str | None  # the responsible attorney's initials


_NO_MATTER = _MatterFacts("", "", "", "", None)


def _matters(session: Session, ids: set[int]) -> dict[int, _MatterFacts]:
    """Matter id → what its docket lines show."""
    found: dict[int, _MatterFacts] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        rows = session.execute(select(MatterRow.id, MatterRow.caption, MatterRow.case_number, MatterRow.court,
                                      MatterRow.judge, TimekeeperRow.initials)
                               .outerjoin(TimekeeperRow, TimekeeperRow.id == MatterRow.responsible_attorney_id)
                               .where(MatterRow.id.in_(ordered[start:start + 500]))).all()
        found.update({matter_id: _MatterFacts(caption, case_number, court, judge, initials)
                      for matter_id, caption, case_number, court, judge, initials in rows})
    return found


def _authorities(session: Session, ids: set[int]) -> dict[int, str]:
    """Event id → "trigger; rule" of each computed deadline (from its stored derivation)."""
    found: dict[int, str] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        for event_id, text in session.execute(select(EventRow.id, EventRow.derivation)
                                              .where(EventRow.id.in_(ordered[start:start + 500]))):
            found[event_id] = authority_text(text)
    return found


def authority_text(derivation: str) -> str:
    """'Served by mail 2026-03-02; FRCP 6(a),(d)' from a stored derivation ('' when there is none)."""
    try:
        request = json.loads(derivation).get("request", {})
    except (ValueError, AttributeError):
        return ""
    if not isinstance(request, dict):
        return ""
    trigger = str(request.get("trigger_label") or request.get("trigger") or "").strip()
    cite = str(request.get("cite") or request.get("rules") or "").strip()
    return "; ".join(part for part in (trigger, cite) if part)


def _line(occ: Occurrence, matters: dict[int, _MatterFacts], authority: dict[int, str]) -> DocketLine:
    caption, case_number, court, judge, responsible = matters.get(occ.matter_id, _NO_MATTER) \
        if occ.matter_id is not None else _NO_MATTER
    attending = [i.strip() for i in occ.attendees.split(",") if i.strip()]
    attorneys = tuple(dict.fromkeys(([responsible] if responsible else []) + attending))
    return DocketLine(
        day=occ.day, kind=occ.kind, title=occ.title, status=occ.status, start=occ.start, tz=occ.tz,
        matter_number=occ.matter_number, client=occ.client, caption=caption or "", case_number=case_number or "",
        court=court or "", location=occ.location, judge=judge or "", attorneys=attorneys,
        unverified=occ.kind in DEADLINE_KINDS and occ.unverified, authority=authority.get(occ.event_id, ""),
        notes=occ.notes,
    )


def _matter_limitations(session: Session, first: date, end: date, attorney_id: int | None,
                        already: set[tuple[str, date]]) -> list[DocketLine]:
    """Limitation dates kept on open matters (not as calendar events) between `first` and `end`."""
    query = (select(MatterRow.number, ContactRow.name, MatterRow.caption, MatterRow.case_number, MatterRow.court,
                    MatterRow.judge, TimekeeperRow.initials, MatterRow.sol_date, MatterRow.sol_note)
             .join(ContactRow, ContactRow.id == MatterRow.client_id)
             .outerjoin(TimekeeperRow, TimekeeperRow.id == MatterRow.responsible_attorney_id)
             .where(MatterRow.sol_date >= first, MatterRow.sol_date < end, MatterRow.status != "closed")
             .order_by(MatterRow.sol_date))
    if attorney_id is not None:
        query = query.where(MatterRow.responsible_attorney_id == attorney_id)
    lines = []
    for number, client, caption, case_number, court, judge, initials, day, note in session.execute(query):
        if day is None or (number, day) in already:  # (no None passes the query's date range)
            continue
        lines.append(DocketLine(day=day, kind=SOL, title="Limitation date on the matter", matter_number=number,
                                client=client, caption=caption, case_number=case_number, court=court, judge=judge,
                                attorneys=(initials,) if initials else (), notes=note or ""))
    return lines
