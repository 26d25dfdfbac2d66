"""Tools ▸ Contacts: every client and contact, searchable by any name they go by."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.services import contacts
from legalsec_desktop.services.columns import COLUMNS
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.record_model import ID_ROLE, RecordTableModel, configure_table
from legalsec_desktop.ui.common.undo import delete_with_undo
from legalsec_desktop.services.changes import Changed


class ContactsWindow(QDialog):
    def __init__(self, state: AppState, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.undo_stack = state, undo_stack
        self.setWindowTitle(self.tr("Contacts"))
        self.setWindowIcon(icon("contacts"))
        self.resize(980, 620)
        listing = COLUMNS["contacts"]
        self.model = RecordTableModel(listing.columns, self._list_ids, self._fetch_rows, listing.default_sort,
                                      listing.default_descending, self)
        self.filter_box = QLineEdit(placeholderText=self.tr("Find by name, other name, e-mail or phone…"))
        self.filter_box.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.filter_box.textChanged.connect(lambda: self._timer.start())
        self.count = QLabel()
        self.table = QTableView()
        self.table.setObjectName("contactsTable")
        self.table.setModel(self.model)
        configure_table(self.table, listing.columns)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _i: self.edit_contact())
        self.new_button = QPushButton(icon("new"), self.tr("&New Contact…"))
        self.edit_button = QPushButton(icon("edit"), self.tr("&Edit…"))
        self.delete_button = QPushButton(icon("delete"), self.tr("&Delete"))
        self.new_button.clicked.connect(self.new_contact)
        self.edit_button.clicked.connect(self.edit_contact)
        self.delete_button.clicked.connect(self.delete_contact)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_contact)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_contact)
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for button in (self.new_button, self.delete_button):
            button.setEnabled(not state.read_only)
        state.data_changed.connect(self._data_changed)
        self.refresh()
        self.filter_box.setFocus()

    def _list_ids(self, sort: str, descending: bool, text: str) -> list[int]:
        from legalsec_desktop.services import listings

        return listings.list_ids(self.state.store, "contacts", sort, descending, text) if self.state.store else []

    def _fetch_rows(self, ids):  # noqa: ANN001, ANN202
        from legalsec_desktop.services import listings

        return listings.fetch_rows(self.state.store, "contacts", ids) if self.state.store else {}

    def refresh(self) -> None:
        self.model.filter_text = self.filter_box.text().strip()
        self.model.reload()
        rows = self.model.rowCount()
        self.count.setText(self.tr("%d contact(s)") % rows)

    def _data_changed(self, what: Changed) -> None:
        if what.touches(Changed.CONTACTS | Changed.PARTIES | Changed.MATTERS) and self.isVisible():
            self.refresh()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def new_contact(self) -> None:
        from legalsec_desktop.ui.matters.contact_dialog import ContactDialog

        if not self.state.read_only:
            ContactDialog(self.state, self).exec()

    def edit_contact(self) -> None:
        from legalsec_desktop.ui.matters.contact_dialog import ContactDialog

        contact_id = self.selected_id()
        if contact_id is not None:
            ContactDialog(self.state, self, contact_id).exec()

    def delete_contact(self) -> None:
        contact_id = self.selected_id()
        if contact_id is None or self.state.read_only:
            return
        delete_with_undo(self.undo_stack, self, self.state, Changed.CONTACTS,
                         lambda: contacts.delete_contact(self.state.require_store(), contact_id),
                         lambda: contacts.restore_contact(self.state.require_store(), contact_id),
                         self.tr("Delete contact"))
