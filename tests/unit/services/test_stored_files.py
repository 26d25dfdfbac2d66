"""The store's files on disk: read-only once filed (and still removed by the program), a matter folder never taking
over one already on the disk, one chunked hash, a name claimed without overwriting, one rule for files passed by."""

import errno
import hashlib
import os
import stat
from pathlib import Path

import pytest
from documents_setup import CLOCK, make_file

from legalsec_desktop.domain.document_names import passed_by
from legalsec_desktop.services import document_filing, documents, inbox, stored_files
from legalsec_desktop.services.document_filing import file_documents, file_new_version
from legalsec_desktop.services.document_store import file_path
from legalsec_desktop.services.rescan import rescan


def writable(path: Path) -> bool:
    return bool(stat.S_IMODE(path.stat().st_mode) & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def test_a_filed_file_and_a_new_version_are_read_only_on_disk(store, root, matter_id, tmp_path):
    [result] = file_documents(store, root, matter_id, [make_file(tmp_path, "Letter.txt", b"one")], CLOCK, "AB")
    file_new_version(store, root, result.document_id, make_file(tmp_path, "Letter v2.txt", b"two"), CLOCK, "AB")
    versions = documents.versions(store, result.document_id)
    assert len(versions) == 2 and not any(writable(file_path(root, version)) for version in versions)
    assert writable(make_file(tmp_path, "Other.txt", b"x"))  # the originals are never changed


def test_a_read_only_file_is_removed_where_the_system_refuses_to_delete_one(tmp_path, monkeypatch):
    path = make_file(tmp_path, "filed.txt", b"x")
    stored_files.make_read_only(path)
    real_unlink = Path.unlink

    def like_windows(self, missing_ok=False):  # Windows refuses to delete a read-only file
        if self.exists() and not writable(self):
            raise PermissionError(errno.EACCES, "Access is denied")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", like_windows)
    stored_files.remove_files([path])
    assert not path.exists()


def test_a_new_matter_folder_does_not_take_over_a_folder_already_on_the_disk(store, root, matter_id, tmp_path):
    theirs = root / "2026-0001 Rivera v. Okafor"  # another database's matter, or the user's own folder
    make_file(theirs, "2026-11-01 Their letter.txt", b"not ours")
    [result] = file_documents(store, root, matter_id, [make_file(tmp_path, "Memo.txt", b"ours")], CLOCK, "AB")
    assert documents.document(store, result.document_id).current.path.startswith("2026-0001 Rivera v. Okafor (2)/")
    assert rescan(store, root, CLOCK).added == 0  # their files are not filed as ours
    assert [p.name for p in theirs.iterdir()] == ["2026-11-01 Their letter.txt"]


def test_one_chunked_hash_for_copying_in_and_for_reading_a_file(tmp_path):
    data = os.urandom(stored_files.CHUNK * 2 + 17)
    path = make_file(tmp_path, "big.bin", data)
    assert stored_files.content_hash(path) == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("no_hard_links", [False, True])
def test_a_name_taken_meanwhile_is_never_overwritten(tmp_path, monkeypatch, no_hard_links):
    if no_hard_links:
        monkeypatch.setattr(os, "link", lambda *_a: (_ for _ in ()).throw(OSError(errno.EPERM, "no links")))
    source, target = make_file(tmp_path, "a.txt", b"mine"), make_file(tmp_path, "b.txt", b"theirs")
    with pytest.raises(FileExistsError):
        stored_files.link_new(source, target)
    assert (source.read_bytes(), target.read_bytes()) == (b"mine", b"theirs")


def test_moving_an_inbox_file_to_filed_claims_its_name_and_never_overwrites(tmp_path, monkeypatch):
    scan = make_file(tmp_path / "Inbox", "scan.pdf", b"scanned")
    real = inbox.unused_path
    taken: list[Path] = []

    def then_another_program_takes_it(named):
        found = real(named)
        if not taken:  # free when looked up, taken before the move
            taken.append(make_file(found.parent, found.name, b"another program's"))
        return found

    monkeypatch.setattr(inbox, "unused_path", then_another_program_takes_it)
    moved = inbox.move_to_filed(scan)
    assert taken[0].read_bytes() == b"another program's"
    assert moved != taken[0] and moved.read_bytes() == b"scanned" and not scan.exists()


@pytest.mark.parametrize("name", ["~WRL0001.tmp", "~$Letter.docx", ".hidden", ".legalsec-filing-x1.part", "a.part",
                                  "movie.crdownload", "x.TMP", "Thumbs.db", "desktop.ini", ".DS_Store"])
def test_what_is_never_a_document_is_passed_by(name):
    assert passed_by(name)


@pytest.mark.parametrize("name", ["Letter.docx", "2026-11-30 Scan.pdf", "notes~.txt", "Report.partial draft.pdf"])
def test_documents_are_not_passed_by(name):
    assert not passed_by(name)


def test_the_same_file_given_twice_is_filed_once_and_a_duplicate_once(store, root, matter_id, tmp_path):
    letter = make_file(tmp_path, "Letter.txt", b"one letter")
    results = file_documents(store, root, matter_id, [letter, letter], CLOCK, "AB")
    assert [r.outcome for r in results] == ["filed", "duplicate"]


def test_a_failure_of_any_kind_while_copying_in_leaves_no_copy_behind(store, root, matter_id, tmp_path, monkeypatch):
    real = document_filing.copy_in
    calls: list[int] = []

    def then_a_bug(folder, opener):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("not an OSError")
        return real(folder, opener)

    monkeypatch.setattr(document_filing, "copy_in", then_a_bug)
    files = [make_file(tmp_path, f"{name}.txt", name.encode()) for name in ("a", "b")]
    with pytest.raises(RuntimeError):
        file_documents(store, root, matter_id, files, CLOCK, "AB")
    assert [p.name for p in (root / "2026-0001 Rivera v. Okafor").iterdir()] == []
