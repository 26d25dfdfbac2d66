"""A letter saved as PDF through LibreOffice, when it is installed, and filed in the matter beside the letter.

The PDF is filed as a new document of the matter (same title and date as the letter, kind "correspondence"),
not as a version of the letter: a version would make the PDF the letter's current file and hide the .docx the
secretary goes on editing. LibreOffice runs headless with a profile of its own in a temporary folder (so a
LibreOffice window the user has open neither blocks nor receives the conversion), bounded by a timeout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services.document_filing import file_documents

TIMEOUT_S = 90.0  # LibreOffice's first start with a fresh profile takes several seconds
_WINDOWS_PLACES = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
_MAC_PLACE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


class PdfNotMade(UserFixableError):
    """LibreOffice is missing, failed or took too long: said in words."""


def find_soffice() -> str | None:
    """LibreOffice's program (soffice), or None when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    places = _WINDOWS_PLACES if os.name == "nt" else (_MAC_PLACE,) if sys.platform == "darwin" else ()
    return next((place for place in places if Path(place).is_file()), None)


def convert_to_pdf(docx: Path, dest_folder: Path, timeout_s: float = TIMEOUT_S, soffice: str | None = None) -> Path:
    """The PDF of `docx`, written into `dest_folder` as <stem>.pdf; PdfNotMade when it cannot be made."""
    program = soffice or find_soffice()
    if program is None:
        raise PdfNotMade("LibreOffice is not installed, so the letter cannot be saved as PDF here.")
    try:
        return _convert(program, docx, dest_folder, timeout_s)
    except OSError as error:  # the letter moved, the disk full, the folder not writable: said, never a traceback
        raise PdfNotMade(f"The PDF could not be saved ({error.strerror or error}); the letter itself is saved.") \
            from None


def _convert(program: str, docx: Path, dest_folder: Path, timeout_s: float) -> Path:
    with tempfile.TemporaryDirectory(prefix="pdf-") as work:
        work_path = Path(work)
        source = work_path / f"letter{docx.suffix}"
        shutil.copyfile(docx, source)
        profile = (work_path / "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
                   "--outdir", str(work_path / "out"), str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout_s, check=False,  # noqa: S603
                           stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise PdfNotMade(f"LibreOffice took longer than {int(timeout_s)} seconds to make the PDF; "
                             "the letter itself is saved.") from None
        except OSError as error:
            raise PdfNotMade(f"LibreOffice could not be started ({error.strerror or error}).") from None
        made = work_path / "out" / "letter.pdf"
        if not made.is_file() or made.stat().st_size == 0:
            raise PdfNotMade("LibreOffice did not make a PDF of the letter; the letter itself is saved.")
        dest_folder.mkdir(parents=True, exist_ok=True)
        target = dest_folder / f"{docx.stem}.pdf"
        shutil.move(str(made), target)
    return target


def file_letter_pdf(store: Store, root: Path, matter_id: int, letter: Path, title: str, on: date, clock: Clock,
                    by: str, timeout_s: float = TIMEOUT_S) -> int:
    """Make the letter's PDF and file it as a new document of the matter; its document id. PdfNotMade in words."""
    with tempfile.TemporaryDirectory(prefix="pdf-out-") as out:
        pdf = convert_to_pdf(letter, Path(out), timeout_s)
        results = file_documents(store, root, matter_id, [pdf], clock, by, "correspondence",
                                 title=f"{title} (PDF)", doc_date=on)
    result = results[0] if results else None
    if result is None or result.document_id is None:
        raise PdfNotMade(result.message if result is not None else "The PDF could not be filed.")
    return result.document_id
