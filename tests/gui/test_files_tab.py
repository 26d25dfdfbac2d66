"""The Files tab: its detail pane, filters, the scanner in the filter box, every action and the scan mode."""

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog

from legalsec_desktop.domain.file_room import CheckOut, VolumeDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import locations, matters, volumes
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.files.file_dialogs import CheckOutDialog, HoldDialog, MoveDialog, NewFileDialog
from legalsec_desktop.ui.files.locations_dialog import LocationsDialog, PlaceDialog
from legalsec_desktop.ui.files.scan_dialog import WARNING, ScanDialog


@pytest.fixture
def window(make_window, tmp_path, two_attorney_firm):
    window = make_window(tmp_path / "files.db")
    store = window.state.store
    window.mary, window.ken = two_attorney_firm(store, "Hale Law")
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5)))
    window.drawer = locations.add_path(store, "Main office > Cabinet A > Drawer 1")
    window.box = locations.add_path(store, "Iron Mountain > Box 114")
    window.ids = {label: volumes.add_volume(store, VolumeDraft(rivera, label, "folder", window.drawer,
                                                               date(2026, 3, 1)))[0]
                  for label in ("Pleadings", "Discovery", "Correspondence")}
    window.rivera = rivera
    window.state.data_changed.emit(Changed.ALL)
    window.show()
    window.tabs.setCurrentWidget(window.tab(TabKey.FILES))
    return window


def select(window, label):
    tab = window.tab(TabKey.FILES)
    tab.table.selectRow(tab.model.row_of(window.ids[label]))
    return tab


def code_of(window, label):
    return volumes.volume(window.state.store, window.ids[label]).barcode


def test_the_list_and_the_detail_pane_with_its_movement_log(window):
    store = window.state.store
    volumes.check_out(store, window.ids["Discovery"], CheckOut("Mary Hale", window.mary, "Deposition",
                                                               date(2026, 11, 30)))
    volumes.set_hold(store, [window.ids["Discovery"]], "Litigation hold <Rivera>")
    window.state.data_changed.emit(Changed.FILES)
    tab = select(window, "Discovery")
    assert tab.model.rowCount() == 3 and tab.count_label.text() == "3 files"
    facts = tab.detail.facts.text()
    assert "Checked out to Mary Hale since" in facts and "Deposition" in facts and "Mon 11/30/2026" in facts
    assert facts.count("Mary Hale") == 1  # said once, where it is (not again on a line of its own)
    assert "Litigation hold &lt;Rivera&gt;" in facts and "Main office ▸ Cabinet A ▸ Drawer 1" in facts  # its home
    assert code_of(window, "Discovery") in tab.detail.heading.text()
    log = tab.detail.log
    assert [log.item(r, 1).text() for r in range(log.rowCount())] == ["Legal hold placed", "Checked out", "Created"]
    tip = log.item(1, 0).toolTip()  # the whole line, whichever cell the pointer rests on
    assert "Checked out" in tip and "Mary Hale" in tip and "Deposition" in tip and "Main office" in tip
    assert log.item(1, 3).text() == "Mary Hale" and log.item(1, 5).text() == "Mon 11/30/2026"


def test_an_overdue_file_is_red_in_the_pane_and_found_by_the_status_filter(window, monkeypatch):
    from datetime import datetime

    from legalsec_desktop.clock import Clock

    volumes.check_out(window.state.store, window.ids["Pleadings"], CheckOut("Ken Ito", due_on=date(2026, 11, 24)))
    monkeypatch.setattr(Clock, "now", lambda self: datetime(2026, 11, 30, 9, 0))
    tab = window.tab(TabKey.FILES)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("overdue"))
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    assert "overdue" in tab.detail.facts.text() and "#b00020" in tab.detail.facts.text()


def test_the_place_filter_lists_what_is_inside_it(window):
    tab = window.tab(TabKey.FILES)
    volumes.move(window.state.store, window.ids["Correspondence"], window.box)
    window.state.data_changed.emit(Changed.FILES)
    cabinet = locations.location_id_of(window.state.store, "Main office > Cabinet A")
    assert tab.location_filter.count() == 1  # the places are read when the filter is first used, not before
    QApplication.sendEvent(tab.location_filter, QFocusEvent(QEvent.Type.FocusIn))
    assert tab.location_filter.count() == 6  # every place
    tab.location_filter.setCurrentIndex(tab.location_filter.findData(cabinet))
    assert tab.model.rowCount() == 2 and "match" in tab.count_label.text()


