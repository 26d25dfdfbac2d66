"""Reads an Outlook .msg file (an OLE compound file of MAPI properties) with olefile (BSD-2-Clause)."""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import olefile

from legalsec_desktop.formats.mail_eml import html_to_text
from legalsec_desktop.formats.mail_file import (
    DAMAGED,
    Address,
    Attachment,
    Mail,
    clean_text,
    damaged,
    decode_bytes,
)

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_FILETIME_START = datetime(1601, 1, 1, tzinfo=timezone.utc)
PT_SYSTIME = 0x0040


def read_msg(path: Path) -> Mail:
    """The fields of the .msg file at `path`; an OLE file that is no message is flagged damaged."""
    if not olefile.isOleFile(str(path)):
        return damaged("this is not an Outlook message: not an OLE compound file")
    try:
        ole = olefile.OleFileIO(str(path))
    except OSError as error:
        return damaged(f"this Outlook message is damaged ({error})")
    with ole:
        reader = _Reader(ole, "")
        codepage = reader.long(0x3FFD) or reader.long(0x3FDE)
        reader.charset = f"cp{codepage}" if codepage and codepage not in (1200, 65001) else None
        names = {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
        if not any(name.startswith("__substg1.0_") or name == "__properties_version1.0" for name in names):
            return damaged("this is not an Outlook message: it has no message properties")
        sender_address = reader.text("5D01") or reader.text("0C1F") or reader.text("0065")
        sender = Address(reader.text("0C1A") or reader.text("0042"), sender_address)
        to, cc = _recipients(ole, reader)
        if sender.address.startswith("/"):  # an Exchange (X.500) address: find the SMTP one
            sender = Address(sender.name, _smtp_address(reader, sender, to + cc))
        body = reader.text("1000")
        if not body.strip():
            html = reader.binary("1013") or reader.text("1013").encode("utf-8")
            body = html_to_text(decode_bytes(html, _html_charset(html))) if html else ""
        mail = Mail(
            message_id=reader.text("1035").strip(),
            subject=reader.text("0037").strip(),
            sender=sender,
            to=to,
            cc=cc,
            sent_at=reader.time(0x0039) or reader.time(0x0E06),
            body_text=body.strip(),
            attachments=tuple(_attachments(ole, path, reader.charset)),
            in_reply_to=next(iter(_MESSAGE_ID.findall(reader.text("1042"))), ""),
            references=tuple(_MESSAGE_ID.findall(reader.text("1039"))),
        )
        if ole.parsing_issues:
            problem = ole.parsing_issues[0][1]
            reason = f"this Outlook message is damaged ({problem}); what could be read was kept"
            return replace(mail, flag=DAMAGED, reason=reason)
        return mail


class _Reader:
    """Reads the property streams of one storage (the message, a recipient or an attachment)."""

    def __init__(self, ole: olefile.OleFileIO, prefix: str, charset: str | None = None) -> None:
        self.ole = ole
        self.prefix = prefix
        self.charset = charset

    def stream(self, name: str) -> bytes | None:
        full = f"{self.prefix}{name}"
        if not self.ole.exists(full) or self.ole.get_type(full) != olefile.STGTY_STREAM:
            return None
        with self.ole.openstream(full) as handle:
            data: bytes = handle.read()
            return data

    def text(self, tag: str) -> str:
        """String property `tag` (4 hex digits), UTF-16 (001F) or 8-bit (001E); '' when absent."""
        data = self.stream(f"__substg1.0_{tag}001F")
        if data is not None:
            return clean_text(data.decode("utf-16-le", "replace")).rstrip("\x00")
        data = self.stream(f"__substg1.0_{tag}001E")
        if data is not None:
            return decode_bytes(data.rstrip(b"\x00"), self.charset)
        return ""

    def binary(self, tag: str) -> bytes:
        return self.stream(f"__substg1.0_{tag}0102") or b""

    def long(self, property_id: int) -> int:
        """A PT_LONG property from the fixed-size property stream; 0 when absent."""
        data = self.stream("__properties_version1.0") or b""
        for offset in range(32 if not self.prefix else 8, len(data) - 15, 16):
            tag, _flags, value = struct.unpack_from("<III", data, offset)
            if tag == (property_id << 16) | 0x0003:
                return int(value)
        return 0

    def time(self, property_id: int) -> datetime | None:
        """A PT_SYSTIME property from the fixed-size property stream, as an aware UTC datetime."""
        data = self.stream("__properties_version1.0")
        if not data:
            return None
        start = 32 if not self.prefix else 8
        for offset in range(start, len(data) - 15, 16):
            tag, _flags, value = struct.unpack_from("<IIQ", data, offset)
            if tag == (property_id << 16) | PT_SYSTIME and value:
                try:
                    return _FILETIME_START + timedelta(microseconds=value // 10)
                except OverflowError:
                    return None
        return None


def _smtp_address(reader: _Reader, sender: Address, recipients: tuple[Address, ...]) -> str:
    """The sender's SMTP address from the transport headers or a recipient of the same name, else the X.500 one."""
    headers = reader.text("007D")
    found = re.search(r"^From:.*?<?([^<>\s@]+@[^<>\s]+?)>?\s*$", headers, re.MULTILINE | re.IGNORECASE)
    if found:
        return found.group(1)
    for recipient in recipients:
        if recipient.name == sender.name and "@" in recipient.address:
            return recipient.address
    return sender.address


def _html_charset(html: bytes) -> str | None:
    found = re.search(rb"charset=[\"']?([A-Za-z0-9_\-]+)", html[:4096])
    return found.group(1).decode("ascii") if found else None


def _storages(ole: olefile.OleFileIO, prefix: str) -> list[str]:
    """The top-level storages whose names start with `prefix`, in order."""
    names = {entry[0] for entry in ole.listdir(streams=True, storages=True) if entry[0].startswith(prefix)}
    return sorted(names)


def _recipients(ole: olefile.OleFileIO, reader: _Reader) -> tuple[tuple[Address, ...], tuple[Address, ...]]:
    """To and Cc from the recipient storages (type 1 and 2), else from the display lines."""
    to: list[Address] = []
    cc: list[Address] = []
    for storage in _storages(ole, "__recip_version1.0_"):
        recipient = _Reader(ole, f"{storage}/", reader.charset)
        address = recipient.text("39FE") or recipient.text("3003")
        entry = Address(recipient.text("3001"), address)
        kind = _recipient_type(recipient)
        if kind == 2:
            cc.append(entry)
        elif kind == 1:
            to.append(entry)
    if not to and not cc:
        to = [Address(name.strip(), "") for name in reader.text("0E04").split(";") if name.strip()]
        cc = [Address(name.strip(), "") for name in reader.text("0E03").split(";") if name.strip()]
    return tuple(to), tuple(cc)


def _recipient_type(recipient: _Reader) -> int:
    """PR_RECIPIENT_TYPE (0x0C15, PT_LONG): 1 To, 2 Cc, 3 Bcc; 0 when unknown."""
    return recipient.long(0x0C15)


def _attachments(ole: olefile.OleFileIO, path: Path, charset: str | None) -> list[Attachment]:
    """The attached files; the bytes are read from the file again only when asked for."""
    found: list[Attachment] = []
    for storage in _storages(ole, "__attach_version1.0_"):
        attachment = _Reader(ole, f"{storage}/", charset)
        name = attachment.text("3707") or attachment.text("3704") or attachment.text("3001")
        content_type = attachment.text("370E") or "application/octet-stream"
        stream = f"{storage}/__substg1.0_37010102"
        if ole.exists(stream) and ole.get_type(stream) == olefile.STGTY_STREAM:
            size = ole.get_size(stream)
        elif ole.exists(f"{storage}/__substg1.0_3701000D"):
            content_type, size, stream = "application/vnd.ms-outlook", 0, ""
            name = name or f"{attachment.text('0037') or 'attached message'}.msg"
        else:
            continue
        found.append(Attachment(name=name or f"attachment {len(found) + 1}", content_type=content_type,
                                size=size, read=_stream_reader(path, stream)))
    return found


def _stream_reader(path: Path, stream: str) -> Callable[[], bytes]:
    """A callable giving the bytes of `stream` in the .msg at `path` (b'' when it cannot)."""

    def read() -> bytes:
        if not stream:
            return b""
        try:
            with olefile.OleFileIO(str(path)) as ole, ole.openstream(stream) as handle:
                data: bytes = handle.read()
                return data
        except OSError:
            return b""

    return read
