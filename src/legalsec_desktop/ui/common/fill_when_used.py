"""Pickers filled the first time they are used: a practice's thousands of matters cost nothing until then.

A tab that shows a matter picker need not read and add 20,000 matters (0.4 s on a practice four times the large
demo) before it is drawn: the picker is filled when it takes the focus, is clicked or typed in, or when the program
itself is about to choose an item in it (`now()`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox

USED = (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress)


class FillWhenUsed(QObject):
    """Runs `fill` (which fills every one of `combos`) once, when one of them is first used or `now()` is called;
    `due()` makes it run again at the next use (another database, matters added)."""

    def __init__(self, combos: Sequence[QComboBox], fill: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fill, self.pending = fill, False
        for combo in combos:
            combo.installEventFilter(self)
            edit = combo.lineEdit()
            if edit is not None:
                edit.installEventFilter(self)

    def due(self) -> None:
        self.pending = True

    def now(self) -> None:
        if self.pending:
            self.pending = False
            self.fill()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.pending and event.type() in USED:
            self.now()
        return super().eventFilter(watched, event)
