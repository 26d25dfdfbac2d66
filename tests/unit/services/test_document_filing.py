"""Filing files and folders into a matter: copied (never moved), named by date and title, duplicates recognised,
bad files refused with a reason while the others are filed, versions kept."""

import errno
import hashlib
import os
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from documents_setup import CLOCK, counts, make_file, new_matter, stored_files

from legalsec_desktop.db.document_models import DocumentFolderRow
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import document_filing, documents, matters
from legalsec_desktop.services.document_filing import file_documents, file_new_version
from legalsec_desktop.services.document_store import file_path


def test_a_file_is_copied_into_the_matter_folder_named_by_its_date_and_title(store, root, matter_id, tmp_path):
    source = make_file(tmp_path / "in", "Letter from opposing counsel re extension.PDF", b"%PDF-1.4 letter")
    before = (source.read_bytes(), source.stat().st_mtime_ns)
    [result] = file_documents(store, root, matter_id, [source], CLOCK, "AB")

    assert (result.outcome, result.title, result.source) == ("filed", "Letter from opposing counsel re extension",
                                                             str(source))
    assert stored_files(root) == ["2026-0001 Rivera v. Okafor/2026-11-02 Letter from opposing counsel re extension.pdf"]
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before  # the original is untouched, still there
    item = documents.document(store, result.document_id)
    assert (item.title, item.kind, item.doc_date, item.matter_number, item.caption, item.version_count,
            item.filed_by) == ("Letter from opposing counsel re extension", "other", date(2026, 11, 2), "2026-0001",
                               "Rivera v. Okafor", 1, "AB")
    assert item.filed_at == datetime(2026, 11, 30, 10, 0).astimezone(timezone.utc)
    version = item.current
    assert (version.number, version.text_state, version.size_bytes, version.original_name) == (
        1, "waiting", 15, "Letter from opposing counsel re extension.PDF")
    assert version.sha256 == hashlib.sha256(b"%PDF-1.4 letter").hexdigest()
    assert file_path(root, version).read_bytes() == b"%PDF-1.4 letter"
    assert not [p for p in (root / "2026-0001 Rivera v. Okafor").iterdir() if p.name.startswith(".")]


def test_the_same_content_filed_again_is_a_duplicate_of_the_first(store, root, matter_id, tmp_path):
    first = make_file(tmp_path / "a", "Answer.pdf", b"same bytes")
    again = make_file(tmp_path / "b", "Answer copy.pdf", b"same bytes")
    [filed] = file_documents(store, root, matter_id, [first], CLOCK, "AB")
    [duplicate] = file_documents(store, root, matter_id, [again], CLOCK, "AB")
    assert (duplicate.outcome, duplicate.document_id, duplicate.title) == ("duplicate", filed.document_id, "Answer")
    assert "Answer" in duplicate.message
    assert counts(store) == (1, 1)
    assert len(stored_files(root)) == 1  # the copy made to hash it was removed

    other_matter = new_matter(store, "2026-0002", "Estate of Jones")
    [elsewhere] = file_documents(store, root, other_matter, [again], CLOCK, "AB")
    assert elsewhere.outcome == "filed"  # a duplicate is of the same matter only

    documents.delete_document(store, filed.document_id)
    [after_delete] = file_documents(store, root, matter_id, [first], CLOCK, "AB")
    assert after_delete.outcome == "filed" and after_delete.document_id != filed.document_id


def test_two_files_with_the_same_title_and_date_get_distinct_names(store, root, matter_id, tmp_path):
    one = make_file(tmp_path / "a", "Letter.pdf", b"first letter")
    two = make_file(tmp_path / "b", "Letter.pdf", b"second letter")
    three = make_file(tmp_path / "c", "LETTER.PDF", b"third letter")
    results = file_documents(store, root, matter_id, [one, two, three], CLOCK, "AB")
    assert [r.outcome for r in results] == ["filed"] * 3
    assert stored_files(root) == sorted(["2026-0001 Rivera v. Okafor/2026-11-02 Letter.pdf",
                                         "2026-0001 Rivera v. Okafor/2026-11-02 Letter (2).pdf",
                                         "2026-0001 Rivera v. Okafor/2026-11-02 LETTER (3).pdf"])
    contents = {file_path(root, documents.document(store, r.document_id).current).read_bytes() for r in results}
    assert contents == {b"first letter", b"second letter", b"third letter"}  # nothing overwritten


