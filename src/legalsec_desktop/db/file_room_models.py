"""SQLAlchemy models of the paper file room: locations, the movement log, retention, closing and destruction."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from legalsec_desktop.db.models import Base
from legalsec_desktop.db.types import UtcDateTime


class StorageLocationRow(Base):
    """A place a file can be: an office, a cabinet, a drawer, a storage company, a box there.

    `path` is the whole name from the top ("Main office ▸ Cabinet A ▸ Drawer 2"), kept by the service when a
    place is added or renamed; `path_key` is it folded, unique. A place in use is never deleted, only retired.
    """

    __tablename__ = "storage_location"
    id: Mapped[int] = mapped_column(primary_key=True)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # see models.SEARCHED
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("storage_location.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(12), default="other")
    path: Mapped[str] = mapped_column(String(600))
    path_key: Mapped[str] = mapped_column(String(600), unique=True)
    offsite: Mapped[bool] = mapped_column(Boolean, default=False)  # a storage company's, or in one: "in storage"
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    __table_args__ = (
        CheckConstraint("kind IN ('office', 'room', 'cabinet', 'drawer', 'shelf', 'storage', 'box', 'other')",
                        name="kind_known"),
    )


class FileMovementRow(Base):
    """One line of a file's movement log. Append-only: the database refuses UPDATE and DELETE (migration 0009)."""

    __tablename__ = "file_movement"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("file_record.id"), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    by_name: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(12))
    from_text: Mapped[str] = mapped_column(String(600), default="")  # where from, as it was named then
    to_text: Mapped[str] = mapped_column(String(600), default="")  # where to, or to whom
    from_location_id: Mapped[int | None] = mapped_column(ForeignKey("storage_location.id"))
    to_location_id: Mapped[int | None] = mapped_column(ForeignKey("storage_location.id"))
    timekeeper_id: Mapped[int | None] = mapped_column(ForeignKey("timekeeper.id"))
    due_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint("kind IN ('created', 'moved', 'out', 'in', 'to_storage', 'returned', 'destroyed', "
                        "'hold', 'released', 'closed', 'reopened')", name="kind_known"),
    )


class RetentionRuleRow(Base):
    """How long a closed file is kept: `years` after closing, or for ever (`years` NULL). The firm edits these.

    `practice_area` '' is the firm's default; a rule naming a practice area is the default for its matters.
    """

    __tablename__ = "retention_rule"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    practice_area: Mapped[str] = mapped_column(String(100), default="")
    years: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    __table_args__ = (CheckConstraint("years IS NULL OR (years >= 0 AND years <= 200)", name="years_sensible"),)


class ClosingItemRow(Base):
    """One line of the firm's closing checklist; `check` names what the program verifies itself ('' for none)."""

    __tablename__ = "closing_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(300))
    check: Mapped[str] = mapped_column(String(20), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class MatterClosingRow(Base):
    """A matter's closing as it was done: the checklist's answers (JSON) and any override, with who and when."""

    __tablename__ = "matter_closing"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matter.id"), index=True)
    closed_number: Mapped[str] = mapped_column(String(40))
    closed_on: Mapped[date] = mapped_column(Date)
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_by: Mapped[str] = mapped_column(String(100), default="")
    checklist: Mapped[str] = mapped_column(Text, default="[]")  # [{"text", "check", "done", "detail"}]
    override_reason: Mapped[str] = mapped_column(Text, default="")  # why it closed with items not done


class DestructionRow(Base):
    """One batch of destroyed files: the register keeps it for ever (the database refuses UPDATE and DELETE)."""

    __tablename__ = "destruction"
    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_number: Mapped[str] = mapped_column(String(40), unique=True)
    approved_by: Mapped[str] = mapped_column(String(5))  # the approving attorney's initials
    approved_by_name: Mapped[str] = mapped_column(String(200), default="")  # their name then (initials can change)
    approved_on: Mapped[date] = mapped_column(Date)
    destroyed_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(100))
    destroyed_by: Mapped[str] = mapped_column(String(200), default="")  # a person or a shredding company
    witness: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    file_count: Mapped[int] = mapped_column(Integer, default=0)
