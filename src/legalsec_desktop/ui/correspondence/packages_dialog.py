"""Packages of letter templates drafted together (a new-matter package): each a name and its templates in order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.services import letter_templates
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.form_errors import FormErrors


class PackagesDialog(QDialog):
    """Left: the packages. Right: the chosen one's name and templates, ticked and in the order they are drafted."""

    def __init__(self, state: AppState, template_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.template_names = state, template_names
        self.packages: list = []
        self.setWindowTitle(self.tr("Letter Packages"))
        self.resize(760, 460)
        self.list = QListWidget()
        self.list.setObjectName("packageList")
        self.name = QLineEdit()
        self.name.setObjectName("packageName")
        self.templates = QListWidget()
        self.templates.setObjectName("packageTemplates")
        self.templates.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("name", self.tr("&Name:"), self.name)
        self.errors.add_row("templates", self.tr("&Templates:"), self.templates)
        hint = QLabel(self.tr("Tick the templates of the package; drag them into the order they are drafted in."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        new_button, save_button = QPushButton(self.tr("&New")), QPushButton(self.tr("&Save Package"))
        delete_button, close_button = QPushButton(self.tr("&Delete")), QPushButton(self.tr("Close"))
        new_button.clicked.connect(self.new_package)
        save_button.clicked.connect(self.save)
        delete_button.clicked.connect(self.delete)
        close_button.clicked.connect(self.accept)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(new_button)
        row.addWidget(delete_button)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(save_button)
        buttons.addWidget(close_button)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self.list.currentRowChanged.connect(self._show)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        self.packages = letter_templates.list_packages(self.state.require_store())
        self.list.blockSignals(True)
        self.list.clear()
        for package in self.packages:
            self.list.addItem(package.name)
        self.list.blockSignals(False)
        names = [p.name for p in self.packages]
        self.list.setCurrentRow(names.index(select) if select in names else 0 if names else -1)
        self._show(self.list.currentRow())

    def current(self):  # noqa: ANN201 - the chosen PackageInfo, or None for a new one
        row = self.list.currentRow()
        return self.packages[row] if 0 <= row < len(self.packages) else None

    def _show(self, _row: int) -> None:
        package = self.current()
        chosen = list(package.templates) if package is not None else []
        self.name.setText(package.name if package is not None else "")
        self.templates.clear()
        for name in chosen + [n for n in self.template_names if n not in chosen]:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
            self.templates.addItem(item)
        self.errors.clear()

    def new_package(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self._show(-1)
        self.name.setFocus()

    def chosen_templates(self) -> list[str]:
        return [self.templates.item(row).text() for row in range(self.templates.count())
                if self.templates.item(row).checkState() == Qt.CheckState.Checked]

    def save(self) -> bool:
        self.errors.clear()
        package = self.current()
        try:
            letter_templates.save_package(self.state.require_store(), self.name.text(), self.chosen_templates(),
                                          package.id if package is not None else None)
        except ValidationError as error:
            self.errors.show(error.field if error.field in self.errors.labels else "name", error.message)
            return False
        except UserFixableError as error:
            show_problem(self, error, self.tr("Package not saved"))
            return False
        self.refresh(" ".join(self.name.text().split()))
        return True

    def delete(self) -> None:
        package = self.current()
        if package is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete the package?"), self.tr(
            "Delete the package “%s”? Its templates stay.") % package.name)
        if answer == QMessageBox.StandardButton.Yes:
            letter_templates.delete_package(self.state.require_store(), package.id)
            self.refresh()
