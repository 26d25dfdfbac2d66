"""Qt for the command line: an application object that draws offscreen, so no window or display is needed."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication


def application() -> QCoreApplication:
    """The running QApplication, or a new offscreen one (fonts, layout, PDF and printers work without a screen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["legalsec"])
