"""The Calendar tab and its dialogs: views, bad input, court-closed and double-booking warnings, series,
the deadline calculator, verification, reminders, .ics import and undo."""

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt

from legalsec_desktop.ui.common import save_paths
from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import calendar, deadlines, matters
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.services.rows import EventFilters
from legalsec_desktop.ui.calendar.deadline_dialog import DeadlineDialog
from legalsec_desktop.ui.calendar.event_dialog import EventDialog
from legalsec_desktop.ui.calendar.ics_dialogs import ImportPreview
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.calendar.calendar_feature import CalendarFeature

NY = "America/New_York"
TODAY = date(2026, 11, 23)  # the day tests/conftest.py pins the program's clock to


@pytest.fixture
def window(make_window, tmp_path, two_attorney_firm):
    window = make_window(tmp_path / "cal.db")
    store = window.state.store
    window.mary, window.ken = two_attorney_firm(store, "Hale Law")
    window.matter = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                             date(2026, 1, 5), responsible_attorney_id=window.mary))
    window.show()
    window.tabs.setCurrentIndex(0)
    return window


def open_dialog(window, qtbot, **kw) -> EventDialog:
    dialog = EventDialog(window.state, window.undo_stack, window, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(dialog, title="Hearing on motion", day="12/02/2026", start="9:00 AM", end="10:00 AM", kind="hearing"):
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.title.setText(title)
    dialog.on_date.edit.setText(day)
    dialog.all_day.setChecked(not start)
    dialog.start.setText(start)
    dialog.end.setText(end)
    dialog.tz.setCurrentText(NY)


def test_every_view_shows_the_event_and_navigation_moves(window, qtbot):
    store = window.state.store
    today = TODAY
    deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "File brief", today))
    tab = window.tab(TabKey.CALENDAR)
    for view in range(5):
        tab.set_view(view)
        if view < 4:
            assert [o.title for o in tab.occurrences] == ["File brief"]
    assert tab.model.rowCount() == 1  # the List view
    tab.set_view(0)
    tab.step(1)
    assert tab.anchor.month == (today.month % 12) + 1
    tab.step(1)  # two months on: no month grid reaches back to today (next month's may start in this one)
    assert tab.occurrences == []
    tab.go_today()
    assert tab.anchor == today and len(tab.occurrences) == 1
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findText("Hearing"))
    assert tab.occurrences == [] and tab.filters == EventFilters(kinds=("hearing",)) == tab.current_filters()
    assert tab.model.rowCount() == 0 and "match" in tab.count_label.text()  # the list follows the same filter
    tab.kind_filter.setCurrentIndex(0)
    assert tab.filters == EventFilters() and tab.model.rowCount() == 1
    tab.filter_box.setText("brief")  # applied after a short pause in typing
    qtbot.waitUntil(lambda: len(tab.occurrences) == 1)
    tab.filter_box.setText("nothing like it")
    qtbot.waitUntil(lambda: tab.occurrences == [])


def test_every_view_finds_names_however_they_are_accented_or_cased(window, qtbot):
    """The views fold the search as the List view's stored keys are: "ozturk" finds "ÖZTÜRK" in all five."""
    store = window.state.store
    deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "Reply to ÖZTÜRK", TODAY))
    deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "File brief", TODAY))
    tab = window.tab(TabKey.CALENDAR)
    tab.filter_box.setText("ozturk reply")
    for view in range(5):
        tab.set_view(view)
        if view < 4:
            qtbot.waitUntil(lambda: [o.title for o in tab.occurrences] == ["Reply to ÖZTÜRK"])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)  # the List view finds the same one
    tab.filter_box.setText("Öztürk  BRIEF")  # every word must match, as in the list
    tab.set_view(2)
    qtbot.waitUntil(lambda: tab.occurrences == [])


