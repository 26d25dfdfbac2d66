"""The shared date and money fields: what they show reads back as itself; what they cannot hold is refused."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QTableWidget, QTableWidgetItem

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.ui.common.fields import (
    DateField,
    MoneyField,
    find_anywhere,
    line_edit,
    searchable_combo,
    table_item,
)


def test_the_calendar_offers_only_the_years_a_date_field_accepts(qtbot):
    field = DateField(date(2026, 11, 23))
    qtbot.addWidget(field)
    assert field.calendar.minimumDate() == QDate(1900, 1, 1)
    assert field.calendar.maximumDate() == QDate(2199, 12, 31)
    field._picked(QDate(1900, 1, 1))
    assert field.date("date") == date(1900, 1, 1)


@pytest.mark.parametrize("typed", ["11/23/0026", "0026-11-23", "12/31/9999"])
def test_a_year_outside_the_range_is_refused_and_the_text_kept(qtbot, typed):
    field = DateField()
    qtbot.addWidget(field)
    field.edit.setText(typed)
    with pytest.raises(ValidationError, match="1900 to 2199"):
        field.date("closed_on")
    assert field.text() == typed


def test_a_date_set_in_the_field_reads_back_as_itself(qtbot):
    field = DateField()
    qtbot.addWidget(field)
    for day in (date(1969, 12, 31), date(2069, 1, 1), date(2199, 12, 31)):
        field.set_date(day)
        assert field.date("date") == day


def test_a_money_field_refuses_thousands_of_digits_plainly(qtbot):
    field = MoneyField()
    qtbot.addWidget(field)
    field.setText("9" * 5000)
    with pytest.raises(ValidationError, match="too long"):
        field.cents("rate")
    assert field.text() == "9" * 5000


def test_a_required_date_reads_back_and_a_blank_one_is_refused(qtbot):
    field = DateField(date(2026, 11, 23))
    qtbot.addWidget(field)
    assert field.date("on_date", required=True) == date(2026, 11, 23)
    field.set_date(None)
    assert field.date("on_date") is None
    with pytest.raises(ValidationError, match="Enter a date"):
        field.date("on_date", required=True)


def test_the_calendar_opens_on_the_typed_date(qtbot):
    field = DateField(date(2031, 2, 14))
    qtbot.addWidget(field)
    field._sync_calendar()
    assert field.calendar.selectedDate() == QDate(2031, 2, 14)


def test_an_editable_combo_finds_items_by_any_part_and_has_a_text_box(qtbot):
    combo = searchable_combo()
    qtbot.addWidget(combo)
    completer = combo.completer()
    assert completer is not None and completer.filterMode() == Qt.MatchFlag.MatchContains
    assert completer.completionMode() == QCompleter.CompletionMode.PopupCompletion
    assert line_edit(combo) is combo.lineEdit()
    plain = QComboBox()
    qtbot.addWidget(plain)
    with pytest.raises(ValueError, match="editable"):
        find_anywhere(plain)
    with pytest.raises(ValueError, match="editable"):
        line_edit(plain)


@pytest.mark.parametrize("how", ["popup", "typed"])
def test_a_chosen_item_is_shown_from_its_start_not_the_end_of_a_long_title(qtbot, how):
    from legalsec_desktop.ui.common.fields import fill_combo

    combo = searchable_combo()
    qtbot.addWidget(combo)
    combo.show()
    qtbot.waitExposed(combo)
    long = "2026-0287 — Paul Yamamoto v. Sandra Kelly, a title far longer than the box is wide"
    fill_combo(combo, [(None, ""), (287, long), (288, "2026-0288 — Lee v. Park")])
    edit = line_edit(combo)
    edit.setFocus()
    qtbot.keyClicks(edit, "yamamoto")
    if how == "popup":  # the completer's list: Down to the match, Enter
        qtbot.waitUntil(lambda: combo.completer().popup().isVisible())
        qtbot.keyClick(combo.completer().popup(), Qt.Key.Key_Down)
        qtbot.keyClick(combo.completer().popup(), Qt.Key.Key_Return)
    else:  # Tab or Enter with the typed words meaning one item
        combo.completer().popup().hide()
        edit.editingFinished.emit()
    qtbot.waitUntil(lambda: combo.currentData() == 287 and edit.text() == long)
    qtbot.waitUntil(lambda: edit.cursorPosition() == 0)


def test_a_table_item_is_the_one_put_there_and_a_missing_one_is_a_bug(qtbot):
    table = QTableWidget(1, 2)
    qtbot.addWidget(table)
    item = QTableWidgetItem("Smith")
    table.setItem(0, 0, item)
    assert table_item(table, 0, 0) is item
    with pytest.raises(LookupError, match="row 0, column 1"):
        table_item(table, 0, 1)


def test_a_message_under_a_field_is_shown_whole_the_dialog_growing_for_it(qtbot):
    from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit

    from legalsec_desktop.ui.common.form_errors import FormErrors

    dialog = QDialog()
    qtbot.addWidget(dialog)
    errors = FormErrors(QFormLayout(dialog))
    errors.add_row("code", "Barcode id:", QLineEdit())
    dialog.resize(420, 10)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    errors.show("code", "A barcode id is letters A–Z and digits 0–9 only, up to 20 of them (like F000123). " * 2)
    label = errors.labels["code"]
    assert dialog.height() > before
    assert label.height() >= label.heightForWidth(label.width())  # every line of it
    assert label.mapTo(dialog, label.rect().bottomLeft()).y() <= dialog.height()
