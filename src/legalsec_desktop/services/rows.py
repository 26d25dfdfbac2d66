"""The typed rows and filters of the lists (no database code, so the window can start without it).

One frozen dataclass per row kind: its fields are named by the listing's column keys (services.columns),
so a view reads a cell as `getattr(row, column.key)`. One frozen filter object per listing that can be
narrowed; a field left at its default means "any".
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import NamedTuple, TypeAlias


class ZonedTime(NamedTuple):
    """A timed event's start: the UTC instant and the IANA zone it is shown in."""

    utc: datetime
    zone: str


@dataclass(frozen=True)
class MatterListRow:
    number: str
    title: str
    client: str | None
    status: str
    attorney: str | None  # the responsible attorney's initials
    practice_area: str
    court: str
    case_number: str
    opened_on: date


@dataclass(frozen=True)
class ContactListRow:
    sort_name: str
    kind: str  # client, organisation or person
    phone: str
    email: str
    aliases: str | None  # the other names, comma-separated


@dataclass(frozen=True)
class EventListRow:
    on_date: date
    start: ZonedTime | None  # None for an all-day event
    kind: str
    title: str
    matter: str  # the matter's number, "" for none
    location: str
    status: str


@dataclass(frozen=True)
class CommunicationListRow:
    """One entry of the correspondence register (every matter's letters, e-mails, calls and meetings)."""

    occurred_at: datetime  # wall-clock time in this computer's zone (kept as a UTC instant)
    matter: str  # number
    matter_title: str
    kind: str  # a label of domain.communications.KIND_LABELS
    direction: str  # "In" or "Out"
    with_whom: str
    subject: str  # the summary's first line when there is no subject
    follow_up: str  # domain.communications.follow_up_text: "", "Due …", "Overdue since …", "Done (due …)"
    document: str  # the title of the document filed with it (an e-mail filed, a letter drafted); "" for none


@dataclass(frozen=True)
class TimeListRow:
    entry_date: date
    timekeeper: str | None  # initials
    matter: str | None  # number
    minutes: int  # billed: rounded up to the increment
    rate_cents: int
    amount: int  # cents, by the one billing rule (0 for time not billed)
    billable: str
    status: str
    task_code: str
    activity_code: str
    narrative: str


@dataclass(frozen=True)
class FileListRow:
    barcode: str
    label: str
    matter: str
    client: str
    status: str  # a label of domain.file_room.STATUSES, as of the day the list was read
    where: str  # the place's path, "Out: NAME", "Destroyed" or "No location"
    due_back_on: date | None
    destroy_after: date | None
    medium: str


@dataclass(frozen=True)
class DocumentListRow:
    doc_date: date
    matter: str  # number
    kind: str  # a label of services.document_listing.KIND_LABELS
    title: str
    author: str  # author, or an e-mail's sender
    versions: int
    state: str  # its newest version's: a label of services.document_listing.STATE_LABELS, or "Missing"


ListRow: TypeAlias = (MatterListRow | ContactListRow | EventListRow | CommunicationListRow | TimeListRow | FileListRow
                      | DocumentListRow)

ROW_TYPES: dict[str, type[ListRow]] = {
    "matters": MatterListRow,
    "contacts": ContactListRow,
    "events": EventListRow,
    "communications": CommunicationListRow,
    "time": TimeListRow,
    "files": FileListRow,
    "documents": DocumentListRow,
}


@dataclass(frozen=True)
class _Filters:
    @property
    def narrows(self) -> bool:
        """Whether any field is set (the list may be hiding records)."""
        return any(getattr(self, f.name) != f.default for f in fields(self))


@dataclass(frozen=True)
class MatterFilters(_Filters):
    """The Matters tab's filters."""

    status: str | None = None
    attorney_id: int | None = None  # the responsible attorney
    practice_area: str | None = None


@dataclass(frozen=True)
class EventFilters(_Filters):
    """Which live events: an attorney's calendar, one matter, some kinds, only those still scheduled."""

    attorney_id: int | None = None
    matter_id: int | None = None
    kinds: tuple[str, ...] = ()
    scheduled_only: bool = False