def test_month_view_double_click_opens_the_item(window, qtbot, monkeypatch):
    store = window.state.store
    deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "File brief", TODAY))
    tab = window.tab(TabKey.CALENDAR)
    tab.set_view(0)
    tab.month.repaint()
    opened = []
    tab.open_event.disconnect()
    tab.open_event.connect(opened.append)
    rect, occ = tab.month._hits[0]
    qtbot.mouseDClick(tab.month, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened and opened[0].title == "File brief"


@pytest.mark.parametrize(("change", "field", "words"), [
    (dict(end="8:00 AM"), "start", "ends before it starts"),
    (dict(day="02/30/2026"), "on_date", "no such day"),
    (dict(day="03/08/2026", start="2:30 AM", end=""), "start", "does not exist"),
    (dict(day="11/01/2026", start="1:30 AM", end=""), "start", "happens twice"),
    (dict(start="25:00"), "start", "not a time"),
    (dict(title=""), "title", "Enter a title"),
])
def test_bad_input_is_explained_beside_the_field_and_kept(window, qtbot, change, field, words):
    dialog = open_dialog(window, qtbot)
    fill(dialog, **change)
    dialog.save()
    label = dialog.errors.labels[field]
    assert label.isVisible() and words in label.text()
    assert dialog.isVisible() and dialog.title.text() == change.get("title", "Hearing on motion")
    assert calendar.events_between(window.state.store, date(2026, 1, 1), date(2027, 1, 1)) == []


def test_a_hearing_on_a_court_holiday_offers_the_next_court_day(window, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(EventDialog, "_ask", lambda self, icon, title, text, choices: asked.append(text) or "move")
    dialog = open_dialog(window, qtbot)
    fill(dialog, day="11/26/2026")
    dialog.save()
    assert "Thanksgiving Day" in asked[0]
    assert calendar.load_event(window.state.store, dialog.saved_id).on_date == date(2026, 11, 27)


def test_double_booking_warns_and_cancel_saves_nothing(window, qtbot, monkeypatch):
    store = window.state.store
    deadlines.save_event(store, EventDraft(window.matter, "deposition", "Depo of plaintiff", date(2026, 12, 2), False,
                                           time(9, 30), time(11), NY, attendee_ids=(window.mary,)))
    asked = []
    monkeypatch.setattr(EventDialog, "_ask", lambda self, icon, title, text, choices: asked.append(text) or None)
    dialog = open_dialog(window, qtbot)
    fill(dialog)
    dialog.attending.item(0).setCheckState(Qt.CheckState.Checked)  # attorneys are listed by name: Ken, Mary
    dialog.attending.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.save()
    assert "Depo of plaintiff" in asked[0] and dialog.saved_id is None and dialog.isVisible()
    assert len(calendar.events_between(store, date(2026, 12, 2), date(2026, 12, 3))) == 1


def test_changing_one_occurrence_of_a_series(window, qtbot, monkeypatch):
    store = window.state.store
    series = deadlines.save_event(store, EventDraft(window.matter, "meeting", "Team call", date(2026, 12, 1), False,
                                                    time(9), time(9, 30), NY, rrule="FREQ=WEEKLY;COUNT=3"))
    monkeypatch.setattr(EventDialog, "_ask", lambda self, icon, title, text, choices: "one")
    dialog = open_dialog(window, qtbot, event_id=series, occurrence=date(2026, 12, 8))
    assert dialog.on_date.text() == "12/08/2026"
    dialog.start.setText("2:00 PM")
    dialog.end.setText("2:30 PM")
    dialog.save()
    found = {(o.day, o.start.time()) for o in calendar.events_between(store, date(2026, 12, 1), date(2026, 12, 31))}
    assert found == {(date(2026, 12, 1), time(9)), (date(2026, 12, 8), time(14)), (date(2026, 12, 15), time(9))}


def test_calculator_adds_linked_deadlines_that_show_their_derivation(window, qtbot):
    store = window.state.store
    trigger = deadlines.save_event(store, EventDraft(window.matter, "hearing", "Motion hearing", date(2027, 1, 4)))
    dialog = DeadlineDialog(window.state, window, trigger_id=trigger)
    qtbot.addWidget(dialog)
    assert dialog.answer.text() == "" and dialog.matter.count() == 0  # nothing read before it is shown
    dialog.add_to_calendar()
    assert dialog.added == [] and calendar.dependents(store, trigger) == []
    dialog.load()
    assert dialog.trigger.text() == "01/04/2027" and dialog.matter.currentData() == window.matter
    dialog.rule_event.setCurrentIndex(dialog.rule_event.findData("motion-hearing"))
    dialog.service.setCurrentIndex(dialog.service.findData("mail"))
    assert "Fri 12/18/2026" in dialog.answer.text() and "FRCP 6(d)" in dialog.steps.toPlainText()
    dialog.add_to_calendar()
    assert len(dialog.added) == 2
    assert [d.on_date for d in calendar.dependents(store, trigger)] == [date(2026, 12, 18), date(2026, 12, 24)]
    shown = open_dialog(window, qtbot, event_id=dialog.added[0])
    assert "FRCP 6(c)(1)" in shown.derivation.toPlainText() and shown.derivation.isVisible()


def test_calculator_explains_bad_input_in_place(window, qtbot):
    dialog = DeadlineDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.show()  # reads and computes on first showing
    assert "Due" in dialog.answer.text()
    dialog.trigger.edit.setText("02/30/2026")
    assert "no such day" in dialog.answer.text() and not dialog.add_button.isEnabled()
    dialog.trigger.edit.setText("03/02/2026")
    dialog.unit.setCurrentIndex(dialog.unit.findData("hours"))
    dialog.trigger_time.setText("9:00 AM")
    assert "Due" in dialog.answer.text() and dialog.add_button.isEnabled()
    dialog.rules.setCurrentIndex(dialog.rules.findData("CA"))
    dialog.unit.setCurrentIndex(dialog.unit.findData("days"))
    dialog.trigger.edit.setText("01/05/2031")
    assert "warning" in dialog.answer.text() and "No holiday calendar" in dialog.steps.toPlainText()


def test_verify_from_the_attention_list(window, qtbot, monkeypatch):
    store = window.state.store
    event_id = deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "File brief",
                                                      TODAY + timedelta(days=30)))
    tab = window.tab(TabKey.CALENDAR)
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.attention_pending)  # read off the UI thread
    item = next(tab.attention.item(i) for i in range(tab.attention.count())
                if tab.attention.item(i).data(Qt.ItemDataRole.UserRole))
    item.setSelected(True)
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("mah", True))
    window.feature(CalendarFeature).verify_selected()
    assert calendar.load_event(store, event_id).verified_by == "MAH"
    qtbot.waitUntil(lambda: not tab.attention_pending)
    assert tab.attention_counts["Unverified deadlines"] == 0


