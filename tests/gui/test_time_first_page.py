"""The Time tab over a long month: its first page at once, the rest, the count, totals and short days read off the
UI thread ("…" until they come, never a first page's numbers), the newest reading winning."""

from datetime import date, timedelta

import pytest

from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.time_entries import TimeDraft
from legalsec_desktop.services import listings, matters, time_entries
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.navigation import TabKey

TODAY = date(2026, 11, 23)  # the day tests/conftest.py pins the program's clock to
ENTRIES = 450  # more than two pages of the list (RecordTableModel.PAGE is 200)


@pytest.fixture
def window(hale_window, qtbot):
    window = hale_window
    store = window.state.store
    time_entries.restore_entries(store, [  # one transaction: dates spread over the month to date
        (1000 + n, TimeDraft(TODAY - timedelta(days=n % 22), window.mary, window.rivera, 6, 30000,
                             narrative=f"Review{n:03d}")) for n in range(ENTRIES)])
    window.show()
    return window


def show_time(window):  # noqa: ANN001, ANN201
    tab = window.tab(TabKey.TIME)
    window.tabs.setCurrentWidget(tab)
    return tab


def test_the_first_page_comes_first_and_the_count_and_totals_only_when_all_is_read(window, qtbot):
    tab = show_time(window)
    first_page = [tab.model.id_at(row) for row in range(tab.model.rowCount())]
    assert len(first_page) == tab.model.PAGE and not tab.complete
    assert tab.count_label.text() == "…" and tab.totals_label.text() == "…"  # not "200 entries"
    assert tab.short_days.days.item(0).text() == "…"
    qtbot.waitUntil(lambda: tab.complete, timeout=10000)
    assert tab.model.rowCount() == ENTRIES
    assert [tab.model.id_at(row) for row in range(len(first_page))] == first_page  # the rest went in below
    store = window.state.store
    every = listings.list_ids(store, "time", tab.model.sort_key, tab.model.descending, "", tab.filters)
    assert [tab.model.id_at(row) for row in range(ENTRIES)] == every
    assert tab.count_label.text() == f"{ENTRIES} entries match"
    assert f"{ENTRIES} entries shown" in tab.totals_label.text() and "$13,500.00" in tab.totals_label.text()
    assert tab.short_days.days.item(0).text() != "…"


def test_the_selection_on_the_first_page_stays_when_the_rest_comes(window, qtbot):
    tab = show_time(window)
    tab.table.selectRow(3)
    chosen = tab.current_entry_id()
    qtbot.waitUntil(lambda: tab.complete, timeout=10000)
    assert tab.current_entry_id() == chosen and tab.selected_ids() == [chosen]


def test_only_the_newest_reading_is_shown(window, qtbot):
    tab = show_time(window)
    tab.filter_box.setText("Review00")  # Review000 … Review009
    tab._apply_filter()
    qtbot.waitUntil(lambda: tab.complete, timeout=10000)
    qtbot.wait(200)  # the first reading's answer, if it came late, would land now
    assert tab.model.rowCount() == 10 and tab.count_label.text() == "10 entries match"
    assert "10 entries shown" in tab.totals_label.text()


def test_an_entry_saved_beyond_the_first_page_is_selected_once_the_list_is_read(window, qtbot):
    tab = show_time(window)
    qtbot.waitUntil(lambda: tab.complete, timeout=10000)
    oldest = time_entries.save_entry(window.state.store, TimeDraft(TODAY - timedelta(days=21), window.mary,
                                                                   window.rivera, 6, 30000, narrative="Oldest"))
    window.state.data_changed.emit(Changed.TIME)
    tab.select_entry(oldest, scroll=True)
    assert tab.model.row_of(oldest) is None and not tab.complete  # not on the first page (newest first)
    qtbot.waitUntil(lambda: tab.complete, timeout=10000)
    assert tab.current_entry_id() == oldest


def test_a_short_month_is_read_at_once(make_window, tmp_path, two_attorney_firm):
    window = make_window(tmp_path / "short.db")
    mary, _ken = two_attorney_firm(window.state.store, "Hale Law")
    matter = matters.create_matter(window.state.store, MatterDraft("2026-0001", "Rivera", "Ana Rivera",
                                                                   date(2026, 1, 5)))
    time_entries.save_entry(window.state.store, TimeDraft(TODAY, mary, matter, 90, 30000, narrative="Call"))
    window.show()
    tab = show_time(window)
    assert tab.complete and tab.model.rowCount() == 1
    assert tab.count_label.text() == "1 entry match" and "1.5 hours" in tab.totals_label.text()
