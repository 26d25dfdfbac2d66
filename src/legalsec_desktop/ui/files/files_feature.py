"""The Files feature as the frame sees it: the tab of the paper and digital file index."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.feature import Feature, Shell
from legalsec_desktop.ui.common.list_tab import ListTab
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.files import files_tab
from legalsec_desktop.ui.files.destruction_actions import add_destruction_actions


class FilesFeature(Feature):
    """Where each client file is kept."""

    key = TabKey.FILES

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(state, undo_stack, shell)
        self.title, self.icon_name = self.tr("Files"), files_tab.SPEC.icon
        self.tab = ListTab(files_tab.SPEC, state)
        add_destruction_actions(self)  # Tools ▸ Destruction Review… and Destruction Register…
