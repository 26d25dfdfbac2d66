"""The watched inbox on the Files tab (its files, a suggested matter, filing from it, moving a filed one aside) and
the documents and inbox folders in Settings."""

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from documents_setup import make_file
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import document_root, documents, inbox, matters
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.filing import FilingDialog
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.common.worker import wait_for_reads


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window(tmp_path / "inbox.db")
    store = window.state.store
    document_root.set_documents_root(store, tmp_path / "Documents")
    window.scans = tmp_path / "Scans"
    window.scans.mkdir()
    document_root.set_inbox_folder(store, window.scans)
    window.rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                             date(2026, 1, 5)))
    window.lee = matters.create_matter(store, MatterDraft("2026-0002", "Lee lease", "Dana Lee", date(2026, 2, 5)))
    window.state.data_changed.emit(Changed.ALL)
    window.show()
    window.tabs.setCurrentWidget(window.tab(TabKey.FILES))
    window.inbox = window.tab(TabKey.FILES).side_panes[2]
    return window


def look(window, qtbot):
    """Show the inbox and wait for its reading (in the background) to end."""
    pane = window.inbox
    window.tab(TabKey.FILES).show_side(2)
    pane.refresh()
    qtbot.waitUntil(lambda: not pane.reading, timeout=5000)
    wait_for_reads()
    return pane


def rows(pane):
    return [[pane.table.item(r, c).text() for c in (0, 3, 4)] for r in range(pane.table.rowCount())]


def test_the_inbox_lists_its_files_with_a_suggested_matter_and_files_one_by_copying(window, qtbot, monkeypatch,
                                                                                     message_boxes):
    scan = make_file(window.scans, "2026-0002 signed lease.pdf", b"%PDF-1.4 not really")
    make_file(window.scans, "Scan 0001.txt", "A scanned letter.")
    make_file(window.scans, ".hidden.txt", "hidden")
    make_file(window.scans, "~$draft.docx", "an Office lock file")
    make_file(window.scans, "download.pdf.part", "still arriving")
    pane = look(window, qtbot)
    # Hidden, lock and partial files are not offered; a matter number in a name suggests that matter.
    assert [(r[0], r[2]) for r in rows(pane)] == [("2026-0002 signed lease.pdf", "New"), ("Scan 0001.txt", "New")]
    assert rows(pane)[0][1].startswith("2026-0002 (") and rows(pane)[1][1] == ""
    seen = []

    def run(dialog):
        dialog.load()
        seen.append(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FilingDialog, "exec", run)
    pane.table.selectRow(0)
    pane.file_selected()
    assert seen[0].matter.currentData() == window.lee  # pre-set to the suggestion
    assert [d.title for d in documents.documents_of(window.state.store, window.lee)] == ["2026-0002 signed lease"]
    assert scan.read_bytes() == b"%PDF-1.4 not really"  # copied, never moved or changed
    qtbot.waitUntil(lambda: not pane.reading, timeout=5000)
    wait_for_reads()
    assert rows(pane)[0][2] == "Filed as “2026-0002 signed lease”"


def test_a_filed_file_is_moved_aside_only_when_asked(window, qtbot, monkeypatch, message_boxes):
    scan = make_file(window.scans, "Letter.txt", "A letter.")
    monkeypatch.setattr(FilingDialog, "exec", lambda dialog: (dialog.load(), dialog.matter.setCurrentIndex(
        dialog.matter.findData(window.rivera)), dialog.accept(), dialog.result())[-1])
    pane = look(window, qtbot)
    pane.table.selectRow(0)
    assert not pane.aside_action.isEnabled()  # not filed yet: it stays
    pane.file_selected()
    pane = look(window, qtbot)
    pane.table.selectRow(0)
    assert pane.aside_action.isEnabled()
    pane.move_aside()
    assert "already filed as “Letter”" in message_boxes[-1][1]  # asked first
    assert not scan.exists() and (window.scans / "Filed" / "Letter.txt").read_text() == "A letter."
    pane = look(window, qtbot)
    assert rows(pane) == []


def test_files_still_being_written_wait_and_no_inbox_is_said(window, qtbot, pinned_clock):
    arriving = make_file(window.scans, "Scan 0002.pdf", b"%PDF-")
    now = window.state.clock.utc_now().timestamp()
    os.utime(arriving, (now - 1, now - 1))  # a second ago, by the program's clock: the scanner is still writing
    entries, unsettled = inbox.inbox_entries(window.scans, window.state.clock.utc_now())
    assert entries == [] and unsettled
    later = window.state.clock.utc_now() + timedelta(seconds=5)
    assert [e.path.name for e in inbox.inbox_entries(window.scans, later)[0]] == ["Scan 0002.pdf"]
    pane = look(window, qtbot)
    assert "more arriving" in pane.count_label.text() and pane.recheck.isActive()
    document_root.set_inbox_folder(window.state.store, None)
    pane = look(window, qtbot)
    assert "No inbox folder is set" in pane.where.text() and pane.table.rowCount() == 0