def test_reminders_notify_once_and_dismiss_with_undo(window, qtbot):
    store = window.state.store
    deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "File brief",
                                           TODAY + timedelta(days=3)))
    window.state.data_changed.emit(Changed.EVENTS)  # as the event form does after saving
    feature = window.feature(CalendarFeature)
    tab = window.tab(TabKey.CALENDAR)
    feature.check_reminders()  # read off the UI thread, then told
    qtbot.waitUntil(lambda: feature.reminder_box is not None and feature.reminder_box.isVisible())
    assert [r.occurrence.title for r in feature.last_told] == ["File brief"]
    assert "File brief" in feature.reminder_box.text()
    reads = tab._attention_reads
    feature.check_reminders()
    assert feature.last_told == []  # not again this session
    assert tab._attention_reads == reads  # nothing changed: the panel's reading served, not read again
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.attention_pending)
    for i in range(tab.attention.count()):
        data = tab.attention.item(i).data(Qt.ItemDataRole.UserRole)
        if data and data[2] is not None:
            tab.attention.item(i).setSelected(True)
    feature.dismiss_selected()
    qtbot.waitUntil(lambda: not tab.attention_pending)
    assert tab.attention_counts["Reminders"] == 0
    window.undo_stack.undo()
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.attention_pending)
    assert tab.attention_counts["Reminders"] == 1


def test_event_dialog_reads_the_event_on_first_showing_and_never_saves_blanks(window, qtbot):
    store = window.state.store
    event_id = deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "File brief",
                                                      date(2026, 12, 4), notes="Two copies"))
    dialog = EventDialog(window.state, window.undo_stack, window, event_id=event_id)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "" and dialog.matter.count() == 0  # the constructor only builds widgets
    assert not dialog.save_button.isEnabled()
    dialog.save()  # a form never filled from the event saves nothing over it
    assert calendar.load_event(store, event_id).title == "File brief" and dialog.saved_id is None
    dialog.show()
    assert dialog.loaded and dialog.title.text() == "File brief" and dialog.notes.toPlainText() == "Two copies"
    assert dialog.matter.currentData() == window.matter and dialog.save_button.isEnabled()
    dialog.hide()
    dialog.title.setText("File reply brief")
    dialog.show()  # shown again: what was typed stays, nothing is read over it
    assert dialog.title.text() == "File reply brief"


