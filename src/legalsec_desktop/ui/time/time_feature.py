"""The Time feature as the frame sees it: its tab, new and copied entries, the running timer in the status bar, and
the timesheet and LEDES exports."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QUndoStack

from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.feature import Feature, Menu, Needs, Shell
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.time import time_tab
from legalsec_desktop.ui.time.time_tab import TimeTab
from legalsec_desktop.ui.time.timers_panel import RunningTimerButton


class TimeFeature(Feature):
    """Time entries, timers and what is billed."""

    key = TabKey.TIME

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(state, undo_stack, shell)
        self.title, self.icon_name = self.tr("Time"), time_tab.SPEC.icon
        tab = self.tab = TimeTab(time_tab.SPEC, state, undo_stack)
        tab.export_requested.connect(self.export_timesheet)
        self.running_timer = RunningTimerButton(tab.timers)
        self.running_timer.clicked.connect(lambda: state.navigate_to(TabKey.TIME))
        self.status_widgets.append(self.running_timer)
        self.add_action("new_time_entry", self.tr("New &Time Entry"), self.new_entry, Menu.EDIT, 200,
                        shortcut=QKeySequence.StandardKey.New, icon_name="time",
                        tip=self.tr("Type a time entry in the Time tab's entry bar"), needs=Needs.WRITABLE)
        self.add_action("copy_time_entry", self.tr("Cop&y Previous Time Entry"), self.copy_entry, Menu.EDIT, 210,
                        shortcut="Ctrl+D", tip=self.tr("A new entry filled in like the previous one, dated today"),
                        needs=Needs.WRITABLE)
        self.add_action("export_timesheet", self.tr("Export &Timesheet (Excel)…"), self.export_timesheet, Menu.FILE,
                        210, shortcut="Ctrl+Shift+X",
                        tip=self.tr("Save the time of a period as an Excel workbook with totals"))
        self.add_action("export_ledes", self.tr("Export &LEDES Invoice…"), self.export_ledes, Menu.FILE, 220,
                        tip=self.tr("A matter's time as a LEDES 1998B e-billing file"))

    @property
    def time(self) -> TimeTab:
        assert isinstance(self.tab, TimeTab)
        return self.tab

    def new_entry(self) -> None:
        self.state.navigate_to(TabKey.TIME)
        self.time.new_entry()

    def copy_entry(self) -> None:
        self.state.navigate_to(TabKey.TIME)
        self.time.entry_bar.copy_previous()

    def export_timesheet(self) -> None:
        if not self.usable():
            return
        from legalsec_desktop.ui.time.time_export_dialogs import TimesheetDialog

        filters = self.time.filters
        dialog = TimesheetDialog(self.state, self.shell.dialog_parent(), filters.first, filters.last,
                                 filters.timekeeper_id, filters.matter_id)
        if dialog.exec() == TimesheetDialog.DialogCode.Accepted and dialog.saved is not None:
            self.shell.show_status(self.tr("Saved %s time entries to %s.") % (f"{dialog.count:,}", dialog.saved),
                                   10000)

    def export_ledes(self) -> None:
        if not self.usable():
            return
        from legalsec_desktop.ui.time.time_export_dialogs import LedesDialog

        filters = self.time.filters
        matter = filters.matter_id or self.selected_matter()
        dialog = LedesDialog(self.state, self.shell.dialog_parent(), matter, filters.first, filters.last)
        if dialog.exec() == LedesDialog.DialogCode.Accepted and dialog.saved is not None:
            self.shell.show_status(self.tr("Saved the LEDES invoice to %s.") % dialog.saved, 10000)
