"""The Time tab from the keyboard: entering, editing, locking, bad input, timers, short days and exports."""

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from legalsec_desktop.ui.common import save_paths
from legalsec_desktop.db.models import MatterRow
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.time_entries import TimeDraft
from legalsec_desktop.services import listings, matters, time_entries
from legalsec_desktop.ui.time.time_export_dialogs import LedesDialog, TimesheetDialog
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.navigation import TabKey
from pickers import pick
from legalsec_desktop.ui.time.time_feature import TimeFeature

TODAY = date(2026, 11, 23)  # the day tests/conftest.py pins the program's clock to


@pytest.fixture
def window(hale_window, qtbot):
    window = hale_window
    window.state.data_changed.emit(Changed.ALL)
    window.show()
    window.tabs.setCurrentWidget(window.tab(TabKey.TIME))
    bar = window.tab(TabKey.TIME).entry_bar
    bar.keeper.setCurrentIndex(bar.keeper.findData(window.mary))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def type_entry(bar, qtbot, duration="1h 20m", narrative="Draft the complaint", matter=None):
    pick(qtbot, bar.matter, matter)
    bar.duration.setFocus()
    bar.duration.clear()
    qtbot.keyClicks(bar.duration, duration)
    bar.narrative.clear()
    qtbot.keyClicks(bar.narrative, narrative)
    qtbot.keyClick(bar.narrative, Qt.Key.Key_Return)


def test_an_entry_typed_and_saved_with_enter_then_undone(window, qtbot):
    tab, bar = window.tab(TabKey.TIME), window.tab(TabKey.TIME).entry_bar
    assert bar.rate.text() == "$300.00"  # Mary's rate, filled in for the matter
    type_entry(bar, qtbot, matter=window.rivera)
    assert tab.model.rowCount() == 1
    values = tab.model.data(tab.model.index(0, 3))
    assert values == "1.4"  # 80 minutes billed as 1.4 hours (always up to the next 0.1)
    assert "1.4 hours" in tab.totals_label.text() and "$420.00" in tab.totals_label.text()
    assert bar.duration.text() == "" and bar.matter.currentData() == window.rivera  # ready for the next one
    window.undo_action.trigger()
    assert tab.model.rowCount() == 0
    window.redo_action.trigger()
    assert tab.model.rowCount() == 1


@pytest.mark.parametrize("field, text, message", [
    ("duration", "0", "more than zero"),
    ("duration", "-1", "cannot be negative"),
    ("duration", "tomorrow", "is not a duration"),
    ("day", "02/30/2026", "02/30/2026"),
    ("task", "L999", "“L999” is not a UTBMS task code"),
])
def test_bad_input_is_explained_and_nothing_typed_is_lost(window, qtbot, field, text, message):
    bar = window.tab(TabKey.TIME).entry_bar
    pick(qtbot, bar.matter, window.rivera)
    bar.duration.setText("0.5")
    bar.narrative.setText("Research venue")
    target = {"duration": bar.duration, "day": bar.day.edit, "task": bar.task.lineEdit()}[field]
    target.setText(text)
    assert bar.save() is None
    assert message in bar.message.text() and bar.message.isVisible()
    assert target.text() == text and bar.narrative.text() == "Research venue"
    assert window.tab(TabKey.TIME).model.rowCount() == 0


def test_more_than_a_day_for_one_timekeeper_is_refused(window, qtbot):
    store, bar = window.state.store, window.tab(TabKey.TIME).entry_bar
    time_entries.save_entry(store, TimeDraft(TODAY, window.mary, window.rivera, 20 * 60, 30000, narrative="Trial"))
    pick(qtbot, bar.matter, window.rivera)
    bar.duration.setText("5")
    assert bar.save() is None
    assert "a day has only 24" in bar.message.text() and bar.duration.text() == "5"


