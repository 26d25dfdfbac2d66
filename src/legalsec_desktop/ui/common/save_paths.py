"""Where file dialogs open: the folder used last, else the user's Documents folder (never the program's own folder).

Every save and open dialog of the program goes through `ask_save_path` or `ask_open_path`."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

KEY = "export/folder"


def documents_folder() -> Path:
    """The user's Documents folder if it exists, else their home folder."""
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def last_folder() -> str:
    """The folder a dialog opens in: the one used last while it still exists, else Documents."""
    remembered = str(QSettings().value(KEY, "") or "")
    if remembered and Path(remembered).is_absolute() and Path(remembered).is_dir():
        return remembered
    return str(documents_folder())


def remember_folder(path: Path) -> None:
    QSettings().setValue(KEY, str(Path(path).absolute().parent))


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


def ask_open_path(parent: QWidget, title: str, pattern: str, folder: Path | None = None) -> Path | None:
    """Ask for a file to open, in `folder` if given (not remembered), else in the folder used last (remembered)."""
    start = str(folder) if folder is not None else last_folder()
    chosen, _ = QFileDialog.getOpenFileName(parent, title, start, pattern)
    if not chosen:
        return None
    if folder is None:
        remember_folder(Path(chosen))
    return Path(chosen)
