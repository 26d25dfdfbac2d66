"""SQLAlchemy models of the practice: firm, timekeepers, contacts, matters, calendar, time, files, to-dos."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, validates

from legalsec_desktop.db.types import UtcDateTime
from legalsec_desktop.domain.names import fold_name, search_fold

# Named constraints keep Alembic's batch migrations on SQLite predictable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# The text a list's filter box searches, per table: kept folded in the row's search_key (search_fold), so the
# filter finds "Öztürk" by "ozturk" or "ÖZTÜRK" in any script, the same on SQLite and PostgreSQL.
SEARCHED: dict[str, tuple[str, ...]] = {
    "contact": ("name", "email", "phone"),
    "contact_alias": ("alias",),
    "matter": ("number", "title", "caption", "case_number"),
    "event": ("title", "location"),
    "communication": ("subject", "with_whom"),
    "time_entry": ("narrative", "task_code"),
    "file_record": ("barcode", "label", "location", "box", "out_to"),
    "storage_location": ("path",),
    "document": ("title", "author"),
}


def search_key_of(table: str, values: Mapping[str, object]) -> str:
    """The stored search key of a row of `table` with these column values."""
    return search_fold(" ".join(str(values.get(column) or "") for column in SEARCHED[table]))


def _keep_search_key(_mapper: object, _connection: object, target: Any) -> None:  # an ORM before_insert/update hook
    table = target.__tablename__
    if table in SEARCHED:
        target.search_key = search_key_of(table, {column: getattr(target, column) for column in SEARCHED[table]})


event.listen(Base, "before_insert", _keep_search_key, propagate=True)
event.listen(Base, "before_update", _keep_search_key, propagate=True)


class NameVersionRow(Base):
    """One number, raised by triggers whenever a contact's or an alias's name (or a contact's deletion) changes, by
    anyone: a conflict check reads the names again only when it has moved (migration 0013)."""

    __tablename__ = "name_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)


class FirmRow(Base):
    """The single row of firm-wide settings (id is always 1)."""

    __tablename__ = "firm"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    billing_increment_minutes: Mapped[int] = mapped_column(Integer, default=6)
    default_jurisdiction: Mapped[str] = mapped_column(String(20), default="US-FED")
    matter_number_pattern: Mapped[str] = mapped_column(String(60), default="{year}-{seq:04d}")
    set_up_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reminder_leads: Mapped[str] = mapped_column(Text, default="")  # JSON {kind: [days...]}; blank: defaults
    tax_id: Mapped[str] = mapped_column(String(20), default="")  # LEDES LAW_FIRM_ID
    documents_root: Mapped[str] = mapped_column(Text, default="", server_default="")  # '' : the default folder
    inbox_folder: Mapped[str] = mapped_column(Text, default="", server_default="")  # '' : no watched inbox
    templates_folder: Mapped[str] = mapped_column(Text, default="", server_default="")  # '' : the default folder
    phone: Mapped[str] = mapped_column(String(60), default="", server_default="")  # letterhead, cover sheets
    fax: Mapped[str] = mapped_column(String(60), default="", server_default="")
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")


class TimekeeperRow(Base):
    __tablename__ = "timekeeper"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    initials: Mapped[str] = mapped_column(String(5), unique=True)
    default_rate_cents: Mapped[int] = mapped_column(Integer, default=0)
    is_attorney: Mapped[bool] = mapped_column(Boolean, default=True)
    daily_target_minutes: Mapped[int] = mapped_column(Integer, default=360)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    classification: Mapped[str] = mapped_column(String(10), default="OTHER", server_default="OTHER")  # LEDES code
    title: Mapped[str] = mapped_column(String(100), default="", server_default="")  # under a signature: "Partner"
    bar_number: Mapped[str] = mapped_column(String(40), default="", server_default="")
    __table_args__ = (CheckConstraint("default_rate_cents >= 0", name="rate_not_negative"),)


class ContactRow(Base):
    """A person or organisation: client, opposing party, counsel, judge, witness..."""

    __tablename__ = "contact"
    id: Mapped[int] = mapped_column(primary_key=True)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # see SEARCHED
    is_organization: Mapped[bool] = mapped_column(Boolean, default=False)
    name: Mapped[str] = mapped_column(String(300), index=True)
    sort_name: Mapped[str] = mapped_column(String(300), index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    is_client: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    match_key: Mapped[str] = mapped_column(String(300), default="")  # fold_name(name), for conflict checks
    rate_override_cents: Mapped[int | None] = mapped_column(Integer)  # a client's hourly rate for every matter
    billing_increment_minutes: Mapped[int | None] = mapped_column(Integer)  # a client's increment, else the firm's
    billing_id: Mapped[str] = mapped_column(String(20), default="")  # LEDES CLIENT_ID (the client's e-billing id)
    courtesy_title: Mapped[str] = mapped_column(String(20), default="", server_default="")  # "Ms.": salutations
    organization: Mapped[str] = mapped_column(String(300), default="", server_default="")  # a person's firm
    __table_args__ = (
        # The contacts list's ids (live contacts by name) and a conflict check's folded names, each read from
        # an index alone, in order: not the table's pages (migration 0013).
        Index("ix_contact_deleted_at_sort_name", "deleted_at", "sort_name"),
        Index("ix_contact_deleted_at_match_key", "deleted_at", "match_key"),
    )

    @validates("name")
    def _keep_match_key(self, _key: str, value: str) -> str:
        self.match_key = fold_name(value)
        return value


class ContactAliasRow(Base):
    """Another name a contact goes by: a married or former name, a d/b/a, an old company name."""

    __tablename__ = "contact_alias"
    id: Mapped[int] = mapped_column(primary_key=True)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # see SEARCHED
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30), default="aka")
    match_key: Mapped[str] = mapped_column(String(300), default="")

    @validates("alias")
    def _keep_match_key(self, _key: str, value: str) -> str:
        self.match_key = fold_name(value)
        return value


class MatterRow(Base):
    __tablename__ = "matter"
    id: Mapped[int] = mapped_column(primary_key=True)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # see SEARCHED
    number: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    caption: Mapped[str] = mapped_column(String(500), default="")
    client_id: Mapped[int] = mapped_column(ForeignKey("contact.id"), index=True)
    practice_area: Mapped[str] = mapped_column(String(100), default="")
    court: Mapped[str] = mapped_column(String(200), default="")
    case_number: Mapped[str] = mapped_column(String(100), default="", index=True)
    judge: Mapped[str] = mapped_column(String(200), default="")
    jurisdiction: Mapped[str] = mapped_column(String(20), default="")
    responsible_attorney_id: Mapped[int | None] = mapped_column(ForeignKey("timekeeper.id"), index=True)
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    sol_date: Mapped[date | None] = mapped_column(Date)
    sol_note: Mapped[str] = mapped_column(Text, default="")
    rate_override_cents: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    uses_utbms: Mapped[bool] = mapped_column(Boolean, default=False)  # billable time needs task + activity codes
    client_matter_id: Mapped[str] = mapped_column(String(40), default="")  # the client's reference (LEDES)
    # the closed-file number, once closed
    closed_number: Mapped[str | None] = mapped_column(String(40), unique=True, index=True)
    __table_args__ = (
        CheckConstraint("status IN ('open', 'pending', 'closed')", name="status_known"),
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="closed_after_opened"),
    )


class PartyRow(Base):
    """A contact's role on one matter."""

    __tablename__ = "party"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matter.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id"), index=True)
    role: Mapped[str] = mapped_column(String(30))
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class EventRow(Base):
    """A calendar entry: all-day items keep a date; timed ones keep UTC instants plus the IANA zone."""

    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # see SEARCHED
    matter_id: Mapped[int | None] = mapped_column(ForeignKey("matter.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    all_day: Mapped[bool] = mapped_column(Boolean, default=True)
    on_date: Mapped[date] = mapped_column(Date, index=True)  # local date of the event, for every event
    start_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)
    end_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)
    tz: Mapped[str] = mapped_column(String(64), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default="scheduled")
    docketed_by: Mapped[str] = mapped_column(String(5), default="")
    verified_by: Mapped[str] = mapped_column(String(5), default="")
    derivation: Mapped[str] = mapped_column(Text, default="")  # JSON: how a computed deadline was counted
    notes: Mapped[str] = mapped_column(Text, default="")
    rrule: Mapped[str] = mapped_column(String(500), default="")  # RFC 5545 RRULE of a series, in local time
    exdates: Mapped[str] = mapped_column(Text, default="")  # ISO dates of occurrences removed or changed
    series_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"), index=True)  # a changed occurrence
    occurrence_date: Mapped[date | None] = mapped_column(Date)  # ... and the date it replaces
    trigger_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"), index=True)  # computed from this
    rule_key: Mapped[str] = mapped_column(String(100), default="")  # "US-FED/answer/0"
    history: Mapped[str] = mapped_column(Text, default="")  # one line per recomputation or move
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    __table_args__ = (CheckConstraint("end_utc IS NULL OR end_utc >= start_utc", name="end_after_start"),
                      Index("ix_event_status_on_date", "status", "on_date"),
                      # A matter's upcoming and overdue events (its detail pane) read that matter's only, in order.
                      Index("ix_event_matter_status_on_date", "matter_id", "status", "on_date", "start_utc"),
                      # Series only: a full index on rrule would lure the planner away from on_date for single events.
                      Index("ix_event_series_on_date", "on_date", sqlite_where=text("rrule != ''")))


class CourtClosureRow(Base):
    """A day a court is closed beyond its holiday calendar (weather, a local holiday, an order)."""

    __tablename__ = "court_closure"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    rules: Mapped[str] = mapped_column(String(20), default="")  # "" for every court, else "CA", "US-FED:MA"...
    reason: Mapped[str] = mapped_column(String(200), default="")


class ReminderAckRow(Base):
    """A reminder the user has dismissed: event, the occurrence's date, and the lead time in days."""

    __tablename__ = "reminder_ack"
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    occurrence_date: Mapped[date] = mapped_column(Date, primary_key=True)
    lead_days: Mapped[int] = mapped_column(Integer, primary_key=True)


class EventAttendeeRow(Base):
    __tablename__ = "event_attendee"
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    timekeeper_id: Mapped[int] = mapped_column(ForeignKey("timekeeper.id"), primary_key=True, index=True)


class TimeEntryRow(Base):
    __tablename__ = "time_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # see SEARCHED
    entry_date: Mapped[date] = mapped_column(Date)
    timekeeper_id: Mapped[int] = mapped_column(ForeignKey("timekeeper.id"), index=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matter.id"), index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    rate_cents: Mapped[int] = mapped_column(Integer)
    billable: Mapped[str] = mapped_column(String(20), default="billable")
    task_code: Mapped[str] = mapped_column(String(8), default="")
    activity_code: Mapped[str] = mapped_column(String(8), default="")
    narrative: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    __table_args__ = (
        CheckConstraint("minutes > 0", name="minutes_positive"),
        CheckConstraint("rate_cents >= 0", name="rate_not_negative"),
        CheckConstraint("billable IN ('billable', 'non-billable', 'no charge')", name="billable_known"),
        CheckConstraint("status IN ('draft', 'final', 'billed')", name="status_known"),
        Index("ix_time_entry_date_id", "entry_date", "id"),
        Index("ix_time_entry_keeper_date", "timekeeper_id", "entry_date"),
    )


class TimerRow(Base):
    """A running or paused timer; it survives a restart because its state lives here."""

    __tablename__ = "timer"
    id: Mapped[int] = mapped_column(primary_key=True)
    timekeeper_id: Mapped[int] = mapped_column(ForeignKey("timekeeper.id"), index=True)
    matter_id: Mapped[int | None] = mapped_column(ForeignKey("matter.id"))
    narrative: Mapped[str] = mapped_column(Text, default="")
    elapsed_seconds: Mapped[int] = mapped_column(Integer, default=0)  # banked while paused
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # set while running, else NULL
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CommunicationRow(Base):
    """A letter, e-mail, call or meeting on a matter: the correspondence log."""

    __tablename__ = "communication"
    id: Mapped[int] = mapped_column(primary_key=True)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # see SEARCHED
    matter_id: Mapped[int] = mapped_column(ForeignKey("matter.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(3))
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)  # the instant; shown in local time
    with_whom: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    __table_args__ = (
        CheckConstraint("kind IN ('call', 'email', 'letter', 'meeting')", name="kind_known"),
        CheckConstraint("direction IN ('in', 'out')", name="direction_known"),
        # The register's id list (live entries by date) from this index alone, in order: no table read.
        Index("ix_communication_deleted_at_occurred_at", "deleted_at", "occurred_at", "id", "matter_id"),
    )


class TodoRow(Base):
    """Something to do by a date, on a matter or on none, for a timekeeper or anyone; a follow-up keeps its entry."""

    __tablename__ = "todo"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int | None] = mapped_column(ForeignKey("matter.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date] = mapped_column(Date)
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("timekeeper.id"), index=True)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The log entry whose follow-up date this is (one to-do per entry), else NULL.
    communication_id: Mapped[int | None] = mapped_column(ForeignKey("communication.id"), unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    __table_args__ = (Index("ix_todo_due_on_done_at", "due_on", "done_at"),)


class FileRecordRow(Base):
    """One physical file of a matter (a "volume": a folder, binder or box), or an older index entry of a digital one.

    Where it is now is `location_id`, or, while it is checked out, `out_to`; `home_location_id` is where check-in
    returns it. `location` and `box` are the place and box number typed before places were a hierarchy (migration
    0009 made them a location, and kept these texts as they were typed; a digital entry's `location` is still its
    only place); a volume added since has them ''. The filter box finds a file by its place's own search key.
    """

    __tablename__ = "file_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # see SEARCHED
    barcode: Mapped[str] = mapped_column(String(20), unique=True, index=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matter.id"), index=True)
    label: Mapped[str] = mapped_column(String(300))
    medium: Mapped[str] = mapped_column(String(10), default="folder")
    location: Mapped[str] = mapped_column(String(300), default="")
    box: Mapped[str] = mapped_column(String(60), default="")
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    destroy_after: Mapped[date | None] = mapped_column(Date, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    location_id: Mapped[int | None] = mapped_column(ForeignKey("storage_location.id"), index=True)
    home_location_id: Mapped[int | None] = mapped_column(ForeignKey("storage_location.id"), index=True)
    out_to: Mapped[str] = mapped_column(String(200), default="", server_default="")  # '' while it is in
    out_timekeeper_id: Mapped[int | None] = mapped_column(ForeignKey("timekeeper.id"), index=True)
    out_reason: Mapped[str] = mapped_column(String(300), default="", server_default="")
    out_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    due_back_on: Mapped[date | None] = mapped_column(Date, index=True)
    retention_rule_id: Mapped[int | None] = mapped_column(ForeignKey("retention_rule.id"), index=True)
    retention_note: Mapped[str] = mapped_column(Text, default="", server_default="")  # how destroy_after was set
    hold_reason: Mapped[str] = mapped_column(Text, default="", server_default="")  # '' when not on legal hold
    hold_since: Mapped[datetime | None] = mapped_column(UtcDateTime)
    destroyed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    destruction_id: Mapped[int | None] = mapped_column(ForeignKey("destruction.id"), index=True)
    __table_args__ = (
        CheckConstraint("medium IN ('folder', 'binder', 'box', 'other', 'digital')", name="medium_known"),
        CheckConstraint("barcode <> ''", name="barcode_given"),
        # The file room's list by label from this index alone, in order (its joins name matter_id and location_id).
        Index("ix_file_record_label_id", "label", "id", "matter_id", "location_id"),
    )


class ConflictCheckRow(Base):
    """A conflict-of-interest check as it was run: the names, the hits and the decision (JSON lists)."""

    __tablename__ = "conflict_check"
    id: Mapped[int] = mapped_column(primary_key=True)
    checked_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    checked_by: Mapped[str] = mapped_column(String(100), default="")
    context: Mapped[str] = mapped_column(String(300), default="")  # "New matter 2026-0012", "On demand"...
    matter_id: Mapped[int | None] = mapped_column(ForeignKey("matter.id", ondelete="SET NULL"), index=True)
    names: Mapped[str] = mapped_column(Text, default="[]")
    hits: Mapped[str] = mapped_column(Text, default="[]")
    hit_count: Mapped[int] = mapped_column(Integer, default=0)
    likely_count: Mapped[int] = mapped_column(Integer, default=0)
    decision: Mapped[str] = mapped_column(String(20), default="undecided")
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint("decision IN ('undecided', 'cleared', 'waived', 'declined')", name="decision_known"),
    )


# The file room's and the document store's tables live in their own modules; importing them fills Base.metadata.
from legalsec_desktop.db import document_models, file_room_models, letter_models  # noqa: E402,F401
