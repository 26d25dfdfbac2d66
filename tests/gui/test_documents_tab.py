"""The documents side of the Files tab: the list and its detail, filing by drop, paste and pick, the filing dialog
and its summary, versions opened, delete and undo, and a documents folder on a missing drive."""

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from documents_setup import make_file
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import document_filing, document_root, documents, listings, matters
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.filing import FilingDialog
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.common.worker import wait_for_reads


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window(tmp_path / "documents.db")
    store = window.state.store
    window.root = tmp_path / "Documents"
    document_root.set_documents_root(store, window.root)
    window.rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                             date(2026, 1, 5)))
    window.lee = matters.create_matter(store, MatterDraft("2026-0002", "Lee lease", "Dana Lee", date(2026, 2, 5)))
    window.state.data_changed.emit(Changed.ALL)
    window.show()
    window.tabs.setCurrentWidget(window.tab(TabKey.FILES))
    tab = window.tab(TabKey.FILES)
    window.pane = tab.side_panes[1]
    tab.show_side(1)
    return window


@pytest.fixture
def incoming(tmp_path):
    folder = tmp_path / "incoming"
    return {name: make_file(folder, name, text) for name, text in (
        ("Letter re extension.txt", "They agreed to the extension."),
        ("Complaint.txt", "The complaint, court-stamped."),
        ("Notes.txt", "Call notes."))}


def answer_filing(monkeypatch, fill=None):
    """Answer each filing dialog: `fill(dialog)` sets its fields, then File is pressed."""
    seen = []

    def run(dialog):
        dialog.load()
        if fill is not None:
            fill(dialog)
        seen.append(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FilingDialog, "exec", run)
    return seen


def on_which_thread(monkeypatch, module, name, seen=None):
    """Record the thread each call of `module.name` runs on ('ui' or 'worker') in `seen` (made when None)."""
    import threading

    seen, real = [] if seen is None else seen, getattr(module, name)

    def watched(*args, **kwargs):
        seen.append("ui" if threading.current_thread() is threading.main_thread() else "worker")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, watched)
    return seen


