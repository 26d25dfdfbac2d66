"""The search feature as the frame sees it: Search Everything (Ctrl+K) under Edit, the search window, opening what
was found, and the background indexer that keeps documents' text in the index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QMessageBox

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.feature import Feature, Menu, Shell
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.search.background_indexer import BackgroundIndexer
from legalsec_desktop.ui.search.search_window import SearchWindow

if TYPE_CHECKING:
    from legalsec_desktop.services.search import Found


class SearchFeature(Feature):
    """One search over documents, e-mails, matters, contacts and the correspondence log (no tab of its own)."""

    log_entry_requested = Signal(int)  # a log entry found: the Correspondence feature opens it
    contact_requested = Signal(int)  # a contact found: the Matters feature opens it

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(state, undo_stack, shell)
        self.window: SearchWindow | None = None
        self.add_action("search", self.tr("&Search Everything…"), self.show_search, Menu.EDIT, 310,
                        shortcut="Ctrl+K",
                        tip=self.tr("Find documents, e-mails, matters, contacts and log entries by their words"))
        self.indexer = BackgroundIndexer(state, self)
        state.store_changed.connect(self._store_changed)

    def show_search(self) -> SearchWindow | None:
        if not self.usable():
            return None
        if self.window is None:
            self.window = SearchWindow(self.state, lambda: self.selected_matter(), self.shell.dialog_parent())
            self.window.hit_opened.connect(self.open_hit)
        self.window.open_again()
        return self.window

    def _store_changed(self) -> None:
        if self.window is not None:  # what it shows is of the database that was open
            self.window.box.clear()
            self.window.search_now()
            if self.state.store is None:
                self.window.close()

    def open_hit(self, hit: Found) -> None:
        """Open what a hit stands for: a document's file with the system's program, a matter on the Matters tab, a
        log entry on the Correspondence tab, a contact in its dialog."""
        if hit.kind in ("document", "email"):
            if self._open_file(hit) and self.window is not None:
                self.window.close()
            return
        if self.window is not None:
            self.window.close()
        if hit.kind == "matter":
            self.state.navigate_to(TabKey.MATTERS, hit.matter_number, hit.matter_id)
        elif hit.kind == "log":
            self.state.navigate_to(TabKey.CORRESPONDENCE, hit.matter_number, hit.matter_id)
            self.log_entry_requested.emit(hit.ref_id)
        elif hit.kind == "contact":
            self.contact_requested.emit(hit.ref_id)

    def _open_file(self, hit: Found) -> bool:
        parent = self.window or self.shell.dialog_parent()
        try:
            root = self.state.documents_root()
        except UserFixableError as exc:
            QMessageBox.warning(parent, self.tr("Open Document"), exc.message)
            return False
        path = root.joinpath(*hit.path.split("/"))
        if not hit.path or not path.is_file():
            QMessageBox.warning(parent, self.tr("Open Document"), self.tr(
                "The file of “%s” is not in the documents folder (%s). It may have been moved, renamed or deleted "
                "outside the program: put it back where it was.") % (
                shown(hit.plain_title), shown(str(path))))
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(parent, self.tr("Open Document"), self.tr(
                "No program on this computer opens “%s”. Open it from its folder: %s") % (
                shown(path.name), shown(str(path.parent))))
            return False
        self.shell.show_status(self.tr("Opened %s.") % shown(path.name))
        return True
