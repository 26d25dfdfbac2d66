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
