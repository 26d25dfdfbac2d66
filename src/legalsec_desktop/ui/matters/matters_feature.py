"""The Matters feature as the frame sees it: its tab, New Matter, Edit Matter, Contacts and the conflict check."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack

from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.feature import Feature, Menu, Needs, Shell
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.matters import matters_tab
from legalsec_desktop.ui.matters.matters_tab import MattersTab


class MattersFeature(Feature):
    """Matters, their parties and contacts, and conflict checks."""

    key = TabKey.MATTERS
    log_requested = Signal(int, str)  # a matter's overview asks to log a call, letter … on it
    log_edit_requested = Signal(int)  # … or to open one of its log entries
    letter_requested = Signal(int, object)  # … or to draft a letter on it (to a contact id, or None)

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(state, undo_stack, shell)
        self.title, self.icon_name = self.tr("Matters"), matters_tab.SPEC.icon
        tab = self.tab = MattersTab(matters_tab.SPEC, state, undo_stack)
        self.party_shown = tab.detail.party_shown  # the party chosen on a matter's Parties page, while shown
        tab.action_requested.connect(self.new_matter)
        tab.edit_requested.connect(self.edit_matter)
        tab.detail.conflict_check_requested.connect(
            lambda client, adverse: self.conflict_check(client, adverse, tab.detail.matter_id))
        tab.detail.log_requested.connect(self.log_requested)
        tab.detail.log_edit_requested.connect(self.log_edit_requested)
        tab.detail.letter_requested.connect(self.letter_requested)
        self.selected_matter = tab.current_matter_id
        self.add_action("new_matter", self.tr("New &Matter…"), self.new_matter, Menu.FILE, 100,
                        shortcut="Ctrl+Shift+M", icon_name="new", tip=self.tr("Open a new matter"),
                        needs=Needs.WRITABLE, toolbar=10)
        self.add_action("edit_matter", self.tr("&Edit Matter…"), self.edit_matter, Menu.FILE, 110, shortcut="Ctrl+E",
                        icon_name="edit", tip=self.tr("Edit the matter selected in the Matters tab"),
                        needs=Needs.WRITABLE)
        self.add_action("close_matter", self.tr("C&lose Matter…"), self.close_matter, Menu.FILE, 115,
                        icon_name="", tip=self.tr("Close the selected matter through the firm's closing checklist"),
                        needs=Needs.WRITABLE)
        self.add_action("conflict_check", self.tr("Con&flict Check…"), self.conflict_check, Menu.TOOLS, 200,
                        shortcut="Ctrl+Shift+K", icon_name="conflict",
                        tip=self.tr("Search every name in the files for conflicts"), toolbar=50)
        self.add_action("contacts", self.tr("C&ontacts…"), self.show_contacts, Menu.TOOLS, 210,
                        shortcut="Ctrl+Shift+P", icon_name="contacts",
                        tip=self.tr("Every client and contact, with their other names"))

    @property
    def matters(self) -> MattersTab:
        assert isinstance(self.tab, MattersTab)
        return self.tab

    def new_matter(self) -> None:
        if not self.usable(writing=True):
            return
        from legalsec_desktop.ui.matters.matter_dialog import MatterDialog

        dialog = MatterDialog(self.state, self.shell.dialog_parent())
        if dialog.exec() == MatterDialog.DialogCode.Accepted:
            self.state.navigate_to(TabKey.MATTERS)
            assert dialog.matter_id is not None  # an accepted dialog has saved its matter
            self.matters.select_matter(dialog.matter_id)
            self.shell.show_status(self.tr("Matter %s opened.") % dialog.number.text().strip())

    def _matter_to_change(self, matter_id: int | None) -> int | None:
        """The matter an action is for (the one given, else the one selected); None, with a hint, when there is none."""
        matter_id = matter_id or self.matters.current_matter_id()
        if not self.usable(writing=True):
            return None
        if matter_id is None:
            self.state.navigate_to(TabKey.MATTERS)
            self.shell.show_status(self.tr("Select a matter in the Matters tab first."))
        return matter_id

    def edit_matter(self, matter_id: int | None = None) -> None:
        matter_id = self._matter_to_change(matter_id)
        if matter_id is None:
            return
        from legalsec_desktop.ui.matters.matter_dialog import MatterDialog

        from legalsec_desktop.services import matters

        was_closed = matters.load_matter(self.state.require_store(), matter_id).status == "closed"
        dialog = MatterDialog(self.state, self.shell.dialog_parent(), matter_id)
        if dialog.exec() == MatterDialog.DialogCode.Accepted:
            self.shell.show_status(self.tr("Matter %s saved.") % dialog.number.text().strip())
            # closed through the closing checklist the edit opened: offer the closing letter, as Close Matter does
            if not was_closed and matters.load_matter(self.state.require_store(), matter_id).status == "closed":
                self.state.letter_offered.emit(matter_id, "closing")

    def close_matter(self, matter_id: int | None = None) -> None:
        matter_id = self._matter_to_change(matter_id)
        if matter_id is None:
            return
        from legalsec_desktop.ui.matters.closing_dialog import ClosingDialog

        dialog = ClosingDialog(self.state, matter_id, self.shell.dialog_parent())
        if dialog.exec() == ClosingDialog.DialogCode.Accepted and dialog.closing_done is not None:
            self.shell.show_status(self.tr("Matter closed as %s.") % dialog.closing_done.closed_number)
            self.state.letter_offered.emit(matter_id, "closing")

    def show_contacts(self) -> None:
        if not self.usable():
            return
        from legalsec_desktop.ui.matters.contacts_window import ContactsWindow

        ContactsWindow(self.state, self.undo_stack, self.shell.dialog_parent()).exec()

    def open_contact(self, contact_id: int) -> None:
        """Open one contact in its dialog (a contact found by the search)."""
        if not self.usable():
            return
        from legalsec_desktop.ui.matters.contact_dialog import ContactDialog

        ContactDialog(self.state, self.shell.dialog_parent(), contact_id).exec()

    def conflict_check(self, client: tuple[str, ...] = (), adverse: tuple[str, ...] = (),
                       matter_id: int | None = None) -> None:
        if not self.usable():
            return
        from legalsec_desktop.ui.matters.conflict_dialog import ConflictCheckDialog

        ConflictCheckDialog(self.state, self.shell.dialog_parent(), client=client, adverse=adverse,
                            matter_id=matter_id).exec()
