"""Tools ▸ Retention and Closing: rules edited (a change of years confirmed with its count), checklist items."""

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from legalsec_desktop.domain.file_room import VolumeDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import closing, matters, retention, volumes
from legalsec_desktop.ui.settings.file_room_dialog import FileRoomSettingsDialog, RuleDialog


@pytest.fixture
def state(make_window, tmp_path):
    window = make_window(tmp_path / "new.db")
    store = window.state.store
    matter = matters.create_matter(store, MatterDraft("2026-0001", "Doe v. Roe", "Jo Doe", date(2019, 1, 5)))
    window.file_id = volumes.add_volume(store, VolumeDraft(matter, "Pleadings"), by="t")[0]
    closing.close_matter(store, matter, {i.id: True for i in closing.checklist(store)}, "", date(2019, 9, 23))
    window.state.file_id = window.file_id
    return window.state


def _settings(state, qtbot, page=0):
    dialog = FileRoomSettingsDialog(state, None, page)
    qtbot.addWidget(dialog)
    dialog.load()
    return dialog


def test_the_rules_and_items_are_listed_and_the_dialog_looks_right(state, qtbot, tmp_path):
    dialog = _settings(state, qtbot)
    assert [dialog.rules_table.item(r, 0).text() for r in range(dialog.rules_table.rowCount())] == [
        "Standard", "Estate planning", "Minor client", "Wills and original documents"]
    assert dialog.rules_table.item(0, 3).text() == "1" and dialog.rules_table.item(3, 2).text() == "Permanent"
    assert dialog.items_table.item(0, 1).text() == "Yes" and dialog.items_table.item(5, 1).text() == ""
    dialog.resize(820, 460)
    dialog.grab().save(str(tmp_path / "rules.png"))  # looked at while building it
    dialog.pages.setCurrentIndex(1)
    dialog.grab().save(str(tmp_path / "checklist.png"))


def test_changing_a_rules_years_asks_with_the_count_and_recomputes(state, qtbot, monkeypatch):
    asked = []
    standard = retention.rules(state.store)[0]
    rule_dialog = RuleDialog(state, standard)
    qtbot.addWidget(rule_dialog)
    rule_dialog.years.setValue(10)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    rule_dialog.accept()
    assert "1 closed file(s)" in asked[-1] and rule_dialog.result() != QDialog.DialogCode.Accepted
    assert rule_dialog.years.value() == 10  # kept for another try
    assert volumes.volume(state.store, state.file_id).destroy_after == date(2026, 9, 23)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    rule_dialog.accept()
    assert rule_dialog.result() == QDialog.DialogCode.Accepted and rule_dialog.changed_files == 1
    assert volumes.volume(state.store, state.file_id).destroy_after == date(2029, 9, 23)


def test_a_rules_files_are_counted_and_rewritten_off_the_window_thread_behind_a_progress_window(state, qtbot,
                                                                                             monkeypatch):
    import threading

    from PySide6.QtWidgets import QApplication, QProgressDialog

    ran, windows = [], []
    for name in ("volumes_affected", "edit_rule"):
        real = getattr(retention, name)

        def off_thread(*args, _real=real, _name=name, **kwargs):
            ran.append((_name, threading.current_thread() is threading.main_thread()))
            return _real(*args, **kwargs)

        monkeypatch.setattr(retention, name, off_thread)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: windows.extend(
        w.labelText() for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible())
        or QMessageBox.StandardButton.Yes)
    rule_dialog = RuleDialog(state, retention.rules(state.store)[0])
    qtbot.addWidget(rule_dialog)
    rule_dialog.years.setValue(10)
    rule_dialog.accept()  # waits for the work, the window kept answering meanwhile
    assert ran == [("volumes_affected", False), ("edit_rule", False)]
    assert rule_dialog.result() == QDialog.DialogCode.Accepted and rule_dialog.changed_files == 1
    assert volumes.volume(state.store, state.file_id).destroy_after == date(2029, 9, 23)
    assert windows == []  # the counting's progress window was gone before the question was asked


def test_a_refused_rule_change_is_still_explained_beside_its_field(state, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    rule_dialog = RuleDialog(state, retention.rules(state.store)[0])
    qtbot.addWidget(rule_dialog)
    rule_dialog.name.setText("Estate planning")  # another rule's name, found by the save off the window thread
    rule_dialog.years.setValue(10)
    rule_dialog.accept()
    assert "exists already" in rule_dialog.errors.labels["name"].text()
    assert rule_dialog.result() != QDialog.DialogCode.Accepted and rule_dialog.name.text() == "Estate planning"
    assert volumes.volume(state.store, state.file_id).destroy_after == date(2026, 9, 23)  # nothing saved


def test_a_new_rule_and_a_bad_name(state, qtbot):
    rule_dialog = RuleDialog(state, None)
    qtbot.addWidget(rule_dialog)
    rule_dialog.name.setText("standard")
    rule_dialog.accept()
    assert "exists already" in rule_dialog.errors.labels["name"].text()
    rule_dialog.name.setText("Originals")
    rule_dialog.permanent.setChecked(True)
    rule_dialog.area.setCurrentText("Estate planning")
    rule_dialog.accept()
    added = retention.rules(state.store)[-1]
    assert (added.name, added.practice_area, added.years) == ("Originals", "Estate planning", None)


def test_checklist_items_are_added_renamed_moved_and_retired(state, qtbot, message_boxes):
    dialog = _settings(state, qtbot, page=1)
    dialog.item_text.setText("Conflict database updated")
    dialog.add_item()
    assert dialog.items_table.item(6, 0).text() == "Conflict database updated" and not dialog.item_text.text()
    dialog.add_item()  # nothing typed: explained, nothing added
    assert "Say what" in message_boxes[-1][1] and dialog.items_table.rowCount() == 7
    dialog.items_table.selectRow(6)
    dialog._move_item(-1)
    assert dialog.items_table.item(5, 0).text() == "Conflict database updated"
    assert dialog.items_table.currentRow() == 5
    dialog.item_text.setText("Conflicts updated")
    dialog.rename_item()
    dialog.retire_item()
    assert [i.text for i in closing.checklist(state.store)][-1] == "Closing letter sent"
    assert len(closing.checklist(state.store)) == 6
