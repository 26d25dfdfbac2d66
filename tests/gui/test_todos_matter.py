"""A matter's to-dos on its detail pane: the overview counts and colours them; the To do page ticks, edits, deletes."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from legalsec_desktop.domain.communications import CommunicationDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.todos import TodoDraft
from legalsec_desktop.services import communications, matters, todos
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.common.todo_dialog import TodoDialog

TODAY = date(2026, 11, 23)  # the pinned clock's day


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window(tmp_path / "new.db")
    store = window.state.store
    window.first_id = matters.create_matter(store, MatterDraft("2026-0001", "Smith v. Jones", "John Smith",
                                                               date(2026, 1, 5)))
    communications.save_communication(store, CommunicationDraft(
        window.first_id, "call", "out", datetime(2026, 11, 13, 10, 0), "Jane Jones", "Records request", "",
        TODAY - timedelta(days=2)))  # a follow-up two days overdue
    window.todo_id = todos.save_todo(store, TodoDraft("Send the engagement letter", TODAY + timedelta(days=3),
                                                      window.first_id, notes="Use the 2026 form"))
    window.show()
    window.tabs.setCurrentIndex(1)
    tab = window.tab(TabKey.MATTERS)
    tab.refresh()
    tab.select_matter(window.first_id)
    return window


def test_the_overview_counts_the_overdue_follow_up_and_lists_the_to_dos(window):
    detail = window.tab(TabKey.MATTERS).detail
    html = detail.overview.text()
    assert "1 follow-up(s) due, <b style='color:#b00020'>1 overdue</b>" in html
    assert "<b>Sat 11/21/2026 — Follow up: call with Jane Jones — Records request</b> overdue" in html
    assert "<li>Thu 11/26/2026 — Send the engagement letter</li>" in html
    assert detail.tabs.tabText(3) == "To do (2)"
    detail.overview.linkActivated.emit("page:todo")
    assert detail.tabs.currentWidget() is detail.todo_page


def test_ticking_the_box_marks_it_done_and_undo_brings_it_back(window, qtbot, tmp_path):
    page = window.tab(TabKey.MATTERS).detail.todo_page
    window.tab(TabKey.MATTERS).detail.tabs.setCurrentWidget(page)
    assert [page.table.item(r, 2).text() for r in range(page.table.rowCount())] == [
        "Follow up: call with Jane Jones — Records request", "Send the engagement letter"]
    assert page.table.item(0, 1).text() == "Sat 11/21/2026 overdue"
    assert page.table.item(0, 1).foreground().color().name() == "#b00020"
    page.table.item(1, 0).setCheckState(Qt.CheckState.Checked)  # the user ticks the box
    assert todos.load_todo(window.state.store, window.todo_id).done
    assert page.table.rowCount() == 1  # done ones are hidden until asked for
    page.show_done.setChecked(True)
    assert page.table.rowCount() == 2 and page.table.item(1, 0).checkState() == Qt.CheckState.Checked
    page.grab().save(str(tmp_path / "todo_page.png"))
    window.undo_action.trigger()
    assert not todos.load_todo(window.state.store, window.todo_id).done
    assert page.table.item(1, 0).checkState() == Qt.CheckState.Unchecked


def test_delete_is_undone_and_the_dialog_edits(window, qtbot, monkeypatch):
    page = window.tab(TabKey.MATTERS).detail.todo_page
    page.table.selectRow(1)
    page.delete_todo()
    assert [t.title for t in todos.matter_todos(window.state.store, window.first_id)] == [
        "Follow up: call with Jane Jones — Records request"]
    assert "Undo" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert len(todos.matter_todos(window.state.store, window.first_id)) == 2

    dialog = TodoDialog(window.state, window, window.todo_id)
    qtbot.addWidget(dialog)
    dialog.load()
    assert dialog.title.text() == "Send the engagement letter" and dialog.chosen_matter() == window.first_id
    dialog.title.setText("")
    dialog.accept()
    assert dialog.errors.labels["title"].isVisibleTo(dialog) and dialog.result() != QDialog.DialogCode.Accepted
    dialog.title.setText("Send the signed engagement letter")
    dialog.done_box.setChecked(True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = todos.load_todo(window.state.store, window.todo_id)
    assert (saved.title, saved.done, saved.notes) == ("Send the signed engagement letter", True, "Use the 2026 form")


def test_a_new_to_do_from_the_page_is_on_the_matter(window, qtbot, monkeypatch):
    page = window.tab(TabKey.MATTERS).detail.todo_page

    def fill_and_save(dialog):
        dialog.load()
        dialog.title.setText("Calendar the mediation")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TodoDialog, "exec", fill_and_save)
    page.new_todo()
    titles = [t.title for t in todos.matter_todos(window.state.store, window.first_id)]
    assert "Calendar the mediation" in titles
    window.state.data_changed.emit(Changed.TODOS)
    assert "Calendar the mediation" in [page.table.item(r, 2).text() for r in range(page.table.rowCount())]


def test_the_log_colours_a_follow_up_past_and_not_done(window):
    detail = window.tab(TabKey.MATTERS).detail
    cell = detail.log.item(0, 5)
    assert cell.text() == "Sat 11/21/2026 overdue" and cell.foreground().color().name() == "#b00020"
    [follow_up] = [t for t in todos.matter_todos(window.state.store, window.first_id) if t.communication_id]
    todos.set_done(window.state.store, [follow_up.id], True)
    window.state.data_changed.emit(Changed.TODOS)
    cell = detail.log.item(0, 5)
    assert cell.text() == "Sat 11/21/2026 done" and cell.foreground().color().name() != "#b00020"