def test_a_closed_matter_asks_first(window, qtbot, monkeypatch):
    store, bar = window.state.store, window.tab(TabKey.TIME).entry_bar
    with store.write() as session:
        row = session.get(MatterRow, window.rivera)
        row.status, row.closed_on = "closed", TODAY
    window.state.data_changed.emit(Changed.MATTERS)  # what the Matters tab says when it closes one
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    pick(qtbot, bar.matter, window.rivera)
    bar.duration.setText("0.2")
    assert bar.save() is None and "was closed" in asked[0]
    assert bar.duration.text() == "0.2"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert bar.save() is not None


def test_billed_entries_open_locked(window, qtbot, message_boxes):
    store, tab = window.state.store, window.tab(TabKey.TIME)
    entry_id = time_entries.save_entry(store, TimeDraft(TODAY, window.mary, window.rivera, 30, 30000,
                                                        narrative="Hearing"))
    time_entries.set_status(store, [entry_id], "billed")
    window.state.data_changed.emit(Changed.TIME)
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.entry_bar.editing_id == entry_id
    assert "locked" in tab.entry_bar.message.text() and not tab.entry_bar.save_button.isEnabled()
    tab.delete_selected()
    assert any("locked" in text for _kind, text in message_boxes)
    assert tab.model.rowCount() == 1


def test_edit_mark_final_and_copy_previous(window, qtbot):
    store, tab, bar = window.state.store, window.tab(TabKey.TIME), window.tab(TabKey.TIME).entry_bar
    entry_id = time_entries.save_entry(store, TimeDraft(TODAY, window.mary, window.rivera, 30, 30000,
                                                        task_code="L110", activity_code="A104", narrative="Review"))
    window.state.data_changed.emit(Changed.TIME)
    tab.table.selectRow(0)
    tab.edit_current()
    bar.duration.setText("0.7")
    qtbot.keyClick(bar.duration, Qt.Key.Key_Return)
    assert time_entries.load_entry(store, entry_id).minutes == 42
    window.undo_action.trigger()
    assert time_entries.load_entry(store, entry_id).minutes == 30
    tab.table.selectRow(0)
    tab.set_status("final")
    assert time_entries.load_entry(store, entry_id).status == "final"
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert (bar.editing_id, bar.task.currentData(), bar.narrative.text(), bar.duration.text()) == \
        (None, "L110", "Review", "0.5")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert bar.narrative.text() == "" and bar.day.edit.hasFocus()  # a new entry starts at its date


def test_timers_start_pause_and_stop_into_an_entry(window, qtbot):
    tab, panel = window.tab(TabKey.TIME), window.tab(TabKey.TIME).timers
    bar = tab.entry_bar
    pick(qtbot, bar.matter, window.rivera)
    bar.narrative.setText("Call with opposing counsel")
    panel.start_button.click()
    assert len(panel.timers) == 1 and panel.running() is not None
    running = window.feature(TimeFeature).running_timer
    running.update_text()
    assert running.isVisible() and "2026-0001" in running.text()
    panel.toggle_button.click()
    assert panel.running() is None and not running.isVisible()
    panel.stop_button.click()
    assert panel.timers == [] and tab.model.rowCount() == 1
    assert bar.editing_id is not None and bar.narrative.text() == "Call with opposing counsel"
    assert "draft entry" in bar.message.text()


def test_short_days_lead_to_the_day(window, qtbot):
    tab = window.tab(TabKey.TIME)
    monday = TODAY - timedelta(days=TODAY.weekday() + 7)  # last week's Monday, with no time yet
    tab.period.setCurrentText("Last week")
    days = tab.short_days.days
    texts = [days.item(i).text() for i in range(days.count())]
    assert any(text.startswith(f"Mon {monday:%m/%d/%Y}") and "MAH" in text for text in texts)
    item = next(days.item(i) for i in range(days.count())
                if days.item(i).text().startswith(f"Mon {monday:%m/%d/%Y}  MAH"))
    days.itemActivated.emit(item)  # double-clicked
    assert tab.filters.first == tab.filters.last == monday and tab.filters.timekeeper_id == window.mary
    assert tab.entry_bar.day.date("d") == monday and tab.entry_bar.keeper.currentData() == window.mary


