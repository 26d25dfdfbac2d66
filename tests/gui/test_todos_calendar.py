"""To-dos on the Calendar tab: their Needs attention section (tick to mark done), the month view's day cells
(double-click to edit, right-click to tick), and File ▸ New To-Do (Ctrl+Shift+T)."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QMenu

from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.todos import TodoDraft
from legalsec_desktop.services import matters, todos
from legalsec_desktop.ui.calendar import todo_marks
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.common.todo_dialog import TodoDialog

TODAY = date(2026, 11, 23)  # the pinned clock's day


@pytest.fixture
def window(make_window, tmp_path, two_attorney_firm, qtbot):
    window = make_window(tmp_path / "cal.db")
    store = window.state.store
    window.mary, window.ken = two_attorney_firm(store, "Hale Law")
    window.matter = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                             date(2026, 1, 5), responsible_attorney_id=window.mary))
    add = todos.save_todo
    window.late = add(store, TodoDraft("Call the clerk", TODAY - timedelta(days=2), window.matter))
    window.today_id = add(store, TodoDraft("Order toner", TODAY, None, window.ken))
    window.soon = add(store, TodoDraft("Send the retainer", TODAY + timedelta(days=4), window.matter))
    window.far = add(store, TodoDraft("Renew the lease", TODAY + timedelta(days=30), window.matter))
    window.done = add(store, TodoDraft("Filed", TODAY + timedelta(days=1), window.matter), done=True)
    window.resize(1300, 820)
    window.show()
    window.tabs.setCurrentIndex(0)
    window.tab(TabKey.CALENDAR).refresh()
    qtbot.waitUntil(lambda: not window.tab(TabKey.CALENDAR).attention_pending)
    return window


def attention_todos(tab, qtbot=None):
    """The to-do rows of Needs attention, once its reading (off the UI thread) is in."""
    if qtbot is not None:
        qtbot.waitUntil(lambda: not tab.attention_pending)
    rows = [tab.attention.item(i) for i in range(tab.attention.count())]
    return [row for row in rows if row.data(todo_marks.TODO_ROLE) is not None]


def test_needs_attention_lists_the_open_to_dos_due_within_a_week_overdue_in_red(window, qtbot):
    tab = window.tab(TabKey.CALENDAR)
    headings = [tab.attention.item(i).text() for i in range(tab.attention.count())
                if not tab.attention.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]
    assert headings[:2] == ["Overdue (0)", "To do (3)"] and tab.attention_counts["To do"] == 3
    rows = attention_todos(tab)
    assert [row.text() for row in rows] == ["Sat 11/21/2026 — overdue\nCall the clerk [2026-0001]",
                                            "Mon 11/23/2026 — today\nOrder toner (KI)",
                                            "Fri 11/27/2026\nSend the retainer [2026-0001]"]
    assert rows[0].foreground().color() == QColor("#b00020") and rows[1].font().bold()
    assert rows[2].foreground().color() != QColor("#b00020")
    tab.attorney_filter.setCurrentIndex(tab.attorney_filter.findData(window.ken))
    assert [row.data(todo_marks.TODO_ROLE).id for row in attention_todos(tab, qtbot)] == [window.today_id]


def test_ticking_a_to_do_in_needs_attention_marks_it_done_undoably(window, qtbot):
    tab = window.tab(TabKey.CALENDAR)
    attention_todos(tab)[0].setCheckState(Qt.CheckState.Checked)
    assert todos.load_todo(window.state.store, window.late).done
    assert [row.data(todo_marks.TODO_ROLE).id for row in attention_todos(tab, qtbot)] == [window.today_id,
                                                                                         window.soon]
    assert "Undo" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert not todos.load_todo(window.state.store, window.late).done
    assert len(attention_todos(tab, qtbot)) == 3


def test_the_month_shows_to_dos_on_their_days_and_they_open_and_tick_from_there(window, qtbot, monkeypatch, tmp_path):
    tab = window.tab(TabKey.CALENDAR)
    tab.set_view(0)
    month = tab.month
    assert {t.id for t in month.todos} == {window.late, window.today_id, window.soon, window.done}  # not December's
    month.grab().save(str(tmp_path / "month.png"))  # paints, and keeps where each to-do is
    hits = {todo.id: rect for rect, todo in month._todo_hits}
    assert set(hits) == {window.late, window.today_id, window.soon, window.done}
    assert all(rect.top() > 0 for rect in hits.values())

    opened = []
    monkeypatch.setattr(TodoDialog, "exec", lambda dialog: opened.append(dialog.todo_id) or 0)
    qtbot.mouseDClick(month, Qt.MouseButton.LeftButton, pos=hits[window.soon].center())
    assert opened == [window.soon]

    class ChoosingMenu(QMenu):
        def exec(self, *_args):  # the user picks Mark Done
            [action] = [a for a in self.actions() if a.text() == "Mark Done"]
            action.trigger()

    monkeypatch.setattr(todo_marks, "QMenu", ChoosingMenu)
    month.todo_menu_requested.emit(next(t for t in month.todos if t.id == window.soon), QPoint(0, 0))
    assert todos.load_todo(window.state.store, window.soon).done
    assert next(t for t in tab.month.todos if t.id == window.soon).done  # redrawn ticked

    tab.kind_filter.setCurrentIndex(2)  # court dates only: no to-dos
    assert tab.month.todos == []


def test_new_to_do_is_ctrl_shift_t_and_starts_on_the_selected_day(window, monkeypatch):
    action = window.action("new_todo")
    assert action.shortcut() == QKeySequence("Ctrl+Shift+T")
    seen = []

    def fill_and_save(dialog):
        dialog.load()
        seen.append(dialog.due.date("due_on"))
        dialog.title.setText("Book the court reporter")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TodoDialog, "exec", fill_and_save)
    tab = window.tab(TabKey.CALENDAR)
    tab.go_to(TODAY + timedelta(days=3))
    action.trigger()
    assert seen == [TODAY + timedelta(days=3)]
    assert "Book the court reporter" in [t.title for t in todos.all_todos(window.state.store)]
    assert "Book the court reporter" in [t.title for t in tab.month.todos]
