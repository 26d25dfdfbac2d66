"""Storing one file: streamed in chunks (a big file is never read whole), no stray file when the transaction fails,
a documents root that is missing, a file or read-only is refused before anything is written; the root settings."""

import errno
from datetime import date
from pathlib import Path

import pytest
from documents_setup import CLOCK, counts, make_file, stored_files

from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services import document_root, documents
from legalsec_desktop.services.document_filing import file_documents, file_new_version
from legalsec_desktop.services.document_root import (
    DocumentRootError,
    check_root,
    documents_root,
    inbox_folder,
    set_documents_root,
    set_inbox_folder,
)
from legalsec_desktop.services.document_rows import DocumentDraft
from legalsec_desktop.services.document_store import new_files, store_file
from legalsec_desktop.services.stored_files import CHUNK

SIZE = 300 * 1024 * 1024  # served lazily: 300 MB pass through, never held


class LazySource:
    """A source of `size` bytes made as they are asked for, recording every read's size."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.reads: list[int] = []
        self.closed = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.closed = True
        return False

    def read(self, size: int = -1) -> bytes:
        self.reads.append(size)
        assert 0 < size <= CHUNK  # never "the whole file"
        served = min(size, self.left)
        self.left -= served
        return b"\0" * served


def draft(title="Big video", name="deposition.mp4"):
    return DocumentDraft(title=title, kind="evidence", doc_date=date(2026, 11, 30), original_name=name)


def test_a_large_file_is_copied_in_chunks_never_read_whole(store, root, matter_id):
    source = LazySource(SIZE)
    with new_files() as written, store.write() as session:
        document_id, duplicate = store_file(session, root, matter_id, lambda: source, draft(), CLOCK.utc_now(),
                                            "AB", written)
    assert not duplicate and source.closed
    assert max(source.reads) == CHUNK and len(source.reads) == SIZE // CHUNK + 1  # the last read finds the end
    item = documents.document(store, document_id)
    assert (item.current.size_bytes, item.current.path) == (SIZE, "2026-0001 Rivera v. Okafor/2026-11-30 Big video.mp4")
    assert written == [root / "2026-0001 Rivera v. Okafor" / "2026-11-30 Big video.mp4"]
    assert written[0].stat().st_size == SIZE


def test_the_title_is_in_the_search_index_as_soon_as_it_is_filed(store, root, matter_id, tmp_path):
    [result] = file_documents(store, root, matter_id, [make_file(tmp_path, "Settlement agreement.pdf", b"x")],
                              CLOCK, "AB")
    with store.read() as session:
        hits = search_index(session).search(session, "settlement")
    assert [(hit.kind, hit.ref_id, hit.on_date) for hit in hits] == [("document", result.document_id,
                                                                     date(2026, 11, 2))]


def test_a_failed_transaction_leaves_no_row_and_no_stray_file(store, root, matter_id):
    with pytest.raises(RuntimeError), new_files() as written, store.write() as session:
        store_file(session, root, matter_id, lambda: LazySource(5 * CHUNK), draft(), CLOCK.utc_now(), "AB", written)
        assert len(written) == 1 and written[0].exists()
        raise RuntimeError("the rest of the filing failed")
    assert counts(store) == (0, 0)
    assert stored_files(root) == []


def test_a_transaction_that_fails_as_it_commits_leaves_no_stray_file(store, root, matter_id):
    from sqlalchemy.exc import IntegrityError

    from legalsec_desktop.db.document_models import DocumentRow

    with pytest.raises(IntegrityError), new_files() as written, store.write() as session:
        store_file(session, root, matter_id, lambda: LazySource(10), draft(), CLOCK.utc_now(), "AB", written)
        session.add(DocumentRow(matter_id=matter_id, title="bad", kind="not a kind", doc_date=date(2026, 1, 1),
                                filed_at=CLOCK.utc_now()))  # refused only when the transaction commits
    assert counts(store) == (0, 0)
    assert stored_files(root) == []


def test_a_source_that_fails_while_read_leaves_no_temporary_file(store, root, matter_id):
    class Breaks(LazySource):
        def read(self, size=-1):
            if self.reads:
                raise OSError(errno.EIO, "Input/output error")
            return super().read(size)

    with pytest.raises(OSError), new_files() as written, store.write() as session:
        store_file(session, root, matter_id, lambda: Breaks(SIZE), draft(), CLOCK.utc_now(), "AB", written)
    assert counts(store) == (0, 0) and stored_files(root) == []


@pytest.mark.parametrize("case", ["drive not connected", "a file", "read-only"])
def test_a_documents_root_that_cannot_take_files_is_refused_with_a_plain_message(store, matter_id, tmp_path,
                                                                                   monkeypatch, case):
    source = make_file(tmp_path / "in", "Letter.pdf", b"letter")
    if case == "drive not connected":
        root = tmp_path / "E-drive" / "Legalsec Documents"
        words = ["is not there", "connect it"]
    elif case == "a file":
        root = make_file(tmp_path, "root.txt", b"not a folder")
        words = ["is a file, not a folder"]
    else:
        root = tmp_path / "share"
        root.mkdir()

        def refuse(**_kwargs):
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(document_root.tempfile, "mkstemp", refuse)
        words = ["is read-only", "write access"]
    with pytest.raises(DocumentRootError) as raised:
        file_documents(store, root, matter_id, [source], CLOCK, "AB")
    assert isinstance(raised.value, UserFixableError) and raised.value.root == root
    for word in [str(root), "Nothing was filed", *words]:
        assert word in raised.value.message
    assert counts(store) == (0, 0)
    assert source.read_bytes() == b"letter"  # nothing lost
    assert not (tmp_path / "E-drive").exists()
    with pytest.raises(DocumentRootError):
        file_new_version(store, root, 1, source, CLOCK, "AB")


def test_a_missing_root_whose_parent_is_there_is_made(tmp_path):
    assert check_root(tmp_path / "Legalsec Documents").is_dir()
    assert (tmp_path / "Legalsec Documents").is_dir()
    assert list((tmp_path / "Legalsec Documents").iterdir()) == []  # the check's own file is gone


def test_the_root_and_inbox_are_the_firms_settings_with_a_default(store, tmp_path):
    default = tmp_path / "Documents" / "Legalsec Documents"
    assert documents_root(store, default) == default
    assert inbox_folder(store) is None
    set_documents_root(store, tmp_path / "S")
    set_inbox_folder(store, tmp_path / "Scans")
    assert (documents_root(store, default), inbox_folder(store)) == (tmp_path / "S", tmp_path / "Scans")
    set_documents_root(store, None)
    set_inbox_folder(store, None)
    assert (documents_root(store, default), inbox_folder(store)) == (default, None)
    assert isinstance(documents_root(store, Path("x")), Path)
