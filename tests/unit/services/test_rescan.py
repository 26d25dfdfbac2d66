"""A rescan of the matter folders: files changed, removed, back and added behind the program's back, reconciled;
unchanged files known by size and time alone; a missing documents folder changes nothing."""

import os
import stat
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.document_models import DocumentRow, DocumentVersionRow
from legalsec_desktop.services import rescan as rescan_module
from legalsec_desktop.services.document_root import DocumentRootError
from legalsec_desktop.domain.document_names import title_and_date
from legalsec_desktop.services.rescan import RescanReport, rescan
from search_setup import build

CLOCK = Clock()
RIVERA = "2026-0001 Rivera v. Okafor"
LEASE = "2026-0002 Lease of Elm Street"


@pytest.fixture
def root(tmp_path):
    return tmp_path / "Legalsec Documents"


@pytest.fixture
def practice(store, root):
    return build(store, root)


def version_of(store, document_id):  # noqa: ANN001, ANN201
    with store.read() as session:
        return session.scalars(select(DocumentVersionRow).where(DocumentVersionRow.document_id == document_id)).one()


def test_nothing_changed_is_found_by_size_and_time_without_reading_a_file(store, root, practice, monkeypatch):
    monkeypatch.setattr(rescan_module, "_hash", lambda path: pytest.fail(f"{path} was read"))
    assert rescan(store, root, CLOCK) == RescanReport(unchanged=4)


def test_a_file_changed_outside_the_program_gets_its_new_hash_and_is_read_again(store, root, practice):
    path = root / RIVERA / "2026-11-10 Letter from opposing counsel re extension.txt"
    path.write_text("We no longer agree to any extension.", encoding="utf-8")
    report = rescan(store, root, CLOCK)
    assert (report.changed, report.unchanged, report.anything) == (1, 3, True)
    version = version_of(store, practice.letter)
    assert version.sha256 != "0" * 64 and version.size_bytes == path.stat().st_size
    assert version.modified_ns == path.stat().st_mtime_ns
    assert (version.text_state, version.indexed_at) == ("waiting", None)
    assert version.note == ("Changed outside the program on Mon 11/23/2026; the content filed before "  # pinned day
                            "(SHA-256 000000000000…) is not kept")  # what was lost is said, never silently replaced
    assert rescan(store, root, CLOCK) == RescanReport(unchanged=4)


def test_a_file_touched_but_the_same_is_not_changed(store, root, practice):
    path = root / RIVERA / "2026-11-10 Letter from opposing counsel re extension.txt"
    with store.write() as session:  # the hash the file really has, as filing recorded it
        import hashlib

        session.get(DocumentVersionRow, version_of(store, practice.letter).id).sha256 = hashlib.sha256(
            path.read_bytes()).hexdigest()
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    assert rescan(store, root, CLOCK) == RescanReport(unchanged=4)
    version = version_of(store, practice.letter)
    assert (version.text_state, version.note, version.modified_ns) == ("indexed", "", path.stat().st_mtime_ns)


def test_a_removed_file_is_missing_never_dropped_and_clears_when_back(store, root, practice):
    path = root / LEASE / "2026-11-11 Notice of lease extension.txt"
    kept = path.read_bytes()
    path.unlink()
    assert rescan(store, root, CLOCK) == RescanReport(missing=1, unchanged=3)
    assert version_of(store, practice.notice).missing_since is not None
    with store.read() as session:
        assert session.get(DocumentRow, practice.notice).deleted_at is None
    assert rescan(store, root, CLOCK) == RescanReport(unchanged=3)  # still missing: not counted again
    path.write_bytes(kept)
    os.utime(path, ns=(version_of(store, practice.notice).modified_ns,) * 2)
    assert rescan(store, root, CLOCK) == RescanReport(back=1, unchanged=3)
    assert version_of(store, practice.notice).missing_since is None


def test_a_whole_matter_folder_gone_makes_its_files_missing(store, root, practice):
    for path in (root / LEASE).iterdir():
        path.unlink()
    (root / LEASE).rmdir()
    assert rescan(store, root, CLOCK) == RescanReport(missing=2, unchanged=2)


def test_files_added_to_a_matter_folder_are_filed_in_place(store, root, practice):
    (root / RIVERA / "2026-11-25 Settlement offer.pdf").write_bytes(b"%PDF-1.4 offer")
    (root / RIVERA / "Exhibits").mkdir()
    (root / RIVERA / "Exhibits" / "photo 1.JPG").write_bytes(b"\xff\xd8 photo")
    for passed_by in (".legalsec-filing-abc.part", "~$draft.docx", ".DS_Store", "Thumbs.db", "~WRL0001.tmp",
                      "download.crdownload", "copy.part"):
        (root / RIVERA / passed_by).write_bytes(b"not a document")
    (root / "Not a matter folder").mkdir()
    (root / "Not a matter folder" / "stray.txt").write_text("stray")
    report = rescan(store, root, CLOCK)
    assert (report.added, report.unchanged) == (2, 4)
    with store.read() as session:
        added = [(d.matter_id, d.title, d.kind, d.doc_date, v.path, v.text_state, v.size_bytes)
                 for d, v in session.execute(select(DocumentRow, DocumentVersionRow)
                                             .join(DocumentVersionRow, DocumentVersionRow.document_id == DocumentRow.id)
                                             .where(DocumentRow.id.in_(report.added_ids)).order_by(DocumentRow.id))]
    photo = root / RIVERA / "Exhibits" / "photo 1.JPG"
    local_day = date.fromtimestamp(photo.stat().st_mtime)
    assert added == [
        (practice.rivera, "Settlement offer", "other", date(2026, 11, 25), f"{RIVERA}/2026-11-25 Settlement offer.pdf",
         "waiting", 14),
        (practice.rivera, "photo 1", "other", local_day, f"{RIVERA}/Exhibits/photo 1.JPG", "waiting", 8),
    ]
    assert (root / RIVERA / "2026-11-25 Settlement offer.pdf").read_bytes() == b"%PDF-1.4 offer"  # left in place
    assert rescan(store, root, CLOCK) == RescanReport(unchanged=6)


