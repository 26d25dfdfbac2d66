"""Edit a document's facts: title, kind, date, author or sender, description (its files stay as they are)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.domain.document_labels import KIND_LABELS
from legalsec_desktop.services.document_rows import DocumentItem
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.fields import DateField
from legalsec_desktop.ui.common.form_errors import FormErrors


class DocumentDialog(QDialog):
    """The facts of one document, as read when its detail showed it; Save writes them in one transaction."""

    def __init__(self, state: AppState, item: DocumentItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.item = state, item
        self.setWindowTitle(self.tr("Edit Document"))
        self.setMinimumWidth(520)
        self.title = QLineEdit(item.title)
        self.title.setObjectName("documentTitle")
        self.kind = QComboBox()
        self.kind.setObjectName("documentKind")
        for key, label in KIND_LABELS.items():
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
        self.doc_date = DateField(item.doc_date)
        self.author = QLineEdit(item.author)
        self.author.setObjectName("documentAuthor")
        self.description = QPlainTextEdit(item.description)
        self.description.setObjectName("documentDescription")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(90)
        form = QFormLayout()
        self.errors = FormErrors(form)
        for key, label, widget in (("title", self.tr("&Title:"), self.title), ("kind", self.tr("&Kind:"), self.kind),
                                   ("doc_date", self.tr("&Date:"), self.doc_date),
                                   ("author", self.tr("&From / author:"), self.author),
                                   ("description", self.tr("D&escription:"), self.description)):
            self.errors.add_row(key, label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.errors.attempt(self, self.tr("Not saved"), self._save):
            self.state.data_changed.emit(Changed.DOCUMENTS)
            super().accept()

    def _save(self) -> None:
        title = self.title.text().strip()
        if not title:
            raise ValidationError("title", "Give the document a title.")
        from legalsec_desktop.services import documents

        documents.update_document(self.state.require_store(), self.item.id, title, self.kind.currentData(),
                                  self.doc_date.date("doc_date", True), self.author.text().strip(),
                                  self.description.toPlainText().strip())
