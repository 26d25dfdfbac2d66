"""A matter's documents listed newest first, one document's details edited (its title searchable at once, its text
kept), deleted and restored (found again by its text with no reading), and the index's health counted over the
newest versions of documents not deleted."""

from datetime import date, datetime

import pytest
from documents_setup import CLOCK, make_file, new_matter

from legalsec_desktop.db.document_models import DocumentVersionRow
from legalsec_desktop.db.search_index import MARK_END, MARK_START, search_index
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.services import documents
from legalsec_desktop.services.document_filing import file_documents, file_new_version
from legalsec_desktop.services.document_rows import IndexHealth
from legalsec_desktop.services.indexing import index_waiting
from legalsec_desktop.services.search import flat, search_everything


def titles_found(store, words):
    with store.read() as session:
        return [hit.title.replace(MARK_START, "").replace(MARK_END, "")
                for hit in search_index(session).search(session, words) if hit.kind == "document"]


def test_a_matters_documents_are_listed_newest_first_with_their_version_count(store, root, tmp_path):
    matter = new_matter(store)
    other = new_matter(store, "2026-0002", "")
    old, new = file_documents(store, root, matter, [
        make_file(tmp_path, "old.txt", "o", datetime.fromisoformat("2025-01-05T12:00:00+00:00")),
        make_file(tmp_path, "new.txt", "n", datetime.fromisoformat("2026-06-05T12:00:00+00:00"))], CLOCK, "AB")
    file_documents(store, root, other, [make_file(tmp_path, "elsewhere.txt", "e")], CLOCK, "AB")
    file_new_version(store, root, old.document_id, make_file(tmp_path, "old2.txt", "o2"), CLOCK, "AB")
    listed = documents.documents_of(store, matter)
    assert [(d.title, d.doc_date, d.version_count, d.current.number) for d in listed] == [
        ("new", date(2026, 6, 5), 1, 1), ("old", date(2025, 1, 5), 2, 2)]
    assert documents.documents_of(store, other)[0].caption == "Rivera matter"  # no caption: its title
    with pytest.raises(ValidationError, match="no longer there"):
        documents.document(store, 999)


def test_editing_a_document_saves_its_details_and_its_new_title_is_found(store, root, tmp_path):
    matter = new_matter(store)
    [result] = file_documents(store, root, matter, [make_file(tmp_path, "scan_0001.pdf", b"%PDF")], CLOCK, "AB")
    path = documents.document(store, result.document_id).current.path
    item = documents.update_document(store, result.document_id, "  Letter from  opposing counsel ", "correspondence",
                                     date(2026, 11, 30), "J. Smith", "agrees to the extension")
    assert (item.title, item.kind, item.doc_date, item.author, item.description) == (
        "Letter from opposing counsel", "correspondence", date(2026, 11, 30), "J. Smith", "agrees to the extension")
    assert item.current.path == path  # the file keeps its name
    assert titles_found(store, "opposing") == ["Letter from opposing counsel"]
    assert titles_found(store, "scan_0001") == []
    for title, kind, field in (("  ", "other", "title"), ("x" * 301, "other", "title"), ("T", "memo", "kind")):
        with pytest.raises(ValidationError) as raised:
            documents.update_document(store, result.document_id, title, kind, date(2026, 1, 1))
        assert raised.value.field == field


def test_editing_a_read_document_keeps_its_text_searchable_without_reading_it_again(store, root, tmp_path):
    matter = new_matter(store)
    [result] = file_documents(store, root, matter, [make_file(tmp_path, "a.txt", "zebra crossing")], CLOCK, "AB")
    index_waiting(store, root, CLOCK)
    stored = root / documents.document(store, result.document_id).current.path
    stored.unlink()  # the drive is not connected: nothing can be read again
    documents.update_document(store, result.document_id, "Crossing memo", "note", date(2025, 3, 4))
    assert titles_found(store, "zebra") == ["Crossing memo"]  # at once, with no reading
    assert titles_found(store, "memo") == ["Crossing memo"] and titles_found(store, "a") == []
    item = documents.document(store, result.document_id)
    assert (item.current.text_state, item.current.indexed_at) == ("indexed", CLOCK.utc_now())
    assert documents.index_health(store) == IndexHealth(indexed=1)
    with store.read() as session:  # the entry moved to the new date
        [hit] = search_index(session).search(session, "zebra")
    assert (hit.on_date, hit.matter_id) == (date(2025, 3, 4), matter)


def test_a_deleted_document_is_not_found_and_restored_is_found_by_its_text_without_reading(store, root, tmp_path):
    matter = new_matter(store)
    [result] = file_documents(store, root, matter, [make_file(tmp_path, "Lease.txt", "quarterly rent clause")],
                              CLOCK, "AB")
    index_waiting(store, root, CLOCK)
    (root / documents.document(store, result.document_id).current.path).unlink()
    documents.delete_document(store, result.document_id)
    assert flat(search_everything(store, "quarterly")) == [] and flat(search_everything(store, "lease")) == []
    documents.update_document(store, result.document_id, "Office lease", "other", date(2026, 1, 1))  # while deleted
    assert flat(search_everything(store, "office")) == []
    documents.restore_document(store, result.document_id)
    assert [hit.ref_id for hit in flat(search_everything(store, "quarterly rent office"))] == [result.document_id]
    assert documents.document(store, result.document_id).current.text_state == "indexed"
    assert documents.index_health(store) == IndexHealth(indexed=1)


def test_restoring_a_document_taken_out_of_the_index_puts_it_back_and_reads_it_again(store, root, tmp_path):
    matter = new_matter(store)
    [result] = file_documents(store, root, matter, [make_file(tmp_path, "Lease.txt", "quarterly rent")], CLOCK, "AB")
    index_waiting(store, root, CLOCK)
    documents.delete_document(store, result.document_id)
    with store.write() as session:  # as deleting did before entries were kept
        search_index(session).remove_document(session, result.document_id)
    documents.restore_document(store, result.document_id)
    assert titles_found(store, "lease") == ["Lease"]
    assert documents.index_health(store) == IndexHealth(waiting=1)  # its text is not in the index: read again
    index_waiting(store, root, CLOCK)
    assert titles_found(store, "quarterly") == ["Lease"]


def test_index_health_counts_the_newest_versions_of_documents_not_deleted(store, root, tmp_path):
    matter = new_matter(store)
    assert documents.index_health(store) == IndexHealth()
    results = file_documents(store, root, matter, [make_file(tmp_path, f"{n}.txt", f"text {n}") for n in range(6)],
                             CLOCK, "AB")
    index_waiting(store, root, CLOCK, limit=2)
    assert documents.index_health(store) == IndexHealth(indexed=2, waiting=4)
    with store.write() as session:
        for result, state in zip(results[1:5], ("unsupported", "needs_ocr", "protected", "damaged"), strict=True):
            version = session.query(DocumentVersionRow).filter_by(document_id=result.document_id).one()
            version.text_state = state
    documents.delete_document(store, results[5].document_id)
    health = documents.index_health(store)
    assert health == IndexHealth(indexed=1, waiting=0, failed=2, needs_ocr=1, not_read=1)
    assert health.total == 5
