"""The template chooser of the New Letter dialog: a search box over the templates (recent first) and the packages,
with the chosen one's description; a template with a problem is listed greyed out, with the reason."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from legalsec_desktop.domain.names import search_fold

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "template" or "package"
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # the template's or package's name
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # the words the search box finds it by


class TemplatePicker(QWidget):
    """Lists templates and packages; `chosen()` is ("template" | "package", name) or None."""

    choice_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(placeholderText=self.tr("Search templates…"))
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("templateSearch")
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.list.setMinimumHeight(150)
        self.about = QLabel()
        self.about.setObjectName("templateAbout")
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: #555;")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.list, 1)
        column.addWidget(self.about)
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._current_changed)
        self.search.returnPressed.connect(self._first_visible)

    def fill(self, templates: Sequence, packages: Sequence, chosen: tuple[str, str] | None = None) -> None:  # noqa: ANN001
        """`templates`: TemplateInfo rows (recent first); `packages`: rows with `name` and `templates`."""
        self.list.blockSignals(True)
        self.list.clear()
        for info in templates:
            label = info.name + (f"  —  {info.purpose}" if info.purpose else "")
            item = QListWidgetItem(label)
            item.setData(KIND_ROLE, "template")
            item.setData(NAME_ROLE, info.name)
            item.setData(SEARCH_ROLE, search_fold(f"{info.name} {info.purpose} {info.description}"))
            if info.problem:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
                item.setText(self.tr("%s  (cannot be used: %s)") % (info.name, info.problem))
                item.setForeground(QBrush(QColor("#888")))
                item.setToolTip(info.problem)
            else:
                item.setToolTip(info.description)
            item.setData(Qt.ItemDataRole.WhatsThisRole, info.description)
            self.list.addItem(item)
        for package in packages:
            item = QListWidgetItem(self.tr("Package: %s  (%d letters)") % (package.name, len(package.templates)))
            item.setData(KIND_ROLE, "package")
            item.setData(NAME_ROLE, package.name)
            item.setData(SEARCH_ROLE, search_fold(f"package {package.name} {' '.join(package.templates)}"))
            item.setData(Qt.ItemDataRole.WhatsThisRole, self.tr("Drafts each of: %s") % ", ".join(package.templates))
            item.setToolTip(item.data(Qt.ItemDataRole.WhatsThisRole))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._filter()
        if chosen is not None:
            self.choose(*chosen)
        self._current_changed()

    def choose(self, kind: str, name: str) -> bool:
        for row in range(self.list.count()):
            item = self.list.item(row)
            usable = item.flags() & Qt.ItemFlag.ItemIsEnabled
            if item.data(KIND_ROLE) == kind and item.data(NAME_ROLE) == name and usable:
                self.list.setCurrentItem(item)
                return True
        return False

    def chosen(self) -> tuple[str, str] | None:
        item = self.list.currentItem()
        if item is None or item.isHidden() or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return item.data(KIND_ROLE), item.data(NAME_ROLE)

    def _filter(self) -> None:
        words = search_fold(self.search.text()).split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not all(word in item.data(SEARCH_ROLE) for word in words))
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self._first_visible()

    def _first_visible(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if not item.isHidden() and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentItem(item)
                return

    def _current_changed(self) -> None:
        item = self.list.currentItem()
        text = item.data(Qt.ItemDataRole.WhatsThisRole) if item is not None and not item.isHidden() else ""
        self.about.setText(text or "")
        self.about.setVisible(bool(text))
        self.choice_changed.emit()
