"""The main window: tabs, shortcuts, empty states, read-only banner and remembered layout."""

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QKeySequence

from legalsec_desktop.ui.common.list_tab import ListTab
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.main_window import first_geometry


def test_five_tabs_in_order_with_shortcuts(make_window, qtbot):
    window = make_window()
    window.show()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Calendar", "Matters", "Correspondence", "Time", "Files"]
    for index, key in enumerate(TabKey):
        action = window.action(f"show_{key.value}")
        assert action.shortcut() == QKeySequence(f"Ctrl+{index + 1}")
        action.trigger()
        assert window.tabs.currentIndex() == index and window.current_tab() is key
        tab = window.tabs.currentWidget()
        assert tab.stack.currentIndex() == ListTab.TABLE
        assert tab.model.rowCount() > 0


def test_menus_hold_the_expected_actions(make_window):
    window = make_window()
    menus = {a.text().replace("&", ""): [x.text().replace("&", "") for x in a.menu().actions() if x.text()]
             for a in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "View", "Tools", "Help"]
    assert menus["File"] == ["New Matter…", "Edit Matter…", "Close Matter…", "Log a Call…", "Log an E-mail…",
                             "New Letter…",
                             "New Event…", "New To-Do…", "Print Docket…", "Print Envelope…", "Print Mailing Labels…",
                             "Export Timesheet (Excel)…", "Export LEDES Invoice…", "Import Calendar (.ics)…",
                             "Export Calendar (.ics)…", "Back Up Now", "Restore from Backup…", "Show Data Folder",
                             "New File…", "File Documents…", "Move File…", "Check Out File…", "Check In File",
                             "Legal Hold…", "Release Hold", "Print Labels…", "Locations…", "Scan to Check In/Out…",
                             "Quit"]
    assert menus["Edit"] == ["Undo", "Redo", "New Time Entry", "Copy Previous Time Entry", "Find…",
                             "Search Everything…"]
    assert menus["View"][:6] == ["Calendar", "Matters", "Correspondence", "Time", "Files", "Refresh"]
    assert menus["Tools"] == ["Deadline Calculator…", "Court Days and Reminders…", "Conflict Check…", "Contacts…",
                              "Letter Templates…", "Destruction Review…", "Destruction Register…", "Check Database",
                              "Settings…", "Retention and Closing…"]
    separators = [a.isSeparator() for a in window.menuBar().actions()[0].menu().actions()]
    assert separators.count(True) == 6  # new · print and export · calendar files · backups · folder · files · quit
    assert any(text.startswith("About") for text in menus["Help"])


def test_empty_database_shows_honest_empty_states(make_window, tmp_path):
    window = make_window(tmp_path / "empty.db")
    window.show()
    for index in range(5):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.currentWidget()
        assert tab.stack.currentIndex() == ListTab.EMPTY
        assert tab.empty_text_label.text()
    matters = window.tab(TabKey.MATTERS)
    assert matters.empty_button is not None and matters.empty_button.text() == "New Matter…"


def test_filter_narrows_the_list(make_window, qtbot):
    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentIndex(1)
    tab = window.tabs.currentWidget()
    everything = tab.model.rowCount()
    first = tab.model.data(tab.model.index(0, 0))
    window.action("find").trigger()
    assert tab.filter_box.hasFocus()
    qtbot.keyClicks(tab.filter_box, first)
    qtbot.waitUntil(lambda: tab.model.rowCount() < everything)
    assert "match" in tab.count_label.text()
    tab.filter_box.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == everything)


def test_read_only_shows_a_banner_and_disables_changes(make_window, demo_path):
    window = make_window(demo_path, read_only=True)
    window.show()
    assert window.banner.isVisible() and "Read-only" in window.banner.text()
    assert not window.action("new_matter").isEnabled()
    assert not window.action("settings").isEnabled()
    assert not window.action("restore").isEnabled()
    assert window.action("back_up").isEnabled()
    assert "(read-only)" in window.db_label.text()


