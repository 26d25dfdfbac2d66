"""Columns sized to what they hold: no clipped headings or values beside a wide empty column, the free-text
column taking the spare width, and the user's own widths kept."""

from PySide6.QtCore import QSettings

from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.common.table_columns import stretch_column


def shown(window, qtbot, key: TabKey):
    window.resize(1400, 900)
    window.show()
    window.state.navigate_to(key)
    tab = window.tab(key)
    qtbot.waitUntil(lambda: tab.columns.fitted)
    return tab, tab.table.horizontalHeader()


def column(tab, key: str) -> int:
    return [c.key for c in tab.model.columns].index(key)


def test_every_heading_and_value_fits_and_the_free_text_column_takes_the_spare_width(make_window, qtbot):
    window = make_window()
    tab, header = shown(window, qtbot, TabKey.TIME)
    for index in range(header.count()):
        if index != column(tab, "narrative"):  # the one column that may elide a long narrative
            assert header.sectionSize(index) >= header.sectionSizeHint(index)  # "Timekeeper" is not clipped
            assert header.sectionSize(index) >= tab.table.sizeHintForColumn(index)
    total = sum(header.sectionSize(i) for i in range(header.count()))
    assert total >= tab.table.viewport().width()  # no blank strip at the right
    narrative = header.sectionSize(column(tab, "narrative"))
    assert narrative == max(header.sectionSize(i) for i in range(header.count()))


def test_the_calendar_list_shows_locations_whole_and_no_wide_empty_status_column(make_window, qtbot):
    window = make_window()
    calendar = window.tab(TabKey.CALENDAR)
    calendar.set_view(4)
    tab, header = shown(window, qtbot, TabKey.CALENDAR)
    location, status, date = (column(tab, key) for key in ("location", "status", "on_date"))
    assert header.sectionSize(location) >= tab.table.sizeHintForColumn(location)
    assert header.sectionSize(date) >= tab.table.sizeHintForColumn(date)
    assert header.sectionSize(status) < 3 * max(header.sectionSizeHint(status), tab.table.sizeHintForColumn(status))
    assert header.sectionSize(column(tab, "title")) >= tab.table.sizeHintForColumn(column(tab, "title"))


def test_a_column_the_user_widened_keeps_its_width_next_time(make_window, qtbot):
    window = make_window()
    tab, header = shown(window, qtbot, TabKey.TIME)
    matter = column(tab, "matter")
    header.resizeSection(matter, 240)  # as a drag does
    assert tab.columns.user_sized
    tab.table.resize(tab.table.width() - 200, tab.table.height())  # and the window changes: the widths stay
    assert header.sectionSize(matter) == 240
    window.save_layout()
    tab.save_layout(QSettings())
    again = make_window()
    for each in again.feature_tabs():
        each.restore_layout(QSettings())
    tab2, header2 = again.tab(TabKey.TIME), again.tab(TabKey.TIME).table.horizontalHeader()
    again.resize(1400, 900)
    again.show()
    again.state.navigate_to(TabKey.TIME)
    qtbot.waitUntil(lambda: tab2.model.rowCount() > 0)
    qtbot.wait(20)
    assert header2.sectionSize(matter) == 240 and tab2.columns.user_sized


def test_the_conflict_check_shows_the_score_heading_whole(make_window, qtbot):
    from legalsec_desktop.ui.matters.conflict_dialog import ConflictCheckDialog

    from legalsec_desktop.services import listings

    window = make_window()
    store = window.state.store
    first = listings.list_ids(store, "matters")[0]
    client = listings.fetch_rows(store, "matters", [first])[first].client
    dialog = ConflictCheckDialog(window.state, window, client=(client,))
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)
    dialog.show()
    dialog.run_check()
    assert dialog.table.rowCount() > 0
    qtbot.waitUntil(lambda: dialog.table_columns.fitted)
    header = dialog.table.horizontalHeader()
    for index in range(header.count()):
        assert header.sectionSize(index) >= header.sectionSizeHint(index)  # "Score", "Matter status" …


def test_the_free_text_column_is_found_by_key_or_heading_else_the_last_one_stretches():
    assert stretch_column(["on_date", "start", "title", "location", "status"]) == 2
    assert stretch_column(["When", "Searched", "Title", "Score"]) == 2
    assert stretch_column(["Date", "Courts", "Reason"]) == 2
    assert stretch_column([]) is None


def test_the_settings_timekeeper_table_shows_each_ledes_class_whole(make_window, qtbot):
    from legalsec_desktop.ui.settings.settings_dialog import CLASS, SettingsDialog

    window = make_window()
    dialog = SettingsDialog(window.state, parent=window)
    qtbot.addWidget(dialog)
    dialog.load()  # as showing it does
    assert dialog.keepers.rowCount() > 0
    for row in range(dialog.keepers.rowCount()):
        assert dialog.keepers.columnWidth(CLASS) >= dialog.keepers.cellWidget(row, CLASS).sizeHint().width()


def test_a_date_column_blank_in_the_first_rows_still_fits_a_whole_date(qtbot):
    from PySide6.QtWidgets import QTableView

    from legalsec_desktop.services.columns import Column
    from legalsec_desktop.ui.common.record_model import RecordTableModel, configure_table

    class Row:
        def __init__(self, i):
            self.label, self.due = f"File {i}", None  # no due date in any row read to fit the columns

    columns = (Column("label", "File", width=10), Column("due", "Due", "date", 4))
    model = RecordTableModel(columns, lambda *_a: list(range(50)), lambda ids: {i: Row(i) for i in ids}, "label",
                             False)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    fitter = configure_table(view, columns)
    view.resize(600, 300)
    view.show()
    model.reload()
    qtbot.waitUntil(lambda: fitter.fitted)
    assert view.columnWidth(1) >= view.fontMetrics().horizontalAdvance("Wed 09/30/2026")