def test_a_file_put_in_the_folder_by_hand_is_never_overwritten(store, root, matter_id, tmp_path):
    file_documents(store, root, matter_id, [make_file(tmp_path, "First.txt", b"first")], CLOCK, "AB")
    folder = root / "2026-0001 Rivera v. Okafor"  # the matter's folder, made by the first filing
    (folder / "2026-11-02 Memo.txt").write_bytes(b"typed by hand")
    [result] = file_documents(store, root, matter_id, [make_file(tmp_path, "Memo.txt", b"filed")], CLOCK, "AB")
    path = documents.document(store, result.document_id).current.path
    assert path == "2026-0001 Rivera v. Okafor/2026-11-02 Memo (2).txt"
    assert (folder / "2026-11-02 Memo.txt").read_bytes() == b"typed by hand"


def test_names_with_characters_windows_forbids_are_filed_under_a_safe_name(store, root, matter_id, tmp_path):
    source = make_file(tmp_path, 'Re: "final" a|b? <draft>*.txt', b"text")
    [result] = file_documents(store, root, matter_id, [source], CLOCK, "AB")
    assert result.outcome == "filed" and result.title == 'Re: "final" a|b? <draft>*'
    assert stored_files(root) == ["2026-0001 Rivera v. Okafor/2026-11-02 Re - _final_ a_b_ _draft__.txt"]
    named = new_matter(store, "CON", 'A/B: "C"')
    [other] = file_documents(store, root, named, [make_file(tmp_path, "x.txt", b"x")], CLOCK, "AB")
    assert documents.document(store, other.document_id).current.path.startswith("CON A_B_ _C_/")


def test_a_matter_folder_keeps_its_name_when_the_matter_is_renamed(store, root, matter_id, tmp_path):
    file_documents(store, root, matter_id, [make_file(tmp_path, "a.txt", b"a")], CLOCK, "AB")
    with store.write() as session:
        from legalsec_desktop.db.models import MatterRow

        session.get(MatterRow, matter_id).caption = "Rivera v. Okafor and Sons"
    file_documents(store, root, matter_id, [make_file(tmp_path, "b.txt", b"b")], CLOCK, "AB")
    assert {path.split("/")[0] for path in stored_files(root)} == {"2026-0001 Rivera v. Okafor"}
    with store.read() as session:
        assert session.get(DocumentFolderRow, matter_id).folder == "2026-0001 Rivera v. Okafor"


def test_a_folder_is_filed_file_by_file_without_system_lock_and_hidden_files(store, root, matter_id, tmp_path,
                                                                              monkeypatch):
    monkeypatch.setattr("legalsec_desktop.services.document_filing.BATCH", 2)  # progress after each batch
    given = tmp_path / "Scans"
    for name in ("b.txt", "sub/a.txt", "sub/deeper/c.txt", "Thumbs.db", "desktop.ini", ".DS_Store", "~$draft.docx",
                 ".hidden.txt", ".cache/x.txt", "~WRL0001.tmp", "film.crdownload", "sub/copy.part"):
        make_file(given, name, name.encode())
    seen = []
    results = file_documents(store, root, matter_id, [given], CLOCK, "AB", kind="evidence",
                             progress=lambda done, total: seen.append((done, total)))
    assert [r.title for r in results] == ["b", "a", "c"]
    assert seen == [(2, 3), (3, 3)]
    assert {documents.document(store, r.document_id).kind for r in results} == {"evidence"}