def test_settings_keep_the_documents_and_inbox_folders_and_refuse_a_missing_drive(window, tmp_path, message_boxes):
    from legalsec_desktop.ui.settings.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.state)
    dialog.load()
    assert dialog.documents_root.folder() == tmp_path / "Documents" and dialog.inbox.folder() == window.scans
    dialog.documents_root.edit.setText(str(tmp_path / "unplugged" / "Documents"))
    dialog.inbox.edit.setText(str(tmp_path / "Elsewhere"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == 0 and "is not there" in dialog.errors.labels["documents_root"].text()
    assert dialog.documents_root.edit.text() == str(tmp_path / "unplugged" / "Documents")  # kept, to correct
    assert document_root.documents_root(window.state.store, Path("x")) == tmp_path / "Documents"  # nothing saved
    dialog.documents_root.edit.setText(str(tmp_path / "Firm documents"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "not there" in dialog.errors.labels["inbox_folder"].text()
    dialog.inbox.edit.setText("")
    dialog.name.setText("Hale Law")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == 1, [(k, label.text()) for k, label in dialog.errors.labels.items() if label.text()]
    assert document_root.documents_root(window.state.store, Path("x")) == tmp_path / "Firm documents"
    assert (tmp_path / "Firm documents").is_dir() and document_root.inbox_folder(window.state.store) is None


def test_a_file_the_scanner_saves_appears_without_a_refresh(window, qtbot):
    pane = look(window, qtbot)
    assert rows(pane) == []
    make_file(window.scans, "Scan 0003.pdf", b"%PDF-1.4")  # saved a while ago, by its time: settled
    qtbot.waitUntil(lambda: pane.table.rowCount() == 1, timeout=10000)
    assert rows(pane)[0][0] == "Scan 0003.pdf"


def test_the_inbox_folder_is_looked_at_off_the_ui_thread_and_a_missing_one_is_said(window, qtbot, monkeypatch,
                                                                                  tmp_path):
    import threading

    looked_from = []
    is_dir = Path.is_dir

    def watched_is_dir(path, *args, **kwargs):
        if path == window.scans:
            looked_from.append(threading.current_thread() is threading.main_thread())
        return is_dir(path, *args, **kwargs)

    monkeypatch.setattr(Path, "is_dir", watched_is_dir)
    make_file(window.scans, "Scan 0004.pdf", b"%PDF-1.4 four")
    looked_from.clear()  # (making the file looked at its folder)
    pane = look(window, qtbot)
    assert rows(pane)[0][0] == "Scan 0004.pdf" and "Files in" in pane.where.text()
    assert looked_from and not any(looked_from)  # a stalled network share would not freeze the window
    document_root.set_inbox_folder(window.state.store, window.scans)
    window.scans.joinpath("Scan 0004.pdf").unlink()
    window.scans.rmdir()  # its drive disconnected
    pane = look(window, qtbot)
    assert "is not there" in pane.where.text() and pane.table.rowCount() == 0 and not any(looked_from)


def _settings(window):
    from legalsec_desktop.ui.settings.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.state)
    dialog.load()
    return dialog


def _save(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_settings_are_saved_in_one_transaction_so_a_failure_saves_none_of_them(window, tmp_path, monkeypatch,
                                                                               message_boxes):
    from contextlib import contextmanager

    from legalsec_desktop.db.models import FirmRow
    from legalsec_desktop.domain.errors import StorageFullError
    from legalsec_desktop.services import firm

    store, elsewhere = window.state.store, tmp_path / "Elsewhere"
    elsewhere.mkdir()
    writing = store.write

    @contextmanager
    def write():  # the commit that would keep the new inbox folder fails (a full disk)
        with writing() as session:
            yield session
            session.flush()
            if session.get(FirmRow, 1).inbox_folder == str(elsewhere):
                raise StorageFullError("The disk is full, so the change was not saved.")

    monkeypatch.setattr(store, "write", write)
    dialog = _settings(window)
    dialog.name.setText("Hale Law")
    dialog.documents_root.edit.setText(str(tmp_path / "Documents"))  # (nothing filed yet: nothing asked)
    dialog.inbox.edit.setText(str(elsewhere))
    _save(dialog)
    assert dialog.result() == 0 and "disk is full" in message_boxes[-1][1]
    assert firm.load_profile(store).name != "Hale Law" and document_root.inbox_folder(store) == window.scans
    assert dialog.name.text() == "Hale Law" and dialog.inbox.edit.text() == str(elsewhere)  # kept, to try again


def test_a_new_documents_folder_without_the_filed_documents_is_asked_about_first(window, tmp_path, monkeypatch):
    from documents_setup import CLOCK
    from PySide6.QtWidgets import QMessageBox

    from legalsec_desktop.services import document_filing

    store, old = window.state.store, tmp_path / "Documents"
    sources = [make_file(tmp_path / "in", f"Letter {n}.txt", f"letter {n}") for n in range(2)]
    document_filing.file_documents(store, old, window.rivera, sources, CLOCK, "AB")
    asked, answers = [], [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(_parent, title, text, buttons, default):
        asked.append((title, text, default))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = _settings(window)
    new = tmp_path / "New documents"
    dialog.name.setText("")
    dialog.documents_root.edit.setText(str(new))
    _save(dialog)  # a mistake in the profile is said first, before anything is asked
    assert asked == [] and dialog.result() == 0 and dialog.errors.labels["name"].text()
    dialog.name.setText("Hale Law")
    _save(dialog)  # answered No (the default): nothing saved, the dialog stays as it was
    said = (f"2 filed documents are kept in the old folder {old}; they will show as missing until you move the "
            f"folder's contents to {new}.\n\nChange the folder?")
    assert asked == [("Change the Documents Folder", said, QMessageBox.StandardButton.No)]
    assert dialog.result() == 0 and dialog.documents_root.edit.text() == str(new)
    assert document_root.documents_root(store, Path("x")) == old
    _save(dialog)  # Yes
    assert dialog.result() == 1, (asked, [label.text() for label in dialog.errors.labels.values()])
    assert document_root.documents_root(store, Path("x")) == new

    # The old folder's contents copied to another folder first: nothing to ask.
    import shutil

    moved = tmp_path / "Moved documents"
    shutil.copytree(old, moved)
    dialog = _settings(window)
    assert dialog.name.text() == "Hale Law"
    dialog.documents_root.edit.setText(str(moved))
    _save(dialog)
    assert len(asked) == 2 and dialog.result() == 1 and document_root.documents_root(store, Path("x")) == moved
