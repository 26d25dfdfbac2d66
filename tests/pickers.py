"""Choosing an item in a picker as a user does: a matter picker is filled when first used (ui.common.fill_when_used),
so the picker is clicked first, then the item is chosen."""

from PySide6.QtCore import Qt


def pick(qtbot, combo, data):  # noqa: ANN001, ANN201
    """Click `combo` (which fills a picker read when first used), then choose the item whose data is `data`."""
    qtbot.mouseClick(combo.lineEdit() if combo.isEditable() else combo, Qt.MouseButton.LeftButton)
    combo.hidePopup()
    index = combo.findData(data)
    assert index >= 0 or data is None, f"{data!r} is not in the picker"
    combo.setCurrentIndex(max(0, index))
