"""The Correspondence feature as the frame sees it: its register tab, and logging calls, e-mails, letters and
meetings, and drafting letters."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from legalsec_desktop.domain.communications import KIND_LABELS
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.feature import Feature, Menu, Needs, Shell
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.common.undo import StoreCommand
from legalsec_desktop.ui.correspondence import correspondence_tab


class CorrespondenceFeature(Feature):
    """The register of letters, e-mails, calls and meetings of every matter."""

    key = TabKey.CORRESPONDENCE

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(state, undo_stack, shell)
        self.title, self.icon_name = self.tr("Correspondence"), correspondence_tab.SPEC.icon
        self.tab = correspondence_tab.CorrespondenceTab(correspondence_tab.SPEC, state, undo_stack)
        self.tab.new_letter_requested.connect(lambda matter_id: self.new_letter(matter_id))
        self.tab.log_requested.connect(lambda matter_id, kind: self.log(self._or_selected(matter_id), kind))
        self.tab.edit_requested.connect(self.edit_entry)
        self.add_action("log_call", self.tr("&Log a Call…"), lambda: self.log(self.selected_matter(), "call"),
                        Menu.FILE, 120, shortcut="Ctrl+L", icon_name="call",
                        tip=self.tr("Log a call on the selected matter (and record its time)"), needs=Needs.WRITABLE,
                        toolbar=40)

    def _or_selected(self, matter_id: int | None) -> int | None:
        return matter_id if matter_id is not None else self.selected_matter()

    def new_letter(self, matter_id: int | None, template_name: str | None = None,
                   recipient_id: int | None = None) -> None:
        """Draft a letter from a template on `matter_id` (the New Letter dialog). Until that dialog is built, it
        says so in the status bar."""
        if not self.usable(writing=True):
            return
        self.shell.show_status(self.tr("Drafting letters from templates is not ready yet: log the letter with "
                                       "Log an E-mail… or Edit… for now."))

    def log(self, matter_id: int | None, kind: str = "call") -> None:
        """Log a new call, e-mail, letter or meeting, on `matter_id` unless the user picks another."""
        if not self.usable(writing=True):
            return
        from legalsec_desktop.ui.correspondence.log_dialog import LogDialog

        dialog = LogDialog(self.state, self.shell.dialog_parent(), matter_id, kind)
        if dialog.exec() == LogDialog.DialogCode.Accepted:
            made = self.tr(" and its time entry") if dialog.time_entry_id else ""
            self.shell.show_status(self.tr("%s logged%s.") % (KIND_LABELS[dialog.kind.currentData()], made))

    def edit_entry(self, entry_id: int) -> None:
        """Open one log entry for editing; a saved change can be undone (Edit ▸ Undo)."""
        if not self.usable(writing=True):
            return
        from legalsec_desktop.domain.errors import UserFixableError
        from legalsec_desktop.services import communications
        from legalsec_desktop.ui.common.errors import show_problem
        from legalsec_desktop.ui.correspondence.log_dialog import LogDialog

        store = self.state.require_store()
        parent = self.shell.dialog_parent()
        try:
            before = communications.load_communication(store, entry_id)
        except UserFixableError as exc:
            show_problem(parent, exc, self.tr("Log entry not opened"))
            return
        if LogDialog(self.state, parent, entry_id=entry_id).exec() != LogDialog.DialogCode.Accepted:
            return
        after = communications.load_communication(store, entry_id)
        if after != before:
            self.undo_stack.push(StoreCommand(
                self.tr("Change %s") % KIND_LABELS[after.kind].lower(),
                lambda: communications.save_communication(store, before, entry_id),
                lambda: communications.save_communication(store, after, entry_id),
                self.state, Changed.COMMUNICATIONS | Changed.TODOS, parent))
