"""The sample practice: built whole in its own file in the data folder, dated today, never touching the user's own."""

import errno
import os
import sqlite3
from datetime import datetime

import pytest

from legalsec_desktop import paths
from legalsec_desktop.clock import Clock
from legalsec_desktop.db.seal import is_sealed
from legalsec_desktop.instance_lock import InstanceLock
from legalsec_desktop.db.store import open_store
from legalsec_desktop.services import demo, demo_practice, firm, template_folder
from legalsec_desktop.services.demo_practice import SampleError, SampleInUseError, build_practice, build_sample


def _scalar(db, sql):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def own_database():
    """The user's own database at the usual place, with something of theirs in it."""
    path = paths.default_db_path()
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE mine (note TEXT)")
        conn.execute("INSERT INTO mine VALUES ('keep me')")
    conn.close()
    return path, path.read_bytes(), path.stat().st_mtime_ns


def test_the_sample_is_built_in_the_data_folder_dated_today_with_its_documents(own_database):
    own, own_bytes, own_mtime = own_database
    built = build_sample(Clock(datetime(2027, 3, 10, 9, 0)))  # a day of its own: not the demo's usual one

    assert built.path == paths.sample_db_path() == paths.data_dir() / "sample-practice.db"
    assert is_sealed(built.path, paths.seal_path(built.path))  # its window opens it without a check
    assert built.path.is_file() and built.counts["matter"] == 20 and built.counts["documents read"] > 0
    documents, inbox = built.folders
    assert documents.parent == inbox.parent == paths.data_dir() and any(documents.iterdir())
    assert "2027-02-01" <= _scalar(built.path, "SELECT max(entry_date) FROM time_entry") <= "2027-03-10"
    assert "2027-02-01" <= _scalar(built.path, "SELECT max(doc_date) FROM document") <= "2027-03-10"
    assert _scalar(built.path, "SELECT count(*) FROM event WHERE on_date > '2027-03-10'") > 0
    assert own.read_bytes() == own_bytes and own.stat().st_mtime_ns == own_mtime  # the user's own: untouched
    assert {p.name for p in paths.data_dir().iterdir()} == {
        "legalsec.db", "sample-practice documents", "sample-practice inbox", "sample-practice templates",
        "sample-practice.db"}


def test_the_samples_letter_templates_stay_in_a_folder_of_its_own(own_database):
    built = build_sample(Clock())
    own = paths.data_dir() / "sample-practice templates"
    store = open_store(built.path)
    try:
        used = template_folder.synced(store)  # what New Letter does first: the starters written on first use
        assert firm.chosen_templates_folder(store) == used == own
    finally:
        store.close()
    assert not paths.default_templates_root().exists()  # the user's Documents: no "Legalsec Templates"
    assert built.templates == own and len(list(own.glob("*.docx"))) >= 10

    (built.templates / "my own try.docx").write_bytes(b"scratch")
    again = build_sample(Clock())  # a rebuild starts the sample's templates afresh too
    assert again.templates == built.templates and not (again.templates / "my own try.docx").exists()


def test_building_again_replaces_the_earlier_sample_and_its_files(own_database):
    own, own_bytes, _ = own_database
    first = build_sample(Clock())
    (first.folders[0] / "played with.txt").write_text("scratch", encoding="utf-8")
    with sqlite3.connect(first.path) as conn:
        conn.execute("DELETE FROM time_entry")
    conn.close()

    again = build_sample(Clock())
    assert again.path == first.path and again.folders == first.folders  # the same places, not "documents2"
    assert _scalar(again.path, "SELECT count(*) FROM time_entry") == 900
    assert not (again.folders[0] / "played with.txt").exists()
    assert not list(paths.data_dir().glob("sample-practice documents?*"))
    assert own.read_bytes() == own_bytes


def test_a_sample_open_in_a_window_is_not_replaced(own_database):
    first = build_sample(Clock())
    before = first.path.read_bytes()
    window = InstanceLock(*paths.lock_paths(first.path))  # what the window on it holds
    assert window.acquire()
    try:
        with pytest.raises(SampleInUseError, match="open in another window"):
            build_sample(Clock())
    finally:
        window.release()
    assert first.path.read_bytes() == before and any(first.folders[0].iterdir())


def test_a_build_that_stops_half_way_leaves_no_half_sample(monkeypatch):
    build_sample(Clock())

    def broken(*_args, **_kwargs):
        raise KeyboardInterrupt  # the program stopped while filing the documents

    monkeypatch.setattr(demo_practice, "add_demo_documents", broken)
    with pytest.raises(KeyboardInterrupt):
        build_sample(Clock())
    sample = paths.sample_db_path()
    assert not sample.exists()  # no sample without its documents: the next request builds it afresh
    assert [p.name for p in sample.parent.iterdir() if p.name.startswith(sample.name)] == []
    monkeypatch.undo()
    assert build_sample(Clock()).path.is_file()


def test_a_killed_builds_leftover_is_swept_and_the_sample_built():
    sample = paths.sample_db_path()
    sample.parent.mkdir(parents=True)
    leftover = sample.with_name(f"{sample.name}.999999999.building")  # a process id no longer running
    leftover.write_bytes(b"half a database")
    build_sample(Clock())
    assert not leftover.exists() and sample.is_file()


def test_a_full_disk_is_said_plainly(monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(demo_practice, "build_practice", full)
    with pytest.raises(SampleError, match="could not be built .*No space left on device.*Free some disk space"):
        build_sample(Clock())


def test_the_demo_command_and_the_sample_share_the_builder(tmp_path, monkeypatch):
    """build_practice on its own: the documents go in beside the database, before it is moved in place."""
    seen = []
    original = demo.build_demo

    def watching(path, *args, finish=None, **kwargs):
        def finishing(store):
            seen.append(path.exists())  # the database is not in place while its documents are filed
            return finish(store)
        return original(path, *args, finish=finishing, **kwargs)

    monkeypatch.setattr(demo_practice, "build_demo", watching)
    built = build_practice(tmp_path / "practice.db", clock=Clock())
    assert seen == [False] and built.path.is_file()
    assert built.folders == (tmp_path / "practice documents", tmp_path / "practice inbox")
    assert _scalar(built.path, "SELECT count(*) FROM document") > 0


def test_paths_know_the_sample(tmp_path):
    assert paths.is_sample(paths.sample_db_path())
    assert not paths.is_sample(paths.default_db_path()) and not paths.is_sample(tmp_path / "sample-practice.db")
