"""The Correspondence tab: the register of every letter, e-mail, call and meeting, in and out, of every matter."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.db_settings import per_database
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.list_tab import ListTab, TabSpec
from legalsec_desktop.ui.common.navigation import Destination
from legalsec_desktop.ui.common.record_model import ID_ROLE
from legalsec_desktop.ui.common.undo import delete_with_undo
from legalsec_desktop.ui.correspondence.register_filters import RegisterFilters

SPEC = TabSpec(
    listing="communications",
    title="Correspondence",
    icon="correspondence",
    empty_title="No correspondence yet",
    empty_text=(
        "Every letter, e-mail, call and meeting of every matter, in and out, is listed here, newest first. "
        "Draft a letter or log a call or an e-mail with the buttons above; e-mails filed from the inbox and "
        "letters drafted from a template are listed with their documents."
    ),
    noun="item",
    nouns="items",
    shows=Changed.COMMUNICATIONS | Changed.MATTERS | Changed.DOCUMENTS | Changed.TODOS,
)

# (name, text, icon, needs a chosen entry, writes)
_ACTIONS = (
    ("new_letter", "New &Letter…", "new", False, True),
    ("log_call", "Log a &Call…", "call", False, True),
    ("log_email", "Log an &E-mail…", "", False, True),
    ("edit", "&Edit…", "edit", True, True),
    ("open_document", "&Open Document", "files", True, False),
    ("delete", "&Delete", "delete", True, True),
)


class CorrespondenceTab(ListTab):
    """The register; asks its feature for the dialogs (a letter, a log entry) and deletes with undo itself."""

    new_letter_requested = Signal(object)  # the matter to start on (int), or None
    log_requested = Signal(object, str)  # the matter to start on (int or None), the kind ("call", "email")
    edit_requested = Signal(int)  # a log entry's id

    def __init__(self, spec: TabSpec, state: AppState, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        self.undo_stack = undo_stack
        self.register_filters = RegisterFilters(state.clock.today(),
                                                per_database(state.location, "correspondence/filters/matter_id"))
        super().__init__(spec, state, parent)
        self.register_filters.changed.connect(self._filters_changed)
        self.register_filters.problem.connect(self._say)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        for key, slot in ((Qt.Key.Key_Return, self.open_current), (Qt.Key.Key_Enter, self.open_current),
                          (QKeySequence.StandardKey.Delete, self.delete_current)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._matters_loaded = False
        self._enable()

    def _build_body(self) -> QWidget:
        self.actions_by_name: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        slots = {"new_letter": lambda: self.new_letter_requested.emit(self.matter_for_new()),
                 "log_call": lambda: self.log_requested.emit(self.matter_for_new(), "call"),
                 "log_email": lambda: self.log_requested.emit(self.matter_for_new(), "email"),
                 "edit": self.edit_current, "open_document": self.open_document, "delete": self.delete_current}
        button_row = QWidget()
        button_row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # clipped, not widening
        buttons = QHBoxLayout(button_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        for name, text, icon_name, _chosen, _writes in _ACTIONS:
            action = QAction(icon(icon_name), self.tr(text), self) if icon_name else QAction(self.tr(text), self)
            action.setObjectName(f"register_{name}")
            action.triggered.connect(slots[name])
            self.actions_by_name[name] = action
            button = QPushButton(action.icon(), action.text())
            button.setObjectName(f"register_{name}_button")
            button.clicked.connect(action.trigger)
            self.buttons[name] = button
            buttons.addWidget(button)
            if name == "log_email":
                buttons.addSpacing(16)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("registerMessage")
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.register_filters.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        column.addWidget(button_row)
        column.addWidget(self.register_filters)
        column.addWidget(self.message)
        column.addWidget(self.stack, 1)
        self.message.hide()
        return page

    # --- filters -------------------------------------------------------------------------------
    def list_filters(self):  # noqa: ANN201 - CommunicationFilters
        return self.register_filters.filters

    def _filters_changed(self) -> None:
        self._say("")
        self.refresh()

    def _say(self, text: str) -> None:
        self.message.setText(f"<span style='color:#b00020'>{text}</span>" if text else "")
        self.message.setVisible(bool(text))

    def show_destination(self, destination: Destination) -> None:
        """Every entry of one matter (whatever the other filters said), everything for the number "", or the list
        as its filters have it for no matter at all."""
        if destination.matter_id is None and destination.matter_number is None:
            return
        self._load_matters()
        with_matter = destination.matter_id is not None and self.register_filters.matter.findData(
            destination.matter_id) >= 0
        if not with_matter and destination.matter_number:
            super().show_destination(destination)
            return
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.blockSignals(False)
        self.model.filter_text = ""
        self.register_filters.show_matter(destination.matter_id if with_matter else None)

    def _load_matters(self) -> None:
        if self.state.store is None or self._matters_loaded:
            return
        from legalsec_desktop.services import matters

        self._matters_loaded = True
        self.register_filters.set_matters(matters.matter_choices(self.state.store, include_closed=True))

    def refresh(self) -> None:
        if not hasattr(self, "register_filters") or not hasattr(self, "actions_by_name"):
            super().refresh()  # the base class sorts while the tab is still being built
            return
        self._load_matters()
        keep = self.current_id()
        super().refresh()
        if self.state.store is not None and self.model.rowCount() == 0:
            from legalsec_desktop.services import communications

            if not communications.has_entries(self.state.store):  # the filters are a view, not a search
                self.stack.setCurrentIndex(self.EMPTY)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._enable()

    def _on_data_changed(self, what: Changed) -> None:
        if what.touches(Changed.MATTERS):
            self._matters_loaded = False
        super()._on_data_changed(what)

    def _on_store_changed(self) -> None:
        self._matters_loaded = False
        super()._on_store_changed()

    def restore_layout(self, settings: QSettings) -> None:
        """As a list tab does; a layout saved before the register had its present columns (saved without their
        keys) is left aside, so that no width or sort lands on another column."""
        if settings.value(f"tables/{self.spec.listing}/columns") is None:
            settings.remove(f"tables/{self.spec.listing}/header")
        super().restore_layout(settings)

    # --- the chosen entry ------------------------------------------------------------------------
    def current_id(self) -> int | None:
        if not hasattr(self, "stack"):
            return None
        index = self.table.currentIndex()
        if not index.isValid():
            chosen = self.table.selectionModel().selectedRows()
            index = chosen[0] if chosen else index
        if not index.isValid() or self.stack.currentIndex() != self.TABLE:
            return None
        return self.model.data(index, ID_ROLE)

    def select_entry(self, entry_id: int) -> None:
        """Choose one entry in the list (a letter just made), when the filters show it."""
        self.refresh()
        row = self.model.row_of(entry_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _has_document(self) -> bool:
        index = self.table.currentIndex()
        if not index.isValid() or self.current_id() is None:
            return False
        column = [c.key for c in self.model.columns].index("document")
        return bool(self.model.data(self.model.index(index.row(), column)))

    def matter_for_new(self) -> int | None:
        """The matter a new letter or log entry starts on: the one the list is filtered to, else the chosen entry's,
        else the one chosen on the Matters tab (the feature's choice)."""
        if self.register_filters.filters.matter_id is not None:
            return self.register_filters.filters.matter_id
        entry_id = self.current_id()
        if entry_id is None or self.state.store is None:
            return None
        from legalsec_desktop.services import communications

        return communications.entry_matter(self.state.store, entry_id)

    def _enable(self) -> None:
        if not hasattr(self, "actions_by_name"):
            return
        chosen, writable = self.current_id() is not None, self.state.store is not None and not self.state.read_only
        for name, _text, _icon, needs_entry, writes in _ACTIONS:
            enabled = (chosen or not needs_entry) and (writable or not writes) and self.state.store is not None
            if name == "open_document":
                enabled = enabled and self._has_document()
            self.actions_by_name[name].setEnabled(enabled)
            self.buttons[name].setEnabled(enabled)

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if index.isValid():
            self.table.selectRow(index.row())
        self._enable()
        menu = QMenu(self)
        for name in ("open_document", "edit", "delete", None, "new_letter", "log_call", "log_email"):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions_by_name[name])
        menu.popup(self.table.viewport().mapToGlobal(point))
        self.context_menu = menu  # kept for tests (and so that it is not collected while shown)

    # --- the actions -----------------------------------------------------------------------------
    def open_current(self) -> None:
        """The entry's document when it has one, else the entry itself for editing."""
        entry_id = self.current_id()
        if entry_id is None:
            return
        if self._has_document():
            self.open_document()
        else:
            self.edit_current()

    def edit_current(self) -> None:
        entry_id = self.current_id()
        if entry_id is not None and not self.state.read_only:
            self.edit_requested.emit(entry_id)

    def open_document(self) -> None:
        entry_id = self.current_id()
        if entry_id is None:
            return
        from legalsec_desktop.services import communications
        from legalsec_desktop.ui.common.document_open import open_document

        found = communications.entry_document(self.state.require_store(), entry_id)
        if found is None:
            self._say(self.tr("This entry has no document filed with it."))
            return
        open_document(self, self.state, found.document_id)

    def delete_current(self) -> None:
        """Delete the chosen entry (Edit ▸ Undo brings it back); its document, if any, stays filed, after asking."""
        entry_id = self.current_id()
        if entry_id is None or self.state.read_only:
            return
        from legalsec_desktop.services import communications

        store = self.state.require_store()
        found = communications.entry_document(store, entry_id)
        if found is not None:
            answer = QMessageBox.question(
                self, self.tr("Delete Entry"),
                self.tr("This entry has a document filed with it: “%s”.\n\nDelete the entry from the register? "
                        "The document stays filed in the matter's documents.") % found.title,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        delete_with_undo(self.undo_stack, self, self.state, Changed.COMMUNICATIONS | Changed.TODOS,
                         lambda: communications.delete_communication(store, entry_id),
                         lambda: communications.restore_communication(store, entry_id), self.tr("Delete log entry:"))