def test_export_timesheet_and_ledes_from_the_window(window, qtbot, monkeypatch, tmp_path):
    store = window.state.store
    time_entries.save_entry(store, TimeDraft(TODAY, window.mary, window.rivera, 30, 30000, narrative="Hearing prep"))
    answers = iter([str(tmp_path / "sheet"), str(tmp_path / "invoice")])
    monkeypatch.setattr(save_paths, "ask_user", lambda *a, **k: (next(answers), ""))
    dialogs = []
    monkeypatch.setattr(TimesheetDialog, "exec", lambda self: dialogs.append(self) or self.load() or self.export()
                        or self.result())
    monkeypatch.setattr(LedesDialog, "exec", lambda self: dialogs.append(self) or self.load() or self.export()
                        or self.result())
    window.tab(TabKey.TIME).export_button.click()
    assert dialogs[0].saved == tmp_path / "sheet.xlsx"
    detail = load_workbook(tmp_path / "sheet.xlsx")["Detail"]
    assert detail["L2"].value == "Hearing prep" and detail["G2"].value == 150.0
    assert "Saved 1 time entries" in window.statusBar().currentMessage()
    dialogs[0].deleteLater()
    pick(qtbot, window.tab(TabKey.TIME).matter_filter, window.rivera)
    window.action("export_ledes").trigger()
    assert dialogs[1].saved == tmp_path / "invoice.txt"
    assert (tmp_path / "invoice.txt").read_text("ascii").startswith("LEDES1998B[]\n")
    assert listings.time_totals(store).amount_cents == 15000


def test_billing_settings_reach_the_entry_bar(window, qtbot):
    """A timekeeper's daily target and LEDES class (Settings), a client's rate and increment (contact), and a
    matter that needs UTBMS codes (Edit Matter) are saved where the time rules read them."""
    from legalsec_desktop.services import contacts, firm
    from legalsec_desktop.ui.matters.contact_dialog import ContactDialog
    from legalsec_desktop.ui.matters.matter_dialog import MatterDialog
    from legalsec_desktop.ui.settings.settings_dialog import CLASS, TARGET, SettingsDialog

    store = window.state.store
    settings = SettingsDialog(window.state, parent=window)
    qtbot.addWidget(settings)
    settings.load()  # as showing it does
    settings.keepers.item(0, TARGET).setText("25")
    settings.accept()
    assert "Hours a day" in settings.errors.labels["timekeepers"].text()
    settings.keepers.item(0, TARGET).setText("7.5")
    classes = settings.keepers.cellWidget(0, CLASS)
    assert [classes.itemData(i) for i in range(classes.count())] == [
        "PARTNR", "ASSOC", "OFCNSL", "PARLGL", "LGLAST", "OTHER"]  # LEDES codes only: no blank, no ATTY
    assert classes.currentData() == "OTHER"  # what a timekeeper nobody classified has
    classes.setCurrentIndex(classes.findData("PARTNR"))
    settings.tax_id.setText("24-6437381")
    settings.accept()
    profile = firm.load_profile(store)
    mary = next(k for k in profile.timekeepers if k.initials == "MAH")
    assert (mary.daily_target_minutes, mary.classification, profile.tax_id) == (450, "PARTNR", "24-6437381")

    client_id = store_client(store, window.rivera)
    dialog = ContactDialog(window.state, window, client_id)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.rate.setText("200")
    dialog.increment.setCurrentIndex(dialog.increment.findData(15))
    dialog.accept()
    saved = contacts.load_contact(store, client_id)
    assert (saved.rate_override_cents, saved.billing_increment_minutes) == (20000, 15)

    editor = MatterDialog(window.state, window, window.rivera)
    qtbot.addWidget(editor)
    editor.load()
    editor.utbms.setChecked(True)
    editor.accept()
    terms = time_entries.terms(store, window.mary, window.rivera)
    assert (terms.rate_cents, terms.increment, terms.codes_required) == (20000, 15, True)
    bar = window.tab(TabKey.TIME).entry_bar
    pick(qtbot, bar.matter, window.rivera)
    bar._fill_rate()
    assert bar.rate.text() == "$200.00"
    bar.duration.setText("0.5")
    assert bar.save() is None and "choose a task code" in bar.message.text()


