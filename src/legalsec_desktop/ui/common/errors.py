"""The two kinds of errors: plain messages for what the user can fix, one dialog for bugs."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.logs import error_kind, scrubbed_traceback

log = logging.getLogger("legalsec")


def show_problem(parent: QWidget | None, exc: BaseException, title: str = "Could not finish") -> None:
    """Show a user-fixable error plainly; hand anything else to the bug dialog."""
    if isinstance(exc, UserFixableError):
        log.info("user-fixable: %s", error_kind(exc))  # its message may name a client or a file
        QMessageBox.warning(parent, title, exc.message)
    else:
        report_bug(type(exc), exc, exc.__traceback__)


_log_file: Path | None = None


def report_bug(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log the traceback; tell the user plainly, with the details one click away.

    The details are the traceback's frames and the errors' kinds, without their messages, which may
    hold client data; so they can be sent to whoever supports the program as they are.
    """
    log.error("unexpected error: %s", error_kind(exc), exc_info=(kind, exc, tb))
    app = QApplication.instance()
    if app is None:
        return
    if QThread.currentThread() is not app.thread():
        return  # logged above; work on other threads reports its own errors to the UI thread
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Something went wrong")
    where = f" The details were written to {_log_file}." if _log_file else ""
    box.setText("Something unexpected went wrong. What was already saved is safe.")
    box.setInformativeText(
        "Please try again. If it happens again, send the details to whoever supports this program." + where
    )
    box.setDetailedText(scrubbed_traceback(kind, exc, tb))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def install_excepthook(log_file: Path | None) -> None:
    """Route every uncaught exception, in any thread, to `report_bug` instead of a console traceback."""
    global _log_file
    _log_file = log_file
    sys.excepthook = report_bug
    threading.excepthook = _report_thread_bug


def _report_thread_bug(args: threading.ExceptHookArgs) -> None:
    """`report_bug` for an error that ended a thread."""
    if args.exc_value is None:  # allowed by the hook's signature; a raised error always has its value
        threading.__excepthook__(args)
        return
    report_bug(args.exc_type, args.exc_value, args.exc_traceback)