def test_window_and_column_layout_are_remembered(make_window, message_boxes):
    window = make_window()
    window.show()
    window.resize(700, 500)
    window.tabs.setCurrentIndex(3)
    window.tab(TabKey.TIME).table.setColumnWidth(0, 211)
    window.save_layout()
    again = make_window()
    again.show()
    assert again.tabs.currentIndex() == 3
    assert again.size().width() == 700
    assert again.tab(TabKey.TIME).table.columnWidth(0) == 211
    assert QSettings().value("window/tab_key") == "time"  # by key: a tab added later does not shift it
    assert int(QSettings().value("window/tab")) == 3  # and by position, which an older version reads


def test_data_changed_refreshes_the_visible_tab_and_marks_hidden_ones_stale(make_window):
    window = make_window()
    window.show()
    window.tabs.setCurrentIndex(0)
    window.state.data_changed.emit(Changed.ALL)
    assert window.tab(TabKey.CALENDAR).stale is False
    assert window.tab(TabKey.FILES).stale is True


def test_a_change_marks_stale_only_the_tabs_that_show_that_kind_of_record(make_window):
    window = make_window()
    window.show()
    for key in TabKey:
        window.state.navigate_to(key)  # each refreshed once, so none is stale
    assert not any(window.tab(key).stale for key in TabKey)
    window.state.data_changed.emit(Changed.TIME)  # the Files tab is shown
    assert [key for key in TabKey if window.tab(key).stale] == [TabKey.TIME]
    window.state.navigate_to(TabKey.TIME)  # shown: refreshed
    window.state.data_changed.emit(Changed.TIME)  # the tab shown refreshes at once
    assert [key for key in TabKey if window.tab(key).stale] == []
    window.state.navigate_to(TabKey.CALENDAR)
    window.state.data_changed.emit(Changed.COMMUNICATIONS)
    assert [key for key in TabKey if window.tab(key).stale] == [TabKey.CORRESPONDENCE]
    window.state.data_changed.emit(Changed.MATTERS)  # every list names its matter
    assert {key for key in TabKey if window.tab(key).stale} == set(TabKey) - {TabKey.CALENDAR}


def test_close_makes_a_backup(make_window):
    window = make_window()
    window.show()
    window.close()
    assert list(window.state.backup_dir.glob("*-close.db"))


def test_status_bar_names_the_database(make_window, demo_path):
    window = make_window()
    assert window.db_label.text() == demo_path.name
    assert window.db_label.toolTip() == str(demo_path)


def test_every_toolbar_action_is_visible_at_1200_pixels(make_window, qtbot):
    window = make_window(remember_layout=False)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    actions = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert {"back_up", "settings"} <= {a.objectName() for a in actions}
    hidden = [a.text() for a in actions if not window.toolbar.widgetForAction(a).isVisible()]
    assert hidden == []  # none pushed into the toolbar's » menu
    calendar = window.action("show_calendar")
    button = window.toolbar.widgetForAction(calendar)
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly  # the tab bar names the tabs
    assert calendar.toolTip().startswith("Show the Calendar tab") and "Ctrl+1" in calendar.toolTip()


def test_a_first_start_fills_most_of_the_screen_centred(make_window, qtbot):
    window = make_window()  # nothing remembered yet
    available = window.screen().availableGeometry()
    assert window.geometry() == first_geometry(available)
    big = first_geometry(QRect(0, 0, 1920, 1040))
    assert big.size() == QSize(1600, 884) and big.center() == QRect(0, 0, 1920, 1040).center()
    laptop = first_geometry(QRect(0, 30, 1366, 738))
    assert laptop.size() == QSize(1161, 680) and laptop.top() >= 30
    small = first_geometry(QRect(0, 0, 900, 600))
    assert small.size() == QSize(900, 600)  # never larger than the screen


def test_empty_tabs_show_their_whole_explanation(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "empty.db", remember_layout=False)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.currentWidget()
        tab.empty_text_label.window().layout().activate()
        qtbot.wait(1)
        label = tab.empty_text_label
        if not label.isVisible():
            continue
        assert label.width() >= 400  # the column's width, not the narrow hint of a centred label
        assert label.height() >= label.heightForWidth(label.width())  # every wrapped line shows
