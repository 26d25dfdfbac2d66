"""Where to save an export: one remembered folder (Documents at first) and the file type's ending added."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

KEY = "export/folder"


def last_folder() -> str:
    return str(QSettings().value(KEY, "") or "") or \
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def remember_folder(path: Path) -> None:
    QSettings().setValue(KEY, str(Path(path).parent))


def ask_save_path(parent: QWidget, title: str, name: str, pattern: str, suffix: str) -> Path | None:
    """Ask for a file to save `name` as, in the folder used last; the ending `suffix` is added if left off."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path(last_folder()) / name), pattern)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember_folder(path)
    return path