def test_a_scanned_id_shows_its_file_clearing_the_filters_that_hid_it(window, qtbot):
    tab = window.tab(TabKey.FILES)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("out"))
    assert tab.model.rowCount() == 0
    told = []
    window.state.status_told.connect(lambda text, _ms: told.append(text))
    qtbot.keyClicks(tab.filter_box, code_of(window, "Discovery").lower())
    qtbot.keyClick(tab.filter_box, Qt.Key.Key_Return)
    assert tab.current_file_id() == window.ids["Discovery"] and tab.status_filter.currentData() is None
    assert "cleared" in told[-1] and tab.detail.file_id == window.ids["Discovery"]


def test_scans_in_a_row_select_each_file_without_reading_the_list_again(window, qtbot, monkeypatch):
    tab = window.tab(TabKey.FILES)
    told = []
    window.state.status_told.connect(lambda text, _ms: told.append(text))
    reloads = []
    monkeypatch.setattr(tab.model, "reload", lambda *args: reloads.append(args))
    for label in ("Discovery", "Correspondence"):  # a scanner types faster than the filter's timer, then Enter
        qtbot.keyClicks(tab.filter_box, code_of(window, label))
        qtbot.keyClick(tab.filter_box, Qt.Key.Key_Return)
        assert tab.current_file_id() == window.ids[label] and tab.detail.file_id == window.ids[label]
        assert told[-1] == f"Found {code_of(window, label)}." and tab.selected_ids() == [window.ids[label]]
        assert tab.filter_box.text() == "" and tab.model.filter_text == ""  # the next scan starts fresh
    assert reloads == [] and tab.model.rowCount() == 3
    qtbot.wait(200)  # the filter's timer was stopped: the emptied box filters nothing later either
    assert reloads == [] and tab.current_file_id() == window.ids["Correspondence"]


def test_an_id_already_applied_as_a_filter_is_found_as_before(window, qtbot):
    tab = window.tab(TabKey.FILES)
    qtbot.keyClicks(tab.filter_box, code_of(window, "Pleadings"))
    qtbot.waitUntil(lambda: tab.model.filter_text == code_of(window, "Pleadings"))  # typed slowly: it filtered
    qtbot.keyClick(tab.filter_box, Qt.Key.Key_Return)
    assert tab.current_file_id() == window.ids["Pleadings"] and tab.model.rowCount() == 1
    code = code_of(window, "Pleadings")
    assert tab.filter_box.text() == code and tab.filter_box.selectedText() == code  # the next scan replaces it


def test_an_unknown_id_says_which_ids_are_nearest(window, qtbot, message_boxes):
    tab = window.tab(TabKey.FILES)
    qtbot.keyClicks(tab.filter_box, "F00001")
    qtbot.keyClick(tab.filter_box, Qt.Key.Key_Return)
    assert message_boxes and "No file has the barcode id F00001" in message_boxes[-1][1]
    assert "Nearest: F000001" in message_boxes[-1][1] and tab.filter_box.text() == "F00001"  # kept to correct


def test_new_file_keeps_what_was_typed_when_refused_and_adds_it_when_fixed(window, message_boxes):
    dialog = NewFileDialog(window.state, window, window.rivera)
    dialog.load()
    dialog.label.setText("Exhibits")
    dialog.code.setText(code_of(window, "Pleadings"))  # a pre-printed id already in use
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.errors.labels["barcode"].isVisibleTo(dialog)
    assert "already on another file" in dialog.errors.labels["barcode"].text() and dialog.label.text() == "Exhibits"
    dialog.code.setText("B77")
    dialog.location.combo.setEditText("Drawer 1")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.barcode == "B77"
    added = volumes.volume(window.state.store, dialog.file_id)
    assert added.place == "Main office ▸ Cabinet A ▸ Drawer 1" and window.tab(TabKey.FILES).model.rowCount() == 4


def test_move_and_undo_puts_it_back(window, monkeypatch):
    tab = select(window, "Pleadings")
    action = window.action("move_file")
    assert action.isEnabled()

    def run(dialog):
        dialog.load()
        dialog.location.combo.setEditText("Iron Mountain ▸ Box 114")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(MoveDialog, "exec", run)
    action.trigger()
    file_id = window.ids["Pleadings"]
    assert volumes.volume(window.state.store, file_id).place == "Iron Mountain ▸ Box 114"
    window.undo_action.trigger()
    assert volumes.volume(window.state.store, file_id).place == "Main office ▸ Cabinet A ▸ Drawer 1"
    assert tab.current_file_id() == file_id and tab.detail.log.rowCount() == 3  # created, moved, moved back