@dataclass(frozen=True)
class TimeFilters(_Filters):
    """The Time tab's filters: a period (inclusive, either end open), a timekeeper, a matter, a billing kind."""

    first: date | None = None
    last: date | None = None
    timekeeper_id: int | None = None
    matter_id: int | None = None
    billable: str | None = None


@dataclass(frozen=True)
class FileFilters(_Filters):
    """The Files tab's filters: one matter, one place (and every place inside it), one status (a key of
    domain.file_room.FILTERS, judged as of the day the list is read)."""

    matter_id: int | None = None
    location_id: int | None = None
    status: str | None = None


@dataclass(frozen=True)
class DocumentFilters(_Filters):
    """The documents list's filter: one matter's documents (None: every matter's)."""

    matter_id: int | None = None


@dataclass(frozen=True)
class CommunicationFilters(_Filters):
    """The correspondence register's filters: a kind, a direction, a matter, local days (inclusive, either end
    open), and only the entries whose follow-up is not done."""

    kind: str | None = None
    direction: str | None = None
    matter_id: int | None = None
    first: date | None = None
    last: date | None = None
    open_follow_ups: bool = False


ListFilters: TypeAlias = (MatterFilters | EventFilters | TimeFilters | FileFilters | DocumentFilters
                          | CommunicationFilters)

FILTER_TYPES: dict[str, type[ListFilters]] = {
    "matters": MatterFilters,
    "events": EventFilters,
    "time": TimeFilters,
    "files": FileFilters,
    "documents": DocumentFilters,
    "communications": CommunicationFilters,
}


# --- the rows of one matter's pages and of the dialogs (not lists with columns) ----------------------------
@dataclass(frozen=True)
class MatterParty:
    """A party on a matter: who, in what role, and how to reach them."""

    party_id: int
    contact_id: int
    name: str
    role: str
    phone: str
    email: str


@dataclass(frozen=True)
class LogEntry:
    """One entry of a matter's correspondence log; `subject` is the summary's first line when it has none."""

    id: int
    occurred_at: datetime  # wall-clock time in this computer's zone
    kind: str
    direction: str  # "in" or "out"
    with_whom: str
    subject: str
    follow_up_on: date | None
    follow_up_done: bool = False  # its follow-up's to-do is ticked done

    def follow_up_overdue(self, today: date) -> bool:
        """A follow-up date before `today` whose to-do is not done."""
        return self.follow_up_on is not None and self.follow_up_on < today and not self.follow_up_done


@dataclass(frozen=True)
class CheckSummary:
    """One recorded conflict check, as the list of past checks shows it."""

    id: int
    checked_at: datetime  # local time
    context: str
    names: str  # the names searched, "; "-separated
    hits: int
    likely: int  # hits likely to be conflicts
    decision: str


@dataclass(frozen=True)
class ContactMatter:
    """A matter a contact is on, and in what role."""

    number: str
    title: str
    role: str
    status: str


@dataclass(frozen=True)
class OpenDeadline:
    """A deadline of a matter that is still scheduled."""

    on_date: date
    kind: str
    title: str


@dataclass(frozen=True)
class UpcomingEvent:
    """Something still scheduled on a matter, as its overview lists it."""

    on_date: date
    start_utc: datetime | None  # None for an all-day event
    tz: str
    kind: str
    title: str
    status: str


@dataclass(frozen=True)
class TodoItem:
    """A to-do as the lists, the calendar and the docket show it."""

    id: int
    title: str
    due_on: date
    matter_id: int | None
    matter_number: str  # "" for none
    client: str
    assigned_to: int | None  # a timekeeper's id
    assignee: str  # that timekeeper's initials, "" for anyone
    done_at: datetime | None  # an aware UTC instant
    communication_id: int | None  # the log entry whose follow-up this is
    notes: str

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def overdue(self, today: date) -> bool:
        """Not done and due before `today`."""
        return self.done_at is None and self.due_on < today


@dataclass(frozen=True)
class FileLocation:
    """Where one of a matter's files is kept: its label, medium, where it is now, barcode id and status."""

    label: str
    medium: str
    location: str  # where it is (a place's path, "Out: NAME", "Destroyed", "No location")
    barcode: str = ""
    status: str = ""  # a key of domain.file_room.STATUSES
