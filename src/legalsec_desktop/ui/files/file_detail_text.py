"""What the Files tab's detail pane says about one volume, and the rows of its movement log (no Qt here)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.file_room import MEDIA, MOVEMENTS, STATUSES
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.services.file_rows import MovementItem, VolumeItem

WARNING = "#b00020"
LOG_COLUMNS = ("When", "Movement", "From", "To", "By", "Due", "Reason")  # the last takes the spare width


def heading_html(v: VolumeItem) -> str:
    """'F000123  Pleadings vol. 2  OVERDUE' in large type, the status red when it needs doing something."""
    status = STATUSES.get(v.status, v.status)
    colour = WARNING if v.status in ("overdue", "destroyed") else "#555"
    return (f"<span style='font-size:15pt'><b>{escape(v.barcode)}</b>&nbsp; {escape(v.label)}</span>"
            f"&nbsp;&nbsp;<span style='color:{colour}; font-weight:bold'>{escape(status.upper())}</span>")


def facts(v: VolumeItem, today: date) -> list[tuple[str, str]]:
    """The pane's label/HTML pairs, in order; the empty ones are left out."""
    rows = [
        ("Matter", f"{escape(v.matter_number)} — {escape(v.caption)}" + (" (closed)" if v.matter_closed else "")),
        ("Client", escape(v.client)),
        ("Medium", escape(MEDIA.get(v.medium, v.medium))),
        ("Where", _where(v)),
        ("Home", escape(v.home) if v.home and v.home != v.place else ""),
    ]
    if v.out_to and v.destroyed_at is None:  # "Where" says who has it, and since when
        rows.append(("Reason", escape(v.out_reason)))
        if v.due_back_on is not None:
            due = format_date(v.due_back_on)
            late = v.due_back_on < today
            rows.append(("Due back", f"<b style='color:{WARNING}'>{due} — overdue</b>" if late else due))
    rows.append(("Opened", format_date(v.opened_on) + (f" · closed {format_date(v.closed_on)}" if v.closed_on
                                                       else "")))
    rows.append(("Retention", escape(v.retention) or ("Not set (close the matter first)" if not v.closed_on else "")))
    rows.append(("How", escape(v.retention_note)))
    rows.append(("Destroy after", format_date(v.destroy_after) if v.destroy_after else ""))
    if v.hold_reason:
        rows.append(("Legal hold", f"<b style='color:{WARNING}'>{escape(v.hold_reason)}</b>"))
    return [(label, value) for label, value in rows if value]


def _where(v: VolumeItem) -> str:
    if v.destroyed_at is not None:  # the day its batch was destroyed (not the day that was recorded)
        return f"Destroyed {format_date(v.destroyed_on or to_local(v.destroyed_at).date())}"
    if v.out_to:
        since = f" since {format_date(to_local(v.out_at).date())}" if v.out_at is not None else ""
        return f"Checked out to {escape(v.out_to)}{since}"
    return escape(v.place) if v.place else "No location"


def detail_html(v: VolumeItem, today: date) -> str:
    """The facts as a two-column table."""
    html = ["<table cellspacing='0' cellpadding='3'>"]
    html += [f"<tr><td style='color:#555'>{label}</td><td>{value}</td></tr>" for label, value in facts(v, today)]
    html.append("</table>")
    return "".join(html)


def movement_rows(movements: Sequence[MovementItem]) -> list[tuple[str, ...]]:
    """When (this computer's local time), what, from, to, by, due and reason of each log line, newest first."""
    rows: list[tuple[str, ...]] = []
    for m in reversed(movements):
        when = to_local(m.at)
        rows.append((f"{format_date(when.date())} {format_clock(when)}", MOVEMENTS.get(m.kind, m.kind), m.from_text,
                     m.to_text, m.by_name, format_date(m.due_on) if m.due_on else "", m.reason))
    return rows
