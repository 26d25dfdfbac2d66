"""The Correspondence feature as the frame sees it: its register tab, and logging calls, e-mails, letters and
meetings, and drafting letters."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from legalsec_desktop.domain.communications import KIND_LABELS
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.domain.letters import COURT_CLERK
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
        self.tab = self.register = correspondence_tab.CorrespondenceTab(correspondence_tab.SPEC, state, undo_stack)
        self.tab.new_letter_requested.connect(lambda matter_id: self.new_letter(self._or_selected(matter_id)))
        self.tab.log_requested.connect(lambda matter_id, kind: self.log(self._or_selected(matter_id), kind))
        self.tab.edit_requested.connect(self.edit_entry)
        self.add_action("log_call", self.tr("&Log a Call…"), lambda: self.log(self.selected_matter(), "call"),
                        Menu.FILE, 120, shortcut="Ctrl+L", icon_name="call",
                        tip=self.tr("Log a call on the selected matter (and record its time)"), needs=Needs.WRITABLE,
                        toolbar=40)
        self.add_action("log_email", self.tr("Log an E-&mail…"), lambda: self.log(self.selected_matter(), "email"),
                        Menu.FILE, 121, tip=self.tr("Log an e-mail sent or received on the selected matter "
                                                    "(to file the e-mail itself, drop it on the Files tab)"),
                        needs=Needs.WRITABLE)
        # the party chosen on a matter's Parties page, when that page is what the user looks at (set by the frame)
        self.selected_party: Callable[[], tuple[int, int] | None] = lambda: None
        self.add_action("new_letter", self.tr("New &Letter…"), self.new_letter_here,
                        Menu.FILE, 125, shortcut="Ctrl+Shift+L", icon_name="correspondence",
                        tip=self.tr("Draft a letter on the selected matter from one of the firm's templates"),
                        needs=Needs.WRITABLE, toolbar=42)
        self.add_action("letter_templates", self.tr("Letter &Templates…"), self.manage_templates, Menu.TOOLS, 230,
                        tip=self.tr("The firm's letter templates and packages: add, rename, set their purpose"),
                        needs=Needs.WRITABLE)
        self.add_action("print_envelope", self.tr("Print &Envelope…"), lambda: self.mailing("envelope"), Menu.FILE,
                        201, tip=self.tr("Print a #10 envelope to a party of the selected matter, or save it as PDF"))
        self.add_action("print_mailing_labels", self.tr("Print Mailing La&bels…"), lambda: self.mailing("labels"),
                        Menu.FILE, 202, tip=self.tr("Print address labels (Avery 5160) for the parties of a matter"))

    def new_letter_here(self) -> None:
        """Ctrl+Shift+L: on the register, the matter of the entry chosen there (or the one it is filtered to); on a
        matter's Parties page, to the party chosen there; else on the matter chosen on the Matters tab."""
        if self.shell.current_tab() == self.key:
            self.new_letter(self._or_selected(self.register.matter_for_new()))
            return
        party = self.selected_party()
        if party is not None:
            self.new_letter(party[0], recipient_id=party[1])
            return
        self.new_letter(self.selected_matter())

    def new_letter(self, matter_id: int | None, template_name: str | None = None,
                   recipient_id: int | None = None, package: str | None = None) -> None:
        """Draft a letter (or a package) on `matter_id` unless the user picks another; then offer an envelope."""
        if not self.usable(writing=True):
            return
        from legalsec_desktop.ui.correspondence.letter_dialog import LetterDialog

        dialog = LetterDialog(self.state, self.shell.dialog_parent(), matter_id, template_name, recipient_id, package)
        if dialog.exec() != LetterDialog.DialogCode.Accepted or not dialog.created:
            return
        made = dialog.created
        said = (self.tr("Letter filed in the matter's documents and logged: %s.") % made[0].path.name
                if len(made) == 1 else self.tr("%d letters filed and logged.") % len(made))
        if dialog.pdfs_saved:
            said += " " + (self.tr("Its PDF copy is filed too.") if dialog.pdfs_saved == 1
                           else self.tr("Their %d PDF copies are filed too.") % dialog.pdfs_saved)
        self.shell.show_status(said, 10000)
        self.register.select_entry(made[-1].communication_id)  # the new letter, chosen in the register
        self.offer_envelope(dialog.made_for[0], dialog.made_for[1])

    def offer_letter(self, matter_id: int, purpose: str, recipient_id: int | None = None) -> None:
        """Offer the template kept for `purpose` (a declination, a closing letter) on a matter; nothing when the firm
        has none for it."""
        from legalsec_desktop.services import letter_templates

        if not self.usable(writing=True):
            return
        offered = letter_templates.offered_template(self.state.require_store(), purpose)
        if offered is None:
            return
        answer = QMessageBox.question(self.shell.dialog_parent(), self.tr("Draft the letter?"),
                                      self.tr("Draft the %s letter now (“%s”)?") % (purpose, offered.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.new_letter(matter_id, offered.name, recipient_id)

    def offer_envelope(self, matter_id: int, contact_ids: list[int]) -> None:
        """After letters are created: an envelope (or labels, for several) for their recipients (contacts only: the
        clerk of a court has no address on file)."""
        contact_ids = [contact for contact in contact_ids if contact != COURT_CLERK]
        if not contact_ids:
            return
        several = len(contact_ids) > 1
        # a short title (a window's title bar cuts a long one); the question itself in the text
        answer = QMessageBox.question(self.shell.dialog_parent(),
                                      self.tr("Labels") if several else self.tr("Envelope"),
                                      self.tr("Print labels for the %d recipients?") % len(contact_ids) if several
                                      else self.tr("Print an envelope for the letter?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.mailing("labels" if several else "envelope", matter_id, contact_ids)

    def manage_templates(self) -> None:
        if not self.usable(writing=True):
            return
        from legalsec_desktop.ui.correspondence.templates_dialog import TemplatesDialog

        TemplatesDialog(self.state, self.shell.dialog_parent()).exec()

    def _or_selected(self, matter_id: int | None) -> int | None:
        return matter_id if matter_id is not None else self.selected_matter()

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
