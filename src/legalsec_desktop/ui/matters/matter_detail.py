"""The detail pane of the Matters tab: overview, parties, the communication log and the to-dos of one matter.

What it says comes from matter_overview (no Qt); this pane reads the matter when one is shown and builds widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.conflicts import PARTY_ROLES
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.documents_pane import DocumentsPane
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.fields import table_item
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.common.undo import delete_with_undo
from legalsec_desktop.ui.common.table_columns import fit_columns, read_only_table
from legalsec_desktop.ui.matters import matter_overview
from legalsec_desktop.ui.matters.matter_overview import TableRow
from legalsec_desktop.ui.matters.todo_page import TodoPage
from legalsec_desktop.services.rows import MatterParty
from legalsec_desktop.services.changes import Changed

TAB_LINKS = {"calendar": TabKey.CALENDAR, "correspondence": TabKey.CORRESPONDENCE, "time": TabKey.TIME,
             "files": TabKey.FILES}

def _table(headers: list[str], widths: tuple[int, ...], name: str) -> QTableWidget:
    table = read_only_table(headers, name)
    table.setAlternatingRowColors(False)  # as these tables always were
    table.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    fit_columns(table)  # to its rows, each time they are filled
    return table


def _fill(table: QTableWidget, rows: list[TableRow]) -> None:
    table.setRowCount(len(rows))
    for row, shown in enumerate(rows):
        for column, value in enumerate(shown.cells):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, shown.key)
            table.setItem(row, column, item)


def _selected(table: QTableWidget) -> int | None:
    item = table.item(table.currentRow(), 0)
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class MatterDetail(QWidget):
    """Shows one matter; its buttons edit it, add parties, and log calls."""

    log_requested = Signal(int, str)  # matter id, kind of entry ("call", "letter" …): log a new one
    log_edit_requested = Signal(int)  # a log entry's id: open it
    letter_requested = Signal(int, object)  # matter id, the recipient's contact id (or None): draft a letter
    edit_requested = Signal()
    conflict_check_requested = Signal(tuple, tuple)  # client names, adverse names

    def __init__(self, state: AppState, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.undo_stack = state, undo_stack
        self.matter_id: int | None = None
        self.number = ""
        self.shown_parties: list[MatterParty] = []  # as last read, for the party buttons
        self.heading = QLabel()
        self.heading.setObjectName("matterHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton(icon("edit"), self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Edit this matter (Enter)"))
        self.edit_button.clicked.connect(self.edit_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        buttons.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)

        self.overview = QLabel()
        self.overview.setObjectName("matterOverview")
        self.overview.setWordWrap(True)
        self.overview.setTextFormat(Qt.TextFormat.RichText)
        self.overview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.overview.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.overview.linkActivated.connect(self._link)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.overview)
        self.overview.setContentsMargins(8, 8, 8, 8)

        self.parties = _table([self.tr("Name"), self.tr("Role"), self.tr("Phone"), self.tr("E-mail")],
                              (220, 120, 130), "partiesTable")
        self.parties.doubleClicked.connect(lambda _i: self.edit_contact())
        QShortcut(QKeySequence.StandardKey.Delete, self.parties, self.remove_party)
        party_page = self._page(self.parties, (
            (self.tr("&Add…"), "new", self.add_party),
            (self.tr("&Letter…"), "correspondence", self.letter_to_party),
            (self.tr("Edit &Contact…"), "edit", self.edit_contact),
            (self.tr("&Role…"), "", self.change_role),
            (self.tr("Remo&ve"), "delete", self.remove_party),
            (self.tr("Con&flicts"), "conflict", self.check_parties),
        ), tips=(self.tr("Add a party to the matter"), self.tr("Write a letter to the selected party (Ctrl+Shift+L)"),
                 self.tr("Edit the selected party's contact details"), self.tr("Change the selected party's role"),
                 self.tr("Remove the selected party from the matter"),
                 self.tr("Check the parties for conflicts of interest")))
        self.party_page = party_page
        self.log = _table([self.tr("When"), self.tr("Kind"), self.tr("In/Out"), self.tr("With"), self.tr("Subject"),
                           self.tr("Follow up")], (170, 70, 50, 150, 220), "logTable")
        self.log.doubleClicked.connect(lambda _i: self.edit_log())
        QShortcut(QKeySequence.StandardKey.Delete, self.log, self.delete_log)
        log_page = self._page(self.log, (
            (self.tr("New &Letter… (Ctrl+Shift+L)"), "correspondence", lambda: self.new_letter()),
            (self.tr("Log a &Call… (Ctrl+L)"), "call", lambda: self.log_entry("call")),
            (self.tr("Log E-&mail…"), "correspondence", lambda: self.log_entry("email")),
            (self.tr("Log &Letter…"), "correspondence", lambda: self.log_entry("letter")),
            (self.tr("Log Meeting…"), "", lambda: self.log_entry("meeting")),
            (self.tr("Edit…"), "edit", self.edit_log),
            (self.tr("Delete"), "delete", self.delete_log),
        ))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("matterDetailTabs")
        self.tabs.addTab(scroll, self.tr("Overview"))
        self.tabs.addTab(party_page, icon("contacts"), self.tr("Parties"))
        self.tabs.addTab(log_page, icon("correspondence"), self.tr("Log"))
        self.todo_page = TodoPage(state, undo_stack)
        self.tabs.addTab(self.todo_page, self.tr("To do"))
        self.documents = DocumentsPane(state, undo_stack, one_matter=True)
        self.tabs.addTab(self.documents, icon("files"), self.tr("Documents"))

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.tabs, 1)
        hint = QLabel(self.tr("Select a matter to see its overview, parties and log."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(hint)
        self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.stack)
        state.data_changed.connect(self._data_changed)

    def _page(self, table: QTableWidget, actions: tuple, tips: tuple = ()) -> QWidget:
        """A table under a toolbar of `actions` (text, icon, slot); each also on the table's right-click menu."""
        page = QWidget()
        column = QVBoxLayout(page)
        bar = QToolBar()  # folds into a » menu when the pane is narrow
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(16, 16))
        self.write_buttons = getattr(self, "write_buttons", [])
        for text, icon_name, slot in actions:
            action = QAction(icon(icon_name), text, bar) if icon_name else QAction(text, bar)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())  # not slot(checked)
            bar.addAction(action)
            table.addAction(action)
            self.write_buttons.append(action)
        for action, tip in zip(bar.actions(), tips, strict=False):
            action.setToolTip(tip)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        column.addWidget(bar)
        column.addWidget(table, 1)
        return page

    # --- showing -----------------------------------------------------------------------------
    def show_matter(self, matter_id: int | None) -> None:
        from legalsec_desktop.services import communications, contacts, matters  # after the window is up
        self.matter_id = matter_id
        if matter_id is None or self.state.store is None:
            self.stack.setCurrentIndex(0)
            return
        try:
            summary = matters.matter_summary(self.state.require_store(), matter_id)
        except Exception as exc:  # noqa: BLE001 - the matter vanished (restore) or a bug: say so, keep going
            self.stack.setCurrentIndex(0)
            show_problem(self, exc)
            return
        self.number = summary.draft.number
        self.shown_parties = contacts.list_parties(self.state.require_store(), matter_id)
        log = communications.matter_log(self.state.require_store(), matter_id)
        self.heading.setText(matter_overview.heading_html(summary))
        self.overview.setText(matter_overview.overview_html(summary, self.state.clock.today()))
        _fill(self.parties, matter_overview.party_rows(self.shown_parties))
        _fill(self.log, matter_overview.log_rows(log, self.state.clock.today()))
        for row, entry in enumerate(log):  # a follow-up past and not done stands out
            if entry.follow_up_overdue(self.state.clock.today()):
                table_item(self.log, row, 5).setForeground(QColor(matter_overview.WARNING))
        self.tabs.setTabText(1, self.tr("Parties (%d)") % self.parties.rowCount())
        self.tabs.setTabText(2, self.tr("Log (%d)") % self.log.rowCount())
        self.todo_page.show_matter(matter_id)
        self.tabs.setTabText(3, self.tr("To do (%d)") % len(summary.todos))
        self.documents.show_matter(matter_id)
        for button in self.write_buttons + [self.edit_button]:
            button.setEnabled(not self.state.read_only)
        self.stack.setCurrentIndex(1)

    def _link(self, link: str) -> None:
        if link == "page:todo":
            self.tabs.setCurrentWidget(self.todo_page)
            return
        name = link.removeprefix("tab:")
        if name in TAB_LINKS:
            self.state.navigate_to(TAB_LINKS[name], self.number, self.matter_id)

    def _data_changed(self, what: Changed) -> None:
        if self.matter_id is not None and self.isVisible():
            self.show_matter(self.matter_id)

    # --- parties -----------------------------------------------------------------------------
    def add_party(self) -> None:
        if self.matter_id is None or self.state.read_only:
            return
        from legalsec_desktop.ui.matters.party_dialog import PartyDialog

        PartyDialog(self.state, self.matter_id, self.number, self).exec()

    def change_role(self) -> None:
        from legalsec_desktop.services import contacts  # after the window is up
        party_id = _selected(self.parties)
        shown = matter_overview.party(self.shown_parties, party_id) if party_id is not None else None
        if party_id is None or shown is None or self.state.read_only:
            return
        current = shown.role
        labels = [role.capitalize() for role in PARTY_ROLES]
        chosen, ok = QInputDialog.getItem(self, self.tr("Change Role"), self.tr("Role on %s:") % self.number, labels,
                                          PARTY_ROLES.index(current) if current in PARTY_ROLES else 0, False)
        if ok:
            try:
                contacts.set_party_role(self.state.require_store(), party_id, PARTY_ROLES[labels.index(chosen)])
            except Exception as exc:  # noqa: BLE001
                show_problem(self, exc, self.tr("Role not changed"))
            self.state.data_changed.emit(Changed.PARTIES)

    def edit_contact(self) -> None:
        party_id = _selected(self.parties)
        shown = matter_overview.party(self.shown_parties, party_id) if party_id is not None else None
        if shown is None:
            return
        from legalsec_desktop.ui.matters.contact_dialog import ContactDialog

        ContactDialog(self.state, self, shown.contact_id).exec()

    def remove_party(self) -> None:
        from legalsec_desktop.services import contacts  # after the window is up
        party_id = _selected(self.parties)
        if party_id is None or self.state.read_only:
            return
        delete_with_undo(self.undo_stack, self, self.state, Changed.PARTIES,
                         lambda: contacts.remove_party(self.state.require_store(), party_id),
                         lambda: contacts.restore_party(self.state.require_store(), party_id), self.tr("Remove party"))

    def check_parties(self) -> None:
        from legalsec_desktop.services import contacts  # after the window is up
        rows = contacts.list_parties(self.state.require_store(), self.matter_id) if self.matter_id else []
        self.conflict_check_requested.emit(*matter_overview.conflict_names(rows))

    # --- the log -----------------------------------------------------------------------------
    def log_entry(self, kind: str = "call") -> None:
        if self.state.read_only or self.matter_id is None:
            return
        self.log_requested.emit(self.matter_id, kind)

    def new_letter(self, recipient_id: int | None = None) -> None:
        if self.state.read_only or self.matter_id is None:
            return
        self.letter_requested.emit(self.matter_id, recipient_id)

    def party_shown(self) -> tuple[int, int] | None:
        """(matter id, contact id) of the party chosen on the Parties page, while that page is shown; else None."""
        if self.matter_id is None or not self.isVisible() or self.tabs.currentWidget() is not self.party_page:
            return None
        party_id = _selected(self.parties)
        contact = next((p.contact_id for p in self.shown_parties if p.party_id == party_id), None)
        return (self.matter_id, contact) if contact is not None else None

    def letter_to_party(self) -> None:
        """A letter to the selected party (the matter's client when none is selected)."""
        party_id = _selected(self.parties)
        contact = next((p.contact_id for p in self.shown_parties if p.party_id == party_id), None)
        self.new_letter(contact)

    def edit_log(self) -> None:
        entry_id = _selected(self.log)
        if entry_id is None or self.state.read_only:
            return
        self.log_edit_requested.emit(entry_id)

    def delete_log(self) -> None:
        from legalsec_desktop.services import communications  # after the window is up
        entry_id = _selected(self.log)
        if entry_id is None or self.state.read_only:
            return
        delete_with_undo(self.undo_stack, self, self.state, Changed.COMMUNICATIONS,
                         lambda: communications.delete_communication(self.state.require_store(), entry_id),
                         lambda: communications.restore_communication(self.state.require_store(), entry_id),
                         self.tr("Delete log entry:"))
