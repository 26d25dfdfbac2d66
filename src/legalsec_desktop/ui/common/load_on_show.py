"""A dialog whose constructor only builds widgets: what it shows is read by `load()` when it is first shown."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

from legalsec_desktop.ui.common.errors import show_problem


class LoadOnShowDialog(QDialog):
    """Subclasses build their widgets in `__init__` and read the database in `read()`.

    `exec()` and `show()` load it through `setVisible`, so callers only construct and show. Code that
    reads or fills the fields without showing the dialog (a test, say) calls `load()` first. `accept()`
    calls `ready()` before saving, so a dialog that never read its record cannot save blanks over it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded = False
        self.load_problem_title = self.tr("Could not open")

    def read(self) -> None:
        """Read what the dialog shows and fill its widgets (once; overridden)."""

    def load(self) -> None:
        """Read and fill the widgets now; raises what reading raised (and then the dialog stays unloaded)."""
        if not self.loaded:
            self.read()
            self.loaded = True

    def ready(self) -> bool:
        """Load if that has not happened yet; False (the problem shown) if reading failed, so nothing is saved."""
        try:
            self.load()
        except Exception as exc:  # noqa: BLE001 - the record vanished, the disk failed, or a bug: say which
            show_problem(self, exc, self.load_problem_title)
            return False
        return True

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name; exec() and show() come through here
        if visible and not self.loaded and not self.ready():
            # Shown empty for an instant, then closed: exec() must reach its event loop for reject() to end it.
            QTimer.singleShot(0, self.reject)
        super().setVisible(visible)
