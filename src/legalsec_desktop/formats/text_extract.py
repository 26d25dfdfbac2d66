"""The plain text of a document (PDF, .docx, .txt, .rtf) for the search index, with a flag when it has none."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from legalsec_desktop.formats.docx_text import docx_text
from legalsec_desktop.formats.plain_text import cut_reason, plain_text, whole_characters
from legalsec_desktop.formats.rtf_text import rtf_text

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument

MAX_CHARS = 5_000_000
"""The most characters kept of one document; the rest is left out of the index, and `reason` says so."""

NO_TEXT_CHARS = 16
"""A PDF page with an image and fewer characters than this (spaces not counted) looks scanned (a Bates number or
a stamp is often the only text on a scanned page)."""

FLAGS = ("", "needs_ocr", "protected", "damaged", "unsupported", "empty")

# pdfium is not thread-safe: one document at a time in this process, whichever thread asks.
_PDFIUM_LOCK = threading.Lock()
_PDF_ERRORS = {1: "PDFium could not read it", 2: "the file could not be opened", 3: "it is not a valid PDF or is "
               "damaged (perhaps cut short)", 5: "its security handler is not supported", 6: "a page is damaged"}


@dataclass(frozen=True)
class Extracted:
    """What was read of a document: its text, its pages (PDFs only), a flag ('' when all is well) and why."""

    text: str
    pages: int | None = None
    flag: str = ""
    reason: str = ""


def extract(path: str | Path, max_chars: int = MAX_CHARS) -> Extracted:
    """The text of the document at `path`; a bad, protected or unknown file gets a flag and a reason, never an error.

    PDF pages are separated by a form feed ("\\f"), as pdftotext does; paragraphs by "\\n".
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        return Extracted("", None, "damaged", f"The file could not be read ({error.strerror or error}).")
    if not path.is_file():
        return Extracted("", None, "unsupported", "This is not a file.")
    if size == 0:
        return Extracted("", None, "empty", "The file is empty (0 bytes).")
    kind = path.suffix.lower()
    try:
        if kind == ".pdf":
            return _pdf(path, max_chars)
        if kind == ".docx":
            text, flag, reason = docx_text(path, max_chars)
        elif kind == ".txt":
            text, flag, reason = plain_text(path, max_chars)
        elif kind == ".rtf":
            text, flag, reason = rtf_text(path, max_chars)
        else:
            what = f"“{kind}” files" if kind else "Files without an extension"
            return Extracted("", None, "unsupported", f"{what} are filed but their text is not read.")
    except OSError as error:
        return Extracted("", None, "damaged", f"The file could not be read ({error.strerror or error}).")
    if not flag and not text.strip():
        flag, reason = "empty", "The document holds no text."
    return Extracted(text, None, flag, reason)


def _pdf(path: Path, max_chars: int) -> Extracted:
    import pypdfium2
    from pypdfium2 import internal, raw

    with _PDFIUM_LOCK, path.open("rb") as stream:
        # Opened through the raw API: pypdfium2's own PdfDocument() reports a stale error for a PDF without pages.
        reader, keep_alive = internal.get_bufreader(stream)
        handle = raw.FPDF_LoadCustomDocument(reader, None)
        if not handle:
            code = raw.FPDF_GetLastError()
            if code == raw.FPDF_ERR_PASSWORD:
                return Extracted("", None, "protected", "The PDF is protected by a password, so its text cannot be "
                                 "read.")
            return Extracted("", None, "damaged", f"The PDF cannot be read: {_PDF_ERRORS.get(code, 'unknown error')}.")
        document = pypdfium2.PdfDocument(handle)
        try:
            if len(document) == 0:
                return Extracted("", 0, "empty", "The PDF has no pages.")
            return _pdf_pages(document, max_chars)
        finally:
            document.close()
            del keep_alive  # pdfium reads through these callbacks until the document is closed


def _pdf_pages(document: PdfDocument, max_chars: int) -> Extracted:
    import pypdfium2

    pages = len(document)
    parts: list[str] = []
    room = max_chars
    cut = False
    scanned = 0
    damaged = 0
    for number in range(pages):
        if room <= 0:
            cut = True
            break
        try:
            text, looks_scanned = _page_text(document, number)
        except pypdfium2.PdfiumError:
            damaged += 1
            text, looks_scanned = "", False
        scanned += looks_scanned
        if len(text) > room:
            text, cut = text[:room], True
        parts.append(text)
        room -= len(text) + 1  # and the form feed before the next page
    reasons = []
    flag = ""
    if damaged:
        reasons.append(f"{damaged} of {pages} pages could not be read.")
        flag = "damaged" if damaged == pages else ""
    if scanned * 2 >= pages - damaged > 0:
        flag = "needs_ocr"
        reasons.insert(0, f"{scanned} of {pages} pages have no text layer: the PDF looks scanned and needs OCR (text "
                          "recognition) before its words can be found.")
    elif scanned:
        reasons.insert(0, f"{scanned} of {pages} pages have no text layer (scanned pages): their words cannot be "
                          "found until the PDF is OCRed.")
    if cut:
        reasons.append(cut_reason(max_chars))
    text = "\f".join(parts)
    if not flag and not text.strip():
        flag, reasons = "empty", ["The PDF holds no text (its pages are blank)."]
    return Extracted(text, pages, flag, " ".join(reasons))


def _page_text(document: PdfDocument, number: int) -> tuple[str, bool]:
    """The text of page `number` and whether it looks scanned: an image with (almost) no text, or no text at all."""
    from pypdfium2 import raw

    page = document[number]
    try:
        textpage = page.get_textpage()
        try:
            text = _clean_pdf_text(textpage.get_text_range())
        finally:
            textpage.close()
        if sum(not c.isspace() for c in text) >= NO_TEXT_CHARS:
            return text, False
        # A short text (a page of CJK, a title page) is real text unless an image carries the rest of the page;
        # a page with objects (an image, or text turned into outlines) but no text at all needs OCR too.
        images = page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3)
        if next(iter(images), None) is not None:
            return text, True
        return text, not text.strip() and raw.FPDFPage_CountObjects(page.raw) > 0
    finally:
        page.close()


# pdfium marks a soft hyphen it kept as U+FFFE and a hyphen it removed at a line end as \x02.
_PDF_CLEAN = str.maketrans({"\r": None, "\ufffe": None, "\x02": None, "\x00": None})


def _clean_pdf_text(raw: str) -> str:
    return whole_characters(raw.translate(_PDF_CLEAN))
