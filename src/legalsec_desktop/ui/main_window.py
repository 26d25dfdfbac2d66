"""The main window: the five tabs, menus, toolbar, status bar, and the actions that span them."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from legalsec_desktop import APP_TITLE, __version__
from legalsec_desktop.ui.maintenance import backup_actions as maintenance_actions
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.style import STYLE_SHEET
from legalsec_desktop.ui.calendar import calendar_tab
from legalsec_desktop.ui.correspondence import correspondence_tab
from legalsec_desktop.ui.files import files_tab
from legalsec_desktop.ui.matters import matters_tab
from legalsec_desktop.ui.time import time_tab
from legalsec_desktop.ui.calendar.calendar_tab import CalendarTab
from legalsec_desktop.ui.common.list_tab import ListTab
from legalsec_desktop.ui.matters.matters_tab import MattersTab
from legalsec_desktop.ui.time.time_tab import TimeTab
from legalsec_desktop.ui.time.timers_panel import RunningTimerButton
from legalsec_desktop.services.changes import Changed

TAB_SPECS = (calendar_tab.SPEC, matters_tab.SPEC, correspondence_tab.SPEC, time_tab.SPEC, files_tab.SPEC)


class MainWindow(QMainWindow):
    """Owns the frame, the actions and the tabs; the work itself is in the tabs, dialogs and services."""

    def __init__(self, state: AppState, remember_layout: bool = True) -> None:
        super().__init__()
        self.state, self.remember_layout = state, remember_layout
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.setStyleSheet(STYLE_SHEET)
        self.undo_stack = QUndoStack(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.list_tabs: list[ListTab] = []
        for spec in TAB_SPECS:
            if spec is matters_tab.SPEC:
                tab: ListTab = MattersTab(spec, state, self.undo_stack)
            elif spec is calendar_tab.SPEC:
                tab = CalendarTab(spec, state, self.undo_stack)
            elif spec is time_tab.SPEC:
                tab = TimeTab(spec, state, self.undo_stack)
            else:
                tab = ListTab(spec, state)
            self.list_tabs.append(tab)
            self.tabs.addTab(tab, icon(spec.icon), spec.title)
        self.matters_tab.action_requested.connect(self.new_matter)
        self.calendar_tab.action_requested.connect(lambda: self.new_event())
        self.calendar_tab.new_event.connect(lambda day, when: self.new_event(day, when))
        self.calendar_tab.open_event.connect(self.open_event)
        self.calendar_tab.verify_button.clicked.connect(self.verify_selected)
        self.calendar_tab.dismiss_button.clicked.connect(self.dismiss_selected)
        self._notified: set[tuple] = set()
        self.reminder_box: QMessageBox | None = None
        self.matters_tab.edit_requested.connect(self.edit_matter)
        self.matters_tab.detail.show_in_tab.connect(self.show_in_tab)
        self.matters_tab.detail.conflict_check_requested.connect(
            lambda client, adverse: self.conflict_check(client, adverse))

        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 8px; "
                                  "border-bottom: 1px solid #e0c36b;")
        self.banner.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel()
        self.running_timer = RunningTimerButton(self.time_tab.timers)
        self.running_timer.clicked.connect(lambda: self.tabs.setCurrentWidget(self.time_tab))
        self.statusBar().addPermanentWidget(self.running_timer)
        self.statusBar().addPermanentWidget(self.db_label)
        self._build_actions()
        self._build_menus()
        state.store_changed.connect(self._on_store_changed)
        self._on_store_changed()
        self._daily_timer = QTimer(self, interval=60 * 60 * 1000)
        self._daily_timer.timeout.connect(lambda: maintenance_actions.back_up_if_due(self))
        self._daily_timer.start()
        self._reminder_timer = QTimer(self, interval=5 * 60 * 1000)
        self._reminder_timer.timeout.connect(self.check_reminders)
        self._reminder_timer.start()
        if remember_layout:
            self.restore_layout()
        else:
            self.resize(1200, 760)

    @property
    def calendar_tab(self) -> CalendarTab:
        return self.list_tabs[0]  # type: ignore[return-value]

    @property
    def matters_tab(self) -> MattersTab:
        return self.list_tabs[1]  # type: ignore[return-value]

    @property
    def time_tab(self) -> TimeTab:
        return self.list_tabs[3]  # type: ignore[return-value]

    # --- actions and menus -------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None, icon_name: str = "",  # noqa: ANN001
                tip: str = "") -> QAction:
        action = QAction(icon(icon_name), text, self) if icon_name else QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_matter_action = self._action(self.tr("New &Matter…"), self.new_matter, "Ctrl+Shift+M", "new",
                                              self.tr("Open a new matter"))
        self.edit_matter_action = self._action(self.tr("&Edit Matter…"), lambda: self.edit_matter(), "Ctrl+E", "edit",
                                               self.tr("Edit the matter selected in the Matters tab"))
        self.log_call_action = self._action(self.tr("&Log a Call…"), self.log_call, "Ctrl+L", "call",
                                            self.tr("Log a call on the selected matter (and record its time)"))
        self.contacts_action = self._action(self.tr("C&ontacts…"), self.show_contacts, "Ctrl+Shift+P", "contacts",
                                            self.tr("Every client and contact, with their other names"))
        self.conflict_action = self._action(self.tr("Con&flict Check…"), lambda: self.conflict_check(), "Ctrl+Shift+K",
                                            "conflict", self.tr("Search every name in the files for conflicts"))
        self.new_event_action = self._action(self.tr("New &Event…"), lambda: self.new_event(), "Ctrl+Shift+E",
                                             "calendar", self.tr("Add a hearing, deadline or appointment"))
        self.calculator_action = self._action(self.tr("&Deadline Calculator…"), lambda: self.deadline_calculator(),
                                              "Ctrl+Shift+D", "deadline",
                                              self.tr("Count a court deadline and show every step"))
        self.court_days_action = self._action(self.tr("Court Days and &Reminders…"), self.calendar_settings, None,
                                              "", self.tr("Reminder lead times and court closure days"))
        self.docket_action = self._action(self.tr("Print &Docket…"), lambda: self.print_docket(), key.Print, "print",
                                          self.tr("Print the day's docket sheet, or save it as PDF or Word"))
        self.new_time_action = self._action(self.tr("New &Time Entry"), self.new_time_entry, key.New, "time",
                                            self.tr("Type a time entry in the Time tab's entry bar"))
        self.copy_time_action = self._action(self.tr("Cop&y Previous Time Entry"), self.copy_time_entry, "Ctrl+D",
                                             "", self.tr("A new entry filled in like the previous one, dated today"))
        self.timesheet_action = self._action(self.tr("Export &Timesheet (Excel)…"), lambda: self.export_timesheet(),
                                             "Ctrl+Shift+X", "", self.tr("Save the time of a period as an Excel "
                                                                         "workbook with totals"))
        self.ledes_action = self._action(self.tr("Export &LEDES Invoice…"), lambda: self.export_ledes(), None, "",
                                         self.tr("A matter's time as a LEDES 1998B e-billing file"))
        self.import_ics_action = self._action(self.tr("&Import Calendar (.ics)…"), self.import_calendar)
        self.export_ics_action = self._action(self.tr("E&xport Calendar (.ics)…"), self.export_calendar, None, "",
                                              self.tr("Save the events the Calendar filters show, for Outlook or "
                                                      "Google Calendar"))
        self.backup_action = self._action(self.tr("&Back Up Now"), lambda: maintenance_actions.back_up_now(self),
                                          "Ctrl+Shift+B", "backup",
                                          self.tr("Make a verified backup of the database now"))
        self.restore_action = self._action(self.tr("&Restore from Backup…"),
                                           lambda: maintenance_actions.restore_backup(self),
                                           None, "restore", self.tr("Replace the database with a backup"))
        self.check_action = self._action(self.tr("&Check Database"), lambda: maintenance_actions.check_database(self))
        self.data_folder_action = self._action(self.tr("Show &Data Folder"), self.show_data_folder)
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(key.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(key.Redo)
        self.find_action = self._action(self.tr("&Find…"), self.focus_filter, key.Find)
        self.settings_action = self._action(self.tr("&Settings…"), self.open_settings, "Ctrl+,", "settings",
                                            self.tr("Firm, timekeepers and billing defaults"))
        self.refresh_action = self._action(self.tr("&Refresh"), lambda: self.state.data_changed.emit(Changed.ALL), "F5",
                                           "refresh")
        self.about_action = self._action(self.tr("&About %s") % APP_TITLE, self.show_about)
        self.tab_actions = []
        for index, spec in enumerate(TAB_SPECS):
            action = self._action(spec.title, lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                                  f"Ctrl+{index + 1}", spec.icon)
            self.tab_actions.append(action)
        self.write_actions = [self.new_matter_action, self.restore_action, self.settings_action,
                              self.edit_matter_action, self.log_call_action, self.new_event_action,
                              self.court_days_action, self.import_ics_action, self.new_time_action,
                              self.copy_time_action]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_matter_action, self.edit_matter_action, self.log_call_action,
                              self.new_event_action])
        file_menu.addSeparator()
        file_menu.addAction(self.docket_action)
        file_menu.addActions([self.timesheet_action, self.ledes_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_ics_action, self.export_ics_action])
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addAction(self.data_folder_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.new_time_action, self.copy_time_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions(self.tab_actions)
        view_menu.addSeparator()
        view_menu.addAction(self.refresh_action)
        tools_menu = bar.addMenu(self.tr("&Tools"))
        tools_menu.addActions([self.calculator_action, self.court_days_action])
        tools_menu.addSeparator()
        tools_menu.addActions([self.conflict_action, self.contacts_action])
        tools_menu.addSeparator()
        tools_menu.addAction(self.check_action)
        tools_menu.addSeparator()
        tools_menu.addAction(self.settings_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_matter_action)
        toolbar.addAction(self.new_event_action)
        toolbar.addAction(self.docket_action)
        toolbar.addAction(self.log_call_action)
        toolbar.addAction(self.conflict_action)
        toolbar.addSeparator()
        toolbar.addActions(self.tab_actions)
        toolbar.addSeparator()
        toolbar.addAction(self.backup_action)
        toolbar.addAction(self.settings_action)
        view_menu.addSeparator()
        view_menu.addAction(toolbar.toggleViewAction())

    # --- state -------------------------------------------------------------------------------
    def _on_store_changed(self) -> None:
        store = self.state.store
        opened = store is not None
        for action in self.write_actions + [self.backup_action, self.check_action, self.contacts_action,
                                            self.conflict_action, self.calculator_action, self.export_ics_action,
                                            self.docket_action, self.timesheet_action, self.ledes_action]:
            action.setEnabled(opened)
        if opened and store.read_only:
            for action in self.write_actions:
                action.setEnabled(False)
            self.banner.setText(self.tr(
                "<b>Read-only.</b> %s cannot be written (the file or its folder is read-only), so you can look but "
                "not change anything. To make changes, make the file writable and open it again."
            ) % self.state.db_path)
        self.banner.setVisible(opened and store.read_only)
        self.db_label.setText(self.state.db_path.name + (self.tr(" (read-only)") if self.state.read_only else ""))
        self.db_label.setToolTip(str(self.state.db_path))
        self.setWindowTitle(f"{self.state.db_path.stem} — {APP_TITLE}")
        if opened:
            QTimer.singleShot(1500, self.check_reminders)

    # --- commands ----------------------------------------------------------------------------
    def new_matter(self) -> None:
        if self.state.store is None or self.state.read_only:
            return
        from legalsec_desktop.ui.matters.matter_dialog import MatterDialog

        dialog = MatterDialog(self.state, self)
        if dialog.exec() == MatterDialog.DialogCode.Accepted:
            self.tabs.setCurrentWidget(self.matters_tab)
            self.matters_tab.select_matter(dialog.matter_id)
            self.statusBar().showMessage(self.tr("Matter %s opened.") % dialog.number.text().strip(), 5000)

    def edit_matter(self, matter_id: int | None = None) -> None:
        matter_id = matter_id or self.matters_tab.current_matter_id()
        if self.state.store is None or self.state.read_only:
            return
        if matter_id is None:
            self.tabs.setCurrentWidget(self.matters_tab)
            self.statusBar().showMessage(self.tr("Select a matter in the Matters tab first."), 5000)
            return
        from legalsec_desktop.ui.matters.matter_dialog import MatterDialog

        dialog = MatterDialog(self.state, self, matter_id)
        if dialog.exec() == MatterDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Matter %s saved.") % dialog.number.text().strip(), 5000)

    def log_call(self) -> None:
        if self.state.store is None or self.state.read_only:
            return
        from legalsec_desktop.ui.correspondence.log_dialog import LogDialog

        dialog = LogDialog(self.state, self, self.matters_tab.current_matter_id(), "call")
        if dialog.exec() == LogDialog.DialogCode.Accepted:
            made = self.tr(" and its time entry") if dialog.time_entry_id else ""
            self.statusBar().showMessage(self.tr("Call logged%s.") % made, 5000)

    def show_contacts(self) -> None:
        if self.state.store is None:
            return
        from legalsec_desktop.ui.matters.contacts_window import ContactsWindow

        ContactsWindow(self.state, self.undo_stack, self).exec()

    def conflict_check(self, client: tuple[str, ...] = (), adverse: tuple[str, ...] = ()) -> None:
        if self.state.store is None:
            return
        from legalsec_desktop.ui.matters.conflict_dialog import ConflictCheckDialog

        ConflictCheckDialog(self.state, self, client=client, adverse=adverse).exec()

    # --- calendar ----------------------------------------------------------------------------
    def new_event(self, day=None, when=None) -> None:  # noqa: ANN001 - a date, a datetime
        if self.state.store is None or self.state.read_only:
            return
        matter_id = self.calendar_tab.matter_filter.currentData() or (
            self.matters_tab.current_matter_id() if self.tabs.currentWidget() is self.matters_tab else None)
        self._event_dialog(day=day or self.calendar_tab.selected_day(), when=when, matter_id=matter_id)

    def open_event(self, occurrence) -> None:  # noqa: ANN001 - services.calendar.Occurrence
        if self.state.store is None:
            return
        self._event_dialog(event_id=occurrence.event_id, occurrence=occurrence.day if occurrence.series else None)

    def _event_dialog(self, **kw) -> None:  # noqa: ANN003
        from legalsec_desktop.domain.errors import UserFixableError
        from legalsec_desktop.ui.common.errors import show_problem
        from legalsec_desktop.ui.calendar.event_dialog import EventDialog

        try:
            dialog = EventDialog(self.state, self.undo_stack, self, **kw)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Cannot open the event"))
            return
        if dialog.exec() == EventDialog.DialogCode.Accepted and dialog.saved_id is not None:
            if dialog.recomputed:
                self.statusBar().showMessage(self.tr(
                    "Saved. The deadlines computed from it were recomputed and wait to be verified again."), 10000)
            else:
                self.statusBar().showMessage(self.tr("Saved “%s”.") % dialog.title.text().strip(), 5000)
            if dialog.compute_requested:
                self.deadline_calculator(dialog.saved_id)

    def deadline_calculator(self, trigger_id: int | None = None) -> None:
        if self.state.store is None:
            return
        from legalsec_desktop.ui.calendar.deadline_dialog import DeadlineDialog

        dialog = DeadlineDialog(self.state, self, trigger_id=trigger_id,
                                matter_id=self.calendar_tab.matter_filter.currentData())
        if dialog.exec() == DeadlineDialog.DialogCode.Accepted and dialog.added:
            self.statusBar().showMessage(self.tr("Added %d deadline(s) to the calendar, unverified: verify them in "
                                                 "the Calendar's Needs attention list.") % len(dialog.added), 10000)

    def new_time_entry(self) -> None:
        self.tabs.setCurrentWidget(self.time_tab)
        self.time_tab.new_entry()

    def copy_time_entry(self) -> None:
        self.tabs.setCurrentWidget(self.time_tab)
        self.time_tab.entry_bar.copy_previous()

    def export_timesheet(self) -> None:
        if self.state.store is None:
            return
        from legalsec_desktop.ui.time.time_export_dialogs import TimesheetDialog

        tab = self.time_tab
        dialog = TimesheetDialog(self.state, self, tab.filters.first, tab.filters.last,
                                 tab.filters.timekeeper_id, tab.filters.matter_id)
        if dialog.exec() == TimesheetDialog.DialogCode.Accepted and dialog.saved is not None:
            self.statusBar().showMessage(self.tr("Saved %s time entries to %s.") % (f"{dialog.count:,}", dialog.saved),
                                         10000)

    def export_ledes(self) -> None:
        if self.state.store is None:
            return
        from legalsec_desktop.ui.time.time_export_dialogs import LedesDialog

        tab = self.time_tab
        matter = tab.filters.matter_id or self.matters_tab.current_matter_id()
        dialog = LedesDialog(self.state, self, matter, tab.filters.first, tab.filters.last)
        if dialog.exec() == LedesDialog.DialogCode.Accepted and dialog.saved is not None:
            self.statusBar().showMessage(self.tr("Saved the LEDES invoice to %s.") % dialog.saved, 10000)

    def print_docket(self) -> None:
        if self.state.store is None:
            return
        from legalsec_desktop.ui.calendar.docket_dialog import DocketPreview

        DocketPreview(self.state, self).exec()

    def calendar_settings(self) -> None:
        if self.state.store is None:
            return
        from legalsec_desktop.ui.calendar.calendar_settings_dialog import CalendarSettingsDialog

        CalendarSettingsDialog(self.state, self).exec()

    def import_calendar(self) -> None:
        if self.state.store is None or self.state.read_only:
            return
        from legalsec_desktop.ui.calendar.ics_dialogs import import_calendar

        message = import_calendar(self.state, self, self.calendar_tab.matter_filter.currentData())
        if message:
            self.tabs.setCurrentWidget(self.calendar_tab)
            self.statusBar().showMessage(message, 8000)

    def export_calendar(self) -> None:
        if self.state.store is None:
            return
        from legalsec_desktop.ui.calendar.ics_dialogs import export_calendar

        message = export_calendar(self.state, self, self.calendar_tab._filters())
        if message:
            self.statusBar().showMessage(message, 8000)

    def verify_selected(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from legalsec_desktop.domain.errors import UserFixableError
        from legalsec_desktop.services import calendar
        from legalsec_desktop.ui.common.errors import show_problem
        from legalsec_desktop.ui.calendar.event_dialog import my_initials

        chosen = [occ.event_id for _, occ, _ in self.calendar_tab.selected_attention() if occ.unverified]
        if not chosen or self.state.read_only:
            self.statusBar().showMessage(self.tr("Select unverified deadlines in the Needs attention list first."),
                                         6000)
            return
        initials, accepted = QInputDialog.getText(self, self.tr("Verify deadlines"), self.tr(
            "You checked %d deadline(s) against the rule and the court's calendar.\nYour initials:") % len(chosen),
            text=my_initials())
        if not accepted:
            return
        try:
            count = calendar.verify(self.state.store, chosen, initials)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Not verified"))
            return
        self.state.data_changed.emit(Changed.EVENTS)
        self.statusBar().showMessage(self.tr("Verified %d deadline(s).") % count, 6000)

    def dismiss_selected(self) -> None:
        from legalsec_desktop.services import reminders
        from legalsec_desktop.ui.common.undo import StoreCommand

        chosen = [reminder for _, _, reminder in self.calendar_tab.selected_attention() if reminder is not None]
        if not chosen or self.state.read_only:
            self.statusBar().showMessage(self.tr("Select reminders in the Needs attention list first."), 6000)
            return
        store = self.state.store
        reminders.dismiss(store, chosen)
        self.undo_stack.push(StoreCommand(self.tr("Dismiss %d reminder(s)") % len(chosen),
                                          lambda: reminders.undismiss(store, chosen),
                                          lambda: reminders.dismiss(store, chosen), self.state, Changed.EVENTS, self))
        self.state.data_changed.emit(Changed.EVENTS)
        self.statusBar().showMessage(self.tr("Dismissed. Edit ▸ Undo (Ctrl+Z) brings them back."), 6000)

    def check_reminders(self) -> list:
        """Tell the user about reminders that fell due since the last look (once each per session)."""
        from legalsec_desktop.domain.errors import UserFixableError
        from legalsec_desktop.services import reminders

        if self.state.store is None:
            return []
        try:
            due = reminders.due_reminders(self.state.store, self.state.clock.today())
        except UserFixableError:
            return []
        fresh = [r for r in due if r.key not in self._notified]
        self._notified.update(r.key for r in fresh)
        if not fresh:
            return []
        today = self.state.clock.today()
        lines = [f"{r.occurrence.title} [{r.occurrence.matter_number}] — {r.says(today)}" for r in fresh[:12]]
        if len(fresh) > 12:
            lines.append(self.tr("… and %d more") % (len(fresh) - 12))
        self.statusBar().showMessage(self.tr("%d reminder(s) fell due: see Needs attention on the Calendar tab.")
                                     % len(fresh), 15000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Reminders"), "\n".join(lines),
                          QMessageBox.StandardButton.Close, self)
        show = box.addButton(self.tr("Show in Calendar"), QMessageBox.ButtonRole.AcceptRole)
        show.clicked.connect(lambda: self.tabs.setCurrentWidget(self.calendar_tab))
        box.setModal(False)
        box.show()
        self.reminder_box = box
        return fresh

    def show_in_tab(self, index: int, text: str) -> None:
        """Switch to a tab, filtered to one matter's number."""
        self.tabs.setCurrentIndex(index)
        tab = self.list_tabs[index]
        tab.filter_box.setText(text)
        tab._apply_filter()

    def open_settings(self, first_run: bool = False) -> bool:
        if self.state.store is None:
            return False
        from legalsec_desktop.ui.settings.settings_dialog import SettingsDialog

        return SettingsDialog(self.state, first_run=first_run, parent=self).exec() == SettingsDialog.DialogCode.Accepted

    def focus_filter(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, ListTab):
            current.focus_filter()

    def show_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.state.db_path.parent)))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About %s") % APP_TITLE, self.tr(
            "<h3>%s %s</h3><p>Calendar and court deadlines, matters, correspondence, time and the file index, "
            "for the legal secretary. Everything stays on this computer.</p>"
            "<p>Database: <code>%s</code><br>Backups: <code>%s</code></p>"
        ) % (APP_TITLE, __version__, self.state.db_path, self.state.backup_dir))

    def bring_to_front(self) -> None:
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    # --- remembered layout -------------------------------------------------------------------
    def restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        self.tabs.setCurrentIndex(int(settings.value("window/tab", 0)))
        for tab in self.list_tabs:
            tab.restore_layout(settings)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/tab", self.tabs.currentIndex())
        for tab in self.list_tabs:
            tab.save_layout(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_layout:
            self.save_layout()
        maintenance_actions.back_up_on_close(self)
        event.accept()
