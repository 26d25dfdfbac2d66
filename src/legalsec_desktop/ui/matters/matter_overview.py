"""What a matter's detail pane says: its heading, the overview page, and the rows of its parties and log.

No Qt here: the pane puts these strings into labels and tables, and tests read them without a window.
Every value that comes from the database is escaped before it goes into HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING

from legalsec_desktop.domain.billing import format_hours
from legalsec_desktop.domain.communications import KIND_LABELS
from legalsec_desktop.domain.file_room import STATUSES
from legalsec_desktop.domain.formatting import format_clock, format_date, local_time
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.money import format_money
from legalsec_desktop.reports.docket import LIMITATION_DAYS

from legalsec_desktop.services.rows import FileLocation, LogEntry, MatterParty, TodoItem

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window is up
    from legalsec_desktop.services.matters import MatterSummary

STATUS_COLOURS = {"open": "#1b6e3a", "pending": "#8a5a00", "closed": "#666"}
WARNING = "#b00020"
FILES_SHOWN = 10  # the overview lists this many file locations; the Files tab has them all
TODOS_SHOWN = 8  # the overview lists this many open to-dos; the To do page has them all
ADVERSE_ROLES = ("opposing party", "opposing counsel")


@dataclass(frozen=True)
class TableRow:
    """One row of a detail table: the record's id and the text of each column."""

    key: int
    cells: tuple[str, ...]


def heading_html(summary: MatterSummary) -> str:
    """'2026-0001  Smith v. Jones  OPEN' in large type, the status in its colour."""
    draft = summary.draft
    colour = STATUS_COLOURS.get(draft.status, STATUS_COLOURS["closed"])
    return (f"<span style='font-size:15pt'><b>{escape(draft.number)}</b>&nbsp; {escape(draft.title)}</span>"
            f"&nbsp;&nbsp;<span style='color:{colour}; font-weight:bold'>{escape(draft.status.upper())}</span>")


def limitation_near(draft: MatterDraft, today: date) -> bool:
    """A limitation date the docket already lists (within LIMITATION_DAYS, or past) on a matter not closed."""
    return (draft.sol_date is not None and draft.sol_date <= today + timedelta(days=LIMITATION_DAYS)
            and draft.status != "closed")


def facts(summary: MatterSummary, today: date) -> list[tuple[str, str]]:
    """The overview's label/HTML pairs, in order; the empty ones are left out."""
    d = summary.draft
    client = (escape(d.client_name) + (f"<br>{escape(summary.client_phone)}" if summary.client_phone else "")
              + (f" · {escape(summary.client_email)}" if summary.client_email else ""))
    rows = [
        ("Client", client),
        ("Caption", escape(d.caption)),
        ("Court", escape(d.court)),
        ("Case no.", escape(d.case_number)),
        ("Judge / dept.", escape(d.judge)),
        ("Attorney", escape(summary.attorney)),
        ("Practice area", escape(d.practice_area)),
        ("Opened", format_date(d.opened_on) + (f" · closed {format_date(d.closed_on)}" if d.closed_on else "")),
    ]
    if summary.closed_number:
        closed = (f"<b>{escape(summary.closed_number)}</b>, closed {format_date(d.closed_on)}" if d.status == "closed"
                  else f"{escape(summary.closed_number)} (reopened: its files' retention waits for the next closing)")
        rows.append(("Closed file", closed))
    if d.sol_date:
        sol = format_date(d.sol_date) + (f" — {escape(d.sol_note)}" if d.sol_note else "")
        rows.append(("Statute of limitations",
                     f"<b style='color:{WARNING}'>{sol}</b>" if limitation_near(d, today) else sol))
    if d.rate_override_cents is not None:
        rows.append(("Rate override", format_money(d.rate_override_cents) + " an hour"))
    if d.notes:
        rows.append(("Notes", escape(d.notes).replace("\n", "<br>")))
    return [(label, value) for label, value in rows if value]


