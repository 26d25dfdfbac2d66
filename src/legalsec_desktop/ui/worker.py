"""Run long work off the UI thread with a progress dialog and a Cancel button."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[str, int, int], bool]


class _Signals(QObject):
    progressed = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, cancelled: threading.Event) -> None:
        super().__init__()
        self.work, self.signals, self.cancelled = work, signals, cancelled

    def run(self) -> None:
        def progress(stage: str, done: int, total: int) -> bool:
            self.signals.progressed.emit(stage, done, total)
            return not self.cancelled.is_set()

        try:
            result = self.work(progress)
        except BaseException as exc:  # handed to the UI thread, which decides how to show it
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def run_in_background(parent: QWidget | None, title: str, work: Callable[[Progress], Any],
                      on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                      cancellable: bool = True) -> QProgressDialog:
    """Start `work(progress)` on the thread pool; callbacks run on the UI thread."""
    cancelled = threading.Event()
    dialog = QProgressDialog(title, "Cancel" if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    signals = _Signals(dialog)
    dialog.canceled.connect(cancelled.set)

    def progressed(stage: str, done: int, total: int) -> None:
        dialog.setLabelText(stage)
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        dialog.close()
        dialog.deleteLater()
        callback(value)

    signals.progressed.connect(progressed)
    signals.finished.connect(lambda value: finish(on_done, value))
    signals.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(_Job(work, signals, cancelled))
    return dialog
