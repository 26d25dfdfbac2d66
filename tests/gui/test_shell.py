"""The frame and its registry: navigation by key, and features that bring their own tab and menu entries."""

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel

from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.feature import Feature, Menu, Needs, Shell
from legalsec_desktop.ui.common.list_tab import ListTab
from legalsec_desktop.ui.common.navigation import Destination, TabKey
from legalsec_desktop.ui.files import files_tab


class PaperRoom(Feature):
    """A stand-in for a feature to come: a tab under the Files key, one action that writes, one that reads."""

    key = TabKey.FILES

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(state, undo_stack, shell)
        self.title, self.icon_name = "Paper", "files"
        self.tab = ListTab(files_tab.SPEC, state)
        self.labels: list[str] = []
        self.add_action("label_folder", "Print Folder &Label…", lambda: self.labels.append("printed"), Menu.TOOLS,
                        100, needs=Needs.WRITABLE, toolbar=10)
        self.add_action("find_box", "Find a &Box…", lambda: None, Menu.TOOLS, 200)
        self.status_widgets.append(QLabel("3 boxes out"))
        self.closed = False

    def closing(self) -> None:
        self.closed = True


def test_navigation_by_key_shows_the_tab_filtered_to_the_matter(make_window):
    window = make_window()
    window.state.navigate_to(TabKey.TIME, "2026-0009")
    assert window.current_tab() is TabKey.TIME
    assert window.tab(TabKey.TIME).filter_box.text() == "2026-0009"
    window.state.navigate_to(TabKey.CALENDAR)
    window.navigate(Destination(TabKey.TIME))  # no matter named: the tab keeps what it was filtered to
    assert window.current_tab() is TabKey.TIME and window.tab(TabKey.TIME).filter_box.text() == "2026-0009"
    window.navigate(Destination(TabKey.TIME, ""))  # an empty number: everything again
    assert window.tab(TabKey.TIME).filter_box.text() == ""


def test_a_matters_links_open_its_time_and_events_by_matter_not_by_text(make_window):
    window = make_window()
    window.show()
    window.state.navigate_to(TabKey.MATTERS)
    matters = window.tab(TabKey.MATTERS)
    matters.table.selectRow(0)
    matter_id = matters.current_matter_id()
    matters.detail.overview.linkActivated.emit("tab:time")  # the "Time tab" link is clicked
    time = window.tab(TabKey.TIME)
    assert window.current_tab() is TabKey.TIME
    assert time.matter_filter.currentData() == matter_id and time.filter_box.text() == ""
    assert time.filters.matter_id == matter_id and time.filters.first is None and time.filters.last is None
    assert time.period.currentText() == "All dates"  # the list agrees with the overview's totals
    window.state.navigate_to(TabKey.CALENDAR, "whatever", matter_id)
    calendar = window.tab(TabKey.CALENDAR)
    assert calendar.matter_filter.currentData() == matter_id and calendar.current_filters().matter_id == matter_id


def test_a_features_tab_actions_and_status_widgets_are_placed_by_the_frame(make_window):
    window = make_window(features=lambda state, undo, shell: [PaperRoom(state, undo, shell)])
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Paper"]
    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
    entries = [a.text() for a in tools.actions()]
    assert entries == ["Print Folder &Label…", "", "Find a &Box…"]  # places 100 and 200: a line between
    assert window.action("label_folder") in window.toolbar.actions()
    assert window.action("show_files").shortcut().toString() == "Ctrl+1"
    window.action("label_folder").trigger()
    assert window.feature(PaperRoom).labels == ["printed"]
    assert any(isinstance(w, QLabel) and w.text() == "3 boxes out" for w in window.statusBar().findChildren(QLabel))
    window.close()
    assert window.feature(PaperRoom).closed


def test_actions_follow_the_database_they_need(make_window):
    window = make_window(read_only=True)
    assert window.action("print_docket").isEnabled()  # reads
    assert not window.action("new_matter").isEnabled()  # writes
    window.state.set_store(None)
    assert not window.action("print_docket").isEnabled() and not window.action("back_up").isEnabled()
    assert window.action("quit").isEnabled() and window.action("show_calendar").isEnabled()


def test_a_remembered_tab_position_from_before_keys_still_opens_that_tab(make_window):
    from PySide6.QtCore import QSettings

    QSettings().setValue("window/tab", 3)
    window = make_window()
    assert window.current_tab() is TabKey.TIME


def test_a_matters_overview_logs_a_letter_through_the_correspondence_feature(make_window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from legalsec_desktop.ui.correspondence.log_dialog import LogDialog

    window = make_window()
    window.show()
    window.state.navigate_to(TabKey.MATTERS)
    matters = window.tab(TabKey.MATTERS)
    matters.table.selectRow(0)
    matter_id = matters.current_matter_id()
    assert matter_id is not None
    opened = []

    def record(dialog: LogDialog) -> int:
        dialog.load()  # as exec() does
        opened.append((dialog.chosen_matter(), dialog.kind.currentData()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LogDialog, "exec", record)
    matters.detail.log_entry("letter")
    assert opened == [(matter_id, "letter")]
    window.action("log_call").trigger()  # File ▸ Log a Call… defaults to the same selected matter
    assert opened[-1] == (matter_id, "call")


def test_new_event_from_the_matters_tab_is_for_the_matter_selected_there(make_window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from legalsec_desktop.ui.calendar.calendar_feature import CalendarFeature
    from legalsec_desktop.ui.calendar.event_dialog import EventDialog
    from legalsec_desktop.ui.common.record_model import ID_ROLE

    window = make_window()
    window.show()
    calendar = window.tab(TabKey.CALENDAR)
    window.state.navigate_to(TabKey.CALENDAR)
    calendar.matter_filter.setCurrentIndex(1)  # the calendar is filtered to one matter
    filtered = calendar.matter_filter.currentData()
    window.state.navigate_to(TabKey.MATTERS)
    matters = window.tab(TabKey.MATTERS)
    row = next(r for r in range(matters.model.rowCount())
               if matters.model.data(matters.model.index(r, 0), ID_ROLE) != filtered)
    matters.table.selectRow(row)
    chosen = matters.current_matter_id()
    assert chosen is not None and chosen != filtered
    opened = []
    monkeypatch.setattr(EventDialog, "exec", lambda dialog: opened.append(dialog.matter.currentData())
                        or QDialog.DialogCode.Rejected)
    window.feature(CalendarFeature).new_event()
    window.state.navigate_to(TabKey.CALENDAR)
    window.feature(CalendarFeature).new_event()
    assert opened == [chosen, filtered]  # from the Matters tab its selection; from the Calendar its filter


def test_a_deletion_in_a_dialog_says_how_to_undo_it_in_the_main_status_bar(make_window):
    from PySide6.QtWidgets import QDialog

    from legalsec_desktop.services.changes import Changed
    from legalsec_desktop.ui.common.undo import delete_with_undo

    window = make_window()
    dialog = QDialog(window)  # as the Contacts window is: its own window, without a status bar
    deleted = []
    assert delete_with_undo(window.undo_stack, dialog, window.state, Changed.CONTACTS,
                            lambda: deleted.append(1) or "Ana Rivera", lambda: deleted.pop(), "Delete Contact")
    assert window.statusBar().currentMessage() == "Deleted Ana Rivera. Edit ▸ Undo (Ctrl+Z) brings it back."
    window.undo_stack.undo()
    assert deleted == []
