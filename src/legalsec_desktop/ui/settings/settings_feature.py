"""The firm's settings as the frame offers them: Tools ▸ Settings…, the first-run welcome, and the sample practice."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from legalsec_desktop import paths
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.feature import Feature, Menu, Needs, Shell
from legalsec_desktop.ui.settings import sample_practice


class SettingsFeature(Feature):
    """Firm, timekeepers and billing defaults, retention rules and the closing checklist; no tab of its own."""

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(state, undo_stack, shell)
        self.add_action("settings", self.tr("&Settings…"), self.open_settings, Menu.TOOLS, 400, shortcut="Ctrl+,",
                        icon_name="settings", tip=self.tr("Firm, timekeepers and billing defaults"),
                        needs=Needs.WRITABLE, toolbar=100)
        self.add_action("file_room_settings", self.tr("&Retention and Closing…"), self.open_file_room_settings,
                        Menu.TOOLS, 410, tip=self.tr("The firm's retention rules and its closing checklist"),
                        needs=Needs.WRITABLE)
        self.add_action("sample_practice", self.tr("Open the &Sample Practice"), self.open_sample_practice,
                        Menu.HELP, 50, tip=sample_practice.sample_tip(), needs=Needs.NOTHING)

    def open_settings(self, first_run: bool = False) -> bool:
        """Show the settings; True when they were saved."""
        if not self.usable():
            return False
        from legalsec_desktop.ui.settings.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.state, first_run=first_run, parent=self.shell.dialog_parent())
        return dialog.exec() == SettingsDialog.DialogCode.Accepted

    def open_sample_practice(self) -> bool:
        """The sample practice in a window of its own (this one, if it shows the sample already)."""
        if paths.is_sample(self.state.location):
            self.shell.show_status(self.tr("This window shows the sample practice."))
            return True
        return sample_practice.open_sample_practice(self.shell.dialog_parent(), self.state.clock)

    def open_file_room_settings(self) -> None:
        """The retention rules and the closing checklist (each change is saved as it is made)."""
        if not self.usable():
            return
        from legalsec_desktop.ui.settings.file_room_dialog import FileRoomSettingsDialog

        FileRoomSettingsDialog(self.state, self.shell.dialog_parent()).exec()