def store_client(store, matter_id):  # noqa: ANN001, ANN201
    with store.read() as session:
        return session.get(MatterRow, matter_id).client_id


def test_a_running_timer_is_in_the_status_bar_when_the_program_opens(make_window, tmp_path, two_attorney_firm):
    from legalsec_desktop.db.store import open_store
    from legalsec_desktop.services import timers

    path = tmp_path / "timers.db"
    store = open_store(path)
    mary, _ken = two_attorney_firm(store)
    matter = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5)))
    timers.start_timer(store, mary, matter, "Deposition prep")
    store.close()
    window = make_window(path)  # the Calendar tab shows; the Time tab has not been opened
    window.show()
    running = window.feature(TimeFeature).running_timer
    running.update_text()
    assert running.isVisible() and "Deposition prep" in running.text()


def test_a_timer_started_without_a_matter_takes_the_entry_bars_matter_when_stopped(window, qtbot, message_boxes):
    tab, panel = window.tab(TabKey.TIME), window.tab(TabKey.TIME).timers
    bar = tab.entry_bar
    bar.matter.setCurrentIndex(0)
    panel.start_button.click()
    panel.stop_button.click()
    assert any("Choose the matter in the entry bar" in text for _kind, text in message_boxes)
    assert len(panel.timers) == 1  # nothing lost
    pick(qtbot, bar.matter, window.rivera)
    panel.stop_button.click()
    assert panel.timers == [] and time_entries.load_entry(window.state.store, bar.editing_id).matter_id == window.rivera


def test_export_dialogs_pass_ids_not_labels(window, qtbot, monkeypatch, tmp_path):
    """A matter numbered with the combo's own separator ("LAW — 12") beside one numbered "LAW": the dialogs
    carry ids, so each export names the matter chosen."""
    store = window.state.store
    odd = matters.create_matter(store, MatterDraft("LAW — 12", "Estate of Lee", "Bo Lee", date(2026, 1, 5)))
    law = matters.create_matter(store, MatterDraft("LAW", "Lee lease", "Bo Lee", date(2026, 1, 5)))
    time_entries.save_entry(store, TimeDraft(TODAY, window.mary, odd, 30, 30000, narrative="Probate filing"))
    time_entries.save_entry(store, TimeDraft(TODAY, window.ken, law, 60, 30000, narrative="Lease review"))
    sheet = TimesheetDialog(window.state, window, TODAY, TODAY, window.mary, odd)
    qtbot.addWidget(sheet)
    assert sheet.keeper.count() == 0 and not sheet.save_button.isEnabled()  # nothing read before it is shown
    sheet.load()
    assert sheet.keeper.currentData() == window.mary and sheet.matter.currentData() == odd
    assert {sheet.keeper.itemData(i) for i in range(sheet.keeper.count())} == {None, window.mary, window.ken}
    scope = sheet.scope()
    assert (scope.timekeeper_id, scope.matter_id, scope.timekeeper, scope.matter) == (window.mary, odd, "", "")
    monkeypatch.setattr(save_paths, "ask_user", lambda *a, **k: (str(tmp_path / "sheet"), ""))
    sheet.export()
    detail = load_workbook(tmp_path / "sheet.xlsx")["Detail"]
    assert [row[11] for row in detail.iter_rows(min_row=2, values_only=True) if row[11]] == ["Probate filing"]
    invoice = LedesDialog(window.state, window, odd, TODAY.replace(day=1), TODAY)
    qtbot.addWidget(invoice)
    invoice.export()  # not shown yet, so no matter is chosen: nothing is asked or written
    assert invoice.saved is None and invoice.matter.count() == 0
    invoice.show()
    import threading

    from legalsec_desktop.services import timesheet

    writers = []
    real_write = timesheet.write_ledes
    monkeypatch.setattr(timesheet, "write_ledes", lambda *a: writers.append(threading.current_thread()) or
                        real_write(*a))
    names = []
    monkeypatch.setattr(save_paths, "ask_user",
                        lambda _parent, _title, name, *a, **k: names.append(name) or (str(tmp_path / "bill"), ""))
    invoice.export()
    text = (tmp_path / "bill.txt").read_text("ascii")
    assert "Probate filing" in text and "Lease review" not in text
    assert names[0].endswith(f"LEDES LAW — 12 {TODAY:%Y-%m}.txt")
    assert writers and writers[0] is not threading.main_thread()  # written off the UI thread


