"""Before a new contact is made: the contacts already in the files that a typed name may mean."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from legalsec_desktop.services.contacts import SimilarContact


def describe(contact: SimilarContact) -> str:
    """'Pioneer Trucking Co. — client on 2020-0001, 2022-0002 and 2 more; witness on 2026-0003'."""
    by_role: dict[str, list[str]] = {}
    for entry in contact.roles:
        role, _, number = entry.partition(" on ")
        by_role.setdefault(role, []).extend([number] if number else [])
    parts = []
    for role, numbers in by_role.items():
        shown = ", ".join(numbers[:2]) + (f" and {len(numbers) - 2} more" if len(numbers) > 2 else "")
        parts.append(f"{role} on {shown}" if numbers else role)
    return f"{contact.name} — {'; '.join(parts)}"


class SimilarContactsDialog(QDialog):
    """Use one of the similar contacts (`chosen_id`), or make a new one (`make_new`), or go back (rejected)."""

    def __init__(self, typed: str, similar: list[SimilarContact], parent: QWidget | None = None,
                 offer_use: bool = True) -> None:
        super().__init__(parent)
        self.chosen_id: int | None = None
        self.make_new = False
        self.setWindowTitle(self.tr("Already in the Files?"))
        self.setMinimumWidth(600)
        intro = QLabel(self.tr("“%s” looks like %s already in the files. Use the same contact, so that its "
                               "matters, conflict checks and details stay together.")
                       % (typed, self.tr("a contact") if len(similar) == 1 else self.tr("these contacts")))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.choices = QListWidget()
        self.choices.setWordWrap(True)
        self.choices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for contact in similar:
            item = QListWidgetItem(describe(contact))
            item.setData(Qt.ItemDataRole.UserRole, contact.contact_id)
            item.setToolTip(describe(contact) + "\n" + "\n".join(contact.roles))
            self.choices.addItem(item)
        self.choices.setCurrentRow(0)
        rows = sum(self.choices.sizeHintForRow(i) for i in range(min(len(similar), 6)))
        self.choices.setFixedHeight(rows + 2 * self.choices.frameWidth() + 4)
        buttons = QDialogButtonBox()
        if offer_use:
            use = buttons.addButton(self.tr("&Use Selected Contact"), QDialogButtonBox.ButtonRole.AcceptRole)
            use.setDefault(True)
            use.clicked.connect(self.use_selected)
            self.choices.itemDoubleClicked.connect(lambda _item: self.use_selected())
        new = buttons.addButton(self.tr("Create &New Contact"), QDialogButtonBox.ButtonRole.ActionRole)
        new.clicked.connect(self.create_new)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.choices)
        layout.addWidget(buttons)

    def use_selected(self) -> None:
        item = self.choices.currentItem()
        if item is not None:
            self.chosen_id = item.data(Qt.ItemDataRole.UserRole)
            self.accept()

    def create_new(self) -> None:
        self.make_new = True
        self.accept()
