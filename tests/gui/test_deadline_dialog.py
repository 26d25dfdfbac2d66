"""The Deadline Calculator: the matter it is for (selected or typed), its rules, the trigger on the calendar."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import calendar, deadlines, matters
from legalsec_desktop.ui.calendar.deadline_dialog import DeadlineDialog
from legalsec_desktop.ui.common.navigation import TabKey


@pytest.fixture
def window(make_window, tmp_path, two_attorney_firm):
    window = make_window(tmp_path / "calc.db")
    store = window.state.store
    two_attorney_firm(store, "Hale Law")
    window.texas = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                            date(2026, 1, 5), jurisdiction="TX"))
    window.california = matters.create_matter(store, MatterDraft("2026-0009", "Chen v. Pioneer Trucking", "Bo Chen",
                                                                 date(2026, 2, 2), jurisdiction="CA"))
    window.show()
    return window


def calculator(window, qtbot, **kw) -> DeadlineDialog:
    dialog = DeadlineDialog(window.state, window, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def stored(window) -> list[calendar.Occurrence]:
    return calendar.events_between(window.state.store, date(2026, 1, 1), date(2028, 1, 1))


def test_ctrl_shift_d_on_the_matters_tab_takes_that_matter_and_its_rules(window, qtbot, monkeypatch):
    seen = []
    monkeypatch.setattr(DeadlineDialog, "exec", lambda self: seen.append(
        (self.matter.currentData(), self.rules.currentData(), self.add_trigger.isChecked())) or 0)
    window.state.navigate_to(TabKey.MATTERS)
    tab = window.tab(TabKey.MATTERS)
    tab.select_matter(window.texas)
    window.activateWindow()
    tab.table.setFocus()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(tab.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    tab.select_matter(window.california)
    window.findChild(QAction, "deadline_calculator").trigger()
    assert seen == [(window.texas, "TX", True), (window.california, "CA", True)]


def test_a_typed_matter_number_is_taken_with_enter_and_the_deadlines_are_stored_on_it(window, qtbot):
    dialog = calculator(window, qtbot)
    assert dialog.matter.currentData() is None and dialog.rules.currentData() == "US-FED"
    assert dialog.matter.currentText() == ""  # no "(no matter)" text to type after
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.matter.lineEdit().setFocus()
    QTest.keyClicks(dialog.matter.lineEdit(), "2026-0009")
    popup = dialog.matter.completer().popup()  # the matches, none highlighted: Enter goes to the box
    QTest.keyClick(popup if popup.isVisible() else dialog.matter.lineEdit(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.added == []  # Enter took the matter; it saved nothing
    assert dialog.matter.currentData() == window.california and dialog.rules.currentData() == "CA"
    dialog.trigger.edit.setText("12/01/2026")
    dialog.count.setValue(10)
    dialog.title.setText("Opposition due")
    dialog.add_trigger.setChecked(False)
    dialog.add_to_calendar()
    [saved] = stored(window)
    assert (saved.matter_id, saved.title, saved.day) == (window.california, "Opposition due", date(2026, 12, 11))


def test_typing_a_number_then_add_without_enter_still_files_it_on_that_matter(window, qtbot):
    dialog = calculator(window, qtbot)
    dialog.rule_event.setCurrentIndex(dialog.rule_event.findData("answer"))  # US-FED: answer in 21 days
    dialog.matter.lineEdit().setText("2026-0009")
    dialog.add_to_calendar()
    assert dialog.added and {o.matter_id for o in stored(window)} == {window.california}


def test_a_typed_text_that_names_no_matter_is_refused_in_place(window, qtbot):
    dialog = calculator(window, qtbot)
    dialog.title.setText("Opposition due")
    dialog.matter.lineEdit().setText("2031-0404")
    dialog.add_to_calendar()
    assert dialog.added == [] and stored(window) == [] and "No matter is numbered" in dialog.answer.text()
    dialog.matter.lineEdit().setText("v.")  # in both titles
    dialog.add_to_calendar()
    assert stored(window) == [] and "fits 2 matters" in dialog.answer.text()


@pytest.mark.parametrize("answer, saved", [(QMessageBox.StandardButton.No, 0), (QMessageBox.StandardButton.Yes, 2)])
def test_no_matter_is_saved_only_when_the_user_says_so(window, qtbot, monkeypatch, answer, saved):
    asked = []

    def question(parent, title, text, buttons, default):
        asked.append(default)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = calculator(window, qtbot)
    dialog.title.setText("Opposition due")
    dialog.add_to_calendar()
    assert asked == [QMessageBox.StandardButton.No]  # the question defaults to No
    assert len(stored(window)) == saved  # the deadline and its trigger, or nothing
    assert dialog.isVisible() == (saved == 0)


def test_the_trigger_goes_on_the_calendar_linked_to_its_deadlines(window, qtbot):
    dialog = calculator(window, qtbot, matter_id=window.texas)
    assert dialog.rules.currentData() == "TX" and dialog.add_trigger.isChecked()
    dialog.rule_event.setCurrentIndex(dialog.rule_event.findData("answer"))
    assert dialog.trigger_title.text() == "Citation served"
    dialog.trigger.edit.setText("10/01/2026")
    dialog.add_to_calendar()
    assert dialog.trigger_added is not None
    trigger = calendar.load_event(window.state.store, dialog.trigger_added)
    assert (trigger.title, trigger.on_date, trigger.matter_id) == ("Citation served", date(2026, 10, 1), window.texas)
    assert trigger.status == "done"  # it happened: never a reminder pop-up or overdue
    [answer] = calendar.dependents(window.state.store, dialog.trigger_added)
    assert answer.on_date == date(2026, 10, 26)


def test_opened_from_an_event_it_does_not_offer_the_trigger_again(window, qtbot):
    from legalsec_desktop.domain.events import EventDraft

    trigger = deadlines.save_event(window.state.store, EventDraft(window.texas, "hearing", "Motion hearing",
                                                                  date(2027, 1, 4)))
    dialog = calculator(window, qtbot, trigger_id=trigger)
    assert not dialog.add_trigger.isChecked() and not dialog.add_trigger.isVisible()


def test_an_unsettled_holiday_is_named_in_the_answer(window, qtbot):
    dialog = calculator(window, qtbot, matter_id=window.texas)
    dialog.trigger.edit.setText("11/24/2026")
    dialog.count.setValue(30)
    assert "Thu 12/24/2026" in dialog.answer.text()
    assert "May extend to Mon 12/28/2026 if the court was closed on Thu 12/24/2026 (Christmas Eve)" in (
        dialog.answer.text())
