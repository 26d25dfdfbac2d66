"""The Matters tab and its dialogs: bad input kept and explained, conflict checks, parties, the log, undo."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from legalsec_desktop.ui.common import save_paths
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import communications, conflicts, contacts, listings, matters
from legalsec_desktop.ui.matters.conflict_dialog import ConflictCheckDialog
from legalsec_desktop.ui.matters.contacts_window import ContactsWindow
from legalsec_desktop.ui.correspondence.log_dialog import LogDialog
from legalsec_desktop.ui.matters.matter_dialog import MatterDialog
from legalsec_desktop.ui.matters.party_dialog import PartyDialog
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.services.rows import MatterFilters


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window(tmp_path / "new.db")
    store = window.state.store
    first = matters.create_matter(store, MatterDraft("2026-0001", "Smith v. Jones", "John Smith", date(2026, 1, 5),
                                                     adverse_names=("ACME Incorporated",)))
    window.first_id = first
    window.show()
    window.tabs.setCurrentIndex(1)
    window.tab(TabKey.MATTERS).refresh()
    return window


def new_dialog(window, qtbot):
    dialog = MatterDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize(("fill", "field", "words"), [
    ({"title": ""}, "title", "Enter a title"),
    ({"client": ""}, "client_name", "client's name"),
    ({"number": "2026-0001"}, "number", "already used"),
    ({"status": "closed", "closed": "01/01/2025"}, "closed_on", "before it opened"),
    ({"opened": "02/30/2026"}, "opened_on", "no such day"),
    ({"client": "x" * 301}, "client_name", "longer than 300"),
    ({"rate": "lots"}, "rate_override_cents", "not an amount"),
])
def test_bad_input_is_explained_beside_the_field_and_kept(window, qtbot, fill, field, words):
    dialog = new_dialog(window, qtbot)
    dialog.title_edit.setText("Doe v. Roe")
    dialog.client.setText("Jo Doe")
    for key, value in fill.items():
        if key == "status":
            dialog.status.setCurrentIndex(dialog.status.findData(value))
        elif key in ("closed", "opened"):
            getattr(dialog, key).edit.setText(value)
        else:
            {"title": dialog.title_edit, "client": dialog.client, "number": dialog.number,
             "rate": dialog.rate}[key].setText(value)
    before = listings.list_ids(window.state.store, "matters")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    label = dialog.errors.labels[field]
    assert label.isVisible() and words in label.text()
    assert listings.list_ids(window.state.store, "matters") == before
    for key, value in fill.items():  # nothing typed is lost
        if key in ("title", "client", "number", "rate"):
            assert {"title": dialog.title_edit, "client": dialog.client, "number": dialog.number,
                    "rate": dialog.rate}[key].text() == value


def test_non_latin_and_right_to_left_names_are_saved_and_shown(window, qtbot):
    dialog = new_dialog(window, qtbot)
    dialog.title_edit.setText("مريم الحسيني v. 北京贸易有限公司")
    dialog.client.setText("مريم الحسيني")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    window.tab(TabKey.MATTERS).select_matter(dialog.matter_id)
    detail = window.tab(TabKey.MATTERS).detail
    assert "مريم الحسيني" in detail.heading.text() and "北京贸易有限公司" in detail.heading.text()
    model = window.tab(TabKey.MATTERS).model
    row = model.row_of(dialog.matter_id)
    assert model.data(model.index(row, 2)) == "مريم الحسيني"


def test_a_new_client_who_was_an_adversary_needs_a_decision(window, qtbot, monkeypatch, message_boxes):
    seen = {}

    def decide(choice):
        def run(dialog):
            seen["hits"] = [(h.contact_name, h.role, h.likely) for h in dialog.hits]
            seen["red"] = dialog.table.item(0, 0).text()
            dialog.decision_group.button(["cleared", "waived", "declined"].index(choice)).setChecked(True)
            dialog.notes.setText("Consent letters on file." if choice == "waived" else "")
            dialog.save_decision()
            return dialog.result()
        return run

    dialog = new_dialog(window, qtbot)
    dialog.title_edit.setText("Acme v. Smith")
    dialog.client.setText("Acme Inc.")
    monkeypatch.setattr(ConflictCheckDialog, "exec", decide("declined"))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert seen["hits"][0] == ("ACME Incorporated", "opposing party", True) and seen["red"] == "LIKELY CONFLICT"
    assert "not opened" in message_boxes[-1][1] and dialog.client.text() == "Acme Inc."
    assert conflicts.list_checks(window.state.store)[0].decision == "declined"

    monkeypatch.setattr(ConflictCheckDialog, "exec", decide("waived"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    latest = conflicts.list_checks(window.state.store)[0]
    assert latest.decision == "waived"
    assert conflicts.load_check(window.state.store, latest.id).matter_id == dialog.matter_id


def test_no_hits_opens_at_once_and_records_a_cleared_check(window, qtbot):
    dialog = new_dialog(window, qtbot)
    dialog.title_edit.setText("Estate of Zed")
    dialog.client.setText("Zed Quimby")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    check = conflicts.load_check(window.state.store, conflicts.list_checks(window.state.store)[0].id)
    assert check.decision == "cleared" and check.hits == [] and check.matter_id == dialog.matter_id


def test_closing_opens_the_checklist_which_names_open_deadlines(window, qtbot, monkeypatch):
    from legalsec_desktop.db.models import EventRow
    from legalsec_desktop.ui.matters.closing_dialog import ClosingDialog

    with window.state.store.write() as session:
        session.add(EventRow(matter_id=window.first_id, kind="response deadline", title="Answer due",
                             on_date=date(2026, 12, 1)))
    seen = []

    def cancel(closer):
        closer.load()
        seen.append(closer.not_done())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ClosingDialog, "exec", cancel)
    dialog = MatterDialog(window.state, window, window.first_id)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.status.setCurrentIndex(dialog.status.findData("closed"))
    assert dialog.closed.text()  # the closing date is filled in with today
    dialog.accept()
    assert "No deadlines left open" in seen[-1] and dialog.result() != QDialog.DialogCode.Accepted
    assert matters.load_matter(window.state.store, window.first_id).status == "open"


def test_add_party_checks_conflicts_and_remove_can_be_undone(window, qtbot, monkeypatch):
    tab = window.tab(TabKey.MATTERS)
    tab.select_matter(window.first_id)
    assert tab.detail.matter_id == window.first_id
    dialog = PartyDialog(window.state, window.first_id, "2026-0001", window, role="witness")
    qtbot.addWidget(dialog)
    dialog.name.setText("Wanda Witness")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert conflicts.list_checks(window.state.store)[0].context == "Party added to 2026-0001"
    tab.detail.tabs.setCurrentIndex(1)
    names = [tab.detail.parties.item(r, 0).text() for r in range(tab.detail.parties.rowCount())]
    assert "Wanda Witness" in names
    tab.detail.parties.selectRow(names.index("Wanda Witness"))
    tab.detail.remove_party()
    assert "Wanda Witness" not in [p.name for p in contacts.list_parties(window.state.store, window.first_id)]
    assert "Undo" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert "Wanda Witness" in [p.name for p in contacts.list_parties(window.state.store, window.first_id)]
    window.redo_action.trigger()
    assert "Wanda Witness" not in [p.name for p in contacts.list_parties(window.state.store, window.first_id)]


def test_the_party_buttons_act_on_the_parties_shown_and_names_stay_text(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from legalsec_desktop.ui.matters.contact_dialog import ContactDialog

    store = window.state.store
    marked = matters.create_matter(store, MatterDraft("2026-0002", "In re <b>Smith & Co</b>", "<b>Smith & Co</b>",
                                                      date(2026, 2, 1)))
    window.state.data_changed.emit(Changed.MATTERS)
    tab = window.tab(TabKey.MATTERS)
    tab.select_matter(marked)
    detail = tab.detail
    assert "&lt;b&gt;Smith &amp; Co&lt;/b&gt;" in detail.overview.text() and "<b>Smith" not in detail.overview.text()
    assert "&lt;b&gt;Smith &amp; Co&lt;/b&gt;" in detail.heading.text()
    contacts.add_party(store, marked, "Okafor Ltd", "opposing party")
    window.state.data_changed.emit(Changed.PARTIES)
    assert detail.tabs.tabText(1) == "Parties (2)"
    assert [detail.parties.item(r, 1).text() for r in range(2)] == ["Client", "Opposing party"]
    checked = []
    monkeypatch.setattr(ConflictCheckDialog, "exec", lambda dialog: 0)  # the window opens it; not shown here
    detail.conflict_check_requested.connect(lambda client, adverse: checked.append((client, adverse)))
    detail.check_parties()
    assert checked == [(("<b>Smith & Co</b>",), ("Okafor Ltd",))]

    offered = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _parent, _title, _label, labels, current, _editable: offered.append(labels[current])
                        or ("Witness", True))
    detail.parties.selectRow(1)
    detail.change_role()
    assert offered == ["Opposing party"]  # the role shown is the one offered first
    assert [p.role for p in contacts.list_parties(store, marked)] == ["client", "witness"]
    assert detail.parties.item(1, 1).text() == "Witness"

    opened = []
    monkeypatch.setattr(ContactDialog, "exec", lambda dialog: opened.append(dialog.contact_id) or 0)
    detail.parties.selectRow(0)
    detail.edit_contact()
    assert opened == [contacts.list_parties(store, marked)[0].contact_id]


def test_ctrl_l_logs_a_call_on_the_selected_matter_with_its_time(window, qtbot, monkeypatch):
    from legalsec_desktop.domain.firm import Timekeeper
    from legalsec_desktop.services.firm import load_profile, save_profile

    profile = load_profile(window.state.store)
    save_profile(window.state.store, profile.__class__(**{**profile.__dict__, "name": "F",
                                                         "timekeepers": (Timekeeper("Ann Lee", "AL", 30000),)}))
    window.tab(TabKey.MATTERS).select_matter(window.first_id)
    opened = {}

    def fill(dialog):
        dialog.load()  # as exec() does
        opened["matter"] = dialog.chosen_matter()
        dialog.with_whom.setCurrentText("John Smith")
        dialog.subject.setText("Deposition dates")
        dialog.time_box.setChecked(True)
        dialog.duration.setText("1h 20m")
        dialog.accept()
        if dialog.result() != QDialog.DialogCode.Accepted:
            dialog.duration.setText("0.3")
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr(LogDialog, "exec", fill)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert opened["matter"] == window.first_id
    log = communications.matter_log(window.state.store, window.first_id)
    assert log and log[0].with_whom == "John Smith" and log[0].subject == "Deposition dates"
    assert "time entry" in window.statusBar().currentMessage()
    with window.state.store.read() as session:
        from legalsec_desktop.db.models import TimeEntryRow

        entry = session.query(TimeEntryRow).one()
        assert entry.minutes == 80 and entry.narrative == "Telephone call with John Smith re Deposition dates"


def test_log_dialog_keeps_bad_input(window, qtbot):
    dialog = LogDialog(window.state, window, window.first_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.with_whom.setCurrentText("John Smith")
    dialog.subject.setText("Call back")
    dialog.follow_up.edit.setText("13/45/2026")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.labels["follow_up_on"].isVisible()
    assert dialog.subject.text() == "Call back" and dialog.follow_up.text() == "13/45/2026"
    assert communications.matter_log(window.state.store, window.first_id) == []


def test_contacts_window_filters_by_alias_and_delete_is_undone(window, qtbot, qtmodeltester):
    from legalsec_desktop.domain.contacts import ContactDraft

    contact_id = contacts.save_contact(window.state.store, ContactDraft("Maria Gonzalez",
                                                                       aliases=(("Maria Lopez", "married name"),)))
    people = ContactsWindow(window.state, window.undo_stack, window)
    qtbot.addWidget(people)
    people.show()
    qtmodeltester.check(people.model)
    people.filter_box.setText("lopez")
    people.refresh()
    assert people.model.rowCount() == 1
    people.table.selectRow(0)
    assert people.selected_id() == contact_id
    people.delete_contact()
    assert people.model.rowCount() == 0
    window.undo_action.trigger()
    assert people.model.rowCount() == 1


def test_conflict_check_dialog_runs_records_and_saves_reports(window, qtbot, tmp_path, monkeypatch):

    dialog = ConflictCheckDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.run_check()
    assert dialog.names_error.isVisible() and dialog.check_id is None
    dialog.adverse_edit.setPlainText("Smith, Jon")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.adverse_edit.setFocus()
    qtbot.keyClick(dialog.adverse_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.check_id is not None and dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "LIKELY CONFLICT"
    dialog.save_decision()
    assert dialog.decision_error.isVisible()
    dialog.decision_group.button(0).setChecked(True)
    dialog.save_decision()
    assert conflicts.load_check(window.state.store, dialog.check_id).decision == "cleared"
    for kind in ("pdf", "docx"):
        target = tmp_path / f"conflict.{kind}"
        monkeypatch.setattr(save_paths, "ask_user", lambda *a, t=target: (str(t), ""))
        assert dialog.save_report(kind) == target
        assert target.stat().st_size > 1000 and f"Report saved to {target}" in dialog.summary.text()
    assert target.read_bytes()[:2] == b"PK"
    assert (tmp_path / "conflict.pdf").read_bytes()[:5] == b"%PDF-"
    dialog.tabs.setCurrentIndex(1)
    assert dialog.history.rowCount() == 1  # the empty run was refused, not recorded
    dialog.history.selectRow(0)
    dialog.open_selected_check()
    assert dialog.adverse_edit.toPlainText() == "Smith, Jon"


def test_the_conflict_report_is_written_off_the_ui_thread_and_a_full_disk_is_explained(window, qtbot, tmp_path,
                                                                                       monkeypatch, message_boxes):
    import threading


    from legalsec_desktop.domain.errors import StorageFullError
    from legalsec_desktop.ui.common import report_print

    dialog = ConflictCheckDialog(window.state, window, adverse=("Smith, Jon",))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.run_check()
    target = tmp_path / "conflict.docx"
    monkeypatch.setattr(save_paths, "ask_user", lambda *a: (str(target), ""))
    real_save, threads = conflicts.save_report_as_word, []

    def save(store, check_id, path):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread())
        real_save(store, check_id, path)

    monkeypatch.setattr(conflicts, "save_report_as_word", save)
    assert dialog.save_report("docx") == target and target.read_bytes()[:2] == b"PK"
    assert threads and threads[0] is not threading.main_thread()

    def full(*_args):  # noqa: ANN202
        raise StorageFullError("The disk is full, so the report was not saved.")

    monkeypatch.setattr(conflicts, "save_report_as_word", full)
    previewed = []
    monkeypatch.setattr(report_print, "print_preview", lambda _parent, report: previewed.append(report))
    dialog.print_button.click()  # read off the UI thread too, then previewed
    assert [r.title for r in previewed] == [conflicts.report_for(window.state.store, dialog.check_id).title]
    said = dialog.summary.text()
    assert dialog.save_report("docx") is None
    assert message_boxes[-1] == ("warning", "Report not saved: The disk is full, so the report was not saved.")
    assert dialog.summary.text() == said and target.read_bytes()[:2] == b"PK"  # the earlier file is untouched


def test_matters_tab_filters_and_detail_links(window, qtbot):
    tab = window.tab(TabKey.MATTERS)
    matters.create_matter(window.state.store, MatterDraft("2026-0002", "Estate of Lee", "Bo Lee", date(2026, 3, 1),
                                                          practice_area="Estate planning", status="pending"))
    window.state.data_changed.emit(Changed.MATTERS)
    assert tab.model.rowCount() == 2
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("pending"))
    assert tab.model.rowCount() == 1 and "1 matter match" in tab.count_label.text()
    assert tab.filters == MatterFilters(status="pending") and tab.list_filters() is tab.filters  # what the list reads
    tab.status_filter.setCurrentIndex(0)
    tab.area_filter.setCurrentIndex(tab.area_filter.findData("Estate planning"))
    assert tab.model.rowCount() == 1 and tab.filters == MatterFilters(practice_area="Estate planning")
    tab.area_filter.setCurrentIndex(0)
    assert tab.filters == MatterFilters() and "match" not in tab.count_label.text()
    tab.select_matter(window.first_id)
    tab.detail.overview.linkActivated.emit("tab:time")  # the overview's "Time tab" link is clicked
    assert window.current_tab() is TabKey.TIME and window.tab(TabKey.TIME).filters.matter_id == window.first_id
    tab.detail.overview.linkActivated.emit("tab:correspondence")  # the register, filtered to the matter
    register = window.tab(TabKey.CORRESPONDENCE)
    assert window.current_tab() is TabKey.CORRESPONDENCE and register.filter_box.text() == ""
    assert register.list_filters().matter_id == window.first_id
    assert register.register_filters.matter.currentData() == window.first_id
