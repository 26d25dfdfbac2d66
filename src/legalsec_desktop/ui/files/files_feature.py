"""The Files feature as the frame sees it: the tab of paper files and the actions on them (File ▸ Files menu)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.feature import Feature, Menu, Needs, Shell
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.common.undo import StoreCommand
from legalsec_desktop.ui.files import files_tab
from legalsec_desktop.ui.files.destruction_actions import add_destruction_actions
from legalsec_desktop.ui.files.files_tab import FilesTab

PLACE = 600  # the Files actions' section of the File menu; other helpers' file-room actions go at 640 and on


class FilesFeature(Feature):
    """Where each paper file is, who has it, and its log: add, move, lend, take back, hold, scan."""

    key = TabKey.FILES

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(state, undo_stack, shell)
        self.title, self.icon_name = self.tr("Files"), files_tab.SPEC.icon
        tab = self.tab = FilesTab(files_tab.SPEC, state)
        tab.action_requested.connect(self.new_file)
        tab.selection_changed.connect(self.update_actions)
        tab.detail.shown.connect(self.update_actions)  # the shown file's status decides which actions are live
        tab.installEventFilter(self)
        add = self.add_action
        add("new_file", self.tr("New &File…"), self.new_file, Menu.FILE, PLACE, shortcut="Ctrl+Shift+N",
            icon_name="new", tip=self.tr("Add a folder, binder or box to a matter"), needs=Needs.WRITABLE)
        # These act on the files selected on the Files tab: live only while it is in view with a file selected.
        self.on_selection: list[tuple[QAction, Callable[[], bool]]] = []
        for name, text, slot, keys, tip, when in (
            ("move_file", self.tr("&Move File…"), self.move_file, "Ctrl+Shift+V",
             self.tr("Put the selected file in another place"), self._one_in),
            ("check_out_file", self.tr("Check &Out File…"), self.check_out, "Ctrl+Shift+O",
             self.tr("Lend the selected file to someone, with a due-back date"), self._one_in),
            ("check_in_file", self.tr("Check &In File"), self.check_in, "Ctrl+I",
             self.tr("The selected file is back: return it to its home place"), self._one_out),
            ("hold_files", self.tr("Legal &Hold…"), self.hold, "Ctrl+Shift+H",
             self.tr("Put the selected files on legal hold: they cannot be destroyed"), self._some_live),
            ("release_hold", self.tr("&Release Hold"), self.release, "",
             self.tr("Take the selected files off legal hold"), self._some_live),
        ):
            action = add(name, text, slot, Menu.FILE, PLACE + 10 + len(self.on_selection), shortcut=keys or None,
                         tip=tip, needs=Needs.NOTHING)
            action.setEnabled(False)
            self.on_selection.append((action, when))
        add("print_labels", self.tr("Print &Labels…"), self.print_labels, Menu.FILE, PLACE + 29,
            shortcut="Ctrl+Shift+G", icon_name="print",
            tip=self.tr("Folder and box labels with barcodes: the selected files, or the selected matter's files"))
        add("file_locations", self.tr("&Locations…"), self.show_locations, Menu.FILE, PLACE + 30,
            tip=self.tr("The offices, cabinets, drawers and storage boxes files are kept in"))
        add("scan_files", self.tr("&Scan to Check In/Out…"), self.scan, Menu.FILE, PLACE + 31, shortcut="F8",
            icon_name="files", tip=self.tr("Check files in or out by scanning their labels, one after another"),
            needs=Needs.WRITABLE)
        state.store_changed.connect(lambda: QTimer.singleShot(0, self.update_actions))  # after the frame's own
        add_destruction_actions(self)
        self._add_documents()
        named = {entry.action.objectName(): entry.action for entry in self.entries}
        tab.add_buttons([named[name] for name in ("new_file", "move_file", "check_out_file", "check_in_file",
                                                         "hold_files", "print_labels", "scan_files")])

    def _add_documents(self) -> None:
        """The tab's other sides: the documents of every matter, and the watched inbox; File Documents…."""
        from legalsec_desktop.ui.common.documents_pane import DocumentsPane
        from legalsec_desktop.ui.files.inbox_pane import InboxPane

        self.documents = DocumentsPane(self.state, self.undo_stack)
        self.documents_side = self.files.add_side(self.tr("Documents"), self.documents, self.documents,
                                                  (self.documents.count_label, self.documents.filter_box))
        self.inbox = InboxPane(self.state)
        self.inbox_side = self.files.add_side(self.tr("Inbox"), self.inbox, self.inbox, (self.inbox.count_label,))
        self.add_action("file_documents", self.tr("File &Documents…"), self.file_documents, Menu.FILE, PLACE + 1,
                        shortcut="Ctrl+Shift+I", icon_name="new",
                        tip=self.tr("Copy documents and e-mails into a matter's folder, found by their words"),
                        needs=Needs.WRITABLE)

    def file_documents(self) -> None:
        """Pick files to file: into the matter selected on the Matters tab, or the one the documents show."""
        if not self.usable(writing=True):
            return
        from legalsec_desktop.ui.common.filing import file_paths
        from legalsec_desktop.ui.common.save_paths import ask_open_paths

        matter = self.selected_matter() if self.shell.current_tab() is TabKey.MATTERS else None
        matter = matter if matter is not None else self.documents.filters.matter_id
        chosen = ask_open_paths(self.shell.dialog_parent(), self.tr("File Documents"))
        if chosen and file_paths(self.state, self.shell.dialog_parent(), chosen, matter):
            if self.shell.current_tab() is TabKey.FILES:
                self.files.show_side(self.documents_side)

    @property
    def files(self) -> FilesTab:
        assert isinstance(self.tab, FilesTab)
        return self.tab

    # --- which actions are live ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tab and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.update_actions()
        return super().eventFilter(watched, event)

    def _selected(self) -> list[int]:
        return self.files.selected_ids() if self.files.isVisible() else []

    def _one_in(self) -> bool:
        return len(self._selected()) == 1 and self._status() not in ("out", "overdue", "destroyed")

    def _one_out(self) -> bool:
        return len(self._selected()) == 1 and self._status() in ("out", "overdue")

    def _some(self) -> bool:
        return bool(self._selected())

    def _some_live(self) -> bool:
        """Files are selected and the current one is not destroyed (nothing can be done to a destroyed file)."""
        return self._some() and self._status() != "destroyed"

    def _status(self) -> str:
        """The current file's status key (domain.file_room.STATUSES), as the detail pane read it just now: no
        reading of the database, nor of a label the list shows, to enable a menu item."""
        shown, current = self.files.detail.volume, self.files.current_file_id()
        return shown.status if shown is not None and shown.id == current else ""

    def update_actions(self) -> None:
        writable = self.usable(writing=True)
        for action, when in self.on_selection:
            action.setEnabled(writable and when())

    def _chosen(self) -> int | None:
        """The one file the action is for; a hint in the status bar when there is none."""
        ids = self._selected()
        if len(ids) != 1 or not self.usable(writing=True):
            self.shell.show_status(self.tr("Select one file on the Files tab first."))
            return None
        return ids[0]

    # --- the actions ---------------------------------------------------------------------------
    def new_file(self) -> None:
        if not self.usable(writing=True):
            return
        from legalsec_desktop.ui.files.file_dialogs import NewFileDialog

        matter = self.selected_matter() if self.shell.current_tab() is TabKey.MATTERS else None
        matter = matter if matter is not None else self.files.filters.matter_id
        dialog = NewFileDialog(self.state, self.shell.dialog_parent(), matter)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.file_id is not None:
            if self.shell.current_tab() is TabKey.FILES:
                self.files.select_file(dialog.file_id)
            self.shell.show_status(self.tr("File %s added: print its label with File ▸ Print Labels… (Ctrl+Shift+G).")
                                   % dialog.barcode,
                                   8000)

    def move_file(self) -> None:
        file_id = self._chosen()
        if file_id is None:
            return
        from legalsec_desktop.services import volumes
        from legalsec_desktop.ui.files.file_dialogs import MoveDialog

        dialog = MoveDialog(self.state, file_id, self.shell.dialog_parent())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        store, was, to = self.state.require_store(), dialog.was_location_id, dialog.location.location_id()
        assert to is not None  # a move was saved to it
        text = self.tr("Move %s") % dialog.volume.barcode
        if was is not None:  # Undo puts it back (a second line in its log: the log is never edited)
            self.undo_stack.push(StoreCommand(text, lambda: volumes.move(store, file_id, was, "Undo"),
                                              lambda: volumes.move(store, file_id, to, "Redo"), self.state,
                                              Changed.FILES, self.shell.dialog_parent()))
        place = dialog.location.combo.currentText()
        self.shell.show_status(self.tr("%s moved to %s.") % (dialog.volume.barcode, place))

    def check_out(self) -> None:
        file_id = self._chosen()
        if file_id is None:
            return
        from legalsec_desktop.ui.files.file_dialogs import CheckOutDialog

        dialog = CheckOutDialog(self.state, file_id, self.shell.dialog_parent())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.shell.show_status(self.tr("%s checked out to %s.") % (dialog.volume.barcode,
                                                                       dialog.to.currentText().strip()), 8000)

    def check_in(self) -> None:
        file_id = self._chosen()
        if file_id is None:
            return
        from legalsec_desktop.services import volumes

        try:
            home = volumes.check_in(self.state.require_store(), file_id)
        except UserFixableError as exc:
            show_problem(self.shell.dialog_parent(), exc, self.tr("Not checked in"))
            return
        self.state.data_changed.emit(Changed.FILES)
        self.shell.show_status(self.tr("Checked in: put it back in %s.") % home if home
                               else self.tr("Checked in (it has no home place: move it to one)."), 8000)

    def hold(self) -> None:
        ids = self._selected()
        if not ids or not self.usable(writing=True):
            return
        from legalsec_desktop.services import volumes
        from legalsec_desktop.ui.files.file_dialogs import HoldDialog

        dialog = HoldDialog(self.state, ids, self.shell.dialog_parent())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        store, placed, held = self.state.require_store(), dialog.placed, dialog.newly_held
        reason = dialog.reason.toPlainText()
        if placed:  # Undo and Redo touch only the files this hold placed: a hold placed before keeps its reason
            self.undo_stack.push(StoreCommand(
                self.tr("Legal hold on %d file(s)") % placed, lambda: volumes.release_hold(store, held, "Undo"),
                lambda: volumes.set_hold(store, held, reason), self.state, Changed.FILES, self.shell.dialog_parent()))
        already = len(ids) - placed
        self.shell.show_status(self.tr("%d file(s) put on legal hold.") % placed
                               + (self.tr(" %d already were.") % already if already else ""), 8000)

    def release(self) -> None:
        ids = self._selected()
        if not ids or not self.usable(writing=True):
            return
        from legalsec_desktop.services import volumes

        held = [v.id for v in volumes.by_ids(self.state.require_store(), ids)
                if v.hold_reason and v.destroyed_at is None]
        if not held:  # said at once, instead of a question whose answer changes nothing
            self.shell.show_status(self.tr("None of the selected files is on legal hold."), 8000)
            return
        ids = held
        answer = QMessageBox.question(
            self.shell.dialog_parent(), self.tr("Release Legal Hold"),
            self.tr("Take %d file(s) off legal hold? They can then be destroyed once their retention ends.")
            % len(ids))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            released = volumes.release_hold(self.state.require_store(), ids)
        except UserFixableError as exc:
            show_problem(self.shell.dialog_parent(), exc, self.tr("Hold not released"))
            return
        self.state.data_changed.emit(Changed.FILES)
        self.shell.show_status(self.tr("%d file(s) released from legal hold.") % released, 8000)

    def print_labels(self) -> None:
        """Labels of the files selected on the Files tab; from the Matters tab, of the selected matter's files."""
        if not self.usable():
            return
        from legalsec_desktop.services import file_labels
        from legalsec_desktop.ui.files.labels_dialog import LabelsDialog

        matter = self.selected_matter() if self.shell.current_tab() is TabKey.MATTERS else None
        ids = self._selected()
        if matter is None and not ids:
            self.shell.show_status(self.tr("Select files on the Files tab, or a matter on the Matters tab, first."))
            return
        skipped: list[str] = []
        if matter is None:  # destroyed files among the chosen ones get no label: the others do, and that is said
            from legalsec_desktop.services import volumes

            chosen = volumes.by_ids(self.state.require_store(), ids)
            skipped = [v.barcode for v in chosen if v.destroyed_at is not None]
            ids = [v.id for v in chosen if v.destroyed_at is None] or ids
        try:
            labels = file_labels.labels_for(self.state.require_store(), ids, matter)
        except UserFixableError as exc:
            show_problem(self.shell.dialog_parent(), exc, self.tr("No labels"))
            return
        if skipped:
            self.shell.show_status(self.tr("No label for %s: destroyed.") % ", ".join(skipped), 8000)
        LabelsDialog(self.state, self.shell.dialog_parent(), labels).exec()

    def show_locations(self) -> None:
        if not self.usable():
            return
        from legalsec_desktop.ui.files.locations_dialog import LocationsDialog

        LocationsDialog(self.state, self.shell.dialog_parent()).exec()

    def scan(self) -> None:
        if not self.usable(writing=True):
            return
        from legalsec_desktop.ui.files.scan_dialog import ScanDialog

        ScanDialog(self.state, self.shell.dialog_parent()).exec()
