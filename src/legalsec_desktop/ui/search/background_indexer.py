"""Reads the text of filed documents into the search index in the background: at start-up and after each change to
the documents, one batch at a time on a worker thread (never two at once), until none is waiting; then, when
Tesseract is installed, OCRs the scanned ones, one at a time."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.worker import run_quietly

log = logging.getLogger("legalsec")
BATCH = 25  # documents a run reads: short, so that closing the program never waits long for it


class BackgroundIndexer(QObject):
    """After a batch that read anything it broadcasts Changed.DOCUMENTS (the Files tab's index health refreshes),
    which asks for the next batch; a batch that finds nothing waiting ends the round."""

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.running = False  # a batch is being read (tests wait on it)
        self.batches = 0  # batches ended (read or failed), for tests
        self._again = False  # asked for while a batch ran: look again when it ends
        self._told: str = ""  # the last problem told in the status bar, told once
        state.store_changed.connect(self.request)
        state.data_changed.connect(self._data_changed)

    def _data_changed(self, what: Changed) -> None:
        if what.touches(Changed.DOCUMENTS):
            self.request()

    def request(self) -> None:
        """Read the next batch of waiting documents, now or when the batch being read ends."""
        store = self.state.store
        if store is None or store.read_only:
            return
        if self.running:
            self._again = True
            return
        self.running, self._again = True, False
        clock = self.state.clock
        from legalsec_desktop import paths
        from legalsec_desktop.domain.text_limits import shown
        from legalsec_desktop.services.document_root import DocumentRootError, documents_root
        from legalsec_desktop.services.documents import index_health
        from legalsec_desktop.services.indexing import index_waiting
        from legalsec_desktop.services.ocr import ocr_waiting

        def work() -> int:
            """How many documents this batch read (or marked missing, or OCRed)."""
            root = documents_root(store, paths.default_documents_root())
            if not root.is_dir():  # a drive or share not connected: its files are not missing, only out of reach
                if index_health(store).waiting:
                    raise DocumentRootError(root, f"the documents folder {shown(str(root))} is not there (is its "
                                                  "drive or network share connected?).")
                return 0
            run = index_waiting(store, root, clock, limit=BATCH)
            if run.read or run.missing:
                return run.read + run.missing
            return ocr_waiting(store, root, clock, limit=1)  # once nothing waits: a scan, when Tesseract is there

        def done(count: int) -> None:
            self.running = False
            self.batches += 1
            if self.state.store is not store:
                self.request()  # another database was opened meanwhile: its turn
                return
            self._told = ""
            if count:
                self.state.data_changed.emit(Changed.DOCUMENTS)  # which asks for the next batch
            elif self._again:
                self.request()

        def failed(exc: BaseException) -> None:
            self.running = False
            self.batches += 1
            if self.state.store is not store:
                return
            if isinstance(exc, UserFixableError):  # the documents folder not there (a drive not connected) …
                if exc.message != self._told:
                    self._told = exc.message
                    self.state.tell(self.tr("Documents' text is not read yet: %s") % exc.message, 15000)
                return
            log.warning("reading documents' text in the background failed: %s", type(exc).__name__,
                        exc_info=(type(exc), exc, exc.__traceback__))

        run_quietly(self, work, done, failed)
