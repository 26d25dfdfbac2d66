"""A letter saved as PDF through LibreOffice: found or said missing, bounded in time, filed as a new document."""

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document

from legalsec_desktop.clock import Clock
from legalsec_desktop.services import documents, pdf_convert
from legalsec_desktop.services.pdf_convert import PdfNotMade, convert_to_pdf, file_letter_pdf, find_soffice

NEEDS_SOFFICE = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def _letter(tmp_path):
    path = tmp_path / "2026-11-30 Letter to Al Ng.docx"
    document = Document()
    document.add_paragraph("Dear Mr. Ng:")
    document.save(path)
    return path


def test_without_libreoffice_the_pdf_is_refused_in_words(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_convert, "find_soffice", lambda: None)
    with pytest.raises(PdfNotMade, match="LibreOffice is not installed"):
        convert_to_pdf(_letter(tmp_path), tmp_path / "out")


def test_a_conversion_that_hangs_is_stopped(tmp_path, monkeypatch):
    def hang(*_args, **kwargs):
        raise subprocess.TimeoutExpired("soffice", kwargs["timeout"])

    monkeypatch.setattr(subprocess, "run", hang)
    with pytest.raises(PdfNotMade, match="longer than 2 seconds"):
        convert_to_pdf(_letter(tmp_path), tmp_path / "out", timeout_s=2, soffice="/usr/bin/soffice")


def test_a_conversion_that_makes_nothing_is_said(tmp_path, monkeypatch):
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 1))
    with pytest.raises(PdfNotMade, match="did not make a PDF"):
        convert_to_pdf(_letter(tmp_path), tmp_path / "out", soffice="/usr/bin/soffice")
    assert not (tmp_path / "out").exists()


def test_a_letter_gone_or_a_disk_full_is_said_not_a_traceback(tmp_path, monkeypatch):
    with pytest.raises(PdfNotMade, match="could not be saved"):
        convert_to_pdf(tmp_path / "moved away.docx", tmp_path / "out", soffice="/usr/bin/soffice")

    def made(command, **_kwargs):
        out = Path(command[command.index("--outdir") + 1])
        out.mkdir(parents=True, exist_ok=True)
        (out / "letter.pdf").write_bytes(b"%PDF-1.4")
        return subprocess.CompletedProcess(command, 0)

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(subprocess, "run", made)
    monkeypatch.setattr(shutil, "move", full)
    with pytest.raises(PdfNotMade, match="No space left on device"):
        convert_to_pdf(_letter(tmp_path), tmp_path / "out", soffice="/usr/bin/soffice")


@NEEDS_SOFFICE
def test_libreoffice_makes_the_pdf_and_it_is_filed_as_a_new_document(store, root, matter_id, tmp_path):
    assert find_soffice() is not None
    clock = Clock(datetime(2026, 11, 30, 10, 0))
    before = len(documents.documents_of(store, matter_id))
    document_id = file_letter_pdf(store, root, matter_id, _letter(tmp_path), "Letter to Al Ng", date(2026, 11, 30),
                                  clock, "tester")
    filed = documents.document(store, document_id)
    assert filed.title == "Letter to Al Ng (PDF)" and filed.kind == "correspondence"
    assert filed.doc_date == date(2026, 11, 30)
    assert len(documents.documents_of(store, matter_id)) == before + 1
    stored = next(root.rglob("*.pdf"))
    assert stored.read_bytes().startswith(b"%PDF")
