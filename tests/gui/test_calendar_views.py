"""The calendar's views as the user reads them: the List view's order, where the time grid puts an item,
what the month cells say, and the calendar's keys working as soon as the window opens."""

from datetime import date, time

import pytest
from PySide6.QtCore import Qt

from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import deadlines, matters
from legalsec_desktop.ui.common.navigation import TabKey

NY = "America/New_York"
TODAY = date(2026, 11, 23)  # the day tests/conftest.py pins the program's clock to


@pytest.fixture
def window(make_window, tmp_path, two_attorney_firm):
    window = make_window(tmp_path / "cal.db")
    store = window.state.store
    window.mary, window.ken = two_attorney_firm(store, "Hale Law")
    window.matter = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                             date(2026, 1, 5), responsible_attorney_id=window.mary))
    window.resize(1400, 900)
    window.show()
    return window


def timed(matter: int, title: str, day: date, start: time, end: time | None = None, kind: str = "hearing"):
    return EventDraft(matter, kind, title, day, False, start, end, NY)


def test_the_list_view_sorts_by_day_then_all_day_items_then_the_time(window, qtbot):
    store, day = window.state.store, date(2026, 12, 2)
    # Saved in an order that neither the text of their times nor their ids would put right.
    deadlines.save_event(store, timed(window.matter, "Afternoon hearing", day, time(13, 0)))
    deadlines.save_event(store, timed(window.matter, "Morning hearing", day, time(11, 0)))
    deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "File brief", day))
    deadlines.save_event(store, timed(window.matter, "Next day", date(2026, 12, 1), time(16, 0)))
    tab = window.tab(TabKey.CALENDAR)
    tab.set_view(4)
    tab.refresh()

    def shown() -> list[str]:
        return [tab.model.index(row, 3).data() for row in range(tab.model.rowCount())]

    assert shown() == ["Next day", "File brief", "Morning hearing", "Afternoon hearing"]
    tab.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # the Time column sorts the same way
    assert shown() == ["Next day", "File brief", "Morning hearing", "Afternoon hearing"]
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown() == ["Afternoon hearing", "Morning hearing", "File brief", "Next day"]


def _first_text_row(view, rect) -> int:
    """The first row of text pixels (far from the box's fill) inside an item's box, right of its coloured bar."""
    image = view.grab().toImage()
    fill = image.pixelColor(rect.right() - 3, rect.bottom() - 2)

    def far(x: int, y: int) -> bool:
        seen = image.pixelColor(x, y)
        return abs(seen.red() - fill.red()) + abs(seen.green() - fill.green()) + abs(seen.blue() - fill.blue()) > 120

    for y in range(rect.top() + 1, rect.bottom() - 2):
        if any(far(x, y) for x in range(rect.left() + 6, rect.right() - 4)):
            return y
    return -1


@pytest.mark.parametrize("view_index", [1, 2])
def test_a_time_grid_item_and_its_text_start_at_the_line_of_its_start_time(window, qtbot, view_index):
    store, day = window.state.store, date(2026, 11, 24)
    deadlines.save_event(store, timed(window.matter, "Status conference", day, time(9, 0), time(10, 0)))
    deadlines.save_event(store, timed(window.matter, "Deposition of the plaintiff", day, time(13, 0), time(16, 0),
                                      kind="deposition"))
    deadlines.save_event(store, timed(window.matter, "Late call", day, time(21, 0), time(21, 30), kind="meeting"))
    tab = window.tab(TabKey.CALENDAR)
    window.state.navigate_to(TabKey.CALENDAR)
    tab.go_to(day)
    tab.set_view(view_index)
    view = (tab.month, tab.week, tab.day)[view_index]
    qtbot.waitExposed(view)
    view.grab()  # paints, and records where each item went
    boxes = {occ.title: rect for rect, occ in view._hits}
    texts = {occ.title: rect for rect, occ in view.labels}
    line = view.fontMetrics().lineSpacing()
    for title, hour in (("Status conference", 9), ("Deposition of the plaintiff", 13)):
        assert boxes[title].top() == view.hour_y(hour)
        assert view.hour_y(hour) <= texts[title].top() <= view.hour_y(hour) + 2
        # What is painted, not only what is recorded: the text's first pixels are on the box's first line.
        assert 0 <= _first_text_row(view, boxes[title]) - boxes[title].top() < line
    assert boxes["Late call"].bottom() < view.height()  # after the last hour shown: at the foot, not off the view


