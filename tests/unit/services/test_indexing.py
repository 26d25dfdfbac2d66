"""Reading filed documents' text into the search index: the real corpus found by a phrase of its text, flagged
files filed and flagged with the reason, e-mails by sender and subject, a vanished file marked missing."""

import shutil
import time
from pathlib import Path

import pytest
from documents_setup import CLOCK, DOCS, MAIL, make_file

from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.services import documents, indexing
from legalsec_desktop.services.document_rows import IndexHealth
from legalsec_desktop.services.document_filing import file_documents
from legalsec_desktop.services.document_store import file_path
from legalsec_desktop.services.indexing import IndexRun, index_documents, index_waiting
from legalsec_desktop.services.search import flat, search_everything

PHRASES = {  # a file of the corpus, a phrase of its text (tests/unit/formats/test_text_extract.py reads them too)
    "minimal-document.pdf": "consetetur sadipscing elitr",
    "002-trivial-libre-office-writer.pdf": "Stet clita kasd gubergren",
    "google-doc-document.pdf": "Explicit is better than implicit",
    "multicolumn.pdf": "Copenhagen Danish",
    "pdfkit.pdf": "Foo bar",
    "issue-449-horizontal.pdf": "Horizontal",
    "issue_566_test_2.pdf": "中国饮料有限公司",
    "hdr-header-footer.docx": "Footer for section 1",
    "par-hyperlinks.docx": "Three hyperlinks",
    "doc-odd-even-hdrs.docx": "Even page header",
}
FLAGGED = {"libreoffice-writer-password.pdf": "protected", "imagemagick-lzw.pdf": "needs_ocr"}


def found(store, words, matter_id=None):
    with store.read() as session:
        return [hit.ref_id for hit in search_index(session).search(session, words, matter_id)
                if hit.kind == "document"]


def test_every_file_of_the_real_corpus_is_found_by_a_phrase_of_its_text(store, root, matter_id, tmp_path):
    copies = tmp_path / "corpus"
    shutil.copytree(DOCS, copies, ignore=shutil.ignore_patterns("*.md"))
    results = {Path(r.source).name: r for r in file_documents(store, root, matter_id, [copies], CLOCK, "AB")}
    assert sorted(results) == sorted([*PHRASES, *FLAGGED])
    assert {r.outcome for r in results.values()} == {"filed"}
    seen = []
    run = index_waiting(store, root, CLOCK, progress=lambda done, total: seen.append((done, total)))
    assert run == IndexRun(read=12, flagged=2, missing=0)
    assert seen[-1] == (12, 12)
    for name, phrase in PHRASES.items():
        assert results[name].document_id in found(store, phrase), name
        assert documents.document(store, results[name].document_id).current.text_state == "indexed"
    assert index_waiting(store, root, CLOCK) == IndexRun()  # nothing waits any more


@pytest.mark.parametrize(("name", "state", "words"), [("libreoffice-writer-password.pdf", "protected", "password"),
                                                      ("imagemagick-lzw.pdf", "needs_ocr", "OCR")])
def test_a_protected_or_scanned_pdf_is_filed_and_flagged_with_the_reason(store, root, matter_id, name, state,
                                                                         words):
    [result] = file_documents(store, root, matter_id, [DOCS / name], CLOCK, "AB")
    assert result.outcome == "filed"
    assert index_documents(store, root, [result.document_id], CLOCK)[result.document_id][0] == state
    item = documents.document(store, result.document_id)
    assert item.current.text_state == state and words in item.current.text_note
    assert item.current.indexed_at == CLOCK.utc_now()
    assert found(store, Path(name).stem.split("-")[0]) == [result.document_id]  # its title is still searchable