def test_an_event_deleted_meanwhile_is_a_message_not_a_traceback(window, qtbot, message_boxes):
    store = window.state.store
    event_id = deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "File brief",
                                                      date(2026, 12, 4)))
    calendar.delete_event(store, event_id)
    window.feature(CalendarFeature)._event_dialog(event_id=event_id)  # the feature reads it before showing
    assert len(message_boxes) == 1 and message_boxes[0][1].startswith("Cannot open the event")
    dialog = EventDialog(window.state, window.undo_stack, window, event_id=event_id)
    qtbot.addWidget(dialog)
    dialog.show()  # any other caller: the same message, and the dialog closes instead of showing blanks
    assert len(message_boxes) == 2
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert not dialog.loaded and dialog.title.text() == ""
    window.feature(CalendarFeature).deadline_calculator(event_id)  # computing from a trigger that went
    assert len(message_boxes) == 3 and message_boxes[2][1].startswith("Cannot open the deadline calculator")


def test_court_days_and_reminders_read_on_first_showing_and_never_save_blanks(window, qtbot):
    from legalsec_desktop.services import reminders
    from legalsec_desktop.ui.calendar.calendar_settings_dialog import CalendarSettingsDialog

    store = window.state.store
    deadlines.add_closure(store, date(2026, 12, 24), "", "Closed for the holiday")
    before = reminders.load_leads(store)
    dialog = CalendarSettingsDialog(window.state, window)
    qtbot.addWidget(dialog)
    assert dialog.closures.rowCount() == 0 and dialog.leads["hearing"].text() == ""  # nothing read yet
    assert not dialog.save_button.isEnabled()
    dialog.save()  # blank fields are not the settings: every reminder stays
    assert reminders.load_leads(store) == before and not dialog.isVisible()
    dialog.show()
    assert dialog.closures.rowCount() == 1 and dialog.closures.item(0, 2).text() == "Closed for the holiday"
    assert dialog.leads["hearing"].text() != "" and dialog.save_button.isEnabled()
    dialog.leads["hearing"].setText("9, 2")
    dialog.save()
    assert reminders.load_leads(store)["hearing"] == (9, 2)


def test_delete_is_undoable(window, qtbot, message_boxes):
    store = window.state.store
    event_id = deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "File brief",
                                                      date(2026, 12, 4)))
    dialog = open_dialog(window, qtbot, event_id=event_id)
    dialog.delete_button.click()
    assert calendar.events_between(store, date(2026, 12, 1), date(2026, 12, 31)) == []
    window.undo_stack.undo()
    assert len(calendar.events_between(store, date(2026, 12, 1), date(2026, 12, 31))) == 1


def test_ics_import_preview_saves_only_the_ticked_events(window, qtbot, tmp_path):
    from legalsec_desktop.services import ical

    path = tmp_path / "in.ics"
    path.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nDTSTART;VALUE=DATE:20261204\n"
                    "SUMMARY:Answer deadline\nEND:VEVENT\nBEGIN:VEVENT\nUID:2\n"
                    "DTSTART;TZID=America/New_York:20261207T100000\nDTEND;TZID=America/New_York:20261207T110000\n"
                    "SUMMARY:Mediation\nRRULE:FREQ=WEEKLY;COUNT=2\nEND:VEVENT\nEND:VCALENDAR\n", encoding="utf-8")
    preview = ImportPreview(window.state, ical.read_ics(path, NY).events, path.name, window, window.matter)
    qtbot.addWidget(preview)
    preview.run_import()  # not shown yet: its matters are not read, so nothing can be imported
    assert calendar.events_between(window.state.store, date(2026, 12, 1), date(2026, 12, 31)) == []
    assert preview.matter.count() == 0 and not preview.import_button.isEnabled()
    preview.load()
    assert preview.matter.currentData() == window.matter and preview.import_button.isEnabled()
    assert preview.table.rowCount() == 2 and preview.table.item(1, 3).text() == "Appointment / meeting"
    preview.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    preview.run_import()
    found = calendar.events_between(window.state.store, date(2026, 12, 1), date(2026, 12, 31))
    assert [(o.title, o.day, o.matter_id) for o in found] == [("Mediation", date(2026, 12, 7), window.matter),
                                                              ("Mediation", date(2026, 12, 14), window.matter)]


