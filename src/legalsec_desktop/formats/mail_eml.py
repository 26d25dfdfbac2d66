"""Reads an .eml file (RFC 5322/MIME) with the standard library, tolerant of broken encodings and MIME."""

from __future__ import annotations

import email.utils
import mimetypes
import re
from datetime import datetime
from email import policy
from email.header import decode_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from html.parser import HTMLParser
from pathlib import Path

from legalsec_desktop.formats.mail_file import (
    Address,
    Attachment,
    Mail,
    aware,
    clean_text,
    damaged,
    decode_bytes,
)

MAIL_HEADERS = ("from", "to", "cc", "subject", "date", "message-id", "mime-version", "received", "sender",
                "in-reply-to", "references", "return-path", "delivered-to", "reply-to")
MAX_EML_BYTES = 200 * 1024 * 1024
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


def read_eml(path: Path) -> Mail:
    """The fields of the .eml file at `path`; a file with no e-mail headers is flagged damaged."""
    size = path.stat().st_size
    if size > MAX_EML_BYTES:
        return damaged(f"the e-mail is too large to read ({size // (1024 * 1024)} MB)")
    with path.open("rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    assert isinstance(message, EmailMessage)
    present = {key.lower() for key in message.keys()}
    if not present & set(MAIL_HEADERS):
        return damaged("this is not an e-mail: it has no e-mail headers (From, To, Subject, Date…)")
    body_part, body_text = _body(message)
    references = tuple(_MESSAGE_ID.findall(_header(message, "references")))
    reply_ids = _MESSAGE_ID.findall(_header(message, "in-reply-to"))
    senders = _addresses(message, "from") or _addresses(message, "sender")
    return Mail(
        message_id=_header(message, "message-id").strip(),
        subject=_header(message, "subject").strip(),
        sender=senders[0] if senders else Address("", ""),
        to=_addresses(message, "to"),
        cc=_addresses(message, "cc"),
        sent_at=_date(message),
        body_text=body_text,
        attachments=tuple(_attachments(message, body_part)),
        in_reply_to=reply_ids[0] if reply_ids else "",
        references=references,
    )


def _header(message: Message, name: str) -> str:
    """Header `name` as readable text ('' when missing), decoding encoded words in any charset."""
    try:
        value = message.get(name)
        if value is None:
            return ""
        text = str(value)
    except Exception:  # noqa: BLE001 - a malformed header is read raw below
        text = ""
    if not text or "=?" in text or _has_surrogates(text):
        raw = _raw_header(message, name)
        if raw:
            text = raw
    return " ".join(clean_text(text).split())


def _raw_header(message: Message, name: str) -> str:
    """The header decoded by hand, each encoded word in its own charset, tolerating unknown charsets."""
    for key, value in message.raw_items():
        if key.lower() == name:
            pieces = []
            for chunk, charset in decode_header(re.sub(r"\s+", " ", str(value))):
                if isinstance(chunk, bytes):
                    pieces.append(decode_bytes(chunk, charset))
                else:
                    pieces.append(chunk)
            return "".join(pieces)
    return ""


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def _addresses(message: Message, name: str) -> tuple[Address, ...]:
    """The addresses in header `name`, read leniently."""
    raw = " ".join(clean_text(str(value)) for key, value in message.raw_items() if key.lower() == name)
    found = []
    for display, address in email.utils.getaddresses([" ".join(raw.split())]):
        if "=?" in display:
            display = "".join(
                decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk
                for chunk, charset in decode_header(display)
            )
        if display or address:
            found.append(Address(clean_text(display).strip(), address.strip()))
    return tuple(found)


def _date(message: Message) -> datetime | None:
    """The mail's own Date header as an aware datetime, or None."""
    text = _header(message, "date")
    if not text:
        return None
    try:
        return aware(email.utils.parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _body(message: Message) -> tuple[Message | None, str]:
    """The part holding the body and its text: plain text preferred, else text from the HTML."""
    part: Message | None = None
    if isinstance(message, EmailMessage):
        try:
            part = message.get_body(preferencelist=("plain", "html"))
        except Exception:  # noqa: BLE001 - malformed MIME: look at the parts one by one below
            part = None
    if part is None:
        for candidate in message.walk():
            if candidate.get_content_maintype() == "text" and not _is_attachment(candidate):
                part = candidate
                break
    if part is None:
        if message.is_multipart():
            return None, ""
        part = message
    text = part_text(part)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    return part, text.strip()


def part_text(part: Message) -> str:
    """A text part decoded by its charset, never failing on a wrong or unknown one."""
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        raw = payload
    else:
        raw = str(part.get_payload()).encode("utf-8", "surrogateescape")
    try:
        charset = part.get_content_charset()
    except Exception:  # noqa: BLE001 - a garbled charset parameter counts as none
        charset = None
    return decode_bytes(raw, charset)


def _is_attachment(part: Message) -> bool:
    try:
        disposition = part.get_content_disposition()
        return disposition == "attachment" or bool(part.get_filename())
    except Exception:  # noqa: BLE001
        return False


def _attachments(message: Message, body_part: Message | None) -> list[Attachment]:
    """Every attached file, forwarded mails as whole .eml files, in the order they appear."""
    found: list[Attachment] = []
    _collect(message, body_part, found, top=True)
    return found


def _collect(part: Message, body_part: Message | None, found: list[Attachment], top: bool = False) -> None:
    content_type = part.get_content_type()
    if part is body_part:
        return
    if part.is_multipart() and (top or content_type != "message/rfc822"):
        children = part.get_payload()
        for child in children if isinstance(children, list) else []:
            if isinstance(child, Message):
                _collect(child, body_part, found)
        return
    if top:
        return
    if content_type == "message/rfc822":
        inner = part.get_payload()
        inner_message = inner[0] if isinstance(inner, list) and inner else None
        data = inner_message.as_bytes(policy=policy.default) if isinstance(inner_message, Message) else b""
        subject = _header(inner_message, "subject") if isinstance(inner_message, Message) else ""
        name = _file_name(part) or subject.strip()
        found.append(_attachment(name or f"forwarded message {len(found) + 1}", content_type, data, ".eml"))
        return
    if part.get_content_maintype() in ("text", "multipart") and not _is_attachment(part):
        return
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    name = _file_name(part) or f"attachment {len(found) + 1}"
    found.append(_attachment(name, content_type, data, mimetypes.guess_extension(content_type) or ""))


def _attachment(name: str, content_type: str, data: bytes, extension: str) -> Attachment:
    if extension and "." not in name:
        name += extension
    return Attachment(name=name, content_type=content_type, size=len(data), read=lambda: data)


def _file_name(part: Message) -> str:
    """The attachment's file name as the sender gave it (decoded), or ''."""
    try:
        name = part.get_filename() or ""
    except Exception:  # noqa: BLE001 - a garbled parameter: no name
        name = ""
    if "=?" in name:
        name = "".join(
            decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk
            for chunk, charset in decode_header(name)
        )
    return clean_text(name).strip()


class _TextFromHtml(HTMLParser):
    """Collects the text of an HTML document, skipping scripts and styles, breaking lines at blocks."""

    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.pieces.append(data)


def html_to_text(html: str) -> str:
    """The readable text of an HTML body: tags removed, entities decoded, blank runs collapsed."""
    parser = _TextFromHtml()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - a parser failure falls back to a crude strip
        return re.sub(r"<[^>]*>", " ", html)
    lines = (" ".join(line.split()) for line in "".join(parser.pieces).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
