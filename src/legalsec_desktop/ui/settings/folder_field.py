"""A folder typed or chosen with a Choose… button; blank means the default (said in its placeholder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from legalsec_desktop.ui.common.save_paths import ask_folder


class FolderField(QWidget):
    """A folder's path; `folder()` is None when left blank."""

    def __init__(self, placeholder: str, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.edit = QLineEdit(placeholderText=placeholder)
        self.edit.setObjectName(name)
        self.edit.setClearButtonEnabled(True)
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.clicked.connect(self._choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.choose)
        self.setFocusProxy(self.edit)

    def _choose(self) -> None:
        chosen = ask_folder(self, self.title, self.folder())
        if chosen is not None:
            self.edit.setText(str(chosen))

    def set_folder(self, folder: Path | None) -> None:
        self.edit.setText(str(folder) if folder is not None else "")

    def folder(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None
