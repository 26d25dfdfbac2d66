"""New Letter at a small screen's size: nothing in the fields' column is wider than the column (no field cut off)."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea, QWidget

from legalsec_desktop.services import contacts, letter_packages, letter_templates, matters
from legalsec_desktop.ui.correspondence.letter_dialog import LetterDialog

LONG_CHOICE = "A flat fee for the whole of the work described above, billed in three equal monthly instalments"


@pytest.fixture
def window(make_window):
    window = make_window()
    store = window.state.store
    names = [info.name for info in letter_templates.list_templates(store)]
    letter_packages.save_package(store, "Everything at once", names)
    window.matter_id = next(m for m, _label in matters.matter_choices(store)
                            if len(contacts.list_parties(store, m)) >= 3)
    return window


def _cut_off(dialog):
    """The visible widgets of the fields' column whose right edge is beyond what the column shows."""
    scroll = dialog.findChild(QScrollArea)
    shown = scroll.viewport().width()
    left = scroll.widget()
    return [(type(w).__name__, w.objectName(), getattr(w, "text", lambda: "")())
            for w in left.findChildren(QWidget)
            if w.isVisibleTo(left) and w.mapTo(left, QPoint(w.width(), 0)).x() > shown + 1]


def test_every_template_and_the_package_fit_the_column_at_1024_pixels(window, qtbot):
    dialog = LetterDialog(window.state, window, window.matter_id)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 700)
    dialog.show()
    dialog.load()
    dialog.signer.addItem(LONG_CHOICE, -1)  # a long name in a combo must not widen it
    for row in range(dialog.picker.list.count()):
        dialog.picker.list.setCurrentRow(row)
        for combo_name, combo in [(n, w) for n, w in dialog.asks.fields.items() if hasattr(w, "addItem")]:
            combo.addItem(LONG_CHOICE, LONG_CHOICE)
        dialog.address_wanted = True
        dialog.errors.form.setRowVisible(dialog.address_row, True)
        dialog.signer_note.show()
        qtbot.wait(10)
        dialog.resize(1024, 700)
        assert dialog.findChild(QScrollArea).horizontalScrollBar().isHidden() or \
            not dialog.findChild(QScrollArea).horizontalScrollBar().maximum()
        assert _cut_off(dialog) == [], dialog.picker.list.item(row).text()