def test_a_file_that_cannot_be_read_is_refused_and_the_others_are_filed(store, root, matter_id, tmp_path,
                                                                        monkeypatch):
    good = make_file(tmp_path, "good.txt", b"good")
    locked = make_file(tmp_path, "locked.txt", b"locked")
    vanished = tmp_path / "vanished.txt"
    real_opener = document_filing._opener

    def opener(path: Path):
        if path == locked:
            def refuse():
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return refuse
        return real_opener(path)

    monkeypatch.setattr(document_filing, "_opener", opener)
    results = file_documents(store, root, matter_id, [locked, vanished, good, tmp_path / "in"], CLOCK, "AB")
    assert [(r.outcome, r.reason) for r in results] == [
        ("refused", "permission to read it was refused"), ("refused", "the file is not there (moved or deleted?)"),
        ("filed", ""), ("refused", "the file is not there (moved or deleted?)")]
    assert all(r.message.startswith("not filed: ") for r in results if r.outcome == "refused")
    assert counts(store) == (1, 1)
    assert stored_files(root) == ["2026-0001 Rivera v. Okafor/2026-11-02 good.txt"]  # no temporary file left


def test_a_file_cut_off_while_it_is_copied_leaves_nothing_behind(store, root, matter_id, tmp_path, monkeypatch):
    source = make_file(tmp_path, "big.bin", b"x" * 3_000_000)

    class Breaks:
        def __init__(self):
            self.calls = 0

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self, size):
            self.calls += 1
            if self.calls > 1:
                raise OSError(errno.EIO, "Input/output error")
            return b"x" * size

    monkeypatch.setattr(document_filing, "_opener", lambda path: Breaks)
    [result] = file_documents(store, root, matter_id, [source], CLOCK, "AB")
    assert (result.outcome, result.reason) == ("refused", "a disk reported an error; check it and try again")
    assert counts(store) == (0, 0) and stored_files(root) == []


def test_a_zero_byte_file_is_filed(store, root, matter_id, tmp_path):
    [result] = file_documents(store, root, matter_id, [make_file(tmp_path, "empty.txt", b"")], CLOCK, "AB")
    assert result.outcome == "filed"
    assert documents.document(store, result.document_id).current.size_bytes == 0


def test_an_unknown_kind_is_refused_before_anything_is_filed(store, root, matter_id, tmp_path):
    with pytest.raises(ValidationError, match="is not a kind of document"):
        file_documents(store, root, matter_id, [make_file(tmp_path, "a.txt", b"a")], CLOCK, "AB", kind="memo")
    assert counts(store) == (0, 0)


def test_a_new_version_gets_its_own_file_and_the_older_ones_stay(store, root, matter_id, tmp_path):
    [first] = file_documents(store, root, matter_id, [make_file(tmp_path / "1", "Brief.docx", b"draft one")],
                             CLOCK, "AB")
    second = file_new_version(store, root, first.document_id, make_file(tmp_path / "2", "Brief v2.docx",
                                                                        b"draft two"), CLOCK, "AB")
    same = file_new_version(store, root, first.document_id, make_file(tmp_path / "3", "again.docx", b"draft two"),
                            CLOCK, "AB")
    third = file_new_version(store, root, first.document_id, make_file(tmp_path / "4", "final.docx", b"final"),
                             CLOCK, "AB")
    assert (second.outcome, second.message) == ("filed", "filed as version 2 of “Brief”")
    assert (same.outcome, same.message) == ("duplicate", "the same as version 2 of “Brief”")
    assert third.outcome == "filed"
    listed = documents.versions(store, first.document_id)
    assert [(v.number, v.path.split("/")[1], v.original_name) for v in listed] == [
        (3, "2026-11-02 Brief (v3).docx", "final.docx"), (2, "2026-11-02 Brief (v2).docx", "Brief v2.docx"),
        (1, "2026-11-02 Brief.docx", "Brief.docx")]
    assert [file_path(root, v).read_bytes() for v in listed] == [b"final", b"draft two", b"draft one"]
    item = documents.document(store, first.document_id)
    assert (item.version_count, item.current.number) == (3, 3)
    [old_content] = file_documents(store, root, matter_id, [make_file(tmp_path / "5", "Old.docx", b"draft one")],
                                   CLOCK, "AB")
    assert old_content.outcome == "filed"  # only a document's newest version makes a duplicate
    missing = file_new_version(store, root, first.document_id, tmp_path / "nope.docx", CLOCK, "AB")
    assert (missing.outcome, missing.reason) == ("refused", "the file is not there")


