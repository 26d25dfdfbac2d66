"""Adding a Word file as a letter template: its name, and each mail-merge field it holds mapped to one of ours (the
guess shown, the ones not guessed to choose: one of our fields, "Ask when drafting" or "Leave out"); what the check
found is listed before anything is added."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.letter_fields import every_field
from legalsec_desktop.services import letter_templates
from legalsec_desktop.services.template_adding import ask_name
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.form_errors import FormErrors

ASK, LEAVE_OUT = "\x00ask", ""
REVIEW = "border: 2px solid #c77700;"  # a guess to look at (amber), not an error


def field_choices(merge_name: str) -> list[tuple[str, str]]:
    """(value, label) of a merge field's mapping combo: ask, leave out, then each of our fields."""
    return ([("\x00choose", "— choose —"), (ASK, f"Ask when drafting (ask.{ask_name(merge_name)})"),
             (LEAVE_OUT, "Leave out")] + [(dotted, f"{dotted} — {about}") for dotted, about in every_field()])


class TemplateAddDialog(QDialog):
    """`added` is the AddedTemplate once added."""

    def __init__(self, state: AppState, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.source = state, source
        self.added: letter_templates.AddedTemplate | None = None
        self.setWindowTitle(self.tr("Add Template — %s") % source.name)
        self.resize(760, 520)
        self.preview = letter_templates.preview_add(source)
        self.name = QLineEdit(source.stem)
        self.name.setObjectName("templateName")
        self.found = QLabel()
        self.found.setObjectName("addFindings")
        self.found.setWordWrap(True)
        self.table = QTableWidget(len(self.preview.merge_fields), 2)
        self.table.setObjectName("mergeTable")
        self.table.setHorizontalHeaderLabels([self.tr("Mail-merge field in the document"), self.tr("Becomes")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(0, 240)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.combos: dict[str, QComboBox] = {}
        for row, merge in enumerate(self.preview.merge_fields):
            self.table.setItem(row, 0, QTableWidgetItem(merge))
            combo = QComboBox()
            combo.setObjectName(f"map_{merge}")
            for value, label in field_choices(merge):
                combo.addItem(label, value)
            guess = self.preview.guessed.get(merge)
            # a field not recognised is asked when drafting, as the check below says; marked for a look, and the
            # user may choose one of our fields instead
            combo.setCurrentIndex(max(0, combo.findData(guess if guess is not None else ASK)))
            if guess is None:
                combo.setStyleSheet(REVIEW)
                combo.setToolTip(self.tr("Not recognised: asked when drafting. Choose one of our fields if it is "
                                         "one."))
                combo.currentIndexChanged.connect(lambda _i, c=combo: c.setStyleSheet(""))
            self.table.setCellWidget(row, 1, combo)
            self.combos[merge] = combo
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("name", self.tr("&Name:"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton(self.tr("&Add Template"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.found)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setVisible(bool(self.preview.merge_fields))
        self._describe()

    def _describe(self) -> None:
        lines = []
        if self.preview.problem:
            lines.append(f"<span style='color:#b00020'>{html.escape(self.preview.problem)}</span>")
            self.add_button.setEnabled(False)
        check = self.preview.check
        if self.preview.merge_fields:
            unguessed = sum(1 for merge in self.preview.merge_fields if self.preview.guessed.get(merge) is None)
            count = len(self.preview.merge_fields)
            lines.append(html.escape(
                (self.tr("It holds 1 mail-merge field; it becomes our field as shown.") if count == 1 else
                 self.tr("It holds %d mail-merge fields; they become our fields as shown.") % count)
                + (" " + (self.tr("1 was not recognised (marked in orange): it is asked when drafting, unless you "
                                  "choose one of our fields for it.") if unguessed == 1 else
                          self.tr("%d were not recognised (marked in orange): they are asked when drafting, unless "
                                  "you choose one of our fields for them.") % unguessed) if unguessed else "")))
        if check is not None:
            if check.fields:
                lines.append(html.escape(self.tr("Fields used: %s") % ", ".join(check.fields)))
            if check.asks:
                lines.append(html.escape(self.tr("Asks when drafting: %s") % ", ".join(a.question for a in check.asks)))
            unknown = self.tr("Unknown field:")
            lines += [f"<span style='color:#b00020'>{unknown} {html.escape(item)}</span>" for item in check.unknown]
            lines += [f"<span style='color:#b00020'>{html.escape(item)}</span>" for item in check.problems]
            if check.problems or check.unknown:  # said here, before Add, not in a message after it
                lines.append("<b>%s</b>" % html.escape(self.tr(
                    "This file cannot be added as it is: correct what is listed in red in Word, save it, then add "
                    "it again.")))
                self.add_button.setEnabled(False)
        self.found.setText("<br>".join(lines) or self.tr("No fields yet: the letter will be the same every time."))

    def mapping(self) -> dict[str, str]:
        """merge name -> dotted field ('' to leave out); ValidationError for one not chosen yet."""
        chosen: dict[str, str] = {}
        for merge, combo in self.combos.items():
            value = combo.currentData()
            if value == "\x00choose":
                raise ValidationError("name", f"Choose what the mail-merge field “{merge}” becomes (marked in orange).")
            chosen[merge] = f"ask.{ask_name(merge)}" if value == ASK else value
        return chosen

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.added = letter_templates.add_template(self.state.require_store(), self.source, self.name.text(),
                                                       self.mapping() or None)
        except ValidationError as error:
            self.errors.show(error.field if error.field in self.errors.labels else "name", error.message)
            return
        except UserFixableError as error:
            show_problem(self, error, self.tr("Template not added"))
            return
        super().accept()
