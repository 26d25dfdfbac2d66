"""The shared date and money fields: what they show reads back as itself; what they cannot hold is refused."""

from datetime import date

import pytest
from PySide6.QtCore import QDate

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.ui.common.fields import DateField, MoneyField


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
