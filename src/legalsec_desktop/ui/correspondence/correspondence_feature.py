"""The Correspondence feature as the frame sees it: its tab, and logging calls, e-mails, letters and meetings."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from legalsec_desktop.domain.communications import KIND_LABELS
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.feature import Feature, Menu, Needs, Shell
from legalsec_desktop.ui.common.list_tab import ListTab
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.correspondence import correspondence_tab


class CorrespondenceFeature(Feature):
    """The log of letters, e-mails, calls and meetings on each matter."""

    key = TabKey.CORRESPONDENCE

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(state, undo_stack, shell)
        self.title, self.icon_name = self.tr("Correspondence"), correspondence_tab.SPEC.icon
        self.tab = ListTab(correspondence_tab.SPEC, state)
        self.add_action("log_call", self.tr("&Log a Call…"), lambda: self.log(self.selected_matter(), "call"),
                        Menu.FILE, 120, shortcut="Ctrl+L", icon_name="call",
                        tip=self.tr("Log a call on the selected matter (and record its time)"), needs=Needs.WRITABLE,
                        toolbar=40)
        self.add_action("print_envelope", self.tr("Print &Envelope…"), lambda: self.mailing("envelope"), Menu.FILE,
                        201, tip=self.tr("Print a #10 envelope to a party of the selected matter, or save it as PDF"))
        self.add_action("print_mailing_labels", self.tr("Print Mailing La&bels…"), lambda: self.mailing("labels"),
                        Menu.FILE, 202, tip=self.tr("Print address labels (Avery 5160) for the parties of a matter"))

    def log(self, matter_id: int | None, kind: str = "call") -> None:
        """Log a new call, e-mail, letter or meeting, on `matter_id` unless the user picks another."""
        if not self.usable(writing=True):
            return
        from legalsec_desktop.ui.correspondence.log_dialog import LogDialog

        dialog = LogDialog(self.state, self.shell.dialog_parent(), matter_id, kind)
        if dialog.exec() == LogDialog.DialogCode.Accepted:
            made = self.tr(" and its time entry") if dialog.time_entry_id else ""
            self.shell.show_status(self.tr("%s logged%s.") % (KIND_LABELS[dialog.kind.currentData()], made))

    def mailing(self, mode: str, matter_id: int | None = None, contact_ids: list[int] | None = None) -> None:
        """Envelopes or mailing labels for a matter's parties (the selected matter unless one is given)."""
        if not self.usable():
            return
        from legalsec_desktop.ui.correspondence.mailing_dialog import MailingDialog

        chosen = matter_id if matter_id is not None else self.selected_matter()
        MailingDialog(self.state, self.shell.dialog_parent(), chosen, contact_ids, mode).exec()

    def edit_entry(self, entry_id: int) -> None:
        """Open one log entry for editing."""
        if not self.usable(writing=True):
            return
        from legalsec_desktop.ui.correspondence.log_dialog import LogDialog

        LogDialog(self.state, self.shell.dialog_parent(), entry_id=entry_id).exec()
