"""Optional OCR of scanned PDFs with Tesseract, when a `tesseract` program is on the PATH: each page rendered with
pypdfium2 to a grey image, read by Tesseract. Without Tesseract nothing is OCRed and nothing fails."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from legalsec_desktop.formats.text_extract import _PDFIUM_LOCK

log = logging.getLogger("legalsec")
DPI = 300  # what Tesseract reads best
MAX_PAGES = 30  # of one document: a long scan is OCRed in its first pages (the reason says so)
MAX_PIXELS = 40_000_000  # a page rendered no larger than this (a poster-sized page is scaled down)
PAGE_TIMEOUT_S = 120


@dataclass(frozen=True)
class OcrText:
    """What OCR read: the text (pages separated by a form feed), and a reason when it read nothing or not all."""

    text: str
    reason: str = ""


def tesseract() -> str | None:
    """The Tesseract program on the PATH, or None."""
    return shutil.which("tesseract")


def ocr_pdf(path: Path, program: str, language: str = "eng", max_pages: int = MAX_PAGES) -> OcrText:
    """The text Tesseract reads on the pages of the PDF at `path`; never raises (a reason says what failed)."""
    try:
        with tempfile.TemporaryDirectory(prefix="legalsec-ocr-") as folder:
            images, pages = _render(path, Path(folder), max_pages)
            texts = [_read(program, image, language) for image in images]
    except Exception as error:  # noqa: BLE001 - OCR is a bonus: a failure leaves the document flagged, no more
        log.warning("OCR failed (%s)", type(error).__name__)
        return OcrText("", f"OCR could not read it ({type(error).__name__}).")
    text = "\f".join(texts)
    if not text.strip():
        return OcrText("", "OCR found no text in it.")
    more = f" OCR read the first {len(images)} of its {pages} pages." if pages > len(images) else ""
    return OcrText(text, more.strip())


def _render(path: Path, folder: Path, max_pages: int) -> tuple[list[Path], int]:
    """Each page (at most `max_pages`) as a grey PGM image in `folder`; (the images, the pages in the PDF)."""
    import pypdfium2

    images = []
    with _PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(str(path))
        try:
            pages = len(document)
            for number in range(min(pages, max_pages)):
                page = document[number]
                try:
                    width, height = page.get_size()
                    scale = DPI / 72
                    if width * height * scale * scale > MAX_PIXELS:
                        scale = (MAX_PIXELS / max(width * height, 1)) ** 0.5
                    bitmap = page.render(scale=scale, grayscale=True)
                    image = folder / f"page-{number + 1:04d}.pgm"
                    _write_pgm(image, bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels,
                               bytes(bitmap.buffer))
                    images.append(image)
                finally:
                    page.close()
        finally:
            document.close()
    return images, pages


def _write_pgm(image: Path, width: int, height: int, stride: int, channels: int, pixels: bytes) -> None:
    """A binary PGM (which Tesseract reads without any imaging library) of a grey (or BGR/BGRA) bitmap."""
    with open(image, "wb") as out:
        out.write(f"P5 {width} {height} 255\n".encode("ascii"))
        for row in range(height):
            line = pixels[row * stride: row * stride + width * channels]
            out.write(line if channels == 1 else line[1::channels])  # the green channel stands for the grey
        out.flush()
        os.fsync(out.fileno())


def _read(program: str, image: Path, language: str) -> str:
    done = subprocess.run([program, str(image), "stdout", "-l", language], capture_output=True,
                          timeout=PAGE_TIMEOUT_S, check=False)
    if done.returncode != 0:
        raise OSError(f"tesseract exited with status {done.returncode}")
    return done.stdout.decode("utf-8", errors="replace")