def overview_html(summary: MatterSummary, today: date) -> str:
    """The Overview page: the facts, what is coming up, time, correspondence and files, with links to their tabs.

    The links are 'tab:calendar', 'tab:time', 'tab:correspondence' and 'tab:files'.
    """
    html = ["<table cellspacing='0' cellpadding='3'>"]
    html += [f"<tr><td style='color:#555'>{label}</td><td>{value}</td></tr>" for label, value in facts(summary, today)]
    html.append("</table>")
    events = "".join(
        f"<li>{format_date(e.on_date)}{' ' + format_clock(local_time(e.start_utc, e.tz)) if e.start_utc else ''} — "
        f"{escape(e.kind)}: {escape(e.title)}</li>" for e in summary.upcoming)
    overdue = f" <b style='color:{WARNING}'>{summary.overdue} overdue</b>" if summary.overdue else ""
    html.append(f"<h4>Coming up{overdue} · <a href='tab:calendar'>Calendar</a></h4>")
    html.append(f"<ul>{events}</ul>" if events else "<p>Nothing scheduled.</p>")
    html.append("<h4>Time · <a href='tab:time'>Time tab</a></h4>"
                f"<p>{summary.time_entries} entries, {format_hours(summary.time_minutes)} hours; "
                f"unbilled {format_money(summary.unbilled_cents)}</p>")
    late = (f", <b style='color:{WARNING}'>{summary.follow_ups_overdue} overdue</b>"
            if summary.follow_ups_overdue else "")
    html.append("<h4>Correspondence · <a href='tab:correspondence'>Correspondence tab</a></h4>"
                f"<p>{summary.communications} logged; {summary.follow_ups} follow-up(s) due{late}</p>")
    html.append(todos_html(summary.todos, today))
    files = "".join(file_line(f) for f in summary.files[:FILES_SHOWN])
    more = f"<li>…and {len(summary.files) - FILES_SHOWN} more</li>" if len(summary.files) > FILES_SHOWN else ""
    html.append("<h4>Files · <a href='tab:files'>Files tab</a></h4>")
    html.append(f"<ul>{files}{more}</ul>" if files else "<p>No files indexed.</p>")
    return "".join(html)


def file_line(f: FileLocation) -> str:
    """'F000123 Pleadings vol. 2 (Binder) — Main office ▸ Cabinet A · In place', an overdue one in red."""
    code = f"<b>{escape(f.barcode)}</b> " if f.barcode else ""
    status = STATUSES.get(f.status, "")
    shown = f"<b style='color:{WARNING}'>{status}</b>" if f.status == "overdue" else escape(status)
    where = f" — {escape(f.location)}" if f.location and f.location != status else ""
    return f"<li>{code}{escape(f.label)} ({escape(f.medium)}){where}{' · ' + shown if shown else ''}</li>"


def todos_html(todos: Sequence[TodoItem], today: date) -> str:
    """The overview's "To do" part: the open to-dos, soonest first, the overdue ones in red; a link to them all."""
    late = sum(1 for t in todos if t.overdue(today))
    counted = f" <b style='color:{WARNING}'>{late} overdue</b>" if late else ""
    heading = f"<h4>To do{counted} · <a href='page:todo'>To do list</a></h4>"
    if not todos:
        return heading + "<p>Nothing to do.</p>"
    items = []
    for t in todos[:TODOS_SHOWN]:
        line = f"{format_date(t.due_on)} — {escape(t.title)}" + (f" ({escape(t.assignee)})" if t.assignee else "")
        items.append(f"<li style='color:{WARNING}'><b>{line}</b> overdue</li>" if t.overdue(today)
                     else f"<li>{line}</li>")
    if len(todos) > TODOS_SHOWN:
        items.append(f"<li>…and {len(todos) - TODOS_SHOWN} more</li>")
    return heading + f"<ul>{''.join(items)}</ul>"


def todo_rows(todos: Sequence[TodoItem], today: date) -> list[TableRow]:
    """Due, what, for whom and notes of each to-do (plain text; the first column is the tick box)."""
    return [TableRow(t.id, ("", format_date(t.due_on) + (" overdue" if t.overdue(today) else ""), t.title,
                            t.assignee, t.notes.replace("\n", " ")))
            for t in todos]


def party_rows(parties: Sequence[MatterParty]) -> list[TableRow]:
    """Name, role, phone and e-mail of each party (plain text for table cells)."""
    return [TableRow(p.party_id, (p.name, p.role.capitalize(), p.phone, p.email)) for p in parties]


def log_rows(entries: Sequence[LogEntry], today: date | None = None) -> list[TableRow]:
    """When, kind, in or out, with whom, subject and follow-up date of each log entry (plain text); a follow-up
    past and not done says "overdue" (and the pane colours it), one done says "done"."""
    def follow_up(e: LogEntry) -> str:
        mark = (" overdue" if today is not None and e.follow_up_overdue(today)
                else " done" if e.follow_up_on and e.follow_up_done else "")
        return format_date(e.follow_up_on) + mark

    return [TableRow(e.id, (f"{format_date(e.occurred_at.date())} {format_clock(e.occurred_at)}",
                            KIND_LABELS.get(e.kind, e.kind), "In" if e.direction == "in" else "Out", e.with_whom,
                            e.subject, follow_up(e)))
            for e in entries]


def party(parties: Sequence[MatterParty], party_id: int) -> MatterParty | None:
    """The shown party with this id, if it is still there."""
    return next((p for p in parties if p.party_id == party_id), None)


def conflict_names(parties: Sequence[MatterParty]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names a conflict check runs on: the clients, and the opposing parties and counsel."""
    clients = tuple(p.name for p in parties if p.role == "client")
    adverse = tuple(p.name for p in parties if p.role in ADVERSE_ROLES)
    return clients, adverse
