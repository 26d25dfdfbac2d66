"""Messages shown right under the field they are about, in red, until the field is fixed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.ui.common.errors import show_problem


def _room_for(label: QLabel) -> None:
    """Grow the dialog the message is in, when it is too short to show the message whole (never shrink it)."""
    window = label.window()
    layout = window.layout()
    if not window.isWindow() or layout is None:
        return
    layout.activate()
    width = window.width()
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    if window.height() < needed:
        window.resize(width, needed)


class FormErrors:
    """Adds fields to a QFormLayout, each with a hidden error line beneath it."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add_row(self, key: str, label: str | None, widget: QWidget, form: QFormLayout | None = None) -> None:
        """`label` None: the field spans the whole row (its label is a row of its own, above it)."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"{key}Error")
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        if label is None:
            (form or self.form).addRow(holder)
        else:
            (form or self.form).addRow(label, holder)
        self.labels[key], self.widgets[key] = error, widget

    def show(self, key: str, message: str) -> None:
        """Show `message` under the field `key` (or under the first field if unknown) and focus it."""
        base = key.split("[")[0]
        target = base if base in self.labels else next(iter(self.labels))
        self.labels[target].setText(message)
        self.labels[target].show()
        self.widgets[target].setFocus()
        _room_for(self.labels[target])

    def clear(self) -> None:
        for label in self.labels.values():
            label.hide()
            label.clear()

    def attempt(self, parent: QWidget, title: str, save: Callable[[], object]) -> bool:
        """Run `save`; on a problem, explain it (beside the field if it has one) and return False.

        Nothing the user typed is touched, so they can correct it and try again.
        """
        self.clear()
        try:
            save()
        except ValidationError as exc:
            self.show(exc.field, exc.message)
            return False
        except UserFixableError as exc:
            show_problem(parent, exc, title)
            return False
        return True
