"""What each tab's list shows: its columns and default order (no database code, so the window can start without it)."""
from __future__ import annotations
from dataclasses import dataclass

@dataclass(frozen=True)
class Column:
    """One column of a listing: its key, its heading and how to show its values."""

    key: str
    title: str
    kind: str = "text"  # text, label, date, datetime, time, hours (minutes), money (cents)
    width: int = 12  # starting width in characters; the user's own widths are remembered


@dataclass(frozen=True)
class ListingColumns:
    """The columns of one listing and the order it starts in."""

    columns: tuple[Column, ...]
    default_sort: str
    default_descending: bool


COLUMNS: dict[str, ListingColumns] = {
    "matters": ListingColumns(
        (
            Column("number", "Matter", width=10),
            Column("title", "Title or caption", width=40),
            Column("client", "Client", width=26),
            Column("status", "Status", "label", 10),
            Column("attorney", "Attorney", width=8),
            Column("practice_area", "Practice area", width=21),
            Column("court", "Court", width=30),
            Column("case_number", "Case no.", width=19),
            Column("opened_on", "Opened", "date", 16),
        ),
        "number",
        True,
    ),
    "contacts": ListingColumns(
        (
            Column("sort_name", "Name", width=30),
            Column("kind", "Kind", "label", 12),
            Column("phone", "Phone", width=16),
            Column("email", "E-mail", width=26),
            Column("aliases", "Other names", width=30),
        ),
        "sort_name",
        False,
    ),
    "events": ListingColumns(
        (
            Column("on_date", "Date", "date", 16),
            Column("start", "Time", "time", 9),
            Column("kind", "Type", "label", 19),
            Column("title", "Description", width=40),
            Column("matter", "Matter", width=10),
            Column("location", "Location", width=20),
            Column("status", "Status", "label", 10),
        ),
        "on_date",
        False,
    ),
    "communications": ListingColumns(
        (
            Column("occurred_at", "When", "datetime", 24),
            Column("matter", "Matter", width=10),
            Column("matter_title", "Matter title", width=24),
            Column("kind", "Kind", width=8),
            Column("direction", "In/Out", width=6),
            Column("with_whom", "With", width=24),
            Column("subject", "Subject", width=36),
            Column("follow_up", "Follow-up", width=26),
            Column("document", "Document", width=24),
        ),
        "occurred_at",
        True,
    ),
    "time": ListingColumns(
        (
            Column("entry_date", "Date", "date", 16),
            Column("timekeeper", "Timekeeper", width=10),
            Column("matter", "Matter", width=10),
            Column("minutes", "Hours", "hours", 7),  # billed hours: rounded up to the increment
            Column("rate_cents", "Rate", "money", 9),
            Column("amount", "Amount", "money", 11),
            Column("billable", "Billing", "label", 11),
            Column("status", "Status", "label", 8),
            Column("task_code", "Task", width=6),
            Column("activity_code", "Activity", width=7),
            Column("narrative", "Narrative", width=50),
        ),
        "entry_date",
        True,
    ),
    "files": ListingColumns(
        (
            Column("barcode", "Id", width=9),
            Column("label", "File", width=26),
            Column("matter", "Matter", width=10),
            Column("client", "Client", width=20),
            Column("status", "Status", width=11),
            Column("where", "Where", width=28),
            Column("due_back_on", "Due back", "date", 14),
            Column("destroy_after", "Destroy after", "date", 14),
            Column("medium", "Medium", width=8),
        ),
        "barcode",
        False,
    ),
    "documents": ListingColumns(
        (
            Column("doc_date", "Date", "date", 16),
            Column("matter", "Matter", width=10),
            Column("kind", "Kind", width=12),
            Column("title", "Title", width=40),
            Column("author", "From / author", width=24),
            Column("versions", "Versions", width=6),
            Column("state", "State", width=13),
        ),
        "doc_date",
        True,
    ),
}