def urls(*paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drop(widget, mime, where=None):
    """What Explorer or Finder does: a drag enters, then the files are dropped, at `where`."""
    where = where if where is not None else QPoint(10, 10)
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    dropped = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def target(pane):
    """Where a drop lands on the pane: the list, or the empty page that says how to file."""
    return pane.table.viewport() if pane.stack.currentIndex() == pane.TABLE else pane.stack.currentWidget()


def titles(window, matter_id):
    return sorted(item.title for item in documents.documents_of(window.state.store, matter_id))


def test_dropping_files_on_the_list_files_them_into_the_matter_shown(window, incoming, monkeypatch,
                                                                    message_boxes, qtmodeltester):
    pane = window.pane
    pane.show_matter(window.rivera)
    seen = answer_filing(monkeypatch)
    accepted = drop(target(pane), urls(*incoming.values()))
    assert accepted == (True, True)
    assert seen[0].matter.currentData() == window.rivera  # pre-set to the matter shown
    assert titles(window, window.rivera) == ["Complaint", "Letter re extension", "Notes"]
    assert message_boxes[-1][0] == "information" and "Filed 3 documents." in message_boxes[-1][1]
    assert pane.model.rowCount() == 3 and pane.count_label.text() == "3 documents match"
    qtmodeltester.check(pane.model)
    # The same files again: recognised as already filed, by their content, and said with their titles.
    drop(pane.table.viewport(), urls(incoming["Notes.txt"]))
    assert "Filed 0 documents, 1 already filed." in message_boxes[-1][1]
    assert "Already filed (not filed again):\n  Notes.txt" in message_boxes[-1][1]
    assert pane.model.rowCount() == 3 and incoming["Notes.txt"].read_text() == "Call notes."  # the original kept


def test_a_single_file_gets_its_title_date_and_kind_from_the_dialog(window, incoming, monkeypatch, message_boxes):
    def fill(dialog):
        assert dialog.single and dialog.title.text() == "Letter re extension"
        dialog.title.setText("Letter from opposing counsel re extension")
        dialog.doc_date.set_date(date(2026, 11, 3))
        dialog.kind.setCurrentIndex(dialog.kind.findData("correspondence"))

    answer_filing(monkeypatch, fill)
    window.pane.show_matter(window.lee)
    window.pane.file([incoming["Letter re extension.txt"]])
    [item] = documents.documents_of(window.state.store, window.lee)
    assert (item.title, item.doc_date, item.kind) == ("Letter from opposing counsel re extension",
                                                       date(2026, 11, 3), "correspondence")


def test_a_title_too_long_is_said_beside_it_before_anything_is_filed_and_kept_to_correct(
        window, incoming, monkeypatch, message_boxes):
    long_title = "Letter from opposing counsel " * 11  # over 300 characters

    def fill(dialog):
        dialog.title.setText(long_title)
        dialog.doc_date.set_date(date(2026, 10, 7))

    seen = answer_filing(monkeypatch, fill)
    window.pane.show_matter(window.lee)
    assert not window.pane.file([incoming["Letter re extension.txt"]])
    dialog = seen[0]
    assert dialog.result() == 0 and dialog.title.text() == long_title  # still open, what was typed kept
    assert "too long" in dialog.errors.labels["title"].text() and not dialog.errors.labels["title"].isHidden()
    assert titles(window, window.lee) == [] and message_boxes == []  # nothing filed, no "Not filed" box
    dialog.title.setText("Letter from opposing counsel")
    dialog.accept()
    assert dialog.result() == 1
    [item] = documents.documents_of(window.state.store, window.lee)
    assert (item.title, item.doc_date) == ("Letter from opposing counsel", date(2026, 10, 7))
    assert [path.name for path in (window.root / "2026-0002 Lee lease").iterdir()] == [
        "2026-10-07 Letter from opposing counsel.txt"]


def test_every_matter_shown_the_dialog_asks_which_and_refuses_none(window, incoming, monkeypatch, message_boxes):
    pane = window.pane
    pane.show_matter(None)
    seen = answer_filing(monkeypatch)
    assert pane.stack.currentIndex() == pane.EMPTY
    drop(target(pane), urls(incoming["Notes.txt"]))
    assert seen[0].matter.currentData() is None and seen[0].result() == 0  # not filed: no matter chosen
    assert seen[0].errors.labels["matter"].text() == "Choose the matter to file them in."
    assert titles(window, window.rivera) == [] and titles(window, window.lee) == []


def test_pasting_files_copied_in_explorer_files_them(window, incoming, monkeypatch, message_boxes, qtbot):
    answer_filing(monkeypatch)
    window.pane.show_matter(window.lee)
    QApplication.clipboard().setMimeData(urls(incoming["Complaint.txt"], incoming["Notes.txt"]))
    window.pane.table.setFocus()
    qtbot.keyClick(window.pane.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert titles(window, window.lee) == ["Complaint", "Notes"]
    QApplication.clipboard().setText("not files")
    window.pane.paste()
    assert titles(window, window.lee) == ["Complaint", "Notes"]


def test_the_detail_opens_a_version_and_says_when_its_file_is_missing(window, incoming, monkeypatch,
                                                                     message_boxes):
    answer_filing(monkeypatch)
    pane = window.pane
    pane.show_matter(window.rivera)
    pane.file([incoming["Complaint.txt"]])
    pane.table.selectRow(0)
    assert "Complaint" in pane.detail.heading.text() and pane.detail.table.rowCount() == 1
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    pane.detail.open_selected()
    stored = Path(opened[0])
    assert stored.is_file() and stored.is_relative_to(window.root) and stored.read_text().startswith("The complaint")
    # A new version: both listed, the newest first, the old one still openable.
    newer = make_file(incoming["Complaint.txt"].parent / "v2", "Complaint amended.txt", "Amended complaint.")
    filed_from = on_which_thread(monkeypatch, document_filing, "file_new_version")
    pane.detail.file_new_version(newer)
    assert filed_from == ["worker"]  # a big file is copied and hashed off the UI thread
    assert pane.detail.table.rowCount() == 2 and pane.detail.table.item(0, 0).text() == "2"
    pane.detail.table.selectRow(1)
    pane.detail.open_selected()
    assert Path(opened[-1]) == stored
    stored.unlink()
    pane.detail.open_selected()
    assert message_boxes[-1][0] == "warning" and "is not where the documents folder keeps it" in message_boxes[-1][1]
    assert len(opened) == 2


def test_delete_then_undo_brings_the_document_back(window, incoming, monkeypatch, message_boxes):
    answer_filing(monkeypatch)
    pane = window.pane
    pane.show_matter(window.rivera)
    pane.file([incoming["Notes.txt"]])
    pane.table.selectRow(0)
    pane.detail.delete()
    assert pane.model.rowCount() == 0
    window.undo_stack.undo()
    assert pane.model.rowCount() == 1 and titles(window, window.rivera) == ["Notes"]


def test_enter_opens_and_delete_deletes_from_the_list_with_the_keyboard(window, incoming, monkeypatch, qtbot,
                                                                       message_boxes):
    answer_filing(monkeypatch)
    pane = window.pane
    pane.show_matter(window.rivera)
    pane.file([incoming["Notes.txt"]])
    pane.table.selectRow(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane.table.setFocus()
    qtbot.waitUntil(pane.table.hasFocus)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0].endswith("Notes.txt")
    qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert pane.model.rowCount() == 0
    window.undo_stack.undo()
    assert pane.model.rowCount() == 1


def test_edit_saves_the_documents_facts(window, incoming, monkeypatch, message_boxes):
    from legalsec_desktop.ui.common.document_dialog import DocumentDialog

    answer_filing(monkeypatch)
    pane = window.pane
    pane.show_matter(window.rivera)
    pane.file([incoming["Notes.txt"]])
    pane.table.selectRow(0)
    dialog = DocumentDialog(window.state, pane.detail.item, pane)
    dialog.title.setText("")
    dialog.accept()
    assert dialog.errors.labels["title"].text() == "Give the document a title."
    dialog.title.setText("Call notes with the client")
    dialog.author.setText("Mary Hale")
    dialog.accept()
    assert dialog.result() == 1
    assert "Call notes with the client" in pane.detail.heading.text() and "Mary Hale" in pane.detail.facts.text()


def test_a_documents_folder_on_a_missing_drive_is_said_and_the_dialog_keeps_the_choices(
        window, incoming, monkeypatch, message_boxes, tmp_path):
    document_root.set_documents_root(window.state.store, tmp_path / "unplugged drive" / "Documents")
    checked_from = on_which_thread(monkeypatch, document_root, "check_root")
    on_which_thread(monkeypatch, document_filing, "check_root", checked_from)

    def fill(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("pleading"))
        dialog.title.setText("Complaint as filed")

    seen = answer_filing(monkeypatch, fill)
    window.pane.show_matter(window.rivera)
    assert not window.pane.file([incoming["Complaint.txt"]])
    assert message_boxes[-1][0] == "warning" and "is not there" in message_boxes[-1][1]
    dialog = seen[0]
    assert dialog.result() == 0 and dialog.kind.currentData() == "pleading"  # still open, as chosen
    assert dialog.title.text() == "Complaint as filed" and dialog.matter.currentData() == window.rivera
    assert titles(window, window.rivera) == []
    assert "worker" in checked_from and "ui" not in checked_from  # a stalled share does not freeze the window


def test_dropping_on_a_matter_row_files_into_that_matter(window, incoming, monkeypatch, message_boxes):
    seen = answer_filing(monkeypatch)
    window.tabs.setCurrentWidget(window.tab(TabKey.MATTERS))
    matters_tab = window.tab(TabKey.MATTERS)
    row = matters_tab.model.row_of(window.lee)
    where = matters_tab.table.visualRect(matters_tab.model.index(row, 0)).center()
    assert drop(matters_tab.table.viewport(), urls(incoming["Notes.txt"]), where) == (True, True)
    assert seen[0].matter.currentData() == window.lee and titles(window, window.lee) == ["Notes"]
    below = QPoint(5, matters_tab.table.viewport().height() - 2)  # under the last row: no matter there
    assert drop(matters_tab.table.viewport(), urls(incoming["Complaint.txt"]), below) == (False, False)
    # The matter's own Documents page lists it, and takes drops of its own.
    detail = matters_tab.detail
    detail.tabs.setCurrentWidget(detail.documents)
    assert detail.documents.model.rowCount() == 1
    drop(detail.documents.table.viewport(), urls(incoming["Complaint.txt"]))
    assert seen[-1].matter.currentData() == window.lee and titles(window, window.lee) == ["Complaint", "Notes"]


HEALTH = r"3 documents · (\d) indexed · (\d) waiting · 0 failed · 0 need OCR · 0 missing"


def test_the_health_line_and_the_switch_between_paper_and_documents(window, incoming, monkeypatch, message_boxes,
                                                                    qtbot):
    answer_filing(monkeypatch)
    tab = window.tab(TabKey.FILES)
    window.pane.show_matter(window.rivera)
    window.pane.file(list(incoming.values()))
    # Read in the background. The indexer may have read some of them by now: indexed and waiting add up to 3.
    qtbot.waitUntil(lambda: re.fullmatch(HEALTH, window.pane.health.text()) is not None, timeout=5000)
    line = re.fullmatch(HEALTH, window.pane.health.text())
    assert line is not None and int(line[1]) + int(line[2]) == 3 and window.pane.health.isVisible()
    assert listings.list_ids(window.state.store, "documents")
    tab.show_side(0)
    assert tab.sides.currentIndex() == 0 and tab.filter_box.isVisible() and not window.pane.filter_box.isVisible()
    tab.show_side(1)
    assert window.pane.filter_box.isVisible() and not tab.filter_box.isVisible() and not tab.buttons.isVisible()
    assert tab.current_file_id() is None and tab.selected_ids() == []  # paper actions are off on this side


def test_the_health_line_is_read_off_the_ui_thread_at_most_about_once_a_second(window, incoming, monkeypatch,
                                                                              message_boxes, qtbot):
    import threading

    answer_filing(monkeypatch)
    window.pane.show_matter(window.rivera)
    window.pane.file(list(incoming.values()))
    pane = window.pane
    qtbot.waitUntil(lambda: not pane.health_reading and not pane.health_timer.isActive(), timeout=5000)
    reads, health = [], documents.index_health
    monkeypatch.setattr(documents, "index_health",
                        lambda store: reads.append(threading.current_thread() is threading.main_thread())
                        or health(store))
    for _notice in range(40):  # the background indexer tells of every 25 documents read: many notices
        window.state.data_changed.emit(Changed.DOCUMENTS)
        pane._show_health()
    assert len(reads) <= 1 and pane.health_due  # one read now, one more when the second is up
    documents.delete_document(window.state.store, documents.documents_of(window.state.store, window.rivera)[0].id)
    qtbot.waitUntil(lambda: len(reads) == 2 and not pane.health_reading, timeout=5000)
    wait_for_reads()
    assert pane.health.text().startswith("2 documents")  # the latest state, read twice in all
    assert not any(reads) and not pane.health_due  # never on the UI thread


def test_rescan_finds_a_file_put_in_a_matter_folder_behind_the_programs_back(window, incoming, monkeypatch,
                                                                             message_boxes, qtbot):
    answer_filing(monkeypatch)
    pane = window.pane
    pane.show_matter(window.rivera)
    pane.file([incoming["Notes.txt"]])
    folder = next(path for path in window.root.iterdir() if path.is_dir())
    make_file(folder, "2026-11-02 Added by hand.txt", "Put here by hand.")
    told = []
    window.state.status_told.connect(lambda text, _ms: told.append(text))
    pane.rescan()
    qtbot.waitUntil(lambda: any(text.startswith("Rescan:") for text in told), timeout=10000)
    assert "1 added" in told[-1] and pane.model.rowCount() == 2


def test_file_documents_picks_files_for_the_matter_selected_on_the_matters_tab(window, incoming, monkeypatch,
                                                                              message_boxes):
    from legalsec_desktop.ui.common import save_paths

    seen = answer_filing(monkeypatch)
    monkeypatch.setattr(save_paths, "ask_many", lambda *_args: [str(incoming["Complaint.txt"])])
    window.tabs.setCurrentWidget(window.tab(TabKey.MATTERS))
    window.tab(TabKey.MATTERS).select_matter(window.lee)
    action = window.findChild(QAction, "file_documents")
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    action.trigger()
    assert seen[0].matter.currentData() == window.lee and titles(window, window.lee) == ["Complaint"]


def test_an_e_mail_keeps_its_own_subject_and_date(window, monkeypatch, message_boxes):
    from documents_setup import MAIL

    mail = next(path for path in sorted(MAIL.iterdir()) if path.suffix == ".eml")
    seen = answer_filing(monkeypatch)
    window.pane.show_matter(window.rivera)
    window.pane.file([mail])
    assert not seen[0].single and not seen[0].title.isVisible()
    [item] = [i for i in documents.documents_of(window.state.store, window.rivera) if i.parent_id is None]
    assert item.kind == "email" and item.title != mail.stem


def test_cancel_on_a_rescan_keeps_what_the_folders_checked_held_and_says_so(window, incoming, monkeypatch,
                                                                          message_boxes, qtbot):
    import threading

    from PySide6.QtWidgets import QProgressDialog

    from legalsec_desktop.services import rescan

    answer_filing(monkeypatch)
    pane = window.pane
    for matter, name in ((window.rivera, "Notes.txt"), (window.lee, "Complaint.txt")):
        pane.show_matter(matter)
        pane.file([incoming[name]])
    pane.show_matter(None)
    for folder in (path for path in window.root.iterdir() if path.is_dir()):
        make_file(folder, f"2026-11-02 Added by hand to {folder.name[:9]}.txt", "Put here by hand.")
    cancelled = threading.Event()
    walk = rescan._walk

    def waits_for_cancel(*args):  # noqa: ANN002, ANN202
        cancelled.wait(10)  # the first folder is read only once Cancel has been pressed
        return walk(*args)

    monkeypatch.setattr(rescan, "_walk", waits_for_cancel)
    told = []
    window.state.status_told.connect(lambda text, _ms: told.append(text))
    pane.rescan()
    [dialog] = [found for found in pane.findChildren(QProgressDialog) if found.labelText().startswith("Rescanning")]
    dialog.canceled.emit()  # Cancel pressed
    cancelled.set()
    qtbot.waitUntil(lambda: any(text.startswith("Rescan") for text in told), timeout=10000)
    assert told[-1].startswith("Rescan cancelled after 1 of the matter folders (recorded: 1 added,")
    assert told[-1].endswith("the others were not checked.")
    monkeypatch.setattr(rescan, "_walk", walk)
    assert rescan.rescan(window.state.store, window.root, window.state.clock).added == 1  # the one not checked
