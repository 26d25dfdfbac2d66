"""The typed rows of the document store: a document, one of its versions, what filing a file did, index health."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class DocumentDraft:
    """What is known of a document before it is filed: its metadata, and the name its file came with."""

    title: str
    kind: str  # a value of db.document_models.DOCUMENT_KINDS
    doc_date: date
    original_name: str  # the file's name where it came from (its extension names the stored file's)
    author: str = ""
    recipients: str = ""
    description: str = ""
    sender_address: str = ""
    message_id: str = ""
    thread_ids: str = ""
    parent_id: int | None = None  # an e-mail's attachment: the e-mail's document id
    communication_id: int | None = None


@dataclass(frozen=True)
class FilingResult:
    """What filing one file did: `outcome` is 'filed', 'duplicate' or 'refused'; `message` says it in words.

    A filed document that could not be read has `flag` (a key of formats.text_extract.FLAGS: needs_ocr,
    protected, damaged, empty, unsupported) and `reason`; '' when it was read, or has not been read yet.
    """

    source: str  # the file as the user named it
    outcome: str
    message: str
    document_id: int | None = None  # the document filed, or the one it duplicates
    title: str = ""
    flag: str = ""
    reason: str = ""
    attachments: tuple[FilingResult, ...] = field(default=())


@dataclass(frozen=True)
class VersionItem:
    """One version of a document, as its detail lists it."""

    id: int
    document_id: int
    number: int
    path: str  # relative to the documents root, '/' between folders
    original_name: str
    sha256: str
    size_bytes: int
    filed_at: datetime
    text_state: str  # a value of db.document_models.TEXT_STATES
    text_note: str
    missing_since: datetime | None
    note: str
    indexed_at: datetime | None = None  # when its text was read (or found unreadable)


@dataclass(frozen=True)
class DocumentItem:
    """One document or e-mail, as the lists, its detail and the command line show it (its newest version)."""

    id: int
    matter_id: int
    matter_number: str
    caption: str  # the matter's caption, else its title
    title: str
    kind: str
    doc_date: date
    author: str
    recipients: str
    description: str
    filed_at: datetime
    filed_by: str
    version_count: int
    current: VersionItem
    parent_id: int | None = None
    communication_id: int | None = None
    deleted_at: datetime | None = None


@dataclass(frozen=True)
class IndexHealth:
    """How many documents (their newest versions) are indexed, waiting to be read, failed, need OCR, missing."""

    indexed: int = 0
    waiting: int = 0
    failed: int = 0  # damaged, protected or failed: filed, but their text could not be read
    needs_ocr: int = 0
    empty: int = 0
    missing: int = 0  # the file is not where the store keeps it
    not_read: int = 0  # of a kind whose text the program does not read (a picture, a spreadsheet)

    @property
    def total(self) -> int:
        return self.indexed + self.waiting + self.failed + self.needs_ocr + self.empty + self.not_read
