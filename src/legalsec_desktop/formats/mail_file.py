"""Reads one e-mail file (.eml or Outlook .msg) into plain fields, never raising for a bad file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

from legalsec_desktop.domain.document_names import safe_name

DAMAGED = "damaged"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Address(NamedTuple):
    """A name and an e-mail address; either may be ''."""

    name: str
    address: str


@dataclass(frozen=True)
class Attachment:
    """An attached file: its name as given, its type, its size in bytes, and `read()` for its bytes."""

    name: str
    content_type: str
    size: int
    read: Callable[[], bytes] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Mail:
    """The fields of one e-mail; `flag` is '' or 'damaged' and `reason` says why in plain words."""

    message_id: str = ""
    subject: str = ""
    sender: Address = Address("", "")
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    sent_at: datetime | None = None
    body_text: str = ""
    attachments: tuple[Attachment, ...] = ()
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    flag: str = ""
    reason: str = ""


def damaged(reason: str) -> Mail:
    """A mail with nothing read from it, flagged damaged for `reason`."""
    return Mail(flag=DAMAGED, reason=reason)


def read_mail(path: str | Path) -> Mail:
    """Reads an .eml or .msg file (told apart by content, not name); a bad file gives a flagged Mail."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(OLE_MAGIC))
    except OSError as error:
        return damaged(f"the file cannot be read ({error.strerror or error})")
    if not head:
        return damaged("the file is empty (0 bytes)")
    try:
        if head == OLE_MAGIC:
            from legalsec_desktop.formats.mail_msg import read_msg

            return read_msg(path)
        from legalsec_desktop.formats.mail_eml import read_eml

        return read_eml(path)
    except MemoryError:
        return damaged("the file is too large to read")
    except Exception as error:  # noqa: BLE001 - a bad file must never stop the caller
        return damaged(f"the file could not be read as an e-mail ({type(error).__name__})")


def safe_file_name(name: str, fallback: str = "attachment") -> str:
    """`name` made safe on Windows, macOS and Linux (domain.document_names.safe_name: forbidden characters
    replaced, reserved names avoided, the extension kept, at most MAX_NAME characters)."""
    return safe_name(clean_text(name), fallback)


def clean_text(text: str) -> str:
    """`text` with stray surrogates (bytes a decoder could not place) turned into readable characters."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape")
        return decode_bytes(raw, None)
    return text


def decode_bytes(raw: bytes, charset: str | None) -> str:
    """`raw` decoded by its declared charset, else UTF-8, else Windows-1252; unreadable bytes become U+FFFD."""
    declared = _charset_alias(charset)
    for name in (declared, "utf-8"):
        if name:
            try:
                return raw.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    if declared and declared not in ("ascii", "us-ascii", "utf-8"):
        try:
            return raw.decode(declared, "replace")
        except LookupError:
            pass
    return raw.decode("cp1252", "replace")


def _charset_alias(charset: str | None) -> str | None:
    """Charsets mail programs mislabel, widened to what they really send (GB2312 mail is usually GBK)."""
    if not charset:
        return None
    name = charset.strip().strip('"').lower()
    wider = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "ks_c_5601-1987": "cp949",
             "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
             "big5": "big5hkscs", "shift_jis": "cp932", "x-sjis": "cp932", "utf8": "utf-8"}
    return wider.get(name, name)


def aware(moment: datetime | None) -> datetime | None:
    """`moment` with a time zone (UTC when the mail gave none)."""
    if moment is None:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)