def test_a_damaged_pdf_and_an_empty_file_are_filed_and_flagged(store, root, matter_id, tmp_path):
    data = (DOCS / "minimal-document.pdf").read_bytes()
    cut = make_file(tmp_path, "cut short.pdf", data[: len(data) // 3])
    empty = make_file(tmp_path, "nothing.pdf", b"")
    results = file_documents(store, root, matter_id, [cut, empty], CLOCK, "AB")
    assert [r.outcome for r in results] == ["filed", "filed"]
    flags = index_documents(store, root, [r.document_id for r in results], CLOCK)
    assert flags[results[0].document_id][0] == "damaged" and "damaged" in flags[results[0].document_id][1]
    assert flags[results[1].document_id] == ("empty", "The file is empty (0 bytes).")
    health = documents.index_health(store)
    assert (health.failed, health.empty, health.indexed, health.waiting) == (1, 1, 0, 0)


def test_an_email_file_is_indexed_by_sender_recipients_subject_and_body(store, root, matter_id):
    [result] = file_documents(store, root, matter_id, [MAIL / "cpython_msg_07.eml"], CLOCK, "AB", kind="email")
    assert index_documents(store, root, [result.document_id], CLOCK) == {result.document_id: ("", "")}
    for words in ("barry digicool", "Dingus Lovers", "cravindogs", "dingus fish", "This is the dingus fish"):
        assert found(store, words) == [result.document_id], words


def test_an_outlook_msg_file_is_indexed_as_an_email(store, root, matter_id):
    [result] = file_documents(store, root, matter_id, [MAIL / "simple_test_msg.msg"], CLOCK, "AB")
    flag, reason = index_documents(store, root, [result.document_id], CLOCK)[result.document_id]
    assert (flag, reason) == ("", "")
    from legalsec_desktop.formats.mail_file import read_mail

    subject = read_mail(MAIL / "simple_test_msg.msg").subject
    assert subject and found(store, subject) == [result.document_id]


def test_a_file_gone_missing_is_marked_missing_not_an_error(store, root, matter_id, tmp_path):
    kept, lost = file_documents(store, root, matter_id, [make_file(tmp_path, "kept.txt", "apple pie"),
                                                         make_file(tmp_path, "lost.txt", "banana bread")], CLOCK, "AB")
    file_path(root, documents.document(store, lost.document_id).current).unlink()
    assert index_waiting(store, root, CLOCK) == IndexRun(read=1, flagged=0, missing=1)
    missing = documents.document(store, lost.document_id).current
    assert missing.missing_since is not None and missing.text_state == "waiting"
    assert documents.index_health(store).missing == 1
    assert index_waiting(store, root, CLOCK) == IndexRun()  # a rescan brings it back, not every run
    assert index_documents(store, root, [lost.document_id], CLOCK)[lost.document_id][0] == "missing"
    assert found(store, "apple") == [kept.document_id] and found(store, "banana") == []


def test_a_new_version_is_read_again_and_replaces_the_text_in_the_index(store, root, matter_id, tmp_path):
    from legalsec_desktop.services.document_filing import file_new_version

    [first] = file_documents(store, root, matter_id, [make_file(tmp_path / "1", "Memo.txt", "old wording")],
                             CLOCK, "AB")
    index_waiting(store, root, CLOCK)
    file_new_version(store, root, first.document_id, make_file(tmp_path / "2", "Memo.txt", "new wording"), CLOCK, "AB")
    assert found(store, "old") == [first.document_id]  # until the new version is read
    assert documents.index_health(store).waiting == 1
    index_waiting(store, root, CLOCK)
    assert (found(store, "old"), found(store, "new")) == ([], [first.document_id])


def test_a_deleted_document_is_not_found_and_restored_is_found_again(store, root, matter_id, tmp_path):
    [result] = file_documents(store, root, matter_id, [make_file(tmp_path, "Lease.txt", "quarterly rent clause")],
                              CLOCK, "AB")
    index_waiting(store, root, CLOCK)
    documents.delete_document(store, result.document_id)
    assert shown(store, "rent") == [] and shown(store, "lease") == []
    assert documents.documents_of(store, matter_id) == []
    assert [d.id for d in documents.documents_of(store, matter_id, include_deleted=True)] == [result.document_id]
    assert documents.index_health(store).total == 0
    assert index_waiting(store, root, CLOCK) == IndexRun()  # nothing to read again
    documents.restore_document(store, result.document_id)
    assert shown(store, "quarterly rent") == [result.document_id]  # with no reading
    assert documents.document(store, result.document_id).deleted_at is None


def test_a_document_deleted_while_it_is_read_keeps_its_text_for_a_restore(store, root, matter_id, tmp_path,
                                                                         monkeypatch):
    [result] = file_documents(store, root, matter_id, [make_file(tmp_path, "Lease.txt", "quarterly rent clause")],
                              CLOCK, "AB")
    reading = indexing.read_text

    def read_and_delete(path, kind):  # noqa: ANN001, ANN202
        found = reading(path, kind)
        documents.delete_document(store, result.document_id)
        return found

    monkeypatch.setattr(indexing, "read_text", read_and_delete)
    index_waiting(store, root, CLOCK)
    assert shown(store, "quarterly") == []
    documents.restore_document(store, result.document_id)
    assert shown(store, "quarterly") == [result.document_id]
    assert documents.index_health(store) == IndexHealth(indexed=1)


def shown(store, words):  # noqa: ANN001, ANN201
    return [hit.ref_id for hit in flat(search_everything(store, words)) if hit.kind in ("document", "email")]


def test_many_small_documents_are_read_quickly(store, root, matter_id, tmp_path):
    sources = [make_file(tmp_path / "many", f"note {n:03}.txt", f"note number {n} about widget{n}") for n in range(150)]
    file_documents(store, root, matter_id, sources, CLOCK, "AB")
    started = time.perf_counter()
    run = index_waiting(store, root, CLOCK)
    took = time.perf_counter() - started
    assert run == IndexRun(read=150, flagged=0, missing=0)
    assert took < 150 / 50, f"{150 / took:.0f} documents a second"
    assert len(found(store, "widget77")) == 1


def test_text_read_from_content_a_rescan_replaced_meanwhile_is_not_recorded(store, root, matter_id, tmp_path,
                                                                           monkeypatch):
    from legalsec_desktop.services import indexing
    from legalsec_desktop.services.rescan import rescan

    [result] = file_documents(store, root, matter_id, [make_file(tmp_path, "Memo.txt", "aardvark words")], CLOCK, "AB")
    path = file_path(root, documents.document(store, result.document_id).current)
    real = indexing.read_text

    def then_changed_and_rescanned(where, kind):  # noqa: ANN001, ANN202
        found = real(where, kind)  # the old text, read ...
        path.chmod(0o644)  # filed files are read-only: the user made it writable again
        path.write_text("zebra words, saved over it", encoding="utf-8")  # ... while the file is changed
        time.sleep(0.01)
        assert rescan(store, root, CLOCK).changed == 1  # and a rescan records its new content
        return found

    monkeypatch.setattr(indexing, "read_text", then_changed_and_rescanned)
    index_waiting(store, root, CLOCK)
    assert found(store, "aardvark") == []  # the old text is not recorded for the new content
    monkeypatch.setattr(indexing, "read_text", real)
    index_waiting(store, root, CLOCK)
    assert found(store, "zebra") == [result.document_id] and found(store, "aardvark") == []