def test_ics_import_preview_lists_the_events_it_cannot_import_with_their_lines(window, qtbot, tmp_path):
    """One bad event does not stop the others: the preview offers the good ones and names the bad by line."""
    from PySide6.QtWidgets import QLabel

    from legalsec_desktop.services import ical

    path = tmp_path / "in.ics"
    path.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTART;VALUE=DATE:20261204\nSUMMARY:Answer deadline\n"
                    "END:VEVENT\nBEGIN:VEVENT\nUID:2\nDTSTART:20261205T100000Z\nDTSTART:20261206T100000Z\n"
                    "SUMMARY:Twice\nEND:VEVENT\nEND:VCALENDAR\n", encoding="utf-8")
    reading = ical.read_ics(path, NY)
    preview = ImportPreview(window.state, reading.events, path.name, window, window.matter, reading.skipped)
    qtbot.addWidget(preview)
    assert preview.table.rowCount() == 1
    texts = " ".join(label.text() for label in preview.findChildren(QLabel))
    assert "1 event cannot be imported" in texts and "line 7: event “Twice” skipped: it has 2 DTSTART" in texts


def test_ics_export_and_import_run_off_the_ui_thread(window, qtbot, tmp_path, monkeypatch):
    """File ▸ Export and Import Calendar write, read and save behind a progress dialog, on a worker thread."""
    import threading


    from legalsec_desktop.services import ical
    from legalsec_desktop.ui.calendar import ics_dialogs

    store = window.state.store
    deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "File brief", date(2026, 12, 4)))
    threads = []
    for name in ("export_ics", "read_ics", "import_events"):
        real = getattr(ical, name)

        def spy(*args, real=real, **kwargs):
            threads.append(threading.current_thread() is threading.main_thread())
            return real(*args, **kwargs)

        monkeypatch.setattr(ical, name, spy)
    monkeypatch.setattr(save_paths, "ask_user", lambda *a, **k: (str(tmp_path / "out.ics"), ""))
    message = ics_dialogs.export_calendar(window.state, window, calendar.Filters())
    assert message and "Exported 1 event to" in message and (tmp_path / "out.ics").exists()
    calendar.delete_event(store, calendar.events_between(store, date(2026, 12, 1), date(2026, 12, 31))[0].event_id)
    monkeypatch.setattr(save_paths, "ask_user", lambda *a, **k: (str(tmp_path / "out.ics"), ""))

    def accept(dialog):
        dialog.load()
        dialog.run_import()
        return dialog.result()

    monkeypatch.setattr(ics_dialogs.ImportPreview, "exec", accept)
    message = ics_dialogs.import_calendar(window.state, window)
    assert message == "Imported 1 event from out.ics."
    assert [o.title for o in calendar.events_between(store, date(2026, 12, 1), date(2026, 12, 31))] == [
        "File brief [2026-0001]"]  # the export names the matter in the title
    assert threads == [False, False, False]  # none of the three ran on the UI thread


def test_calendar_layout_is_remembered(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "layout.db")
    window.tab(TabKey.CALENDAR).set_view(3)
    window.save_layout()
    again = make_window(tmp_path / "layout.db")
    assert again.tab(TabKey.CALENDAR).current_view() == 3


def test_ics_import_preview_saves_a_moved_occurrence_as_a_change_of_its_series(window, qtbot, tmp_path):
    """A Google series with one meeting moved: imported, deleting the series takes the moved meeting with it."""
    from legalsec_desktop.services import ical

    path = tmp_path / "moved.ics"
    path.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:s@google.com\nSUMMARY:Status call\n"
                    "DTSTART;TZID=America/New_York:20261201T090000\nDTEND;TZID=America/New_York:20261201T093000\n"
                    "RRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT\nBEGIN:VEVENT\nUID:s@google.com\nSUMMARY:Status call\n"
                    "RECURRENCE-ID;TZID=America/New_York:20261208T090000\n"
                    "DTSTART;TZID=America/New_York:20261209T110000\nDTEND;TZID=America/New_York:20261209T113000\n"
                    "END:VEVENT\nEND:VCALENDAR\n", encoding="utf-8")
    preview = ImportPreview(window.state, ical.read_ics(path, NY).events, path.name, window, window.matter)
    qtbot.addWidget(preview)
    preview.load()
    preview.run_import()
    store = window.state.store
    shown = calendar.events_between(store, date(2026, 12, 1), date(2026, 12, 31))
    assert [(o.day, o.start.hour) for o in shown] == [(date(2026, 12, 1), 9), (date(2026, 12, 9), 11),
                                                      (date(2026, 12, 15), 9)]
    calendar.delete_event(store, shown[0].event_id)
    assert calendar.events_between(store, date(2026, 12, 1), date(2026, 12, 31)) == []


