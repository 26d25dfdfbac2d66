"""Files ▸ Locations: the firm's places for files as a tree (office ▸ cabinet ▸ drawer), to add, rename and retire."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.file_room import PLACE_KINDS
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PlaceDialog(QDialog):
    """A new place's name and kind, inside `parent_path` ('' for the top)."""

    def __init__(self, state: AppState, parent_id: int | None, parent_path: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.state, self.parent_id = state, parent_id
        self.place_id: int | None = None
        self.setWindowTitle(self.tr("New Place inside %s") % parent_path if parent_path else self.tr("New Place"))
        self.name = QLineEdit(placeholderText=self.tr("like Cabinet A, Drawer 2, Box 114"))
        self.kind = QComboBox()
        for key, label in PLACE_KINDS.items():
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(self.kind.findData("other"))
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("name", self.tr("&Name:"), self.name)
        self.errors.add_row("kind", self.tr("&Kind:"), self.kind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        from legalsec_desktop.services import locations

        def save() -> None:
            self.place_id = locations.add_location(self.state.require_store(), self.parent_id, self.name.text(),
                                                   self.kind.currentData())

        if self.errors.attempt(self, self.tr("Not added"), save):
            self.state.data_changed.emit(Changed.FILES)
            super().accept()


class LocationsDialog(LoadOnShowDialog):
    """The places as a tree with the number of files in each; add a place at the top or inside one, rename, retire."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Locations"))
        self.resize(620, 480)
        self.tree = QTreeWidget()
        self.tree.setObjectName("locationsTree")
        self.tree.setHeaderLabels([self.tr("Place"), self.tr("Kind"), self.tr("Files here"), self.tr("Off-site")])
        self.tree.setColumnWidth(0, 300)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (("top", self.tr("New &Top-Level Place…"), lambda: self.add(top=True)),
                                ("inside", self.tr("New Place &Inside…"), lambda: self.add(top=False)),
                                ("rename", self.tr("&Rename…"), self.rename),
                                ("retire", self.tr("Re&tire"), self.retire)):
            button = self.buttons[key] = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.tree.currentItemChanged.connect(lambda _c, _p: self._enable())

    def read(self, chosen: int | None = None) -> None:
        from legalsec_desktop.services import locations

        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for place in locations.all_locations(self.state.require_store()):  # a parent comes before its children
            item = QTreeWidgetItem([place.name, PLACE_KINDS.get(place.kind, place.kind), str(place.files_here),
                                    self.tr("yes") if place.offsite else ""])
            item.setData(0, ID_ROLE, place.id)
            item.setData(0, Qt.ItemDataRole.ToolTipRole, place.path)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            holder = items.get(place.parent_id) if place.parent_id is not None else None
            (holder.addChild(item) if holder is not None else self.tree.addTopLevelItem(item))
            items[place.id] = item
            if place.id == chosen:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self._enable()

    def _enable(self) -> None:
        writable = not self.state.read_only
        chosen = self.tree.currentItem() is not None
        self.buttons["top"].setEnabled(writable)
        for key in ("inside", "rename", "retire"):
            self.buttons[key].setEnabled(writable and chosen)

    def _current(self) -> tuple[int, str] | None:
        item = self.tree.currentItem()
        return (item.data(0, ID_ROLE), str(item.data(0, Qt.ItemDataRole.ToolTipRole))) if item is not None else None

    def add(self, top: bool) -> None:
        current = None if top else self._current()
        dialog = PlaceDialog(self.state, current[0] if current else None, current[1] if current else "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.read(dialog.place_id)

    def rename(self) -> None:
        from legalsec_desktop.services import locations

        current = self._current()
        item = self.tree.currentItem()
        if current is None or item is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename Place"), self.tr("New name (the places inside follow; "
                                        "the files' logs keep the old name):"), QLineEdit.EchoMode.Normal,
                                        item.text(0))
        while ok:
            try:
                locations.rename_location(self.state.require_store(), current[0], name)
            except Exception as exc:  # noqa: BLE001 - a user-fixable message is shown and asked again; a bug is reported
                from legalsec_desktop.domain.errors import UserFixableError
                from legalsec_desktop.ui.common.errors import show_problem

                show_problem(self, exc, self.tr("Not renamed"))
                if not isinstance(exc, UserFixableError):
                    return
                name, ok = QInputDialog.getText(self, self.tr("Rename Place"), self.tr("New name:"),
                                                QLineEdit.EchoMode.Normal, name)  # what was typed, to correct
                continue
            self.state.data_changed.emit(Changed.FILES)
            self.read(current[0])
            return

    def retire(self) -> None:
        from legalsec_desktop.domain.errors import UserFixableError
        from legalsec_desktop.services import locations
        from legalsec_desktop.ui.common.errors import show_problem

        current = self._current()
        if current is None:
            return
        kept = locations.files_kept_in(self.state.require_store(), current[0])
        if kept:  # said before asking anything: it cannot be retired as it is
            QMessageBox.information(self, self.tr("Retire Place"), self.tr(
                "%d file(s) are kept in “%s” or a place inside it. Move them to another place first; then it can be "
                "retired.") % (kept, current[1]))
            return
        answer = QMessageBox.question(self, self.tr("Retire Place"), self.tr(
            "Retire “%s” and every place inside it? They leave the lists; the files' logs keep their names.")
            % current[1])
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            locations.retire_location(self.state.require_store(), current[0])
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Not retired"))
            return
        self.state.data_changed.emit(Changed.FILES)
        self.read()
