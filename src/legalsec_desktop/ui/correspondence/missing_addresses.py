"""Before letters go to every party of a role: who has no address on file, with a box to type one for each, or to
leave that person out — so no letter is filed without its address block unknowingly."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class MissingAddressesDialog(QDialog):
    """`people`: (contact id, name) of recipients with no address. After exec(): `addresses()` is contact id ->
    the address typed ("" when left blank), `left_out()` the ids not to write to."""

    def __init__(self, people: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recipients without an address"))
        intro = QLabel(self.tr(
            "These recipients have no address on file, so their letters would have no address block. Type the "
            "address for each letter, leave someone out, or go back (Cancel)."))
        intro.setWordWrap(True)
        self.edits: dict[int, QPlainTextEdit] = {}
        self.skips: dict[int, QCheckBox] = {}
        rows = QWidget()
        grid = QGridLayout(rows)
        for row, (contact_id, name) in enumerate(people):
            label = QLabel(name)
            label.setWordWrap(True)
            edit = QPlainTextEdit()
            edit.setObjectName(f"address_{contact_id}")
            edit.setPlaceholderText(self.tr("Street\nCity, State ZIP (or blank: no address block)"))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(60)
            skip = QCheckBox(self.tr("Leave out"))
            skip.setObjectName(f"skip_{contact_id}")
            skip.toggled.connect(edit.setDisabled)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(skip, row, 2)
            self.edits[contact_id], self.skips[contact_id] = edit, skip
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(self.tr("&Create the Letters"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(scroll, 1)
        column.addWidget(buttons)
        self.resize(640, min(560, 160 + 80 * len(people)))

    def addresses(self) -> dict[int, str]:
        return {contact_id: edit.toPlainText().strip() for contact_id, edit in self.edits.items()
                if not self.skips[contact_id].isChecked()}

    def left_out(self) -> set[int]:
        return {contact_id for contact_id, skip in self.skips.items() if skip.isChecked()}
