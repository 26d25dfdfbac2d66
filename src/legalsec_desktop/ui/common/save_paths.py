"""Where file dialogs open: the folder used last, else the user's Documents folder (never the program's own folder).

Every save and open dialog of the program goes through `ask_save_path` or `ask_open_path`.

The dialogs never read the files they list. To pick an icon, Qt's own dialog (and GTK's, in the same process)
opens each file to guess its type; on Linux and macOS, closing that file drops the locks SQLite holds on it in
this process, so when the folder holds the open database (or its -wal and -shm), a `legalsec` command run next
believes it is alone, checkpoints and deletes the journal the window still writes to, and the window's later
changes are lost. So the dialog is Qt's own, with icons chosen by name only (on Windows, where a lock is not
dropped that way, the native dialog stays)."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import sys

from PySide6.QtCore import QFileInfo, QSettings
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget

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


class PlainIcons(QAbstractFileIconProvider):
    """A folder icon or a file icon, by what the name is: never by reading the file (see the module's docstring)."""

    def icon(self, what: object) -> QIcon:  # noqa: N802 - Qt's name
        folder = isinstance(what, QFileInfo) and what.isDir() or what == QAbstractFileIconProvider.IconType.Folder
        style = QApplication.style()
        return style.standardIcon(QStyle.StandardPixmap.SP_DirIcon if folder else QStyle.StandardPixmap.SP_FileIcon)

    def type(self, info: QFileInfo) -> str:  # noqa: A003 - Qt's name
        if info.isDir():
            return "Folder"
        return f"{info.suffix().upper()} file" if info.suffix() else "File"


def ask_user(parent: QWidget | None, title: str, start: str, pattern: str, saving: bool) -> tuple[str, str]:
    """The dialog itself: (the chosen path, the filter chosen), or ('', '') when it was cancelled (as Qt's static
    functions answer; tests put their own answer here)."""
    dialog = QFileDialog(parent, title, start, pattern)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if saving else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if saving else QFileDialog.FileMode.ExistingFile)
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setIconProvider(PlainIcons())
    if saving and Path(start).name:
        dialog.selectFile(start)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()


def ask_save_path(parent: QWidget, title: str, name: str, pattern: str, suffix: str) -> Path | None:
    """Ask for a file to save `name` as, in the folder used last; the ending `suffix` is added if left off."""
    chosen, _ = ask_user(parent, title, str(Path(last_folder()) / name), pattern, True)
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
    chosen, _ = ask_user(parent, title, start, pattern, False)
    if not chosen:
        return None
    if folder is None:
        remember_folder(Path(chosen))
    return Path(chosen)


def ask_many(parent: QWidget | None, title: str, start: str, folder: bool) -> list[str]:
    """The dialog for several files to open (or, with `folder`, one folder): the chosen paths, [] when cancelled
    (tests put their own answer here)."""
    dialog = QFileDialog(parent, title, start)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.Directory if folder else QFileDialog.FileMode.ExistingFiles)
    if folder:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setIconProvider(PlainIcons())
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return list(dialog.selectedFiles())


def ask_open_paths(parent: QWidget, title: str) -> list[Path]:
    """Ask for files to open (documents to file), in the folder used last (remembered)."""
    chosen = [Path(name) for name in ask_many(parent, title, last_folder(), False)]
    if chosen:
        remember_folder(chosen[0])
    return chosen


def ask_folder(parent: QWidget, title: str, start: Path | None = None) -> Path | None:
    """Ask for a folder (the documents folder, the inbox), starting in `start` when it exists."""
    begin = str(start) if start is not None and start.is_dir() else str(documents_folder())
    chosen = ask_many(parent, title, begin, True)
    return Path(chosen[0]) if chosen else None
