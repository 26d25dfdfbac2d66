"""Small real files for the demo practice's document store: a Word letter, a PDF (typed or "scanned"), an e-mail.

Each is written whole or not at all (formats.files.write_atomically) and read back by the program's own readers,
so the demo shows filing, search and the index flags as a firm's real files would.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from legalsec_desktop.formats.files import write_atomically, write_bytes_atomically

PAGE_LINES = 46  # lines of 11 pt text on a US Letter page with one-inch margins


def write_docx(path: Path, paragraphs: Sequence[str]) -> Path:
    """A Word document of `paragraphs`, the first as its heading."""
    import docx

    document = docx.Document()
    for number, paragraph in enumerate(paragraphs):
        if number == 0:
            document.add_heading(paragraph, level=1)
        else:
            document.add_paragraph(paragraph)
    return write_atomically(path, lambda temporary: document.save(str(temporary)))


def write_eml(path: Path, sender: str, to: Sequence[str], subject: str, sent_at: datetime, body: str,
              attachments: Sequence[tuple[str, bytes, str]] = (), in_reply_to: str = "") -> tuple[Path, str]:
    """An e-mail as an .eml file; `attachments` are (name, bytes, MIME type). Returns the path and its Message-ID."""
    message = EmailMessage()
    domain = sender.rsplit("@", 1)[-1].strip(">") or "example.com"
    message_id = make_msgid(domain=domain)
    message["From"], message["To"], message["Subject"] = sender, ", ".join(to), subject
    message["Date"], message["Message-ID"] = format_datetime(sent_at), message_id
    if in_reply_to:
        message["In-Reply-To"], message["References"] = in_reply_to, in_reply_to
    message.set_content(body)
    for name, data, mime in attachments:
        main, _, sub = mime.partition("/")
        message.add_attachment(data, maintype=main, subtype=sub or "octet-stream", filename=name)
    return write_bytes_atomically(path, bytes(message)), message_id


def _pdf_text(line: str) -> str:
    encoded = line.encode("cp1252", "replace").decode("latin-1")
    return encoded.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(lines: Sequence[str], scanned: bool = False) -> bytes:
    """A PDF of `lines` in Helvetica, PAGE_LINES to a page; `scanned`: the pages are images with no text layer."""
    pages = [list(lines[i:i + PAGE_LINES]) for i in range(0, max(len(lines), 1), PAGE_LINES)]
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    font = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for page in pages:
        if scanned:  # a grey "scan": one image over the page, as a scanner without OCR makes it
            pixels = bytes(200 if (x // 8 + y // 3) % 5 else 90 for y in range(110) for x in range(85))
            image = zlib.compress(pixels)
            objects.append(b"<< /Type /XObject /Subtype /Image /Width 85 /Height 110 /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(image)
                           + image + b"\nendstream")
            content = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
            resources = b"<< /XObject << /Im1 %d 0 R >> >>" % len(objects)
        else:
            shown = "".join(f"({_pdf_text(line)}) Tj T* " for line in page)
            content = f"BT /F1 11 Tf 14 TL 72 720 Td {shown}ET".encode("latin-1")
            resources = b"<< /Font << /F1 %d 0 R >> >>" % font
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
                       + b" /Contents %d 0 R >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % kid for kid in kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_pdf(path: Path, lines: Sequence[str], scanned: bool = False) -> Path:
    """A PDF file of `lines` (see pdf_bytes)."""
    return write_bytes_atomically(path, pdf_bytes(lines, scanned))
