"""The questions a template asks, as a typed form: a date field, an amount, a choice, text. What was typed is kept
when the template changes, so a question two templates share is answered once."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from legalsec_desktop.domain.letter_asks import Ask
from legalsec_desktop.ui.common.fields import DateField
from legalsec_desktop.ui.common.form_errors import FormErrors

CHOICE_LENGTH = 16  # the characters a choice shows before it is cut (the whole choice is in its list)


def narrow(combo: QComboBox, length: int = CHOICE_LENGTH) -> None:
    """Never let a combo grow to its longest item: a long choice would push it out of its column."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(length)


class AsksForm(QWidget):
    """`set_asks(asks)` builds a field per question; `answers()` is name -> typed text (converted by the service)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        # each question is a row of its own above its field: a question can be a sentence, and beside its field
        # it would push the field out of the dialog's left column
        self.errors = FormErrors(self.form)
        self.asks: list[Ask] = []
        self.fields: dict[str, QWidget] = {}
        self.typed: dict[str, str] = {}  # every answer typed so far, kept across templates
        self.none_label = QLabel(self.tr("This template asks nothing more."))
        self.none_label.setStyleSheet("color: #666;")

    def set_asks(self, asks: Sequence[Ask]) -> None:
        self.typed.update(self.answers())
        while self.form.rowCount():
            self.form.removeRow(0)
        self.errors = FormErrors(self.form)
        self.asks, self.fields = list(asks), {}
        self.none_label = QLabel(self.tr("This template asks nothing more."))
        self.none_label.setStyleSheet("color: #666;")
        self.none_label.setWordWrap(True)
        if not self.asks:
            self.form.addRow(self.none_label)
        for ask in self.asks:
            widget = self._field(ask, self.typed.get(ask.name, ""))
            widget.setObjectName(f"ask_{ask.name}")
            self.fields[ask.name] = widget
            question = QLabel(f"{ask.question}:")
            question.setWordWrap(True)  # a long question wraps within the column, over its whole width
            question.setBuddy(widget)
            self.form.addRow(question)
            self.errors.add_row(ask.name, None, widget)

    def _field(self, ask: Ask, typed: str) -> QWidget:
        if ask.kind == "date":
            date_field = DateField(placeholder="MM/DD/YYYY")
            date_field.edit.setText(typed)
            date_field.changed.connect(self.changed)
            return date_field
        if ask.kind == "choice":
            combo = QComboBox()
            narrow(combo)
            combo.addItem("", "")
            for choice in ask.choices:
                combo.addItem(choice, choice)
            combo.setCurrentIndex(max(0, combo.findData(typed)))
            combo.currentIndexChanged.connect(self.changed)
            return combo
        placeholder = {"amount": self.tr("1,500.00"), "number": self.tr("a number")}.get(ask.kind, "")
        edit = QLineEdit(typed, placeholderText=placeholder)
        edit.textChanged.connect(self.changed)
        return edit

    def answers(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, DateField):
                found[name] = widget.text()
            elif isinstance(widget, QComboBox):
                found[name] = widget.currentData() or ""
            elif isinstance(widget, QLineEdit):
                found[name] = widget.text()
        return found

    def set_answer(self, name: str, text: str) -> None:
        widget = self.fields.get(name)
        if isinstance(widget, DateField):
            widget.edit.setText(text)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(text)))
        elif isinstance(widget, QLineEdit):
            widget.setText(text)
        self.typed[name] = text

    def missing(self) -> list[Ask]:
        """The questions not answered yet."""
        answers = self.answers()
        return [ask for ask in self.asks if not answers.get(ask.name, "").strip()]

    def mark_missing(self) -> int:
        """Say "Answer this" under each unanswered question, focus the first; how many there are."""
        missing = self.missing()
        for ask in reversed(missing):
            self.errors.show(ask.name, self.tr("Answer this: the letter needs it."))
        return len(missing)

    def show_error(self, name: str, message: str) -> bool:
        """Show a message under the question `name`; False when no question has that name."""
        if name not in self.fields:
            return False
        self.errors.show(name, message)
        return True