def test_ledes_dialog_says_the_firm_needs_a_taxpayer_id(make_window, tmp_path, two_attorney_firm, qtbot, monkeypatch):
    window = make_window(tmp_path / "no tax id.db")
    store = window.state.store
    mary, _ken = two_attorney_firm(store, "Hale Law", tax_id="")
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", TODAY))
    time_entries.save_entry(store, TimeDraft(TODAY, mary, rivera, 30, 30000, narrative="Hearing prep"))
    asked = []
    monkeypatch.setattr(save_paths, "ask_user", lambda *a, **k: asked.append(a) or (str(tmp_path / "x"), ""))
    invoice = LedesDialog(window.state, window, rivera, TODAY.replace(day=1), TODAY)
    qtbot.addWidget(invoice)
    invoice.show()
    assert "taxpayer ID" in invoice.errors.labels["law_firm_id"].text()  # said before anything is tried
    assert invoice.errors.labels["law_firm_id"].isVisibleTo(invoice)
    invoice.export()
    assert "taxpayer ID is empty" in invoice.errors.labels["law_firm_id"].text()
    assert asked == [] and invoice.saved is None and not (tmp_path / "x.txt").exists()


def test_ledes_dialog_warns_before_saving_a_cut_name(window, qtbot, monkeypatch, tmp_path):
    from legalsec_desktop.db.models import TimekeeperRow

    store = window.state.store
    with store.write() as session:
        session.get(TimekeeperRow, window.mary).name = "Alexandra Montgomery-Castellanos"
    time_entries.save_entry(store, TimeDraft(TODAY, window.mary, window.rivera, 30, 30000, narrative="Prep"))
    monkeypatch.setattr(save_paths, "ask_user", lambda *a, **k: (str(tmp_path / "bill"), ""))
    shown = []
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save])
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text) or next(answers))
    invoice = LedesDialog(window.state, window, window.rivera, TODAY.replace(day=1), TODAY)
    qtbot.addWidget(invoice)
    invoice.show()
    assert invoice.law_firm_id.text() == "24-6437381" and not invoice.errors.labels["law_firm_id"].isVisibleTo(invoice)
    invoice.export()  # Cancel: nothing written
    assert "longer than 30 characters" in shown[0] and invoice.saved is None and not (tmp_path / "bill.txt").exists()
    invoice.export()  # Save
    assert invoice.saved == tmp_path / "bill.txt"
    assert "|Montgomery-Castellanos, Alexan|" in (tmp_path / "bill.txt").read_text("ascii")


def test_ctrl_n_starts_a_new_entry_at_its_date_ready_to_be_typed_over(window, qtbot):
    bar = window.tab(TabKey.TIME).entry_bar
    bar.narrative.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert bar.day.edit.hasFocus() and bar.day.edit.selectedText() == "11/23/2026"
    qtbot.keyClicks(bar.day.edit, "11/20/2026")
    assert bar.day.text() == "11/20/2026"


