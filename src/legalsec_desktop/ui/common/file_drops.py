"""Files dragged onto a widget or pasted from Explorer/Finder: their local paths, and a drop target for any widget."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget


def local_paths(mime: QMimeData | None) -> list[Path]:
    """The local files and folders named by `mime`'s URLs (what Explorer, Finder and file managers put there);
    web links and the like are left out."""
    if mime is None or not mime.hasUrls():
        return []
    found: list[Path] = []
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile():
            path = Path(url.toLocalFile())
            if path not in found:
                found.append(path)
    return found


def pasted_paths() -> list[Path]:
    """The files copied to the clipboard (Ctrl+C in Explorer or Finder), or none."""
    return local_paths(QApplication.clipboard().mimeData())


class DropTarget(QObject):
    """Lets `widget` take files and folders dropped on it: `dropped` says which and where (in `widget`'s
    coordinates). `accepts(position)` may refuse a place (between rows, say); by default every place takes them."""

    dropped = Signal(list, QPoint)  # list[Path], where

    def __init__(self, widget: QWidget, accepts: Callable[[QPoint], bool] | None = None) -> None:
        super().__init__(widget)
        self.widget, self.accepts = widget, accepts or (lambda _position: True)
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.widget:
            return False
        if isinstance(event, (QDragEnterEvent, QDragMoveEvent)):
            if local_paths(event.mimeData()) and self.accepts(event.position().toPoint()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if isinstance(event, QDropEvent):
            paths, where = local_paths(event.mimeData()), event.position().toPoint()
            if paths and self.accepts(where):
                event.acceptProposedAction()
                self.dropped.emit(paths, where)
            else:
                event.ignore()
            return True
        return False
