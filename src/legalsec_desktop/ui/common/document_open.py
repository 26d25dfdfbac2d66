"""Opening a filed document's file with the system's application, and saying plainly why when it cannot be."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services.document_rows import VersionItem
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem


def version_file(parent: QWidget, state: AppState, version: VersionItem) -> Path | None:
    """The version's file, or None (said plainly) when it is not there."""
    from legalsec_desktop.services import document_store

    try:
        path = document_store.file_path(state.documents_root(), version)
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Cannot open"))
        return None
    if not path.is_file():
        QMessageBox.warning(parent, parent.tr("File missing"), parent.tr(
            "The file of version %d is not where the documents folder keeps it:\n%s\n\nIf the documents folder "
            "is on a drive or network share, connect it; if the file was moved, put it back (a rescan "
            "finds it). The document and its other versions are kept.") % (version.number, path))
        return None
    return path


def open_file(parent: QWidget, path: Path) -> bool:
    """Open `path` with the program the system has for it; False when there is none — then said in words, with
    the file's place and a button to show it in its folder (or to copy its path)."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, parent.tr("Cannot open"), parent.tr(
        "This computer has no program that opens %s files, so the file could not be opened. It is kept here:\n\n"
        "%s\n\nInstall a program for such files (for a letter: Word or LibreOffice), or open the file from its "
        "folder.") % (path.suffix or parent.tr("such"), path), QMessageBox.StandardButton.Close, parent)
    folder = box.addButton(parent.tr("Show in &Folder"), QMessageBox.ButtonRole.ActionRole)
    copy = box.addButton(parent.tr("&Copy the Path"), QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(folder)
    box.exec()
    if box.clickedButton() is folder and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
        copy_path(parent, path)
    elif box.clickedButton() is copy:
        copy_path(parent, path)
    return False


def copy_path(parent: QWidget, path: Path) -> None:
    """Put the file's path on the clipboard, and say so."""
    QApplication.clipboard().setText(str(path))
    QMessageBox.information(parent, parent.tr("Path copied"), parent.tr(
        "The file's path is on the clipboard: paste it into a file manager or a program's Open box.\n\n%s") % path)


def open_document(parent: QWidget, state: AppState, document_id: int) -> bool:
    """Open the newest version of a filed document, as the documents list's Open does."""
    from legalsec_desktop.services import documents

    try:
        newest = max(documents.versions(state.require_store(), document_id), key=lambda v: v.number, default=None)
    except UserFixableError as exc:
        show_problem(parent, exc, parent.tr("Cannot open"))
        return False
    if newest is None:
        QMessageBox.warning(parent, parent.tr("Cannot open"), parent.tr("That document has no file."))
        return False
    path = version_file(parent, state, newest)
    return path is not None and open_file(parent, path)
