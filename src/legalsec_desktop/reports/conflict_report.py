"""The conflict report: what was searched, what was found, and what was decided."""

from __future__ import annotations

from datetime import datetime

from legalsec_desktop.domain.conflicts import SIDES, UNDECIDED, Hit, SearchName
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.domain.report import Report, Section, Table

SIDE_LABELS = dict(zip(SIDES, ("Client side", "Adverse", "Other")))


def format_when(value: datetime | None) -> str:
    return f"{format_date(value.date())} {format_clock(value)}" if value else ""


def hit_cells(hit: Hit) -> tuple[str, ...]:
    """One hit as the report and the screen show it."""
    name = hit.name if not hit.via_alias else f"{hit.name} (alias of {hit.contact_name})"
    return (
        "LIKELY CONFLICT" if hit.likely else "",
        hit.searched,
        name,
        hit.matter_number or "—",
        hit.matter_title,
        hit.role,
        hit.matter_status or "—",
        str(hit.score),
    )


HIT_COLUMNS = ("", "Searched", "Name found", "Matter", "Title", "Role", "Matter status", "Score")


def conflict_report(firm_name: str, checked_at: datetime, checked_by: str, context: str, names: list[SearchName],
                    hits: list[Hit], decision: str, decided_at: datetime | None, notes: str,
                    printed_at: datetime) -> Report:
    likely = sum(h.likely for h in hits)
    summary = (f"{len(hits)} hit{'s' if len(hits) != 1 else ''}, {likely} likely conflict{'s' if likely != 1 else ''}."
               if hits else "No names in the files resemble the names searched.")
    decision_text = "Not decided yet" if decision == UNDECIDED else decision.capitalize()
    if decided_at and decision != UNDECIDED:
        decision_text += f" ({format_when(decided_at)})"
    return Report(
        title="Conflict-of-interest check",
        author=firm_name,
        made_at=printed_at,
        header_lines=tuple(line for line in (firm_name, context) if line),
        facts=(
            ("Checked", format_when(checked_at) + (f" by {checked_by}" if checked_by else "")),
            ("Result", summary),
            ("Decision", decision_text),
            ("Notes", notes or "—"),
        ),
        sections=(
            Section("Names searched", table=Table(
                ("Name", "Side"), [(n.name, SIDE_LABELS.get(n.side, n.side)) for n in names], (3, 1))),
            Section("Hits", paragraphs=(
                ("Every client, contact, party and alias whose name resembles a searched name, in open and closed "
                 "matters. A likely conflict is a new client found on the other side of a matter, or a new "
                 "adversary who is or was a client."),
            ), table=Table(
                HIT_COLUMNS, [hit_cells(h) for h in hits], (5, 6, 8, 4, 10, 5, 4, 3),
                frozenset(i for i, h in enumerate(hits) if h.likely),
                "No names in the files resemble the names searched.",
            )),
        ),
        footer=f"Printed {format_when(printed_at)}",
        landscape=True,
    )
