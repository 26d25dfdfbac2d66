"""Timers: the Time tab's list of them, and the running one in the status bar.

Their state is in the database, so a timer keeps counting through a restart or a crash. One runs at a time:
starting or resuming one pauses the other. Stopping a timer turns it into a draft time entry.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.timers import Timer, format_elapsed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.undo import delete_with_undo
from legalsec_desktop.services.changes import Changed


def timers():  # noqa: ANN201 - the services module, imported when first used (after the window is up)
    from legalsec_desktop.services import timers as service

    return service

TIMER_ID = Qt.ItemDataRole.UserRole


def describe(timer: Timer, seconds: int) -> str:
    state = "▶" if timer.running else "❚❚"
    what = " ".join(part for part in (timer.timekeeper, timer.matter_number or "(no matter yet)",
                                      timer.narrative) if part)
    return f"{state} {format_elapsed(seconds)}  {what}"


class TimersPanel(QGroupBox):
    """The list of timers with Start, Pause/Resume, Stop and Discard; `entry_made(entry id)` after a Stop."""

    entry_made = Signal(int)
    changed = Signal()

    def __init__(self, state: AppState, undo_stack: QUndoStack, start_with, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setTitle(self.tr("Timers"))
        self.state, self.undo_stack = state, undo_stack
        self.start_with = start_with  # () -> (timekeeper id, matter id, narrative) from the entry bar
        self.timers: list[Timer] = []
        self.list = QListWidget()
        self.list.setObjectName("timerList")
        self.list.itemDoubleClicked.connect(lambda _item: self.toggle())
        self.start_button = QPushButton(self.tr("Start &Timer"))
        self.start_button.setToolTip(self.tr("A new timer for the timekeeper, matter and narrative in the entry bar"))
        self.start_button.clicked.connect(self.start)
        self.toggle_button = QPushButton(self.tr("&Pause / Resume"))
        self.toggle_button.clicked.connect(self.toggle)
        self.stop_button = QPushButton(self.tr("St&op → Entry"))
        self.stop_button.setToolTip(self.tr("Stop the timer and record its time as a draft entry"))
        self.stop_button.clicked.connect(self.stop)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.clicked.connect(self.discard)
        column = QVBoxLayout(self)
        column.addWidget(self.list, 1)
        row = QHBoxLayout()
        for button in (self.start_button, self.toggle_button):
            row.addWidget(button)
        column.addLayout(row)
        row = QHBoxLayout()
        for button in (self.stop_button, self.discard_button):
            row.addWidget(button)
        column.addLayout(row)
        self.ticker = QTimer(self, interval=1000)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        # A timer left running when the program closed (or crashed) is in the status bar as soon as it opens.
        state.store_changed.connect(self.reload)
        state.data_changed.connect(lambda what: self.reload() if what.touches(Changed.TIMERS) else None)

    def reload(self) -> None:
        if self.state.store is None:
            self.timers = []
        else:
            self.timers = timers().list_timers(self.state.store)
        chosen = self.current_id()
        self.list.clear()
        for timer in self.timers:
            item = QListWidgetItem()
            item.setData(TIMER_ID, timer.id)
            self.list.addItem(item)
            if timer.id == chosen or (chosen is None and timer.running):
                self.list.setCurrentItem(item)
        self.tick()
        self.changed.emit()

    def tick(self) -> None:
        now = self.state.clock.utc_now()
        for index, timer in enumerate(self.timers):
            item = self.list.item(index)
            if item is not None:
                item.setText(describe(timer, timer.seconds(now)))
                item.setToolTip(item.text())
        busy = self.state.store is None or self.state.read_only
        for button in (self.start_button, self.toggle_button, self.stop_button, self.discard_button):
            button.setEnabled(not busy and (button is self.start_button or self.current_id() is not None))

    def running(self) -> Timer | None:
        return next((t for t in self.timers if t.running), None)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(TIMER_ID) if item is not None else None

    def _run(self, call, title: str) -> bool:  # noqa: ANN001
        try:
            call()
        except UserFixableError as exc:
            show_problem(self, exc, title)
            return False
        self.reload()
        return True

    def start(self) -> None:
        keeper, matter, narrative = self.start_with()
        if self._run(lambda: timers().start_timer(self.state.store, keeper, matter, narrative), self.tr("No timer")):
            self.list.setCurrentRow(self.list.count() - 1)

    def toggle(self, timer_id: int | None = None) -> None:
        """Pause the chosen timer if it runs, else run it (pausing the one that ran)."""
        timer_id = timer_id or self.current_id()
        timer = next((t for t in self.timers if t.id == timer_id), None)
        if timer is None:
            return
        if timer.running:
            self._run(lambda: timers().pause_timer(self.state.store, timer.id), self.tr("Not paused"))
        else:
            self._run(lambda: timers().resume_timer(self.state.store, timer.id), self.tr("Not resumed"))

    def stop(self) -> None:
        """Record the timer as a draft entry; one started without a matter takes the entry bar's matter."""
        timer_id = self.current_id()
        timer = next((t for t in self.timers if t.id == timer_id), None)
        if timer is None:
            return
        if timer.matter_id is None:
            _keeper, matter, narrative = self.start_with()
            if matter is None:
                show_problem(self, UserFixableError("This timer has no matter yet. Choose the matter in the entry "
                                                   "bar above, then press Stop again."), self.tr("Timer not stopped"))
                return
            if not self._run(lambda: timers().update_timer(self.state.store, timer_id, matter,
                                                           timer.narrative or narrative), self.tr("Timer not stopped")):
                return
        made: list[int] = []
        if self._run(lambda: made.append(timers().stop_timer(self.state.store, timer_id)),
                     self.tr("Timer not stopped")):
            self.state.data_changed.emit(Changed.TIME)
            self.entry_made.emit(made[0])

    def discard(self) -> None:
        timer_id = self.current_id()
        if timer_id is None:
            return
        gone: list[Timer] = []

        def delete() -> str:
            gone[:] = [timers().discard_timer(self.state.store, timer_id)]
            return self.tr("the timer")

        def restore() -> None:
            timers().restore_timer(self.state.store, gone[0])
            self.reload()

        if delete_with_undo(self.undo_stack, self, self.state, Changed.TIMERS, delete, restore, self.tr("Discard")):
            self.reload()


class RunningTimerButton(QToolButton):
    """The running timer in the status bar: its time and matter; a click pauses it."""

    def __init__(self, panel: TimersPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.setObjectName("runningTimer")
        self.setAutoRaise(True)
        self.setToolTip(self.tr("The running timer: click to pause it"))
        self.clicked.connect(self._pause)
        panel.ticker.timeout.connect(self.update_text)
        panel.changed.connect(self.update_text)
        self.hide()

    def update_text(self) -> None:
        timer = self.panel.running()
        self.setVisible(timer is not None)
        if timer is not None:
            self.setText(describe(timer, timer.seconds(self.panel.state.clock.utc_now())))

    def _pause(self) -> None:
        timer = self.panel.running()
        if timer is not None:
            self.panel.toggle(timer.id)
