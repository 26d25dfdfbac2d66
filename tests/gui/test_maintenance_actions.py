"""Back Up Now, Restore from Backup and Check Database from the window, off the UI thread."""

import sqlite3


from legalsec_desktop.ui.common import save_paths
from legalsec_desktop.services import listings, maintenance
from legalsec_desktop.ui.maintenance import backup_actions
from legalsec_desktop.ui.common.navigation import TabKey


def count_matters(path):
    with sqlite3.connect(path) as conn:
        value = conn.execute("SELECT count(*) FROM matter").fetchone()[0]
    conn.close()
    return value


def test_back_up_now_reports_in_the_status_bar(make_window, qtbot):
    window = make_window()
    window.show()
    window.action("back_up").trigger()
    qtbot.waitUntil(lambda: "Backed up and verified" in window.statusBar().currentMessage(), timeout=10000)
    assert len(maintenance.list_backups(window.state.backup_dir)) == 1


def test_restore_replaces_the_database_and_keeps_a_safety_copy(make_window, qtbot, monkeypatch, message_boxes):
    window = make_window()
    window.show()
    state = window.state
    made = maintenance.back_up(state.db_path, state.backup_dir).made
    with sqlite3.connect(state.db_path) as conn:
        conn.execute("DELETE FROM todo")  # the follow-ups' to-dos go with their log entries
        conn.execute("DELETE FROM communication")
    conn.close()
    monkeypatch.setattr(save_paths, "ask_user", lambda *args, **kwargs: (str(made), ""))
    window.action("restore").trigger()
    qtbot.waitUntil(lambda: any(kind == "information" for kind, _ in message_boxes), timeout=10000)
    assert state.store is not None
    window.tabs.setCurrentWidget(window.tab(TabKey.CORRESPONDENCE))  # the Correspondence tab shows the restored rows
    qtbot.waitUntil(lambda: window.tab(TabKey.CORRESPONDENCE).model.rowCount() > 0)
    with sqlite3.connect(state.db_path) as conn:
        assert conn.execute("SELECT count(*) FROM communication").fetchone()[0] > 0
    conn.close()
    assert any("pre-restore" in b.path.name for b in maintenance.list_backups(state.backup_dir))


def test_restore_cancelled_at_the_question_changes_nothing(make_window, monkeypatch, message_boxes):
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    made = maintenance.back_up(window.state.db_path, window.state.backup_dir).made
    monkeypatch.setattr(save_paths, "ask_user", lambda *args, **kwargs: (str(made), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Cancel)
    store = window.state.store
    before = listings.list_ids(store, "communications")
    backup_actions.restore_backup(window, window.state, window.undo_stack)
    assert window.state.store is store and not store.troubled
    assert listings.list_ids(store, "communications") == before
    assert [b.reason for b in maintenance.list_backups(window.state.backup_dir)] == ["auto"]  # no safety copy made


def test_undo_does_not_reach_across_a_restore(make_window, qtbot, monkeypatch, message_boxes):
    window = make_window()
    state = window.state
    made = maintenance.back_up(state.db_path, state.backup_dir).made
    entry = listings.list_ids(state.store, "communications")[0]
    from legalsec_desktop.services import communications
    from legalsec_desktop.services.changes import Changed
    from legalsec_desktop.ui.common.undo import delete_with_undo

    assert delete_with_undo(window.undo_stack, window, state, Changed.COMMUNICATIONS,
                            lambda: communications.delete_communication(state.store, entry),
                            lambda: communications.restore_communication(state.store, entry), "Delete Entry")
    assert window.undo_stack.canUndo()
    monkeypatch.setattr(save_paths, "ask_user", lambda *args, **kwargs: (str(made), ""))
    window.action("restore").trigger()
    qtbot.waitUntil(lambda: any(kind == "information" for kind, _ in message_boxes), timeout=10000)
    assert not window.undo_stack.canUndo()  # Ctrl+Z would have replayed a change on the replaced database


def test_check_database_says_it_passed(make_window, qtbot, message_boxes):
    window = make_window()
    window.action("check_database").trigger()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=10000)
    assert message_boxes[0][0] == "information" and "passed" in message_boxes[0][1]