def test_the_date_is_the_files_modification_day_on_the_local_clock(store, root, matter_id, tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "America/Chicago")
    import time

    time.tzset()
    try:
        late = datetime(2026, 11, 3, 3, 30, tzinfo=timezone.utc)  # still 2 November in Chicago
        [result] = file_documents(store, root, matter_id, [make_file(tmp_path, "late.txt", b"l", late)], CLOCK, "AB")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert documents.document(store, result.document_id).doc_date == date(2026, 11, 2)


def test_matter_id_of_names_an_unknown_number(store, matter_id):
    assert document_filing.matter_id_of(store, " 2026-0001 ") == matter_id
    with pytest.raises(ValidationError, match="no matter numbered “2099-1”"):
        document_filing.matter_id_of(store, "2099-1")


def test_the_matter_number_in_the_folder_name_is_kept_short(store, root, tmp_path):
    long_caption = "In the Matter of the Application of " + "Somebody Very Long " * 20
    matter = matters.create_matter(store, MatterDraft("2026-0099", "Long", "Client", date(2026, 1, 1),
                                                      caption=long_caption))
    [result] = file_documents(store, root, matter, [make_file(tmp_path, "a.txt", b"a")], CLOCK, "AB")
    folder = documents.document(store, result.document_id).current.path.split("/")[0]
    assert folder.startswith("2026-0099 In the Matter") and len(folder) <= 60
    assert os.path.isdir(root / folder)


def test_a_file_is_copied_in_before_its_transaction_so_the_database_stays_writable(store, db_path, root, matter_id,
                                                                                  tmp_path, monkeypatch):
    import io
    import sqlite3

    locked_while_copying = []

    class Watching(io.BytesIO):
        def read(self, size=-1):
            other = sqlite3.connect(db_path, timeout=0)
            try:
                other.execute("BEGIN IMMEDIATE")  # fails at once if a filing holds the write lock
                other.rollback()
            except sqlite3.OperationalError:
                locked_while_copying.append(True)
            finally:
                other.close()
            return super().read(size)

    monkeypatch.setattr(document_filing, "_opener", lambda path: lambda: Watching(path.read_bytes()))
    source = make_file(tmp_path, "Video.mp4", b"v" * 100)
    [result] = file_documents(store, root, matter_id, [source], CLOCK, "AB")
    again = file_new_version(store, root, result.document_id, make_file(tmp_path, "Video 2.mp4", b"w"), CLOCK, "AB")
    assert (result.outcome, again.outcome, locked_while_copying) == ("filed", "filed", [])
    assert counts(store) == (1, 2)
    assert stored_files(root) == ["2026-0001 Rivera v. Okafor/2026-11-02 Video (v2).mp4",
                                  "2026-0001 Rivera v. Okafor/2026-11-02 Video.mp4"]


def test_a_filing_whose_commit_fails_leaves_no_stray_file(store, root, matter_id, tmp_path, monkeypatch):
    from sqlalchemy import event

    real_store_file = document_filing.store_file

    def then_the_commit_fails(session, *args, **kwargs):
        def refuse(_session):
            raise OSError(errno.EIO, "Input/output error")  # the disk fails as the transaction commits

        event.listen(session, "before_commit", refuse)
        return real_store_file(session, *args, **kwargs)

    monkeypatch.setattr(document_filing, "store_file", then_the_commit_fails)
    [result] = file_documents(store, root, matter_id, [make_file(tmp_path, "a.txt", b"a")], CLOCK, "AB")
    assert (result.outcome, result.reason) == ("refused", "a disk reported an error; check it and try again")
    assert counts(store) == (0, 0)
    assert stored_files(root) == []


