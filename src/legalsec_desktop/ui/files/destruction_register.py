"""Tools ▸ Destruction Register…: every batch ever destroyed with its files; a certificate reprinted or saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.services import destruction
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog

COLUMNS = ("Certificate / file", "Destroyed / matter", "Method / client", "Destroyed by / label", "Approved by",
           "Witness", "Files")
BATCH_ID = Qt.ItemDataRole.UserRole


class DestructionRegisterDialog(LoadOnShowDialog):
    """The register, newest batch first; each batch opens to its files."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Destruction Register"))
        self.resize(1000, 520)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr(name) for name in COLUMNS])
        self.tree.setAlternatingRowColors(True)
        self.tree.currentItemChanged.connect(self._chosen)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.print_chosen())
        self.summary = QLabel()
        self.print_button = QPushButton(self.tr("&Print Certificate…"))
        self.save_button = QPushButton(self.tr("&Save Certificate as PDF…"))
        self.print_button.clicked.connect(self.print_chosen)
        self.save_button.clicked.connect(self.save_chosen)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._chosen()

    def read(self) -> None:
        batches = destruction.register(self.state.require_store())
        self.tree.clear()
        for batch in batches:
            approver = f"{batch.approver_name} ({batch.approved_by})" if batch.approver_name else batch.approved_by
            top = QTreeWidgetItem([batch.certificate_number, format_date(batch.destroyed_on), batch.method,
                                   batch.destroyed_by, f"{approver}, {format_date(batch.approved_on)}",
                                   batch.witness, str(batch.file_count)])
            top.setData(0, BATCH_ID, batch.id)
            top.setToolTip(0, batch.notes or "")
            for file in batch.files:
                child = QTreeWidgetItem([file.barcode, file.matter_number, file.client, file.label, "", "", ""])
                child.setData(0, BATCH_ID, batch.id)
                child.setToolTip(0, file.retention_note)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        for column, width in enumerate((130, 120, 150, 170, 190, 120)):
            self.tree.setColumnWidth(column, width)
        files = sum(batch.file_count for batch in batches)
        self.summary.setText(self.tr("%s destruction(s), %s file(s) destroyed. Nothing here can be changed or "
                                     "deleted.") % (len(batches), f"{files:,}") if batches
                             else self.tr("No destruction has been recorded yet."))
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
            first.setExpanded(True)

    def chosen_batch(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, BATCH_ID) if item is not None else None

    def _chosen(self, *_items: object) -> None:
        chosen = self.chosen_batch() is not None
        self.print_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)

    def print_chosen(self) -> None:
        from legalsec_desktop.ui.files.destruction_dialog import print_certificate

        batch_id = self.chosen_batch()
        if batch_id is not None:
            print_certificate(self, self.state, batch_id)

    def save_chosen(self) -> None:
        from legalsec_desktop.ui.files.destruction_dialog import save_certificate

        batch_id = self.chosen_batch()
        if batch_id is not None:
            save_certificate(self, self.state, batch_id)
