"""SQLAlchemy models of the document store: each matter's folder, its documents and e-mails, and their versions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from legalsec_desktop.db.models import Base
from legalsec_desktop.db.types import UtcDateTime
from legalsec_desktop.domain.document_labels import DOCUMENT_KINDS as DOCUMENT_KINDS  # kept here for its users

TEXT_STATES = ("waiting", "indexed", "needs_ocr", "protected", "damaged", "empty", "unsupported", "failed")


class DocumentFolderRow(Base):
    """The folder of one matter under the documents root, as it was named when its first document was filed.

    Kept, not recomputed: renaming a matter does not move its files, and a rescan knows whose folder is whose.
    """

    __tablename__ = "document_folder"
    matter_id: Mapped[int] = mapped_column(ForeignKey("matter.id"), primary_key=True)
    folder: Mapped[str] = mapped_column(String(255), unique=True)  # one name under the root, no separators


class DocumentRow(Base):
    """A document or e-mail of a matter. Its file is its newest version; older versions stay listed and openable.

    An e-mail's attachments are documents of their own whose `parent_id` is the e-mail; the e-mail's line in the
    matter's correspondence log is `communication_id`. A document is never deleted, only marked `deleted_at`.
    """

    __tablename__ = "document"
    id: Mapped[int] = mapped_column(primary_key=True)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # see models.SEARCHED
    matter_id: Mapped[int] = mapped_column(ForeignKey("matter.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="other")
    doc_date: Mapped[date] = mapped_column(Date, index=True)  # the document's own date (an e-mail's Date header)
    author: Mapped[str] = mapped_column(String(300), default="")  # author, or an e-mail's sender as shown
    recipients: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    sender_address: Mapped[str] = mapped_column(String(320), default="", index=True)  # folded, for suggestions
    message_id: Mapped[str] = mapped_column(String(998), default="", index=True)  # an e-mail's Message-ID
    thread_ids: Mapped[str] = mapped_column(Text, default="")  # In-Reply-To and References, space separated
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)
    communication_id: Mapped[int | None] = mapped_column(ForeignKey("communication.id"), unique=True)
    filed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    filed_by: Mapped[str] = mapped_column(String(100), default="")
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    __table_args__ = (
        CheckConstraint("kind IN ('pleading', 'correspondence', 'email', 'discovery', 'evidence', 'note', 'other')",
                        name="kind_known"),
    )


class DocumentVersionRow(Base):
    """One version of a document: its file under the documents root, its content hash and how its text was read.

    `path` is relative to the documents root, with '/' between folders, so the root can move. `size_bytes` and
    `modified_ns` are the file as the program last saw it (a rescan compares them); `missing_since` is set while
    the file is not there, and the version is kept.
    """

    __tablename__ = "document_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(Text, unique=True)
    original_name: Mapped[str] = mapped_column(Text, default="")  # the file's name where it was filed from
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    modified_ns: Mapped[int] = mapped_column(Integer)
    filed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    text_state: Mapped[str] = mapped_column(String(20), default="waiting", index=True)
    text_note: Mapped[str] = mapped_column(Text, default="")  # the plain reason, when not indexed
    indexed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    missing_since: Mapped[datetime | None] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text, default="")  # e.g. changed outside the program, and when
    __table_args__ = (
        CheckConstraint("text_state IN ('waiting', 'indexed', 'needs_ocr', 'protected', 'damaged', 'empty', "
                        "'unsupported', 'failed')", name="text_state_known"),
        Index("ix_document_version_document_id_number", "document_id", "number", unique=True),
    )