def test_a_month_cell_names_the_client_where_there_is_room_and_the_tooltip_says_everything(window, qtbot):
    store, day = window.state.store, date(2026, 11, 24)
    deadlines.save_event(store, EventDraft(window.matter, "filing deadline", "Brief", day))
    deadlines.save_event(store, EventDraft(window.matter, "filing deadline",
                                           "Response to the second amended motion for summary judgment", day))
    tab = window.tab(TabKey.CALENDAR)
    window.state.navigate_to(TabKey.CALENDAR)
    tab.set_view(0)
    window.resize(1900, 900)
    qtbot.waitExposed(tab.month)
    tab.month.grab()
    said = {tab.month.painted_text[occ.event_id, occ.day]: rect for rect, occ in tab.month._hits}
    assert "? Brief [2026-0001 Ana Rivera]" in said  # short: the client fits beside the number
    assert "? Response to the second amended motion for summary judgment [2026-0001]" in said  # long: elided
    rect = said["? Response to the second amended motion for summary judgment [2026-0001]"]
    tip = tab.month.tooltip_at(rect.center())
    assert "Response to the second amended motion for summary judgment" in tip and "2026-0001 — Ana Rivera" in tip


def test_the_calendar_keys_work_as_soon_as_the_window_opens_and_only_while_the_calendar_is_in_view(window, qtbot):
    from PySide6.QtWidgets import QApplication

    tab = window.tab(TabKey.CALENDAR)
    window.state.navigate_to(TabKey.CALENDAR)
    window.activateWindow()
    qtbot.waitActive(window)
    window.tabs.tabBar().setFocus()  # nothing in the calendar has been clicked
    assert not tab.isAncestorOf(QApplication.focusWidget())
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_2, ctrl_shift)
    assert tab.current_view() == 1  # the Week view
    start = tab.anchor
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_PageDown)
    assert tab.anchor == start + (date(2026, 1, 8) - date(2026, 1, 1))  # a week on
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert tab.anchor == TODAY
    assert window.action("calendar_view_5").shortcut().toString() == "Ctrl+Shift+5"  # in the View menu too

    window.state.navigate_to(TabKey.TIME)
    time_tab = window.tab(TabKey.TIME)
    qtbot.waitUntil(lambda: time_tab.isVisible())
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_PageDown)  # Page Down belongs to the lists there
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_1, ctrl_shift)
    assert (tab.anchor, tab.current_view()) == (TODAY, 1)


def test_the_event_form_takes_a_matter_typed_by_client_name_and_refuses_one_that_means_none(window, qtbot,
                                                                                             message_boxes):
    from legalsec_desktop.services import calendar
    from legalsec_desktop.ui.calendar.event_dialog import EventDialog

    dialog = EventDialog(window.state, window.undo_stack, window, day=date(2026, 12, 2))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Call the client")
    dialog.matter.lineEdit().setText("no such client")
    dialog.save()
    assert dialog.saved_id is None and dialog.isVisible()  # refused, and what was typed is still there
    assert dialog.matter.currentText() == "no such client"
    dialog.matter.setFocus()
    dialog.matter.lineEdit().setText("")
    qtbot.keyClicks(dialog.matter.lineEdit(), "ana riv")
    qtbot.keyClick(dialog.matter.lineEdit(), Qt.Key.Key_Return)  # chooses what the text means, and saves
    assert dialog.matter.currentData() == window.matter
    assert calendar.load_event(window.state.store, dialog.saved_id).matter_id == window.matter