def test_the_needs_attention_panel_is_read_off_the_ui_thread(window, qtbot, monkeypatch):
    import threading

    from legalsec_desktop.ui.calendar import attention, calendar_tab

    tab = window.tab(TabKey.CALENDAR)
    qtbot.waitUntil(lambda: not tab.attention_pending)
    release, threads = threading.Event(), []

    def slow_read(*args):
        threads.append(threading.current_thread())
        release.wait(10)
        return attention.read_attention(*args)

    monkeypatch.setattr(calendar_tab, "read_attention", slow_read)
    tab.refresh()  # returns while the panel is still being read: the window keeps taking input
    assert tab.attention_pending and tab.stack.currentIndex() >= 0
    release.set()
    qtbot.waitUntil(lambda: not tab.attention_pending)
    assert threads and threads[0] is not threading.main_thread()
    assert set(tab.attention_counts) == {"Overdue", "To do", "Files to return", "Reminders", "Unverified deadlines"}


def test_the_database_closes_only_after_a_reading_of_it_ends(window, qtbot, monkeypatch):
    import threading

    from legalsec_desktop.ui.calendar import attention, calendar_tab

    tab = window.tab(TabKey.CALENDAR)
    qtbot.waitUntil(lambda: not tab.attention_pending)
    store, order = window.state.store, []

    def slow_read(*args):
        found = attention.read_attention(*args)
        threading.Event().wait(0.3)
        order.append("read")
        return found

    monkeypatch.setattr(calendar_tab, "read_attention", slow_read)
    close = store.close
    monkeypatch.setattr(store, "close", lambda: order.append("closed") or close())
    tab.refresh()
    window.state.set_store(None)  # e.g. a restore from backup, while the panel is being read
    assert order == ["read", "closed"]
    qtbot.waitUntil(lambda: not tab.attention_pending)  # ended, its result dropped: the next check reads again
    assert tab.attention_counts == {"Overdue": 0, "To do": 0, "Files to return": 0, "Reminders": 0,
                                    "Unverified deadlines": 0}  # the earlier reading


def test_the_matter_filter_reads_its_matters_when_first_used(window, qtbot):
    """Thousands of matters are not read into the filter at every refresh: on first click or focus they are."""
    tab = window.tab(TabKey.CALENDAR)
    tab.refresh()
    assert [tab.matter_filter.itemText(i) for i in range(tab.matter_filter.count())] == ["Every matter"]
    qtbot.mouseClick(tab.matter_filter, Qt.MouseButton.LeftButton)
    tab.matter_filter.hidePopup()
    assert tab.matter_filter.findData(window.matter) > 0
    tab.matter_filter.setCurrentIndex(tab.matter_filter.findData(window.matter))
    matters.create_matter(window.state.store, MatterDraft("2026-0002", "Lee v. Park", "Dana Lee", date(2026, 1, 6)))
    window.state.data_changed.emit(Changed.MATTERS)
    tab.refresh()
    assert tab.current_filters().matter_id == window.matter  # the choice stands while the list waits
    qtbot.mouseClick(tab.matter_filter, Qt.MouseButton.LeftButton)
    tab.matter_filter.hidePopup()
    assert tab.matter_filter.count() == 3 and tab.current_filters().matter_id == window.matter


def test_closing_the_window_closes_the_reminders_box(window, qtbot):
    deadlines.save_event(window.state.store, EventDraft(window.matter, "filing deadline", "File brief",
                                                        TODAY + timedelta(days=3)))
    window.state.data_changed.emit(Changed.EVENTS)
    feature = window.feature(CalendarFeature)
    feature.check_reminders()
    qtbot.waitUntil(lambda: feature.reminder_box is not None and feature.reminder_box.isVisible())
    window.remember_layout = False
    window.close()
    assert not feature.reminder_box.isVisible()  # else the program would run on with no window


def test_reminders_read_after_the_window_closed_show_no_box(window, qtbot):
    deadlines.save_event(window.state.store, EventDraft(window.matter, "filing deadline", "File brief",
                                                        TODAY + timedelta(days=3)))
    window.state.data_changed.emit(Changed.EVENTS)
    feature = window.feature(CalendarFeature)
    window.remember_layout = False
    window.close()
    feature.check_reminders()  # the answer comes back from its thread after the close
    qtbot.waitUntil(lambda: [r.occurrence.title for r in feature.last_told] == ["File brief"])
    assert feature.reminder_box is None  # no box to keep the program running with no window
