"""The Calendar feature as the frame sees it: its tab, New Event, New To-Do, the deadline calculator, the docket,
calendar files, verifying deadlines, dismissing reminders, and the reminders that fall due while the window is open."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMessageBox

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.calendar import calendar_tab
from legalsec_desktop.ui.calendar.attention import Attention
from legalsec_desktop.ui.calendar.calendar_tab import CalendarTab
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.feature import Feature, Menu, Needs, Shell
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.common.undo import StoreCommand

if TYPE_CHECKING:  # the services load after the window is up (start-up speed)
    from legalsec_desktop.services import reminders
    from legalsec_desktop.services.calendar import Occurrence

REMINDER_CHECK_MS = 5 * 60 * 1000
SHOWN_REMINDERS = 12


class CalendarFeature(Feature):
    """Events, court deadlines and the docket."""

    key = TabKey.CALENDAR

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(state, undo_stack, shell)
        self.title, self.icon_name = self.tr("Calendar"), calendar_tab.SPEC.icon
        tab = self.tab = CalendarTab(calendar_tab.SPEC, state, undo_stack)
        tab.action_requested.connect(lambda: self.new_event())
        tab.new_event.connect(lambda day, when: self.new_event(day, when))
        tab.open_event.connect(self.open_event)
        tab.verify_button.clicked.connect(self.verify_selected)
        tab.dismiss_button.clicked.connect(self.dismiss_selected)
        self._build_actions()
        self._notified: set[tuple[object, ...]] = set()
        self.reminder_box: QMessageBox | None = None
        self.closed = False  # the window has closed: no more boxes
        self.last_told: list[reminders.Reminder] = []  # what the newest check told the user about
        self._check_wanted = False  # tell of new reminders when the next reading of them comes in
        tab.attention_read.connect(self._reminders_read)
        self._reminder_timer = QTimer(self, interval=REMINDER_CHECK_MS)
        self._reminder_timer.timeout.connect(self.check_reminders)
        self._reminder_timer.start()
        state.store_changed.connect(self._on_store_changed)

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.add_action("new_event", self.tr("New &Event…"), self.new_event, Menu.FILE, 130, shortcut="Ctrl+Shift+E",
                        icon_name="calendar", tip=self.tr("Add a hearing, deadline or appointment"),
                        needs=Needs.WRITABLE, toolbar=20)
        self.add_action("new_todo", self.tr("New &To-Do…"), self.new_todo, Menu.FILE, 140, shortcut="Ctrl+Shift+T",
                        tip=self.tr("Something to do by a date: on the calendar, in Needs attention and on the docket"),
                        needs=Needs.WRITABLE)
        self.add_action("print_docket", self.tr("Print &Docket…"), self.print_docket, Menu.FILE, 200,
                        shortcut=key.Print, icon_name="print",
                        tip=self.tr("Print the day's docket sheet, or save it as PDF or Word"), toolbar=30)
        self.add_action("import_calendar", self.tr("&Import Calendar (.ics)…"), self.import_calendar, Menu.FILE, 300,
                        needs=Needs.WRITABLE)
        self.add_action("export_calendar", self.tr("E&xport Calendar (.ics)…"), self.export_calendar, Menu.FILE, 310,
                        tip=self.tr("Save the events the Calendar filters show, for Outlook or Google Calendar"))
        self.add_action("deadline_calculator", self.tr("&Deadline Calculator…"), self.deadline_calculator, Menu.TOOLS,
                        100, shortcut="Ctrl+Shift+D", icon_name="deadline",
                        tip=self.tr("Count a court deadline and show every step"))
        self.add_action("court_days", self.tr("Court Days and &Reminders…"), self.calendar_settings, Menu.TOOLS, 110,
                        tip=self.tr("Reminder lead times and court closure days"), needs=Needs.WRITABLE)
        self._build_navigation()

    def _build_navigation(self) -> None:
        """The calendar's keys as View-menu actions of the window, live whenever the Calendar tab is in view
        (not only once something in it has the focus), and off elsewhere, where Page Up/Down page other lists."""
        tab = self.calendar
        navigation = [
            ("calendar_today", self.tr("Calendar: &Today"), tab.go_today, ("Ctrl+T",)),
            ("calendar_previous", self.tr("Calendar: &Previous"), lambda: tab.step(-1), ("Alt+Left", "PgUp")),
            ("calendar_next", self.tr("Calendar: &Next"), lambda: tab.step(1), ("Alt+Right", "PgDown")),
            ("calendar_go_to", self.tr("Calendar: &Go to Date…"), tab.ask_date, ("Ctrl+G",)),
        ]
        navigation += [(f"calendar_view_{index + 1}", self.tr("Calendar: %s View") % self.tr(name),
                        partial(tab.set_view, index), (f"Ctrl+Shift+{index + 1}",))
                       for index, name in enumerate(calendar_tab.VIEWS)]
        self.navigation_actions = []
        for place, (name, text, slot, keys) in enumerate(navigation):
            action = self.add_action(name, text, slot, Menu.VIEW, 300 + place, needs=Needs.NOTHING)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setEnabled(False)
            self.navigation_actions.append(action)
        tab.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tab and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            shown = event.type() == QEvent.Type.Show
            for action in self.navigation_actions:
                action.setEnabled(shown)
        return super().eventFilter(watched, event)

    @property
    def calendar(self) -> CalendarTab:
        assert isinstance(self.tab, CalendarTab)
        return self.tab

    def _on_store_changed(self) -> None:
        if self.state.store is not None:
            QTimer.singleShot(1500, self.check_reminders)  # the Calendar tab's first reading serves it

    # --- events and deadlines ----------------------------------------------------------------
    def new_event(self, day: date | None = None, when: datetime | None = None) -> None:
        if not self.usable(writing=True):
            return
        self._event_dialog(day=day or self.calendar.selected_day(), when=when, matter_id=self._matter_in_view())

    def new_todo(self) -> None:
        """A to-do due on the day selected on the calendar (today elsewhere), on the matter in view."""
        if not self.usable(writing=True):
            return
        from legalsec_desktop.ui.common import todo_actions

        day = self.calendar.selected_day() if self.shell.current_tab() is TabKey.CALENDAR else None
        if todo_actions.edit(self.state, self.shell.dialog_parent(), matter_id=self._matter_in_view(), day=day):
            self.shell.show_status(self.tr("To-do saved: it shows in Needs attention and on the calendar."), 8000)

    def _matter_in_view(self) -> int | None:
        """The matter a new event or deadline is for: the one selected on the Matters tab when that is the tab
        in view, else the one the calendar is filtered to (if any)."""
        selected = self.selected_matter() if self.shell.current_tab() is TabKey.MATTERS else None
        matter_id: int | None = self.calendar.matter_filter.currentData()
        return selected if selected is not None else matter_id

    def open_event(self, occurrence: Occurrence) -> None:
        if not self.usable():
            return
        self._event_dialog(event_id=occurrence.event_id, occurrence=occurrence.day if occurrence.series else None)

    def _event_dialog(self, event_id: int | None = None, occurrence: date | None = None, day: date | None = None,
                      when: datetime | None = None, matter_id: int | None = None) -> None:
        from legalsec_desktop.ui.calendar.event_dialog import EventDialog

        parent = self.shell.dialog_parent()
        dialog = EventDialog(self.state, self.undo_stack, parent, event_id=event_id, occurrence=occurrence,
                             day=day, when=when, matter_id=matter_id)
        if not dialog.ready():  # read here, not on showing: an event deleted meanwhile is a message, no dialog
            dialog.deleteLater()
            return
        if dialog.exec() == EventDialog.DialogCode.Accepted and dialog.saved_id is not None:
            if dialog.recomputed:
                self.shell.show_status(self.tr(
                    "Saved. The deadlines computed from it were recomputed and wait to be verified again."), 10000)
            else:
                self.shell.show_status(self.tr("Saved “%s”.") % dialog.title.text().strip())
            if dialog.compute_requested:
                self.deadline_calculator(dialog.saved_id)

    def deadline_calculator(self, trigger_id: int | None = None) -> None:
        if not self.usable():
            return
        from legalsec_desktop.ui.calendar.deadline_dialog import DeadlineDialog

        parent = self.shell.dialog_parent()
        dialog = DeadlineDialog(self.state, parent, trigger_id=trigger_id, matter_id=self._matter_in_view())
        if not dialog.ready():  # read here, not on showing: a trigger deleted meanwhile is a message, no dialog
            dialog.deleteLater()
            return
        if dialog.exec() == DeadlineDialog.DialogCode.Accepted and dialog.added:
            added = (self.tr("Added the trigger and %d deadline(s)") if dialog.trigger_added is not None
                     else self.tr("Added %d deadline(s)")) % len(dialog.added)
            self.shell.show_status(added + self.tr(" to the calendar, unverified: verify them in the Calendar's "
                                                   "Needs attention list."), 10000)

    def verify_selected(self) -> None:
        from legalsec_desktop.ui.calendar.event_dialog import my_initials

        chosen = [occ.event_id for _, occ, _ in self.calendar.selected_attention() if occ.unverified]
        if self.state.read_only:
            self.shell.show_status(self.tr("The database is open read-only: nothing can be verified."), 6000)
            return
        if not chosen or self.state.store is None:
            self.shell.show_status(self.tr("Select unverified deadlines in the Needs attention list first."), 6000)
            return
        parent = self.shell.dialog_parent()
        initials, accepted = QInputDialog.getText(parent, self.tr("Verify deadlines"), self.tr(
            "You checked %d deadline(s) against the rule and the court's calendar.\nYour initials:") % len(chosen),
            text=my_initials())
        if not accepted:
            return
        from legalsec_desktop.services import calendar

        try:
            count = calendar.verify(self.state.store, chosen, initials)
        except UserFixableError as exc:
            show_problem(parent, exc, self.tr("Not verified"))
            return
        self.state.data_changed.emit(Changed.EVENTS)
        self.shell.show_status(self.tr("Verified %d deadline(s).") % count, 6000)

    def dismiss_selected(self) -> None:
        chosen = [reminder for _, _, reminder in self.calendar.selected_attention() if reminder is not None]
        store = self.state.store
        if self.state.read_only:
            self.shell.show_status(self.tr("The database is open read-only: reminders cannot be dismissed."), 6000)
            return
        if not chosen or store is None:
            self.shell.show_status(self.tr("Select reminders in the Needs attention list first."), 6000)
            return
        from legalsec_desktop.services import reminders

        reminders.dismiss(store, chosen)
        self.undo_stack.push(StoreCommand(self.tr("Dismiss %d reminder(s)") % len(chosen),
                                          lambda: reminders.undismiss(store, chosen),
                                          lambda: reminders.dismiss(store, chosen), self.state, Changed.EVENTS,
                                          self.shell.dialog_parent()))
        self.state.data_changed.emit(Changed.EVENTS)
        self.shell.show_status(self.tr("Dismissed. Edit ▸ Undo (Ctrl+Z) brings them back."), 6000)

    def check_reminders(self) -> None:
        """Tell the user about reminders that fell due since the last look (once each per session).

        The reminders are read off the UI thread, together with the Needs attention panel when it is being read
        anyway (at start-up, the Calendar tab's first reading serves both)."""
        if self.state.store is None:
            return
        tab, today = self.calendar, self.state.clock.today()
        latest = tab.latest_attention
        if (latest is not None and latest.store is self.state.store and latest.today == today and not tab.stale
                and not tab.attention_pending):  # nothing changed since the panel was read: no need to read again
            self.tell(latest.every_reminder, today)
            return
        self._check_wanted = True
        if not tab.attention_pending:
            tab.refresh_attention()

    def _reminders_read(self, found: Attention) -> None:
        if not self._check_wanted or found.store is not self.state.store:
            return
        self._check_wanted = False
        self.tell(found.every_reminder, found.today)

    def tell(self, due: list[reminders.Reminder], today: date) -> list[reminders.Reminder]:
        """Show the reminders of `due` not told of yet this session; return them."""
        fresh = [r for r in due if r.key not in self._notified]
        self._notified.update(r.key for r in fresh)
        self.last_told = fresh
        if not fresh:
            return []
        lines = [f"{r.occurrence.title} [{r.occurrence.matter_number}] — {r.says(today)}"
                 for r in fresh[:SHOWN_REMINDERS]]
        if len(fresh) > SHOWN_REMINDERS:
            lines.append(self.tr("… and %d more") % (len(fresh) - SHOWN_REMINDERS))
        self.shell.show_status(self.tr("%d reminder(s) fell due: see Needs attention on the Calendar tab.")
                               % len(fresh), 15000)
        if self.closed:  # the window closed while they were read: a box now would keep the program running
            return fresh
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Reminders"), "\n".join(lines),
                          QMessageBox.StandardButton.Close, self.shell.dialog_parent())
        show = box.addButton(self.tr("Show in Calendar"), QMessageBox.ButtonRole.AcceptRole)
        show.clicked.connect(lambda: self.state.navigate_to(TabKey.CALENDAR))
        box.setModal(False)
        box.show()
        self.reminder_box = box
        return fresh

    def closing(self) -> None:
        """The window is closing: a Reminders box left open would keep the program running without its window."""
        self.closed = True
        if self.reminder_box is not None:
            self.reminder_box.close()

    # --- the docket, settings and calendar files -----------------------------------------------
    def print_docket(self) -> None:
        if not self.usable():
            return
        from legalsec_desktop.ui.calendar.docket_dialog import DocketPreview

        DocketPreview(self.state, self.shell.dialog_parent()).exec()

    def calendar_settings(self) -> None:
        if not self.usable():
            return
        from legalsec_desktop.ui.calendar.calendar_settings_dialog import CalendarSettingsDialog

        CalendarSettingsDialog(self.state, self.shell.dialog_parent()).exec()

    def import_calendar(self) -> None:
        if not self.usable(writing=True):
            return
        from legalsec_desktop.ui.calendar.ics_dialogs import import_calendar

        message = import_calendar(self.state, self.shell.dialog_parent(), self.calendar.matter_filter.currentData())
        if message:
            self.state.navigate_to(TabKey.CALENDAR)
            self.shell.show_status(message, 8000)

    def export_calendar(self) -> None:
        if not self.usable():
            return
        from legalsec_desktop.ui.calendar.ics_dialogs import export_calendar

        message = export_calendar(self.state, self.shell.dialog_parent(), self.calendar.current_filters())
        if message:
            self.shell.show_status(message, 8000)