def test_check_out_then_check_in_with_one_key(window, monkeypatch, qtbot, message_boxes):
    tab = select(window, "Discovery")
    assert window.action("check_out_file").isEnabled() and not window.action("check_in_file").isEnabled()

    def run(dialog):
        dialog.load()
        dialog.to.setEditText("Mary Hale (MAH)")
        dialog.reason.setText("Deposition")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CheckOutDialog, "exec", run)
    window.action("check_out_file").trigger()
    out = volumes.volume(window.state.store, window.ids["Discovery"])
    assert out.out_to == "Mary Hale (MAH)" and out.due_back_on == date(2026, 12, 7)  # two weeks by default
    assert window.action("check_in_file").isEnabled() and not window.action("check_out_file").isEnabled()
    qtbot.keyClick(tab.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert volumes.volume(window.state.store, window.ids["Discovery"]).place == "Main office ▸ Cabinet A ▸ Drawer 1"
    assert not message_boxes


def test_both_check_out_pickers_offer_every_active_timekeeper_and_take_a_typed_name(window, message_boxes):
    from dataclasses import replace

    from legalsec_desktop.domain.firm import Timekeeper
    from legalsec_desktop.services import firm

    store = window.state.store
    profile = firm.load_profile(store)
    firm.save_profile(store, replace(profile, timekeepers=(*profile.timekeepers, Timekeeper(
        "Old Partner", "OP", 40000))))
    firm.save_profile(store, replace(profile, timekeepers=(*profile.timekeepers, Timekeeper(
        "Ruth Diaz", "RD", 9000, is_attorney=False))))  # a paralegal in; the old partner left (kept, inactive)
    dialog = CheckOutDialog(window.state, window.ids["Discovery"], window)
    dialog.load()
    scan = ScanDialog(window.state, window)
    scan.check_out.setChecked(True)
    offered = ["Ken Ito (KI)", "Mary Hale (MAH)", "Ruth Diaz (RD)"]  # attorneys first, then staff; not the retired
    for picker in (dialog.to, scan.to):
        assert [picker.itemText(i) for i in range(picker.count())] == offered and picker.currentText() == ""
        assert picker.lineEdit().placeholderText() == "Pick a timekeeper or type a name"
    dialog.to.setEditText("Ruth Diaz (RD)")
    dialog.accept()
    assert volumes.volume(store, window.ids["Discovery"]).out_to == "Ruth Diaz (RD)"
    scan.to.setEditText("  Courier  Dan ")  # anyone, typed: no timekeeper behind it
    assert (scan.request().to_name, scan.request().timekeeper_id) == ("Courier  Dan", None)
    scan.to.setEditText("Ruth Diaz (RD)")
    ruth = scan.to.itemData(scan.to.findText("Ruth Diaz (RD)"))
    assert ruth is not None and scan.request().timekeeper_id == ruth
    assert not message_boxes


def test_checking_out_a_file_already_out_says_who_has_it(window):
    volumes.check_out(window.state.store, window.ids["Discovery"], CheckOut("Ken Ito"))
    dialog = CheckOutDialog(window.state, window.ids["Discovery"], window)
    dialog.load()
    dialog.to.setEditText("Mary Hale")
    dialog.accept()
    assert "checked out to Ken Ito" in dialog.errors.labels["to"].text() and dialog.to.currentText() == "Mary Hale"


def test_legal_hold_and_release(window, monkeypatch, message_boxes):
    select(window, "Pleadings")

    def run(dialog):
        dialog.load()
        dialog.reason.setPlainText("Subpoena 12")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(HoldDialog, "exec", run)
    window.action("hold_files").trigger()
    assert volumes.volume(window.state.store, window.ids["Pleadings"]).hold_reason == "Subpoena 12"
    window.action("release_hold").trigger()  # message_boxes answers Yes
    assert volumes.volume(window.state.store, window.ids["Pleadings"]).hold_reason == ""
    asked = len(message_boxes)
    window.action("release_hold").trigger()  # none on hold now: said, not asked
    assert len(message_boxes) == asked
    assert window.statusBar().currentMessage() == "None of the selected files is on legal hold."


def test_undo_and_redo_of_a_hold_leave_a_hold_placed_before_alone(window, monkeypatch):
    from PySide6.QtCore import QItemSelectionModel

    store = window.state.store
    volumes.set_hold(store, [window.ids["Discovery"]], "Brown subpoena")
    window.state.data_changed.emit(Changed.FILES)
    tab = select(window, "Pleadings")
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    tab.table.selectionModel().select(tab.model.index(tab.model.row_of(window.ids["Discovery"]), 0), flags)

    def run(dialog):
        dialog.load()
        dialog.reason.setPlainText("Rivera litigation")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(HoldDialog, "exec", run)
    window.action("hold_files").trigger()

    def reasons():
        return {label: volumes.volume(store, window.ids[label]).hold_reason for label in ("Pleadings", "Discovery")}

    assert reasons() == {"Pleadings": "Rivera litigation", "Discovery": "Brown subpoena"}
    window.undo_action.trigger()
    assert reasons() == {"Pleadings": "", "Discovery": "Brown subpoena"}  # Undo releases only what it placed
    window.redo_action.trigger()
    assert reasons() == {"Pleadings": "Rivera litigation", "Discovery": "Brown subpoena"}
    released = [m for m in volumes.history(store, window.ids["Discovery"]) if m.kind == "released"]
    assert released == []  # the earlier hold was never lifted, not even for a moment


def test_a_hold_without_a_reason_is_refused(window):
    dialog = HoldDialog(window.state, [window.ids["Pleadings"]], window)
    dialog.load()
    dialog.accept()
    assert "Say why" in dialog.errors.labels["reason"].text()


def test_actions_on_a_file_are_off_when_read_only(make_window, window, tmp_path):
    path = window.state.db_path
    window.state.set_store(None)
    other = make_window(path, read_only=True)
    other.show()
    other.tabs.setCurrentWidget(other.tab(TabKey.FILES))
    other.tab(TabKey.FILES).table.selectRow(0)
    assert other.tab(TabKey.FILES).current_file_id() is not None
    assert not other.action("check_out_file").isEnabled() and not other.action("new_file").isEnabled()


def test_scan_mode_checks_out_a_run_then_in_and_explains_what_it_cannot(window, message_boxes):
    scan = ScanDialog(window.state, window)
    assert scan.count.text() == "Nothing scanned yet."
    scan.check_out.setChecked(True)
    scan.to.setEditText("Ken Ito (KI)")
    for label in ("Pleadings", "Discovery"):
        scan.scan_box.setText(code_of(window, label))
        scan.scan_box.returnPressed.emit()
    scan.scan_box.setText(code_of(window, "Pleadings"))  # again: already out
    scan.scan_box.returnPressed.emit()
    assert scan.done_count == 2 and scan.failed_count == 1 and scan.scan_box.text() == ""
    assert "checked out to Ken Ito" in scan.results.item(0).text()
    assert volumes.volume(window.state.store, window.ids["Discovery"]).out_to == "Ken Ito (KI)"
    scan.check_in.setChecked(True)
    scan.scan_box.setText("F0000O1")
    scan.scan_box.returnPressed.emit()
    assert "Nearest" in scan.results.item(0).text()
    scan.scan_box.setText(code_of(window, "Discovery"))
    scan.scan_box.returnPressed.emit()
    assert "checked in" in scan.results.item(0).text() and "2 not" in scan.count.text()
    assert scan.count.text() == f"2 checked out, 1 checked in, <b style='color:{WARNING}'>2 not done</b>"
    scan.check_out.setChecked(True)  # the counts stay each mode's own, whichever mode is chosen
    assert scan.count.text().startswith("2 checked out, 1 checked in, ")
    assert (scan.out_count, scan.in_count, scan.done_count) == (2, 1, 3)
    assert not message_boxes


def test_locations_add_inside_rename_and_a_retire_refused_while_files_are_there(window, monkeypatch, message_boxes):
    dialog = LocationsDialog(window.state, window)
    dialog.load()
    assert dialog.tree.topLevelItemCount() == 2
    drawer = dialog.tree.findItems("Drawer 1", Qt.MatchFlag.MatchRecursive)[0]
    assert drawer.text(2) == "3"
    dialog.tree.setCurrentItem(drawer)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Top drawer", True))
    dialog.rename()
    assert locations.location_id_of(window.state.store, "Main office > Cabinet A > Top drawer") == window.drawer
    dialog.tree.setCurrentItem(dialog.tree.findItems("Top drawer", Qt.MatchFlag.MatchRecursive)[0])
    dialog.retire()
    assert [kind for kind, _text in message_boxes] == ["information"]  # said at once: no question first
    assert "3 file(s)" in message_boxes[-1][1]
    assert window.tab(TabKey.FILES).model.rowCount() == 3

    def add(place_dialog):
        place_dialog.name.setText("Drawer 2")
        place_dialog.accept()
        return place_dialog.result()

    monkeypatch.setattr(PlaceDialog, "exec", add)
    dialog.tree.setCurrentItem(dialog.tree.findItems("Cabinet A", Qt.MatchFlag.MatchRecursive)[0])
    dialog.add(top=False)
    assert dialog.tree.currentItem().text(0) == "Drawer 2" and dialog.tree.currentItem().parent().text(0) == "Cabinet A"


def test_print_labels_takes_the_selected_files_and_the_buttons_carry_the_actions(window, qtbot, monkeypatch):
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QToolButton

    from legalsec_desktop.ui.files import labels_dialog

    shown = []
    monkeypatch.setattr(labels_dialog.LabelsDialog, "exec", lambda self: shown.append(self.labels) or 0)
    tab = select(window, "Pleadings")
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    tab.table.selectionModel().select(tab.model.index(tab.model.row_of(window.ids["Discovery"]), 0), flags)
    assert len(tab.selected_ids()) == 2
    buttons = {b.defaultAction().objectName(): b for b in tab.buttons.findChildren(QToolButton) if b.defaultAction()}
    assert {"new_file", "check_out_file", "check_in_file", "print_labels", "scan_files"} <= set(buttons)
    buttons["print_labels"].click()
    assert [sorted(label.barcode_id for label in labels) for labels in shown] == [
        sorted([code_of(window, "Pleadings"), code_of(window, "Discovery")])]
    assert {label.caption for label in shown[0]} == {"Rivera v. Okafor"}


def test_a_run_of_scans_typed_as_a_scanner_types_keeps_the_dialog_open(window, qtbot):
    scan = ScanDialog(window.state, window)
    qtbot.addWidget(scan)
    scan.show()
    qtbot.waitExposed(scan)
    for label in ("Pleadings", "Discovery"):
        volumes.check_out(window.state.store, window.ids[label], CheckOut("Ken Ito"))
    for label in ("Pleadings", "Discovery"):
        qtbot.keyClicks(scan.scan_box, code_of(window, label))
        qtbot.keyClick(scan.scan_box, Qt.Key.Key_Return)  # the scanner's Enter: a scan, never the Close button
        assert scan.isVisible()
    assert scan.results.count() == 2 and "2 checked in" in scan.count.text()


def test_a_file_already_on_hold_is_named_before_typing_and_a_second_reason_is_never_dropped(window, qtbot):
    store = window.state.store
    volumes.set_hold(store, [window.ids["Discovery"]], "Brown subpoena")
    dialog = HoldDialog(window.state, [window.ids["Discovery"]], window)
    qtbot.addWidget(dialog)
    dialog.load()
    assert "Already on hold" in dialog.about.text() and "Brown subpoena" in dialog.about.text()
    dialog.reason.setPlainText("Second hold: audit")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted  # refused, with what to do, and the text kept
    assert "on legal hold already" in dialog.errors.labels["reason"].text()
    assert dialog.reason.toPlainText() == "Second hold: audit"
    assert volumes.volume(store, window.ids["Discovery"]).hold_reason == "Brown subpoena"


def test_labels_for_a_choice_with_a_destroyed_file_are_printed_for_the_others(window, qtbot, monkeypatch):
    from PySide6.QtCore import QItemSelectionModel
    from sqlalchemy import update

    from legalsec_desktop.db.models import FileRecordRow
    from legalsec_desktop.ui.files import labels_dialog

    store = window.state.store
    with store.write() as session:  # as a destruction leaves it (the service's own rules are tested elsewhere)
        session.execute(update(FileRecordRow).where(FileRecordRow.id == window.ids["Discovery"])
                        .values(destroyed_at=store.clock.utc_now()))
    window.state.data_changed.emit(Changed.FILES)
    shown = []
    monkeypatch.setattr(labels_dialog.LabelsDialog, "exec", lambda self: shown.append(self.labels) or 0)
    tab = select(window, "Pleadings")
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    tab.table.selectionModel().select(tab.model.index(tab.model.row_of(window.ids["Discovery"]), 0), flags)
    window.action("print_labels").trigger()
    assert [[label.barcode_id for label in labels] for labels in shown] == [[code_of(window, "Pleadings")]]
    assert window.statusBar().currentMessage() == f"No label for {code_of(window, 'Discovery')}: destroyed."