@pytest.mark.parametrize("typed", ["2026-0002", "pioneer", "Pioneer Trucking"])
def test_a_matter_typed_by_number_or_client_name_is_taken_with_enter(window, qtbot, typed):
    store, tab, bar = window.state.store, window.tab(TabKey.TIME), window.tab(TabKey.TIME).entry_bar
    pioneer = matters.create_matter(store, MatterDraft("2026-0002", "Formation of a subsidiary",
                                                       "Pioneer Trucking Co.", date(2026, 2, 1)))
    window.state.data_changed.emit(Changed.ALL)
    pick(qtbot, bar.matter, window.rivera)  # chosen before: the typing must win
    bar.duration.setText("0.5")
    bar.narrative.setText("Call with the client")
    bar.matter.setFocus()
    bar.matter.lineEdit().selectAll()
    qtbot.keyClicks(bar.matter.lineEdit(), typed)
    qtbot.keyClick(bar.matter.lineEdit(), Qt.Key.Key_Return)
    assert tab.model.rowCount() == 1
    saved = time_entries.load_entry(store, tab.model.id_at(0))
    assert saved.matter_id == pioneer


def test_a_typed_matter_that_means_several_or_none_is_not_saved_to_the_one_chosen_before(window, qtbot):
    store, tab, bar = window.state.store, window.tab(TabKey.TIME), window.tab(TabKey.TIME).entry_bar
    matters.create_matter(store, MatterDraft("2026-0002", "Rivera estate", "Ana Rivera", date(2026, 2, 1)))
    window.state.data_changed.emit(Changed.ALL)
    pick(qtbot, bar.matter, window.rivera)
    bar.duration.setText("0.5")
    for typed in ("Rivera", "no such matter"):
        bar.matter.lineEdit().setText(typed)
        qtbot.keyClick(bar.narrative, Qt.Key.Key_Return)
        assert tab.model.rowCount() == 0
        assert bar.message.isVisible() and typed in bar.message.text()
        assert bar.matter.currentText() == typed  # nothing typed is cleared


def test_the_matter_pickers_read_the_matters_when_first_used(window, qtbot):
    """Thousands of matters are not read into the entry bar and the filter when the tab is shown: on first click or
    focus of either they both are, again after matters change, and before an entry's matter is shown."""
    store, tab, bar = window.state.store, window.tab(TabKey.TIME), window.tab(TabKey.TIME).entry_bar
    assert bar.matter.count() <= 1 and tab.matter_filter.count() == 1  # the blank and "Every matter" only
    qtbot.mouseClick(tab.matter_filter.lineEdit(), Qt.MouseButton.LeftButton)
    assert tab.matter_filter.findData(window.rivera) > 0 and bar.matter.findData(window.rivera) > 0
    pioneer = matters.create_matter(store, MatterDraft("2026-0002", "Formation of a subsidiary",
                                                       "Pioneer Trucking Co.", date(2026, 2, 1)))
    window.state.data_changed.emit(Changed.MATTERS)
    qtbot.waitUntil(lambda: not tab.stale)
    assert bar.matter.findData(pioneer) < 0  # not read again until used
    entry = time_entries.save_entry(store, TimeDraft(TODAY, window.mary, pioneer, 30, 25000, narrative="Call"))
    window.state.data_changed.emit(Changed.TIME)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    bar.edit(entry)
    assert bar.matter.currentData() == pioneer  # read before the entry's matter was shown
    typed = bar.matter.lineEdit()
    typed.selectAll()
    qtbot.keyClicks(typed, "pioneer")  # found by its client's name
    assert search_words(bar.matter, pioneer) == "Pioneer Trucking Co."


def search_words(combo, data):  # noqa: ANN001, ANN201
    from legalsec_desktop.ui.common.fields import ALSO_FOUND_BY

    return combo.itemData(combo.findData(data), ALSO_FOUND_BY)
