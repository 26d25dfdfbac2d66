"""Backups as the frame offers them: Back Up Now, Restore from Backup…, Check Database, the daily backup while the
window is open, and the backup every close leaves behind."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack

from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.feature import Feature, Menu, Needs, Shell
from legalsec_desktop.ui.maintenance import backup_actions

DAILY_CHECK_MS = 60 * 60 * 1000  # how often to see whether the day's backup is due


class MaintenanceFeature(Feature):
    """Backups, restore and the database check; no tab of its own."""

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(state, undo_stack, shell)
        self.add_action("back_up", self.tr("&Back Up Now"), lambda: backup_actions.back_up_now(shell, state),
                        Menu.FILE, 400, shortcut="Ctrl+Shift+B", icon_name="backup",
                        tip=self.tr("Make a verified backup of the database now"), toolbar=90)
        self.add_action("restore", self.tr("&Restore from Backup…"),
                        lambda: backup_actions.restore_backup(shell, state, undo_stack), Menu.FILE, 410,
                        icon_name="restore", tip=self.tr("Replace the database with a backup"), needs=Needs.WRITABLE)
        self.add_action("check_database", self.tr("&Check Database"),
                        lambda: backup_actions.check_database(shell, state), Menu.TOOLS, 300)
        self._daily = QTimer(self, interval=DAILY_CHECK_MS)
        self._daily.timeout.connect(self.back_up_if_due)
        self._daily.start()

    def back_up_if_due(self) -> None:
        """The day's backup, if none was made today yet."""
        backup_actions.back_up_if_due(self.shell, self.state)

    def closing(self) -> None:
        backup_actions.back_up_on_close(self.shell, self.state)
