"""Run long work off the UI thread with a progress dialog and a Cancel button.

The worker never touches Qt: it posts messages to a queue that a timer on the UI thread reads.
(A PySide signal emitted from a Python thread can deadlock against the UI thread: Qt's pooled
signal mutex on one side, Python's GIL on the other.)
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[str, int, int], bool]
_running: set[threading.Thread] = set()
_reading: set[threading.Thread] = set()  # the quiet reads of `run_quietly`


def run_in_background(parent: QWidget | None, title: str, work: Callable[[Progress], Any],
                      on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                      cancellable: bool = True) -> QProgressDialog:
    """Start `work(progress)` on its own thread; the callbacks run on the UI thread."""
    cancelled = threading.Event()
    messages: queue.Queue[tuple[str, Any]] = queue.Queue()
    dialog = QProgressDialog(title, "Cancel" if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setValue(0)  # arms the show timer: Qt shows a progress dialog only once a value is set
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(cancelled.set)

    def cancelling() -> None:
        # Qt hides the dialog on Cancel, but the work ends only at its next step: until it has, stay up (and
        # modal) saying so, so nothing else is started or closed under it.
        dialog.setLabelText("Cancelling…")
        dialog.setCancelButtonText("")
        dialog.show()

    dialog.canceled.connect(cancelling)

    def progress(stage: str, done: int, total: int) -> bool:
        messages.put(("progress", (stage, done, total)))
        return not cancelled.is_set()

    def target() -> None:
        try:
            result = work(progress)
        except BaseException as exc:  # handed to the UI thread, which decides how to show it
            messages.put(("failed", exc))
        else:
            messages.put(("finished", result))

    thread = threading.Thread(target=target, name=f"task: {title}", daemon=True)
    timer = QTimer(dialog, interval=25)
    polling = [False]

    def poll() -> None:
        if polling[0]:  # QProgressDialog.setValue may process events, and so call us again
            return
        polling[0] = True
        try:
            latest = None
            while True:
                try:
                    kind, value = messages.get_nowait()
                except queue.Empty:
                    break
                if kind == "progress":
                    latest = value
                    continue
                timer.stop()
                _running.discard(thread)
                dialog.close()
                dialog.deleteLater()
                (on_done if kind == "finished" else on_error)(value)
                return
            if latest is not None:
                stage, done, total = latest
                if not cancelled.is_set():
                    dialog.setLabelText(stage)
                if total <= 0:
                    dialog.setRange(0, 0)  # how long is not known: a busy bar, not a 0% that never moves
                    dialog.setValue(0)  # Qt shows the dialog (after its minimum duration) only once a value is set
                else:
                    dialog.setRange(0, total)
                    dialog.setValue(min(done, total))
        finally:
            polling[0] = False

    timer.timeout.connect(poll)
    _running.add(thread)
    thread.start()
    timer.start()
    return dialog


def wait_for_background(timeout_s: float = 60.0) -> None:
    """Let running work (a backup, say) finish before the program exits."""
    for thread in list(_running):
        thread.join(timeout_s)


def run_and_wait(parent: QWidget | None, title: str, work: Callable[[Progress], Any], cancellable: bool = False) -> Any:
    """Run `work` off the UI thread behind a progress dialog and return its result, or raise.

    For steps the caller must wait for, without freezing the window: the check after an unclean exit,
    an upgrade of the database, an export. With `cancellable`, Cancel makes `progress` return False.
    """
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def finish(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    dialog = run_in_background(parent, title, work, lambda value: finish("result", value),
                               lambda exc: finish("error", exc), cancellable=cancellable)
    dialog.setMinimumDuration(0)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def run_quietly(owner: QObject, work: Callable[[], Any], on_done: Callable[[Any], None],
                on_error: Callable[[BaseException], None]) -> None:
    """Start `work()` on its own thread with no dialog: for reading that must not hold up the window.

    A callback runs on the UI thread when it ends, unless `owner` is gone by then. `work` must not touch Qt.
    """
    messages: queue.Queue[tuple[str, Any]] = queue.Queue()

    def target() -> None:
        try:
            messages.put(("finished", work()))
        except BaseException as exc:  # handed to the UI thread, which decides what to do with it
            messages.put(("failed", exc))

    thread = threading.Thread(target=target, name="quiet task", daemon=True)
    timer = QTimer(owner, interval=10)
    _reading.add(thread)

    def poll() -> None:
        try:
            kind, value = messages.get_nowait()
        except queue.Empty:
            return
        timer.stop()
        timer.deleteLater()
        _running.discard(thread)
        _reading.discard(thread)
        (on_done if kind == "finished" else on_error)(value)

    timer.timeout.connect(poll)
    _running.add(thread)
    thread.start()
    timer.start()


def wait_for_reads(timeout_s: float = 30.0) -> None:
    """Let quiet reads end before their database is closed (SQLite must not close under a running query)."""
    for thread in list(_reading):
        thread.join(timeout_s)
        if not thread.is_alive():
            _reading.discard(thread)
