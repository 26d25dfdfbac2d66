"""SQLAlchemy models of the letter templates: what each template file in the templates folder was found to use,
when it was last used, and the packages of templates drafted together."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from legalsec_desktop.db.models import Base
from legalsec_desktop.db.types import UtcDateTime

PURPOSES = ("", "engagement", "declination", "closing")  # which template the program offers where


class LetterTemplateRow(Base):
    """One template file of the templates folder (the folder is the list; this row is what is known of the file).

    `fields` and `asks` are JSON, what the last check of the file found; the check is redone when the file's size
    or modification time is no longer `checked_size` / `checked_mtime_ns` (the firm edits templates in Word).
    `problem` is why the file cannot be used ('' when it can).
    """

    __tablename__ = "letter_template"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255), unique=True)  # the name in the templates folder
    name: Mapped[str] = mapped_column(String(200), unique=True)  # shown and typed (`--template NAME`)
    purpose: Mapped[str] = mapped_column(String(20), default="", server_default="")
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    fields: Mapped[str] = mapped_column(Text, default="", server_default="")  # JSON list of field names
    asks: Mapped[str] = mapped_column(Text, default="", server_default="")  # JSON list of asked-for values
    problem: Mapped[str] = mapped_column(Text, default="", server_default="")
    checked_size: Mapped[int | None] = mapped_column(Integer)
    checked_mtime_ns: Mapped[int | None] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    use_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    __table_args__ = (CheckConstraint("purpose IN ('', 'engagement', 'declination', 'closing')",
                                      name="purpose_known"),)


class LetterPackageRow(Base):
    """Templates drafted together for one matter (a new-matter package: engagement letter, intake cover, waiver)."""

    __tablename__ = "letter_package"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    templates: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON list of template names
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
