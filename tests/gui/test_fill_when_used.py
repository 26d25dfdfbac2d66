"""Pickers filled when first used (ui.common.fill_when_used): not when shown; on a click, the focus or a key; once
until due again; at once when the program asks (now)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from legalsec_desktop.ui.common.fields import fill_combo, searchable_combo
from legalsec_desktop.ui.common.fill_when_used import FillWhenUsed


def make(qtbot):  # noqa: ANN001, ANN201
    holder = QWidget()
    editable, plain = searchable_combo(), QComboBox()
    for combo in (editable, plain):
        combo.addItem("Every matter", None)
    QVBoxLayout(holder).addWidget(editable)
    holder.layout().addWidget(plain)
    qtbot.addWidget(holder)
    fills = []

    def fill() -> None:
        fills.append(len(fills))
        for combo in (editable, plain):
            fill_combo(combo, [(None, "Every matter"), *((n, f"2026-{n:04d}") for n in range(1, 4 + len(fills)))],
                       combo.currentData())

    choices = FillWhenUsed((editable, plain), fill, holder)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, editable, plain, choices, fills


def test_nothing_is_read_until_a_picker_is_used_then_once(qtbot):
    _holder, editable, plain, choices, fills = make(qtbot)
    choices.due()
    assert fills == [] and editable.count() == plain.count() == 1
    qtbot.mouseClick(editable.lineEdit(), Qt.MouseButton.LeftButton)
    assert fills == [0] and editable.count() == plain.count() == 5  # both pickers from one reading
    qtbot.mouseClick(editable.lineEdit(), Qt.MouseButton.LeftButton)
    plain.setFocus()
    assert fills == [0]  # not again while nothing changed


def test_a_key_typed_first_finds_the_items_and_due_reads_them_again(qtbot):
    _holder, editable, plain, choices, fills = make(qtbot)
    choices.due()
    editable.lineEdit().setFocus()
    qtbot.keyClicks(editable.lineEdit(), "2026-0003")
    assert fills and editable.findData(3) > 0
    plain.setCurrentIndex(plain.findData(2))
    choices.due()  # matters changed: read again at the next use, keeping the choice
    qtbot.mouseClick(plain, Qt.MouseButton.LeftButton)
    plain.hidePopup()
    assert len(fills) == 2 and plain.count() == 6 and plain.currentData() == 2


def test_the_program_fills_at_once_before_choosing_an_item(qtbot):
    _holder, editable, _plain, choices, fills = make(qtbot)
    choices.now()
    assert fills == []  # nothing due
    choices.due()
    choices.now()
    assert fills == [0] and editable.findData(2) > 0