def test_one_matter_only(store, root, practice):
    (root / LEASE / "new lease.txt").write_text("new")
    (root / RIVERA / "new letter.txt").write_text("new")
    (root / RIVERA / "2026-11-12 RE: extension.txt").unlink()
    report = rescan(store, root, CLOCK, matter_id=practice.lease)
    assert (report.added, report.missing, report.unchanged) == (1, 0, 2)
    assert version_of(store, practice.mail).missing_since is None


def test_progress_is_told_per_folder(store, root, practice):
    told = []
    rescan(store, root, CLOCK, progress=lambda done, total: told.append((done, total)))
    assert told == [(1, 2), (2, 2)]


def test_a_missing_documents_folder_changes_nothing(store, root, practice, tmp_path):
    gone = tmp_path / "unplugged drive" / "Legalsec Documents"
    with pytest.raises(DocumentRootError) as refused:
        rescan(store, gone, CLOCK)
    assert "is not there" in refused.value.message
    assert version_of(store, practice.letter).missing_since is None
    assert not gone.exists()


@pytest.mark.parametrize(("name", "expected"), [
    ("2026-11-30 Letter re extension.pdf", ("Letter re extension", date(2026, 11, 30))),
    ("scan_0001 final.PDF", ("scan_0001 final", date(2026, 1, 2))),
    ("2026-13-40 not a date.txt", ("2026-13-40 not a date", date(2026, 1, 2))),
    ("README", ("README", date(2026, 1, 2))),
    (".hidden", (".hidden", date(2026, 1, 2))),
])
def test_title_and_date_from_a_file_name(name, expected):
    assert title_and_date(name, date(2026, 1, 2)) == expected


def test_a_file_filed_or_taken_away_while_the_folders_were_read_is_not_added(store, root, practice, monkeypatch):
    from search_setup import add_document

    (root / RIVERA / "filed meanwhile.txt").write_text("one")
    (root / RIVERA / "gone meanwhile.txt").write_text("two")
    record = rescan_module._record

    def meanwhile(*args):  # noqa: ANN002, ANN202
        add_document(store, practice.rivera, "Filed meanwhile", "one", date(2026, 11, 23), folder=RIVERA,
                     name="filed meanwhile.txt", index=False)
        (root / RIVERA / "gone meanwhile.txt").unlink()
        return record(*args)

    monkeypatch.setattr(rescan_module, "_record", meanwhile)
    report = rescan(store, root, CLOCK)
    assert (report.added, report.added_ids) == (0, ())


def test_a_cancelled_rescan_records_the_folders_it_finished_and_says_how_many(store, root, practice):
    (root / RIVERA / "2026-11-25 Offer.txt").write_text("offer")  # the first folder (in name order)
    (root / LEASE / "2026-11-25 Lease draft.txt").write_text("draft")
    told = []

    def cancel_after_the_first(done, total):  # noqa: ANN001, ANN202
        told.append((done, total))
        return False  # Cancel pressed while the first folder was read

    report = rescan(store, root, CLOCK, progress=cancel_after_the_first)
    assert (report.stopped, report.folders, report.added, told) == (True, 1, 1, [(1, 2)])
    with store.read() as session:
        assert session.get(DocumentRow, report.added_ids[0]).title == "Offer"  # recorded, not lost on Cancel
    again = rescan(store, root, CLOCK)
    assert (again.stopped, again.folders, again.added) == (False, 2, 1)  # only the folder not checked before


def test_a_crashed_filings_partial_copies_over_a_day_old_are_removed(store, root, practice):
    now = CLOCK.utc_now().timestamp()
    old, fresh = root / RIVERA / ".legalsec-filing-old1.part", root / LEASE / ".legalsec-filing-new1.part"
    for path, age in ((old, 2 * 86400), (fresh, 3600)):  # a fresh one may be a filing under way
        path.write_bytes(b"half a file")
        os.utime(path, (now - age, now - age))
    report = rescan(store, root, CLOCK)
    assert (report.leftovers, report.added, old.exists(), fresh.exists()) == (1, 0, False, True)


def test_a_file_found_in_a_matter_folder_is_dated_on_the_local_clock_and_made_read_only(store, root, practice,
                                                                                       monkeypatch):
    path = root / RIVERA / "photo.jpg"
    path.write_bytes(b"photo")
    late = datetime(2026, 11, 3, 3, 30, tzinfo=timezone.utc).timestamp()  # still 2 November in Chicago
    os.utime(path, (late, late))
    monkeypatch.setattr(rescan_module, "to_local", lambda instant: instant.astimezone(
        ZoneInfo("America/Chicago")).replace(tzinfo=None))  # the one rule filing uses for the local day
    [added] = rescan(store, root, CLOCK).added_ids
    with store.read() as session:
        assert session.get(DocumentRow, added).doc_date == date(2026, 11, 2)
    assert not stat.S_IMODE(path.stat().st_mode) & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
