"""The background indexer: a waiting document's text is read off the UI thread after a DOCUMENTS notice (and at
start-up), a batch at a time and never two at once, then the change is broadcast; a read-only database is left
alone; a documents folder that is not there is said once in the status bar."""

from __future__ import annotations

import os
from datetime import date

import pytest
from sqlalchemy import select

from legalsec_desktop.db.document_models import DocumentVersionRow
from legalsec_desktop.db.store import open_store
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.services.document_root import set_documents_root
from legalsec_desktop.services.search import flat, search_everything
from legalsec_desktop.ui.search.search_feature import SearchFeature
from search_setup import SCANNED, add_document, build, fake_tesseract


@pytest.fixture
def root(tmp_path):
    return tmp_path / "Legalsec Documents"


@pytest.fixture
def practice_db(db_path, root):
    store = open_store(db_path)
    try:
        practice = build(store, root)
        set_documents_root(store, root)
    finally:
        store.close()
    return db_path, practice


def states(store) -> list[str]:  # noqa: ANN001
    with store.read() as session:
        return list(session.scalars(select(DocumentVersionRow.text_state).order_by(DocumentVersionRow.id)))


def idle(indexer) -> bool:  # noqa: ANN001
    return not indexer.running


def test_after_a_documents_notice_a_waiting_document_is_read_and_the_change_broadcast(qtbot, make_window,
                                                                                        practice_db, root):
    db_path, practice = practice_db
    window = make_window(db_path)
    indexer = window.feature(SearchFeature).indexer
    qtbot.waitUntil(lambda: idle(indexer))  # the round at start-up: nothing was waiting
    store = window.state.require_store()
    waiting = add_document(store, practice.lease, "Inspection report", "The roof needs a zinnwaldite repair.",
                           date(2026, 11, 21), root=root, folder="2026-0002 Lease of Elm Street", index=False)
    assert states(store)[-1] == "waiting" and not search_everything(store, "zinnwaldite")
    with qtbot.waitSignal(window.state.data_changed, check_params_cb=lambda what: what == Changed.DOCUMENTS):
        window.state.data_changed.emit(Changed.DOCUMENTS)  # as filing a document says
        assert indexer.running  # on its worker: the UI thread goes on
    qtbot.waitUntil(lambda: idle(indexer) and states(store)[-1] == "indexed")
    assert [hit.ref_id for hit in flat(search_everything(store, "zinnwaldite"))] == [waiting]


def test_documents_waiting_at_start_up_are_read_a_batch_at_a_time(qtbot, make_window, practice_db, root,
                                                                   monkeypatch):
    from legalsec_desktop.ui.search import background_indexer

    monkeypatch.setattr(background_indexer, "BATCH", 2)
    db_path, practice = practice_db
    store = open_store(db_path)
    try:
        for n in range(5):
            add_document(store, practice.rivera, f"Exhibit {n}", f"exhibit number {n}", date(2026, 11, 1),
                         root=root, folder="2026-0001 Rivera v. Okafor", index=False)
    finally:
        store.close()
    window = make_window(db_path)
    indexer = window.feature(SearchFeature).indexer
    qtbot.waitUntil(lambda: idle(indexer) and "waiting" not in states(window.state.require_store()), timeout=10000)
    assert indexer.batches == 4  # 2 + 2 + 1, then one that found nothing waiting
    assert len(flat(search_everything(window.state.require_store(), "exhibit"))) == 5


def test_never_two_at_once(qtbot, make_window, practice_db):
    db_path, _ = practice_db
    window = make_window(db_path)
    indexer = window.feature(SearchFeature).indexer
    qtbot.waitUntil(lambda: idle(indexer))
    before = indexer.batches
    indexer.request()
    indexer.request()  # while the first runs: remembered, not started
    assert indexer.running and indexer._again
    qtbot.waitUntil(lambda: idle(indexer) and indexer.batches == before + 2)


def test_a_read_only_database_is_not_written(qtbot, make_window, practice_db, root):
    db_path, practice = practice_db
    store = open_store(db_path)
    try:
        add_document(store, practice.rivera, "Waiting", "text", date(2026, 11, 1), root=root,
                     folder="2026-0001 Rivera v. Okafor", index=False)
    finally:
        store.close()
    window = make_window(db_path, read_only=True)
    indexer = window.feature(SearchFeature).indexer
    window.state.data_changed.emit(Changed.DOCUMENTS)
    assert not indexer.running and indexer.batches == 0
    assert states(window.state.require_store())[-1] == "waiting"


def test_a_documents_folder_not_there_marks_nothing_missing_and_is_told_once(qtbot, make_window, practice_db,
                                                                               root, tmp_path):
    db_path, practice = practice_db
    store = open_store(db_path)
    try:
        add_document(store, practice.rivera, "Waiting", "text", date(2026, 11, 1), root=root,
                     folder="2026-0001 Rivera v. Okafor", index=False)
        set_documents_root(store, tmp_path / "unplugged" / "Legalsec Documents")
    finally:
        store.close()
    told = []
    window = make_window(db_path)
    window.state.status_told.connect(lambda text, _ms: told.append(text))
    indexer = window.feature(SearchFeature).indexer
    for _ in range(3):
        qtbot.waitUntil(lambda: idle(indexer))
        window.state.data_changed.emit(Changed.DOCUMENTS)
    qtbot.waitUntil(lambda: idle(indexer) and indexer.batches >= 3)
    assert len(told) == 1 and "is not there" in told[0]
    with window.state.require_store().read() as session:
        assert session.scalars(select(DocumentVersionRow.missing_since)).all() == [None] * 5
    assert states(window.state.require_store())[-1] == "waiting"


@pytest.mark.skipif(os.name == "nt", reason="the stand-in Tesseract is a shell script")
def test_with_tesseract_installed_a_scan_is_ocred_once_nothing_else_waits(qtbot, make_window, practice_db, root,
                                                                          tmp_path, monkeypatch):
    db_path, practice = practice_db
    store = open_store(db_path)
    try:
        scan = add_document(store, practice.rivera, "Signed stipulation", "", date(2026, 11, 20), index=False,
                            root=root, folder="2026-0001 Rivera v. Okafor", name="scan.pdf")
        (root / "2026-0001 Rivera v. Okafor" / "scan.pdf").write_bytes(SCANNED.read_bytes())
    finally:
        store.close()
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    fake_tesseract(bin_folder, "STIPULATION signed by both parties")
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    window = make_window(db_path)
    indexer = window.feature(SearchFeature).indexer
    store = window.state.require_store()
    qtbot.waitUntil(lambda: idle(indexer) and states(store)[-1] == "indexed", timeout=10000)
    assert [hit.ref_id for hit in flat(search_everything(store, "stipulation"))] == [scan]
