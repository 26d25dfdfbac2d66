"""Optional OCR: with a Tesseract on the PATH a document flagged "needs OCR" is read and indexed; without one
nothing fails and the flag stays; a document OCR cannot read is tried once."""

import os
import shutil
from datetime import date

import pytest
from sqlalchemy import select

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.document_models import DocumentVersionRow
from legalsec_desktop.formats import ocr
from legalsec_desktop.services import documents
from legalsec_desktop.services.indexing import IndexRun, index_waiting
from legalsec_desktop.services.ocr import READ_BY_OCR, TRIED, ocr_waiting
from legalsec_desktop.services.search import flat, search_everything
from search_setup import SCANNED, add_document, build, fake_tesseract

CLOCK = Clock()


@pytest.fixture
def scanned(store, tmp_path):
    root = tmp_path / "root"
    practice = build(store, root)
    folder = root / "2026-0001 Rivera v. Okafor"
    shutil.copyfile(SCANNED, folder / "2026-11-20 Signed stipulation.pdf")
    document = add_document(store, practice.rivera, "Signed stipulation", "", date(2026, 11, 20), index=False)
    with store.write() as session:
        version = session.scalars(select(DocumentVersionRow).where(DocumentVersionRow.document_id == document)).one()
        version.path = "2026-0001 Rivera v. Okafor/2026-11-20 Signed stipulation.pdf"
        version.text_state, version.text_note = "needs_ocr", "1 of 1 pages have no text layer."
    return root, document


def state_of(store, document_id):  # noqa: ANN001, ANN201
    with store.read() as session:
        version = session.scalars(select(DocumentVersionRow).where(DocumentVersionRow.document_id == document_id)).one()
        return version.text_state, version.text_note, version.note


@pytest.mark.skipif(os.name == "nt", reason="the stand-in Tesseract is a shell script")
def test_a_scanned_pdf_is_read_by_ocr_and_found(store, scanned, tmp_path):
    root, document = scanned
    program = fake_tesseract(tmp_path, "STIPULATION to extend time, signed by both parties")
    assert ocr_waiting(store, root, CLOCK, program=program) == 1
    assert state_of(store, document) == ("indexed", "", READ_BY_OCR)
    assert [hit.ref_id for hit in flat(search_everything(store, "stipulation signed"))] == [document]
    assert ocr_waiting(store, root, CLOCK, program=program) == 0  # done: not read again


@pytest.mark.skipif(os.name == "nt", reason="the stand-in Tesseract is a shell script")
def test_a_scan_ocr_finds_nothing_in_keeps_its_flag_and_is_tried_once(store, scanned, tmp_path):
    root, document = scanned
    program = fake_tesseract(tmp_path, "  ")
    assert ocr_waiting(store, root, CLOCK, program=program) == 1
    state, note, _ = state_of(store, document)
    assert state == "needs_ocr" and note.startswith(f"{TRIED}OCR found no text in it.")
    assert ocr_waiting(store, root, CLOCK, program=program) == 0


def test_without_tesseract_nothing_fails_and_the_flag_stays(store, scanned, monkeypatch):
    root, document = scanned
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    assert ocr.tesseract() is None
    assert ocr_waiting(store, root, CLOCK) == 0
    assert state_of(store, document) == ("needs_ocr", "1 of 1 pages have no text layer.", "")


def test_a_tesseract_that_fails_is_a_reason_not_an_error(tmp_path):
    program = tmp_path / "tesseract"
    program.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    program.chmod(0o755)
    found = ocr.ocr_pdf(SCANNED, str(program))
    assert found.text == "" and "OCR could not read it" in found.reason
    assert ocr.ocr_pdf(tmp_path / "not there.pdf", str(program)).text == ""


@pytest.mark.skipif(os.name == "nt", reason="the stand-in Tesseract is a shell script")
def test_a_scan_read_by_ocr_is_never_read_again_when_edited_deleted_or_restored(store, scanned, tmp_path):
    root, document = scanned
    ocr_waiting(store, root, CLOCK, program=fake_tesseract(tmp_path, "STIPULATION to extend time"))
    documents.update_document(store, document, "Stipulation (signed)", "pleading", date(2026, 11, 21))
    documents.delete_document(store, document)
    documents.restore_document(store, document)
    assert state_of(store, document) == ("indexed", "", READ_BY_OCR)
    assert index_waiting(store, root, CLOCK) == IndexRun()  # nothing waits to be read
    assert [hit.plain_title for hit in flat(search_everything(store, "extend stipulation"))] == ["Stipulation (signed)"]