def test_a_file_that_fails_in_a_batch_is_refused_alone_and_leaves_no_file(store, root, matter_id, tmp_path,
                                                                          monkeypatch):
    from legalsec_desktop.services import document_filing

    real = document_filing.store_file

    def failing(session, root_, matter, opener, draft, *args, **kwargs):
        found = real(session, root_, matter, opener, draft, *args, **kwargs)
        if draft.title == "bad":
            raise OSError(28, "No space left on device")  # after its file was placed and its row added
        return found

    monkeypatch.setattr(document_filing, "store_file", failing)
    files = [make_file(tmp_path, f"{name}.txt", name.encode()) for name in ("good", "bad", "also good")]
    results = file_documents(store, root, matter_id, files, CLOCK, "AB")
    assert [r.outcome for r in results] == ["filed", "refused", "filed"]
    assert "full" in results[1].message
    assert sorted(path.rsplit(" ", 1)[-1] for path in stored_files(root)) == ["good.txt", "good.txt"]  # no bad.txt
    assert sorted(d.title for d in documents.documents_of(store, matter_id)) == ["also good", "good"]


def test_filing_stops_between_batches_when_asked_and_keeps_what_it_filed(store, root, matter_id, tmp_path,
                                                                        monkeypatch):
    monkeypatch.setattr("legalsec_desktop.services.document_filing.BATCH", 2)
    files = [make_file(tmp_path, f"{n}.txt", str(n).encode()) for n in range(5)]
    results = file_documents(store, root, matter_id, files, CLOCK, "AB", progress=lambda done, total: done < 2)
    assert [r.outcome for r in results] == ["filed", "filed"]
    assert len(documents.documents_of(store, matter_id)) == 2 and len(stored_files(root)) == 2


def test_two_different_empty_files_are_both_filed_not_one_a_duplicate(store, root, matter_id, tmp_path):
    first, second = make_file(tmp_path, "placeholder.txt", b""), make_file(tmp_path, "cover sheet.txt", b"")
    results = file_documents(store, root, matter_id, [first, second], CLOCK, "AB")
    assert [r.outcome for r in results] == ["filed", "filed"]
    assert sorted(d.title for d in documents.documents_of(store, matter_id)) == ["cover sheet", "placeholder"]


def test_one_file_is_filed_under_the_title_and_date_the_user_gave_it(store, root, matter_id, tmp_path, monkeypatch):
    source = make_file(tmp_path / "in", "scan0042.pdf", b"%PDF-1.4 scan")
    updates = []
    monkeypatch.setattr(documents, "update_document", lambda *args, **kwargs: updates.append(args))
    [result] = file_documents(store, root, matter_id, [source], CLOCK, "AB", kind="correspondence",
                              title="  Letter from   opposing counsel ", doc_date=date(2026, 10, 7))

    assert (result.outcome, result.title) == ("filed", "Letter from opposing counsel")
    assert stored_files(root) == ["2026-0001 Rivera v. Okafor/2026-10-07 Letter from opposing counsel.pdf"]
    item = documents.document(store, result.document_id)
    assert (item.title, item.doc_date, item.kind, item.current.original_name) == (
        "Letter from opposing counsel", date(2026, 10, 7), "correspondence", "scan0042.pdf")
    assert updates == []  # filed as it is, in the one transaction, not filed and then edited


@pytest.mark.parametrize(("title", "files", "why"), [
    ("x" * 301, 1, "too long"), ("   ", 1, "Give the document a title"), ("Two letters", 2, "one file only")])
def test_a_title_that_cannot_be_kept_is_refused_before_anything_is_filed(store, root, matter_id, tmp_path, title,
                                                                          files, why):
    sources = [make_file(tmp_path / "in", f"letter {n}.txt", f"letter {n}") for n in range(files)]
    with pytest.raises(ValidationError, match=why):
        file_documents(store, root, matter_id, sources, CLOCK, "AB", title=title, doc_date=date(2026, 10, 7))
    assert counts(store) == (0, 0) and stored_files(root) == []
